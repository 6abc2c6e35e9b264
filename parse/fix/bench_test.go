package fix

import (
	"bytes"
	"os"
	"testing"
)

// repeatTo repeats b until it is at least n bytes long.
func repeatTo(b []byte, n int) []byte {
	return bytes.Repeat(b, n/len(b)+1)
}

func benchFile(b *testing.B, path string, wantChanged bool) {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	in := repeatTo(src, 8<<20) // several MB
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		_, rep := Bytes(in)
		if rep.Changed != wantChanged {
			b.Fatalf("changed = %v", rep.Changed)
		}
	}
}

// BenchmarkDamaged repairs the damaged transcript repeated to 8 MB.
func BenchmarkDamaged(b *testing.B) {
	benchFile(b, "../../source/kubernetes-mock-interview.md", true)
}

// BenchmarkClean checks the clean concept guide repeated to 8 MB (the fast
// path: nothing to do).
func BenchmarkClean(b *testing.B) {
	benchFile(b, "../../source/kubernetes-concept-guide.md", false)
}

// BenchmarkCleanMultilingual checks the multilingual corpus (little ASCII)
// repeated to 8 MB.
func BenchmarkCleanMultilingual(b *testing.B) {
	var all []byte
	for _, s := range readFiles(b, "testdata/clean/*.md") {
		all = append(all, s...)
	}
	in := repeatTo(all, 8<<20)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		// The corpus holds weak pairs ("IRMÃ”"), so this measures the
		// slow path deciding there is nothing to repair.
		if out, _ := Bytes(in); !bytes.Equal(out, in) {
			b.Fatal("changed")
		}
	}
}

// BenchmarkMemcpy is the baseline: copying the same 8 MB.
func BenchmarkMemcpy(b *testing.B) {
	src, _ := os.ReadFile("../../source/kubernetes-concept-guide.md")
	in := repeatTo(src, 8<<20)
	dst := make([]byte, len(in))
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		copy(dst, in)
	}
}
