package bank

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// oldSlug is Slug as it was before its ASCII fast path, kept to prove
// that the fast path changes no output.
func oldSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if r == '\'' || r == '’' {
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > maxSlug {
		cut := strings.LastIndexByte(out[:maxSlug+1], '-')
		if cut <= 0 {
			cut = maxSlug
			for cut > 0 && !utf8Start(out[cut]) {
				cut--
			}
		}
		out = out[:cut]
	}
	return out
}

// slugInputs returns every title, term, file, kind and language of the
// shipped bank, and random strings built from the pieces that matter to
// Slug: ASCII letters of both cases, digits, separators, apostrophes,
// non-ASCII letters (some whose lower case is longer or shorter in
// UTF-8), emoji, invalid bytes, and lengths around maxSlug.
func slugInputs() []string {
	var in []string
	b := Default()
	for _, t := range b.Topics {
		in = append(in, t.Name)
		for _, g := range t.Guide {
			in = append(in, g.Term, g.Definition)
		}
		for _, q := range t.Questions {
			in = append(in, q.Prompt, q.Label)
			for _, s := range q.Strengths {
				in = append(in, s.Title)
			}
			for _, g := range q.Gaps {
				in = append(in, g.Title, g.Phrasing)
			}
			for _, s := range q.Samples {
				in = append(in, s.File, s.Lang, strings.Join(s.Kinds, " "))
			}
			for _, d := range q.Diagrams {
				in = append(in, d.Title)
			}
		}
	}
	pieces := []string{
		"a", "Z", "k", "Q", "0", "9", "x1", " ", "-", "--", "_", "/", ".", "'", "’", "‘", "\"",
		"é", "É", "ß", "İ", "ı", "Ǆ", "ǅ", "Ⱥ", "ⱥ", "Ω", "ω", "ж", "Ж", "日本", "٣", "𝟘", "𐐀",
		"✅", "🎯", "—", "\t", "\n", "\x00", "\x7f", "\x80", "\xff", "\xe2\x80", "\xf0\x9f",
		"\ufffd", "Kubernetes", "a-very-long-word-that-fills-much-of-a-slug",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var sb strings.Builder
		for n := r.IntN(40); n > 0; n-- {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		in = append(in, sb.String())
	}
	// Every cut around the limit: a word boundary just before, at and
	// after maxSlug, with one- to four-byte runes astride it.
	for _, tail := range []string{"a", "é", "日", "𐐀", "ǅ", " b", "-c", "'d"} {
		for n := maxSlug - 6; n <= maxSlug+6; n++ {
			for _, head := range []string{"", " ", "x "} {
				in = append(in, head+strings.Repeat("y", n)+tail+" zz", head+strings.Repeat("y", n)+tail)
			}
		}
	}
	return in
}

func TestSlugMatchesOld(t *testing.T) {
	for _, s := range slugInputs() {
		if got, want := Slug(s), oldSlug(s); got != want {
			t.Errorf("Slug(%q) = %q, want %q as before", s, got, want)
		}
	}
}

func TestAppendSlugKeepsPrefix(t *testing.T) {
	for _, s := range slugInputs()[:500] {
		got := string(appendSlug([]byte("kubernetes/q1/gaps/"), s))
		if want := "kubernetes/q1/gaps/" + oldSlug(s); got != want {
			t.Errorf("appendSlug(prefix, %q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzSlug compares Slug with the implementation it replaced; seeds are
// in testdata/fuzz/FuzzSlug.
func FuzzSlug(f *testing.F) {
	f.Add("Kubernetes")
	f.Add("THE CORE — DESIRED STATE ✅")
	f.Add(`"Smart manager for your app's boxes"`)
	f.Fuzz(func(t *testing.T, s string) {
		got, want := Slug(s), oldSlug(s)
		if got != want {
			t.Fatalf("Slug(%q) = %q, want %q as before", s, got, want)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Slug(%q) = %q, not valid UTF-8", s, got)
		}
	})
}
