package quiz_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/quiz"
	"github.com/bankgen/bankgen/internal/cardtest"
	"github.com/bankgen/bankgen/internal/goldentest"
)

func render(t testing.TB, b *bank.Bank, o quiz.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := quiz.Write(&buf, b, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden compares the cards the page for the shipped sources embeds,
// one line each, with testdata/cards.txt.
func TestGolden(t *testing.T) {
	d := embedded(t, render(t, bank.Default(), quiz.Options{}))
	var b strings.Builder
	fmt.Fprintf(&b, "deck %s\n", d.Deck)
	for _, list := range []struct {
		name string
		opts []pageOption
	}{{"topic", d.Topics}, {"level", d.Levels}, {"kind", d.Kinds}} {
		for _, o := range list.opts {
			fmt.Fprintf(&b, "%s %s: %s\n", list.name, o.ID, o.Label)
		}
	}
	for _, c := range d.Cards {
		fmt.Fprintf(&b, "\n%s [%s, topic %d, %s] %s\n", c.ID, c.Kind, c.Topic, c.Level, c.Title)
		fmt.Fprintf(&b, "  front: %d bytes, %q…\n", len(c.Front), prefix(plainText(c.Front), 60))
		fmt.Fprintf(&b, "  back: %d bytes, %q…\n", len(c.Back), prefix(plainText(c.Back), 60))
	}
	goldentest.Compare(t, "testdata/cards.txt", []byte(b.String()))
}

func prefix(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	return string(r[:min(n, len(r))])
}

// TestDeterministic renders the page twice: the bytes are the same.
func TestDeterministic(t *testing.T) {
	b := bank.Default()
	first := render(t, b, quiz.Options{})
	if second := render(t, bank.Default(), quiz.Options{}); !bytes.Equal(first, second) {
		t.Error("two renders of the same bank differ")
	}
}

var (
	cspMeta  = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	elements = regexp.MustCompile(`(?s)<(script|style)([^>]*)>(.*?)</(?:script|style)>`)
)

// TestPolicy reads the page's Content-Security-Policy: it allows no
// network, and exactly the page's own scripts and style sheet, by hash.
func TestPolicy(t *testing.T) {
	page := string(render(t, hostile(t), quiz.Options{Deck: `</title><script>alert(1)</script>`}))
	m := cspMeta.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page has no Content-Security-Policy meta tag")
	}
	policy := map[string][]string{}
	for _, d := range strings.Split(html.UnescapeString(m[1]), ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			policy[f[0]] = f[1:]
		}
	}
	if got := strings.Join(policy["default-src"], " "); got != "'none'" {
		t.Errorf("default-src %s, want 'none'", got)
	}
	for _, d := range []string{"connect-src", "font-src", "frame-src", "media-src", "object-src", "manifest-src", "worker-src", "child-src"} {
		if policy[d] != nil {
			t.Errorf("the policy names %s, which should fall back to default-src 'none'", d)
		}
	}
	hashes := map[string][]string{}
	for _, e := range elements.FindAllStringSubmatch(page, -1) {
		if strings.Contains(e[2], "application/json") {
			continue // data, never run
		}
		sum := sha256.Sum256([]byte(e[3]))
		hashes[e[1]] = append(hashes[e[1]], "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	if len(hashes["script"]) != 2 || len(hashes["style"]) != 1 {
		t.Fatalf("the page has %d scripts and %d style sheets, want 2 and 1", len(hashes["script"]), len(hashes["style"]))
	}
	if got, want := strings.Join(policy["script-src"], " "), strings.Join(hashes["script"], " "); got != want {
		t.Errorf("script-src %s, want the hashes of the page's scripts %s", got, want)
	}
	if got, want := strings.Join(policy["style-src-elem"], " "), strings.Join(hashes["style"], " "); got != want {
		t.Errorf("style-src-elem %s, want the hash of the page's style sheet %s", got, want)
	}
	if strings.Contains(page, "sourceMappingURL") {
		t.Error("the page points at a source map")
	}
	if n := strings.Count(page, "<script"); n != 3 {
		t.Errorf("the page has %d <script tags, want 3 (data, scheduler, page)", n)
	}
	if n := strings.Count(strings.ToLower(page), "</script"); n != 3 {
		t.Errorf("the page has %d </script, want 3: source text ended an element", n)
	}
}

// TestReverseMasksTerm checks that no reverse card's front holds its
// term or, for a compound term, any part of it (see cardtest.Leaks).
func TestReverseMasksTerm(t *testing.T) {
	n := 0
	for _, c := range embedded(t, render(t, bank.Default(), quiz.Options{})).Cards {
		if c.Kind != "reverse" {
			continue
		}
		n++
		term := strings.TrimSuffix(c.Title, " (reverse)")
		if leaks := cardtest.Leaks(term, plainText(c.Front)); len(leaks) > 0 {
			t.Errorf("the front of %s shows %q: %s", c.ID, leaks, plainText(c.Front))
		}
	}
	if n == 0 {
		t.Error("the shipped bank gives no reverse card")
	}
}
