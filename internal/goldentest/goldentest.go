// Package goldentest holds what bankgen's golden tests share: the
// -update flag, comparing an output with its golden file, the bank of the
// shipped sources, and rendering an exporter's files. Only tests import
// it.
package goldentest

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
	"github.com/bankgen/bankgen/parse"
	"github.com/bankgen/bankgen/source"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// Update reports whether the test run was asked to rewrite golden files.
func Update() bool { return *update }

// Compare checks got against the golden file at path or, with -update,
// rewrites the file. A rewritten file must be reviewed before it is
// committed.
func Compare(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update, then review the file)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the output (-want +got):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}

// ShippedSources returns the Markdown files embedded in bankgen.
func ShippedSources(t testing.TB) []parse.Source {
	t.Helper()
	srcs, err := parse.ReadFS(source.FS, "source/")
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no shipped sources (%v)", err)
	}
	return srcs
}

// Shipped returns the bank parsed from the shipped sources, failing the
// test if they have errors.
func Shipped(t testing.TB) *bank.Bank {
	t.Helper()
	b, diags := parse.Parse(ShippedSources(t)...)
	if err := diags.Err(); err != nil {
		t.Fatalf("the shipped sources have errors:\n%v", err)
	}
	return b
}

// Render writes each of an exporter's files into memory, by name.
func Render(t testing.TB, files []export.File, err error) map[string][]byte {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string][]byte, len(files))
	for _, f := range files {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = buf.Bytes()
	}
	return out
}
