package damage

import (
	"bytes"
	"testing"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

// TestApply pins what each kind makes of a few characters, written out by
// hand from the code-page charts.
func TestApply(t *testing.T) {
	tests := []struct {
		kind, in, want string
	}{
		{"cp1252-dropped", "plain ASCII\n", "plain ASCII\n"},
		{"cp1252-dropped", "a — b", "a â€” b"},
		{"cp1252-dropped", "café", "cafÃ©"},
		{"cp1252-dropped", "═", "â•"},  // E2 95 90: 0x90 dropped
		{"cp1252-dropped", "╝", "â•"},  // E2 95 9D: 0x9D dropped
		{"cp1252-dropped", "❌", "âŒ"},  // E2 9D 8C
		{"cp1252-dropped", "Đ", "Ä"},   // C4 90
		{"cp1252-dropped", "😁", "ðŸ˜"}, // F0 9F 98 81
		{"cp1252-kept", "═", "â•\u0090"},
		{"cp1252-kept", "😁", "ðŸ˜\u0081"},
		{"cp1252-kept", "’", "â€™"},
		{"latin1", "—", "â\u0080\u0094"},
		{"latin1", "é", "Ã©"},
		{"cp1250", "ł", "Ĺ‚"},      // C5 82
		{"cp1250", "ą", "Ä…"},      // C4 85
		{"cp1250", "Đ", "Ä\u0090"}, // C4 90: 0x90 undefined, kept
		{"cp1251", "я", "СЏ"},      // D1 8F
		{"cp1251", "é", "Г©"},      // C3 A9
		{"cp1253", "α", "Ξ±"},      // CE B1
		{"cp1253", "Ν", "Ξ\u009D"}, // CE 9D: undefined, kept
		{"cp1253", "Ϊ", "Ξ\uFFFD"}, // CE AA: undefined above 9F
		{"cp1254", "ş", "ÅŸ"},      // C5 9F
		{"cp1254", "İ", "Ä°"},      // C4 B0
		{"cp1254", "Ğ", "Ä\u009E"}, // C4 9E: undefined, kept
		{"macroman", "é", "√©"},    // C3 A9
		{"macroman", "—", "‚Äî"},   // E2 80 94
		{"cp1252-twice", "’", "Ã¢â‚¬â„¢"},
		{"cp1252-twice", "é", "ÃƒÂ©"},
		{"cp1252-twice", "═", "Ã¢â€¢\u00C2\u0090"}, // 0x90 → U+0090 → C2 90 → Â + U+0090
		{"bom-cp1252", "é\n", "ï»¿Ã©\n"},
		{"bom-cp1252", "", "ï»¿"},
		{"cp1252-paragraphs", "# Tïtle\n\né one\né two\n \né three\n\n\né four\n",
			"# Tïtle\n\nÃ© one\nÃ© two\n \né three\n\n\nÃ© four\n"},
		{"cp1252-paragraphs", "é\r\n\r\né\r\n", "é\r\n\r\nÃ©\r\n"},
		{"utf16le-bom", "é😀", "\xFF\xFE\xE9\x00\x3D\xD8\x00\xDE"},
		{"utf16le", "a\n", "a\x00\n\x00"},
		{"utf16be-bom", "a", "\xFE\xFF\x00a"},
		{"utf16be", "é😀", "\x00\xE9\xD8\x3D\xDE\x00"},
		{"utf16le-cp1252", "hé—\n", "h\x00é\x00\x14 \n\x00"}, // U+2014 is 14 20
		{"utf16le-cp1252", "ő", "Q\x01"},                     // U+0151 is 51 01
		{"utf16le-cp1252", "ʁ", "\u0081\x02"},                // U+0281 is 81 02: 0x81 kept
	}
	for _, tt := range tests {
		k, ok := Lookup(tt.kind)
		if !ok {
			t.Fatalf("no kind %q", tt.kind)
		}
		if got := string(k.Apply([]byte(tt.in))); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.kind, tt.in, got, tt.want)
		}
	}
}

// TestKinds checks the list: unique names, each documented, each found by
// Lookup, none modifying its input, and the same bytes on a second run.
func TestKinds(t *testing.T) {
	src := []byte("# Notes — ✅ 👩🏽‍💻 1️⃣ 🇫🇷\n\nCafé ═╝ Ğ ł я Ν 日本語\n\nend\n")
	orig := bytes.Clone(src)
	seen := map[string]bool{}
	for _, k := range Kinds() {
		if seen[k.Name] {
			t.Errorf("kind %q listed twice", k.Name)
		}
		seen[k.Name] = true
		if k.Doc == "" {
			t.Errorf("kind %q has no Doc", k.Name)
		}
		if l, ok := Lookup(k.Name); !ok || l.Name != k.Name {
			t.Errorf("Lookup(%q) = %v, %v", k.Name, l.Name, ok)
		}
		a, b := k.Apply(src), k.Apply(src)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ", k.Name)
		}
		if bytes.Equal(a, src) {
			t.Errorf("%s: left the text as it was", k.Name)
		}
		if !bytes.Equal(src, orig) {
			t.Fatalf("%s modified its input", k.Name)
		}
	}
	if len(seen) < 16 {
		t.Errorf("only %d kinds", len(seen))
	}
	if _, ok := Lookup("no-such-kind"); ok {
		t.Error("Lookup found a kind that does not exist")
	}
}
