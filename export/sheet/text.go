package sheet

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
)

// MaxCell is the most UTF-16 code units a spreadsheet cell holds (Excel's
// limit, which excelize enforces by cutting silently). Longer text is cut
// by this package with a visible marker instead; see clip.
const MaxCell = 32767

// formulaLike reports whether a spreadsheet could take s for a formula:
// s starts with '=', '+', '-', '@', a tab or a carriage return. It is the
// one test of the formula-injection defence; the CSV writer prefixes such
// text with a single quote and the XLSX writer stores it as a string cell
// in the Text number format. See the package documentation.
func formulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// cellText prepares source text for a cell: it replaces what XML 1.0
// cannot carry, cuts it to fit MaxCell (leaving room for the CSV quote
// prefix when the text is formula-like) and reports whether it is
// formula-like. Both writers use it, so both hold the same text.
func cellText(s string) (text string, risky bool) {
	c := clean(s)
	risky = formulaLike(s) || formulaLike(c) // a leading CR becomes LF
	s = c
	limit := MaxCell
	if risky {
		limit-- // the CSV writer adds "'"
	}
	return clip(s, limit), risky
}

// clean replaces invalid UTF-8 and every character that XML 1.0 does not
// allow (C0 controls other than tab, newline and carriage return; U+FFFE,
// U+FFFF) with U+FFFD, and turns CRLF and lone CR line ends into LF. An
// XLSX file cannot hold those characters, and the CSV writer applies the
// same rule so that both formats carry identical text.
func clean(s string) string {
	ok := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == '\r' {
				ok = false
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			ok = false
			break
		}
		i += n
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if strings.HasPrefix(s[i+n:], "\n") {
				n++
			}
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// utf16Len returns how many UTF-16 code units s takes, which is how
// spreadsheets count a cell's length.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// clip returns s unchanged when it fits in limit UTF-16 code units.
// Otherwise it cuts s at a character boundary and appends a marker that
// says how many characters were dropped, the whole fitting in limit.
func clip(s string, limit int) string {
	if len(s) <= limit || utf16Len(s) <= limit { // a byte is at most one unit
		return s
	}
	total := utf8.RuneCountInString(s)
	// The marker's length depends on the count it holds; reserve room for
	// the largest count it could print.
	marker := func(dropped int) string {
		return "\n… [cut by bankgen: " + strconv.Itoa(dropped) + " more characters]"
	}
	room := limit - utf16Len(marker(total))
	units, i, kept := 0, 0, 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if units+w > room {
			break
		}
		units += w
		i += n
		kept++
	}
	return s[:i] + marker(total-kept)
}

// answerText renders a model answer as plain text: headings, paragraphs
// and quotes as their text, list items one per line ("• " or "1. "),
// tables one row per line with cells joined by " | ", code as is, and a
// sample as a pointer to the Samples sheet. Blocks are separated by a
// blank line.
func answerText(q *bank.Question) string { return string(appendAnswer(nil, q)) }

// appendAnswer appends answerText(q) to dst. Callers that reuse dst make
// one allocation per answer, for the string, instead of one per part.
func appendAnswer(dst []byte, q *bank.Question) []byte {
	for _, bl := range q.Answer {
		mark := len(dst)
		if mark > 0 {
			dst = append(dst, "\n\n"...)
		}
		start := len(dst)
		switch bl.Kind {
		case bank.KindHeading, bank.KindParagraph, bank.KindQuote:
			dst = append(dst, bl.Text...)
		case bank.KindList:
			for i, it := range bl.Items {
				if i > 0 {
					dst = append(dst, '\n')
				}
				if bl.Ordered {
					dst = append(strconv.AppendInt(dst, int64(i+1), 10), ". "...)
				} else {
					dst = append(dst, "• "...)
				}
				dst = append(dst, it...)
			}
		case bank.KindTable:
			if len(bl.Header) > 0 {
				dst = appendJoined(dst, bl.Header)
			}
			for i, r := range bl.Rows {
				if i > 0 || len(bl.Header) > 0 {
					dst = append(dst, '\n')
				}
				dst = appendJoined(dst, r)
			}
		case bank.KindCode:
			dst = append(dst, strings.TrimRight(bl.Code, "\n")...)
		case bank.KindSample:
			dst = append(dst, samplePointer(q, bl.Sample)...)
		}
		// KindRule, kinds this package does not know and empty parts add
		// nothing, not even a separator.
		if len(dst) == start {
			dst = dst[:mark]
		}
	}
	return dst
}

// appendJoined appends cells joined by " | ", a table row of answerText.
func appendJoined(dst []byte, cells []string) []byte {
	for i, c := range cells {
		if i > 0 {
			dst = append(dst, " | "...)
		}
		dst = append(dst, c...)
	}
	return dst
}

// samplePointer names sample i of q for the model answer text:
// "[Sample: deployment.yaml — see the Samples sheet]".
func samplePointer(q *bank.Question, i int) string {
	name := "#" + strconv.Itoa(i+1)
	if i >= 0 && i < len(q.Samples) {
		s := q.Samples[i]
		switch {
		case s.File != "":
			name = s.File
		case len(s.Kinds) > 0:
			name = strings.Join(s.Kinds, ", ")
		case s.Lang != "":
			name = s.Lang + " " + name
		}
	}
	return "[Sample " + name + " — see the Samples sheet]"
}
