package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bankgen/bankgen/source"
)

// BenchmarkFixProcess builds bankgen and runs "bankgen fix FILE" as a user
// does, one process each, on 8 MB inputs: the shipped damaged transcript
// repeated (damaged), the clean concept guide repeated (clean). It reports
// the median MB/s of wall time and of CPU time (user and system: what a
// busy machine does not inflate), and fails when the wall speed of the
// damaged input is under the floor of 25 MB/s.
//
//	go test ./cmd/bankgen -run '^$' -bench FixProcess -benchtime 5x
func BenchmarkFixProcess(b *testing.B) {
	dir := b.TempDir()
	exe := filepath.Join(dir, "bankgen")
	if out, err := exec.Command("go", "build", "-o", exe, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, tt := range []struct {
		name, source string
		floor        float64 // MB/s of wall time; 0 for none
	}{
		{"damaged", "kubernetes-mock-interview.md", 25},
		{"clean", "kubernetes-concept-guide.md", 0},
	} {
		data, err := source.FS.ReadFile(tt.source)
		if err != nil {
			b.Fatal(err)
		}
		data = bytes.Repeat(data, 8<<20/len(data)+1)
		path := filepath.Join(dir, tt.name+".md")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		mb := float64(len(data)) / 1e6
		b.Run(tt.name, func(b *testing.B) {
			var wall, cpu []float64
			for b.Loop() {
				cmd := exec.Command(exe, "fix", path)
				cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
				start := time.Now()
				if err := cmd.Run(); err != nil {
					b.Fatalf("bankgen fix: %v", err)
				}
				wall = append(wall, mb/time.Since(start).Seconds())
				cpu = append(cpu, mb/(cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime()).Seconds())
			}
			slices.Sort(wall)
			slices.Sort(cpu)
			b.ReportMetric(wall[len(wall)/2], "MB/s")
			b.ReportMetric(cpu[len(cpu)/2], "MB/cpu-s")
			b.Logf("%d runs: median %.1f MB/s of wall time, %.1f MB/s of CPU time", len(wall), wall[len(wall)/2], cpu[len(cpu)/2])
			if tt.floor > 0 && wall[len(wall)/2] < tt.floor {
				b.Errorf("bankgen fix ran at %.1f MB/s (median of %d), under the %.0f MB/s floor", wall[len(wall)/2], len(wall), tt.floor)
			}
		})
	}
}
