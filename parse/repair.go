package parse

import (
	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/fix"
)

// repair runs the encoding repair on a file before parsing. It reports a
// changed file in one warning (`bankgen fix` lists every repair) and
// each place it could not repair in a warning of its own.
func repair(name string, data []byte, diags *bank.Diagnostics) []byte {
	out, r := fix.Bytes(data, fix.NormalizeNewlines(), fix.Brief())
	if r.Changed {
		diags.Add(bank.Pos{File: name, Line: 1, Col: 1}, bank.Warning,
			"encoding repaired (%s); run `bankgen fix %s` to see each repair", r.Summary(), name)
	}
	for _, p := range r.Repairs {
		if p.Kind == fix.Undecodable || p.Kind == fix.Suspect {
			diags.Add(bank.Pos{File: name, Line: p.Line, Col: p.Col}, bank.Warning,
				"encoding: %s text %q left as it is", p.Kind, p.Damaged)
		}
	}
	return out
}
