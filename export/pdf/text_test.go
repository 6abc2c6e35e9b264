package pdf

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
)

func mustFaces(t testing.TB) {
	t.Helper()
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
}

func TestSanitize(t *testing.T) {
	mustFaces(t)
	tests := []struct {
		name, in      string
		mono          bool
		want          string
		keepNL        bool
		wantMonoCells int // for mono: columns the result takes; 0 to skip
	}{
		{name: "plain", in: "Pods — and → nodes", want: "Pods — and → nodes"},
		{name: "check", in: "done ✅", want: "done ✔"},
		{name: "check mono padded", in: "║ ok ✅ ║", mono: true, want: "║ ok ✔  ║", wantMonoCells: 9},
		{name: "cross and bang", in: "❌❗", want: "✘!"},
		{name: "todo box mono", in: "⬜ Next", mono: true, want: "☐  Next"},
		{name: "astral emoji", in: "target 🎯 snake 🐍", want: "target ◎ snake ◆"},
		{name: "wrench", in: "Tighten 🔧", want: "Tighten ⚙"},
		{name: "variation selector", in: "warn ⚠️", want: "warn ⚠"},
		{name: "keycap", in: "1️⃣ first", want: "1 first"},
		{name: "zwj family is one", in: "a 👨‍👩‍👧 b", want: "a ◆ b"},
		{name: "flag", in: "🇺🇸 US", want: "⚑ US"},
		{name: "skin tone", in: "👍🏽", want: "✔"},
		{name: "controls dropped", in: "a\x00b\x1b[0mc\a", want: "ab[0mc"},
		{name: "newline to space", in: "a\nb", want: "a b"},
		{name: "newline kept", in: "a\nb", keepNL: true, want: "a\nb"},
		{name: "tab mono", in: "ab\tc", mono: true, want: "ab  c"},
		{name: "tab sans", in: "a\tb", want: "a b"},
		{name: "replacement char", in: "bad \uFFFD byte", want: "bad ◆ byte"},
		{name: "compatibility decomposition", in: "step ⑪", want: "step 11"},
		{name: "no wider decomposition in mono", in: "│⑪│", mono: true, want: "│◆│"},
		{name: "cleaned text keeps its accents", in: bank.Clean("cafe\u0301"), want: "café"},
		{name: "combining mark with no composed form", in: "q\u0307", want: "q"},
		{name: "fullwidth", in: "ＡＢ", want: "AB"},
		{name: "fullwidth mono keeps width", in: "ＡＢ", mono: true, want: "A B ", wantMonoCells: 4},
		{name: "cjk", in: "漢字", want: "◆◆"},
		{name: "soft hyphen", in: "hy\u00ADphen", want: "hyphen"},
		{name: "zero width space", in: "a\u200Bb", want: "ab"},
		{name: "bidi override", in: "a\u202Eb", want: "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cov := covSans
			if tt.mono {
				cov = covMono
			}
			got := sanitize(tt.in, cov, tt.mono, tt.keepNL)
			if got != tt.want {
				t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if tt.wantMonoCells > 0 && utf8.RuneCountInString(got) != tt.wantMonoCells {
				t.Errorf("sanitize(%q) takes %d columns, want %d", tt.in, utf8.RuneCountInString(got), tt.wantMonoCells)
			}
			assertDrawable(t, got, cov)
		})
	}
}

// assertDrawable fails if s holds a rune above U+FFFF or one that the
// faces of cov lack ('\n' aside).
func assertDrawable(t *testing.T, s string, cov *coverage) {
	t.Helper()
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if r > 0xFFFF {
			t.Errorf("%q: rune %U above U+FFFF", s, r)
		} else if !cov.has(r) {
			t.Errorf("%q: rune %U %q not in the font", s, r, r)
		}
	}
}

// TestFallback checks the fallback table: each replacement is one rune
// that every face has, and each key is something a face lacks (or the
// replacement character, which must never show).
func TestFallback(t *testing.T) {
	mustFaces(t)
	for k, v := range fallback {
		if utf8.RuneCountInString(v) != 1 {
			t.Errorf("fallback[%q] = %q: want a single rune", k, v)
		}
		r, _ := utf8.DecodeRuneInString(v)
		if !covSans.has(r) || !covMono.has(r) {
			t.Errorf("fallback[%q] = %q: not in every face (sans %v, mono %v)", k, v, covSans.has(r), covMono.has(r))
		}
		if k != '\uFFFD' && covSans.has(k) && covMono.has(k) {
			t.Errorf("fallback[%q]: every face has it already", k)
		}
	}
	for _, r := range "✅❌❗⬜🎯🔧" {
		if _, ok := fallback[r]; !ok {
			t.Errorf("no fallback for %q, which the sources use", r)
		}
	}
	if !covSans.has([]rune(placeholder)[0]) || !covMono.has([]rune(placeholder)[0]) {
		t.Errorf("placeholder %q not in every face", placeholder)
	}
}

// TestMonoAdvance checks what diagram layout assumes: every glyph of the
// mono face has the same advance, monoAdvance em.
func TestMonoAdvance(t *testing.T) {
	mustFaces(t)
	n := 0
	for r := rune(0); r < 65536; r++ {
		if faces[mono].has(r) {
			n++
			if got := float64(faces[mono].adv[r]) / 1000; got != monoAdvance {
				t.Fatalf("mono advance of %U is %v em, want %v", r, got, monoAdvance)
			}
		}
	}
	if n < 3000 {
		t.Errorf("mono face maps only %d runes", n)
	}
	for _, r := range "═║╔╗╚╝─│┌┐└┘┬┴┼├┤▼▲►◄█→—✔✘☐" {
		if !covMono.has(r) || !covSans.has(r) {
			t.Errorf("%q missing from a face", r)
		}
	}
}

