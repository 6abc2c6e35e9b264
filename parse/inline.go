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
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	writeChildren(&b, n, src)
	return strings.TrimSpace(b.String())
}

func writeChildren(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeInline(b, c, src)
	}
}

// writeInline writes the plain text of one inline node.
func writeInline(b *strings.Builder, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(src)
		if !n.IsRaw() {
			v = unescape(v)
		}
		b.Write(v)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte('\n')
		}
	case *ast.String:
		v := n.Value
		if !n.IsRaw() && !n.IsCode() {
			v = unescape(v)
		}
		b.Write(v)
	case *ast.CodeSpan:
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				b.Write(t.Value(src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
	case *ast.Link:
		start := b.Len()
		writeChildren(b, n, src)
		if dest := string(n.Destination); dest != "" && b.String()[start:] != dest {
			b.WriteString(" (" + dest + ")")
		}
	case *ast.AutoLink:
		b.Write(n.URL(src))
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(src))
		}
	default:
		writeChildren(b, n, src)
	}
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
	return ok && strings.TrimSpace(string(t.Value(src))) == ""
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
func leadSplit(p ast.Node, src []byte) (lead, rest string, ok bool) {
	first := p.FirstChild()
	for first != nil && isBlankText(first, src) {
		first = first.NextSibling()
	}
	if first == nil || !isStrong(first) {
		return "", "", false
	}
	var b strings.Builder
	for c := first.NextSibling(); c != nil; c = c.NextSibling() {
		writeInline(&b, c, src)
	}
	return plain(first, src), trimSeparator(strings.TrimSpace(b.String())), true
}

// trimSeparator removes a leading "—", "–", "-" or ":" that joins a bold
// lead to its explanation.
func trimSeparator(s string) string {
	for _, sep := range []string{"—", "–", "-", ":"} {
		if strings.HasPrefix(s, sep) {
			return strings.TrimSpace(s[len(sep):])
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
