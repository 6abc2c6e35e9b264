package fix_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/bankgen/bankgen/parse/fix"
)

// The clean-text promise on real words: valid UTF-8 made of words of real
// languages comes back byte for byte, with no repair reported, whatever
// words stand together and however they are spaced.

// quotesDamage are the corpus documents that quote damaged text on
// purpose: their words are not all words of a language.
var quotesDamage = map[string]bool{
	"en-mojibake-explained.md":        true,
	"en-incident-welcome-email.md":    true,
	"en-garbled-letter-postmortem.md": true,
	"fr-bug-encodage.md":              true,
	"ru-krakozyabry-intervyu.md":      true,
}

// symbols are the punctuation, units and emoji sequences notes hold
// beside their words, which neither the corpus's prose nor the
// Declaration has all of.
var symbols = strings.Fields("— – … “quoted” ‘single’ «guillemets» ‹single› „unten“ 「括弧」 • → ← ✅ ❌ ⚠\ufe0f 🚀 🎯 👍🏽 👨\u200d💻 ❤\ufe0f 1\ufe0f⃣ ⏳ ↩\ufe0e ✔\ufe0e ⚠\ufe0e " +
	"🏴\u200d☠\ufe0f 🏳\ufe0f\u200d🌈 🇩🇪 👩🏽\u200d🤝\u200d👨🏿 10 µs 21 °C ½ € £ ¥ ₹ © ® ™ ± × ÷ § ¶ ‰ † ‡ \u2066₪\u2069 ✓ ✗ ≤ ≥ ≠ ≈ ∞ √ ∑ " +
	"─ │ ┌ ┐ └ ┘ ├ ┤ ═ ║ ╔ ╗ ╚ ╝ ▁▂▃▅▇█ °F ª º ¿qué? ¡sí! ")

// separators join the words: the spaces and punctuation of the
// languages written between words.
var separators = []string{
	" ", " ", " ", "\n", "\n\n", "\u00A0", "\u202F", "\t", ", ", ". ", " — ", ": ", " (", ") ",
	"、", "。", "\r\n", "’", "-", "\u200B",
}

// vocabulary returns the words of the clean-text tests, without repeats,
// and groups of them that belong together (a document's prose, a
// translation of the Declaration), as indexes into words: the words of the
// clean corpus's prose (inline and fenced code left out, and the
// documents that quote damage), the words of several hundred translations
// of the Universal Declaration of Human Rights (testdata/udhr-words.txt,
// written by parse/fix/internal/gen), and the symbols above.
func vocabulary(tb testing.TB) (words []string, groups [][]int) {
	index := map[string]int{}
	add := func(w string) int {
		n, ok := index[w]
		if !ok {
			n = len(words)
			index[w] = n
			words = append(words, w)
		}
		return n
	}
	for _, d := range readCorpus(tb) {
		if quotesDamage[d.name] {
			continue
		}
		var group []int
		for _, w := range proseWords(string(d.text)) {
			group = append(group, add(w))
		}
		groups = append(groups, group)
	}
	udhr, err := os.ReadFile("testdata/udhr-words.txt")
	if err != nil {
		tb.Fatal(err)
	}
	for _, line := range strings.Split(string(udhr), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		_, list, _ := strings.Cut(line, "\t")
		var group []int
		for _, w := range strings.Fields(list) {
			group = append(group, add(w))
		}
		groups = append(groups, group)
	}
	var group []int
	for _, w := range symbols {
		group = append(group, add(w))
	}
	return words, append(groups, group)
}

// proseWords returns the words of a Markdown text's prose: the text split
// at white space, inline code and fenced code left out, and only tokens
// holding a letter or a non-ASCII symbol kept.
func proseWords(text string) []string {
	var words []string
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		for i, part := range strings.Split(line, "`") {
			if i%2 == 1 {
				continue // inline code
			}
			for _, w := range strings.Fields(part) {
				if strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || r > unicode.MaxASCII }) {
					words = append(words, w)
				}
			}
		}
	}
	return words
}

// build strings words together as pick says: each three bytes choose a
// word (two bytes, big-endian, modulo the number of words) and the
// separator after it.
func build(words []string, pick []byte) []byte {
	var b []byte
	for ; len(pick) >= 3; pick = pick[3:] {
		b = append(b, words[int(binary.BigEndian.Uint16(pick))%len(words)]...)
		b = append(b, separators[int(pick[2])%len(separators)]...)
	}
	return b
}

// FuzzCleanWords asserts the repair's first promise on real words: the
// fuzzer chooses which words of the vocabulary (some thirty thousand, in
// several hundred languages and every script the Declaration is written
// in), in which order, and the spaces between them; the text must come
// back byte for byte with no repair reported. Besides the seeds in
// testdata/fuzz, each group of words (a corpus document's prose, a
// translation's words) is a seed, run together as one paragraph, so that
// the evidence the repair weighs per paragraph is mixed differently than
// in the documents.
func FuzzCleanWords(f *testing.F) {
	words, groups := vocabulary(f)
	if len(words) > 1<<16 {
		f.Fatalf("%d words: a pick of two bytes cannot reach them all", len(words))
	}
	for _, group := range groups {
		var pick []byte
		for _, n := range group {
			pick = binary.BigEndian.AppendUint16(pick, uint16(n))
			pick = append(pick, 0)
		}
		f.Add(pick)
	}
	f.Fuzz(func(t *testing.T, pick []byte) {
		text := build(words, pick)
		out, rep := fix.Bytes(text)
		if !bytes.Equal(out, text) {
			t.Fatalf("clean text changed:\n%q\n%s", text, rep)
		}
		if rep.Repaired() {
			t.Fatalf("repairs reported on clean text:\n%q\n%s", text, rep)
		}
	})
}
