package fix

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Text undoes UTF-16 that was read as a single-byte code page and
// saved as UTF-8: every ASCII letter comes with a NUL (U+0000) after it
// (little-endian) or before it (big-endian), and the BOM reads "ÿþ" or
// "þÿ". Each character is taken back to its byte through the code page
// and the bytes decoded as UTF-16. Real text never holds NUL, so a NUL at
// every other character is evidence enough.
type utf16Text struct{}

func (utf16Text) apply(text []byte, _ *config) ([]edit, []finding) {
	if bytes.IndexByte(text, 0) < 0 {
		return nil, nil // every UTF-16 text has NULs: its spaces and line ends
	}
	// Evidence: NULs and other controls as many as half the other ASCII
	// characters. The counts do not change as other rules repair
	// non-ASCII text.
	var nul [2]int // by rune index parity
	ascii := 0
	for i, k := 0, 0; k < len(text); i++ {
		r, n := rune(text[k]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(text[k:])
		}
		switch {
		case r < ' ' && r != '\t' && r != '\n' && r != '\r':
			nul[i&1]++ // a zero high byte, or a Greek, Cyrillic, Hebrew, Arabic one
		case r < utf8.RuneSelf:
			ascii++
		}
		k += n
	}
	// Text in scripts whose high bytes read as letters (CJK, Indic) has
	// fewer: there, a NUL beside every line end is the sign.
	lineEnds := bytes.Count(text, []byte("\n\x00")) + bytes.Count(text, []byte("\x00\n"))
	if nul[0]+nul[1] < 4 || 2*(nul[0]+nul[1]) < ascii && lineEnds < 4 {
		return nil, nil
	}
	// The characters and their offsets in text (an invalid byte is one
	// character of one byte).
	var runes []rune
	var offs []int
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		runes, offs = append(runes, r), append(offs, i)
		i += n
	}
	offs = append(offs, len(text))
	big := nul[0] > nul[1]
	for _, cp := range codePages {
		if b, ok := toBytes(runes, cp); ok {
			return decodeUnits(offs, b, big, cp.name)
		}
	}
	return nil, nil
}

// toBytes takes each rune back to the byte cp decodes to it.
func toBytes(runes []rune, cp *codePage) ([]byte, bool) {
	b := make([]byte, len(runes))
	for i, r := range runes {
		if r < utf8.RuneSelf {
			b[i] = byte(r)
			continue
		}
		c, ok := cp.byteOf(r)
		if !ok {
			return nil, false
		}
		b[i] = c
	}
	return b, true
}

// decodeUnits decodes b (one byte per character of the text, the
// characters at offsets offs, followed by the text's length) as UTF-16
// and returns one edit per character it decodes, so that each place of
// the decoded text maps back to the characters it was read from, and one
// finding for the whole text.
func decodeUnits(offs []int, b []byte, big bool, cp string) ([]edit, []finding) {
	unit := func(i int) rune {
		if big {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	out := make([]byte, 0, 2*len(b)) // the replacements, one after the other
	edits := make([]edit, 0, len(b)/2+1)
	start := 0 // rune index where the next edit starts
	i := 0
	if len(b) >= 2 && unit(0) == 0xFEFF {
		i = 2 // the BOM goes with the first character
	}
	for ; i+1 < len(b); i += 2 {
		u := unit(i)
		lo := len(out)
		switch {
		case utf16.IsSurrogate(u) && i+3 < len(b) && utf16.DecodeRune(u, unit(i+2)) != utf8.RuneError:
			out = utf8.AppendRune(out, utf16.DecodeRune(u, unit(i+2)))
			i += 2
		case utf16.IsSurrogate(u):
			// unpaired: dropped, as the envelope drops it
		default:
			out = utf8.AppendRune(out, u)
		}
		edits = append(edits, edit{offs[start], offs[i+2], out[lo:len(out):len(out)]})
		start = i + 2
	}
	end := offs[len(offs)-1]
	if start < len(b) {
		edits = append(edits, edit{offs[start], end, nil}) // an odd last byte
	}
	return edits, []finding{{start: 0, end: end, kind: Mojibake, cp: cp, conf: 1}}
}
