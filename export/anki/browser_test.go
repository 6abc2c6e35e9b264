package anki

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/go-fonts/dejavu/dejavusansmono"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/internal/browsertest"
	"github.com/bankgen/bankgen/internal/cardtest"
	"github.com/bankgen/bankgen/internal/shipped"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

// phoneHeight is the height of a phone's screen at 400 px wide, less
// Anki's bars: what "one screen" means below.
const phoneHeight = 700

// renderedCard is one side of one card as the browser laid it out.
type renderedCard struct {
	Name   string  `json:"name"`
	Height float64 `json:"height"`
	Words  int     `json:"words"`
	// Pres that are shown (not inside a closed <details>) and wider than
	// the card, or wider than their own box.
	Overflow []string `json:"overflow"`
}

// cardPage writes every card of a deck (fronts and backs, the way Anki
// fills its templates) into one page, each in its own .card, with the
// note types' CSS and the shipped font, and returns its file URL.
func cardPage(t *testing.T, d *deck, night bool) string {
	return cardPageOf(t, d, night, func(*note, string) bool { return true })
}

// cardPageOf is cardPage for the card sides keep selects.
func cardPageOf(t *testing.T, d *deck, night bool, keep func(n *note, side string) bool) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, fontFile), dejavusansmono.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	class := ""
	if night {
		class = "nightMode night_mode"
	}
	b.WriteString(`<!doctype html><html><head><meta charset=utf-8><meta name="viewport" content="width=device-width, initial-scale=1">`)
	b.WriteString("<style>" + css + " body { margin: 0; } .card { padding: 8px; }</style></head><body class=\"" + class + "\">")
	for i, n := range d.notes {
		front, back := cardSides(t, noteTypeOf(n.kind), n.fields, 0)
		for side, h := range map[string]string{"front": front, "back": back} {
			if !keep(&d.notes[i], side) {
				continue
			}
			fmt.Fprintf(&b, `<div class="card card1" data-name="%d %s %s %s"><div id=qa>%s</div></div>`,
				i, n.kind, side, html.EscapeString(n.title), h)
		}
	}
	b.WriteString("</body></html>")
	path := filepath.Join(dir, "cards.html")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + path
}

const measure = `(() => {
  const shown = el => { for (let p = el.parentElement; p; p = p.parentElement) { if (p.tagName === 'DETAILS' && !p.open && el.closest('summary') !== p.querySelector('summary')) return false; } return true; };
  const w = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.card')].map(c => {
    const over = [];
    for (const pre of c.querySelectorAll('pre')) {
      if (!shown(pre)) continue;
      const r = pre.getBoundingClientRect();
      if (pre.scrollWidth > pre.clientWidth + 1 || r.right > w + 0.5) over.push(pre.textContent.slice(0, 40) + ' (' + pre.scrollWidth + '>' + pre.clientWidth + ')');
    }
    return {name: c.dataset.name, height: c.getBoundingClientRect().height, words: c.innerText.split(/\s+/).filter(Boolean).length, overflow: over};
  });
})()`

// layOut opens the cards page at the given width and measures every
// card side.
func layOut(t *testing.T, url string, width int64) []renderedCard {
	t.Helper()
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, phoneHeight), chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](measure))
	if err != nil {
		t.Fatal(err)
	}
	var cards []renderedCard
	if err := json.Unmarshal(raw, &cards); err != nil {
		t.Fatal(err)
	}
	return cards
}

// TestCardsInBrowser lays out every card of the shipped deck and of the
// hostile fixture deck in Chromium, at phone (400 px) and desktop (800
// px) widths, light and night: no diagram or code is cut or makes the
// card scroll sideways, and the back of a question card, front
// included, holds at most 2.25 phone screens with its details closed.
func TestCardsInBrowser(t *testing.T) {
	for _, src := range []struct {
		name string
		b    *bank.Bank
	}{{"shipped", shipped.Bank(t)}, {"fixture", testBank(t)}} {
		d, err := build(src.b, &Options{Reverse: true, Deck: DefaultDeck})
		if err != nil {
			t.Fatal(err)
		}
		for _, night := range []bool{false, true} {
			url := cardPage(t, d, night)
			for _, width := range []int64{400, 800} {
				cards := layOut(t, url, width)
				if len(cards) != 2*len(d.notes) {
					t.Fatalf("%d card sides laid out, want %d", len(cards), 2*len(d.notes))
				}
				var words, most, total float64
				n := 0
				for _, c := range cards {
					for _, o := range c.Overflow {
						t.Errorf("%s %dpx night=%v: %s: pre overflows: %s", src.name, width, night, c.Name, o)
					}
					if strings.Contains(c.Name, " question back ") {
						screens := c.Height / phoneHeight
						words += float64(c.Words)
						total += screens
						most = max(most, screens)
						n++
						if width == 400 && screens > 2.25 {
							t.Errorf("%s: %s is %.1f screens at 400 px", src.name, c.Name, screens)
						}
					}
				}
				if n > 0 && !night {
					t.Logf("%s %dpx: question backs: %.0f words, %.2f screens on average, %.2f at most", src.name, width, words/float64(n), total/float64(n), most)
				}
			}
		}
	}
}

