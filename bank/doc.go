// Package bank is a typed, validated bank of technical-interview questions.
//
// A Bank holds Topics (such as Kubernetes) and the learner's study Plan.
// Each Topic has a concept Guide (glossary Terms) and Questions; each
// Question has a Level, a prompt, what the learner nailed (Strengths),
// what to tighten up (Gaps, with suggested phrasing), a structured model
// answer, code Samples and text Diagrams. Every item records the source
// position it came from.
//
// The main use, in ten lines:
//
//	b := bank.Default() // the shipped bank; bank.Load(r) reads any bankgen JSON
//	for _, q := range b.Questions(bank.Query{Topic: "kubernetes", Level: bank.Lead}) {
//		fmt.Println(q.ID, q.Prompt)
//		for _, g := range q.Gaps {
//			fmt.Println("  tighten up:", g.Title, "→", g.Phrasing)
//		}
//	}
//	pod, _, _ := b.Lookup("pod")                       // glossary, any case
//	quiz := b.Draw(5, seed, bank.Query{Text: "yaml"})   // repeatable practice set
//
// The package depends on nothing beyond the standard library and
// golang.org/x/text (for Unicode normalisation). Parsing
// Markdown into a Bank is the job of bankgen's parse package and
// exporting it that of the export packages; between programs a Bank
// travels as JSON in the bankgen/v1 schema (WriteJSON, Load, JSONSchema).
//
// IDs are stable: AssignIDs derives each from the item's own key (a
// question's number, a term's or gap's title), so editing one answer
// never changes another item's ID.
package bank
