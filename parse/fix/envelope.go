package fix

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// The envelope is how the file's bytes encode its characters, before any
// damage to the characters themselves: UTF-8 (with or without a BOM),
// UTF-16 in either byte order (with or without a BOM), or, for a file with
// no multi-byte UTF-8 at all, a legacy code page. decodeEnvelope turns the
// bytes into UTF-8 text; the repair rules then work on that text.

// decodeEnvelope detects the encoding of src and decodes it to UTF-8. The
// text may alias src. The findings are the places it could not decode.
// The file's byte-order mark is not part of the text: editors do not show
// it, and positions count from after it. Any further BOM, damaged or not,
// is left to the BOM rule.
func decodeEnvelope(src []byte) (text []byte, enc Encoding, found []finding) {
	enc = UTF8
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		enc = UTF8BOM
		src = src[3:]
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		text, found = decodeUTF16(src[2:], false)
		return text, UTF16LE, found
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		text, found = decodeUTF16(src[2:], true)
		return text, UTF16BE, found
	}
	valid := utf8.Valid(src)
	if order := utf16Order(src, valid); order != 0 && enc == UTF8 {
		text, found = decodeUTF16(src, order == 'B')
		if order == 'B' {
			return text, UTF16BENoBOM, found
		}
		return text, UTF16LENoBOM, found
	}
	if valid {
		return src, enc, nil
	}
	// The choice looks past the BOMs at the start, damaged or not, which
	// the BOM rule strips: the text after them decides.
	body := src[bomPrefix(src):]
	if !hasMultibyte(body) {
		text, found = decodeLegacy(body)
		return text, Legacy, found
	}
	text, found = keepInvalid(src)
	return text, enc, found
}

// utf16Order recognises UTF-16 without a BOM. Text in UTF-16 has a zero
// high byte for every ASCII character (spaces and line ends too, which
// every script's text has) and a byte below 0x09 for every Latin, Greek,
// Cyrillic, Hebrew or Arabic letter: at one byte position (odd for
// little-endian, even for big-endian) such control bytes come over and
// over, at the other almost never (real text has no controls but tab and
// line ends), and the line ends and spaces are aligned code units. It
// returns 'L', 'B' or 0. valid says whether src is valid UTF-8.
//
// Input that is valid UTF-8 and holds bytes ≥ 0x80 is left to UTF-8: a
// NUL after every letter in such text is UTF-16 that was read as a code
// page and saved as UTF-8, which a repair rule undoes (see utf16Text).
func utf16Order(src []byte, valid bool) byte {
	if len(src) < 8 {
		return 0
	}
	ascii := true
	for _, b := range src {
		if b >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii && valid {
		return 0
	}
	var ctl, sep [2]int // control bytes by position; spaces and line ends by byte order
	for i, b := range src {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			ctl[i&1]++
		}
	}
	for i := 0; i+1 < len(src); i += 2 {
		lo, hi := src[i], src[i+1]
		switch {
		case hi == 0 && (lo == ' ' || lo == '\n'):
			sep[0]++
		case lo == 0 && (hi == ' ' || hi == '\n'):
			sep[1]++
		}
	}
	units := len(src) / 2
	need := max(4, units/8+1)
	switch {
	case ctl[1] >= need && ctl[0]*8 <= ctl[1], sep[0] >= 4 && sep[1]*8 <= sep[0]:
		return 'L'
	case ctl[0] >= need && ctl[1]*8 <= ctl[0], sep[1] >= 4 && sep[0]*8 <= sep[1]:
		return 'B'
	}
	return 0
}

// hasMultibyte reports whether b holds a valid multi-byte UTF-8 sequence
// other than a BOM. Text with none is taken to be in a legacy code page:
// random legacy text rarely forms one.
func hasMultibyte(b []byte) bool {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if n > 1 && r != '\uFEFF' {
			return true
		}
		i += n
	}
	return false
}

