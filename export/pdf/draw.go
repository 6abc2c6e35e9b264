package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// meta is the document information written into a PDF.
type meta struct {
	title, subject, author, keywords string
	date                             time.Time
}

// draw writes d, a laid-out document, to w as a PDF. fpdf draws each
// page's operations, subsets and embeds the fonts, compresses the pages
// and writes the file; nothing is written to w if drawing fails.
func draw(w io.Writer, d *doc, m meta) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	for _, s := range []string{m.title, m.subject, m.author, m.keywords} {
		if err := checkRunes(s, covSans); err != nil {
			return err
		}
	}
	anchors := d.anchors(d.nAnchors)
	f := newFpdf(d.g, m)
	links := make([]int, len(anchors))
	for i, a := range anchors {
		if a.page < 0 {
			return fmt.Errorf("pdf: internal error: link target never placed")
		}
		links[i] = f.AddLink()
		f.SetLink(links[i], a.y, a.page+1)
	}
	p := pen{f: f, g: d.g}
	for i, pg := range d.pages {
		f.AddPage()
		if err := p.page(pg, i, len(d.pages), anchors); err != nil {
			return err
		}
		d.pages[i] = nil // drawn: fpdf holds the page now
		// Bookmarks are encoded as UTF-16 only while a UTF-8 font is set.
		p.font(sans, 10)
		for _, mk := range pg.marks {
			if err := checkRunes(mk.text, covSans); err != nil {
				return err
			}
			f.Bookmark(mk.text, mk.level, mk.y)
		}
		for _, l := range pg.links {
			f.Link(l.x, l.y, l.w, l.h, links[l.target])
		}
	}
	f.Close()
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return f.Output(w)
}

// newFpdf returns an fpdf document of page size g with metadata m and the
// embedded fonts registered.
func newFpdf(g geometry, m meta) *fpdf.Fpdf {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: g.w, Ht: g.h},
	})
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetAutoPageBreak(false, 0)
	f.SetCreationDate(m.date)
	f.SetModificationDate(m.date)
	f.SetTitle(m.title, true)
	f.SetSubject(m.subject, true)
	if m.author != "" {
		f.SetAuthor(m.author, true)
	}
	f.SetKeywords(m.keywords, true)
	f.SetCreator("bankgen", true)
	f.SetProducer("bankgen (go-pdf/fpdf)", true)
	f.SetLang("en")
	f.SetDisplayMode("fullwidth", "continuous")
	for s := style(0); s < numStyles; s++ {
		fam, fst := s.family()
		// fpdf writes into the font bytes it is given while subsetting
		// (an append into a sub-slice with spare capacity), so each
		// document gets its own copy: otherwise one document would change
		// the shared TTF and the next would embed other bytes.
		f.AddUTF8FontFromBytes(fam, fst, bytes.Clone(faces[s].ttf))
	}
	return f
}

// pen draws one laid-out page after another with fpdf.
type pen struct {
	f *fpdf.Fpdf
	g geometry
}

// page draws page i of n: the running header, the page number and the
// page's operations, in that order.
func (p pen) page(pg *page, i, n int, anchors []anchor) error {
	g := p.g
	if pg.header != "" {
		if err := p.text(sans, 8, grey, g.left, g.top-8, clean(pg.header)); err != nil {
			return err
		}
		p.line(light, 0.2, g.left, g.top-6.5, g.w-g.right, g.top-6.5)
	}
	if pg.footer {
		s := "Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(n)
		if err := p.text(sans, 8, grey, (g.w-textW(sans, 8, s))/2, g.h-g.bottom+10, s); err != nil {
			return err
		}
	}
	for _, o := range pg.ops {
		switch o.kind {
		case opText:
			if err := p.text(o.st, o.size, o.col, o.x, o.y, o.s); err != nil {
				return err
			}
		case opPageRef:
			s := strconv.Itoa(anchors[o.target].page + 1)
			if err := p.text(o.st, o.size, o.col, o.x-textW(o.st, o.size, s), o.y, s); err != nil {
				return err
			}
		case opRect:
			p.rect(o.col, o.x, o.y, o.w, o.h)
		case opLine:
			p.line(o.col, o.lw, o.x, o.y, o.x+o.w, o.y+o.h)
		}
	}
	return nil
}

func (p pen) font(st style, size float64) {
	fam, fst := st.family()
	p.f.SetFont(fam, fst, size)
}

// text draws s with its baseline starting at (x, y). It refuses a rune
// the face lacks: fpdf would draw a tofu box for it, or fail on a rune
// above U+FFFF; sanitize removes them all before layout.
func (p pen) text(st style, size float64, col rgb, x, y float64, s string) error {
	if err := checkRunes(s, covOf(st)); err != nil {
		return err
	}
	p.font(st, size)
	p.f.SetTextColor(int(col.r), int(col.g), int(col.b))
	p.f.Text(x, y, s)
	return nil
}

// rect fills a rectangle.
func (p pen) rect(col rgb, x, y, w, h float64) {
	if w <= 0 || h <= 0 {
		return
	}
	if r, g, b := p.f.GetFillColor(); col != (rgb{uint8(r), uint8(g), uint8(b)}) {
		p.f.SetFillColor(int(col.r), int(col.g), int(col.b))
	}
	p.f.Rect(x, y, w, h, "F")
}

// line strokes a line of width lw.
func (p pen) line(col rgb, lw, x1, y1, x2, y2 float64) {
	if p.f.GetLineWidth() != lw {
		p.f.SetLineWidth(lw)
	}
	if r, g, b := p.f.GetDrawColor(); col != (rgb{uint8(r), uint8(g), uint8(b)}) {
		p.f.SetDrawColor(int(col.r), int(col.g), int(col.b))
	}
	p.f.Line(x1, y1, x2, y2)
}

// checkRunes returns an error if s holds a rune that the faces of cov
// cannot draw.
func checkRunes(s string, cov *coverage) error {
	for _, r := range s {
		if !cov.has(r) {
			return fmt.Errorf("pdf: internal error: %U %q would reach the PDF undrawable", r, r)
		}
	}
	return nil
}

func covOf(st style) *coverage {
	if st == mono {
		return covMono
	}
	return covSans
}
