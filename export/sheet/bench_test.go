package sheet

import (
	"runtime"
	"runtime/metrics"
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

// heapPeaks are the highest heap figures seen while exporting.
type heapPeaks struct {
	inuse uint64 // runtime.MemStats.HeapInuse: live objects, garbage not yet swept, GC headroom
	live  uint64 // /gc/heap/live:bytes: what the last finished GC cycle found live
}

// liveHeap is the runtime/metrics name of the heap marked live by the
// last GC cycle.
const liveHeap = "/gc/heap/live:bytes"

// peakHeap samples the heap every 5 ms until stop is called and returns
// the highest values seen.
func peakHeap() (stop func() heapPeaks) {
	var (
		peak heapPeaks
		wg   sync.WaitGroup
		done = make(chan struct{})
	)
	wg.Go(func() {
		var m runtime.MemStats
		live := []metrics.Sample{{Name: liveHeap}}
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			metrics.Read(live)
			peak.inuse = max(peak.inuse, m.HeapInuse)
			peak.live = max(peak.live, live[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() heapPeaks { close(done); wg.Wait(); return peak }
}

// countingDiscard counts bytes written to it.
type countingDiscard struct{ n int64 }

func (c *countingDiscard) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// benchExport writes a bank of 100,000 questions (the test bank's three
// questions repeated, with their gaps, samples, diagrams and glossary)
// and reports question rows per second, rows per second over all
// sheets, output size, and memory, sampled every 5 ms while exporting:
//
//   - peak-heap-MiB is the highest runtime.MemStats.HeapInuse, bank
//     included. It counts garbage not yet collected too, and with GOGC=100
//     the GC lets the heap grow to about twice what it last found live,
//     so this is mostly the live heap plus the GC's headroom.
//   - export-heap-MiB is peak-heap-MiB less the heap in use before the
//     export (the bank's share).
//   - peak-live-MiB is the highest live heap, as the GC cycles during the
//     export measured it (runtime/metrics /gc/heap/live:bytes, which does
//     not count what was allocated since the last cycle, and stays at the
//     figure before the export when no cycle runs), bank included: what
//     the export needs, without the GC's headroom.
//   - export-live-MiB is peak-live-MiB less the live heap before the
//     export: the memory the export itself holds.
//
// GOMEMLIMIT set in the environment bounds peak-heap-MiB at the cost of
// more GC cycles, which shows whether the export fits a memory budget.
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
	baseLive := []metrics.Sample{{Name: liveHeap}}
	metrics.Read(baseLive)
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
	const mib = 1 << 20
	b.ReportMetric(100000/elapsed, "questions/s")
	b.ReportMetric(float64(rows)/elapsed, "rows/s")
	b.ReportMetric(float64(out.n)/1e6, "out-MB")
	b.ReportMetric(float64(peak.inuse)/mib, "peak-heap-MiB")
	b.ReportMetric((float64(peak.inuse)-float64(base.HeapInuse))/mib, "export-heap-MiB")
	b.ReportMetric(float64(peak.live)/mib, "peak-live-MiB")
	b.ReportMetric((float64(peak.live)-float64(baseLive[0].Value.Uint64()))/mib, "export-live-MiB")
}

func BenchmarkXLSX100k(b *testing.B) { benchExport(b, FormatXLSX) }
func BenchmarkCSV100k(b *testing.B)  { benchExport(b, FormatCSV) }

var benchLinks = 0
