package parse

import (
	"bytes"
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

// isCode reports whether n is a code block: fenced (backticks or
// tildes, any length) or indented.
func isCode(n ast.Node) bool {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return true
	}
	return false
}

// codeText returns the content of a code block, exactly as written.
func codeText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	size := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Len()
	}
	b.Grow(size)
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b.Write(s.Value(src))
	}
	return b.String()
}

// toBlock converts a block node into a bank.Block. Lists, quotes and
// tables become single blocks with their text kept.
func (d *doc) toBlock(n ast.Node) bank.Block {
	pos := d.pos(n)
	switch n := n.(type) {
	case *ast.Heading:
		return bank.Block{Kind: bank.KindHeading, Level: n.Level, Text: d.plain(n), Pos: pos}
	case *ast.Paragraph, *ast.TextBlock:
		if c := d.onlyChild(n); c != nil && emphasis(c) == 2 {
			// A paragraph that is bold throughout is how many sources
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
	case *east.DefinitionList:
		b := bank.Block{Kind: bank.KindList, Pos: pos}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			b.Items = append(b.Items, d.blockText(c))
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
		lang, _ := fenceInfo(n, d.src)
		return bank.Block{Kind: bank.KindCode, Lang: lang, Code: codeText(n, d.src), Pos: d.fencePos(n)}
	case *ast.HTMLBlock:
		return bank.Block{Kind: bank.KindParagraph, Text: strings.TrimSpace(d.htmlText(n)), Pos: pos}
	case *ast.ThematicBreak:
		return bank.Block{Kind: bank.KindRule, Pos: pos}
	}
	return bank.Block{Kind: bank.KindParagraph, Text: d.blockText(n), Pos: pos}
}

// htmlText returns an HTML block's raw text, closing line included.
func (d *doc) htmlText(n *ast.HTMLBlock) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(d.src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(d.src))
	}
	return b.String()
}

// itemText flattens a list item into list entries: its own text, then its
// nested lists' items indented by two spaces per level.
func (d *doc) itemText(item ast.Node, depth int) []string {
	indent := strings.Repeat("  ", depth)
	var own, nested []string
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				nested = append(nested, d.itemText(it, depth+1)...)
			}
			continue
		}
		own = append(own, d.blockText(c))
	}
	return append([]string{indent + strings.Join(own, "\n")}, nested...)
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
		text := strings.TrimSpace(d.htmlText(n))
		if end := strings.Index(text, "-->"); end > 0 {
			if _, ok := pinComment(text[:end+3]); ok {
				text = strings.TrimSpace(text[end+3:]) // a pin is not text
			}
		}
		return text
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

// rowPositions returns the position of each body row of a table.
func (d *doc) rowPositions(t *east.Table) []bank.Pos {
	var out []bank.Pos
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if _, ok := r.(*east.TableHeader); !ok {
			out = append(out, d.pos(r))
		}
	}
	return out
}

// describe names a block's kind for messages.
func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return "a paragraph"
	case *ast.List, *east.DefinitionList:
		return "a list"
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return "a code block"
	case *east.Table:
		return "a table"
	case *ast.Blockquote:
		return "a quote"
	case *ast.HTMLBlock:
		return "an HTML block"
	}
	return "a " + strings.ToLower(n.Kind().String())
}

// checkFences reports code fences that are never closed: goldmark lets
// them run to the end of the file, swallowing the rest of the document.
func (d *doc) checkFences(root ast.Node) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		f, ok := n.(*ast.FencedCodeBlock)
		if !ok {
			switch n.(type) {
			case *ast.Document, *ast.List, *ast.ListItem, *ast.Blockquote:
				return ast.WalkContinue, nil // blocks that may hold a fence
			}
			return ast.WalkSkipChildren, nil // inlines, table cells: no fence
		}
		end := d.fenceBodyEnd(f)
		// The closing line, past the indent of a list item or the
		// markers of a quote ("> ```").
		rest := bytes.TrimLeft(d.src[end:], " \t>")
		if !bytes.HasPrefix(rest, []byte("```")) && !bytes.HasPrefix(rest, []byte("~~~")) {
			d.fail(d.fencePos(f), "code fence is never closed: everything after it was read as code")
		}
		return ast.WalkSkipChildren, nil
	})
}

// fenceBodyEnd returns the offset just past a fenced block's content, or
// past its opening line when it is empty.
func (d *doc) fenceBodyEnd(f *ast.FencedCodeBlock) int {
	if l := f.Lines(); l.Len() > 0 {
		return l.At(l.Len() - 1).Stop
	}
	off := offset(f)
	if f.Info != nil {
		off = f.Info.Segment.Stop
	}
	if off < 0 {
		return len(d.src)
	}
	if i := bytes.IndexByte(d.src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(d.src)
}
