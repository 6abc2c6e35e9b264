package fix

import (
	"bytes"
	"os"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZCPU(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
	}{}
	d, _ := os.ReadFile("../../source/kubernetes-mock-interview.md")
	c, _ := os.ReadFile("../../source/kubernetes-concept-guide.md")
	var all []byte
	for _, s := range readFiles(t, "testdata/clean/*.md") {
		all = append(all, s...)
	}
	cases = append(cases, struct {
		name string
		in   []byte
	}{"damaged", repeatTo(d, 8<<20)}, struct {
		name string
		in   []byte
	}{"clean", repeatTo(c, 8<<20)}, struct {
		name string
		in   []byte
	}{"multi", repeatTo(all, 8<<20)}, struct {
		name string
		in   []byte
	}{"damaged85k", d})
	for _, cs := range cases {
		Bytes(cs.in)
		n := 0
		best := time.Hour
		for k := 0; k < 7; k++ {
			iters := 5
			if len(cs.in) < 1<<20 || cs.name == "clean" {
				iters = 200
			}
			if cs.name == "clean" {
				iters = 2000
			}
			t0 := cpuNow()
			for i := 0; i < iters; i++ {
				out, _ := Bytes(cs.in)
				_ = bytes.Equal(out, nil)
				n++
			}
			per := (cpuNow() - t0) / time.Duration(iters)
			best = min(best, per)
		}
		t.Logf("%-12s best CPU %v/op  = %.0f MB/s", cs.name, best, float64(len(cs.in))/best.Seconds()/1e6)
	}
}
