package bank

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// small returns a valid two-question bank.
func small() *Bank {
	pos := func(l int) Pos { return Pos{File: "k.md", Line: l, Col: 1} }
	b := &Bank{
		Topics: []Topic{{
			Name:  "Kubernetes",
			Guide: []Term{{Term: "Pod", Definition: "the smallest unit", Pos: pos(1)}, {Term: "Node", Definition: "a machine", Pos: pos(2)}},
			Questions: []Question{
				{Number: 1, Level: WarmUp, Prompt: "What is Kubernetes?", Pos: pos(10),
					Strengths: []Strength{{Title: "Origin", Pos: pos(11)}},
					Gaps:      []Gap{{Title: "Missing pods", Detail: "say it", Phrasing: "A pod is…", Pos: pos(12)}, {Title: "Missing EKS", Pos: pos(13)}},
					Answer:    []Block{{Kind: KindParagraph, Text: "An orchestrator.", Pos: pos(14)}, {Kind: KindSample, Sample: 0, Pos: pos(15)}},
					Samples:   []Sample{{Lang: "yaml", Kinds: []string{"Pod"}, Code: "kind: Pod\n", Pos: pos(15)}},
					Diagrams:  []Diagram{{Title: "LOOP", Art: "╔═╗\n╚═╝", Pos: pos(20)}}},
				{Number: 2, Level: Lead, Prompt: "Explain services.", Pos: pos(30),
					Strengths: []Strength{{Title: "Labels", Pos: pos(31)}},
					Gaps:      []Gap{{Title: "Missing ClusterIP", Pos: pos(32)}},
					Answer:    []Block{{Kind: KindParagraph, Text: "A stable address for pods.", Pos: pos(33)}}},
			},
		}},
		Plan: []PlanEntry{{Number: 1, Topic: "Kubernetes", Status: Done}, {Number: 2, Topic: "EMR", Status: Next}},
	}
	b.AssignIDs()
	return b
}

func allIDs(b *Bank) []string {
	var ids []string
	for _, t := range b.Topics {
		ids = append(ids, t.ID)
		for _, g := range t.Guide {
			ids = append(ids, g.ID)
		}
		for _, q := range t.Questions {
			ids = append(ids, q.ID)
			for _, x := range q.Strengths {
				ids = append(ids, x.ID)
			}
			for _, x := range q.Gaps {
				ids = append(ids, x.ID)
			}
			for _, x := range q.Samples {
				ids = append(ids, x.ID)
			}
			for _, x := range q.Diagrams {
				ids = append(ids, x.ID)
			}
		}
	}
	return ids
}

func TestIDs(t *testing.T) {
	want := []string{"kubernetes", "kubernetes/terms/pod", "kubernetes/terms/node",
		"kubernetes/q1", "kubernetes/q1/strengths/origin", "kubernetes/q1/gaps/missing-pods", "kubernetes/q1/gaps/missing-eks",
		"kubernetes/q1/samples/pod", "kubernetes/q1/diagrams/loop",
		"kubernetes/q2", "kubernetes/q2/strengths/labels", "kubernetes/q2/gaps/missing-clusterip"}
	if diff := cmp.Diff(want, allIDs(small())); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
}

