// Package bankjson exports a bank as bankgen/v1 JSON, the form other apps
// read and bank.Load reads back. (It is not named json so that it does
// not shadow encoding/json in the files that import both.)
package bankjson

import (
	"io"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
)

// FileName is the name of the file Files produces.
const FileName = "bank.json"

// Files returns the one file of the JSON export: bank.json, counted in
// questions.
func Files(b *bank.Bank) []export.File {
	n := 0
	for _, t := range b.Topics {
		n += len(t.Questions)
	}
	return []export.File{{
		Name:  FileName,
		Items: n,
		Write: func(w io.Writer) error { return b.WriteJSON(w) },
	}}
}