// keepInvalid returns b unchanged and one Undecodable finding per run of
// invalid bytes.
func keepInvalid(b []byte) ([]byte, []finding) {
	var found []finding
	for _, s := range invalidRuns(b) {
		found = append(found, finding{start: s.s, end: s.e, kind: Undecodable, conf: 1})
	}
	return b, found
}

// invalidRuns returns the runs of bytes of b that are not UTF-8.
func invalidRuns(b []byte) []span {
	if utf8.Valid(b) {
		return nil
	}
	var runs []span
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			i += n
			continue
		}
		j := i + 1
		for j < len(b) {
			if r, n := utf8.DecodeRune(b[j:]); r != utf8.RuneError || n > 1 {
				break
			}
			j++
		}
		runs = append(runs, span{i, j})
		i = j
	}
	return runs
}

// decodeLegacy decodes b, which holds no multi-byte UTF-8, as the code
// page in which it reads most plausibly (Windows-1252 unless another one
// makes clearly better text, as Windows-1251 does for Russian). Bytes the
// code page leaves undefined become the C1 controls of the same value, as
// browsers decode them, and are reported.
func decodeLegacy(b []byte) ([]byte, []finding) {
	best := legacyPage(b)
	out := make([]byte, 0, len(b)+len(b)/4)
	var found []finding
	for _, c := range b {
		if c < utf8.RuneSelf {
			out = append(out, c)
			continue
		}
		r := best.dec[c]
		if r == 0 {
			r = rune(c)
			found = append(found, finding{start: len(out), end: len(out) + 2, kind: Undecodable, conf: 1})
		}
		out = utf8.AppendRune(out, r)
	}
	return out, found
}

// legacyPage returns the code page b reads most plausibly in.
func legacyPage(b []byte) *codePage {
	best, bestCost := codePages[0], 0.0
	for i, cp := range codePages {
		if cp.prior > 1 {
			continue // a whole file in Mac Roman is not told apart by its letters
		}
		c := legacyCost(b, cp) + cp.prior*float64(len(b))/200
		if i == 0 || c < bestCost-1 {
			best, bestCost = cp, c
		}
	}
	return best
}

// legacyCost is how implausible b reads through cp.
func legacyCost(b []byte, cp *codePage) float64 {
	cost := 0.0
	prev := rune(' ')
	for _, c := range b {
		r := rune(c)
		if c >= utf8.RuneSelf {
			if r = cp.dec[c]; r == 0 {
				r = rune(c)
			}
		}
		cost += rarity(r) + transition(prev, r)
		prev = r
	}
	return cost
}

// decodeUTF16 decodes UTF-16 without its BOM. Unpaired surrogates and an
// odd last byte are dropped and reported (at the offset in the text where
// they would have been).
func decodeUTF16(b []byte, bigEndian bool) ([]byte, []finding) {
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	out := make([]byte, 0, len(b))
	var found []finding
	for i := 0; i+1 < len(b); i += 2 {
		u := unit(i)
		if utf16.IsSurrogate(u) {
			if u < 0xDC00 && i+3 < len(b) {
				if r := utf16.DecodeRune(u, unit(i+2)); r != utf8.RuneError {
					out = utf8.AppendRune(out, r)
					i += 2
					continue
				}
			}
			found = append(found, finding{start: len(out), end: len(out), kind: Undecodable, conf: 1, damaged: string(b[i : i+2])})
			continue
		}
		out = utf8.AppendRune(out, u)
	}
	if len(b)%2 == 1 {
		found = append(found, finding{start: len(out), end: len(out), kind: Undecodable, conf: 1, damaged: string(b[len(b)-1:])})
	}
	return out, found
}

// countNewlines counts CRLF, lone LF and lone CR.
func countNewlines(b []byte) Newlines {
	cr := bytes.Count(b, []byte{'\r'})
	lf := bytes.Count(b, []byte{'\n'})
	if cr == 0 {
		return Newlines{LF: lf}
	}
	crlf := bytes.Count(b, []byte("\r\n"))
	return Newlines{CRLF: crlf, LF: lf - crlf, CR: cr - crlf}
}
