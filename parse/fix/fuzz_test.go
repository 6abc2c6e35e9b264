package fix

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzBytes: no panic, valid UTF-8 in gives valid UTF-8 out, repairing is
// idempotent, every repair points into the input, and text that is clean
// by an independent oracle is unchanged.
func FuzzBytes(f *testing.F) {
	for _, s := range []string{
		"", "plain ASCII\n", "â€” dash", "â•”â•â•â•—\nâ•šâ•â•â•\n", "ğŸ”§ and ğŸ¯",
		"ðŸ Python", "Ã—", "São Paulo “IRMÃ””", "\xef\xbb\xbfÃ©", "\xff\xfeh\x00i\x00",
		"caf\xe9 cr\xe8me", "ok \xe2\x94 broken", "ï»¿ï»¿x", "a\r\nb\rc\n", "«ñ» «\u00A0ça\u00A0»",
		"`Ã©` in code", "h\x00i\x00 \x00", "Ã¢â‚¬â€œ twice",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, rep := Bytes(src)
		if rep == nil {
			t.Fatal("nil report")
		}
		if utf8.Valid(src) && !utf8.Valid(out) {
			t.Fatalf("valid input, invalid output: %q → %q", src, out)
		}
		again, rep2 := Bytes(out)
		if !bytes.Equal(again, out) {
			t.Fatalf("not idempotent:\n in  %q\n out %q\n out2 %q\n%s", src, out, again, rep2)
		}
		for _, r := range rep.Repairs {
			if r.Offset < 0 || r.Offset > len(rep.base) || r.Line < 1 || r.Col < 1 {
				t.Fatalf("repair out of range: %+v (input %d bytes)", r, len(rep.base))
			}
		}
		if cleanByOracle(src) && !bytes.Equal(out, src) {
			t.Fatalf("clean text changed: %q → %q", src, out)
		}
	})
}

// cleanByOracle reports whether src is valid UTF-8 text (no BOM, no
// control characters but tab and line endings) in which no non-ASCII rune
// is directly followed by another: mojibake of a multi-byte character is
// always two or more non-ASCII runes in a row, so such text cannot hold
// any. It is independent of the code-page tables.
func cleanByOracle(src []byte) bool {
	if !utf8.Valid(src) || bytes.HasPrefix(src, []byte("\uFEFF")) {
		return false
	}
	prev := false
	for _, r := range string(src) {
		if r < ' ' && r != '\t' && r != '\n' && r != '\r' || r == 0x7F {
			return false
		}
		nonASCII := r >= utf8.RuneSelf
		if nonASCII && prev {
			return false
		}
		prev = nonASCII
	}
	return true
}

// words are real words of many languages, the material of FuzzCleanWords.
var words = strings.Fields(`
the interview went well and the answer was right
café résumé naïve Noël cœur sœur Œdipe déjà-vu être août où maître
Straße Größe Mädchen Übung Fußgänger schön grün Köln ÄRGER ÖFFNUNG
niño año señor mañana «ñ» ¿qué? ¡sí! corazón acción
São João ação não coração informação NÃO ÁREA JOÃO AÇÃO
şimdi çok doğru güzel öğrenci İstanbul ılık IĞDIR “İ”
zażółć gęślą jaźń Łódź świat żółw příliš žluťoučký kůň úpěl ďábelské
привет мир апреля сейчас всё ещё объём Её Ёлка съёмка
Рік її Єва ґанок
γειά σου ψυχή ναι όχι ώρα ΑΘΗΝΑ Ψ
面接 日本語 東京 こんにちは カタカナ 中文 学习 北京 한국어 안녕하세요
مرحبا שלום नमस्ते สวัสดี
— – … “quoted” ‘single’ «guillemets» ‹single› • → ← ✅ ❌ ⚠️ 🚀 🎯 👍🏽 👨‍💻 ❤️ 1️⃣ ⏳
10 µs 21 °C ½ € £ ¥ © ® ™ ± × ÷ § ¶ ‰ † ‡
`)

// separators join the words.
var separators = []string{" ", " ", " ", ", ", ". ", "\n", "\n\n", "\u00A0", " — ", ": ", " (", ") ", "\r\n", "’", "-"}

// FuzzCleanWords: text made of real words of many languages is valid
// UTF-8 that reads as a real language, and comes back byte for byte.
func FuzzCleanWords(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7})
	f.Add([]byte("C’était l’été, «\u00A0ça\u00A0» — 10 µs"))
	f.Fuzz(func(t *testing.T, seed []byte) {
		var b strings.Builder
		for i, c := range seed {
			if i > 0 {
				b.WriteString(separators[int(c)%len(separators)])
			}
			b.WriteString(words[(int(c)*7+i*13)%len(words)])
		}
		in := b.String()
		out, rep := Bytes([]byte(in))
		if string(out) != in {
			t.Fatalf("clean text changed:\n in  %q\n out %q\n%s", in, out, rep)
		}
		if rep.Repaired() {
			t.Fatalf("clean text reported repaired:\n%s", rep)
		}
	})
}
