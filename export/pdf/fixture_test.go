package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/internal/shipped"
)

// hostile strings that every exporter must carry through as plain text.
var hostile = []string{
	`<script>alert(1)</script>`,
	`=HYPERLINK("http://x","y")`,
	`{{Front}}`,
	`../../etc/passwd`,
	"bell\a and\x00nul \x1b[31mred\x1b[0m",
	"target 🎯 and snake 🐍",
	`back\slash (paren) \) unbalanced (`,
}

const fixtureDiagram = `RECONCILIATION
╔══════════════════════════════════════╗
║  Desired: 10  ✅                     ║
║  Actual:   9  ❌                     ║
║          │                           ║
║          ▼                           ║
║  ┌────────────────┐                  ║
║  │ start 1 pod    │ ──► ✅ healed    ║
║  └────────────────┘                  ║
╚══════════════════════════════════════╝`

const fixtureYAML = `# deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fraud-detection
spec:
  replicas: 10
  template:
    spec:
      containers:
        - name: fraud
          image: registry.example.com/fraud-detection-service-with-a-very-long-image-name:2.4.0-build-20240101
          resources:
            requests: {cpu: 500m, memory: 2Gi}`

// testBank is a small bank with two topics, every level, gaps with
// phrasing, samples, a box-drawing diagram with emoji, a glossary, a
// twelve-row plan and hostile strings.
func testBank() *bank.Bank {
	b := &bank.Bank{
		Topics: []bank.Topic{
			{
				Name: "Kubernetes",
				Guide: []bank.Term{
					{Term: "Pod", Definition: "The smallest deployable unit in Kubernetes. A pod wraps one or more containers.", Section: "Core"},
					{Term: "Node", Definition: "A single machine in the cluster — physical or virtual.", Section: "Core"},
					{Term: "etcd", Definition: "The cluster's key-value store, the single source of truth.", Section: "Control plane"},
					{Term: "Hostile " + hostile[0], Definition: hostile[1] + " " + hostile[2]},
				},
				Notes: []bank.Section{{
					Title: "What is Kubernetes?",
					Blocks: []bank.Block{
						{Kind: bank.KindParagraph, Text: "You tell it what you want — it makes it happen → and keeps it that way."},
						{Kind: bank.KindCode, Code: "TRADITIONAL VM        KUBERNETES\n──────────────        ──────────\nManual provisioning   Declarative"},
					},
				}},
				Questions: []bank.Question{
					{
						Number: 1, Level: bank.WarmUp, Label: "Warm Up",
						Prompt: "Can you explain what Kubernetes is, and what core problem it solves?",
						Strengths: []bank.Strength{
							{Title: "Smart manager analogy", Detail: "Perfect opening — clear and memorable."},
							{Title: "Zero downtime updates"},
						},
						Gaps: []bank.Gap{{
							Title:    "Missing the reconciliation loop",
							Detail:   "The single most important concept.",
							Phrasing: "Kubernetes continuously reconciles reality to match your declaration.",
						}},
						Answer: []bank.Block{
							{Kind: bank.KindParagraph, Text: `"Kubernetes is a container orchestration platform. It manages deployment, scaling and healing."`},
							{Kind: bank.KindHeading, Level: 4, Text: "The Core Innovation — Desired State"},
							{Kind: bank.KindParagraph, Text: "Line one of a paragraph\nline two after a break."},
							{Kind: bank.KindList, Items: []string{"Self-healing ✅", "Autoscaling", hostile[3]}},
							{Kind: bank.KindList, Ordered: true, Items: []string{"Declare", "Reconcile"}},
							{Kind: bank.KindTable, Header: []string{"Concern", "Without", "With Kubernetes"}, Rows: [][]string{
								{"Crash at 3am", "Pager goes off", "Pod restarted in seconds ✅"},
								{"Payday spike", "Guess capacity", "HPA adds pods"},
							}},
							{Kind: bank.KindQuote, Text: "Declare, don't instruct."},
							{Kind: bank.KindRule},
						},
						Diagrams: []bank.Diagram{{Title: "The core concept — desired state", Art: fixtureDiagram}},
					},
					{
						Number: 2, Level: bank.SteppingUp,
						Prompt:    "How would you deploy a fraud-detection service? " + hostile[4],
						Strengths: []bank.Strength{{Title: "Rolling updates", Detail: hostile[5]}},
						Gaps: []bank.Gap{
							{Title: "No resource requests", Phrasing: "Every pod declares requests and limits."},
							{Title: "No probes " + hostile[6]},
						},
						Answer: []bank.Block{
							{Kind: bank.KindParagraph, Text: "Use a Deployment with resource requests, e.g. 500m CPU. Then add probes."},
							{Kind: bank.KindSample, Sample: 0},
						},
						Samples: []bank.Sample{
							{Lang: "yaml", File: "deployment.yaml", Kinds: []string{"Deployment"}, Code: fixtureYAML},
							{Lang: "bash", Code: "kubectl apply -f deployment.yaml\tdone"},
						},
					},
					{
						Number: 3, Level: bank.Lead, Label: "Lead Engineer Level",
						Prompt:   "Design Spark and Flink on Kubernetes 🔧 for a bank.",
						Gaps:     []bank.Gap{{Title: "KEDA for lag-based scaling ❗", Phrasing: "Scale on Kafka lag, not CPU."}},
						Answer:   []bank.Block{{Kind: bank.KindParagraph, Text: "Run Spark with the operator; run Flink with savepoints."}},
						Diagrams: []bank.Diagram{{Title: "Wide", Art: "┌" + strings.Repeat("─", 110) + "┐\n│ wide" + strings.Repeat(" ", 105) + "│\n└" + strings.Repeat("─", 110) + "┘"}},
					},
				},
			},
			{
				Name: "Kafka",
				Guide: []bank.Term{
					{Term: "Consumer lag", Definition: "How far a consumer group is behind the head of a partition."},
				},
				Questions: []bank.Question{{
					Number: 1, Level: bank.WarmUp,
					Prompt:    "What is a partition?",
					Strengths: []bank.Strength{{Title: "Ordering per partition"}},
					Gaps:      []bank.Gap{{Title: "Keys decide partitions"}},
					Answer:    []bank.Block{{Kind: bank.KindParagraph, Text: "A partition is an ordered, append-only log."}},
				}},
			},
		},
	}
	statuses := []bank.Status{bank.Done, bank.Done, bank.Done, bank.Done, bank.Done, bank.Done, bank.Next}
	topics := []string{"Scala", "Kafka / Real-time streaming", "NoSQL — MongoDB", "NoSQL — Cassandra", "Distributed Microservices", "Kubernetes", "EMR", "PySpark / Spark Refresher", "Hive / Hadoop Refresher", "Snowflake / Redshift Refresher", "Agile Refresher", "Docker Refresher"}
	for i, t := range topics {
		st := bank.Todo
		if i < len(statuses) {
			st = statuses[i]
		}
		b.Plan = append(b.Plan, bank.PlanEntry{Number: i + 1, Topic: t, Status: st})
	}
	b.AssignIDs()
	return b
}

// fixedDate is the date the tests render with.
var fixedDate = time.Date(2025, 11, 24, 7, 6, 0, 0, time.UTC)

// banks returns the banks to test with: the fixture and the shipped one.
func banks(t testing.TB) map[string]*bank.Bank {
	return map[string]*bank.Bank{"fixture": testBank(), "shipped": shipped.Bank(t)}
}

// both renders b's study guide and cheat sheet.
func both(t testing.TB, b *bank.Bank, opts Options) (guide, cheat []byte) {
	t.Helper()
	var g, c bytes.Buffer
	if err := WriteGuide(&g, b, opts); err != nil {
		t.Fatal(err)
	}
	if err := WriteCheatSheet(&c, b, opts); err != nil {
		t.Fatal(err)
	}
	return g.Bytes(), c.Bytes()
}
