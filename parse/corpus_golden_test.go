package parse_test

import (
	"bytes"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/markdown"
	"github.com/bankgen/bankgen/internal/goldentest"
	"github.com/bankgen/bankgen/parse"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// corpusBanks parses each unit of the style corpus (a document, or a
// folder read together) and calls f with its name, its bank and the
// vocabulary files it was read with (a folder's bankgen.yaml).
func corpusBanks(t *testing.T, f func(name string, b *bank.Bank, configs []parse.Source)) {
	t.Helper()
	units, err := corpusUnits(corpusDir)
	if err != nil || len(units) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, u := range units {
		srcs := readUnit(t, u)
		b, _ := parse.Parse(srcs...)
		name := strings.TrimSuffix(u[0], ".md")
		if len(u) > 1 || strings.Contains(u[0], "/") {
			name = filepath.Dir(u[0])
		}
		var configs []parse.Source
		for _, s := range srcs {
			if parse.IsConfig(s.Name) {
				configs = append(configs, s)
			}
		}
		f(name, b, configs)
	}
}

// TestCorpusGolden compares the bank of each corpus document with its
// JSON in testdata/corpus-banks, so that every change in what the parser
// reads from the corpus shows in review; -update rewrites them, and each
// changed line must be read against its document. The facts test judges
// which readings are right; these files record what is read.
func TestCorpusGolden(t *testing.T) {
	corpusBanks(t, func(name string, b *bank.Bank, _ []parse.Source) {
		var buf bytes.Buffer
		if err := b.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		goldentest.Compare(t, filepath.Join("testdata", "corpus-banks", strings.ReplaceAll(name, "/", "--")+".json"), buf.Bytes())
	})
}

// TestCorpusRoundTrip renders each corpus document's bank as Markdown and
// parses it back, with the vocabulary file it was read with: the bank
// must come back equal, positions aside.
func TestCorpusRoundTrip(t *testing.T) {
	equal := cmp.Options{cmpopts.IgnoreTypes(bank.Pos{}), cmpopts.EquateEmpty()}
	corpusBanks(t, func(name string, b *bank.Bank, configs []parse.Source) {
		files, err := markdown.Files(b, markdown.Options{Numbered: true})
		if err != nil {
			t.Fatal(err)
		}
		var srcs []parse.Source
		for _, f := range files {
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, parse.Source{Name: f.Name, Data: buf.Bytes()})
		}
		for _, c := range configs {
			// The words the unit was read with, beside the files.
			srcs = append(srcs, parse.Source{Name: path.Base(c.Name), Data: c.Data})
		}
		got, _ := parse.Parse(srcs...)
		if diff := cmp.Diff(b, got, equal); diff != "" {
			t.Errorf("%s: parse(render(bank)) differs (-bank +parsed):\n%s", name, diff)
		}
	})
}
