package synth

import (
	"runtime"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/parse"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
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

// TestParseIndependentOfScheduling parses many files with one thread and
// with all of them: the concurrent parse must give the same bank.
func TestParseIndependentOfScheduling(t *testing.T) {
	srcs, _ := Generate(Options{Topics: 12, Questions: 2, Seed: 3})
	render := func() string {
		b, diags := parse.Parse(srcs...)
		var buf strings.Builder
		if err := b.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.String() + diags.String()
	}
	prev := runtime.GOMAXPROCS(1)
	one := render()
	runtime.GOMAXPROCS(max(prev, 4))
	many := render()
	runtime.GOMAXPROCS(prev)
	if one != many {
		t.Error("parsing with one thread and with several gave different banks")
	}
}
