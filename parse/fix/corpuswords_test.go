package fix_test

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode"

	"github.com/bankgen/bankgen/parse/fix"
)

// quotesMojibake is the corpus document that quotes mojibake on purpose:
// its words are damaged text, so they are not words of a language.
const quotesMojibake = "en-mojibake-explained.md"

// separators join the words FuzzCorpusWords strings together: the spaces
// and punctuation of the corpus's languages.
var separators = []string{
	" ", " ", " ", "\n", "\n\n", "\u00A0", "\u202F", "\t", ", ", " — ", "、", "。", "\r\n",
}

// corpusWords returns the words of the clean corpus's prose, in corpus
// order without repeats, and for each document the indexes of its words in
// order: the text split at white space, inline code and fenced code left
// out, and only tokens holding a letter or a non-ASCII symbol kept.
func corpusWords(tb testing.TB) (words []string, docs [][]int) {
	index := map[string]int{}
	for _, d := range readCorpus(tb) {
		if d.name == quotesMojibake {
			continue
		}
		var doc []int
		fenced := false
		for _, line := range strings.Split(string(d.text), "\n") {
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
					if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || r > unicode.MaxASCII }) {
						continue
					}
					n, ok := index[w]
					if !ok {
						n = len(words)
						index[w] = n
						words = append(words, w)
					}
					doc = append(doc, n)
				}
			}
		}
		docs = append(docs, doc)
	}
	return words, docs
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

// FuzzCorpusWords asserts the repair's first promise on the corpus's
// vocabulary: valid UTF-8 made of words of real languages comes back byte
// for byte, with no repair reported. The words are the prose of the clean
// corpus (some seven thousand, in twenty languages); the fuzzer chooses
// which, in which order, and the spaces between them. The seeds are each
// document's prose in its own order, run together as one paragraph, so
// that the evidence the repair weighs per paragraph is mixed differently
// than in the documents.
func FuzzCorpusWords(f *testing.F) {
	words, docs := corpusWords(f)
	for _, doc := range docs {
		var pick []byte
		for _, n := range doc {
			pick = binary.BigEndian.AppendUint16(pick, uint16(n))
			pick = append(pick, 0)
		}
		f.Add(pick)
	}
	f.Fuzz(func(t *testing.T, pick []byte) {
		text := build(words, pick)
		out, rep := fix.Bytes(text)
		if !bytes.Equal(out, text) {
			t.Fatalf("clean text changed:\n%s", rep)
		}
		if rep.Repaired() {
			t.Fatalf("repairs reported on clean text:\n%s", rep)
		}
	})
}
