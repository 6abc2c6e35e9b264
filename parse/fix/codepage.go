package fix

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// codePage is a single-byte code page that UTF-8 may have been read
// through. Its tables come from golang.org/x/text/encoding/charmap.
type codePage struct {
	name string
	// prior is the log-odds penalty a reading through this code page pays
	// before any evidence: Windows-1252 is by far the most common mistake,
	// Mac Roman the rarest, so its readings need much stronger evidence.
	prior float64
	dec   [256]rune     // byte → rune; 0 for a byte the code page leaves undefined
	rev   map[rune]byte // rune → byte, for the bytes 0x80–0xFF
	// revLow is rev for the runes below maskLimit, 0 where rev has none:
	// a run is read through every code page, character by character.
	revLow    [maskLimit]byte
	undefined []byte // continuation bytes (0x80–0xBF) left undefined: a damage that drops them loses them
	lostLead  byte   // a lead byte above 0x9F left undefined (read as U+FFFD), or 0
}

// codePages are the code pages tried, most common first.
var codePages = []*codePage{
	newCodePage("windows-1252", charmap.Windows1252, 0),
	newCodePage("windows-1254", charmap.Windows1254, 0.5),
	newCodePage("windows-1250", charmap.Windows1250, 0.5),
	newCodePage("windows-1251", charmap.Windows1251, 0.5),
	newCodePage("windows-1253", charmap.Windows1253, 0.5),
	newCodePage("macintosh", charmap.Macintosh, 3),
}

// newCodePage builds the tables of cm. The reverse map also takes each C1
// control (U+0080–U+009F) back to the byte of the same value where the code
// page leaves that byte undefined, and everywhere for ISO 8859-1 readings:
// lenient decoders (browsers, WHATWG, Python's latin-1) turn such bytes
// into those controls instead of dropping them. So one table reads damage
// through Windows-1252 with undefined bytes kept and through ISO 8859-1.
func newCodePage(name string, cm *charmap.Charmap, prior float64) *codePage {
	cp := &codePage{name: name, prior: prior, rev: map[rune]byte{}}
	for b := 0x80; b < 0x100; b++ {
		r := cm.DecodeByte(byte(b))
		if r == utf8.RuneError {
			if isCont(byte(b)) {
				cp.undefined = append(cp.undefined, byte(b))
			}
			if b < 0xA0 {
				cp.rev[rune(b)] = byte(b)
			}
			continue
		}
		cp.dec[b] = r
		cp.rev[r] = byte(b)
	}
	for b := rune(0x80); b < 0xA0; b++ {
		if _, ok := cp.rev[b]; !ok {
			cp.rev[b] = byte(b)
		}
	}
	// An undefined byte above 0x9F has no C1 control to become: lenient
	// decoders turn it into U+FFFD. Where the code page has one such
	// continuation byte (Windows-1253: 0xAA), U+FFFD reads back as it.
	var high []byte
	for _, b := range cp.undefined {
		if b >= 0xA0 {
			high = append(high, b)
		}
	}
	if len(high) == 1 {
		cp.rev['\uFFFD'] = high[0]
	}
	for r, b := range cp.rev {
		if r < maskLimit {
			cp.revLow[r] = b
		}
	}
	for b := 0xC2; b <= 0xF4; b++ {
		if cm.DecodeByte(byte(b)) == utf8.RuneError {
			cp.lostLead = byte(b) // Windows-1253's 0xD2
		}
	}
	return cp
}

// byteOf returns the byte cp decodes to r, and whether there is one. ASCII
// has none: it reads the same in every code page and is never damage.
func (cp *codePage) byteOf(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		return 0, false
	}
	if r < maskLimit {
		b := cp.revLow[r]
		return b, b != 0
	}
	b, ok := cp.rev[r]
	return b, ok
}

// isLead reports whether b starts a multi-byte UTF-8 sequence.
func isLead(b byte) bool { return b >= 0xC2 && b <= 0xF4 }

// isCont reports whether b is a UTF-8 continuation byte.
func isCont(b byte) bool { return b >= 0x80 && b <= 0xBF }

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

// maskLimit bounds the dense tables by rune (masks, codePage.revLow); the
// few runes of code pages above it (Mac Roman's ﬁ, ﬂ, , U+FFFD) are in
// maps. It lies above box drawing and geometric shapes, which diagrams
// repeat thousands of times and each round looks up.
const maskLimit = 0x2600

var (
	maskLow  [maskLimit][4]uint8 // per rune: code pages reading it as a lead byte, as a continuation byte, as a lone lead of two bytes, of three (see masks)
	maskHigh = map[rune][4]uint8{}
)

// lostLeadPages are the code pages (bits by index) that leave a lead
// byte undefined, read as U+FFFD.
var lostLeadPages uint8

func init() {
	for i, cp := range codePages {
		if cp.lostLead != 0 {
			lostLeadPages |= 1 << i
		}
		for r, b := range cp.rev {
			var m [4]uint8
			if isLead(b) {
				m[0] = 1 << i
			}
			if isCont(b) {
				m[1] = 1 << i
			}
			if isLead(b) && len(cp.undefined) > 0 {
				if b < 0xE0 {
					m[2] = 1 << i
				} else if b < 0xF0 {
					m[3] = 1 << i
				}
			}
			h := maskHigh[r]
			if r < maskLimit {
				h = maskLow[r]
			}
			h = [4]uint8{h[0] | m[0], h[1] | m[1], h[2] | m[2], h[3] | m[3]}
			if r < maskLimit {
				maskLow[r] = h
			} else {
				maskHigh[r] = h
			}
		}
	}
}

// masks returns the code pages (as bits of their index) that read r back
// as a UTF-8 lead byte, those that read it as a continuation byte, and
// those that read it as the lead byte of a two-byte (lone2) or three-byte
// (lone3) sequence whose continuation bytes they may have dropped.
func masks(r rune) (lead, cont, lone2, lone3 uint8) {
	if r < maskLimit {
		m := &maskLow[r]
		return m[0], m[1], m[2], m[3]
	}
	m := maskHigh[r]
	return m[0], m[1], m[2], m[3]
}

// lossy[b&0x3F] is set when continuation byte b is undefined in some code
// page: only a character holding such a byte can be a rebuild candidate.
var lossy = func() (t [64]bool) {
	for _, cp := range codePages {
		for _, b := range cp.undefined {
			t[b&0x3F] = true
		}
	}
	return t
}()

// mayBeCandidate reports whether r can be a rebuild candidate.
func mayBeCandidate(r rune) bool {
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[1:n] {
		if lossy[b&0x3F] {
			return true
		}
	}
	return false
}
