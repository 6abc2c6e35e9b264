package pdf

import (
	"strings"
	"unicode/utf8"
)

// Layout happens before any PDF is written: the content is broken into
// lines and pages as a display list (ops per page), so that page numbers
// are known before the table of contents is drawn, and the PDF library is
// driven once, with positions only. Lengths are in millimetres, font
// sizes in points.

// ptmm is the length of a point in millimetres.
const ptmm = 25.4 / 72

type rgb struct{ r, g, b uint8 }

// The palette.
var (
	black   = rgb{34, 34, 34}
	grey    = rgb{110, 110, 110}
	light   = rgb{200, 200, 200}
	navy    = rgb{22, 58, 110}
	green   = rgb{28, 120, 56}
	orange  = rgb{190, 84, 18}
	codeBg  = rgb{246, 246, 244}
	codeHd  = rgb{228, 232, 238}
	quoteBg = rgb{255, 247, 226}
	tableHd = rgb{232, 238, 246}
)

type opKind uint8

const (
	opText    opKind = iota // s at baseline (x, y)
	opRect                  // filled rectangle x, y, w, h
	opLine                  // line from (x, y) to (x+w, y+h), width lw
	opPageRef               // page number of anchor target, right-aligned at x
)

// op is one drawing operation of the display list.
type op struct {
	kind       opKind
	s          string // opText
	st         style  // opText, opPageRef
	size       float64
	col        rgb
	x, y, w, h float64
	lw         float64 // opLine
	target     int     // opPageRef: an anchor
}

// mark is a bookmark (outline entry) on a page.
type mark struct {
	text  string
	level int
	y     float64
}

// page is one laid-out page.
type page struct {
	ops    []op
	marks  []mark
	links  []link
	header string // running header; "" for none
	footer bool   // whether the page carries a page number
}

// link is a clickable area (x, y, w, h) that leads to an anchor.
type link struct {
	x, y, w, h float64
	target     int
}

// anchor is a link target: a page index (0-based) and a y position.
type anchor struct {
	page int
	y    float64
}

// placed is an anchor placed in a doc.
type placed struct {
	id int
	anchor
}

// geometry is the page size and the text area.
type geometry struct {
	w, h                     float64
	left, right, top, bottom float64 // margins
}

func (g geometry) textWidth() float64 { return g.w - g.left - g.right }

// doc is a document being laid out.
type doc struct {
	g      geometry
	pages  []*page
	header string // header of pages started from now on
	y      float64
	placed []placed // anchors placed in this doc
	// nAnchors is the number of anchor ids the doc's links may use.
	nAnchors int
	// Columns: the text area is split into cols columns of equal width
	// separated by gap; col is the current one, colTop the y at which
	// columns start on the current page.
	cols, col int
	gap       float64
	colTop    float64
	// limit, if not 0, is a bottom edge for the columns above the page's
	// own, used to balance columns.
	limit float64
	// cache, if not nil, keeps wrapped paragraphs for layouts that are
	// repeated with other limits.
	cache map[wrapKey][]line
}

func newDoc(g geometry) *doc { return &doc{g: g, cols: 1} }

func (d *doc) cur() *page { return d.pages[len(d.pages)-1] }

// newPage starts a page with the current header and a footer.
func (d *doc) newPage() {
	d.pages = append(d.pages, &page{header: d.header, footer: true})
	d.y = d.g.top
	d.col = 0
	d.colTop = d.y
}

// x is the left edge of the current column; width its width.
func (d *doc) x() float64 { return d.g.left + float64(d.col)*(d.width()+d.gap) }

func (d *doc) width() float64 {
	return (d.g.textWidth() - float64(d.cols-1)*d.gap) / float64(d.cols)
}

func (d *doc) bottomY() float64 {
	if d.limit > 0 {
		return min(d.limit, d.g.h-d.g.bottom)
	}
	return d.g.h - d.g.bottom
}

// fits reports whether h more millimetres fit in the current column.
func (d *doc) fits(h float64) bool { return d.y+h <= d.bottomY()+1e-6 }

// breakCol moves to the next column, or to a new page after the last.
func (d *doc) breakCol() {
	if d.col+1 < d.cols {
		d.col++
		d.y = d.colTop
		return
	}
	d.newPage()
}

// need breaks the column unless h fits in it.
func (d *doc) need(h float64) {
	if !d.fits(h) {
		d.breakCol()
	}
}

// fresh reports whether nothing has been placed in the current column.
func (d *doc) fresh() bool { return d.y <= d.colTop+1e-6 }

// keep breaks the column unless h fits in it, if h fits in an empty
// column at all: a block that fits on one page is never split.
func (d *doc) keep(h float64) {
	if !d.fits(h) && !d.fresh() && h <= d.bottomY()-d.g.top {
		d.breakCol()
	}
}

