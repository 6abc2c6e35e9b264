package fix

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// Encoding names the encoding the input was found in.
type Encoding string

// Input encodings Bytes recognises.
const (
	UTF8         Encoding = "utf-8"
	UTF8BOM      Encoding = "utf-8+bom"         // the BOM was stripped
	UTF16LE      Encoding = "utf-16le"          // had a BOM; decoded to UTF-8
	UTF16BE      Encoding = "utf-16be"          // had a BOM; decoded to UTF-8
	UTF16LENoBOM Encoding = "utf-16le (no BOM)" // recognised by its NUL bytes; decoded
	UTF16BENoBOM Encoding = "utf-16be (no BOM)" // recognised by its NUL bytes; decoded
	Legacy       Encoding = "legacy"            // no UTF-8 at all; decoded through the code page in Report.CodePage
)

// Kind says what was done at one place in the text.
type Kind int

// Kinds of Repair.
const (
	// Mojibake: UTF-8 (or UTF-16) that had been read through a code page
	// and saved again was turned back into the original characters.
	Mojibake Kind = iota + 1
	// Rebuilt: as Mojibake, but bytes the code page does not define had
	// been dropped and were chosen back from what Unicode and the context
	// allow. Candidates lists the other readings when there was more than
	// one plausible one.
	Rebuilt
	// Undecodable: bytes that are not valid in the input encoding, left as
	// they are (or, in UTF-16, an unpaired surrogate, dropped).
	Undecodable
	// Suspect: looks damaged, but the evidence was too weak to repair it
	// (or the repair's confidence was below MinConfidence); left as it is.
	// Candidates lists what it may have been.
	Suspect
	// Removed: a character that is never content was removed: a second
	// byte-order mark at the start of the text.
	Removed
)

var kindNames = map[Kind]string{
	Mojibake:    "mojibake",
	Rebuilt:     "rebuilt",
	Undecodable: "undecodable",
	Suspect:     "suspect",
	Removed:     "removed",
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
	// decoded to UTF-8 (after decoding UTF-16 or a legacy code page), after
	// the file's byte-order mark, which editors do not show; for UTF-8 input
	// that is the input itself.
	Line, Col int
	// Offset is the 0-based byte offset of the damaged text, in the same
	// decoded input.
	Offset int
	// Damaged is the text as found; Replacement what it became (equal to
	// Damaged for Undecodable and Suspect).
	Damaged, Replacement string
	// CodePage is the code page the text had been read through, as
	// "windows-1252"; empty for Undecodable and Removed.
	CodePage string
	Kind     Kind
	// Confidence in [0,1] that Replacement is the original text. For
	// Suspect, the confidence that its first candidate is.
	Confidence float64
	// Rounds is how many rounds of mojibake were undone here (2 for text that
	// was damaged twice).
	Rounds int
	// Candidates are the plausible readings, best first: for Rebuilt, when
	// there is more than one (the first is Replacement's); for Suspect,
	// what the text may have been.
	Candidates []string
}

// IsSuspect reports whether p needs a person's eye: it was left as it is
// though it looks damaged, it was rebuilt with more than one plausible
// candidate, or it was repaired with a confidence below SuspectBelow.
func (p Repair) IsSuspect() bool { return isSuspect(p.Kind, len(p.Candidates), p.Confidence) }

func isSuspect(k Kind, candidates int, conf float64) bool {
	return k == Suspect || k == Rebuilt && candidates > 1 || isMade(k) && conf < SuspectBelow
}

// Newlines describes the line endings found in the input.
type Newlines struct {
	CRLF, LF, CR int  // counts of "\r\n", lone "\n" and lone "\r"
	Normalized   bool // CRLF were turned into LF (NormalizeNewlines)
}

// Report says what Bytes found and did.
type Report struct {
	Encoding Encoding
	// CodePage names the code page a legacy-encoded input was decoded
	// through (Encoding is Legacy then), else it is empty.
	CodePage string
	Newlines Newlines
	// Rounds is the number of rounds of mojibake undone (0 when none).
	Rounds int
	// Changed reports whether the output differs from the input. A UTF-8
	// BOM stripped or UTF-16 decoded changes the output without repairing
	// anything: see Repaired.
	Changed bool

	base    []byte    // the decoded input
	out     []byte    // the output
	steps   []editMap // the edits of each step, in order
	places  []finding // what Repairs lists, its spans in base
	repairs []Repair  // built when first asked for (see Repairs)
	lines   []int     // offsets of base's line starts, built when first asked for
}

