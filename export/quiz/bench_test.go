package quiz_test

import (
	"io"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/quiz"
	"github.com/bankgen/bankgen/internal/browsertest"
	"github.com/bankgen/bankgen/internal/synth"
	"github.com/bankgen/bankgen/parse"
)

// synthBank returns the bank of a synthetic collection of the given
// number of topics, each a guide and an interview: 2×topics documents.
func synthBank(tb testing.TB, topics, questions int) *bank.Bank {
	tb.Helper()
	srcs, _ := synth.Generate(synth.Options{Topics: topics, Questions: questions, Seed: 1})
	b, diags := parse.Parse(srcs...)
	if err := diags.Err(); err != nil {
		tb.Fatal(err)
	}
	return b
}

// BenchmarkWrite renders the page for the shipped sources and for a
// folder of 100 documents (50 topics), and reports the page's size.
func BenchmarkWrite(b *testing.B) {
	for _, c := range []struct {
		name string
		bank *bank.Bank
	}{
		{"shipped", bank.Default()},
		{"100-documents", synthBank(b, 50, 3)},
	} {
		b.Run(c.name, func(b *testing.B) {
			cw := &countWriter{}
			if err := quiz.Write(cw, c.bank, quiz.Options{}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := quiz.Write(io.Discard, c.bank, quiz.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cw.n), "page-bytes")
			b.ReportMetric(float64(len(cardsOf(b, c.bank))), "cards")
		})
	}
}

type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// BenchmarkFirstCard opens a page of at least 1,000 cards in Chromium
// and reports the time from the start of navigation to the first card
// on screen (the page's "bankgen-first-card" performance mark), and to
// the start of the page's script ("bankgen-start"): the time before it
// is the browser reading the page.
func BenchmarkFirstCard(b *testing.B) {
	bk := synthBank(b, 10, 5)
	n := len(cardsOf(b, bk))
	if n < 1000 {
		b.Fatalf("the bank gives %d cards, want at least 1,000", n)
	}
	url := writePage(b, bk, quiz.Options{Deck: b.Name()})
	ctx := browsertest.New(b)
	var first, start float64
	for b.Loop() {
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			b.Fatal(err)
		}
		ms, err := chromedp.Run(ctx, chromedp.Poll[[]float64](`(m => m && [m.startTime, performance.getEntriesByName('bankgen-start')[0].startTime])(performance.getEntriesByName('bankgen-first-card')[0])`))
		if err != nil {
			b.Fatal(err)
		}
		first += ms[0]
		start += ms[1]
	}
	b.ReportMetric(first/float64(b.N), "ms/first-card")
	b.ReportMetric(start/float64(b.N), "ms/script-start")
	b.ReportMetric(float64(n), "cards")
}
