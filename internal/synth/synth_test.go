package synth

import (
	"testing"

	"github.com/bankgen/bankgen/parse"
)

// TestGeneratedCollectionsParse checks that the parser finds exactly what
// the generator wrote, with no errors, and that generation is repeatable.
func TestGeneratedCollectionsParse(t *testing.T) {
	srcs, want := Generate(Options{Topics: 4, Questions: 5, Seed: 1})
	b, diags := parse.Parse(srcs...)
	if err := diags.Err(); err != nil {
		t.Fatalf("generated sources have errors:\n%v", err)
	}
	var got Counts
	got.Topics = len(b.Topics)
	for _, tp := range b.Topics {
		got.Terms += len(tp.Guide)
		for _, q := range tp.Questions {
			got.Questions++
			got.Strengths += len(q.Strengths)
			got.Gaps += len(q.Gaps)
			got.Samples += len(q.Samples)
			got.Diagrams += len(q.Diagrams)
			for _, g := range q.Gaps {
				if g.Phrasing == "" {
					t.Errorf("%s: gap %q lost its phrasing", q.ID, g.Title)
				}
			}
		}
	}
	if got != want {
		t.Errorf("parsed %+v, generated %+v", got, want)
	}
	again, _ := Generate(Options{Topics: 4, Questions: 5, Seed: 1})
	for i := range srcs {
		if string(srcs[i].Data) != string(again[i].Data) {
			t.Fatalf("%s differs between two generations", srcs[i].Name)
		}
	}
}
