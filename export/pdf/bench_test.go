package pdf

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bankgen/bankgen/bank"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

// benchBank is a bank of at least 1,000 questions: golden/bank.json (the
// shipped sources) repeated under new topic names, or the fixture bank
// until that file exists. BENCH_BANK names another bank JSON to repeat.
func benchBank(b *testing.B) *bank.Bank {
	if err := loadFaces(); err != nil {
		b.Fatal(err)
	}
	base := shippedBank(b)
	if p := os.Getenv("BENCH_BANK"); p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if base, err = bank.Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
		base.AssignIDs()
	}
	if base == nil {
		b.Log("golden/bank.json not found: repeating the fixture bank")
		base = testBank()
	}
	return bigBank(base, 1000)
}

// BenchmarkGuide1000 writes the study guide of a 1,000-question bank. It
// reports pages, pages/s and peak-RSS-MB: the process's peak resident
// memory (VmHWM) during the benchmark, measured by resetting the peak
// through /proc/self/clear_refs before the first run (Linux only; 0
// elsewhere). Run it alone (-run '^$') for a meaningful peak.
func BenchmarkGuide1000(b *testing.B) {
	big := benchBank(b)
	opts := Options{Date: fixedDate}
	resetPeakRSS()
	cpu0 := cpuTime()
	var pages int
	var size countW
	for b.Loop() {
		g, _ := opts.geometry()
		d := layoutGuide(big, g, opts)
		pages = len(d.pages)
		size = 0
		if err := draw(&size, d, opts.meta("Study guide", big)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(size)/1e6, "file-MB")
	b.ReportMetric(peakRSS(), "peak-RSS-MB")
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkCheatSheet1000 writes the cheat sheet of the same bank.
func BenchmarkCheatSheet1000(b *testing.B) {
	big := benchBank(b)
	for b.Loop() {
		if err := WriteCheatSheet(io.Discard, big, Options{Date: fixedDate}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFonts measures what every document pays to register the four
// embedded fonts with fpdf and have them subset and written.
func BenchmarkFonts(b *testing.B) {
	if err := loadFaces(); err != nil {
		b.Fatal(err)
	}
	empty := &bank.Bank{}
	for b.Loop() {
		if err := WriteCheatSheet(io.Discard, empty, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

type countW int

func (c *countW) Write(p []byte) (int, error) { *c += countW(len(p)); return len(p), nil }

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}
