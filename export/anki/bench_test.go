package anki

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bankgen/bankgen/bank"
)

// bigBank repeats the topics of the shipped bank under new names, and so
// new IDs, until it holds n notes.
func bigBank(tb testing.TB, n int) *bank.Bank {
	tb.Helper()
	b := &bank.Bank{}
	for i := 0; notesIn(b) < n; i++ {
		for _, t := range bank.Default().Topics {
			t.Name = fmt.Sprintf("%s %d", t.Name, i+1)
			b.Topics = append(b.Topics, t)
		}
	}
	// Drop glossary terms from the end to hit n exactly.
	for i := len(b.Topics) - 1; i >= 0 && notesIn(b) > n; i-- {
		t := &b.Topics[i]
		t.Guide = t.Guide[:max(0, len(t.Guide)-(notesIn(b)-n))]
	}
	b.AssignIDs()
	if err := b.Validate(); err != nil {
		tb.Fatal(err)
	}
	return b
}

func notesIn(b *bank.Bank) int {
	n := 0
	for _, c := range countNotes(b) {
		n += c
	}
	return n
}

// peakSampler samples the Go heap (live and not yet collected objects)
// every millisecond through runtime/metrics, which does not stop the
// world, and keeps the largest value. SQLite's own memory is allocated
// outside the Go heap by modernc.org/libc and is not included; the
// process's peak resident set (VmHWM) is reported beside it.
type peakSampler struct {
	stop chan struct{}
	done sync.WaitGroup
	peak uint64
}

func startPeak() *peakSampler {
	p := &peakSampler{stop: make(chan struct{})}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			p.peak = max(p.peak, s[0].Value.Uint64())
			select {
			case <-p.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

func (p *peakSampler) Stop() uint64 {
	close(p.stop)
	p.done.Wait()
	return p.peak
}

// vmHWM returns the process's peak resident set size, or 0 off Linux.
func vmHWM() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWrite10k writes a deck of 10,000 notes built from the
// shipped sources, repeated, into io.Discard: the package as Write makes
// it (deflate), and with Options.Store, which leaves the collection
// uncompressed as the genanki reference generator does (store). It
// reports notes/s, the CPU time per write (on a busy machine wall time
// grows, CPU time much less), the average size of a note's fields, the
// peak Go heap during a write, and the process's peak resident set.
func BenchmarkWrite10k(b *testing.B) {
	bk := bigBank(b, 10_000)
	notes := notesIn(bk)
	d, err := build(bk, &Options{Deck: DefaultDeck, Style: DefaultStyle})
	if err != nil {
		b.Fatal(err)
	}
	fieldBytes := 0
	for _, n := range d.notes {
		fieldBytes += len(n.flds) - len(n.fields) + 1
	}
	d = nil
	for _, mode := range []struct {
		name string
		o    Options
	}{{"deflate", Options{}}, {"store", Options{Store: true}}} {
		b.Run(mode.name, func(b *testing.B) {
			runtime.GC()
			var peak uint64
			cpu0 := cpuTime()
			for b.Loop() {
				p := startPeak()
				if err := Write(io.Discard, bk, mode.o); err != nil {
					b.Fatal(err)
				}
				peak = max(peak, p.Stop())
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(notes)*float64(b.N)/b.Elapsed().Seconds(), "notes/s")
			b.ReportMetric(float64(fieldBytes)/float64(notes), "B/note")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(vmHWM())/(1<<20), "peak-rss-MB")
		})
	}
}

// BenchmarkStages times the stages of Write on the 10,000-note deck.
func BenchmarkStages(b *testing.B) {
	bk := bigBank(b, 10_000)
	o := Options{}.withDefaults()
	d, err := build(bk, &o)
	if err != nil {
		b.Fatal(err)
	}
	col, err := collection(d)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("layout", func(b *testing.B) {
		for b.Loop() {
			if _, err := layout(bk, &o); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			if _, err := build(bk, &o); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sqlite", func(b *testing.B) {
		for b.Loop() {
			if _, err := collection(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("zip", func(b *testing.B) {
		for b.Loop() {
			if err := writePackage(io.Discard, col, true, false, time.Unix(d.mod, 0)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(col))/(1<<20), "MB-in")
	})
}