// bankStrings returns every string in b, found through its JSON form so
// that fields added to the model are covered too.
func bankStrings(t *testing.T, b *bank.Bank) []string {
	t.Helper()
	var buf strings.Builder
	if err := b.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal([]byte(buf.String()), &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// TestSanitizeBank runs every string of the fixture and shipped banks
// through sanitize, for both families: nothing undrawable may come out.
func TestSanitizeBank(t *testing.T) {
	mustFaces(t)
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			for _, s := range bankStrings(t, b) {
				assertDrawable(t, sanitize(s, covSans, false, true), covSans)
				assertDrawable(t, sanitize(s, covMono, true, true), covMono)
				assertDrawable(t, clean(s), covSans)
			}
		})
	}
}

// TestFrameStaysAligned sanitizes diagrams drawn in terminal columns
// (each emoji, flag, family and CJK character two columns wide): their
// frames keep a straight right border.
func TestFrameStaysAligned(t *testing.T) {
	mustFaces(t)
	for name, art := range map[string]string{
		"fixture": fixtureDiagram,
		"emoji": `╔════════════╗
║ ok ✅      ║
║ ⬜❌❗🎯🔧 ║
║ 🇺🇸 flag    ║
║ 👨‍👩‍👧 family  ║
║ 👍🏽 tone    ║
║ ⑪ step     ║
║ 漢字       ║
╚════════════╝`,
	} {
		lines := strings.Split(art, "\n")
		for i := range lines {
			lines[i] = strings.TrimRight(sanitize(lines[i], covMono, true, false), " ")
		}
		var frame []string
		for _, l := range lines {
			if strings.HasPrefix(l, "╔") || len(frame) > 0 {
				frame = append(frame, l)
			}
		}
		if len(frame) < 3 {
			t.Fatalf("%s: no frame in %q", name, lines)
		}
		width := utf8.RuneCountInString(frame[0])
		for _, l := range frame[1:] {
			if n := utf8.RuneCountInString(l); n != width {
				t.Errorf("%s: frame line %q is %d columns, the frame %d", name, l, n, width)
			}
		}
	}
}

// TestFirstSentence checks what the cheat sheet adds to the bank's
// first-sentence rule: the quotation marks and emphasis the sources put
// around answers are dropped, and a long sentence is cut after a word.
func TestFirstSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"Kubernetes is a platform. It manages containers."`, "Kubernetes is a platform."},
		{`*"Declare, don't instruct."*`, "Declare, don't instruct."},
		{"Use requests, e.g. 500m CPU. Then probes.", "Use requests, e.g. 500m CPU."},
		{"No full stop at all", "No full stop at all"},
		{"Spread   over\nlines. Next.", "Spread over lines."},
	}
	for _, tt := range tests {
		if got := firstSentence(tt.in, 150); got != tt.want {
			t.Errorf("firstSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := firstSentence(strings.Repeat("word ", 100), 150)
	if n := utf8.RuneCountInString(long); n > 151 || n < 100 || !strings.HasSuffix(long, "d…") {
		t.Errorf("firstSentence of a long run = %q (%d runes), want ≤ 150 runes cut after a word, and …", long, n)
	}
}

// TestColumnWidths checks how a table's width is shared: the columns
// always fill it; a narrow "#" column keeps its natural width when the
// table fits; a column never gets less than its longest word when the
// longest words fit.
func TestColumnWidths(t *testing.T) {
	mustFaces(t)
	const W = 170.0
	cells := func(ss ...string) []span {
		out := make([]span, len(ss))
		for i, s := range ss {
			out[i] = span{sans, black, s}
		}
		return out
	}
	long := strings.Repeat("a rather long cell of running text ", 8)
	for _, tt := range []struct {
		name      string
		rows      [][]span
		wantFirst float64 // 0: not checked
	}{
		{"fits", [][]span{cells("#", "Topic", "Status"), cells("12", "Kafka / Real-time streaming", "done")}, 8},
		{"wraps", [][]span{cells("#", "Why", "How"), cells("1", long, long)}, 8},
		{"long words", [][]span{cells(strings.Repeat("x", 80), strings.Repeat("y", 80), strings.Repeat("z", 80))}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			widths := columnWidths(tt.rows, tableSize, W)
			sum := 0.0
			for _, w := range widths {
				sum += w
			}
			if math.Abs(sum-W) > 1e-6 {
				t.Errorf("widths %v sum to %.3f, want %.0f", widths, sum, W)
			}
			if tt.wantFirst > 0 && math.Abs(widths[0]-tt.wantFirst) > 1e-6 {
				t.Errorf("first column %.3f wide, want %.0f", widths[0], tt.wantFirst)
			}
			for _, r := range tt.rows {
				for i, c := range r {
					for _, w := range strings.Fields(c.s) {
						if need := textW(c.st, tableSize, w) + 2*cellPad; need <= W/2 && widths[i] < need-1e-6 && tt.name != "long words" {
							t.Errorf("column %d is %.1f wide, narrower than its word %q (%.1f)", i, widths[i], w, need)
						}
					}
				}
			}
		})
	}
}
