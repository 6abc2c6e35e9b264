package anki

import (
	"fmt"
	"testing"

	"github.com/bankgen/bankgen/bank"
)

// Source files of the fixture bank, as bank.Pos.File names them.
const (
	guideFile     = "kubernetes-concept-guide.md"
	interviewFile = "kubernetes-mock-interview.md"
	pythonFile    = "python.md"
)

const boxArt = `THE CORE CONCEPT — DESIRED STATE
╔══════════════════════════════╗
║  YOU DECLARE:                ║
║  ┌────────────┐              ║
║  │ RECONCILE  │──▶ Actual: 9 ║
║  └────────────┘              ║
║  Desired: 10  ✅  Drift ❌   ║
╚══════════════════════════════╝   `

// testBank returns a small bank that exercises every part of the deck:
// two topics, questions of each level, gaps with phrasing, samples (one
// YAML manifest with a file name), a box-drawing diagram with emoji, a
// glossary, a 12-row plan, and hostile strings.
func testBank(t testing.TB) *bank.Bank {
	t.Helper()
	pos := func(file string, line int) bank.Pos { return bank.Pos{File: file, Line: line, Col: 1} }
	deployment := "# deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fraud-detection\n  labels: [\"a<b>\", 'c&d']\nspec:\n  replicas: 10\n"
	b := &bank.Bank{
		Topics: []bank.Topic{{
			Name: "Kubernetes",
			Pos:  pos(guideFile, 1),
			Guide: []bank.Term{
				{Term: "Pod", Definition: "The smallest deployable unit.\nWraps one or more containers.", Section: "Core Concepts", Pos: pos(guideFile, 10)},
				{Term: "Deployment", Definition: "Keeps N pods running: <script>alert(1)</script>", Section: "Core Concepts", Pos: pos(guideFile, 12)},
				{Term: "{{Front}} & [sound:x.mp3]", Definition: "Template syntax and Anki tags stay text: {{Back}} [latex]x[/latex]", Pos: pos(guideFile, 14)},
			},
			Questions: []bank.Question{{
				Number: 1, Level: bank.WarmUp, Label: "Warm Up",
				Prompt: "Can you explain what Kubernetes is and why it was created?",
				Strengths: []bank.Strength{
					{Title: "Smart manager for your app's boxes", Detail: "Perfect opening analogy.", Pos: pos(interviewFile, 15)},
				},
				Gaps: []bank.Gap{
					{Title: "Missing the desired state / reconciliation loop concept.", Detail: "The single most important concept.", Phrasing: "You declare what you want; Kubernetes reconciles reality to match.", Pos: pos(interviewFile, 37)},
					{Title: "Missing the Pod concept specifically.", Phrasing: "The smallest deployable unit is a Pod, not a container.", Pos: pos(interviewFile, 41)},
				},
				Answer: []bank.Block{
					{Kind: bank.KindParagraph, Text: "Kubernetes is a container orchestration platform.\nIt keeps the desired state.", Pos: pos(interviewFile, 57)},
					{Kind: bank.KindHeading, Level: 4, Text: "The Origin — Why Google Built It:", Pos: pos(interviewFile, 59)},
					{Kind: bank.KindList, Items: []string{"Self-healing", "Autoscaling <b>on payday</b>"}, Pos: pos(interviewFile, 61)},
					{Kind: bank.KindList, Ordered: true, Items: []string{"Declare", "Reconcile"}, Pos: pos(interviewFile, 63)},
					{Kind: bank.KindTable, Header: []string{"Tool", "Scope"}, Rows: [][]string{{"Compose", "one machine"}, {"Kubernetes", "a cluster | many"}}, Pos: pos(interviewFile, 65)},
					{Kind: bank.KindQuote, Text: "Steer your containers.", Pos: pos(interviewFile, 70)},
					{Kind: bank.KindRule, Pos: pos(interviewFile, 72)},
					{Kind: bank.KindCode, Code: "┌──────┐\n│ node │\n└──────┘", Pos: pos(interviewFile, 74)},
				},
				Diagrams: []bank.Diagram{{Title: "Desired state", Art: boxArt, Pos: pos(interviewFile, 101)}},
				Pos:      pos(interviewFile, 7),
			}, {
				Number: 2, Level: bank.SteppingUp, Label: "Stepping Up",
				Prompt:    "Walk me through a Pod, a Deployment and a Service.",
				Strengths: []bank.Strength{{Title: "Clear layering", Pos: pos(interviewFile, 266)}},
				Gaps: []bank.Gap{
					{Title: "Missing labels and selectors.", Detail: "Services find pods by label.", Phrasing: "A Service selects pods by label, so pods can come and go.", Pos: pos(interviewFile, 290)},
				},
				Answer: []bank.Block{
					{Kind: bank.KindHeading, Level: 2, Text: "Deployment — The Manager", Pos: pos(interviewFile, 358)},
					{Kind: bank.KindSample, Sample: 0, Pos: pos(interviewFile, 364)},
					{Kind: bank.KindParagraph, Text: "Then check it:", Pos: pos(interviewFile, 405)},
					{Kind: bank.KindSample, Sample: 1, Pos: pos(interviewFile, 433)},
				},
				Samples: []bank.Sample{
					{Lang: "yaml", File: "deployment.yaml", Kinds: []string{"Deployment"}, Code: deployment, Pos: pos(interviewFile, 364)},
					{Lang: "bash", Code: "kubectl get pods -l app=fraud-detection | grep -c Running && echo \"ok\" # <done>", Pos: pos(interviewFile, 433)},
					{Lang: "", File: "notes.txt", Code: "not placed in the answer", Pos: pos(interviewFile, 440)},
				},
				Pos: pos(interviewFile, 257),
			}, {
				Number: 3, Level: bank.Lead, Label: "Lead Engineer Level",
				Prompt:    "How would you run Spark and Flink on Kubernetes? 🎯",
				Strengths: []bank.Strength{{Title: "Knew the operators", Detail: "Spark and Flink operators.", Pos: pos(interviewFile, 622)}},
				Gaps: []bank.Gap{
					{Title: "Missing savepoints.", Detail: "Flink state survives upgrades only with savepoints.", Phrasing: "Trigger a savepoint, deploy, resume from it.", Pos: pos(interviewFile, 646)},
				},
				Answer: []bank.Block{
					{Kind: bank.KindParagraph, Text: "Use the operators.", Pos: pos(interviewFile, 672)},
				},
				Diagrams: []bank.Diagram{{Title: "Spark vs Flink", Art: "┌─────┐ ┌─────┐\n│Spark│ │Flink│\n└─────┘ └─────┘", Pos: pos(interviewFile, 900)}},
				Extra:    []bank.Section{{Title: "Follow-up", Blocks: []bank.Block{{Kind: bank.KindParagraph, Text: "Ask about cost.", Pos: pos(interviewFile, 1015)}}, Pos: pos(interviewFile, 1013)}},
				Pos:      pos(interviewFile, 613),
			}},
		}, {
			Name: "Python 🐍",
			Pos:  pos(pythonFile, 1),
			Guide: []bank.Term{
				{Term: "GIL", Definition: "Global interpreter lock.", Pos: pos(pythonFile, 3)},
			},
			Questions: []bank.Question{{
				Number: 1, Level: bank.WarmUp,
				Prompt:    "What is\x00 the GIL\x07 and\x1f why does it\r\nmatter? <script>alert(1)</script>",
				Strengths: []bank.Strength{{Title: "Named it", Pos: pos(pythonFile, 8)}},
				Gaps: []bank.Gap{
					{Title: `=HYPERLINK("http://x","y")`, Detail: "Spreadsheet formulas stay text.", Phrasing: "It's a lock; only one thread runs bytecode.", Pos: pos(pythonFile, 10)},
				},
				Answer: []bank.Block{
					{Kind: bank.KindSample, Sample: 0, Pos: pos(pythonFile, 12)},
				},
				Samples: []bank.Sample{
					{Lang: "python", File: "../../etc/passwd", Code: "import threading\n\ndef run():\n    print(\"<script>alert(1)</script>\")  # 🐍\n", Pos: pos(pythonFile, 12)},
				},
				Pos: pos(pythonFile, 6),
			}},
		}},
	}
	for i := 1; i <= 12; i++ {
		st := bank.Todo
		switch {
		case i <= 3:
			st = bank.Done
		case i == 4:
			st = bank.Next
		}
		b.Plan = append(b.Plan, bank.PlanEntry{Number: i, Topic: fmt.Sprintf("Topic %d", i), Status: st, Pos: pos(guideFile, 100+i)})
	}
	b.AssignIDs()
	if err := b.Validate(); err != nil {
		t.Fatalf("fixture bank does not validate: %v", err)
	}
	return b
}
