package pdf

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
)

// Type sizes of the study guide, in points, and the leading of body text.
const (
	bodySize    = 10.0
	leading     = 1.38
	smallSize   = 8.5
	codeSize    = 8.5
	codeLeading = 1.22
	tableSize   = 9.0
	// diagramMax caps the size of diagram text: narrow diagrams are not
	// blown up beyond the body text.
	diagramMax = 10.5
	// monoAdvance is DejaVu Sans Mono's advance, in em, of every glyph.
	monoAdvance = 0.602
	pad         = 2.0 // padding inside boxes, mm
)

// bodyLH is the height of a line of body text.
func bodyLH() float64 { return bodySize * ptmm * leading }

// space adds vertical space unless at the top of a column.
func (d *doc) space(h float64) {
	if !d.fresh() {
		d.y += h
	}
}

// heading lays out a heading kept on one page with the next next
// millimetres of what follows it (see minHeight).
func (d *doc) heading(s string, st style, size float64, col rgb, before, after, next float64) {
	d.space(before)
	h := d.paraHeight([]span{{st, col, s}}, size, 1.25, 0)
	d.keep(h + after + next)
	d.para([]span{{st, col, s}}, size, 1.25, 0)
	d.y += after
}

// sectionHeading is a heading with a rule under it, such as "Model
// answer", kept with the next next millimetres.
func (d *doc) sectionHeading(s string, next float64) {
	d.space(5)
	h := d.paraHeight([]span{{sansBold, navy, s}}, 12, 1.25, 0)
	d.keep(h + 2.5 + next)
	d.para([]span{{sansBold, navy, s}}, 12, 1.25, 0)
	d.line(light, 0.3, d.x(), d.y+0.5, d.width(), 0)
	d.y += 2.5
}

// minHeight is how much of parts must follow a heading on its page: two
// lines of text, a table's first row, the head of a long code box, or
// all of a short code box or a diagram.
func (d *doc) minHeight(parts []bank.Part) float64 {
	if len(parts) == 0 {
		return 2 * bodyLH()
	}
	b := parts[0].Block
	lines := func(s string, indent float64) float64 {
		// One line if it fits on one, else two: an estimate is enough.
		if !strings.Contains(s, "\n") && textW(sans, bodySize, sanitize(s, covSans, false, false)) <= d.width()-indent {
			return bodyLH()
		}
		return 2 * bodyLH()
	}
	switch b.Kind {
	case bank.KindHeading:
		return d.paraHeight([]span{{sansBold, black, b.Text}}, 11, 1.25, 0) + 3.5 + d.minHeight(parts[1:])
	case bank.KindParagraph:
		return lines(b.Text, 0)
	case bank.KindQuote:
		return lines(b.Text, 6) + 2*pad
	case bank.KindList:
		if len(b.Items) > 0 {
			return lines(b.Items[0], 5)
		}
	case bank.KindTable:
		return 2 * (tableSize*ptmm*1.3*2 + 3)
	case bank.KindCode:
		return d.codeMin(b.Lang, b.Code)
	case bank.KindSample:
		if s := parts[0].Sample; s != nil {
			return d.codeMin(s.Caption(), s.Code)
		}
	}
	return 2 * bodyLH()
}

// body lays out a paragraph of body text followed by paragraph spacing.
func (d *doc) body(spans ...span) {
	d.para(spans, bodySize, leading, 0)
	d.y += 1.8
}

// blocks lays out structured text: a model answer, a note section.
func (d *doc) blocks(parts []bank.Part) {
	for i, p := range parts {
		switch b := p.Block; b.Kind {
		case bank.KindHeading:
			size := 10.5
			switch {
			case b.Level <= 1:
				size = 12
			case b.Level <= 3:
				size = 11
			}
			d.heading(b.Text, sansBold, size, black, 2.5, 1, d.minHeight(parts[i+1:]))
		case bank.KindParagraph:
			d.body(span{sans, black, b.Text})
		case bank.KindList:
			d.list(b.Items, b.Ordered)
		case bank.KindTable:
			d.table(cellSpans(b.Header, sansBold), rowSpans(b.Rows), tableSize)
		case bank.KindCode:
			d.codeBox(b.Lang, "", b.Code)
		case bank.KindSample:
			if s := p.Sample; s != nil {
				d.codeBox(s.Caption(), sampleNote(s), s.Code)
			}
		case bank.KindQuote:
			d.callout("", b.Text, sansOblique, grey)
		case bank.KindRule:
			d.space(1.5)
			d.need(3)
			d.line(light, 0.3, d.x()+d.width()/4, d.y+1, d.width()/2, 0)
			d.y += 3
		}
	}
}

