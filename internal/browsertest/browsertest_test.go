package browsertest_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bankgen/bankgen/internal/browsertest"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

func TestMain(m *testing.M) { browsertest.Main(m) }

// TestTabs opens two tabs in the one browser; each runs script on its
// own page.
func TestTabs(t *testing.T) {
	for _, want := range []string{"one", "two"} {
		ctx := browsertest.New(t)
		if err := chromedp.Do(ctx, chromedp.Navigate("data:text/html,<title>"+want+"</title>")); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Title())
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("title = %q, want %q", got, want)
		}
	}
}