// TestIDsStableUnderEdits: editing one answer, explanation or phrasing,
// or adding a gap at the end, leaves every other ID as it was.
func TestIDsStableUnderEdits(t *testing.T) {
	before := allIDs(small())
	edits := map[string]func(b *Bank){
		"answer":   func(b *Bank) { b.Topics[0].Questions[0].Answer[0].Text = "Rewritten completely." },
		"phrasing": func(b *Bank) { b.Topics[0].Questions[0].Gaps[0].Phrasing = "New words." },
		"detail":   func(b *Bank) { b.Topics[0].Questions[1].Gaps[0].Detail = "More." },
		"prompt":   func(b *Bank) { b.Topics[0].Questions[1].Prompt = "Explain Services in depth." },
		"definition": func(b *Bank) {
			b.Topics[0].Guide[0].Definition = "a wrapper around containers"
		},
	}
	for name, edit := range edits {
		b := small()
		edit(b)
		b.AssignIDs()
		if diff := cmp.Diff(before, allIDs(b)); diff != "" {
			t.Errorf("editing the %s changed IDs (-before +after):\n%s", name, diff)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Kubernetes":                            "kubernetes",
		"Missing the Pod concept specifically.": "missing-the-pod-concept-specifically",
		`"Smart manager for your app's boxes"`:  "smart-manager-for-your-apps-boxes",
		"THE CORE — DESIRED STATE ✅":            "the-core-desired-state",
		"NoSQL — MongoDB":                       "nosql-mongodb",
		"Café crème":                            "café-crème",
		"../../etc/passwd":                      "etc-passwd",
		"✅ 🎯":                                   "",
		"A very long title that goes on and on well past the limit of slugs": "a-very-long-title-that-goes-on-and-on-well-past",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDuplicateKeysGetSuffixes(t *testing.T) {
	b := small()
	q := &b.Topics[0].Questions[0]
	q.Gaps = append(q.Gaps, Gap{Title: "Missing pods!"}, Gap{Title: "missing PODS"})
	b.AssignIDs()
	got := []string{q.Gaps[0].ID, q.Gaps[2].ID, q.Gaps[3].ID}
	want := []string{"kubernetes/q1/gaps/missing-pods", "kubernetes/q1/gaps/missing-pods-2", "kubernetes/q1/gaps/missing-pods-3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCheckReportsEverythingAtOnce(t *testing.T) {
	b := small()
	q := &b.Topics[0].Questions[1]
	q.Prompt = " "
	q.Answer = nil
	b.Topics[0].Questions = append(b.Topics[0].Questions, Question{Number: 2, Prompt: "dup", Answer: []Block{{Kind: KindParagraph, Text: "x"}}, Pos: Pos{File: "k.md", Line: 40, Col: 1}})
	b.Topics[0].Questions[0].Answer = append(b.Topics[0].Questions[0].Answer, Block{Kind: KindSample, Sample: 5, Pos: Pos{File: "k.md", Line: 16, Col: 1}})
	b.Plan = append(b.Plan, PlanEntry{Number: 2, Topic: "", Pos: Pos{File: "k.md", Line: 50, Col: 1}})
	b.AssignIDs()

	var got []string
	for _, d := range b.Check().Errors() {
		got = append(got, d.String())
	}
	want := []string{
		"k.md:16:1: error: the model answer of question kubernetes/q1 places sample 6, but there are only 1",
		"k.md:30:1: error: question kubernetes/q2 has no prompt",
		`k.md:40:1: error: duplicate ID "kubernetes/q2" (first defined at k.md:30:1)`,
		"k.md:50:1: error: plan row 2 has no topic",
		"k.md:50:1: error: plan row number 2 is repeated",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check errors (-want +got):\n%s", diff)
	}
	err := b.Validate()
	var inv *InvalidError
	if !errors.Is(err, ErrInvalid) || !errors.As(err, &inv) || len(inv.List) != len(want) {
		t.Errorf("Validate() = %v, want an *InvalidError wrapping ErrInvalid with %d problems", err, len(want))
	}
	if err := small().Validate(); err != nil {
		t.Errorf("a valid bank: %v", err)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	var first, second bytes.Buffer
	if err := small().WriteJSON(&first); err != nil {
		t.Fatal(err)
	}
	b, err := Load(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.WriteJSON(&second); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("round trip changed the JSON:\n%s", cmp.Diff(first.String(), second.String()))
	}
	for _, key := range []string{`"schema": "bankgen/v1"`, `"level": "warm-up"`, `"status": "next"`, `"kind": "sample"`, `"diagrams": []`} {
		if !strings.Contains(first.String(), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
	if !strings.HasPrefix(first.String(), "{\n  \"schema\"") {
		t.Error("schema is not the first key")
	}
}

func TestLoadRejectsOtherSchemas(t *testing.T) {
	for _, doc := range []string{`{"schema":"bankgen/v2","topics":[],"plan":[]}`, `{"topics":[]}`} {
		if _, err := Load(strings.NewReader(doc)); !errors.Is(err, ErrSchema) {
			t.Errorf("Load(%s) = %v, want ErrSchema", doc, err)
		}
	}
	if _, err := Load(strings.NewReader(`{"schema":"bankgen/v1","topics":[{"questions":[{"level":"expert"}]}]}`)); err == nil {
		t.Error("an unknown level was accepted")
	}
	if _, err := Load(strings.NewReader(`{"schema":"bankgen/v1","topics":[],"plan":[],"future":1}`)); err != nil {
		t.Errorf("a field added later within v1 was rejected: %v", err)
	}
}

func TestQueries(t *testing.T) {
	b := small()
	ids := func(qs []*Question) []string {
		var out []string
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return out
	}
	tests := []struct {
		q    Query
		want []string
	}{
		{Query{}, []string{"kubernetes/q1", "kubernetes/q2"}},
		{Query{Topic: "KUBERNETES"}, []string{"kubernetes/q1", "kubernetes/q2"}},
		{Query{Topic: "emr"}, nil},
		{Query{Level: Lead}, []string{"kubernetes/q2"}},
		{Query{Tag: "kind:pod"}, []string{"kubernetes/q1"}},
		{Query{Text: "stable ADDRESS"}, []string{"kubernetes/q2"}},
		{Query{Text: "╚═╝"}, []string{"kubernetes/q1"}},
		{Query{Level: WarmUp, Text: "services"}, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ids(b.Questions(tt.q))); diff != "" {
			t.Errorf("Questions(%+v) (-want +got):\n%s", tt.q, diff)
		}
	}
	if got := len(b.Gaps()); got != 3 {
		t.Errorf("Gaps() = %d, want 3", got)
	}
	if term, topic, ok := b.Lookup("  pod "); !ok || term.Term != "Pod" || topic.ID != "kubernetes" {
		t.Errorf("Lookup(pod) = %v %v %v", term, topic, ok)
	}
	if _, _, ok := b.Lookup("Pods"); ok {
		t.Error("Lookup matched a different term")
	}
	a, c := b.Draw(1, 42, Query{}), b.Draw(1, 42, Query{})
	if len(a) != 1 || a[0] != c[0] {
		t.Error("Sample with one seed is not repeatable")
	}
	if got := len(b.Draw(10, 1, Query{})); got != 2 {
		t.Errorf("Sample(10) of 2 questions returned %d", got)
	}
	seen := map[string]bool{}
	for seed := uint64(0); seed < 50; seed++ {
		seen[b.Draw(1, seed, Query{})[0].ID] = true
	}
	if len(seen) != 2 {
		t.Error("Sample never picks one of the two questions over 50 seeds")
	}
}

func TestLevelText(t *testing.T) {
	for _, l := range Levels() {
		text, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Level
		if err := back.UnmarshalText(text); err != nil || back != l {
			t.Errorf("level %v does not round-trip: %v", l, err)
		}
	}
	if _, err := Level(9).MarshalText(); err == nil {
		t.Error("invalid level marshalled")
	}
}

// TestPinnedIDs: a pinned key replaces the number or title in the ID,
// so renaming or renumbering a pinned item keeps its ID.
func TestPinnedIDs(t *testing.T) {
	b := small()
	q := &b.Topics[0].Questions[0]
	q.Pin = "Desired State"
	q.Number = 7
	q.Gaps[0].Pin = "pods"
	q.Gaps[0].Title = "Renamed completely"
	b.Topics[0].Guide[1].Pin = "worker"
	b.AssignIDs()
	got := []string{q.ID, q.Gaps[0].ID, q.Gaps[1].ID, b.Topics[0].Guide[1].ID, b.Topics[0].Questions[1].ID}
	want := []string{"kubernetes/desired-state", "kubernetes/desired-state/gaps/pods", "kubernetes/desired-state/gaps/missing-eks",
		"kubernetes/terms/worker", "kubernetes/q2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pinned IDs (-want +got):\n%s", diff)
	}
}

func TestParseLevelForms(t *testing.T) {
	for in, want := range map[string]Level{
		"warm-up": WarmUp, "Warm Up": WarmUp, "WARM_UP": WarmUp, "warmup": WarmUp, " Warm-up ": WarmUp,
		"stepping-up": SteppingUp, "Stepping up": SteppingUp, "lead": Lead, "LEAD": Lead,
	} {
		if got, err := ParseLevel(in); err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"easy", "senior", "warm", ""} {
		if _, err := ParseLevel(in); err == nil {
			t.Errorf("ParseLevel(%q) succeeded", in)
		}
	}
	if s, err := ParseStatus("To Do"); err != nil || s != Todo {
		t.Errorf("ParseStatus(To Do) = %v, %v", s, err)
	}
}

// TestCheckNamesItemsWithoutPositions: a bank built by hand has no
// positions; every message still says which item it is about.
func TestCheckNamesItemsWithoutPositions(t *testing.T) {
	b := &Bank{Topics: []Topic{
		{Questions: []Question{{Number: 1, Gaps: []Gap{{}}}}},
		{Name: "Go", Questions: []Question{{Number: 1, Prompt: "Why?", Answer: []Block{{Kind: KindSample, Sample: 3}}}}},
	}}
	b.AssignIDs()
	var got []string
	for _, d := range b.Check().Errors() {
		got = append(got, d.String())
	}
	want := []string{
		"-: error: gap topic-1/q1/gaps/gap has no title",
		"-: error: question topic-1/q1 has no prompt",
		"-: error: the model answer of question go/q1 places sample 4, but there are only 0",
		"-: error: topic topic-1 has no name",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check errors (-want +got):\n%s", diff)
	}
	if _, isErr := any(Diagnostics{}).(error); isErr {
		t.Error("Diagnostics is an error: a list of warnings would read as a failure")
	}
}

// TestCheckDiagramAnswer: a model answer drawn as a diagram alone is a
// model answer; a question with neither answer blocks nor diagrams has
// none, which is a warning, not an error: its feedback is still worth a
// card.
func TestCheckDiagramAnswer(t *testing.T) {
	b := &Bank{Topics: []Topic{{Name: "OS", Questions: []Question{
		{Number: 1, Level: WarmUp, Prompt: "What is a page fault?", Diagrams: []Diagram{{Art: "CPU ──► TLB"}}, Pos: Pos{File: "os.md", Line: 3, Col: 1}},
		{Number: 2, Level: WarmUp, Prompt: "What is a TLB?", Pos: Pos{File: "os.md", Line: 9, Col: 1}},
	}}}}
	b.AssignIDs()
	var got []string
	for _, d := range b.Check() {
		if strings.Contains(d.Msg, "model answer") {
			got = append(got, d.String())
		}
	}
	want := []string{"os.md:9:1: warning: question os/q2 has no model answer: its card shows the feedback alone"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("model answer diagnostics (-want +got):\n%s", diff)
	}
	if err := b.Validate(); err != nil {
		t.Errorf("Validate() = %v, want no error", err)
	}
}