// blockParts returns blocks that place no samples (notes, extra
// sections) as parts.
func blockParts(bs []bank.Block) []bank.Part {
	parts := make([]bank.Part, len(bs))
	for i := range bs {
		parts[i].Block = &bs[i]
	}
	return parts
}

// sampleNote is the grey note at the right of a sample's title bar: its
// language and Kubernetes kinds, those the caption does not show already.
func sampleNote(s *bank.Sample) string {
	caption := s.Caption()
	var parts []string
	if s.Lang != "" && s.Lang != caption {
		parts = append(parts, s.Lang)
	}
	if kinds := strings.Join(s.Kinds, ", "); kinds != "" && kinds != caption {
		parts = append(parts, kinds)
	}
	return strings.Join(parts, " · ")
}

func cellSpans(cells []string, st style) []span {
	out := make([]span, len(cells))
	for i, c := range cells {
		out[i] = span{st, black, c}
	}
	return out
}

func rowSpans(rows [][]string) [][]span {
	out := make([][]span, len(rows))
	for i, r := range rows {
		out[i] = cellSpans(r, sans)
	}
	return out
}

// list lays out bullet or numbered items with a hanging indent.
func (d *doc) list(items []string, ordered bool) {
	lh := bodyLH()
	indent := 5.0
	if ordered && len(items) >= 10 {
		indent = 7
	}
	for i, it := range items {
		marker := "•"
		if ordered {
			marker = strconv.Itoa(i+1) + "."
		}
		lines := wrap([]span{{sans, black, it}}, bodySize, d.width()-indent)
		for j, l := range lines {
			d.need(lh)
			if j == 0 {
				d.text(sans, bodySize, black, d.x()+1, d.y+baseline(sans, bodySize, lh), marker)
			}
			d.drawLine(l, bodySize, lh, d.x()+indent)
			d.y += lh
		}
		d.y += 0.8
	}
	d.y += 1.2
}

// bullets lays out items that each start with a coloured mark and a bold
// title, followed by regular detail text.
func (d *doc) markItem(mark string, markCol rgb, title, detail string) {
	lh := bodyLH()
	indent := 5.5
	spans := []span{{sansBold, black, title}}
	if detail != "" {
		spans = append(spans, span{sans, black, " — " + detail})
	}
	lines := wrap(spans, bodySize, d.width()-indent)
	d.keep(math.Min(float64(len(lines)), 2) * lh)
	for j, l := range lines {
		d.need(lh)
		if j == 0 {
			d.text(sansBold, bodySize, markCol, d.x()+0.5, d.y+baseline(sans, bodySize, lh), sanitize(mark, covSans, false, false))
		}
		d.drawLine(l, bodySize, lh, d.x()+indent)
		d.y += lh
	}
	d.y += 1.2
}

// callout lays out text set apart: a tinted box with a bar on its left,
// such as suggested phrasing or a block quote. label, if any, is a small
// caption above the text.
func (d *doc) callout(label, text string, st style, col rgb) {
	const bar, inset = 1.0, 4.0
	lh := bodySize * ptmm * leading
	lines := wrap([]span{{st, col, text}}, bodySize, d.width()-inset-pad)
	labelH := 0.0
	if label != "" {
		labelH = smallSize * ptmm * 1.4
	}
	d.space(0.5)
	d.keep(labelH + math.Min(float64(len(lines)), 3)*lh + 2*pad)
	i := 0
	for first := true; first || i < len(lines); first = false {
		top := d.y
		d.rect(quoteBg, d.x(), top, d.width(), 0)
		d.rect(orange, d.x(), top, bar, 0)
		ri := len(d.cur().ops) - 2
		d.y += pad
		if first && label != "" {
			d.text(sansBold, smallSize, orange, d.x()+inset, d.y+baseline(sansBold, smallSize, labelH), clean(label))
			d.y += labelH
		}
		n := 0
		for i < len(lines) && (d.fits(lh+pad) || n == 0 && d.fresh()) {
			d.drawLine(lines[i], bodySize, lh, d.x()+inset)
			d.y += lh
			i++
			n++
		}
		d.y += pad
		d.cur().ops[ri].h = d.y - top
		d.cur().ops[ri+1].h = d.y - top
		if i < len(lines) {
			d.breakCol()
		}
	}
	d.y += 2
}

// codeLine is one visual line of a code box; cont marks the
// continuation of a line too long for the box.
type codeLine struct {
	s    string
	cont bool
}

// codeLines breaks code into the visual lines of a box of the current
// column's width.
func (d *doc) codeLines(code string) []codeLine {
	cw := codeSize * ptmm * monoAdvance
	cols := max(int((d.width()-2*pad)/cw), 8)
	var lines []codeLine
	for _, raw := range strings.Split(strings.TrimRight(code, "\n"), "\n") {
		rs := []rune(strings.TrimRight(sanitize(raw, covMono, true, false), " "))
		cont := false
		for {
			w := cols
			if cont {
				w -= 2 // room for the "↪ " marker
			}
			if len(rs) <= w {
				break
			}
			lines = append(lines, codeLine{string(rs[:w]), cont})
			rs, cont = rs[w:], true
		}
		lines = append(lines, codeLine{string(rs), cont})
	}
	return lines
}

