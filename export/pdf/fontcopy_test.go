package pdf

import (
	"bytes"
	"crypto/sha256"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
)

// TestRenderLeavesFontsAndIsRepeatable renders the guide three times in
// one process. fpdf writes into the font bytes it is handed; if those
// were the shared TTFs, the first document would change them and the
// next would embed different bytes.
func TestRenderLeavesFontsAndIsRepeatable(t *testing.T) {
	fonts := map[string][]byte{"sans": dejavusans.TTF, "bold": dejavusansbold.TTF, "oblique": dejavusansoblique.TTF, "mono": dejavusansmono.TTF}
	before := map[string][32]byte{}
	for name, ttf := range fonts {
		before[name] = sha256.Sum256(ttf)
	}
	b := testBank()
	var first []byte
	for i := 0; i < 3; i++ {
		var buf bytes.Buffer
		if err := WriteGuide(&buf, b, Options{}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(first, buf.Bytes()) {
			t.Fatalf("render %d differs from the first in the same process", i+1)
		}
	}
	for name, ttf := range fonts {
		if sha256.Sum256(ttf) != before[name] {
			t.Errorf("rendering changed the shared %s font bytes", name)
		}
	}
}
