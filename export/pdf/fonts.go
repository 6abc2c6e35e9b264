package pdf

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
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
// width of every BMP rune it maps, in thousandths of an em, computed as
// fpdf computes them so that our line breaking matches fpdf's metrics.
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

var errFont = errors.New("malformed TrueType font")

// parseFace reads the tables of a TrueType font that layout needs: head
// (units per em), hhea (ascent, descent, number of metrics), hmtx
// (advances) and cmap (the Unicode BMP subtable of format 4, the one fpdf
// uses). It reads the font without changing it.
func parseFace(ttf []byte) (*face, error) {
	u16 := func(off int) int {
		if off < 0 || off+2 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint16(ttf[off:]))
	}
	u32 := func(off int) int {
		if off < 0 || off+4 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint32(ttf[off:]))
	}
	tables := map[string]int{}
	n := u16(4)
	if n <= 0 {
		return nil, errFont
	}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, errFont
		}
		tables[string(ttf[rec:rec+4])] = u32(rec + 8)
	}
	head, okHead := tables["head"]
	hhea, okHhea := tables["hhea"]
	hmtx, okHmtx := tables["hmtx"]
	cmap, okCmap := tables["cmap"]
	if !okHead || !okHhea || !okHmtx || !okCmap {
		return nil, errFont
	}
	upem := u16(head + 18)
	if upem <= 0 {
		return nil, errFont
	}
	scale := 1000 / float64(upem)
	nMetrics := u16(hhea + 34)
	if nMetrics <= 0 {
		return nil, errFont
	}
	advance := func(gid int) int {
		if gid >= nMetrics {
			gid = nMetrics - 1
		}
		return u16(hmtx + 4*gid)
	}
	f := &face{
		ttf:     ttf,
		adv:     make([]uint16, 65536),
		ascent:  float64(int16(u16(hhea+4))) * scale,
		descent: -float64(int16(u16(hhea+6))) * scale,
	}
	sub := -1
	for i := 0; i < u16(cmap+2); i++ {
		rec := cmap + 4 + 8*i
		plat, enc, off := u16(rec), u16(rec+2), u32(rec+4)
		if (plat == 3 && enc == 1 || plat == 0) && u16(cmap+off) == 4 {
			sub = cmap + off
			break
		}
	}
	if sub < 0 {
		return nil, fmt.Errorf("%w: no Unicode cmap of format 4", errFont)
	}
	segs := u16(sub+6) / 2
	ends, starts, deltas, ranges := sub+14, sub+16+2*segs, sub+16+4*segs, sub+16+6*segs
	for s := 0; s < segs; s++ {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, ro := u16(deltas+2*s), u16(ranges+2*s)
		if end < 0 || start < 0 || delta < 0 || ro < 0 {
			return nil, errFont
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			var gid int
			if ro == 0 {
				gid = (c + delta) & 0xFFFF
			} else {
				g := u16(ranges + 2*s + ro + 2*(c-start))
				if g > 0 {
					gid = (g + delta) & 0xFFFF
				}
			}
			if gid == 0 || c == 0 {
				continue
			}
			a := advance(gid)
			if a <= 0 {
				continue // zero-width glyphs (combining marks) are of no use here
			}
			f.adv[c] = uint16(math.Round(scale * float64(a)))
		}
	}
	return f, nil
}