func codeLH() float64 { return codeSize * ptmm * codeLeading }

func codeBarH(title string) float64 {
	if title == "" {
		return 0
	}
	return smallSize * ptmm * 1.7
}

// codeMin is how much of a code box must stay with what precedes it: all
// of a box shorter than a third of a page, else its head.
func (d *doc) codeMin(title, code string) float64 {
	n := len(d.codeLines(code))
	total := codeBarH(title) + float64(n)*codeLH() + 2*pad
	if total < (d.bottomY()-d.g.top)/3 {
		return total
	}
	return codeBarH(title) + 4*codeLH() + 2*pad
}

// codeBox lays out code in a monospace box with a title bar naming its
// file (or language). Lines too long for the box wrap; the continuation
// starts with a grey ↪. A box shorter than a third of a page is kept on
// one page; a longer one may break between lines.
func (d *doc) codeBox(title, note, code string) {
	lh := codeLH()
	lines := d.codeLines(code)
	barH := codeBarH(title)
	d.space(1)
	d.keep(d.codeMin(title, code))
	i := 0
	for first := true; first || i < len(lines); first = false {
		if barH > 0 {
			// The bar names the file, again on each page the box runs on.
			d.rect(codeHd, d.x(), d.y, d.width(), barH)
			b := d.y + baseline(mono, smallSize, barH)
			d.text(mono, smallSize, navy, d.x()+pad, b, sanitize(title, covMono, true, false))
			if !first {
				d.text(sans, smallSize-1, grey, d.x()+pad+textW(mono, smallSize, sanitize(title, covMono, true, false))+2, b, "(continued)")
			}
			if first && note != "" {
				n := clean(note)
				d.text(sans, smallSize-1, grey, d.x()+d.width()-pad-textW(sans, smallSize-1, n), b, n)
			}
			d.y += barH
		}
		top := d.y
		d.rect(codeBg, d.x(), top, d.width(), 0) // height set below
		ri := len(d.cur().ops) - 1
		d.y += pad
		for n := 0; i < len(lines) && (d.fits(lh+pad) || n == 0 && d.fresh()); n++ {
			l := lines[i]
			b := d.y + baseline(mono, codeSize, lh)
			x := d.x() + pad
			if l.cont {
				d.text(mono, codeSize, grey, x, b, "↪")
				x += 2 * codeSize * ptmm * monoAdvance
			}
			d.text(mono, codeSize, black, x, b, l.s)
			d.y += lh
			i++
		}
		d.y += pad
		d.cur().ops[ri].h = d.y - top
		if i < len(lines) {
			d.breakCol()
		}
	}
	d.y += 2.5
}

// diagramBox is a diagram ready to be placed.
type diagramBox struct {
	title    string
	lines    []string
	size, lh float64 // type size and line height
	titleH   float64
}

// height is the height of the whole diagram with its title.
func (g diagramBox) height() float64 { return g.titleH + float64(len(g.lines))*g.lh + 2*pad }

