package parse

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// plain returns the text of n's inline content with Markdown syntax
// removed: emphasis markers dropped, escapes and entities resolved, link
// targets kept in parentheses so that nothing is lost. Line breaks inside
// a paragraph become "\n".
//
// The text is gathered in d.buf, reused across calls, so that each result
// is one allocation of its exact size rather than a builder's growth.
func (d *doc) plain(n ast.Node) string {
	d.buf = appendChildren(d.buf[:0], n, d.src)
	return string(bytes.TrimSpace(d.buf))
}

func appendChildren(b []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b = appendInline(b, c, src)
	}
	return b
}

// appendInline appends the plain text of one inline node to b.
func appendInline(b []byte, n ast.Node, src []byte) []byte {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(src)
		if !n.IsRaw() {
			v = unescape(v)
		}
		b = append(b, v...)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b = append(b, '\n')
		}
	case *ast.String:
		v := n.Value
		if !n.IsRaw() && !n.IsCode() {
			v = unescape(v)
		}
		b = append(b, v...)
	case *ast.CodeSpan:
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				b = append(b, t.Value(src)...)
			case *ast.String:
				b = append(b, t.Value...)
			}
		}
	case *ast.Link:
		start := len(b)
		b = appendChildren(b, n, src)
		if dest := n.Destination; len(dest) > 0 && !bytes.Equal(b[start:], dest) {
			b = append(b, " ("...)
			b = append(b, dest...)
			b = append(b, ')')
		}
	case *ast.AutoLink:
		b = append(b, n.URL(src)...)
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b = append(b, seg.Value(src)...)
		}
	default:
		b = appendChildren(b, n, src)
	}
	return b
}

// unescape resolves backslash escapes and character references. Most
// text has neither, and goldmark's functions copy it whether or not.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveNumericReferences(v)
		v = util.ResolveEntityNames(v)
	}
	return v
}

// isStrong reports whether n is bold (**text**).
func isStrong(n ast.Node) bool {
	e, ok := n.(*ast.Emphasis)
	return ok && e.Level == 2
}

// isItalic reports whether n is italic (*text*).
func isItalic(n ast.Node) bool {
	e, ok := n.(*ast.Emphasis)
	return ok && e.Level == 1
}

// isBlankText reports whether n is text holding only white space.
func isBlankText(n ast.Node, src []byte) bool {
	t, ok := n.(*ast.Text)
	return ok && len(bytes.TrimSpace(t.Value(src))) == 0
}

// onlyChild returns the single inline child of a paragraph, ignoring
// white space around it, or nil when there are several.
func onlyChild(p ast.Node, src []byte) ast.Node {
	var only ast.Node
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if isBlankText(c, src) {
			continue
		}
		if only != nil {
			return nil
		}
		only = c
	}
	return only
}

// leadSplit splits a paragraph that opens in bold — "**Pod** — the
// smallest unit", "**Missing X.** Because …" — into the bold lead and the
// rest, with a separating dash or colon removed. ok is false when the
// paragraph does not open in bold.
func (d *doc) leadSplit(p ast.Node) (lead, rest string, ok bool) {
	first := firstInline(p, d.src)
	if first == nil || !isStrong(first) {
		return "", "", false
	}
	lead = d.plain(first)
	d.buf = d.buf[:0]
	for c := first.NextSibling(); c != nil; c = c.NextSibling() {
		d.buf = appendInline(d.buf, c, d.src)
	}
	return lead, string(trimSeparatorBytes(bytes.TrimSpace(d.buf))), true
}

// firstInline returns a paragraph's first inline child that is not blank
// text, or nil.
func firstInline(p ast.Node, src []byte) ast.Node {
	first := p.FirstChild()
	for first != nil && isBlankText(first, src) {
		first = first.NextSibling()
	}
	return first
}

// separators join a bold lead to its explanation, in the order tried.
var separators = []string{"—", "–", "-", ":"}

// trimSeparator removes a leading "—", "–", "-" or ":" that joins a bold
// lead to its explanation.
func trimSeparator(s string) string {
	for _, sep := range separators {
		if strings.HasPrefix(s, sep) {
			return strings.TrimSpace(s[len(sep):])
		}
	}
	return s
}

// trimSeparatorBytes is trimSeparator on bytes, for text gathered in a
// scratch buffer.
func trimSeparatorBytes(s []byte) []byte {
	for _, sep := range separators {
		if len(s) >= len(sep) && string(s[:len(sep)]) == sep {
			return bytes.TrimSpace(s[len(sep):])
		}
	}
	return s
}

// unquote removes one pair of enclosing quotation marks, straight or
// curly, from a prompt or a suggested phrasing.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}} {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			inner := s[len(q[0]) : len(s)-len(q[1])]
			if !strings.Contains(inner, q[0]) || q[0] != q[1] {
				return strings.TrimSpace(inner)
			}
		}
	}
	return s
}
