package parse

import (
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"
)

// TestRepairWarnings: a file read as it is meant to be read (a BOM, CRLF
// line endings, UTF-16) gets no warning; a repaired one gets one naming the
// command that lists each repair; a place repaired with doubt gets one at
// its position.
func TestRepairWarnings(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []string // substrings of the warnings, in order
	}{
		{"BOM", "\uFEFF# Notes\n\nCafé — ok.\n", nil},
		{"CRLF", "# Notes\r\n\r\nCafé — ok.\r\n", nil},
		{"UTF-16", "\xff\xfe#\x00 \x00N\x00\n\x00", nil},
		{"repaired", "# Notes â€” Kafka\n\nItâ€™s done âœ….\n", []string{
			"notes.md:1:1: warning: encoding repaired (encoding utf-8, LF line endings; 3 mojibake, 0 rebuilt, 0 undecodable, 0 suspect); run `bankgen fix --report notes.md` to see each repair",
		}},
		{"doubtful rebuild left as it is", "# Notes â€” Kafka\n\nCPU > 80% â—\n", []string{
			"encoding repaired",
			`notes.md:3:11: warning: encoding: suspect via windows-1252: "â—" left as is, may be `,
		}},
		{"ambiguous rebuild", "# Ð—Ð°Ð¼ÐµÑ‚ÐºÐ¸ â€” Kafka\n\nÐ\u00adÑ‚Ð¾ Ð±Ñ‹Ð»Ð¾ 12 Ð°Ð¿Ñ€ÐµÐ»Ñ, Ñ Ð¿Ð¾Ð¼Ð½ÑŽ.\n", []string{
			"encoding repaired",
			`notes.md:3:36: warning: encoding: rebuilt via windows-1252: "Ð°Ð¿Ñ€ÐµÐ»Ñ" → `,
			`notes.md:3:61: warning: encoding: rebuilt via windows-1252: "Ñ" → `,
		}},
		{"undecodable", "# Notes — x\n\nbad \xff byte\n", []string{
			`notes.md:3:5: warning: encoding: undecodable bytes "\xff" read as U+FFFD`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags bank.Diagnostics
			out, _ := repair("notes.md", []byte(tt.data), &diags)
			if strings.ContainsRune(string(out), '\uFEFF') || strings.Contains(string(out), "\r") {
				t.Errorf("output %q keeps a BOM or a CR", out)
			}
			if len(diags) != len(tt.want) {
				t.Fatalf("%d warnings, want %d:\n%s", len(diags), len(tt.want), diags.String())
			}
			for i, w := range tt.want {
				if got := diags[i].String(); !strings.Contains(got, w) {
					t.Errorf("warning %d = %q, want it to hold %q", i, got, w)
				}
			}
		})
	}
}

// shellQuote keeps plain paths as they are and quotes the rest.
func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"source/notes.md":   "source/notes.md",
		"my notes/kafka.md": `'my notes/kafka.md'`,
		"it's.md":           `'it'\''s.md'`,
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestRepairPositions: positions in the repaired text map back to the
// line and column of the file as the user sees it, past the repairs
// earlier on the line, a byte-order mark and CRLF line endings.
func TestRepairPositions(t *testing.T) {
	for _, in := range []string{
		"# Notes â€” Kafka\n\nItâ€™s done âœ… and open.\n",
		"\uFEFF# Notes â€” Kafka\r\n\r\nItâ€™s done âœ… and open.\r\n",
		"# Notes — Kafka\n\nIt’s done \xff and open.\n",
	} {
		var diags bank.Diagnostics
		out, at := repair("notes.md", []byte(in), &diags)
		if at == nil {
			t.Fatalf("%q: no position map", in)
		}
		off := strings.Index(string(out), "open")
		line, col := at(off)
		lines := strings.Split(strings.TrimPrefix(in, "\uFEFF"), "\n")
		if line != 3 || !strings.HasPrefix(lines[2][col-1:], "open") {
			t.Errorf("%q: \"open\" at %d:%d", in, line, col)
		}
	}
	var diags bank.Diagnostics
	if _, at := repair("notes.md", []byte("# Notes — Kafka\n"), &diags); at != nil {
		t.Error("clean text got a position map")
	}
}
