package markdown_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bankgen/bankgen/export/markdown"
	"github.com/bankgen/bankgen/parse"
	"github.com/bankgen/bankgen/parse/fix"
	"github.com/bankgen/bankgen/source"
)

// FuzzRoundTrip parses arbitrary Markdown, renders the bank it gives and
// parses that again: the second bank must equal the first. Seeds are the
// shipped sources and the files in testdata/fuzz/FuzzRoundTrip.
func FuzzRoundTrip(f *testing.F) {
	srcs, err := parse.ReadFS(source.FS, "source/")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range srcs {
		f.Add(s.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b1, _ := parse.Parse(parse.Source{Name: "fuzz.md", Data: data})
		if why := unrepresentable(b1); why != "" {
			t.Skip(why)
		}
		srcs := render(t, b1, markdown.Options{Numbered: true})
		for _, s := range srcs {
			if _, r := fix.Bytes(s.Data, fix.NormalizeNewlines()); r.Changed {
				t.Skip("text reads as mojibake: " + r.Summary())
			}
		}
		b2, _ := parse.Parse(srcs...)
		if diff := cmp.Diff(b1, b2, equal); diff != "" {
			for _, s := range srcs {
				t.Logf("--- %s\n%s", s.Name, s.Data)
			}
			t.Fatalf("parse(render(parse(x))) != parse(x) (-first +second):\n%s", diff)
		}
	})
}