// anchor records the current position as the target of anchor id.
func (d *doc) anchor(id int) {
	d.placed = append(d.placed, placed{id, anchor{page: len(d.pages) - 1, y: d.y}})
}

// anchors returns the position of every anchor id below n; an anchor
// never placed has page -1.
func (d *doc) anchors(n int) []anchor {
	out := make([]anchor, n)
	for i := range out {
		out[i].page = -1
	}
	for _, p := range d.placed {
		out[p.id] = p.anchor
	}
	return out
}

// bookmark adds an outline entry at the current position.
func (d *doc) bookmark(text string, level int) {
	p := d.cur()
	p.marks = append(p.marks, mark{text: clean(text), level: level, y: d.y})
}

func (d *doc) add(o op) { d.cur().ops = append(d.cur().ops, o) }

func (d *doc) text(st style, size float64, col rgb, x, y float64, s string) {
	if s == "" {
		return
	}
	d.add(op{kind: opText, st: st, size: size, col: col, x: x, y: y, s: s})
}

func (d *doc) rect(col rgb, x, y, w, h float64) {
	d.add(op{kind: opRect, col: col, x: x, y: y, w: w, h: h})
}

func (d *doc) line(col rgb, lw, x, y, w, h float64) {
	d.add(op{kind: opLine, col: col, lw: lw, x: x, y: y, w: w, h: h})
}

func (d *doc) link(target int, x, y, w, h float64) {
	p := d.cur()
	p.links = append(p.links, link{x, y, w, h, target})
}

// textW is the width of s set in st at size points, in millimetres.
func textW(st style, size float64, s string) float64 {
	return float64(faces[st].width(s)) * size / 1000 * ptmm
}

// baseline returns the baseline's offset from the top of a line box of
// height lh holding text of size points: the glyph box (ascent plus
// descent) is centred in the line box.
func baseline(st style, size, lh float64) float64 {
	f := faces[st]
	em := size * ptmm / 1000
	return (lh-(f.ascent+f.descent)*em)/2 + f.ascent*em
}

// span is a run of text in one style and colour. Its text is raw: it is
// sanitized when wrapped.
type span struct {
	st  style
	col rgb
	s   string
}

// frag is a piece of a laid-out line: sanitized text at an x offset.
type frag struct {
	st  style
	col rgb
	x   float64
	s   string
}

// line is one laid-out line of text.
type line struct {
	frags []frag
	w     float64
}

// atom is an unbreakable run of text (a word), possibly in several
// styles (parts[p0:p1] of wrap's parts), with what follows it.
type atom struct {
	p0, p1 int
	w      float64
	space  float64 // width of the space after it; 0 if none
	spSt   style
	nl     bool // a hard line break follows
}

// wrap breaks spans into lines at most maxW wide. Spaces are break
// opportunities (runs of spaces collapse to one), "\n" forces a break,
// and a word longer than a line is broken between characters.
func wrap(spans []span, size, maxW float64) []line {
	var parts []frag
	var atoms []atom
	cur := atom{}
	open := false // cur has content
	for _, sp := range spans {
		s := sanitize(sp.s, covSans, false, true)
		spaceW := textW(sp.st, size, " ")
		for len(s) > 0 {
			i := strings.IndexAny(s, " \n")
			word := s
			if i >= 0 {
				word = s[:i]
			}
			if word != "" {
				parts = append(parts, frag{st: sp.st, col: sp.col, s: word})
				cur.w += textW(sp.st, size, word)
				open = true
			}
			if i < 0 {
				break
			}
			if s[i] == '\n' || open {
				cur.p1 = len(parts)
				if s[i] == '\n' {
					cur.nl = true
				} else {
					cur.space, cur.spSt = spaceW, sp.st
				}
				atoms = append(atoms, cur)
				cur, open = atom{p0: len(parts)}, false
			}
			s = s[i+1:]
		}
	}
	if open {
		cur.p1 = len(parts)
		atoms = append(atoms, cur)
	}
	var lines []line
	first := 0 // first atom of the current line
	lw := 0.0
	flush := func(end int) {
		lines = append(lines, buildLine(parts, atoms[first:end], size))
		first, lw = end, 0
	}
	for k := 0; k < len(atoms); k++ {
		a := atoms[k]
		if k > first && lw+atoms[k-1].space+a.w > maxW+1e-6 {
			flush(k)
		}
		if k == first && a.w > maxW+1e-6 {
			// Too long for any line: cut it into pieces that fit, and
			// carry on with the last piece.
			pieces, ps := splitAtom(parts, a, size, maxW)
			for _, p := range pieces[:len(pieces)-1] {
				lines = append(lines, buildLine(ps, []atom{p}, size))
			}
			last := pieces[len(pieces)-1]
			parts = append(parts, ps[last.p0:last.p1]...)
			last.p0, last.p1 = len(parts)-(last.p1-last.p0), len(parts)
			atoms[k] = last
			a = last
		}
		if k > first {
			lw += atoms[k-1].space
		}
		lw += a.w
		if a.nl {
			flush(k + 1)
		}
	}
	if first < len(atoms) {
		flush(len(atoms))
	}
	return lines
}

