package vocab

import (
	"strings"
	"unicode"
)

// Separators join a bold lead to its text ("**Pod** — the smallest
// unit") and the parts of a heading, in the order TrimSeparator tries
// them.
var Separators = []string{"—", "–", "→", "->", "=>", "-", ":", "："}

// TrimSeparator removes one separator, and the white space after it,
// from the start of s.
func TrimSeparator(s string) string {
	for _, sep := range Separators {
		if rest, ok := strings.CutPrefix(s, sep); ok {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// StartsWithSeparator reports whether TrimSeparator would remove
// something from s.
func StartsWithSeparator(s string) bool { return TrimSeparator(s) != s }

// TrimTitle drops the one full stop or colon that ends a bold lead
// ("**Missing ReplicaSet.**", "**Strengths:**"), and white space. An
// ellipsis keeps its dots.
func TrimTitle(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") || strings.HasSuffix(s, ":") {
		s = strings.TrimSpace(s[:len(s)-1])
	}
	return s
}

// KeepTitle returns the text to write as a bold lead so that TrimTitle
// reads back exactly title, which must not end in white space.
func KeepTitle(title string) string {
	if TrimTitle(title) == title {
		return title
	}
	return title + ":"
}

// TrimDecoration drops what decorates the ends of a heading or label:
// emoji, symbols, punctuation and white space before the first letter
// or digit, and after the last one (a closing bracket, "?", "!", "." and
// the "+" and "#" of "C++" and "C#" stay at the end).
func TrimDecoration(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !isWordRune(r) && !isOpening(r) })
	return strings.TrimRightFunc(s, func(r rune) bool { return !isWordRune(r) && !isClosing(r) })
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isOpening(r rune) bool { return strings.ContainsRune("(\"“'¿¡[", r) }

func isClosing(r rune) bool { return strings.ContainsRune(")\"”'?!.]+#", r) }

// quotePairs are the quotation marks Unquote removes.
var quotePairs = [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}, {"«", "»"}, {"„", "“"}, {"「", "」"}, {"『", "』"}}

// Unquote removes one pair of quotation marks (straight, curly,
// guillemets or CJK corner brackets) that encloses the whole of s, and
// the white space inside them. A pair of straight marks stays when
// another of the same mark stands between them ("'a' and 'b'").
func Unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range quotePairs {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			inner := s[len(q[0]) : len(s)-len(q[1])]
			if q[0] != q[1] || !strings.Contains(inner, q[0]) {
				return strings.TrimSpace(inner)
			}
		}
	}
	return s
}

// IsQuoted reports whether Unquote removes a pair of marks from s.
func IsQuoted(s string) bool { return Unquote(s) != strings.TrimSpace(s) }

// FileComment returns the file name that code's first line names in a
// comment ("# spark-batch-job.yaml", "// main.go", "-- file: q.sql"),
// or "": the name a code sample is filed under.
func FileComment(code string) string {
	line, _, _ := strings.Cut(code, "\n")
	line = strings.TrimSpace(line)
	var rest string
	for _, p := range []string{"#", "//", "--", ";"} {
		if r, ok := strings.CutPrefix(line, p); ok {
			rest = strings.TrimSpace(r)
			break
		}
	}
	if r, ok := strings.CutPrefix(strings.ToLower(rest), "file:"); ok {
		rest = strings.TrimSpace(rest[len(rest)-len(r):])
	}
	if rest == "" || strings.ContainsAny(rest, " \t") {
		return ""
	}
	dot := strings.LastIndexByte(rest, '.')
	if dot <= 0 || dot == len(rest)-1 || len(rest)-dot > 6 {
		return ""
	}
	for _, r := range rest[dot+1:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return ""
		}
	}
	return rest
}
