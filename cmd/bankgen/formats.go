package main

import (
	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
	jsonexport "github.com/bankgen/bankgen/export/json"
)

// exportOptions are the export command's settings that formats read.
type exportOptions struct {
	src *sources
}

// format is one output format the export command offers. Formats are
// listed, and run, in name order.
type format struct {
	name  string // the flag that selects it: --json
	usage string
	files func(b *bank.Bank, o *exportOptions) ([]export.File, error)
}

var formats = []format{
	{
		name:  "json",
		usage: "write bank.json (schema bankgen/v1)",
		files: func(b *bank.Bank, _ *exportOptions) ([]export.File, error) {
			return jsonexport.Files(b), nil
		},
	},
}
