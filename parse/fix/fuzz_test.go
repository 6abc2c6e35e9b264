package fix

import (
	"bytes"
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
		for _, r := range rep.Repairs() {
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
