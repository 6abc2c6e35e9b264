// Package synth makes synthetic interview-prep collections in the style
// of bankgen's sources, for scale benchmarks and tests: N topics, each a
// concept guide and a mock interview of M questions with strengths, gaps
// and phrasing, a model answer with sub-headings, a list, a table and a
// YAML sample, and a Diagrams block of titled box diagrams. Only tests
// import it; it is not part of the bankgen binary.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/bankgen/bankgen/parse"
)

// Options size a collection.
type Options struct {
	Topics    int // topics, each a guide and an interview file
	Questions int // questions per interview
	Seed      uint64
}

// Counts is what a generated collection holds, for tests to check the
// parser against.
type Counts struct {
	Topics, Questions, Strengths, Gaps, Samples, Diagrams, Terms int
}

var (
	levels = []string{"Warm Up", "Stepping Up", "Lead Engineer Level"}
	nouns  = []string{"pod", "service", "queue", "partition", "replica", "scheduler", "cache", "index", "shard", "broker",
		"consumer", "producer", "checkpoint", "savepoint", "executor", "driver", "node", "cluster", "namespace", "volume"}
	verbs = []string{"scales", "restarts", "routes", "replicates", "schedules", "buffers", "balances", "persists", "retries", "compacts"}
	marks = []string{"✅", "❌", "❗", "→", "—", "🎯"}
)

// Generate returns the sources of a collection, named
// "synth/topic-NNN-guide.md" and "synth/topic-NNN-interview.md", and what
// they hold. The same options give the same bytes.
func Generate(o Options) ([]parse.Source, Counts) {
	r := rand.New(rand.NewPCG(o.Seed, 0xb4a5e))
	var srcs []parse.Source
	var c Counts
	for t := 1; t <= o.Topics; t++ {
		name := fmt.Sprintf("Topic %03d", t)
		g, terms := guide(r, name)
		iv, ic := interview(r, name, o.Questions)
		srcs = append(srcs,
			parse.Source{Name: fmt.Sprintf("synth/topic-%03d-guide.md", t), Data: []byte(g)},
			parse.Source{Name: fmt.Sprintf("synth/topic-%03d-interview.md", t), Data: []byte(iv)})
		c.Topics++
		c.Terms += terms
		c.Questions += ic.Questions
		c.Strengths += ic.Strengths
		c.Gaps += ic.Gaps
		c.Samples += ic.Samples
		c.Diagrams += ic.Diagrams
	}
	return srcs, c
}

