package fix

import "unicode"

// Rune properties, cached. The scoring asks unicode.IsLetter, unicode.Is and
// the display width of the same few hundred runes millions of times in a long
// document; outside Latin-1 each answer is a binary search over a range
// table. A small direct-mapped cache per repairer answers them in a load.
// Properties come in three sets, computed only when first asked for, so that
// a rune that is only ever measured for width never pays for its script.

type props uint32

const (
	// Set pSeg: what segmenting asks (letters, plausibility).
	pLetter props = 1 << iota
	pLatin
	pPlausible
	pFollower
	// Set pView: what the line views ask.
	pWide // runeWidth 2
	pZero // runeWidth 0
	pEmoji
	// Set pChar: what charFactor asks.
	pSo
	pUpper
	pDigit
	pPunct
	pScriptShift = iota // script(r)+1 in the bits from here

	pSeg  props = 1 << 28
	pView props = 1 << 29
	pChar props = 1 << 30
)

type propEntry struct {
	r rune
	p props // the sets computed, and their bits
}

const propCacheBits = 12

type propCache [1 << propCacheBits]propEntry

// asciiProps holds every set for ASCII, which the cache leaves out.
var asciiProps = func() (t [128]props) {
	for r := range t {
		t[r] = computeProps(rune(r), pSeg|pView|pChar)
	}
	return t
}()

// get returns the properties of r, with at least the sets in want.
func (c *propCache) get(r rune, want props) props {
	if r < 128 && r >= 0 {
		return asciiProps[r]
	}
	e := &c[uint32(r)*0x9E3779B1>>(32-propCacheBits)]
	if e.r == r && e.p&want == want {
		return e.p
	}
	if e.r != r {
		e.r, e.p = r, 0
	}
	e.p |= computeProps(r, want&^e.p)
	return e.p
}

func computeProps(r rune, sets props) props {
	p := sets
	set := func(bit props, ok bool) {
		if ok {
			p |= bit
		}
	}
	if sets&pSeg != 0 {
		set(pLetter, unicode.IsLetter(r))
		set(pLatin, unicode.Is(unicode.Latin, r))
		set(pPlausible, plausible(r))
		set(pFollower, isFollower(r))
	}
	if sets&pView != 0 {
		w := runeWidth(r)
		set(pWide, w == 2)
		set(pZero, w == 0)
		set(pEmoji, isEmoji(r))
	}
	if sets&pChar != 0 {
		set(pSo, unicode.Is(unicode.So, r))
		set(pUpper, unicode.IsUpper(r))
		set(pDigit, unicode.IsDigit(r))
		set(pPunct, unicode.IsPunct(r))
		p |= props(script(r)+1) << pScriptShift
	}
	return p
}

func (p props) width() int {
	switch {
	case p&pWide != 0:
		return 2
	case p&pZero != 0:
		return 0
	}
	return 1
}

func (p props) script() int { return int(p>>pScriptShift&0xF) - 1 }

func (s *repairer) isLetter(r rune) bool { return s.pc.get(r, pSeg)&pLetter != 0 }
func (s *repairer) width(r rune) int     { return s.pc.get(r, pView).width() }
