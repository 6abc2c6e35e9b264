package fix

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// corrupt damages text the way it happens: its UTF-8 bytes are read one by
// one through cm and the result written as UTF-8. Bytes cm does not define
// are dropped when drop is set, else they become the C1 control of the same
// value, or U+FFFD above 0x9F (as lenient decoders do).
func corrupt(text string, cm *charmap.Charmap, drop bool) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			continue
		}
		r := cm.DecodeByte(c)
		if r == utf8.RuneError {
			if drop {
				continue
			}
			r = rune(c)
			if c >= 0xA0 {
				r = utf8.RuneError
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// latin1 damages text through ISO 8859-1: bytes 0x80–0x9F become C1
// controls.
func latin1(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		b.WriteRune(rune(text[i]))
	}
	return b.String()
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
