package markdown_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/markdown"
	"github.com/bankgen/bankgen/parse"
)

// bigBank repeats the shipped bank's topics under new names.
func bigBank(b *testing.B, copies int) *bank.Bank {
	src := goldenBank(b)
	big := &bank.Bank{Plan: src.Plan}
	for i := 0; i < copies; i++ {
		for _, t := range src.Topics {
			t.Name = fmt.Sprintf("%s %d", t.Name, i)
			big.Topics = append(big.Topics, t)
		}
	}
	big.AssignIDs()
	return big
}

// BenchmarkFiles renders 20 copies of the shipped topic (about 1.5 MB of
// Markdown) into io.Discard.
func BenchmarkFiles(b *testing.B) {
	big := bigBank(b, 20)
	files, err := markdown.Files(big, markdown.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, f := range files {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			b.Fatal(err)
		}
		n += int64(buf.Len())
	}
	b.SetBytes(n)
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if err := f.Write(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRoundTrip renders the shipped bank and parses it back.
func BenchmarkRoundTrip(b *testing.B) {
	bk := goldenBank(b)
	for b.Loop() {
		srcs := render(b, bk, markdown.Options{})
		parse.Parse(srcs...)
	}
}
