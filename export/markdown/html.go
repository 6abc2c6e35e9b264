package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// gm parses Markdown as package parse does, to check raw HTML.
var gm = goldmark.New(goldmark.WithExtensions(extension.Table, extension.DefinitionList))

// isHTMLBlock reports whether s, written as it is, is read back as one
// HTML block holding exactly s that ends where s ends. The parser keeps
// an HTML block as a paragraph of its raw text, so such a paragraph is
// written raw: as the HTML it was, rather than as escaped text, and as a
// block the parser files where it filed the original (an HTML block is
// not a paragraph to the sections that read paragraphs).
func isHTMLBlock(s string) bool {
	if !strings.HasPrefix(s, "<") || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\r\x00") {
		return false
	}
	src := []byte(s + "\n\nend\n")
	doc := gm.Parser().Parse(text.NewReader(src))
	h, ok := doc.FirstChild().(*ast.HTMLBlock)
	if !ok || doc.ChildCount() != 2 {
		return false
	}
	var b strings.Builder
	for i := 0; i < h.Lines().Len(); i++ {
		seg := h.Lines().At(i)
		b.Write(seg.Value(src))
	}
	if h.HasClosure() {
		b.Write(h.ClosureLine.Value(src))
	}
	p, ok := h.NextSibling().(*ast.Paragraph)
	if !ok || p.Lines().Len() != 1 {
		return false
	}
	end := p.Lines().At(0)
	return strings.TrimSpace(b.String()) == s && string(end.Value(src)) == "end"
}
