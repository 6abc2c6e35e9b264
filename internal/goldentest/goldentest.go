// Package goldentest holds what bankgen's golden tests share: the one
// -update flag, comparing an output with its golden file, and rendering
// an exporter's files into memory. Only tests import it.
//
// "go test ./... -update" passes -update to every test binary, and a
// binary that does not define the flag fails; a package whose tests have
// no golden file imports this one for its flag:
//
//	import _ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
//
// It imports nothing of bankgen but the export package, so that the
// tests of any package, the exporters' and the parser's included, can
// use it.
package goldentest

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/bankgen/bankgen/export"
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
