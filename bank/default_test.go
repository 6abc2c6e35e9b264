package bank_test

import (
	"bytes"
	"testing"

	"github.com/bankgen/bankgen/internal/goldentest"
	"github.com/bankgen/bankgen/internal/shipped"
)

// TestDefaultIsTheShippedBank compares what parsing the shipped sources
// gives with bank.json, the file Default embeds. After a change to the
// sources or the parser, "go test ./bank -run TestDefault -update"
// rewrites it; review the diff before committing.
func TestDefaultIsTheShippedBank(t *testing.T) {
	var parsed bytes.Buffer
	if err := shipped.Bank(t).WriteJSON(&parsed); err != nil {
		t.Fatal(err)
	}
	goldentest.Compare(t, "bank.json", parsed.Bytes())
}
