// Package shipped gives tests the sources that ship with bankgen and the
// bank they parse into. Only tests import it.
package shipped

import (
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse"
	"github.com/bankgen/bankgen/source"
)

// Sources returns the Markdown files embedded in bankgen.
func Sources(t testing.TB) []parse.Source {
	t.Helper()
	srcs, err := parse.ReadFS(source.FS, "source/")
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no shipped sources (%v)", err)
	}
	return srcs
}

// Bank returns the bank parsed from the shipped sources, failing the
// test if they have errors.
func Bank(t testing.TB) *bank.Bank {
	t.Helper()
	b, diags := parse.Parse(Sources(t)...)
	if err := diags.Err(); err != nil {
		t.Fatalf("the shipped sources have errors:\n%v", err)
	}
	return b
}
