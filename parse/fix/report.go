package fix

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Encoding names the encoding the input was found in.
type Encoding string

// Input encodings Bytes recognises.
const (
	UTF8        Encoding = "utf-8"
	UTF8BOM     Encoding = "utf-8+bom"    // the BOM was stripped
	UTF16LE     Encoding = "utf-16le"     // had a BOM; decoded to UTF-8
	UTF16BE     Encoding = "utf-16be"     // had a BOM; decoded to UTF-8
	Windows1252 Encoding = "windows-1252" // not UTF-8 at all; decoded
)

// Kind says what was done at one place in the text.
type Kind int

// Kinds of Repair.
const (
	// Mojibake: UTF-8 that had been decoded through a code page and saved
	// again was turned back into the original characters.
	Mojibake Kind = iota + 1
	// Rebuilt: as Mojibake, but bytes the code page does not define had been
	// dropped and were chosen back by context and prior.
	Rebuilt
	// Undecodable: bytes that are not valid in the input encoding, left as
	// they are (or, in UTF-16, an unpaired surrogate, dropped).
	Undecodable
	// Suspect: looks like mojibake but the evidence is too weak; left as is.
	Suspect
)

var kindNames = map[Kind]string{
	Mojibake:    "mojibake",
	Rebuilt:     "rebuilt",
	Undecodable: "undecodable",
	Suspect:     "suspect",
}

// String returns the kind's name as used in reports.
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Repair is one place of the input that was repaired, or that could not be.
type Repair struct {
	// Line and Col locate the damaged text in the input, 1-based. Col counts
	// bytes from the start of the line. Positions refer to the input as
	// decoded to UTF-8: after removing a BOM and decoding UTF-16 or plain
	// Windows-1252, which for ordinary UTF-8 input is the input itself.
	Line, Col int
	// Offset is the 0-based byte offset of the damaged text, in the same
	// decoded input.
	Offset int
	// Damaged is the text as found; Replacement what it became (equal to
	// Damaged for Undecodable and Suspect).
	Damaged, Replacement string
	// CodePage is the code page the text had been decoded through, as
	// "windows-1252"; empty for Undecodable.
	CodePage string
	Kind     Kind
	// Confidence in [0,1] that Replacement is the original text. For Suspect,
	// the confidence that there was damage at all.
	Confidence float64
	// Rounds is how many rounds of mojibake were undone here (2 for text that
	// was double-encoded).
	Rounds int
}

// Newlines describes the line endings found in the input.
type Newlines struct {
	CRLF, LF, CR int  // counts of "\r\n", lone "\n" and lone "\r"
	Normalized   bool // CRLF were turned into LF (NormalizeNewlines)
}

// Report says what Bytes found and did.
type Report struct {
	Encoding Encoding
	Newlines Newlines
	// Rounds is the number of rounds of mojibake undone (0 when none).
	Rounds int
	// Changed reports whether the output differs from the input.
	Changed bool
	// Repairs lists, in input order, every repair and every place left
	// damaged (Kind Undecodable or Suspect). With Brief, it lists only
	// the places left damaged.
	Repairs []Repair

	made [Rebuilt + 1]int // repairs counted but left out of Repairs (Brief)
}

// Count returns the number of repairs of kind k, including those Brief
// left out of Repairs.
func (r *Report) Count(k Kind) int {
	n := 0
	if k >= 0 && int(k) < len(r.made) {
		n = r.made[k]
	}
	for _, p := range r.Repairs {
		if p.Kind == k {
			n++
		}
	}
	return n
}

// Summary is a one-line account: encoding, line endings and counts by kind.
func (r *Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "encoding %s", r.Encoding)
	nl := r.Newlines
	switch {
	case nl.CRLF > 0 && nl.LF == 0 && nl.CR == 0:
		b.WriteString(", CRLF line endings")
	case nl.CRLF == 0 && nl.CR == 0:
		b.WriteString(", LF line endings")
	default:
		fmt.Fprintf(&b, ", mixed line endings (%d CRLF, %d LF, %d CR)", nl.CRLF, nl.LF, nl.CR)
	}
	if nl.Normalized {
		b.WriteString(" normalized to LF")
	}
	fmt.Fprintf(&b, "; %d mojibake, %d rebuilt, %d undecodable, %d suspect",
		r.Count(Mojibake), r.Count(Rebuilt), r.Count(Undecodable), r.Count(Suspect))
	if r.Rounds > 1 {
		fmt.Fprintf(&b, "; %d rounds", r.Rounds)
	}
	if !r.Changed {
		b.WriteString("; unchanged")
	}
	return b.String()
}

// Format writes the report for file name: a summary line, then one line per
// repair as "name:line:col: kind via code page: "damaged" → "replacement"
// (confidence 0.97)".
func (r *Report) Format(w io.Writer, name string) error {
	if _, err := fmt.Fprintf(w, "%s: %s\n", name, r.Summary()); err != nil {
		return err
	}
	for _, p := range r.Repairs {
		if _, err := fmt.Fprintf(w, "%s:%s\n", name, p); err != nil {
			return err
		}
	}
	return nil
}

// String returns Format's output for the name "-".
func (r *Report) String() string {
	var b strings.Builder
	_ = r.Format(&b, "-")
	return b.String()
}

// String formats p as "line:col: kind ...", with long texts shortened.
func (p Repair) String() string {
	via := ""
	if p.CodePage != "" {
		via = " via " + p.CodePage
	}
	rounds := ""
	if p.Rounds > 1 {
		rounds = fmt.Sprintf(", %d rounds", p.Rounds)
	}
	switch p.Kind {
	case Undecodable, Suspect:
		return fmt.Sprintf("%d:%d: %s%s: %s left as is (confidence %.2f)",
			p.Line, p.Col, p.Kind, via, quoteShort(p.Damaged), p.Confidence)
	}
	return fmt.Sprintf("%d:%d: %s%s: %s → %s (confidence %.2f%s)",
		p.Line, p.Col, p.Kind, via, quoteShort(p.Damaged), quoteShort(p.Replacement), p.Confidence, rounds)
}

// quoteShort quotes s, keeping printable non-ASCII as is and cutting it to
// about 40 characters.
func quoteShort(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		n := 0
		for i := range s {
			if n == max-1 {
				return quote(s[:i]) + "…"
			}
			n++
		}
	}
	return quote(s)
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) || !plausible(r) && r >= 0x80:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}
