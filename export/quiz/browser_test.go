package quiz_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/quiz"
	"github.com/bankgen/bankgen/internal/browsertest"
)

var screenshots = flag.String("screenshots", "", "save screenshots of the page (desktop and phone, light and dark) into this directory")

func TestMain(m *testing.M) { browsertest.Main(m) }

// writePage writes the page for b into a temporary directory and returns
// its file:// URL.
func writePage(t testing.TB, b *bank.Bank, o quiz.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := quiz.Write(&buf, b, o); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "quiz.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + path
}

// A tab is a browser tab that records what the page logs and requests.
type tab struct {
	ctx context.Context
	url string

	mu       sync.Mutex
	problems []string // console errors and warnings, exceptions, log entries
	requests []string // every URL the page asked for
}

// open opens url in a new tab at the given viewport size and colour
// scheme ("light" or "dark"), and waits for the first card or the
// "nothing to drill" message.
func open(t *testing.T, url string, width, height int64, scheme string) *tab {
	t.Helper()
	tb := &tab{ctx: browsertest.New(t), url: url}
	err := chromedp.Listen(tb.ctx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				tb.problems = append(tb.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			tb.problems = append(tb.problems, "exception: "+ev.ExceptionDetails.Text+" "+describe(ev.ExceptionDetails.Exception))
		case *log.EventEntryAdded:
			tb.problems = append(tb.problems, fmt.Sprintf("log %s %s: %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		case *network.EventRequestWillBeSent:
			tb.requests = append(tb.requests, ev.Request.URL)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	tb.do(t,
		chromedp.EmulateViewport(width, height),
		emulateScheme(scheme),
		chromedp.Navigate(url),
		chromedp.WaitReady("body"),
		// Pages from file:// share their storage: start with none.
		chromedp.Evaluate[chromedp.Void](`localStorage.clear()`),
		chromedp.Reload(),
	)
	tb.waitDrill(t)
	return tb
}

func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

// emulateMedia makes the page see the given media type ("print"), or
// its own ("").
func emulateMedia(media string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return chromedp.Void{}, err
	}
}

// emulateScheme makes the page see the given prefers-color-scheme.
func emulateScheme(scheme string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return chromedp.Void{}, err
	}
}

func (tb *tab) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitDrill waits until the page shows a card or says there is none.
func (tb *tab) waitDrill(t *testing.T) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!document.getElementById('card').hidden || !document.getElementById('done').hidden`)); err != nil {
		t.Fatal(err)
	}
}

// check fails the test if the page logged a problem or asked for
// anything but itself.
func (tb *tab) check(t *testing.T) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		t.Errorf("the page logged %s", p)
	}
	for _, u := range tb.requests {
		if u != tb.url {
			if len(u) > 120 {
				u = u[:120] + "…"
			}
			t.Errorf("the page requested %s", u)
		}
	}
}

// The page's visible state, read from the document.
const (
	jsFront    = `document.getElementById('front').textContent`
	jsRevealed = `(() => {
		const shown = id => document.getElementById(id).checkVisibility();
		if (shown('back') !== shown('grade-bar') || shown('back') === shown('reveal')) throw new Error('the answer, the grades and the reveal button disagree');
		return shown('back');
	})()`
	jsProgress = `Object.keys(JSON.parse(localStorage.getItem('bankgen-quiz/v1/' + JSON.parse(document.getElementById('bankgen-data').textContent).deck) || '{"cards":{}}').cards)`
	jsOverflow = `document.documentElement.scrollWidth - document.documentElement.clientWidth`
	jsSummary  = `document.getElementById('summary').textContent`
)

// cardsOf returns the cards of the page for b.
func cardsOf(t testing.TB, b *bank.Bank) []pageCard {
	t.Helper()
	var buf bytes.Buffer
	if err := quiz.Write(&buf, b, quiz.Options{}); err != nil {
		t.Fatal(err)
	}
	return embedded(t, buf.Bytes()).Cards
}

func TestDrill(t *testing.T) {
	b := bank.Default()
	cards := cardsOf(t, b)
	o := quiz.Options{Deck: t.Name()}
	url := writePage(t, b, o)
	tb := open(t, url, 1280, 900, "light")

	t.Run("first card shows", func(t *testing.T) {
		if got, want := strings.TrimSpace(eval[string](t, tb, jsFront)), plainText(cards[0].Front); got != want {
			t.Errorf("front = %q, want the first card's %q", got, want)
		}
		if eval[bool](t, tb, jsRevealed) {
			t.Error("the back shows before Space")
		}
	})
	t.Run("space reveals", func(t *testing.T) {
		tb.do(t, chromedp.KeyEvent(" "))
		if !eval[bool](t, tb, jsRevealed) {
			t.Fatal("Space did not reveal the back")
		}
		if got := eval[string](t, tb, `document.getElementById('back').textContent`); strings.TrimSpace(got) == "" {
			t.Error("the back is empty")
		}
	})
	t.Run("a grade moves on", func(t *testing.T) {
		tb.do(t, chromedp.KeyEvent("3"))
		if got, want := strings.TrimSpace(eval[string](t, tb, jsFront)), plainText(cards[1].Front); got != want {
			t.Errorf("after Good, front = %q, want the second card's %q", got, want)
		}
		if eval[bool](t, tb, jsRevealed) {
			t.Error("the next card shows its back")
		}
		if got := eval[[]string](t, tb, jsProgress); len(got) != 1 || got[0] != cards[0].ID {
			t.Errorf("saved progress for %q, want [%q]", got, cards[0].ID)
		}
	})
	t.Run("tap and buttons", func(t *testing.T) {
		tb.do(t, chromedp.Click("#front"))
		if !eval[bool](t, tb, jsRevealed) {
			t.Fatal("a tap on the card did not reveal it")
		}
		tb.do(t, chromedp.Click(`button[data-grade="1"]`))
		if got, want := strings.TrimSpace(eval[string](t, tb, jsFront)), plainText(cards[2].Front); got != want {
			t.Errorf("after Again, front = %q, want the third card's %q", got, want)
		}
	})
	t.Run("every kind has a name", func(t *testing.T) {
		for _, k := range eval[[]string](t, tb, `[...new Set(JSON.parse(document.getElementById('bankgen-data').textContent).cards.map(c => c.kind))]`) {
			tb.do(t, setField("#f-kind", k, "change"))
			if got := eval[string](t, tb, `document.getElementById('card-kind').textContent`); got == "" || got == k {
				t.Errorf("a %s card is labelled %q", k, got)
			}
		}
		tb.do(t, setField("#f-kind", "", "change"))
	})
	t.Run("a reload keeps progress", func(t *testing.T) {
		tb.do(t, chromedp.Reload())
		tb.waitDrill(t)
		if got := eval[[]string](t, tb, jsProgress); len(got) != 2 {
			t.Errorf("after a reload, progress holds %q, want two cards", got)
		}
		if got, want := strings.TrimSpace(eval[string](t, tb, jsFront)), plainText(cards[2].Front); got != want {
			t.Errorf("after a reload, front = %q, want the first new card %q", got, want)
		}
		if got := eval[string](t, tb, jsSummary); !strings.Contains(got, " 2 learned") {
			t.Errorf("summary = %q, want 2 learned", got)
		}
	})
	t.Run("a rebuilt page keeps progress", func(t *testing.T) {
		// The same bank with one more topic: progress is keyed by IDs,
		// not positions.
		b2 := bank.Default()
		b2.Topics = append([]bank.Topic{{ID: "aaa", Name: "AAA", Guide: []bank.Term{{ID: "aaa/terms/x", Term: "X", Definition: "an x"}}}}, b2.Topics...)
		var buf bytes.Buffer
		if err := quiz.Write(&buf, b2, o); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(strings.TrimPrefix(url, "file://"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		tb.do(t, chromedp.Reload())
		tb.waitDrill(t)
		if got := eval[string](t, tb, jsSummary); !strings.Contains(got, " 2 learned") {
			t.Errorf("summary = %q, want 2 learned", got)
		}
	})
	t.Run("a filter narrows the cards", func(t *testing.T) {
		tb.do(t, setField("#f-kind", "concept", "change"))
		concepts := 0
		for _, c := range cards {
			if c.Kind == "concept" {
				concepts++
			}
		}
		if got := eval[string](t, tb, jsSummary); !strings.HasPrefix(got, fmt.Sprintf("%d cards", concepts+1)) {
			t.Errorf("summary = %q, want %d cards (the concepts)", got, concepts+1)
		}
		if got := eval[string](t, tb, `document.getElementById('card-kind').textContent`); got != "Concept" {
			t.Errorf("the card shown is a %q, want a Concept", got)
		}
		want := map[string]bool{}
		for _, c := range cards {
			if c.Kind == "concept" && strings.Contains(strings.ToLower(c.Title+plainText(c.Front)+plainText(c.Back)), "replicaset") {
				want[c.Title] = true
			}
		}
		if len(want) == 0 {
			t.Fatal("no concept mentions replicaset: the test needs one")
		}
		// The list follows each keystroke: wait for the whole word, not
		// for a prefix that happens to list few cards.
		tb.do(t, chromedp.SendKeys("#f-search", "replicaset"))
		typed := fmt.Sprintf(`document.getElementById('f-search').value === 'replicaset' && document.querySelectorAll('#list li button').length === %d`, len(want))
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](typed, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Errorf("the search never listed the %d concepts that mention replicaset: %v", len(want), err)
		}
		items := eval[[]string](t, tb, `[...document.querySelectorAll('#list li button')].map(b => b.textContent)`)
		for _, it := range items {
			if !want[it] {
				t.Errorf("the search lists %q, which does not mention replicaset", it)
			}
		}
		if len(items) != len(want) {
			t.Errorf("the search lists %d cards, want %d", len(items), len(want))
		}
		tb.do(t, setField("#f-search", "", "input"), setField("#f-kind", "", "change"))
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`document.getElementById('summary').textContent.startsWith('%d cards')`, len(cards)+2))); err != nil {
			t.Fatalf("clearing the filters: %v", err)
		}
	})
	t.Run("printing lists the cards", func(t *testing.T) {
		tb.do(t, emulateMedia("print"), chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event('beforeprint'))`))
		if eval[bool](t, tb, `document.querySelector('main').checkVisibility() || document.querySelector('header').checkVisibility()`) {
			t.Error("the page's controls print")
		}
		if got, want := eval[int](t, tb, `[...document.querySelectorAll('.print-list .p-card')].filter(e => e.checkVisibility()).length`), len(cards)+2; got != want {
			t.Errorf("%d cards print, want %d", got, want)
		}
		if got := eval[int](t, tb, `[...document.querySelectorAll('.print-list details')].filter(d => !d.open).length`); got != 0 {
			t.Errorf("%d folded parts print folded", got)
		}
		tb.do(t, emulateMedia(""), chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event('afterprint'))`))
		if !eval[bool](t, tb, `document.querySelector('main').checkVisibility()`) {
			t.Error("after printing, the page's controls are gone")
		}
	})
	t.Run("import restores exported progress", func(t *testing.T) {
		exported := eval[string](t, tb, `localStorage.getItem('bankgen-quiz/v1/TestDrill')`)
		path := filepath.Join(t.TempDir(), "progress.json")
		if err := os.WriteFile(path, []byte(exported), 0o644); err != nil {
			t.Fatal(err)
		}
		tb.do(t, chromedp.Click("#reset"))
		if got := eval[string](t, tb, `document.activeElement.id`); got != "reset-cancel" {
			t.Errorf("the reset dialog opens with %q focused, want the safe choice, reset-cancel", got)
		}
		tb.do(t, chromedp.Click("#reset-confirm"))
		if got := eval[[]string](t, tb, jsProgress); len(got) != 0 {
			t.Fatalf("after a reset, progress holds %q", got)
		}
		tb.do(t, chromedp.SetUploadFiles("#import", []string{path}, chromedp.NodeReady))
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.getElementById('tools-status').textContent.startsWith('Imported')`)); err != nil {
			t.Fatal(err)
		}
		if got := eval[[]string](t, tb, jsProgress); len(got) != 2 {
			t.Errorf("after the import, progress holds %q, want two cards", got)
		}
	})
	tb.check(t)
}

