package markdown

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
)

// renderer collects a document as a list of blocks, written with one
// blank line between them.
type renderer struct {
	parts []string
	// list is the marker of the list just written at the top level, so
	// that a list right after it uses the other marker: two lists with
	// the same marker would be read as one.
	list string
}

// add appends a block that is not a list.
func (r *renderer) add(s string) {
	r.parts = append(r.parts, s)
	r.list = ""
}

func (r *renderer) String() string {
	if len(r.parts) == 0 {
		return ""
	}
	return strings.Join(r.parts, "\n\n") + "\n"
}

// blockCtx says where blocks are written.
type blockCtx struct {
	// q is the question whose samples KindSample blocks name, or nil.
	q *bank.Question
	// used records which of q's samples were written.
	used []bool
	// headings allows ATX headings. Outside a model answer a heading
	// would open a new section, so every heading is written as a bold
	// paragraph, the sources' level-4 sub-heading.
	headings bool
}

// blocks writes a run of blocks.
func (r *renderer) blocks(bs []bank.Block, ctx *blockCtx) {
	for i := range bs {
		r.block(&bs[i], ctx)
	}
}

func (r *renderer) block(b *bank.Block, ctx *blockCtx) {
	switch b.Kind {
	case bank.KindHeading:
		if ctx.headings && b.Level >= 1 && b.Level <= 6 && b.Level != 4 {
			r.add(atx(b.Level, b.Text))
			return
		}
		r.add(strong(b.Text))
	case bank.KindList:
		if len(b.Items) > 0 {
			r.addList(b.Items, b.Ordered)
		}
	case bank.KindTable:
		if len(b.Header) > 0 {
			r.add(table(b.Header, b.Rows))
		}
	case bank.KindCode:
		r.add(fence(b.Lang, b.Code))
	case bank.KindSample:
		if ctx.q != nil && b.Sample >= 0 && b.Sample < len(ctx.q.Samples) {
			r.sample(&ctx.q.Samples[b.Sample])
			if ctx.used != nil {
				ctx.used[b.Sample] = true
			}
		}
	case bank.KindQuote:
		r.add(quote(b.Text))
	case bank.KindRule:
		r.add("---")
	default: // KindParagraph, and kinds this package does not know
		if isHTMLBlock(b.Text) {
			r.add(b.Text)
			return
		}
		r.add(orSpace(inline(b.Text, textOpts{})))
	}
}

// atx returns an ATX heading. Line breaks in its text are written as
// character references.
func atx(level int, text string) string {
	h := strings.Repeat("#", level)
	if text == "" {
		return h
	}
	return h + " " + inline(text, textOpts{oneLine: true, heading: true, inLine: true})
}

// strong returns text in bold. Empty text is written as an escaped space,
// which the parser trims away, since "****" is no emphasis at all.
func strong(text string) string {
	if text == "" {
		return "**&#32;**"
	}
	return "**" + inline(text, textOpts{inLine: true}) + "**"
}

// quoted wraps text in quotation marks that the parser removes again:
// straight ones when text holds none, curly ones otherwise. A curly mark
// next to a non-ASCII character could read as mojibake ("â”" is how "┐"
// looks through Windows-1252) and be repaired, so a space, which the
// parser trims, keeps them apart.
func quoted(text string) string {
	if !strings.Contains(text, `"`) {
		return `"` + text + `"`
	}
	open, end := "“", "”"
	if r, _ := utf8.DecodeRuneInString(text); r >= utf8.RuneSelf {
		open += " "
	}
	if r, _ := utf8.DecodeLastRuneInString(text); r >= utf8.RuneSelf {
		end = " " + end
	}
	return open + text + end
}

// addList writes a list. Items indented by two spaces per level (as the
// parser flattens nested lists) become nested lists again.
func (r *renderer) addList(items []string, ordered bool) {
	marker := "-"
	switch {
	case ordered && r.list == ".":
		marker = ")"
	case ordered:
		marker = "."
	case r.list == "-":
		marker = "*"
	}
	var b strings.Builder
	var cols []int // content column of the open item at each depth
	n := 0
	for i, it := range items {
		depth := 0
		for depth < len(cols) && strings.HasPrefix(it, "  ") {
			it = it[2:]
			depth++
		}
		col := 0
		m := "-"
		if depth > 0 {
			col = cols[depth-1]
		} else if ordered {
			n++
			m = strconv.Itoa(n) + marker
		} else {
			m = marker
		}
		cols = append(cols[:depth], col+len(m)+1)
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat(" ", col))
		b.WriteString(m)
		b.WriteString(" ")
		b.WriteString(itemBody(it, strings.Repeat(" ", col+len(m)+1)))
	}
	r.parts = append(r.parts, b.String())
	r.list = marker
}

// table returns a GFM table. Rows are cut or padded to the header's
// width, as the table parser does.
func table(header []string, rows [][]string) string {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteByte('|')
		for i := range header {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			b.WriteString(" ")
			b.WriteString(inline(c, textOpts{oneLine: true, inLine: true}))
			b.WriteString(" |")
		}
	}
	row(header)
	b.WriteString("\n|")
	b.WriteString(strings.Repeat("---|", len(header)))
	for _, r := range rows {
		b.WriteByte('\n')
		row(r)
	}
	return b.String()
}

// quote returns a block quote. Its paragraphs were joined by a blank
// line, so they are split there again.
func quote(text string) string {
	if text == "" {
		return ">"
	}
	parts := paragraphs(text)
	for i, p := range parts {
		parts[i] = "> " + orSpace(inline(p, textOpts{indent: "> "}))
	}
	return strings.Join(parts, "\n>\n")
}

// orSpace returns s, or an escaped space for a paragraph that must exist
// but hold no text: the parser trims the space away.
func orSpace(s string) string {
	if s == "" {
		return "&#32;"
	}
	return s
}

// itemBody writes the text of a list item. The parser joins the blocks
// of an item with "\n", so line breaks at either end of the text stand
// for blocks that hold no text: each is written as an empty paragraph.
// An empty item gets an escaped space too, since a bare marker under an
// item's text would underline it as a heading, and a nested list would
// not stay inside it.
func itemBody(text, indent string) string {
	core := strings.Trim(text, "\n")
	lead := len(text) - len(strings.TrimLeft(text, "\n"))
	trail := len(text) - len(core) - lead
	var paras []string
	for i := 0; i < lead; i++ {
		paras = append(paras, "")
	}
	if core != "" || text == "" {
		paras = append(paras, core)
	} else {
		paras = append(paras, "") // n line breaks join n+1 empty blocks
	}
	for i := 0; i < trail; i++ {
		paras = append(paras, "")
	}
	for i, p := range paras {
		paras[i] = orSpace(inline(p, textOpts{indent: indent}))
	}
	return strings.Join(paras, "\n\n"+indent)
}
