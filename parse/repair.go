package parse

import (
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/fix"
)

// repair runs the encoding repair on a file before parsing. A repaired
// file gets one warning naming the command that lists each repair; each
// place it could not repair, or repaired with doubt, gets a warning of its
// own at its position. Reading a UTF-8 BOM, UTF-16 or CRLF line endings is
// not a repair and gets none.
//
// Bytes that are not UTF-8 in any encoding the repair knows become
// U+FFFD, one per run of them, so that the bank holds valid text: JSON,
// XML and PDF writers would each mangle it their own way, and a bank
// written as JSON would not read back the same.
//
// at maps a byte offset of the text it returns to the line and column of
// the file as the user sees it (the repair changes the lengths of the
// lines it repairs), or is nil when the two are the same.
func repair(name string, data []byte, diags *bank.Diagnostics) (text []byte, at func(off int) (line, col int)) {
	out, r := fix.Bytes(data, fix.NormalizeNewlines(), fix.ReplaceInvalid())
	if r.Changed {
		at = r.Position
	}
	if r.Repaired() {
		diags.Add(bank.Pos{File: name, Line: 1, Col: 1}, bank.Warning,
			"encoding repaired (%s); run `bankgen fix --report %s` to see each repair", r.Summary(), shellQuote(name))
	}
	for _, p := range r.Flagged() {
		pos := bank.Pos{File: name, Line: p.Line, Col: p.Col}
		switch {
		case p.Kind == fix.Undecodable:
			diags.Add(pos, bank.Warning, "encoding: undecodable bytes %q read as U+FFFD", p.Damaged)
		case p.IsSuspect():
			diags.Add(pos, bank.Warning, "encoding: %s", p.Describe())
		}
	}
	return out, at
}

// shellQuote quotes name for a POSIX shell when it needs quoting.
func shellQuote(name string) string {
	for _, c := range name {
		if !(c == '/' || c == '.' || c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "'" + strings.ReplaceAll(name, "'", `'\''`) + "'"
		}
	}
	return name
}
