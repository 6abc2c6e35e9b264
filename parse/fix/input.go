package fix

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeInput turns the raw input into UTF-8 text: it strips a UTF-8 BOM,
// decodes UTF-16 that has a BOM, and decodes input with no valid multi-byte
// UTF-8 sequence at all as Windows-1252. Invalid bytes in otherwise-UTF-8
// input are kept as they are and reported. The returned text may alias src;
// valid says whether it is valid UTF-8 (it is unless invalid bytes were kept).
func decodeInput(src []byte) (text []byte, enc Encoding, bad []Repair, valid bool) {
	enc = UTF8
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		// Every leading mark goes at once: one left behind would be
		// taken for the file's BOM by the next call.
		for bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}) {
			src = src[3:]
		}
		enc = UTF8BOM
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		text, bad = decodeUTF16(src[2:], false)
		return text, UTF16LE, bad, true
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		text, bad = decodeUTF16(src[2:], true)
		return text, UTF16BE, bad, true
	}
	if utf8.Valid(src) {
		return src, enc, nil, true
	}
	if !hasMultibyte(src) {
		text, bad = decodeWindows1252(src)
		return text, Windows1252, bad, true
	}
	text, bad = keepInvalid(src)
	return text, enc, bad, false
}

// hasMultibyte reports whether b holds at least one valid multi-byte UTF-8
// sequence. Text with none is taken to be in a legacy code page: a single
// valid sequence is strong evidence of UTF-8, as random legacy text rarely
// forms one.
func hasMultibyte(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		// A byte-order mark is no evidence: stray ones are stripped
		// anyway, and counting them would make the choice of encoding
		// change once they are gone.
		if (r != utf8.RuneError || n > 1) && r != '\uFEFF' {
			return true
		}
		i += n
	}
	return false
}

// keepInvalid returns b unchanged and one Undecodable entry per run of
// invalid bytes (Line and Col are filled in later).
func keepInvalid(b []byte) ([]byte, []Repair) {
	if utf8.Valid(b) {
		return b, nil
	}
	var bad []Repair
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			i += n
			continue
		}
		j := i + 1
		for j < len(b) && b[j] >= utf8.RuneSelf {
			if r, n := utf8.DecodeRune(b[j:]); r != utf8.RuneError || n > 1 {
				break
			}
			j++
		}
		bad = append(bad, Repair{Offset: i, Damaged: string(b[i:j]), Replacement: string(b[i:j]), Kind: Undecodable, Confidence: 1})
		i = j
	}
	return b, bad
}

// decodeWindows1252 decodes b as Windows-1252. The five bytes it leaves
// undefined become the C1 controls of the same value, as browsers do, and
// are reported.
func decodeWindows1252(b []byte) ([]byte, []Repair) {
	cp := codePages[0]
	out := make([]byte, 0, len(b)+len(b)/4)
	var bad []Repair
	for _, c := range b {
		if c < utf8.RuneSelf {
			out = append(out, c)
			continue
		}
		r := cp.dec[c]
		if r == 0 {
			r = rune(c)
			bad = append(bad, Repair{Offset: len(out), Damaged: string(rune(c)), Replacement: string(rune(c)), CodePage: cp.name, Kind: Undecodable, Confidence: 1})
		}
		out = utf8.AppendRune(out, r)
	}
	return out, bad
}

// decodeUTF16 decodes UTF-16 (without its BOM). Unpaired surrogates and an
// odd last byte are dropped and reported.
func decodeUTF16(b []byte, bigEndian bool) ([]byte, []Repair) {
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(b[i])<<8 | uint16(b[i+1])
		}
		return uint16(b[i+1])<<8 | uint16(b[i])
	}
	out := make([]byte, 0, len(b))
	var bad []Repair
	for i := 0; i+1 < len(b); i += 2 {
		u := rune(unit(i))
		switch {
		case utf16.IsSurrogate(u) && u < 0xDC00 && i+3 < len(b):
			if r := utf16.DecodeRune(u, rune(unit(i+2))); r != utf8.RuneError {
				out = utf8.AppendRune(out, r)
				i += 2
				continue
			}
			fallthrough
		case utf16.IsSurrogate(u):
			bad = append(bad, Repair{Offset: len(out), Damaged: string(b[i : i+2]), Kind: Undecodable, Confidence: 1})
		default:
			out = utf8.AppendRune(out, u)
		}
	}
	if len(b)%2 == 1 {
		bad = append(bad, Repair{Offset: len(out), Damaged: string(b[len(b)-1:]), Kind: Undecodable, Confidence: 1})
	}
	return out, bad
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
