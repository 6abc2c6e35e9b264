package anki

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"
)

// TestDeflater checks that the chunked, parallel stream decompresses to
// its input, across chunk boundaries.
func TestDeflater(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 1000, chunkSize - 1, chunkSize, chunkSize + 1, 3*chunkSize + 5} {
		in := make([]byte, n)
		for i := range in {
			in[i] = "abc\n╔═╗"[rng.IntN(9)]
		}
		var out bytes.Buffer
		d := newDeflater(&out)
		// Uneven writes.
		for p := in; len(p) > 0; {
			k := min(len(p), 1+rng.IntN(300_000))
			if _, err := d.Write(p[:k]); err != nil {
				t.Fatal(err)
			}
			p = p[k:]
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(flate.NewReader(&out))
		if err != nil {
			t.Fatalf("size %d: %v", n, err)
		}
		if !bytes.Equal(got, in) {
			t.Fatalf("size %d: round trip differs", n)
		}
	}
}
