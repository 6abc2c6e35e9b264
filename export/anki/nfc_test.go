package anki

import (
	"testing"

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
