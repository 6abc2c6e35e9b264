package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The bank's text is plain: the parser removed emphasis and resolved
// escapes and character references. Writing it back means escaping just
// enough that goldmark reads exactly the same text again:
//
//   - a backslash, '*', '`', '<', '[' and '|' are always backslash-escaped
//     ('|' so that no paragraph can turn into a table);
//   - '_' is escaped unless it stands between two letters or digits, where
//     it can neither open nor close emphasis (snake_case stays readable);
//   - '&' becomes "&amp;" when it would start a character reference (a
//     backslash would not do: the parser unescapes before it resolves
//     references);
//   - at the start of a line, what would open a block is escaped: '#', '>',
//     "- ", "+ ", "1. ", "1) ", a line of '-' or '=', "~~~", and a line of
//     '-' and ':' (a table's delimiter row);
//   - white space at either end of a line, control characters, and line
//     breaks where a real one cannot stand (a heading, a table cell, next to
//     an empty line) become numeric character references such as "&#10;".

// textOpts says where escaped text goes.
type textOpts struct {
	// indent is written after every line break, so that continuation
	// lines stay inside a list item or a block quote.
	indent string
	// oneLine forbids real line breaks: every "\n" becomes "&#10;".
	oneLine bool
	// heading escapes a trailing run of '#', which would otherwise close
	// an ATX heading.
	heading bool
	// inLine says the text does not begin a line (it follows a list
	// marker, "**" or other text), so its first line needs no escaping
	// of block syntax.
	inLine bool
}

// inline escapes s, plain text whose "\n" are line breaks, so that
// goldmark parses it back to s.
func inline(s string, o textOpts) string {
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	atStart := !o.inLine // the output is at the start of a line
	for i, line := range lines {
		if i > 0 {
			// A real break needs text on both sides: an empty line
			// would end the paragraph.
			if !o.oneLine && lines[i-1] != "" && line != "" {
				b.WriteByte('\n')
				b.WriteString(o.indent)
				atStart = true
			} else {
				b.WriteString("&#10;")
				atStart = false
			}
		}
		lastLine := i == len(lines)-1
		// In oneLine text only the very end of the text ends a line.
		endsLine := !o.oneLine || lastLine
		escapeLine(&b, line, atStart, endsLine, o.heading && lastLine)
		atStart = false
	}
	return b.String()
}

// escapeLine writes one line of text. atStart says the line begins an
// output line; endsLine that it ends one (trailing white space would be
// dropped); heading that it ends an ATX heading.
func escapeLine(b *strings.Builder, line string, atStart, endsLine, heading bool) {
	if line == "" {
		return
	}
	mark := -1 // byte index of a character that must be escaped to open no block
	if atStart {
		mark = blockStart(line)
	}
	hashes := len(line) // start of the trailing run of '#' in a heading
	if heading {
		hashes = len(strings.TrimRight(line, "#"))
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteByte(line[i]) // invalid UTF-8 is kept as it is
		case (r == ' ' || r == '\t') && (i == 0 || i+size == len(line) && endsLine):
			writeRef(b, r)
		case r < 0x20 && r != '\t' || r == 0x7f || r == '\ufeff':
			writeRef(b, r)
		case i == mark || i >= hashes:
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\\' || r == '*' || r == '`' || r == '<' || r == '[' || r == '|':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '_' && !(wordBefore(line, i) && wordAfter(line, i+size)):
			b.WriteString(`\_`)
		case r == '&' && isReference(line[i+1:]):
			b.WriteString("&amp;")
		default:
			b.WriteString(line[i : i+size])
		}
		i += size
	}
}

// writeRef writes r as a decimal character reference.
func writeRef(b *strings.Builder, r rune) {
	b.WriteString("&#")
	b.WriteString(strconv.Itoa(int(r)))
	b.WriteByte(';')
}

// blockStart returns the byte index of the character to escape so that a
// line does not open a block (heading, quote, list item, thematic break,
// setext underline, fence), or -1 when the line is safe. Characters that
// are escaped everywhere ('*', '_' at a line start, '`', '<', '|', '[')
// need no mark.
func blockStart(line string) int {
	switch c := line[0]; {
	case c == '#' || c == '>':
		return 0
	case c == '+':
		if spaceOrEnd(line, 1) {
			return 0
		}
	case c == '-' || c == ':':
		// "- " opens a list item; ": " a definition under the line
		// before; a line of '-' is a thematic break or a setext
		// underline; '-' and ':' alone make a table delimiter row under
		// a one-cell line.
		if spaceOrEnd(line, 1) || strings.Trim(line, "-: \t") == "" {
			return 0
		}
	case c == '=':
		if strings.Trim(line, "= \t") == "" {
			return 0
		}
	case c == '~':
		// "~~~" opens a fence; "~ " a Pandoc definition, which the
		// parser reads as ": " is.
		if strings.HasPrefix(line, "~~~") || spaceOrEnd(line, 1) {
			return 0
		}
	case c >= '0' && c <= '9':
		n := 0
		for n < len(line) && n < 10 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		if n <= 9 && n < len(line) && (line[n] == '.' || line[n] == ')') && spaceOrEnd(line, n+1) {
			return n
		}
	}
	return -1
}

func spaceOrEnd(s string, i int) bool {
	return i >= len(s) || s[i] == ' ' || s[i] == '\t'
}

// wordBefore and wordAfter report whether a letter or digit stands just
// before, or at, byte index i of s.
func wordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isReference reports whether "&" followed by s could be read as a
// character reference: "&#…" or "&name;".
func isReference(s string) bool {
	if strings.HasPrefix(s, "#") {
		return true
	}
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= '0' && s[n] <= '9') {
		n++
	}
	return n > 0 && n < len(s) && s[n] == ';'
}

// fence returns a fenced code block holding code exactly: the fence is
// longer than any run of its character inside, and uses tildes when the
// info string holds a backtick. A final line break is added when code
// lacks one, since a fenced block's last line always ends in one.
func fence(info, code string) string {
	c := byte('`')
	if strings.ContainsRune(info, '`') {
		c = '~'
	}
	f := strings.Repeat(string(c), max(3, longestRun(code, c)+1))
	if code != "" && !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	return f + info + "\n" + code + f
}

// longestRun returns the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// paragraphs splits text that the parser joined from several paragraphs
// ("\n\n" between them) back into them. The parser trims each paragraph,
// so a piece that begins or ends with white space stays joined to its
// neighbour, in one paragraph that spells its blank lines as references.
// Pieces may be empty.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if n := len(out); n > 0 && endsSpace(out[n-1]) {
			out[n-1] += "\n\n" + p
		} else {
			out = append(out, p)
		}
		// Gluing to an empty piece makes one that begins with a line
		// break, which must go on to the piece before.
		for n := len(out); n > 1 && startsSpace(out[n-1]); n-- {
			out[n-2] += "\n\n" + out[n-1]
			out = out[:n-1]
		}
	}
	return out
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}