// wrapKey identifies a wrapped paragraph in doc.cache.
type wrapKey struct {
	text        string
	size, width float64
}

// wrap is wrap, through d.cache when there is one.
func (d *doc) wrap(spans []span, size, maxW float64) []line {
	if d.cache == nil {
		return wrap(spans, size, maxW)
	}
	var b strings.Builder
	for _, sp := range spans {
		b.WriteByte(byte(sp.st))
		b.WriteByte(sp.col.r)
		b.WriteByte(sp.col.g)
		b.WriteByte(sp.col.b)
		b.WriteString(sp.s)
		b.WriteByte(0)
	}
	k := wrapKey{b.String(), size, maxW}
	if l, ok := d.cache[k]; ok {
		return l
	}
	l := wrap(spans, size, maxW)
	d.cache[k] = l
	return l
}

// splitAtom cuts a word wider than maxW into pieces that fit. The pieces
// index the returned parts.
func splitAtom(parts []frag, a atom, size, maxW float64) ([]atom, []frag) {
	var out []atom
	var ps []frag
	cur := atom{}
	for _, p := range parts[a.p0:a.p1] {
		start := 0
		for i, r := range p.s {
			rw := textW(p.st, size, string(r))
			if cur.w+rw > maxW && (cur.w > 0 || i > start) {
				if i > start {
					ps = append(ps, frag{st: p.st, col: p.col, s: p.s[start:i]})
				}
				cur.p1 = len(ps)
				out = append(out, cur)
				cur = atom{p0: len(ps)}
				start = i
			}
			cur.w += rw
		}
		if start < len(p.s) {
			ps = append(ps, frag{st: p.st, col: p.col, s: p.s[start:]})
		}
	}
	cur.p1 = len(ps)
	cur.space, cur.spSt, cur.nl = a.space, a.spSt, a.nl
	return append(out, cur), ps
}

// buildLine places atoms side by side, merging neighbours of one style.
func buildLine(parts []frag, atoms []atom, size float64) line {
	var l line
	x, end := 0.0, -1.0 // end: where the last frag ends
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			l.frags[len(l.frags)-1].s = strings.TrimRight(b.String(), " ")
			b.Reset()
		}
	}
	for i, a := range atoms {
		if i > 0 {
			prev := atoms[i-1]
			if n := len(l.frags); n > 0 && l.frags[n-1].st == prev.spSt && end >= x-1e-6 {
				b.WriteByte(' ')
				end += prev.space
			}
			x += prev.space
		}
		for _, p := range parts[a.p0:a.p1] {
			w := textW(p.st, size, p.s)
			n := len(l.frags)
			if n > 0 && l.frags[n-1].st == p.st && l.frags[n-1].col == p.col && end >= x-1e-6 {
				b.WriteString(p.s)
			} else {
				flush()
				l.frags = append(l.frags, frag{st: p.st, col: p.col, x: x})
				b.WriteString(p.s)
			}
			x += w
			end = x
		}
	}
	flush()
	l.w = x
	return l
}

// para lays out spans as a paragraph in the current column, indented by
// indent, with line height size×leading. It returns the number of lines.
func (d *doc) para(spans []span, size, leading, indent float64) int {
	lines := d.wrap(spans, size, d.width()-indent)
	lh := size * ptmm * leading
	for _, l := range lines {
		d.need(lh)
		d.drawLine(l, size, lh, d.x()+indent)
		d.y += lh
	}
	return len(lines)
}

// drawLine draws a laid-out line whose box starts at the current y.
func (d *doc) drawLine(l line, size, lh, x float64) {
	for _, f := range l.frags {
		d.text(f.st, size, f.col, x+f.x, d.y+baseline(f.st, size, lh), f.s)
	}
}

// paraHeight is the height para would take, ignoring page breaks.
func (d *doc) paraHeight(spans []span, size, leading, indent float64) float64 {
	return float64(len(d.wrap(spans, size, d.width()-indent))) * size * ptmm * leading
}

// clean sanitizes s for one-line use (bookmarks, metadata, headers).
func clean(s string) string {
	return strings.Join(strings.Fields(sanitize(s, covSans, false, false)), " ")
}

// truncate shortens s to at most n runes, at a word boundary, with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)[:n]
	cut := len(rs)
	for i := len(rs) - 1; i > n/2; i-- {
		if rs[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:—–-") + "…"
}
