package bank

import (
	"bytes"
	_ "embed"
	"fmt"
)

// The bank of the sources that ship with bankgen, as JSON, so that this
// package can offer it without depending on the parser. A test of this
// package fails when it no longer matches what parsing the sources
// gives; "go test ./bank -run TestDefault -update" rewrites it.
//
//go:embed bank.json
var shipped []byte

// Default returns the bank built from the sources that ship with
// bankgen: a Kubernetes concept guide and mock interview. Each call
// returns a new Bank that the caller owns and may change, so Default is
// safe for concurrent use.
func Default() *Bank {
	b, err := Load(bytes.NewReader(shipped))
	if err != nil {
		// The JSON is generated and checked by tests; failing to read it
		// is a broken build, not a runtime condition.
		panic(fmt.Sprintf("bank: the embedded default bank is unreadable: %v", err))
	}
	return b
}
