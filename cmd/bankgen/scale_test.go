package main

import (
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/bankgen/bankgen/internal/synth"
	"github.com/bankgen/bankgen/parse"
)

// BenchmarkExportAll runs the whole "export --all" path on synthetic
// collections of 1×, 10× and 100× the shipped sources' size (about 95 KB:
// two synthetic topics of three questions each per 1×): parsing, then
// every format written to io.Discard. MB/s counts source bytes, so equal
// MB/s across scales means cost grows linearly with size; questions/s
// counts items; peak-heap-MiB is the largest heap in use while the step
// ran (sampled every 2 ms), the bank included.
//
//	go test ./cmd/bankgen -run '^$' -bench ExportAll -benchtime 1x -timeout 30m
func BenchmarkExportAll(b *testing.B) {
	for _, scale := range []int{1, 10, 100} {
		srcs, counts := synth.Generate(synth.Options{Topics: 2 * scale * 11 / 10, Questions: 3, Seed: 1})
		if scale == 1 {
			srcs, counts = synth.Generate(synth.Options{Topics: 2, Questions: 3, Seed: 1})
		}
		size := int64(synth.Size(srcs))
		report := func(b *testing.B, peak uint64) {
			b.SetBytes(size)
			b.ReportMetric(float64(counts.Questions)*float64(b.N)/b.Elapsed().Seconds(), "questions/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		}
		b.Run(fmt.Sprintf("%dx/parse", scale), func(b *testing.B) {
			peak := watchHeap(func() {
				for b.Loop() {
					if _, diags := parse.Parse(srcs...); diags.Err() != nil {
						b.Fatal(diags.Err())
					}
				}
			})
			report(b, peak)
		})
		bk, _ := parse.Parse(srcs...)
		opts := &exportOptions{src: &sources{files: srcs, latest: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}
		for _, f := range formats {
			b.Run(fmt.Sprintf("%dx/%s", scale, f.name), func(b *testing.B) {
				peak := watchHeap(func() {
					for b.Loop() {
						files, err := f.files(bk, opts)
						if err != nil {
							b.Fatal(err)
						}
						for _, file := range files {
							if err := file.Write(io.Discard); err != nil {
								b.Fatal(err)
							}
						}
					}
				})
				report(b, peak)
			})
		}
	}
}

// watchHeap runs fn and returns the largest HeapInuse seen while it ran.
func watchHeap(fn func()) uint64 {
	runtime.GC()
	var (
		mu   sync.Mutex
		peak uint64
		stop = make(chan struct{})
		done = make(chan struct{})
	)
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		peak = max(peak, m.HeapInuse)
		mu.Unlock()
	}
	go func() {
		defer close(done)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	fn()
	sample()
	close(stop)
	<-done
	return peak
}
