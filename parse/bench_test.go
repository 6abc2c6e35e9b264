package parse

import (
	"bytes"
	"fmt"
	"io/fs"
	"testing"

	"github.com/bankgen/bankgen/parse/fix"
	"github.com/bankgen/bankgen/source"
	"github.com/yuin/goldmark/text"
)

// shippedCopies returns the shipped sources repeated under new topic
// names until they hold at least minBytes, as separate files the way a
// learner's collection grows.
func shippedCopies(tb testing.TB, minBytes int) ([]Source, int) {
	names, err := fs.Glob(source.FS, "*.md")
	if err != nil || len(names) == 0 {
		tb.Fatalf("no shipped sources: %v", err)
	}
	var out []Source
	total := 0
	for i := 0; total < minBytes; i++ {
		for _, n := range names {
			data, err := fs.ReadFile(source.FS, n)
			if err != nil {
				tb.Fatal(err)
			}
			// Rename the topic so that copies are distinct topics.
			data = bytes.Replace(data, []byte("Kubernetes\n"), []byte(fmt.Sprintf("Kubernetes %d\n", i)), 1)
			out = append(out, Source{Name: fmt.Sprintf("copy%03d/%s", i, n), Data: data})
			total += len(data)
		}
	}
	return out, total
}

// benchGoldmark runs the baseline: goldmark's own parse of the same
// bytes, as the "goldmark" sub-benchmark.
func benchGoldmark(b *testing.B, srcs []Source, total int) {
	b.Run("goldmark", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for _, s := range srcs {
				markdown.Parser().Parse(text.NewReader(s.Data))
			}
		}
	})
}

// BenchmarkPipelineClean is BenchmarkPipeline on the same content
// repaired beforehand, as a collection is once it has gone through
// "bankgen fix -w": the encoding repair then takes its fast path.
func BenchmarkPipelineClean(b *testing.B) {
	srcs, _ := shippedCopies(b, 4<<20)
	total := 0
	for i := range srcs {
		srcs[i].Data, _ = fix.Bytes(srcs[i].Data)
		total += len(srcs[i].Data)
	}
	benchGoldmark(b, srcs, total)
	b.Run("bankgen", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			Parse(srcs...)
		}
	})
}

// BenchmarkPipeline measures repair + parse + build on the shipped
// sources repeated to about 4 MB, beside goldmark's own parse of the same
// bytes in the same run: compare the MB/s of the two sub-benchmarks.
func BenchmarkPipeline(b *testing.B) {
	srcs, total := shippedCopies(b, 4<<20)
	benchGoldmark(b, srcs, total)
	b.Run("bankgen", func(b *testing.B) {
		b.SetBytes(int64(total))
		questions := 0
		for b.Loop() {
			bk, _ := Parse(srcs...)
			questions = 0
			for _, t := range bk.Topics {
				questions += len(t.Questions)
			}
		}
		b.ReportMetric(float64(questions)*float64(b.N)/b.Elapsed().Seconds(), "questions/s")
	})
}
