// Package markdown_test checks the Markdown export end to end on the
// bank of the shipped sources (../bank.json): the files it writes, byte
// for byte, against the reviewed copies in this directory, and that
// parsing those copies gives the bank back, which makes them the
// repaired, normalised sources. Run "go test ./golden/markdown -update"
// to rewrite them, and review the diff before committing it.
package markdown_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/bankgen/bankgen/internal/goldentest"
	"github.com/bankgen/bankgen/internal/shipped"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/markdown"
	"github.com/bankgen/bankgen/parse"
)

// export renders every file of the shipped bank's export.
func export(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := markdown.Files(shipped.Bank(t), markdown.Options{})
	return goldentest.Render(t, files, err)
}

// TestFiles compares each exported file with its golden copy, and wants
// no golden copy that the export no longer writes.
func TestFiles(t *testing.T) {
	got := export(t)
	if len(got) != 2 || got["kubernetes.md"] == nil || got["plan.md"] == nil {
		t.Fatalf("want kubernetes.md and plan.md, got %d files", len(got))
	}
	for name, data := range got {
		goldentest.Compare(t, name, data)
	}
	names, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if got[n] == nil {
			t.Errorf("%s is not written by the export any more; delete it", n)
		}
	}
}

// TestParseBack parses the golden Markdown files as sources: they must
// give the shipped bank back, with no diagnostics at all: the sources'
// closing chat lines are notes, not content misplaced among diagrams.
func TestParseBack(t *testing.T) {
	names, err := filepath.Glob("*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	var srcs []parse.Source
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, parse.Source{Name: n, Data: data})
	}
	got, diags := parse.Parse(srcs...)
	want := shipped.Bank(t)
	if diff := cmp.Diff(want, got, cmpopts.IgnoreTypes(bank.Pos{}), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("parsing the golden files differs from ../bank.json (-want +got):\n%s", diff)
	}
	if len(diags) != 0 {
		t.Errorf("want no diagnostics, got:\n%v", diags)
	}
}

// TestDeterministic exports twice and wants the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := export(t), export(t)
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two exports of one bank", name)
		}
	}
}
