package quiz_test

import (
	"os"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/quiz"
	"github.com/bankgen/bankgen/parse"
)

// hostile returns the bank of testdata/hostile-*.md: every piece of
// text tries to run script, load something or end the page's elements.
func hostile(t *testing.T) *bank.Bank {
	t.Helper()
	var srcs []parse.Source
	for _, name := range []string{"hostile-guide.md", "hostile-interview.md"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, parse.Source{Name: name, Data: data})
	}
	b, diags := parse.Parse(srcs...)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, c := range cardsOf(t, b) {
		kinds[c.Kind] = true
	}
	for _, k := range []string{"question", "gap", "concept", "reverse"} {
		if !kinds[k] {
			t.Fatalf("the hostile sources give no %s card", k)
		}
	}
	return b
}

// TestHostileRunsNothing drills every card of the hostile bank, front and
// back, in the list and in print: no script runs, nothing is requested,
// and the text shows as text.
func TestHostileRunsNothing(t *testing.T) {
	b := hostile(t)
	tb := open(t, writePage(t, b, quiz.Options{Deck: "<script>window.pwned = 'deck'</script>"}), 1280, 900, "light")
	eval[[]string](t, tb, jsLayout) // shows every card, front and back
	eval[bool](t, tb, `window.dispatchEvent(new Event('beforeprint'))`)
	if got := eval[string](t, tb, `String(window.pwned)`); got != "undefined" {
		t.Errorf("source text ran script: window.pwned = %s", got)
	}
	if n := eval[int](t, tb, `document.querySelectorAll('#card img, #card iframe, #card svg, #card link, #card style, #card script, .print-list img, .print-list script').length`); n != 0 {
		t.Errorf("source text made %d elements", n)
	}
	text := eval[string](t, tb, `document.body.innerText + document.title`)
	for _, want := range []string{"<script>window.pwned = 'deck'</script>", "<img src=x onerror="} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	tb.check(t)
}
