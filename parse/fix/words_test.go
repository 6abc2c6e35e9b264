package fix

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestLowerToASCII checks what asciiWords relies on: the only non-ASCII
// runes that unicode.ToLower turns into ASCII letters are U+0130 and U+212A.
func TestLowerToASCII(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		l := unicode.ToLower(r)
		if l >= utf8.RuneSelf {
			continue
		}
		if r != '\u0130' && r != '\u212A' {
			t.Errorf("unicode.ToLower(%U) = %q: asciiWords must lower it too", r, l)
		}
	}
}

// wordsByLower is what asciiWords computes, the plain way.
func wordsByLower(text []byte) []string {
	return strings.FieldsFunc(strings.ToLower(string(text)), func(r rune) bool {
		return r >= utf8.RuneSelf || !unicode.IsLetter(r)
	})
}

func TestASCIIWords(t *testing.T) {
	for _, s := range []string{
		"", "a", "A", " ", "Snake 🐍 in the GRASS", "\u212Aelvin \u0130stanbul",
		"â•”â•â•â•— box", "tab\tsep-arated,words; 42 digits4letters",
		"ünïcödé wörds", "\xff\xfeBAD\xe2bytes", "end.", "ÀÉÎ mixed ascii",
	} {
		got, want := asciiWords([]byte(s)), wordsByLower([]byte(s))
		if !slices.Equal(got, want) {
			t.Errorf("asciiWords(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzASCIIWords(f *testing.F) {
	f.Add([]byte("Snake 🐍 in the GRASS"))
	f.Add([]byte("\u212Aelvin \u0130stanbul\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := asciiWords(b), wordsByLower(b); !slices.Equal(got, want) {
			t.Errorf("asciiWords(%q) = %q, want %q", b, got, want)
		}
	})
}
