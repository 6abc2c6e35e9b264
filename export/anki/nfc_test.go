package anki

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestInertRanges(t *testing.T) {
	bad := 0
	for _, rg := range inertRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			p := norm.NFC.PropertiesString(s)
			if !norm.NFC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 {
				if bad < 20 {
					t.Errorf("U+%04X is not NFC-inert", r)
				}
				bad++
			}
		}
	}
}

func TestIsClean(t *testing.T) {
	for _, s := range []string{
		"", "plain", "tab\tand\nnewline", "box ╔═╗ ✅ — 🎯 é",
		"ctl\x00", "ctl\x7f", "cr\r\n", "bad \xff", "overlong \xe0\x80\x80", "surrogate \xed\xa0\x80",
		"short \xe2\x94", "decomposed e\u0301", "angle \u2329", "hangul \u1100\u1161", "ohm \u2126",
	} {
		want := cleanSlow(s) == s && utf8.ValidString(s)
		if got := isClean(s); got != want {
			t.Errorf("isClean(%q) = %v, want %v", s, got, want)
		}
	}
}
