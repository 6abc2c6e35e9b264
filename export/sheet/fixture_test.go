package sheet

import (
	"strconv"

	"github.com/bankgen/bankgen/bank"
)

// Hostile strings that must come out of every format as inert text.
const (
	hostileFormula = `=HYPERLINK("http://x","y")`
	hostileScript  = `<script>alert(1)</script>`
)

// testBank is a small bank with every feature the exporter handles: two
// topics, questions of each level, gaps with phrasing, samples (YAML
// with a file name and Kubernetes kinds, bash without), diagrams drawn
// with box-drawing characters and emoji, a glossary, a 12-row plan and
// hostile text.
func testBank() *bank.Bank {
	diagram := "╔══════════╗     ┌─────────┐\n" +
		"║ Control  ║────▶│ Worker  │ ✅\n" +
		"║  plane   ║     │  node   │ ❌  \n" +
		"╚══════════╝     └─────────┘"
	b := &bank.Bank{
		Topics: []bank.Topic{
			{
				Name: "Kubernetes",
				Guide: []bank.Term{
					{Term: "Pod", Definition: "The smallest deployable unit: one or more containers sharing a network namespace.", Section: "Workloads"},
					{Term: "Service", Definition: "A stable virtual IP and DNS name in front of a set of pods.", Section: "Networking"},
					{Term: "@mention", Definition: "-1 is not a formula; +1 neither.", Section: "Hostile"},
				},
				Questions: []bank.Question{
					{
						Number: 1, Level: bank.WarmUp, Label: "Warm Up",
						Prompt:    "Can you explain what Kubernetes is and what problem it solves?",
						Strengths: []bank.Strength{{Title: "Smart manager analogy"}, {Title: "Borg origin"}},
						Gaps: []bank.Gap{
							{Title: "Desired state", Detail: "Missing the reconciliation loop.", Phrasing: "You tell Kubernetes what you want, and it reconciles reality to match."},
							{Title: "Pods", Detail: "Missing the Pod concept.", Phrasing: "The smallest deployable unit is a Pod, not a container."},
						},
						Answer: []bank.Block{
							{Kind: bank.KindHeading, Level: 2, Text: "What it is"},
							{Kind: bank.KindParagraph, Text: "Kubernetes is a container orchestrator.\nIt keeps desired state."},
							{Kind: bank.KindList, Items: []string{"Scaling", "Self-healing"}},
							{Kind: bank.KindList, Ordered: true, Items: []string{"Declare", "Reconcile"}},
							{Kind: bank.KindTable, Header: []string{"Tool", "Role"}, Rows: [][]string{{"kubelet", "node agent"}, {"etcd", "state"}}},
							{Kind: bank.KindRule},
							{Kind: bank.KindQuote, Text: "Self-healing by design."},
						},
						Diagrams: []bank.Diagram{{Title: "Control plane and workers", Art: diagram}},
					},
					{
						Number: 2, Level: bank.SteppingUp, Label: "Stepping Up",
						Prompt:    "Walk me through Pods, Deployments and Services 🎯.",
						Strengths: []bank.Strength{{Title: "Pods as wrappers"}},
						Gaps: []bank.Gap{
							{Title: hostileFormula, Detail: hostileScript, Phrasing: "{{Front}}"},
							{Title: "Path", Detail: "../../etc/passwd", Phrasing: "+SUM(A1:A2)"},
						},
						Answer: []bank.Block{
							{Kind: bank.KindParagraph, Text: "A Deployment manages ReplicaSets."},
							{Kind: bank.KindSample, Sample: 0},
							{Kind: bank.KindCode, Lang: "bash", Code: "kubectl get pods\n"},
							{Kind: bank.KindSample, Sample: 1},
						},
						Samples: []bank.Sample{
							{Lang: "yaml", File: "deployment.yaml", Kinds: []string{"Deployment", "Service"},
								Code: "# deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: Service\n"},
							{Lang: "bash", Code: "kubectl rollout status deploy/web\n"},
						},
					},
				},
			},
			{
				Name: "Python 🐍",
				Guide: []bank.Term{
					{Term: "GIL", Definition: "The global interpreter lock.", Section: "Runtime"},
				},
				Questions: []bank.Question{
					{
						Number: 1, Level: bank.Lead, Label: "Lead Engineer Level",
						Prompt:    "-How would you design a worker pool?",
						Strengths: nil,
						Gaps: []bank.Gap{
							{Title: "Control\x01chars\x7f", Detail: "tab\there\r\nCRLF", Phrasing: "\tstarts with a tab"},
						},
						Answer: []bank.Block{{Kind: bank.KindParagraph, Text: "@sum of parts."}},
						Samples: []bank.Sample{
							{Lang: "python", File: "pool.py", Code: "import concurrent.futures\n"},
						},
						Diagrams: []bank.Diagram{{Title: "Pool", Art: "┌──┐\n│🐍│\n└──┘"}},
					},
				},
			},
		},
	}
	for i := 1; i <= 12; i++ {
		st := bank.Todo
		switch {
		case i <= 4:
			st = bank.Done
		case i == 5:
			st = bank.Next
		}
		b.Plan = append(b.Plan, bank.PlanEntry{Number: i, Topic: "Topic " + strconv.Itoa(i), Status: st})
	}
	b.Plan[11].Topic = "=1+1"
	b.AssignIDs()
	return b
}