// TestZoom taps every wide diagram and code block of the shipped deck
// shown on a phone (not folded away): each is there once, fitted to the card (smaller than 13
// px, nothing cut); a tap sets it at 13 px, scrolling sideways; a second
// tap fits it again.
func TestZoom(t *testing.T) {
	d, err := build(shipped.Bank(t), &Options{Deck: DefaultDeck})
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(400, phoneHeight), chromedp.Navigate(cardPage(t, d, false))); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
  const state = z => {
    const pres = z.querySelectorAll('pre'), pre = pres[0];
    return pres.length + ' ' + getComputedStyle(pre).fontSize + ' ' + (pre.scrollWidth > pre.clientWidth + 1 ? 'scrolls' : 'fits');
  };
  const shown = [...document.querySelectorAll('.bg-zoom')].filter(z => !z.parentElement.closest('details:not([open])'));
  return shown.map(z => {
    const s = [state(z)];
    z.querySelector('summary').click();
    s.push(state(z));
    z.querySelector('summary').click();
    s.push(state(z));
    return s.join(' / ');
  });
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("the shipped deck shows no wide diagram or code")
	}
	want := regexp.MustCompile(`^1 (\d+(\.\d+)?)px fits / 1 13px scrolls / 1 (\d+(\.\d+)?)px fits$`)
	t.Logf("%d wide diagrams and code blocks; the first: %s", len(got), got[0])
	for _, g := range got {
		m := want.FindStringSubmatch(g)
		if m == nil || m[1] == "13" || m[1] != m[3] {
			t.Errorf("closed / tapped / tapped again: %s; want one <pre>, fitted below 13px / 13px scrolling / fitted again", g)
		}
	}
}

// TestCardsInert loads the hostile fixture deck's cards: the page has
// no script, image or event handler attribute that source text could
// have made.
func TestCardsInert(t *testing.T) {
	d, err := build(testBank(t), &Options{Reverse: true, Deck: DefaultDeck})
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(cardPage(t, d, false))); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
  const bad = [...document.querySelectorAll('script, img, iframe, object, embed, a, svg, math')].map(e => e.tagName);
  for (const e of document.querySelectorAll('*')) for (const a of e.attributes) if (/^on/i.test(a.name) || /^(src|href)$/i.test(a.name)) bad.push(e.tagName + '@' + a.name);
  return bad.join(' ');
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got != "" {
		t.Errorf("the cards page holds %s", got)
	}
}

// TestReverseMasksTerm checks that no reverse card's front holds its
// term or, for a compound term, any part of it (see cardtest.Leaks), in
// the shipped deck and the fixture.
func TestReverseMasksTerm(t *testing.T) {
	for _, b := range []*bank.Bank{shipped.Bank(t), testBank(t)} {
		d, err := build(b, &Options{Reverse: true, Deck: DefaultDeck})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, nt := range d.notes {
			if nt.kind != KindReverse {
				continue
			}
			n++
			front, _ := cardSides(t, &cardType, nt.fields, 0)
			term := strings.TrimSuffix(html.UnescapeString(stripHTML(nt.fields[kTitle])), " (reverse)")
			if leaks := cardtest.Leaks(term, html.UnescapeString(stripHTML(front))); len(leaks) > 0 {
				t.Errorf("reverse front of %q shows %q:\n%s", term, leaks, stripHTML(front))
			}
		}
		if n == 0 {
			t.Error("no reverse card")
		}
	}
}

// TestScreenshots writes PNGs of a question card's back and a diagram
// card's back on a phone-sized page when BANKGEN_SCREENSHOTS names a
// directory.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("BANKGEN_SCREENSHOTS")
	if dir == "" {
		t.Skip("set BANKGEN_SCREENSHOTS=dir to write screenshots")
	}
	d, err := build(shipped.Bank(t), &Options{Reverse: true, Deck: DefaultDeck})
	if err != nil {
		t.Fatal(err)
	}
	for _, night := range []bool{false, true} {
		for _, kind := range []Kind{KindQuestion, KindDiagram, KindSection, KindReverse} {
			first := true
			url := cardPageOf(t, d, night, func(n *note, side string) bool {
				keep := first && n.kind == kind && side == "back"
				first = first && !keep
				return keep
			})
			ctx := browsertest.New(t)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(400, phoneHeight), chromedp.Navigate(url)); err != nil {
				t.Fatal(err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s-400-%v.png", kind, map[bool]string{false: "light", true: "night"}[night])
			if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
