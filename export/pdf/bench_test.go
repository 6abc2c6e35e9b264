package pdf

import (
	"io"
	"testing"

	"github.com/bankgen/bankgen/bank"
	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
	"github.com/bankgen/bankgen/internal/shipped"
	"github.com/bankgen/bankgen/internal/synth"
	"github.com/bankgen/bankgen/parse"
)

// BenchmarkFiles writes both PDFs, as "bankgen export --pdf" does, of the
// shipped sources and of a synthetic folder of 100 documents (50 topics,
// each a concept guide and a mock interview).
//
//	go test ./export/pdf -run '^$' -bench Files -benchmem
func BenchmarkFiles(b *testing.B) {
	srcs, _ := synth.Generate(synth.Options{Topics: 50, Questions: 3, Seed: 1})
	hundred, diags := parse.Parse(srcs...)
	if err := diags.Err(); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		b    *bank.Bank
	}{
		{"shipped", shipped.Bank(b)},
		{"100-docs", hundred},
	} {
		b.Run(bc.name, func(b *testing.B) {
			files, err := Files(bc.b, Options{Date: fixedDate})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				for _, f := range files {
					if err := f.Write(io.Discard); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
