package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/bankgen/bankgen/internal/synth"
)

// BenchmarkFloor builds bankgen and runs whole exports as a user does,
// one process each, against the floors a user would notice:
//
//   - shipped: "bankgen export --all" of the shipped sources, at most
//     0.35 s;
//   - 100docs: "bankgen export --all" of a folder of 100 documents
//     (internal/synth: 50 topics, each a concept guide and a
//     three-question interview), at most 4 s and 400 MiB peak.
//
// It reports the median wall time of the runs (s/export), their median
// CPU time (cpu-s/export, user and system: what a busy machine does not
// inflate) and the largest peak resident memory (peak-RSS-MiB), and
// fails when the wall time or the memory is over its floor.
//
//	go test ./cmd/bankgen -run '^$' -bench Floor -benchtime 5x
func BenchmarkFloor(b *testing.B) {
	dir := b.TempDir()
	exe := filepath.Join(dir, "bankgen")
	if out, err := exec.Command("go", "build", "-o", exe, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	docs := filepath.Join(dir, "docs")
	srcs, _ := synth.Generate(synth.Options{Topics: 50, Questions: 3, Seed: 1})
	for _, s := range srcs {
		path := filepath.Join(docs, filepath.FromSlash(s.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, s.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name    string
		args    []string
		maxTime time.Duration
		maxRSS  int64 // MiB; 0 for no floor
	}{
		{"shipped", nil, 350 * time.Millisecond, 0},
		{"100docs", []string{docs}, 4 * time.Second, 400},
	} {
		b.Run(tt.name, func(b *testing.B) {
			var times, cpu []time.Duration
			var rss int64
			for b.Loop() {
				out := b.TempDir()
				cmd := exec.Command(exe, append([]string{"export", "--all", "-o", out}, tt.args...)...)
				start := time.Now()
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("bankgen: %v\n%s", err, msg)
				}
				times = append(times, time.Since(start))
				cpu = append(cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
				if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					rss = max(rss, u.Maxrss/1024) // KiB on Linux
				}
			}
			slices.Sort(times)
			slices.Sort(cpu)
			median := times[len(times)/2]
			b.ReportMetric(median.Seconds(), "s/export")
			b.ReportMetric(cpu[len(cpu)/2].Seconds(), "cpu-s/export")
			b.ReportMetric(float64(rss), "peak-RSS-MiB")
			b.Logf("%d runs: median %v wall, %v CPU; peak RSS %d MiB", len(times), median, cpu[len(cpu)/2], rss)
			if median > tt.maxTime {
				b.Errorf("median export took %v, over the %v floor", median, tt.maxTime)
			}
			if tt.maxRSS > 0 && rss > tt.maxRSS {
				b.Errorf("peak resident memory %d MiB, over the %d MiB floor", rss, tt.maxRSS)
			}
		})
	}
}
