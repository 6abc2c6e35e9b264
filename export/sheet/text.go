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

// clean returns s as an XLSX file can carry it: bank.Clean's text
// (valid UTF-8, LF line ends, no control characters but tab and
// newline), with the noncharacters U+FFFE and U+FFFF, which XML does not
// allow either, replaced by U+FFFD. The CSV writer applies the same rule
// so that both formats carry identical text.
func clean(s string) string {
	s = bank.Clean(s)
	if strings.ContainsRune(s, 0xFFFE) || strings.ContainsRune(s, 0xFFFF) {
		s = strings.NewReplacer("\uFFFE", "\uFFFD", "\uFFFF", "\uFFFD").Replace(s)
	}
	return s
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

// answerText renders a model answer (q.ModelAnswer) as plain text:
// headings, paragraphs and quotes as their text, list items one per line
// ("• " or "1. "), tables one row per line with cells joined by " | ",
// code as is, and each sample as a pointer to the Samples sheet. Blocks
// are separated by a blank line.
func answerText(q *bank.Question) string {
	var parts []string
	for p := range q.ModelAnswer() {
		if s := partText(p); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

// partText is one part of answerText; "" for a rule, a kind this package
// does not know, or an empty block.
func partText(p bank.Part) string {
	bl := p.Block
	switch bl.Kind {
	case bank.KindHeading, bank.KindParagraph, bank.KindQuote:
		return bl.Text
	case bank.KindList:
		lines := make([]string, len(bl.Items))
		for i, it := range bl.Items {
			mark := "• "
			if bl.Ordered {
				mark = strconv.Itoa(i+1) + ". "
			}
			lines[i] = mark + it
		}
		return strings.Join(lines, "\n")
	case bank.KindTable:
		var lines []string
		if len(bl.Header) > 0 {
			lines = append(lines, strings.Join(bl.Header, " | "))
		}
		for _, r := range bl.Rows {
			lines = append(lines, strings.Join(r, " | "))
		}
		return strings.Join(lines, "\n")
	case bank.KindCode:
		return strings.TrimRight(bl.Code, "\n")
	case bank.KindSample:
		name := p.Sample.Caption()
		if name == "" {
			name = "#" + strconv.Itoa(bl.Sample+1)
		}
		return "[Sample " + name + " — see the Samples sheet]"
	}
	return ""
}
