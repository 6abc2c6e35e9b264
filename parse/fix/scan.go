package fix

import (
	"encoding/binary"
	"unicode/utf8"
)

// textRun is a maximal run of valid non-ASCII runes holding at least one
// pair (see scan).
type textRun struct {
	start, end int
	pairs      uint8 // code pages with a lead/continuation pair in the run
}

const hi8 = 0x8080808080808080

// skipASCII returns the offset of the first byte ≥ 0x80 in text[i:], or
// len(text). Clean text is mostly ASCII: 32 bytes at a time, then 8.
func skipASCII(text []byte, i int) int {
	for ; i+32 <= len(text); i += 32 {
		b := text[i : i+32 : i+32]
		v := binary.LittleEndian.Uint64(b[0:]) | binary.LittleEndian.Uint64(b[8:]) |
			binary.LittleEndian.Uint64(b[16:]) | binary.LittleEndian.Uint64(b[24:])
		if v&hi8 != 0 {
			break
		}
	}
	for ; i+8 <= len(text); i += 8 {
		if binary.LittleEndian.Uint64(text[i:])&hi8 != 0 {
			break
		}
	}
	for ; i < len(text) && text[i] < utf8.RuneSelf; i++ {
	}
	return i
}

// decodeAt decodes the non-ASCII rune at text[i], inline for the two- and
// three-byte forms that nearly all text uses. n is 0 for an invalid byte.
func decodeAt(text []byte, i int) (r rune, n int) {
	c := text[i]
	switch {
	case c >= 0xC2 && c <= 0xDF && i+1 < len(text):
		if c1 := text[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
		return 0, 0
	case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(text):
		c1, c2 := text[i+1], text[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
		return 0, 0
	}
	r, n = utf8.DecodeRune(text[i:])
	if r == utf8.RuneError && n == 1 {
		return 0, 0
	}
	return r, n
}

// decodeValid decodes the rune at text[i], known to start a valid
// multi-byte sequence (in a run the scan has checked).
func decodeValid(text []byte, i int) (rune, int) {
	c := text[i]
	switch {
	case c < 0xE0:
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	case c < 0xF0:
		return rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F), 3
	}
	return rune(c&0x07)<<18 | rune(text[i+1]&0x3F)<<12 | rune(text[i+2]&0x3F)<<6 | rune(text[i+3]&0x3F), 4
}

// scan walks s.text once. It looks for the mark every mojibake run carries:
// an adjacent pair of runes that some code page maps back to a UTF-8 lead
// byte followed by a continuation byte. It counts such pairs per code page
// (to order the code pages), records the runs holding one for findGroups,
// and, once there is one, counts the runes of all other runs as genuine
// text. It reports whether there is any pair. With strict it stops at the first invalid byte
// and reports it; otherwise invalid bytes separate runs, as they are kept.
func (s *repairer) scan(strict bool) (found, invalid bool) {
	text := s.text
	var byMask [1 << nCP]int // pair counts by code-page mask
	runs := s.runs           // a local: see findGroups
	i := 0
	for {
		i = skipASCII(text, i)
		if i >= len(text) {
			break
		}
		start := i
		var pairs, prevLead uint8
		bad := false
		for i < len(text) && text[i] >= utf8.RuneSelf {
			// Two- and three-byte runes inline: the loop runs once per
			// non-ASCII rune of the text.
			var r rune
			var n int
			c := text[i]
			switch {
			case c >= 0xC2 && c <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
				r, n = rune(c&0x1F)<<6|rune(text[i+1]&0x3F), 2
			case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
				r, n = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
			default:
				if r, n = decodeAt(text, i); n == 0 {
					bad = true
				}
			}
			if bad {
				break
			}
			// masks, with its common case written out: a call per rune costs
			// this loop about a tenth of its speed, and masks is too big to inline.
			var lead, cont uint8
			if r < revLowSize {
				m := maskTab[r]
				lead, cont = uint8(m), uint8(m>>8)
			} else if r >= revHighMin && r <= revHighMax {
				lead, cont = masks(r)
			}
			if m := prevLead & cont; m != 0 {
				pairs |= m
				byMask[m]++
			}
			prevLead = lead
			i += n
		}
		if bad {
			invalid = true
			if strict {
				s.runs = runs
				return false, true
			}
		}
		switch {
		case pairs != 0:
			if len(runs) == 0 {
				// The first damage: the text before it is genuine.
				s.countGenuine(text[:start])
			}
			runs = append(more(runs), textRun{start, i, pairs})
		case len(runs) > 0:
			// Genuine text in a document with damage: decoded again, to
			// keep the loop above lean. (Clean text needs no counts.)
			for j := start; j < i; {
				r, n := decodeValid(text, j)
				s.genuine(r)
				j += n
			}
		}
		if bad {
			i++ // the invalid byte is kept as it is
		}
	}
	s.runs = runs
	for m, n := range byMask {
		for cp := 0; cp < nCP; cp++ {
			if m&(1<<cp) != 0 {
				s.counts[cp] += n
			}
		}
	}
	return len(runs) > 0, invalid
}

// countGenuine counts the runes of text, which holds no pair, as genuine
// text. Invalid bytes are skipped.
func (s *repairer) countGenuine(text []byte) {
	for i := 0; ; {
		i = skipASCII(text, i)
		if i >= len(text) {
			return
		}
		for i < len(text) && text[i] >= utf8.RuneSelf {
			r, n := decodeAt(text, i)
			if n == 0 {
				i++ // an invalid byte, kept as it is
				continue
			}
			s.genuine(r)
			i += n
		}
	}
}
