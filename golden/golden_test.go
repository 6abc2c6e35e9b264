// Package golden_test checks bankgen end to end on the shipped sources:
// the bank they parse into, against files in this directory that were
// reviewed by hand. Run "go test ./golden -update" to rewrite them, and
// review the diff before committing it.
package golden_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/internal/shipped"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse"
	"github.com/bankgen/bankgen/parse/fix"
	"github.com/google/go-cmp/cmp"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

// TestBankJSONDeterministic parses twice, in both source orders, and
// wants the same bytes.
func TestBankJSONDeterministic(t *testing.T) {
	srcs := shipped.Sources(t)
	var a, b bytes.Buffer
	b1, _ := parse.Parse(srcs[0], srcs[1])
	b2, _ := parse.Parse(srcs[1], srcs[0])
	if err := b1.WriteJSON(&a); err != nil {
		t.Fatal(err)
	}
	if err := b2.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("parsing the same sources twice gave different JSON")
	}
}

// TestShippedBank pins what a reader counts in the shipped transcript and
// guide, independently of the golden file: one topic; three questions at
// the three levels; the strengths, gaps, samples and diagrams each
// question really holds; the glossary; the 12-row plan.
func TestShippedBank(t *testing.T) {
	b := shipped.Bank(t)
	if len(b.Topics) != 1 || b.Topics[0].ID != "kubernetes" || b.Topics[0].Name != "Kubernetes" {
		t.Fatalf("want the one topic kubernetes, got %+v", topicNames(b))
	}
	top := b.Topics[0]
	type counts struct {
		ID                                   string
		Level                                bank.Level
		Strengths, Gaps, Samples, Diagrams   int
		PhrasedGaps                          int
		FirstDiagram, LastDiagram, FirstFile string
	}
	want := []counts{
		{"kubernetes/q1", bank.WarmUp, 8, 4, 0, 5, 4, "THE CORE KUBERNETES CONCEPT — DESIRED STATE", "CAPITAL ONE DATA PIPELINE ON KUBERNETES", ""},
		{"kubernetes/q2", bank.SteppingUp, 9, 4, 5, 5, 4, "HOW LABELS CONNECT ALL THREE OBJECTS", "COMPLETE FRAUD DETECTION DEPLOYMENT", ""},
		{"kubernetes/q3", bank.Lead, 10, 5, 6, 4, 5, "SPARK BATCH ON KUBERNETES — LIFECYCLE", "SAVEPOINT UPGRADE — ZERO DATA LOSS MODEL UPDATE", "spark-batch-job.yaml"},
	}
	var got []counts
	for _, q := range top.Questions {
		c := counts{ID: q.ID, Level: q.Level, Strengths: len(q.Strengths), Gaps: len(q.Gaps), Samples: len(q.Samples), Diagrams: len(q.Diagrams)}
		for _, g := range q.Gaps {
			if g.Phrasing != "" {
				c.PhrasedGaps++
			}
		}
		if len(q.Diagrams) > 0 {
			c.FirstDiagram, c.LastDiagram = q.Diagrams[0].Title, q.Diagrams[len(q.Diagrams)-1].Title
		}
		for _, s := range q.Samples {
			if s.File != "" {
				c.FirstFile = s.File
				break
			}
		}
		got = append(got, c)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("questions mismatch (-want +got):\n%s", diff)
	}

	wantTerms := []string{"Cluster", "Node", "Pod", "Deployment", "Service", "Namespace", "ConfigMap and Secret", "Ingress",
		"API Server", "etcd", "Scheduler", "Controller Manager", "kubelet", "kube-proxy", "Container Runtime",
		"Horizontal Pod Autoscaling", "Rolling Updates", "Resource Requests and Limits", "Liveness and Readiness Probes"}
	var terms []string
	for _, g := range top.Guide {
		terms = append(terms, g.Term)
	}
	if diff := cmp.Diff(wantTerms, terms); diff != "" {
		t.Errorf("glossary mismatch (-want +got):\n%s", diff)
	}

	var plan []string
	for _, e := range b.Plan {
		plan = append(plan, e.Topic+":"+e.Status.String())
	}
	wantPlan := []string{"Scala:done", "Kafka / Real-time streaming:done", "NoSQL — MongoDB:done", "NoSQL — Cassandra:done",
		"Distributed Microservices:done", "Kubernetes:done", "EMR:next", "PySpark / Spark Refresher:todo",
		"Hive / Hadoop Refresher:todo", "Snowflake / Redshift Refresher:todo", "Agile Refresher:todo", "Docker Refresher:todo"}
	if diff := cmp.Diff(wantPlan, plan); diff != "" {
		t.Errorf("plan mismatch (-want +got):\n%s", diff)
	}
}

// TestDiagramsWhole checks every diagram of the shipped bank: repaired
// text only (no mojibake, no U+FFFD), and every boxed diagram closed, its
// first line opening a box and its last line closing one.
func TestDiagramsWhole(t *testing.T) {
	for _, q := range shipped.Bank(t).Topics[0].Questions {
		for _, d := range q.Diagrams {
			if strings.ContainsAny(d.Art, "\ufffdâÃð") || strings.Contains(d.Art, "ğŸ") {
				t.Errorf("%s: damaged characters left:\n%s", d.ID, d.Art)
			}
			lines := strings.Split(d.Art, "\n")
			first, last := strings.TrimSpace(lines[0]), strings.TrimSpace(lines[len(lines)-1])
			if strings.HasPrefix(first, "╔") && (!strings.HasSuffix(first, "╗") || !strings.HasPrefix(last, "╚") || !strings.HasSuffix(last, "╝")) {
				t.Errorf("%s: box not whole:\n%s\n…\n%s", d.ID, first, last)
			}
			if strings.HasPrefix(first, "╔") && strings.Trim(first, "╔═╗") != "" {
				t.Errorf("%s: top border broken: %q", d.ID, first)
			}
		}
	}
}

// TestCleanSourceUnchanged: the concept guide is clean UTF-8, so the
// repair must hand it back byte for byte.
func TestCleanSourceUnchanged(t *testing.T) {
	for _, s := range shipped.Sources(t) {
		if !strings.Contains(s.Name, "concept-guide") {
			continue
		}
		out, r := fix.Bytes(s.Data)
		if !bytes.Equal(out, s.Data) || r.Changed {
			t.Errorf("%s: the repair changed clean text: %s", s.Name, r.Summary())
		}
		return
	}
	t.Fatal("no concept guide among the shipped sources")
}

func topicNames(b *bank.Bank) []string {
	var out []string
	for _, t := range b.Topics {
		out = append(out, t.ID)
	}
	return out
}
