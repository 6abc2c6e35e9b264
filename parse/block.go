package parse

import (
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// offset returns the byte offset where n starts, looking into its first
// descendants when goldmark recorded no position for n itself.
func offset(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if p := c.Pos(); p >= 0 {
			return p
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return -1
}

// fencePos returns the position of a code block's opening fence line.
// goldmark records it as the block's position; a block without one is
// placed on the line before its first content line.
func (d *doc) fencePos(n ast.Node) bank.Pos {
	if n.Pos() >= 0 {
		return d.lines.pos(n.Pos())
	}
	p := d.pos(n)
	if _, ok := n.(*ast.FencedCodeBlock); ok && p.Line > 1 {
		p.Line, p.Col = p.Line-1, 1
	}
	return p
}

// codeText returns the content of a code block, exactly as written.
func codeText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	size := 0
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		size += s.Len() + s.Padding
	}
	b.Grow(size)
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b.Write(s.Value(src))
	}
	return b.String()
}

// fenceLang returns a fenced block's language: the first word of its info
// string.
func fenceLang(n ast.Node, src []byte) string {
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		return string(f.Language(src))
	}
	return ""
}

// toBlock converts a block node into a bank.Block. Lists, quotes and
// tables become single blocks with their text kept.
func (d *doc) toBlock(n ast.Node) bank.Block {
	pos := d.pos(n)
	switch n := n.(type) {
	case *ast.Heading:
		return bank.Block{Kind: bank.KindHeading, Level: n.Level, Text: d.plain(n), Pos: pos}
	case *ast.Paragraph, *ast.TextBlock:
		if c := onlyChild(n, d.src); c != nil && isStrong(c) {
			// A paragraph that is bold throughout is how the sources
			// write a sub-heading ("**The Core Innovation:**").
			return bank.Block{Kind: bank.KindHeading, Level: 4, Text: d.plain(n), Pos: pos}
		}
		return bank.Block{Kind: bank.KindParagraph, Text: d.plain(n), Pos: pos}
	case *ast.List:
		b := bank.Block{Kind: bank.KindList, Ordered: n.IsOrdered(), Pos: pos}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			b.Items = append(b.Items, d.itemText(it, 0)...)
		}
		return b
	case *ast.Blockquote:
		var parts []string
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			parts = append(parts, d.blockText(c))
		}
		return bank.Block{Kind: bank.KindQuote, Text: strings.Join(parts, "\n\n"), Pos: pos}
	case *east.Table:
		return d.table(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return bank.Block{Kind: bank.KindCode, Lang: fenceLang(n, d.src), Code: codeText(n, d.src), Pos: d.fencePos(n)}
	case *ast.HTMLBlock:
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(d.src))
		}
		if n.HasClosure() {
			cl := n.ClosureLine
			b.Write(cl.Value(d.src))
		}
		return bank.Block{Kind: bank.KindParagraph, Text: strings.TrimSpace(b.String()), Pos: pos}
	case *ast.ThematicBreak:
		return bank.Block{Kind: bank.KindRule, Pos: pos}
	}
	return bank.Block{Kind: bank.KindParagraph, Text: d.blockText(n), Pos: pos}
}

// itemText flattens a list item into list entries: its own text, then its
// nested lists' items indented by two spaces per level.
func (d *doc) itemText(item ast.Node, depth int) []string {
	indent := strings.Repeat("  ", depth)
	var own []string
	var nested []string
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				nested = append(nested, d.itemText(it, depth+1)...)
			}
			continue
		}
		own = append(own, d.blockText(c))
	}
	out := []string{indent + strings.Join(own, "\n")}
	return append(out, nested...)
}

// blockText returns the plain text of any block. A table nested in a
// list item or quote becomes one line per row, cells joined by " | ".
func (d *doc) blockText(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		return d.plain(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return strings.TrimRight(codeText(n, d.src), "\n")
	case *ast.HTMLBlock:
		return d.toBlock(n).Text
	case *east.Table:
		t := d.table(n)
		rows := []string{strings.Join(t.Header, " | ")}
		for _, r := range t.Rows {
			rows = append(rows, strings.Join(r, " | "))
		}
		return strings.Join(rows, "\n")
	}
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		parts = append(parts, d.blockText(c))
	}
	return strings.Join(parts, "\n")
}

// table converts a GFM table, header first.
func (d *doc) table(t *east.Table) bank.Block {
	b := bank.Block{Kind: bank.KindTable, Pos: d.pos(t)}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, d.plain(c))
		}
		if _, ok := r.(*east.TableHeader); ok {
			b.Header = cells
		} else {
			b.Rows = append(b.Rows, cells)
		}
	}
	return b
}
