package fix

import (
	"bytes"
	"unicode/utf8"
)

// stripBOM removes the byte-order marks at the start of the text, which
// the envelope has read the file's own from (a UTF-8 file may carry one:
// reading it is not a repair): any further ones (Removed), and a BOM
// damaged along with the text ("ï»¿" is U+FEFF read through Windows-1252;
// it may have been damaged twice), which is Mojibake. A BOM elsewhere is a
// zero-width no-break space and stays.
type stripBOM struct{}

// damagedBOMs are U+FEFF's UTF-8 bytes read through each code page, once
// and twice, with the code page's name.
var damagedBOMs = func() (out []struct {
	text []byte
	cp   string
}) {
	for _, cp := range codePages {
		once := readAs([]byte("\uFEFF"), cp)
		twice := readAs(once, cp)
		for _, t := range [][]byte{twice, once} { // longest first
			out = append(out, struct {
				text []byte
				cp   string
			}{t, cp.name})
		}
	}
	return out
}()

// readAs returns UTF-8 bytes b read through cp and written as UTF-8, the
// damage this package undoes (undefined bytes are kept as C1 controls).
func readAs(b []byte, cp *codePage) []byte {
	var out []byte
	for _, c := range b {
		r := rune(c)
		if c >= utf8.RuneSelf && cp.dec[c] != 0 {
			r = cp.dec[c]
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

func (stripBOM) apply(text []byte, _ *config) ([]edit, []finding) {
	var found []finding
	off := 0
	for {
		n, cp := bomAt(text[off:])
		if n == 0 {
			break
		}
		kind := Removed
		if cp != "" {
			kind = Mojibake
		}
		found = append(found, finding{start: off, end: off + n, kind: kind, cp: cp, conf: 1})
		off += n
	}
	if off == 0 {
		return nil, nil
	}
	return []edit{{0, off, nil}}, found
}

// bomAt returns the length of the BOM, damaged or not, that text starts
// with (0 for none), and the code page that damaged it.
func bomAt(text []byte) (int, string) {
	if bytes.HasPrefix(text, []byte("\uFEFF")) {
		return 3, ""
	}
	for _, d := range damagedBOMs {
		if bytes.HasPrefix(text, d.text) {
			return len(d.text), d.cp
		}
	}
	return 0, ""
}

// bomPrefix returns the length of the BOMs, damaged or not, at the start
// of text.
func bomPrefix(text []byte) int {
	off := 0
	for {
		n, _ := bomAt(text[off:])
		if n == 0 {
			return off
		}
		off += n
	}
}
