package sheet

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
)

func TestFormulaLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"=1+1", true},
		{"+1", true},
		{"-1", true},
		{"@SUM(A1)", true},
		{"\tx", true},
		{"\rx", true},
		{hostileFormula, true},
		{"", false},
		{"a=1", false},
		{" =1", false},
		{"'=1", false},
		{"\n=1", false},
		{"＝1", false}, // fullwidth: not a formula in Excel or LibreOffice
		{hostileScript, false},
	}
	for _, tt := range tests {
		if got := formulaLike(tt.in); got != tt.want {
			t.Errorf("formulaLike(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCellText(t *testing.T) {
	tests := []struct {
		in, want string
		risky    bool
	}{
		{"plain", "plain", false},
		{"=1+1", "=1+1", true},
		{"a\x00b\x1fc", "abc", false}, // bank.Clean drops controls
		{"tab\tnew\nline", "tab\tnew\nline", false},
		{"crlf\r\nlone\rcr", "crlf\nlone\ncr", false},
		{"\r=1+1", "\n=1+1", true}, // risky as received, still flagged
		{"bad\xffutf8", "bad\uFFFDutf8", false},
		{"nonchar\uFFFE\uFFFF", "nonchar\uFFFD\uFFFD", false},
		{"🎯🐍 ✅", "🎯🐍 ✅", false},
		{"del\x7f", "del", false},
	}
	for _, tt := range tests {
		got, risky := cellText(tt.in)
		if got != tt.want || risky != tt.risky {
			t.Errorf("cellText(%q) = %q, %v; want %q, %v", tt.in, got, risky, tt.want, tt.risky)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		limit int
		cut   bool
	}{
		{"fits", strings.Repeat("a", 100), 100, false},
		{"ascii", strings.Repeat("a", 101), 100, true},
		{"astral fits", strings.Repeat("🎯", 50), 100, false},
		{"astral", strings.Repeat("🎯", 51), 100, true},
		{"mixed at the edge", strings.Repeat("a", 59) + strings.Repeat("🎯", 30), 100, true},
		{"max cell", strings.Repeat("é", MaxCell+1), MaxCell, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clip(tt.in, tt.limit)
			if !utf8.ValidString(got) {
				t.Fatalf("clip split a character: %q", got)
			}
			if n := utf16Len(got); n > tt.limit {
				t.Errorf("clip gave %d UTF-16 units, limit %d", n, tt.limit)
			}
			hasMarker := strings.Contains(got, "[cut by bankgen: ")
			if hasMarker != tt.cut {
				t.Errorf("marker present = %v, want %v: %q", hasMarker, tt.cut, got)
			}
			if !tt.cut && got != tt.in {
				t.Errorf("clip changed text that fits")
			}
			if tt.cut {
				kept := got[:strings.Index(got, "\n… [cut")]
				if !strings.HasPrefix(tt.in, kept) || kept == "" {
					t.Errorf("kept %q is not a prefix of the input", kept)
				}
			}
		})
	}
}

// TestAnswerText renders answers of a question with four samples: a
// sample the answer does not place still gets its pointer, at the end,
// and a reference to a sample that does not exist gets none.
func TestAnswerText(t *testing.T) {
	q := &bank.Question{
		Samples: []bank.Sample{
			{Lang: "yaml", File: "svc.yaml"},
			{Lang: "yaml", Kinds: []string{"Deployment", "Service"}},
			{Lang: "bash"},
			{},
		},
	}
	const unplaced = "\n\n[Sample svc.yaml — see the Samples sheet]\n\n" +
		"[Sample Deployment, Service — see the Samples sheet]\n\n" +
		"[Sample bash — see the Samples sheet]\n\n" +
		"[Sample #4 — see the Samples sheet]"
	tests := []struct {
		name   string
		blocks []bank.Block
		want   string
	}{
		{"empty", nil, unplaced[2:]},
		{"heading and paragraph", []bank.Block{
			{Kind: bank.KindHeading, Level: 2, Text: "Title"},
			{Kind: bank.KindParagraph, Text: "line one\nline two"},
		}, "Title\n\nline one\nline two" + unplaced},
		{"lists", []bank.Block{
			{Kind: bank.KindList, Items: []string{"a", "b"}},
			{Kind: bank.KindList, Ordered: true, Items: []string{"x", "y"}},
		}, "• a\n• b\n\n1. x\n2. y" + unplaced},
		{"table", []bank.Block{
			{Kind: bank.KindTable, Header: []string{"K", "V"}, Rows: [][]string{{"1", "2"}, {"3", "4"}}},
		}, "K | V\n1 | 2\n3 | 4" + unplaced},
		{"code, quote and rule", []bank.Block{
			{Kind: bank.KindCode, Lang: "go", Code: "x := 1\n\n"},
			{Kind: bank.KindRule},
			{Kind: bank.KindQuote, Text: "quoted"},
		}, "x := 1\n\nquoted" + unplaced},
		{"samples", []bank.Block{
			{Kind: bank.KindSample, Sample: 0},
			{Kind: bank.KindSample, Sample: 1},
			{Kind: bank.KindSample, Sample: 2},
			{Kind: bank.KindSample, Sample: 3},
			{Kind: bank.KindSample, Sample: 9},
		}, unplaced[2:]},
		{"some samples placed", []bank.Block{
			{Kind: bank.KindSample, Sample: 2},
			{Kind: bank.KindParagraph, Text: "then"},
		}, "[Sample bash — see the Samples sheet]\n\nthen\n\n" +
			"[Sample svc.yaml — see the Samples sheet]\n\n" +
			"[Sample Deployment, Service — see the Samples sheet]\n\n" +
			"[Sample #4 — see the Samples sheet]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q.Answer = tt.blocks
			if got := answerText(q); got != tt.want {
				t.Errorf("answerText = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzCellText checks what every cell's text must be: valid UTF-8, only
// characters XML allows, no CR, within MaxCell, flagged when a
// spreadsheet could read it as a formula, and unchanged when it was
// already fine.
func FuzzCellText(f *testing.F) {
	for _, s := range []string{"", "plain", hostileFormula, "\r=1", "a\x00b", "🎯", "\xff", strings.Repeat("é", 40000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, risky := cellText(s)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8: %q", got)
		}
		for _, r := range got {
			if r == '\r' || r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
				t.Fatalf("character %U left in %q", r, got)
			}
		}
		if n := utf16Len(got); n > MaxCell || risky && n > MaxCell-1 {
			t.Fatalf("%d UTF-16 units (risky %v)", n, risky)
		}
		if formulaLike(got) && !risky {
			t.Fatalf("%q is formula-like but not flagged", got)
		}
		if clean(s) == s && utf16Len(s) < MaxCell && got != s {
			t.Fatalf("clean text changed: %q -> %q", s, got)
		}
	})
}
