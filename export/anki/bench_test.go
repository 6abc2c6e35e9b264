package anki

import (
	"io"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/internal/synth"
	"github.com/bankgen/bankgen/parse"
)

// synthBank parses a synthetic collection of the given number of
// topics, ten questions each.
func synthBank(tb testing.TB, topics int) *bank.Bank {
	tb.Helper()
	srcs, _ := synth.Generate(synth.Options{Topics: topics, Questions: 10, Seed: 1})
	b, diags := parse.Parse(srcs...)
	if err := diags.Err(); err != nil {
		tb.Fatal(err)
	}
	return b
}

// BenchmarkWrite writes the deck of a synthetic collection of 100
// topics (1,000 questions) into io.Discard, and reports notes/s.
func BenchmarkWrite(b *testing.B) {
	bk := synthBank(b, 100)
	e, err := Build(bk, Options{})
	if err != nil {
		b.Fatal(err)
	}
	notes := e.Files[0].Items
	for b.Loop() {
		if err := Write(io.Discard, bk, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(notes)*float64(b.N)/b.Elapsed().Seconds(), "notes/s")
}
