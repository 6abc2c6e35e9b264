package sheet

import (
	"io"
	"testing"

	"github.com/bankgen/bankgen/internal/synth"
	"github.com/bankgen/bankgen/parse"
)

// benchExport writes a synthetic collection of 100 documents (50 topics,
// each a concept guide and an interview of three questions) in format,
// and reports questions written per second besides time and memory.
//
//	go test ./export/sheet -run '^$' -bench . -benchmem
func benchExport(b *testing.B, format Format) {
	srcs, counts := synth.Generate(synth.Options{Topics: 50, Questions: 3, Seed: 1})
	bk, diags := parse.Parse(srcs...)
	if err := diags.Err(); err != nil {
		b.Fatal(err)
	}
	files, err := Files(bk, Options{Format: format})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if err := f.Write(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(counts.Questions)*float64(b.N)/b.Elapsed().Seconds(), "questions/s")
}

func BenchmarkXLSX(b *testing.B) { benchExport(b, FormatXLSX) }
func BenchmarkCSV(b *testing.B)  { benchExport(b, FormatCSV) }
