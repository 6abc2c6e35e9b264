package parse

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"
)

// FuzzParse feeds arbitrary bytes to the parser. Seeds live in
// testdata/fuzz/FuzzParse. It checks that parsing never panics, that
// every diagnostic points into the file, and that whatever bank comes
// out survives the JSON round trip unchanged.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.md"
		b, diags := Parse(Source{Name: name, Data: data})
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, d := range diags {
			if d.Pos.File != name {
				t.Fatalf("diagnostic without the file: %v", d)
			}
			if d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
		var first, second bytes.Buffer
		if err := b.WriteJSON(&first); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		loaded, err := bank.Load(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("Load of our own JSON: %v", err)
		}
		if err := loaded.WriteJSON(&second); err != nil {
			t.Fatal(err)
		}
		if first.String() != second.String() {
			t.Fatalf("JSON round trip changed the bank:\n%s\n---\n%s", first.String(), second.String())
		}
		if strings.Contains(first.String(), "\ufffd") && !bytes.Contains(data, []byte("\ufffd")) {
			t.Logf("note: U+FFFD in output for input without one")
		}
	})
}
