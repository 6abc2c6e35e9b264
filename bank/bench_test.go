package bank_test

import (
	"testing"

	"github.com/bankgen/bankgen/internal/synth"
	"github.com/bankgen/bankgen/parse"
)

// BenchmarkCheck times ID assignment and Check on a collection of 100
// topics of 10 questions each: far more than one learner collects.
func BenchmarkCheck(b *testing.B) {
	srcs, _ := synth.Generate(synth.Options{Topics: 100, Questions: 10, Seed: 1})
	bk, diags := parse.Parse(srcs...)
	if err := diags.Err(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		bk.AssignIDs()
		bk.Check()
	}
}
