package fix

import (
	"encoding/binary"
	"unicode/utf8"
)

// scanPairs is the fast path. It reports whether text holds an adjacent pair
// of runes that some code page maps back to a UTF-8 lead byte followed by a
// continuation byte — the mark every mojibake run carries — and counts such
// pairs per code page (used to order the code pages). Clean ASCII is skipped
// eight bytes at a time.
func scanPairs(text []byte, counts *[nCP]int) bool {
	found := false
	var prevLead uint8 // lead mask of the previous rune, if it was adjacent non-ASCII
	i := 0
	for i < len(text) {
		// Skip ASCII fast.
		for i+8 <= len(text) && binary.LittleEndian.Uint64(text[i:])&0x8080808080808080 == 0 {
			i += 8
			prevLead = 0
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			prevLead = 0
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			i++
			prevLead = 0
			continue
		}
		lead, cont, _ := masks(r)
		if m := prevLead & cont; m != 0 {
			found = true
			if counts == nil {
				return true
			}
			for cp := 0; cp < nCP; cp++ {
				if m&(1<<cp) != 0 {
					counts[cp]++
				}
			}
		}
		prevLead = lead
		i += n
	}
	return found
}