// layoutDiagram sanitizes a diagram's art and sizes its type so that the
// widest line fits the column without wrapping. The line height equals
// the font's ascent plus descent, so box-drawing verticals join up.
func (d *doc) layoutDiagram(title, art string) diagramBox {
	var lines []string
	for _, raw := range strings.Split(art, "\n") {
		lines = append(lines, strings.TrimRight(sanitize(raw, covMono, true, false), " "))
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	cols := 1
	for _, l := range lines {
		cols = max(cols, utf8.RuneCountInString(l))
	}
	size := math.Min(diagramMax, (d.width()-2*pad)/(float64(cols)*monoAdvance*ptmm))
	size = math.Floor(size*100) / 100 // a hair smaller rather than overflow
	f := faces[mono]
	g := diagramBox{title: title, lines: lines, size: size, lh: size * ptmm * (f.ascent + f.descent) / 1000}
	if title != "" {
		g.titleH = d.paraHeight([]span{{sansBold, navy, title}}, bodySize, 1.3, 0) + 1
	}
	return g
}

// diagram lays out a text diagram in monospace, kept on one page when it
// fits on one; a taller one breaks between lines.
func (d *doc) diagram(g diagramBox) {
	d.space(2)
	d.keep(g.height())
	if g.title != "" {
		d.keep(g.titleH + 2*pad + 3*g.lh)
		d.para([]span{{sansBold, navy, g.title}}, bodySize, 1.3, 0)
		d.y += 1
	}
	for i := 0; i < len(g.lines); {
		top := d.y
		d.rect(codeBg, d.x(), top, d.width(), 0)
		ri := len(d.cur().ops) - 1
		d.y += pad
		for n := 0; i < len(g.lines) && (d.fits(g.lh+pad) || n == 0 && d.fresh()); n++ {
			d.text(mono, g.size, black, d.x()+pad, d.y+baseline(mono, g.size, g.lh), g.lines[i])
			d.y += g.lh
			i++
		}
		d.y += pad
		d.cur().ops[ri].h = d.y - top
		if i < len(g.lines) {
			d.breakCol()
		}
	}
	d.y += 3
}

// cellPad is the padding inside table cells.
const cellPad = 1.5

// table lays out a table with wrapped cells. The header row is repeated
// after a page break.
func (d *doc) table(header []span, rows [][]span, size float64) {
	widths := columnWidths(append([][]span{header}, rows...), size, d.width())
	if len(widths) == 0 {
		return
	}
	lh := size * ptmm * 1.3
	layoutRow := func(cells []span) ([][]line, float64) {
		out := make([][]line, len(widths))
		h := 0.0
		for i := range cells {
			out[i] = wrap([]span{cells[i]}, size, widths[i]-2*cellPad)
			h = math.Max(h, float64(len(out[i]))*lh)
		}
		return out, h + 2*cellPad
	}
	drawRow := func(cells [][]line, h float64, bg *rgb) {
		if h == 0 {
			return
		}
		x := d.x()
		if bg != nil {
			d.rect(*bg, x, d.y, d.width(), h)
		}
		for i, ls := range cells {
			for j, l := range ls {
				for _, f := range l.frags {
					d.text(f.st, size, f.col, x+cellPad+f.x, d.y+cellPad+float64(j)*lh+baseline(f.st, size, lh), f.s)
				}
			}
			x += widths[i]
		}
		d.y += h
		d.line(light, 0.2, d.x(), d.y, d.width(), 0)
	}
	hc, hh := layoutRow(header)
	if len(header) == 0 {
		hh = 0
	}
	rowsL := make([][][]line, len(rows))
	rowsH := make([]float64, len(rows))
	for i, r := range rows {
		rowsL[i], rowsH[i] = layoutRow(r)
	}
	d.space(1)
	first := hh
	if len(rows) > 0 {
		first += rowsH[0]
	}
	d.keep(first)
	bg := tableHd
	drawRow(hc, hh, &bg)
	for i := range rows {
		if !d.fits(rowsH[i]) {
			d.breakCol()
			drawRow(hc, hh, &bg)
		}
		drawRow(rowsL[i], rowsH[i], nil)
	}
	d.y += 3
}

// columnWidths shares the width W among the columns of rows (the header
// among them) set in size points. Each column gets its natural width,
// the width of its longest line unwrapped, when they all fit, the spare
// room going to the wider columns; else its longest word (at most half
// of W) plus a share of what is left in proportion to how much wrapping
// costs it; else, when even the longest words do not fit, a share of W in
// proportion to them.
func columnWidths(rows [][]span, size, W float64) []float64 {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	natural := make([]float64, n)
	minW := make([]float64, n)
	for _, r := range rows {
		for i, c := range r {
			for _, para := range strings.Split(sanitize(c.s, covSans, false, true), "\n") {
				natural[i] = math.Max(natural[i], textW(c.st, size, para)+2*cellPad)
				for _, w := range strings.Fields(para) {
					minW[i] = math.Max(minW[i], math.Min(textW(c.st, size, w)+2*cellPad, W/2))
				}
			}
		}
	}
	widths := make([]float64, n)
	sumNat, sumMin := 0.0, 0.0
	for i := range n {
		minW[i] = math.Max(minW[i], 8)
		natural[i] = math.Max(natural[i], minW[i])
		sumNat += natural[i]
		sumMin += minW[i]
	}
	switch {
	case sumNat <= W:
		// Spread the spare width over the wider columns only, so that a
		// "#" column stays narrow.
		wide := 0.0
		for i := range n {
			if natural[i] > 15 {
				wide += natural[i]
			}
		}
		for i := range widths {
			widths[i] = natural[i]
			if wide == 0 {
				widths[i] += (W - sumNat) * natural[i] / sumNat
			} else if natural[i] > 15 {
				widths[i] += (W - sumNat) * natural[i] / wide
			}
		}
	case sumMin <= W:
		extra := W - sumMin
		for i := range widths {
			widths[i] = minW[i] + extra*(natural[i]-minW[i])/(sumNat-sumMin)
		}
	default:
		for i := range widths {
			widths[i] = minW[i] * W / sumMin
		}
	}
	return widths
}
