package sheet

import (
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/bankgen/bankgen/bank"
)

// bigBank repeats the topics of b under new names until it holds n
// questions. Every copy has its own questions, gaps, samples and so on
// (strings are shared), so IDs are distinct, as in a real bank.
func bigBank(b *bank.Bank, n int) *bank.Bank {
	big := &bank.Bank{Plan: b.Plan}
	count := 0
	for copy := 1; count < n; copy++ {
		for _, t := range b.Topics {
			if count >= n {
				break
			}
			t.Name = t.Name + " " + strconv.Itoa(copy)
			t.Guide = slices.Clone(t.Guide)
			t.Questions = slices.Clone(t.Questions[:min(len(t.Questions), n-count)])
			for i := range t.Questions {
				q := &t.Questions[i]
				q.Strengths = slices.Clone(q.Strengths)
				q.Gaps = slices.Clone(q.Gaps)
				q.Samples = slices.Clone(q.Samples)
				q.Diagrams = slices.Clone(q.Diagrams)
			}
			count += len(t.Questions)
			big.Topics = append(big.Topics, t)
		}
	}
	big.AssignIDs()
	return big
}

// peakHeap samples the heap in use every 5 ms until stop is called and
// returns the highest value seen.
func peakHeap() (stop func() uint64) {
	var (
		peak uint64
		wg   sync.WaitGroup
		done = make(chan struct{})
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(done); wg.Wait(); return peak }
}

// countingDiscard counts bytes written to it.
type countingDiscard struct{ n int64 }

func (c *countingDiscard) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// benchExport writes a bank of 100,000 questions (the test bank's three
// questions repeated, with their gaps, samples, diagrams and glossary)
// and reports question rows per second, rows per second over all
// sheets, output size, and memory: peak-heap-MiB is the highest
// runtime.MemStats.HeapInuse seen (sampled every 5 ms) while exporting,
// bank included; export-heap-MiB is that peak less the heap in use
// before the export, the bank's share.
func benchExport(b *testing.B, format Format) {
	big := bigBank(testBank(), 100000)
	files, err := Files(big, Options{Format: format, MaxLinks: benchLinks})
	if err != nil {
		b.Fatal(err)
	}
	rows := 0
	for _, f := range files {
		rows += f.Items
	}
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	b.ReportAllocs()
	b.ResetTimer()
	stop := peakHeap()
	var out countingDiscard
	start := time.Now()
	for b.Loop() {
		out.n = 0
		for _, f := range files {
			if err := f.Write(&out); err != nil {
				b.Fatal(err)
			}
		}
	}
	elapsed := time.Since(start).Seconds() / float64(b.N)
	peak := stop()
	b.ReportMetric(100000/elapsed, "questions/s")
	b.ReportMetric(float64(rows)/elapsed, "rows/s")
	b.ReportMetric(float64(out.n)/1e6, "out-MB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(peak-base.HeapInuse)/(1<<20), "export-heap-MiB")
}

func BenchmarkXLSX100k(b *testing.B) { benchExport(b, FormatXLSX) }
func BenchmarkCSV100k(b *testing.B)  { benchExport(b, FormatCSV) }

var benchLinks = 0