// Size returns the total bytes of srcs.
func Size(srcs []parse.Source) int {
	n := 0
	for _, s := range srcs {
		n += len(s.Data)
	}
	return n
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// sentence makes a plausible sentence of n words.
func sentence(r *rand.Rand, n int) string {
	var w []string
	for i := 0; i < n; i++ {
		if i%3 == 1 {
			w = append(w, pick(r, verbs))
		} else {
			w = append(w, pick(r, nouns))
		}
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func paragraph(r *rand.Rand, sentences int) string {
	var s []string
	for i := 0; i < sentences; i++ {
		s = append(s, sentence(r, 8+r.IntN(10)))
	}
	return strings.Join(s, " ")
}

func guide(r *rand.Rand, name string) (string, int) {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n### The English Version\n\n---\n\n", name)
	terms := 0
	for s := 1; s <= 3; s++ {
		fmt.Fprintf(&b, "## Section %d — %s\n\n%s\n\n", s, sentence(r, 3), paragraph(r, 4))
		for i := 0; i < 5; i++ {
			terms++
			fmt.Fprintf(&b, "**Term %d.%d %s** — %s\n\n", s, i, pick(r, nouns), paragraph(r, 2))
		}
		b.WriteString("---\n\n")
	}
	return b.String(), terms
}

func interview(r *rand.Rand, name string, questions int) (string, Counts) {
	var b strings.Builder
	var c Counts
	fmt.Fprintf(&b, "# Mock Interview — %s\n\nSame rules — answer in the room, model answer and diagrams after each response.\n\n---\n\n", name)
	for q := 1; q <= questions; q++ {
		c.Questions++
		fmt.Fprintf(&b, "## Question %d — %s\n\n**\"%s\"**\n\n# Feedback First\n\n---\n\n## What You Nailed ✅\n\n", q, levels[(q-1)%3], strings.TrimSuffix(sentence(r, 14), ".")+"?")
		for i, n := 0, 6+r.IntN(5); i < n; i++ {
			c.Strengths++
			fmt.Fprintf(&b, "**Strength %d %s** — %s\n\n", i+1, pick(r, nouns), paragraph(r, 2))
		}
		b.WriteString("---\n\n## What to Tighten Up 🔧\n\n")
		for i, n := 0, 3+r.IntN(3); i < n; i++ {
			c.Gaps++
			fmt.Fprintf(&b, "**Missing %s %d.** %s\n\n*\"%s\"*\n\n", pick(r, nouns), i+1, sentence(r, 10), paragraph(r, 5))
		}
		b.WriteString("---\n\n# Model Answer\n\n---\n\n")
		fmt.Fprintf(&b, "*\"%s*\n\n", paragraph(r, 3))
		for s := 0; s < 3; s++ {
			fmt.Fprintf(&b, "## Part %d — %s\n\n*%s*\n\n**Why it matters:**\n\n*%s*\n\n", s+1, sentence(r, 4), paragraph(r, 4), paragraph(r, 3))
		}
		fmt.Fprintf(&b, "- %s\n- %s\n- %s\n\n", sentence(r, 6), sentence(r, 6), sentence(r, 6))
		b.WriteString("| Aspect | Batch | Streaming |\n|---|---|---|\n")
		for i := 0; i < 4; i++ {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", pick(r, nouns), pick(r, verbs), pick(r, verbs))
		}
		c.Samples++
		fmt.Fprintf(&b, "\n```yaml\n# %s-%d.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s-%d\nspec:\n  replicas: %d\n  template:\n    spec:\n      containers:\n      - name: app\n        image: registry.example/app:v%d\n```\n\n---\n\n# Diagrams\n\n```\n",
			pick(r, nouns), q, pick(r, nouns), q, 2+r.IntN(20), q)
		for d, n := 0, 2+r.IntN(3); d < n; d++ {
			c.Diagrams++
			if d > 0 {
				b.WriteString("\n\n")
			}
			diagram(&b, r, fmt.Sprintf("DIAGRAM %d — %s", d+1, strings.ToUpper(pick(r, nouns))))
		}
		b.WriteString("```\n\n---\n\n")
	}
	b.WriteString("| # | Topic | Status |\n|---|---|---|\n| 1 | " + name + " | ✅ Done |\n")
	return b.String(), c
}

// diagram draws a titled double-line box of 72 columns holding a smaller
// single-line box and a few marked lines.
func diagram(b *strings.Builder, r *rand.Rand, title string) {
	const w = 71
	line := func(s string) {
		pad := w - len([]rune(s))
		if pad < 0 {
			pad = 0
		}
		b.WriteString("║" + s + strings.Repeat(" ", pad) + "║\n")
	}
	b.WriteString(title + "\n╔" + strings.Repeat("═", w) + "╗\n")
	line("")
	line("  ┌" + strings.Repeat("─", 30) + "┐")
	line("  │  " + fmt.Sprintf("%-28s", strings.ToUpper(pick(r, nouns))) + "│")
	line("  └" + strings.Repeat("─", 14) + "┬" + strings.Repeat("─", 15) + "┘")
	line("                 │")
	line("                 ▼")
	for i, n := 0, 3+r.IntN(4); i < n; i++ {
		line(fmt.Sprintf("  %-40s %s", sentence(r, 4), pick(r, marks)))
	}
	line("")
	b.WriteString("╚" + strings.Repeat("═", w) + "╝\n")
}
