package fix

import (
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
	// revHigh holds the few image runes ≥ revLowSize.
	revHigh = map[rune][nCP]byte{}
	// leadMask[r] has bit cp set when code page cp maps r back to a UTF-8
	// lead byte (C2–F4); contMask[r] when to a continuation byte (80–BF).
	leadMask, contMask [revLowSize]uint8
	// anyMask[r] has bit cp set when r is in code page cp's image.
	anyMask [revLowSize]uint8
)

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
				anyMask[r] |= cp.bit
				if isLeadByte(byte(b)) {
					leadMask[r] |= cp.bit
				}
				if isContByte(byte(b)) {
					contMask[r] |= cp.bit
				}
			} else {
				e := revHigh[r]
				e[i] = byte(b)
				revHigh[r] = e
			}
		}
	}
}

// revByte returns the byte code page cp decodes to r, or 0.
func revByte(cp int, r rune) byte {
	if r < revLowSize {
		return rev[cp][r]
	}
	if e, ok := revHigh[r]; ok {
		return e[cp]
	}
	return 0
}

// masks returns the lead, continuation and image masks of r.
func masks(r rune) (lead, cont, any uint8) {
	if r < revLowSize {
		return leadMask[r], contMask[r], anyMask[r]
	}
	e, ok := revHigh[r]
	if !ok {
		return 0, 0, 0
	}
	for i, b := range e {
		if b == 0 {
			continue
		}
		any |= 1 << i
		if isLeadByte(b) {
			lead |= 1 << i
		}
		if isContByte(b) {
			cont |= 1 << i
		}
	}
	return lead, cont, any
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
