// Package bank is a typed, validated bank of technical-interview questions.
//
// A Bank holds Topics (such as Kubernetes) and the learner's study Plan.
// Each Topic has a concept Guide (glossary Terms) and Questions; each
// Question has a Level, a prompt, what the learner nailed (Strengths),
// what to tighten up (Gaps, with suggested phrasing), a structured model
// answer, code Samples and text Diagrams. Every item records the source
// position it came from.
//
// The package has no dependencies beyond the standard library. Parsing
// Markdown into a Bank is the job of bankgen's parse package; exporting
// it is the job of the export packages. A Bank travels between programs
// as JSON in the bankgen/v1 schema:
//
//	f, _ := os.Open("bank.json")
//	b, err := bank.Load(f)
//	if err != nil {
//		log.Fatal(err)
//	}
//	for _, t := range b.Topics {
//		for _, q := range t.Questions {
//			fmt.Println(q.ID, q.Level, q.Prompt)
//		}
//	}
//
// IDs are stable: AssignIDs derives each from the item's own key (a
// question's number, a term's or gap's title), so editing one answer
// never changes another item's ID.
package bank
