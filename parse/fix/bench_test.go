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

func benchBytes(b *testing.B, in []byte, wantChanged bool) {
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, rep := Bytes(in); rep.Changed != wantChanged {
			b.Fatalf("changed = %v", rep.Changed)
		}
	}
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
// parser does file by file.
func BenchmarkDamagedFile(b *testing.B) {
	benchBytes(b, readBench(b, "../../source/kubernetes-mock-interview.md"), true)
}

// BenchmarkClean checks the clean concept guide repeated to 8 MB.
func BenchmarkClean(b *testing.B) {
	benchBytes(b, repeatTo(readBench(b, "../../source/kubernetes-concept-guide.md"), 8<<20), false)
}

// BenchmarkCleanMultilingual checks the clean multilingual corpus (little
// ASCII) repeated to 8 MB: the repair reads every run and finds nothing to
// do.
func BenchmarkCleanMultilingual(b *testing.B) {
	var all []byte
	for _, s := range readFiles(b, "testdata/corpus/clean/*.md") {
		all = append(all, s...)
	}
	benchBytes(b, repeatTo(all, 8<<20), false)
}

// BenchmarkLongList repairs a 1 MB list with no blank line, one region
// for the evidence, whose lines are clean and damaged by turns: the
// search for quoted damage must stay linear in such a region.
func BenchmarkLongList(b *testing.B) {
	var in []byte
	for i := 0; len(in) < 1<<20; i++ {
		in = append(in, "- item "...)
		in = append(in, bytes.Repeat([]byte("x"), i%7)...)
		in = append(in, [...]string{" Müller\n", " cafÃ©\n", " naÃ¯ve ok\n"}[i%3]...)
	}
	benchBytes(b, in, true)
}
