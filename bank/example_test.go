package bank_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/bankgen/bankgen/bank"
)

// The bank that ships with bankgen, queried for its lead-level questions.
func ExampleDefault() {
	b := bank.Default()
	for _, q := range b.Questions(bank.Query{Level: bank.Lead}) {
		fmt.Println(q.ID, "—", len(q.Gaps), "gaps to work on")
	}
	// Output:
	// kubernetes/q3 — 5 gaps to work on
}

// Load reads the JSON that "bankgen export --json" writes.
func ExampleLoad() {
	const doc = `{
	  "schema": "bankgen/v1",
	  "topics": [{"id": "go", "name": "Go", "guide": [], "pos": {},
	    "questions": [{"id": "go/q1", "number": 1, "level": "warm-up", "prompt": "What is a goroutine?",
	      "strengths": [], "gaps": [], "samples": [], "diagrams": [], "pos": {},
	      "answer": [{"kind": "paragraph", "text": "A function running concurrently.", "pos": {}}]}]}],
	  "plan": []
	}`
	b, err := bank.Load(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	q := b.Topics[0].Questions[0]
	fmt.Println(q.ID, q.Level, q.Prompt)
	// Output:
	// go/q1 warm-up What is a goroutine?
}

// Questions filters without loops: here by text, across every topic.
func ExampleBank_Questions() {
	b := bank.Default()
	for _, q := range b.Questions(bank.Query{Text: "savepoint"}) {
		fmt.Println(q.ID, q.Level)
	}
	// Output:
	// kubernetes/q3 lead
}

// Lookup finds a glossary term whatever its case.
func ExampleBank_Lookup() {
	term, topic, ok := bank.Default().Lookup("ETCD")
	fmt.Println(ok, topic.Name, "/", term.Term)
	fmt.Println(strings.SplitN(term.Definition, ".", 2)[0])
	// Output:
	// true Kubernetes / etcd
	// the cluster's distributed key-value store
}

// Sample draws a repeatable practice set for a quiz: the same seed gives
// the same questions.
func ExampleBank_Draw() {
	b := bank.Default()
	first := b.Draw(2, 7, bank.Query{})
	again := b.Draw(2, 7, bank.Query{})
	fmt.Println(len(first), first[0].ID == again[0].ID && first[1].ID == again[1].ID)
	// Output:
	// 2 true
}

// Gaps lists the learner's weak spots across all topics.
func ExampleBank_Gaps() {
	for _, g := range bank.Default().Gaps()[:2] {
		fmt.Printf("%s: %s\n", g.Question.ID, g.Gap.Title)
	}
	// Output:
	// kubernetes/q1: Missing the desired state / reconciliation loop concept
	// kubernetes/q1: Missing the Pod concept specifically
}

// Validate reports every problem at once, each with its position.
func ExampleBank_Validate() {
	b := &bank.Bank{Topics: []bank.Topic{{Name: "Go", Questions: []bank.Question{
		{Number: 1, Level: bank.WarmUp, Pos: bank.Pos{File: "go.md", Line: 3, Col: 1}},
	}}}}
	b.AssignIDs()
	fmt.Println(b.Validate())
	// Output:
	// go.md:3:1: error: question go/q1 has no prompt
}

// WriteJSON writes the bankgen/v1 form; Load reads it back unchanged.
func ExampleBank_WriteJSON() {
	var buf bytes.Buffer
	if err := bank.Default().WriteJSON(&buf); err != nil {
		fmt.Println(err)
		return
	}
	back, _ := bank.Load(&buf)
	fmt.Println(len(back.Topics[0].Questions), "questions,", len(back.Plan), "plan rows")
	// Output:
	// 3 questions, 12 plan rows
}

// AnswerSections splits a model answer at its sub-headings; Lead gives
// each section's key sentence, for an outline that fits one screen.
func ExampleQuestion_AnswerSections() {
	q := bank.Default().Topics[0].Questions[1]
	for _, s := range q.AnswerSections()[1:3] {
		fmt.Printf("%s → %s\n", s.Title, s.Lead())
	}
	// Output:
	// Pod — The Atomic Unit → A pod is the smallest deployable unit in Kubernetes.
	// Deployment — The Manager → A Deployment tells Kubernetes the desired state for a set of identical pods — how many replicas to run, which container image to use, and how to update them.
}

// Clean is what every text of a bank is made into by parsing and Load.
func ExampleClean() {
	fmt.Printf("%q\n", bank.Clean("Cafe\u0301\r\nbell\x07"))
	// Output:
	// "Café\nbell"
}
