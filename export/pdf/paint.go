package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// How a PDF is made. fpdf builds the document's structure: the page
// tree, the embedded font subsets, bookmarks, links, metadata, the
// cross-reference table. The pages' content streams, the text and
// graphics operators, are written here instead, in parallel, and swapped
// in for fpdf's own by assemble. Driving fpdf's drawing methods page by
// page is what costs time and memory in a guide of thousands of pages:
// fpdf keeps every page uncompressed until the end, copies each once
// more into its output, and compresses each with a zlib writer of its
// own (allocating one costs more than compressing the page).
//
// fpdf is still told about every rune drawn in each face (by drawing them
// once, on a page whose content is then replaced) so that its font
// subsets hold exactly the glyphs used.

// meta is the document information written into a PDF.
type meta struct {
	title, subject, author, keywords string
	date                             time.Time
}

// checkRunes returns an error if s holds a rune that the faces of cov
// cannot draw. Every string goes through it before it reaches the PDF:
// fpdf panics on runes above U+FFFF and draws a tofu box for runes the
// font lacks, so sanitize must have removed them.
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

// newFpdf returns an fpdf document of page size g with the embedded
// fonts registered.
func newFpdf(g geometry) *fpdf.Fpdf {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: g.w, Ht: g.h},
	})
	f.SetCatalogSort(true)
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(false) // assemble compresses
	for s := style(0); s < numStyles; s++ {
		fam, fst := s.family()
		// fpdf v0.12.0 still writes into the font bytes it is given while
		// subsetting (an append into a sub-slice with spare capacity), so
		// each document gets its own copy: otherwise the first document
		// changes the shared TTF and every later one embeds other bytes.
		f.AddUTF8FontFromBytes(fam, fst, bytes.Clone(faces[s].ttf))
	}
	return f
}

var (
	fontIDsOnce sync.Once
	fontIDs     [numStyles]string
	fontIDsErr  error
)

// loadFontIDs learns the resource names fpdf gives the embedded fonts
// ("F" and a hash of the font) from a one-page probe document: content
// streams written here must use the same names. assemble checks that
// every document's resources do list them.
func loadFontIDs() error {
	fontIDsOnce.Do(func() {
		f := newFpdf(geometry{w: 100, h: 100})
		f.AddPage()
		for s := style(0); s < numStyles; s++ {
			fam, fst := s.family()
			f.SetFont(fam, fst, 10)
		}
		var buf bytes.Buffer
		if err := f.Output(&buf); err != nil {
			fontIDsErr = fmt.Errorf("pdf: probing font names: %w", err)
			return
		}
		m := regexp.MustCompile(`BT /(F[0-9a-zA-Z]+) 10\.00 Tf ET`).FindAllSubmatch(buf.Bytes(), -1)
		if len(m) != int(numStyles) {
			fontIDsErr = fmt.Errorf("%w: font names not found in probe", errPDF)
			return
		}
		for s := range fontIDs {
			fontIDs[s] = string(m[s][1])
		}
	})
	return fontIDsErr
}

