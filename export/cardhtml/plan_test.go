package cardhtml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"
)

// planBank has one of each card, and the cases that make none: a
// question whose answer has one titled section, a gap without a
// phrasing, a term without a definition.
func planBank() *bank.Bank {
	b := &bank.Bank{Topics: []bank.Topic{{
		Name: "Kubernetes",
		Guide: []bank.Term{
			{Term: "Pod", Definition: "The smallest deployable unit."},
			{Term: "Node"},
			{Term: "Service", Definition: "A stable address.", Pin: "svc"},
		},
		Questions: []bank.Question{{
			Number: 2, Level: bank.SteppingUp, Prompt: "Pods and Services?",
			Answer: []bank.Block{
				{Kind: bank.KindParagraph, Text: "Intro."},
				{Kind: bank.KindHeading, Level: 2, Text: "Pod — the atomic unit:"},
				{Kind: bank.KindParagraph, Text: "A pod wraps containers."},
				{Kind: bank.KindHeading, Level: 2, Text: "Service"},
				{Kind: bank.KindParagraph, Text: "A service selects pods."},
			},
			Gaps: []bank.Gap{
				{Title: "Missing labels.", Detail: "Services select by label.", Phrasing: "A Service selects pods by label."},
				{Title: "Missing probes.", Detail: "Readiness gates traffic."},
			},
			Diagrams: []bank.Diagram{{Title: "Labels", Art: "a─b"}, {Art: "c─d"}},
		}, {
			Prompt: "One section?",
			Answer: []bank.Block{
				{Kind: bank.KindHeading, Level: 2, Text: "Only"},
				{Kind: bank.KindParagraph, Text: "Text."},
			},
		}},
	}}}
	b.AssignIDs()
	return b
}

// TestPlan lists the cards of a small bank: which exist, in which
// order, keyed how and titled how.
func TestPlan(t *testing.T) {
	var got strings.Builder
	for _, c := range Plan(planBank()) {
		fmt.Fprintf(&got, "%s %s %q pinned=%v\n", c.Kind, c.ID, c.Title, c.Pinned)
	}
	want := `question kubernetes/q2 "Q2 · Pods and Services?" pinned=false
section kubernetes/q2/sections/pod-the-atomic-unit "Q2 · Pod — the atomic unit" pinned=false
section kubernetes/q2/sections/service "Q2 · Service" pinned=false
gap kubernetes/q2/gaps/missing-labels "Missing labels." pinned=false
phrasing kubernetes/q2/gaps/missing-labels/phrasing "Say it: Missing labels." pinned=false
gap kubernetes/q2/gaps/missing-probes "Missing probes." pinned=false
diagram kubernetes/q2/diagrams/labels "Q2 · Labels" pinned=false
diagram kubernetes/q2/diagrams/diagram "Q2 · Diagram 2" pinned=false
question kubernetes/q0 "Q · One section?" pinned=false
concept kubernetes/terms/pod "Pod" pinned=false
concept kubernetes/terms/node "Node" pinned=false
concept kubernetes/terms/svc "Service" pinned=true
reverse kubernetes/terms/pod/reverse "Pod (reverse)" pinned=false
reverse kubernetes/terms/svc/reverse "Service (reverse)" pinned=true
`
	if got.String() != want {
		t.Errorf("Plan =\n%s\nwant\n%s", got.String(), want)
	}
}

// TestFaces renders one card of each kind: what its front asks and
// what its back holds.
func TestFaces(t *testing.T) {
	r := New(Options{})
	got := map[string]Faces{}
	for _, c := range Plan(planBank()) {
		if _, ok := got[c.Kind.String()]; !ok {
			got[c.Kind.String()] = r.Faces(&c)
		}
	}
	for _, tt := range []struct {
		kind string
		want Faces
	}{
		{"question", Faces{Chip: "Interview question", Front: "Pods and Services?", Heading: "Key points",
			Back: `<p class="bg-lead">Intro.</p><ul class="bg-outline"><li><b>Pod — the atomic unit</b> — A pod wraps containers.</li><li><b>Service</b> — A service selects pods.</li></ul>`,
			More: []Fold{
				{"Full model answer", "<p>Intro.</p>\n<h4>Pod — the atomic unit:</h4>\n<p>A pod wraps containers.</p>\n<h4>Service</h4>\n<p>A service selects pods.</p>\n"},
				{"Say it like this", `<ul class="bg-say"><li><b>Missing labels.</b><div class="bg-phrasing">A Service selects pods by label.</div></li><li><b>Missing probes.</b></li></ul>`},
				{"Diagrams", `<div class="bg-cap">Labels</div><pre class="bg-pre bg-art">` + "\na─b</pre>\n" + `<div class="bg-cap">Diagram 2</div><pre class="bg-pre bg-art">` + "\nc─d</pre>\n"},
				{"What you nailed", ""},
			}}},
		{"section", Faces{Chip: "Answer section", Ask: "Recall this part of the answer:", Front: "Pod — the atomic unit",
			Context: "Pods and Services?", Back: "<p>A pod wraps containers.</p>\n"}},
		{"gap", Faces{Chip: "Gap drill", Ask: "Explain in your own words:", Front: "Missing labels.", Context: "Pods and Services?",
			Back: "Services select by label.", Phrasing: "A Service selects pods by label."}},
		{"phrasing", Faces{Chip: "Say it like this", Ask: "Say it like this:", Front: "Missing labels.", Context: "Pods and Services?",
			Back: `<div class="bg-phrasing">A Service selects pods by label.</div>`}},
		{"diagram", Faces{Chip: "Sketch the diagram", Ask: "Sketch the diagram:", Front: "Labels", Context: "Pods and Services?",
			Back: `<pre class="bg-pre bg-art">` + "\na─b</pre>"}},
		{"concept", Faces{Chip: "Concept", Front: "Pod", Back: "The smallest deployable unit."}},
		{"reverse", Faces{Chip: "Which term?", Ask: "Which term is this?", Front: "The smallest deployable unit.",
			Back: `<div class="bg-prompt">Pod</div>`}},
	} {
		if g := got[tt.kind]; fmt.Sprintf("%#v", g) != fmt.Sprintf("%#v", tt.want) {
			t.Errorf("%s faces =\n%#v\nwant\n%#v", tt.kind, g, tt.want)
		}
	}
}