// setField sets the value of the form field sel and fires event on it,
// as a user's choice does.
func setField(sel, value, event string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`(f => { f.value = %q; f.dispatchEvent(new Event(%q, {bubbles: true})); })(document.querySelector(%q))`, value, event, sel))
}

// jsLayout shows every card that matches the filters, front then back,
// and returns a problem for each that makes the page scroll sideways.
const jsLayout = `(() => {
	const more = document.getElementById('more');
	while (!more.hidden) more.click();
	const problems = [];
	const root = document.documentElement;
	for (const b of document.querySelectorAll('#list li button')) {
		b.click();
		if (root.scrollWidth > root.clientWidth) problems.push('front of ' + b.textContent + ': ' + root.scrollWidth + ' px wide');
		document.getElementById('reveal').click();
		if (root.scrollWidth > root.clientWidth) problems.push('back of ' + b.textContent + ': ' + root.scrollWidth + ' px wide');
		for (const pre of document.querySelectorAll('#card pre')) {
			// A folded block (the natural size of a scaled one) is not shown.
			if (pre.checkVisibility() && pre.scrollWidth > pre.clientWidth + 1) problems.push('a block of ' + b.textContent + ' is cut: ' + pre.scrollWidth + ' > ' + pre.clientWidth);
		}
	}
	return problems;
})()`

