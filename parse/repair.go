package parse

import (
	"bytes"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/fix"
)

// repair runs the encoding repair on a file before parsing. It reports a
// changed file in one warning (`bankgen fix` lists every repair) and
// each place it could not repair in a warning of its own.
//
// Bytes that are not UTF-8 in any encoding the repair knows stay in its
// output; here each run of them becomes U+FFFD, so that the bank holds
// valid text: JSON, XML and PDF writers would each mangle it their own
// way, and a bank written as JSON would not read back the same.
func repair(name string, data []byte, diags *bank.Diagnostics) []byte {
	out, r := fix.Bytes(data, fix.NormalizeNewlines(), fix.Brief())
	if r.Changed {
		diags.Add(bank.Pos{File: name, Line: 1, Col: 1}, bank.Warning,
			"encoding repaired (%s); run `bankgen fix %s` to see each repair", r.Summary(), name)
	}
	undecodable := false
	for _, p := range r.Repairs {
		pos := bank.Pos{File: name, Line: p.Line, Col: p.Col}
		switch p.Kind {
		case fix.Undecodable:
			undecodable = true
			diags.Add(pos, bank.Warning, "encoding: undecodable bytes %q read as U+FFFD", p.Damaged)
		case fix.Suspect:
			diags.Add(pos, bank.Warning, "encoding: suspect text %q left as it is", p.Damaged)
		}
	}
	// fix.Bytes keeps invalid bytes only where it reports them as
	// Undecodable (Brief still lists those), so clean files, nearly all
	// of them, skip a second pass over the whole text.
	if undecodable && !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out
}
