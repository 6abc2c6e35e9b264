package fix

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/bankgen/bankgen/parse/fix/internal/damage"
	"golang.org/x/text/encoding/charmap"
)

// corrupt damages text through cm with the corpus's damage generator:
// bytes cm does not define are dropped when drop is set, else kept as
// lenient decoders keep them.
func corrupt(text string, cm *charmap.Charmap, drop bool) string {
	u := damage.Keep
	if drop {
		u = damage.Drop
	}
	return string(damage.Decode([]byte(text), cm, u))
}

// utf16Bytes encodes s as UTF-16, with a BOM when bom is set.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func readFiles(t testing.TB, patterns ...string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, pat := range patterns {
		paths, _ := filepath.Glob(pat)
		if len(paths) == 0 {
			t.Fatalf("no files match %s", pat)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files[filepath.Base(p)] = string(b)
		}
	}
	return files
}

// diffLines shows the first lines that differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < max(len(w), len(g)) && n < 5; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n  want %q\n  got  %q\n", i+1, wl, gl)
			n++
		}
	}
	return b.String()
}

var cp1252 = charmap.Windows1252
