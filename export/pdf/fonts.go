package pdf

import (
	_ "embed"
	"fmt"
	"math"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// FontLicense is the licence of the DejaVu fonts that every PDF embeds
// (subset). The DejaVu licence asks that it travel with the fonts, so a
// program that ships this package should make it available, for example
// with a "bankgen licenses" command or a line in --help.
//
//go:embed LICENSE-DejaVu.txt
var FontLicense string

// style selects one of the embedded faces.
type style uint8

const (
	sans style = iota
	sansBold
	sansOblique
	mono
	numStyles
)

// family and fstyle are the names under which each face is registered
// with fpdf.
func (s style) family() (family, fstyle string) {
	switch s {
	case sansBold:
		return "sans", "B"
	case sansOblique:
		return "sans", "I"
	case mono:
		return "mono", ""
	}
	return "sans", ""
}

// face is one parsed TrueType font: its bytes for fpdf and the advance
// width of every BMP rune it maps, in thousandths of an em, rounded as
// fpdf rounds the widths it writes into the PDF.
type face struct {
	ttf []byte
	// adv[r] is the advance of rune r in 1/1000 em; 0 means the font
	// has no usable glyph for r.
	adv []uint16
	// ascent and descent are in 1/1000 em (descent is positive).
	ascent, descent float64
}

// has reports whether the face has a glyph for r.
func (f *face) has(r rune) bool { return r >= 0 && int(r) < len(f.adv) && f.adv[r] != 0 }

// width returns the width of s in 1/1000 em; runes the face lacks count
// as zero, but sanitize guarantees there are none.
func (f *face) width(s string) int {
	w := 0
	for _, r := range s {
		if int(r) < len(f.adv) {
			w += int(f.adv[r])
		}
	}
	return w
}

var (
	facesOnce sync.Once
	faces     [numStyles]*face
	facesErr  error
	// covSans and covMono are the runes every face of the family has:
	// text in a family may be drawn in any of its styles.
	covSans, covMono *coverage
)

// loadFaces parses the embedded fonts once per process. The parsed faces
// are read-only afterwards and shared by every document.
func loadFaces() error {
	facesOnce.Do(func() {
		for s, ttf := range [numStyles][]byte{
			sans:        dejavusans.TTF,
			sansBold:    dejavusansbold.TTF,
			sansOblique: dejavusansoblique.TTF,
			mono:        dejavusansmono.TTF,
		} {
			f, err := parseFace(ttf)
			if err != nil {
				facesErr = fmt.Errorf("pdf: parsing embedded font %d: %w", s, err)
				return
			}
			faces[s] = f
		}
		covSans = intersect(faces[sans], faces[sansBold], faces[sansOblique])
		covMono = intersect(faces[mono])
	})
	return facesErr
}

// coverage is the set of BMP runes that a family can draw, and the
// subset of those that sanitize passes through unchanged.
type coverage struct {
	bits  [65536 / 64]uint64
	plain [65536 / 64]uint64
}

func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 65536 && c.bits[r>>6]&(1<<(uint(r)&63)) != 0
}

// isPlain reports whether r is drawn as itself: covered, not replaced by
// the fallback table, not dropped as a control or formatting character.
func (c *coverage) isPlain(r rune) bool {
	return r >= 0 && r < 65536 && c.plain[r>>6]&(1<<(uint(r)&63)) != 0
}

func intersect(fs ...*face) *coverage {
	c := &coverage{}
	for r := rune(0); r < 65536; r++ {
		ok := true
		for _, f := range fs {
			ok = ok && f.has(r)
		}
		if !ok {
			continue
		}
		c.bits[r>>6] |= 1 << (uint(r) & 63)
		if _, replaced := fallback[r]; !replaced && !ignorable(r) && r != '\t' {
			c.plain[r>>6] |= 1 << (uint(r) & 63)
		}
	}
	return c
}

// parseFace reads what layout needs of a TrueType font: the advance of
// every BMP rune it maps to a glyph, and its ascent and descent (from
// hhea, as fpdf reads them), in thousandths of an em.
func parseFace(ttf []byte) (*face, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	// At one pixel per font unit, lengths come back in font units.
	upem := int(f.UnitsPerEm())
	ppem := fixed.I(upem)
	m, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	scale := 1000 / float64(upem)
	fc := &face{
		ttf:     ttf,
		adv:     make([]uint16, 65536),
		ascent:  float64(m.Ascent) / 64 * scale,
		descent: float64(m.Descent) / 64 * scale,
	}
	for r := rune(1); r < 0xFFFF; r++ {
		gid, err := f.GlyphIndex(&buf, r)
		if err != nil || gid == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, gid, ppem, font.HintingNone)
		if err != nil || adv <= 0 {
			continue // zero-width glyphs (combining marks) are of no use here
		}
		fc.adv[r] = uint16(math.Round(scale * float64(adv) / 64))
	}
	return fc, nil
}