// jsContrast returns a problem for each visible piece of the page's own
// text (code keeps its highlighter's colours) whose contrast with its
// background is below 4.5:1, WCAG's minimum for body text. Text colour
// is blended with the background by its alpha and the opacity of the
// element and its ancestors.
const jsContrast = `(() => {
	const rgb = s => { const m = s.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
	const over = (c, under) => ({r: c.r * c.a + under.r * (1 - c.a), g: c.g * c.a + under.g * (1 - c.a), b: c.b * c.a + under.b * (1 - c.a), a: 1});
	const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
	const bg = el => {
		const layers = [];
		for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.a > 0) layers.push(c); if (c.a >= 1) break; }
		let c = layers.length && layers[layers.length - 1].a >= 1 ? layers.pop() : rgb(getComputedStyle(document.documentElement).backgroundColor);
		if (c.a < 1) c = over(c, {r: 255, g: 255, b: 255, a: 1});
		while (layers.length) c = over(layers.pop(), c);
		return c;
	};
	const opacity = el => { let o = 1; for (; el; el = el.parentElement) o *= Number(getComputedStyle(el).opacity); return o; };
	const problems = [];
	for (const el of document.querySelectorAll('body *')) {
		if (el.closest('pre, .sr-only, script, style, option') || !el.getClientRects().length) continue;
		if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
		const back = bg(el), c = rgb(getComputedStyle(el).color);
		c.a *= opacity(el);
		const fg = over(c, back);
		const [hi, lo] = [lum(fg), lum(back)].sort((a, b) => b - a);
		const ratio = (hi + 0.05) / (lo + 0.05);
		if (ratio < 4.5) problems.push(el.tagName + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '": ' + ratio.toFixed(2));
	}
	return problems;
})()`

