package fix

import (
	"slices"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// codePage is one legacy single-byte code page that UTF-8 text may have been
// wrongly decoded with. The tables are built once, at init, from
// golang.org/x/text/encoding/charmap.
type codePage struct {
	name      string
	index     int
	bit       uint8     // 1 << index, for the per-rune masks
	undefined []byte    // bytes the code page does not define: dropped by the damage
	dec       [256]rune // byte → rune; 0 for an undefined byte
}

// The code pages tried, in their default order of preference. At most 8: the
// per-rune masks are uint8.
var codePages = []*codePage{
	newCodePage("windows-1252", charmap.Windows1252),
	newCodePage("windows-1254", charmap.Windows1254),
	newCodePage("windows-1250", charmap.Windows1250),
	newCodePage("windows-1251", charmap.Windows1251),
	newCodePage("iso-8859-1", charmap.ISO8859_1),
	newCodePage("macintosh", charmap.Macintosh),
}

const nCP = 6

// revLowSize covers every rune of every code page's image except a handful of
// Mac Roman ones, which go to revHigh.
const revLowSize = 0x2270

var (
	// rev[cp][r] is the byte that code page cp decodes to r (r < revLowSize),
	// or 0 when r is not in its image. ASCII is left out: it is never part
	// of a mojibake run.
	rev [nCP][revLowSize]byte
	// revHigh holds the few image runes ≥ revLowSize (four Mac Roman ones):
	// a short list searched in order is faster than a map. Runes outside
	// [revHighMin, revHighMax] are not in it.
	revHigh                []highRune
	revHighMin, revHighMax rune
	// maskTab[r] packs r's masks (r < revLowSize): bit cp of the low byte
	// is set when code page cp maps r back to a UTF-8 lead byte (C2–F4), of
	// the high byte when to a continuation byte (80–BF). One load gives
	// both, which the scan of every non-ASCII rune needs.
	maskTab [revLowSize]uint16
	// undefCont[b&0x3F] is set when continuation byte b is undefined in
	// some code page: a rebuilt candidate always holds such a byte.
	undefCont [64]bool
)

type highRune struct {
	r rune
	b [nCP]byte
}

func newCodePage(name string, cm *charmap.Charmap) *codePage {
	cp := &codePage{name: name}
	for b := 0; b < 256; b++ {
		r := cm.DecodeByte(byte(b))
		if r == utf8.RuneError {
			cp.undefined = append(cp.undefined, byte(b))
			continue
		}
		cp.dec[b] = r
	}
	return cp
}

func init() {
	if len(codePages) != nCP {
		panic("fix: nCP out of date")
	}
	for i, cp := range codePages {
		cp.index = i
		cp.bit = 1 << i
		for _, b := range cp.undefined {
			if isContByte(b) {
				undefCont[b&0x3F] = true
			}
		}
		for b := 0x80; b < 256; b++ {
			r := cp.dec[b]
			if r == 0 {
				// Lenient decoders (browsers, WHATWG) turn an undefined
				// byte into the C1 control of the same value instead of
				// dropping it: map that back too.
				r = rune(b)
			}
			if r < revLowSize {
				rev[i][r] = byte(b)
				if isLeadByte(byte(b)) {
					maskTab[r] |= uint16(cp.bit)
				}
				if isContByte(byte(b)) {
					maskTab[r] |= uint16(cp.bit) << 8
				}
				continue
			}
			k := slices.IndexFunc(revHigh, func(h highRune) bool { return h.r == r })
			if k < 0 {
				k = len(revHigh)
				revHigh = append(revHigh, highRune{r: r})
			}
			revHigh[k].b[i] = byte(b)
		}
	}
	revHighMin, revHighMax = -1, -1
	for i, h := range revHigh {
		if i == 0 || h.r < revHighMin {
			revHighMin = h.r
		}
		revHighMax = max(revHighMax, h.r)
	}
}

// revByte returns the byte code page cp decodes to r, or 0.
func revByte(cp int, r rune) byte {
	if r < revLowSize {
		return rev[cp][r]
	}
	if r < revHighMin || r > revHighMax {
		return 0
	}
	for i := range revHigh {
		if revHigh[i].r == r {
			return revHigh[i].b[cp]
		}
	}
	return 0
}

// masks returns the lead and continuation masks of r.
func masks(r rune) (lead, cont uint8) {
	if r < revLowSize {
		m := maskTab[r]
		return uint8(m), uint8(m >> 8)
	}
	if r < revHighMin || r > revHighMax {
		return 0, 0
	}
	for i := range revHigh {
		if revHigh[i].r != r {
			continue
		}
		for cp, b := range revHigh[i].b {
			if isLeadByte(b) {
				lead |= 1 << cp
			}
			if isContByte(b) {
				cont |= 1 << cp
			}
		}
	}
	return lead, cont
}

func isLeadByte(b byte) bool { return b >= 0xC2 && b <= 0xF4 }
func isContByte(b byte) bool { return b >= 0x80 && b <= 0xBF }

// seqLen is the length of the UTF-8 sequence that lead byte b starts.
func seqLen(b byte) int {
	switch {
	case b < 0xE0:
		return 2
	case b < 0xF0:
		return 3
	}
	return 4
}