// Count returns the number of repairs of kind k.
func (r *Report) Count(k Kind) int {
	n := 0
	for _, p := range r.places {
		if p.kind == k {
			n++
		}
	}
	return n
}

// Suspects returns the number of repairs that need a person's eye (see
// Repair.IsSuspect).
func (r *Report) Suspects() int {
	n := 0
	for _, p := range r.places {
		if isSuspect(p.kind, len(p.cands), p.conf) {
			n++
		}
	}
	return n
}

// Repaired reports whether any damage was repaired: mojibake undone,
// bytes rebuilt or a stray byte-order mark removed. Decoding UTF-16 or
// stripping the one BOM of a UTF-8 file is reading the file as it is
// meant to be read, not a repair.
func (r *Report) Repaired() bool {
	for _, p := range r.places {
		switch p.kind {
		case Mojibake, Rebuilt, Removed:
			return true
		}
	}
	return false
}

// Summary is a one-line account: encoding, line endings and counts by kind.
func (r *Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "encoding %s", r.Encoding)
	if r.CodePage != "" {
		fmt.Fprintf(&b, " (%s)", r.CodePage)
	}
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
		r.Count(Mojibake), r.Count(Rebuilt), r.Count(Undecodable), r.Suspects())
	if n := r.Count(Removed); n > 0 {
		fmt.Fprintf(&b, ", %d removed", n)
	}
	if r.Rounds > 1 {
		fmt.Fprintf(&b, "; %d rounds", r.Rounds)
	}
	if !r.Changed {
		b.WriteString("; unchanged")
	}
	return b.String()
}

// Format writes the report for file name: a summary line, then one line per
// repair as `name:line:col: kind via code page: "damaged" → "replacement"
// (confidence 0.97)`.
func (r *Report) Format(w io.Writer, name string) error {
	if _, err := fmt.Fprintf(w, "%s: %s\n", name, r.Summary()); err != nil {
		return err
	}
	for _, p := range r.Repairs() {
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

// Position returns the line and column (1-based, the column in bytes) in
// the input of byte offset off of the output, so that a problem found in
// the repaired text can point into the file as the user sees it. An
// offset inside a repaired stretch maps to the stretch's start.
func (r *Report) Position(off int) (line, col int) {
	for i := len(r.steps) - 1; i >= 0; i-- {
		off = r.steps[i].back(off, false)
	}
	return r.locate(off)
}

// locate returns the line and column of offset off of the decoded input.
func (r *Report) locate(off int) (line, col int) {
	if r.lines == nil {
		r.lines = make([]int, 1, bytes.Count(r.base, []byte{'\n'})+1)
		for i := 0; ; {
			k := bytes.IndexByte(r.base[i:], '\n')
			if k < 0 {
				break
			}
			i += k + 1
			r.lines = append(r.lines, i)
		}
	}
	off = max(0, min(off, len(r.base)))
	l := sort.SearchInts(r.lines, off+1) - 1
	return l + 1, off - r.lines[l] + 1
}

// String formats p as "line:col: " followed by Describe.
func (p Repair) String() string {
	return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Describe())
}

// Describe says what was done at p, as `kind via code page: "damaged" →
// "replacement" (confidence 0.97)`, with long texts shortened.
func (p Repair) Describe() string {
	via := ""
	if p.CodePage != "" {
		via = " via " + p.CodePage
	}
	rounds := ""
	if p.Rounds > 1 {
		rounds = fmt.Sprintf(", %d rounds", p.Rounds)
	}
	also := ""
	if len(p.Candidates) > 1 && p.Kind == Rebuilt {
		also = "; also possible: " + quoteList(p.Candidates[1:])
	}
	switch p.Kind {
	case Undecodable:
		return fmt.Sprintf("%s: %s left as is", p.Kind, quoteShort(p.Damaged))
	case Removed:
		return fmt.Sprintf("%s: %s", p.Kind, quoteShort(p.Damaged))
	case Suspect:
		maybe := ""
		if len(p.Candidates) > 0 {
			maybe = ", may be " + quoteList(p.Candidates)
		}
		return fmt.Sprintf("%s%s: %s left as is%s (confidence %.2f)",
			p.Kind, via, quoteShort(p.Damaged), maybe, p.Confidence)
	}
	return fmt.Sprintf("%s%s: %s → %s (confidence %.2f%s%s)",
		p.Kind, via, quoteShort(p.Damaged), quoteShort(p.Replacement), p.Confidence, rounds, also)
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quoteShort(s)
	}
	return strings.Join(q, ", ")
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
		case r < 0x20 || r == 0x7F || r >= 0x80 && !visible(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}