// TestLayout looks at the page on a desktop and on phones, in light and
// dark: no card makes the page scroll sideways or cuts a diagram, and the
// page's text has enough contrast. With -screenshots DIR it saves what it
// saw.
func TestLayout(t *testing.T) {
	url := writePage(t, bank.Default(), quiz.Options{Deck: t.Name()})
	for _, v := range []struct {
		name          string
		width, height int64
		scheme        string
	}{
		{"desktop-light", 1280, 900, "light"},
		{"desktop-dark", 1280, 900, "dark"},
		{"phone-400-light", 400, 860, "light"},
		{"phone-360-light", 360, 740, "light"},
		{"phone-360-dark", 360, 740, "dark"},
	} {
		t.Run(v.name, func(t *testing.T) {
			tb := open(t, url, v.width, v.height, v.scheme)
			for _, p := range eval[[]string](t, tb, jsContrast) {
				t.Errorf("low contrast: %s", p)
			}
			if *screenshots != "" {
				shoot(t, tb, filepath.Join(*screenshots, "quiz-"+v.name+"-front.png"))
				tb.do(t, chromedp.KeyEvent(" "), chromedp.Evaluate[chromedp.Void](`document.getElementById('card').scrollIntoView()`))
				for _, p := range eval[[]string](t, tb, jsContrast) {
					t.Errorf("low contrast with the answer shown: %s", p)
				}
				shoot(t, tb, filepath.Join(*screenshots, "quiz-"+v.name+"-back.png"))
			}
			for _, p := range eval[[]string](t, tb, jsLayout) {
				t.Error(p)
			}
			if *screenshots != "" {
				shoot(t, tb, filepath.Join(*screenshots, "quiz-"+v.name+"-last.png"))
				tb.do(t, chromedp.Evaluate[chromedp.Void](jsShowDiagram))
				shoot(t, tb, filepath.Join(*screenshots, "quiz-"+v.name+"-diagram.png"))
			}
			tb.check(t)
		})
	}
}

