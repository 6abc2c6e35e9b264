package bank

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestClean(t *testing.T) {
	tests := map[string]string{
		"plain ASCII\twith tab\n":       "plain ASCII\twith tab\n",
		"Crème — ✅ 🤝🏽 ╔═╗":              "Crème — ✅ 🤝🏽 ╔═╗",
		"a\r\nb\rc":                     "a\nb\nc",
		"bell\x07 and \x1b[0m del\x7f":  "bell and [0m del",
		"bad \xff\xfe bytes":            "bad \uFFFD bytes",
		"Cafe\u0301":                    "Café", // decomposed → NFC
		"\u00A0nbsp and \u0085 C1 kept": "\u00A0nbsp and \u0085 C1 kept",
	}
	for in, want := range tests {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeAndCheck(t *testing.T) {
	b := small()
	q := &b.Topics[0].Questions[0]
	q.Prompt = "Why\r\nnot?\x00"
	q.Gaps[0].Phrasing = "Cafe\u0301"
	b.Plan[0].Fields = []Field{{Name: "Week", Value: "3\x01"}}
	b.AssignIDs()
	var warned int
	for _, d := range b.Check().Warnings() {
		if strings.Contains(d.Msg, "not clean") {
			warned++
		}
	}
	if warned != 3 {
		t.Errorf("Check warned about %d unclean items, want 3 (prompt, gap, plan row)", warned)
	}
	b.Normalize()
	if q.Prompt != "Why\nnot?" || q.Gaps[0].Phrasing != "Café" || b.Plan[0].Fields[0].Value != "3" {
		t.Errorf("Normalize left %q, %q, %q", q.Prompt, q.Gaps[0].Phrasing, b.Plan[0].Fields[0].Value)
	}
	for _, d := range b.Check() {
		if strings.Contains(d.Msg, "not clean") {
			t.Errorf("after Normalize: %s", d)
		}
	}
}

// TestCheckNormalized checks that CheckNormalized reports what Check
// does, but for unclean text, which it leaves to Normalize.
func TestCheckNormalized(t *testing.T) {
	b := small()
	b.Topics[0].Questions[0].Prompt = "Why\r\nnot?"
	b.Topics[0].Questions[1].Answer = nil
	b.AssignIDs()
	var want []string
	for _, d := range b.Check() {
		if !strings.Contains(d.Msg, "not clean") {
			want = append(want, d.String())
		}
	}
	if len(want) == len(b.Check()) {
		t.Fatal("Check found no unclean text to leave out")
	}
	var got []string
	for _, d := range b.CheckNormalized() {
		got = append(got, d.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckNormalized (-want +got):\n%s", diff)
	}
}
