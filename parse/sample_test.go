package parse

import (
	"strings"
	"testing"
)

func TestYAMLKinds(t *testing.T) {
	tests := []struct {
		code    string
		kinds   []string
		line    int
		wantErr bool
	}{
		{"apiVersion: v1\nkind: Pod\n", []string{"Pod"}, 0, false},
		{"kind: Service\n---\nkind: Deployment\n", []string{"Service", "Deployment"}, 0, false},
		{"- a\n- b\n", nil, 0, false},
		{"spec:\n  replicas: 1\n  replicas: 2\n", nil, 3, true},
		// yaml.v3 places this error where the broken mapping starts.
		{"kind: Pod\nmetadata:\n  name: [unclosed\n", nil, 2, true},
	}
	for _, tt := range tests {
		kinds, line, err := yamlKinds(tt.code)
		if (err != nil) != tt.wantErr || line != tt.line || len(kinds) != len(tt.kinds) {
			t.Errorf("yamlKinds(%q) = %v, line %d, %v; want %v, line %d, error %v", tt.code, kinds, line, err, tt.kinds, tt.line, tt.wantErr)
			continue
		}
		for i := range kinds {
			if kinds[i] != tt.kinds[i] {
				t.Errorf("yamlKinds(%q) kinds = %v, want %v", tt.code, kinds, tt.kinds)
			}
		}
	}
}

// TestNestedBlocksKeepText: a table or an HTML block inside a list item
// or a quote keeps its text (found by the Markdown round-trip fuzzer).
func TestNestedBlocksKeepText(t *testing.T) {
	tests := []struct{ md, want string }{
		{"- head\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n", "head\na | b\n1 | 2"},
		{"> | a | b |\n> |---|---|\n> | 1 | 2 |\n", "a | b\n1 | 2"},
		{"- a\n\n  <div>x</div>\n", "a\n<div>x</div>"},
	}
	for _, tt := range tests {
		src := "## Question 1 — Warm Up\n\n**\"Q?\"**\n\n# Model Answer\n\n" + tt.md
		b, _ := Parse(Source{Name: "n.md", Data: []byte(src)})
		a := b.Topics[0].Questions[0].Answer
		var got string
		if a[0].Kind == "list" {
			got = a[0].Items[0]
		} else {
			got = a[0].Text
		}
		if got != tt.want {
			t.Errorf("%q: text %q, want %q", tt.md, got, tt.want)
		}
	}
}

// TestNULBecomesReplacementCharacter: CommonMark replaces U+0000 with
// U+FFFD; a NUL from a decoded UTF-16 file must not reach the bank.
func TestNULBecomesReplacementCharacter(t *testing.T) {
	src := []byte{0xff, 0xfe}
	for _, r := range "# Go\n\n**T** — a\x00b\n" {
		src = append(src, byte(r), byte(r>>8))
	}
	b, diags := Parse(Source{Name: "u.md", Data: src})
	if got := b.Topics[0].Guide[0].Definition; got != "a\ufffdb" {
		t.Errorf("definition %q, want %q", got, "a\ufffdb")
	}
	found := false
	for _, d := range diags {
		found = found || (d.Pos.Line == 3 && strings.Contains(d.Msg, "NUL"))
	}
	if !found {
		t.Errorf("no warning at line 3 about the NUL: %v", diags)
	}
}