// render writes d as a PDF to w. It consumes d: the pages' drawing
// operations are dropped once written.
func render(w io.Writer, d *doc, m meta) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	if err := loadFontIDs(); err != nil {
		return err
	}
	for _, s := range []string{m.title, m.subject, m.author, m.keywords} {
		if err := checkRunes(s, covSans); err != nil {
			return err
		}
	}
	anchors := d.anchors(d.nAnchors)
	for _, a := range anchors {
		if a.page < 0 {
			return fmt.Errorf("pdf: internal error: link target never placed")
		}
	}

	// The content streams, in parallel.
	streams := make([][]byte, len(d.pages))
	errs := make([]error, len(d.pages))
	workers := min(maxWorkers(), len(d.pages))
	used := make([][numStyles]coverage, workers)
	parallelWorkers(len(d.pages), workers, func(worker, i int) {
		c := contentPool.Get().(*content)
		c.reset(d, anchors, &used[worker])
		streams[i], errs[i] = c.page(d.pages[i], i)
		contentPool.Put(c)
		d.pages[i].ops = nil
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}

	// The structure, with fpdf.
	f := newFpdf(d.g)
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
	links := make([]int, len(anchors))
	for i, a := range anchors {
		links[i] = f.AddLink()
		f.SetLink(links[i], a.y, a.page+1)
	}
	for _, pg := range d.pages {
		f.AddPage()
		// Bookmarks are encoded as UTF-16 only while a UTF-8 font is set.
		f.SetFont("sans", "", 10)
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
	// Tell fpdf every rune each face draws, so its subsets hold them.
	// What this draws on the last page is replaced with that page's own
	// content stream.
	for s := style(0); s < numStyles; s++ {
		var b strings.Builder
		for r := rune(1); r < 65536; r++ {
			for k := range used {
				if used[k][s].has(r) {
					b.WriteRune(r)
					break
				}
			}
		}
		if b.Len() > 0 {
			fam, fst := s.family()
			f.SetFont(fam, fst, 10)
			f.Text(0, 0, b.String())
		}
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	a := &assembler{w: w, pages: streams}
	if err := f.Output(a); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if !a.done {
		return errPDF
	}
	return nil
}

// content writes the content stream of a page.
type content struct {
	d       *doc
	anchors []anchor
	used    *[numStyles]coverage
	b       []byte
	z       *zlib.Writer
	zbuf    bytes.Buffer
	// Graphics state, to skip operators that change nothing.
	st     style
	size   float64
	fill   rgb
	stroke rgb
	lw     float64
}

var contentPool = sync.Pool{New: func() any {
	z, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return &content{z: z}
}}

func (c *content) reset(d *doc, anchors []anchor, used *[numStyles]coverage) {
	c.d, c.anchors, c.used = d, anchors, used
	c.b = c.b[:0]
	c.st, c.size = numStyles, 0 // no font selected
	c.fill, c.stroke = black0, black0
	c.lw = -1 // unknown: the first line sets it
}

// black0 is PDF's initial colour.
var black0 = rgb{0, 0, 0}

// page returns the compressed content stream of page i.
func (c *content) page(pg *page, i int) ([]byte, error) {
	g := c.d.g
	if pg.header != "" {
		s := clean(pg.header)
		if err := c.text(sans, 8, grey, g.left, g.top-8, s); err != nil {
			return nil, err
		}
		c.line(light, 0.2, g.left, g.top-6.5, g.w-g.right, g.top-6.5)
	}
	if pg.footer {
		s := "Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(c.d.pages))
		if err := c.text(sans, 8, grey, (g.w-textW(sans, 8, s))/2, g.h-g.bottom+10, s); err != nil {
			return nil, err
		}
	}
	for _, o := range pg.ops {
		var err error
		x, y, w, h, size := float64(o.x), float64(o.y), float64(o.w), float64(o.h), float64(o.size)
		switch o.kind {
		case opText:
			err = c.text(o.st, size, o.col, x, y, o.s)
		case opPageRef:
			s := strconv.Itoa(c.anchors[o.target].page + 1)
			err = c.text(o.st, size, o.col, x-textW(o.st, size, s), y, s)
		case opRect:
			c.rect(o.col, x, y, w, h)
		case opLine:
			c.line(o.col, float64(o.lw), x, y, x+w, y+h)
		}
		if err != nil {
			return nil, err
		}
	}
	c.zbuf.Reset()
	c.z.Reset(&c.zbuf)
	c.z.Write(c.b)
	c.z.Close()
	return bytes.Clone(c.zbuf.Bytes()), nil
}

// num appends v in points with two decimals, as fpdf does.
func (c *content) num(v float64) {
	c.b = strconv.AppendFloat(c.b, v, 'f', 2, 64)
}

func (c *content) x(mm float64) { c.num(mm / ptmm) }
func (c *content) y(mm float64) { c.num((c.d.g.h - mm) / ptmm) }

func appendColor(b []byte, col rgb, op string) []byte {
	comp := func(b []byte, v uint8) []byte { return strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64) }
	b = append(comp(b, col.r), ' ')
	b = append(comp(b, col.g), ' ')
	b = append(comp(b, col.b), ' ')
	return append(append(b, op...), '\n')
}

func (c *content) setFill(col rgb) {
	if col != c.fill {
		c.b = appendColor(c.b, col, "rg")
		c.fill = col
	}
}

// text draws s with its baseline starting at (x, y). The string is
// written as fpdf writes text in its UTF-8 fonts: UTF-16BE code units
// (the CIDs of fpdf's Identity-H fonts) in an escaped literal string.
func (c *content) text(st style, size float64, col rgb, x, y float64, s string) error {
	if err := checkRunes(s, covOf(st)); err != nil {
		return err
	}
	for _, r := range s {
		c.used[st].bits[r>>6] |= 1 << (uint(r) & 63)
	}
	c.setFill(col)
	c.b = append(c.b, "BT "...)
	if st != c.st || size != c.size {
		c.b = append(c.b, '/')
		c.b = append(c.b, fontIDs[st]...)
		c.b = append(c.b, ' ')
		c.num(size)
		c.b = append(c.b, " Tf "...)
		c.st, c.size = st, size
	}
	c.x(x)
	c.b = append(c.b, ' ')
	c.y(y)
	c.b = append(c.b, " Td ("...)
	for _, r := range s {
		for _, u := range [2]byte{byte(r >> 8), byte(r)} {
			switch u {
			case '\\', '(', ')':
				c.b = append(c.b, '\\', u)
			case '\r':
				c.b = append(c.b, '\\', 'r')
			default:
				c.b = append(c.b, u)
			}
		}
	}
	c.b = append(c.b, ") Tj ET\n"...)
	return nil
}

func (c *content) rect(col rgb, x, y, w, h float64) {
	if w <= 0 || h <= 0 {
		return
	}
	c.setFill(col)
	c.x(x)
	c.b = append(c.b, ' ')
	c.y(y + h)
	c.b = append(c.b, ' ')
	c.num(w / ptmm)
	c.b = append(c.b, ' ')
	c.num(h / ptmm)
	c.b = append(c.b, " re f\n"...)
}

func (c *content) line(col rgb, lw, x1, y1, x2, y2 float64) {
	if lw != c.lw {
		c.num(lw / ptmm)
		c.b = append(c.b, " w\n"...)
		c.lw = lw
	}
	if col != c.stroke {
		c.b = appendColor(c.b, col, "RG")
		c.stroke = col
	}
	c.x(x1)
	c.b = append(c.b, ' ')
	c.y(y1)
	c.b = append(c.b, " m "...)
	c.x(x2)
	c.b = append(c.b, ' ')
	c.y(y2)
	c.b = append(c.b, " l S\n"...)
}