// jsShowDiagram opens the first diagram card, revealed.
const jsShowDiagram = `(() => {
	const cards = JSON.parse(document.getElementById('bankgen-data').textContent).cards;
	const i = cards.findIndex(c => c.kind === 'diagram');
	document.querySelectorAll('#list li button')[i].click();
	document.getElementById('reveal').click();
	document.querySelector('#card .bg-art').scrollIntoView({block: 'center'});
})()`

// shoot saves a screenshot of what the window shows.
func shoot(t *testing.T, tb *tab, path string) {
	t.Helper()
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// jsUnlabelled returns every control that a screen reader would read
// without a name.
const jsUnlabelled = `[...document.querySelectorAll('button, select, input, summary, [role=button], a[href]')]
	.filter(e => e.checkVisibility() || e.id === 'import')
	.filter(e => !(e.getAttribute('aria-label') || (e.labels && [...e.labels].some(l => l.textContent.trim())) || e.textContent.trim()))
	.map(e => e.outerHTML.slice(0, 80))`

// TestKeyboard drills by keyboard alone: Tab reaches the controls with a
// visible focus ring, every control has a name, and the live region says
// what happened.
func TestKeyboard(t *testing.T) {
	tb := open(t, writePage(t, bank.Default(), quiz.Options{Deck: t.Name()}), 1280, 900, "dark")
	for _, u := range eval[[]string](t, tb, jsUnlabelled) {
		t.Errorf("a control has no name: %s", u)
	}
	seen := map[string]bool{}
	for range 12 {
		tb.do(t, chromedp.KeyEvent("\t"))
		id := eval[string](t, tb, `document.activeElement.id || document.activeElement.className`)
		seen[id] = true
		if ring := eval[string](t, tb, `getComputedStyle(document.activeElement).outlineStyle`); ring == "none" {
			t.Errorf("%s has focus but no visible ring", id)
		}
	}
	for _, want := range []string{"f-topic", "f-search", "reveal"} {
		if !seen[want] {
			t.Errorf("Tab never reached #%s (reached %v)", want, seen)
		}
	}
	tb.do(t, chromedp.Focus("#reveal"), chromedp.KeyEvent(" "))
	if !eval[bool](t, tb, jsRevealed) {
		t.Fatal("Space on the focused reveal button did not reveal the back")
	}
	if got := eval[string](t, tb, `document.activeElement.getAttribute('data-grade')`); got != "3" {
		t.Errorf("after the reveal, focus is on %q, want the Good button", got)
	}
	tb.do(t, chromedp.KeyEvent("4"))
	if got := eval[string](t, tb, `document.getElementById('announce').textContent`); !strings.HasPrefix(got, "Graded Easy; next review in ") {
		t.Errorf("the live region says %q after a grade", got)
	}
	if got := eval[string](t, tb, `document.activeElement.id`); got != "reveal" {
		t.Errorf("after a grade, focus is on %q, want the next card's reveal button", got)
	}
	tb.check(t)
}
