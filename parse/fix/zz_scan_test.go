package fix

import (
	"os"
	"testing"
)

func BenchmarkZScanDamaged(b *testing.B) {
	d, _ := os.ReadFile("../../source/kubernetes-mock-interview.md")
	in := repeatTo(d, 8<<20)
	o := &options{}
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		s := newRepairer(o)
		s.begin(in)
		s.scan(true)
		s.release()
	}
}

func BenchmarkZScanMulti(b *testing.B) {
	var all []byte
	for _, s := range readFiles(b, "testdata/clean/*.md") {
		all = append(all, s...)
	}
	in := repeatTo(all, 8<<20)
	o := &options{}
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		s := newRepairer(o)
		s.begin(in)
		s.scan(true)
		s.release()
	}
}
