package pdf

import (
	"testing"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
)

var fixedDate = time.Date(2025, 11, 24, 7, 6, 0, 0, time.UTC)

func mustFiles(t testing.TB, b *bank.Bank, opts Options) []export.File {
	t.Helper()
	fs, err := Files(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}
