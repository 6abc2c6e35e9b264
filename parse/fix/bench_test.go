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

// benchBytes measures Bytes on in (sub-benchmark "fix") beside copying the
// same bytes (sub-benchmark "memcpy"), so that the ratio to memory speed
// shows in one run.
func benchBytes(b *testing.B, in []byte, wantChanged bool) {
	b.Run("fix", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			out, rep := Bytes(in)
			if rep.Changed != wantChanged || !wantChanged && !bytes.Equal(out, in) {
				b.Fatalf("changed = %v", rep.Changed)
			}
		}
	})
	// As the parser calls it.
	b.Run("brief", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			if _, rep := Bytes(in, NormalizeNewlines(), Brief()); rep.Changed != wantChanged {
				b.Fatalf("changed = %v", rep.Changed)
			}
		}
	})
	b.Run("memcpy", func(b *testing.B) {
		dst := make([]byte, len(in))
		b.SetBytes(int64(len(in)))
		for b.Loop() {
			copy(dst, in)
		}
	})
}

func readBench(b *testing.B, path string) []byte {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkDamaged repairs the damaged transcript repeated to 8 MB.
func BenchmarkDamaged(b *testing.B) {
	benchBytes(b, repeatTo(readBench(b, "../../source/kubernetes-mock-interview.md"), 8<<20), true)
}

// BenchmarkDamagedFile repairs the damaged transcript once (85 kB), as the
// parser does file by file: per-call costs show here.
func BenchmarkDamagedFile(b *testing.B) {
	benchBytes(b, readBench(b, "../../source/kubernetes-mock-interview.md"), true)
}

// BenchmarkClean checks the clean concept guide repeated to 8 MB (the fast
// path: nothing to do).
func BenchmarkClean(b *testing.B) {
	benchBytes(b, repeatTo(readBench(b, "../../source/kubernetes-concept-guide.md"), 8<<20), false)
}

// BenchmarkCleanMultilingual checks the multilingual corpus (little ASCII)
// repeated to 8 MB. The corpus holds weak pairs ("IRMÃ”"), so this measures
// the slow path deciding there is nothing to repair.
func BenchmarkCleanMultilingual(b *testing.B) {
	var all []byte
	for _, s := range readFiles(b, "testdata/clean/*.md") {
		all = append(all, s...)
	}
	benchBytes(b, repeatTo(all, 8<<20), false)
}
