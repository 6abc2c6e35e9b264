package bank

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCaption(t *testing.T) {
	tests := []struct {
		s    Sample
		want string
	}{
		{Sample{File: "pod.yaml", Kinds: []string{"Pod"}, Lang: "yaml"}, "pod.yaml"},
		{Sample{Kinds: []string{"Deployment", "Service"}, Lang: "yaml"}, "Deployment, Service"},
		{Sample{Lang: "bash"}, "bash"},
		{Sample{}, ""},
	}
	for _, tt := range tests {
		if got := tt.s.Caption(); got != tt.want {
			t.Errorf("%+v.Caption() = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// answerQuestion has an intro, two top-level sections with a deeper
// sub-heading in the first, a placed sample, a dangling reference and a
// sample the answer never places.
func answerQuestion() *Question {
	return &Question{
		Answer: []Block{
			{Kind: KindParagraph, Text: "Intro. More."},
			{Kind: KindHeading, Level: 2, Text: "Pod — the atomic unit"},
			{Kind: KindParagraph, Text: "A pod wraps containers, e.g. a sidecar. It is scheduled as one."},
			{Kind: KindHeading, Level: 4, Text: "YAML:"},
			{Kind: KindSample, Sample: 0},
			{Kind: KindSample, Sample: 7},
			{Kind: KindHeading, Level: 2, Text: "Service"},
			{Kind: KindList, Items: []string{"Stable IP!  Load balanced.", "DNS name"}},
		},
		Samples: []Sample{{Lang: "yaml", Code: "kind: Pod"}, {Lang: "bash", Code: "kubectl get pods", Pos: Pos{Line: 9}}},
	}
}

func TestModelAnswer(t *testing.T) {
	q := answerQuestion()
	type part struct {
		Kind   BlockKind
		Text   string
		Sample string
	}
	var got []part
	for p := range q.ModelAnswer() {
		x := part{Kind: p.Block.Kind, Text: p.Block.Text}
		if p.Sample != nil {
			x.Sample = p.Sample.Code
		}
		if (p.Sample != nil) != (p.Block.Kind == KindSample) {
			t.Errorf("part %+v: Sample set for the wrong kind", x)
		}
		got = append(got, x)
	}
	want := []part{
		{KindParagraph, "Intro. More.", ""},
		{KindHeading, "Pod — the atomic unit", ""},
		{KindParagraph, "A pod wraps containers, e.g. a sidecar. It is scheduled as one.", ""},
		{KindHeading, "YAML:", ""},
		{KindSample, "", "kind: Pod"},
		{KindHeading, "Service", ""},
		{KindList, "", ""},
		{KindSample, "", "kubectl get pods"}, // never placed: at the end
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ModelAnswer (-want +got):\n%s", diff)
	}
}

func TestAnswerSections(t *testing.T) {
	q := answerQuestion()
	type section struct {
		Title string
		Parts int
		Lead  string
	}
	var got []section
	for _, s := range q.AnswerSections() {
		got = append(got, section{s.Title, len(s.Parts), s.Lead()})
	}
	want := []section{
		{"", 1, "Intro."},
		{"Pod — the atomic unit", 3, "A pod wraps containers, e.g. a sidecar."},
		{"Service", 2, "Stable IP!"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AnswerSections (-want +got):\n%s", diff)
	}
	if s := (&Question{}).AnswerSections(); len(s) != 0 {
		t.Errorf("an empty answer has sections: %+v", s)
	}
}

func TestAnswerSectionIDs(t *testing.T) {
	q := &Question{ID: "k8s/q2", Answer: []Block{
		{Kind: KindParagraph, Text: "Intro."},
		{Kind: KindHeading, Level: 2, Text: "Pod — the atomic unit:"},
		{Kind: KindHeading, Level: 2, Text: "Example"},
		{Kind: KindHeading, Level: 3, Text: "Deeper"},
		{Kind: KindHeading, Level: 2, Text: "Example:"},
		{Kind: KindHeading, Level: 2, Text: " example "},
	}}
	var got []string
	for _, s := range q.AnswerSections() {
		got = append(got, s.ID)
	}
	want := []string{"", "k8s/q2/sections/pod-the-atomic-unit", "k8s/q2/sections/example",
		"k8s/q2/sections/example-2", "k8s/q2/sections/example-3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("section IDs (-want +got):\n%s", diff)
	}
}

func TestFirstSentence(t *testing.T) {
	tests := map[string]string{
		"One. Two.":                        "One.",
		"No end":                           "No end",
		"Version 1.2 ships. Later more.":   "Version 1.2 ships.",
		"Use kubectl (i.e. the CLI). Then": "Use kubectl (i.e. the CLI).",
		"Why? Because.":                    "Why?",
		"First line\nsecond line.":         "First line",
		"ポッドは最小単位です。次に":                    "ポッドは最小単位です。",
		"": "",
	}
	for in, want := range tests {
		if got := FirstSentence(in); got != want {
			t.Errorf("FirstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
