package bank

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// bigBank returns the shipped bank repeated n times as distinct topics
// ("Kubernetes 1", …) from distinct files, the way parse's pipeline
// benchmark grows its ~4 MB collection (45 copies). Every copy is loaded
// afresh, so no two topics share a slice.
func bigBank(n int) *Bank {
	b := &Bank{Plan: Default().Plan}
	for i := range n {
		t := Default().Topics[0]
		t.Name = fmt.Sprintf("%s %d", t.Name, i)
		file := fmt.Sprintf("copy%03d/", i)
		t.Pos.File = file + t.Pos.File
		for j := range t.Guide {
			t.Guide[j].Pos.File = file + t.Guide[j].Pos.File
		}
		for j := range t.Questions {
			q := &t.Questions[j]
			q.Pos.File = file + q.Pos.File
		}
		b.Topics = append(b.Topics, t)
	}
	return b
}

// pipelineCopies is how many copies of the shipped topic parse's
// pipeline benchmark holds.
const pipelineCopies = 45

func BenchmarkAssignIDs(b *testing.B) {
	for _, n := range []int{1, pipelineCopies} {
		b.Run(fmt.Sprintf("topics=%d", n), func(b *testing.B) {
			bk := bigBank(n)
			b.ReportAllocs()
			for b.Loop() {
				bk.AssignIDs()
			}
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{1, pipelineCopies} {
		b.Run(fmt.Sprintf("topics=%d", n), func(b *testing.B) {
			bk := bigBank(n)
			bk.AssignIDs()
			b.ReportAllocs()
			for b.Loop() {
				bk.Check()
			}
		})
	}
}

func BenchmarkSlug(b *testing.B) {
	bk := Default()
	var titles []string
	for _, q := range bk.Topics[0].Questions {
		for _, s := range q.Strengths {
			titles = append(titles, s.Title)
		}
		for _, g := range q.Gaps {
			titles = append(titles, g.Title)
		}
		for _, d := range q.Diagrams {
			titles = append(titles, d.Title)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range titles {
			Slug(s)
		}
	}
}

// variedBank returns a bank of the given number of topics built from
// small pools of names, titles, numbers and positions, so that keys,
// IDs and positions collide within and across topics, and with blank
// fields, bad levels, bad blocks and a bad plan. The same seed gives
// the same bank.
func variedBank(seed uint64, topics int) *Bank {
	r := rand.New(rand.NewPCG(seed, 7))
	pick := func(pool ...string) string { return pool[r.IntN(len(pool))] }
	titles := []string{"Pod", "pod", "POD!", "pod-2", "Pod 2", "pod 2", "", " ", "✅", "term", "gap", "strength",
		"diagram", "Missing the ReplicaSet layer.", "Café", "’", "A very long title that goes on and on well past the limit of slugs"}
	spaces := []string{"", " ", "\t\r\n", "\v\f", "\u00a0\u2003", "\u0085", "\u200b", "\xff", " x ", "╔═╗", "text"}
	pos := func() Pos {
		return Pos{File: pick("a.md", "b.md", "c/d.md", ""), Line: r.IntN(40), Col: r.IntN(3)}
	}
	blocks := func(n int) []Block {
		var bs []Block
		for range r.IntN(n) {
			b := Block{Kind: BlockKind(pick(string(KindHeading), string(KindParagraph), string(KindQuote), string(KindList),
				string(KindTable), string(KindCode), string(KindRule), string(KindSample), "bogus")),
				Text: pick(spaces...), Sample: r.IntN(5) - 1, Pos: pos()}
			if r.IntN(2) == 0 {
				b.Items = []string{"x"}
			}
			if r.IntN(2) == 0 {
				b.Header = []string{"a", "b"}
				b.Rows = [][]string{{"1", "2"}, {"1"}}[:r.IntN(3)]
			}
			bs = append(bs, b)
		}
		return bs
	}
	sections := func() []Section {
		var ss []Section
		for range r.IntN(3) {
			ss = append(ss, Section{Title: pick(titles...), Blocks: blocks(3), Pos: pos()})
		}
		return ss
	}
	b := &Bank{}
	for range topics {
		t := Topic{Name: pick("Kubernetes", "kubernetes", "", "  ", "✅", "Topic 3", "EMR", "Spark — Streaming"), Pos: pos(),
			Notes: sections(), Extra: sections()}
		for range r.IntN(7) {
			t.Guide = append(t.Guide, Term{Term: pick(titles...), Definition: pick(spaces...), Pos: pos()})
		}
		for range r.IntN(6) {
			q := Question{Number: r.IntN(5), Level: Level(r.IntN(5)), Prompt: pick(spaces...), Pos: pos(),
				Answer: blocks(5), Extra: sections()}
			for range r.IntN(5) {
				q.Strengths = append(q.Strengths, Strength{Title: pick(titles...), Pos: pos()})
			}
			for range r.IntN(5) {
				q.Gaps = append(q.Gaps, Gap{Title: pick(titles...), Pos: pos()})
			}
			for range r.IntN(4) {
				s := Sample{File: pick("", "deploy.yaml", "✅"), Lang: pick("", "yaml", "✅", "YAML"), Code: pick(spaces...), Pos: pos()}
				if r.IntN(2) == 0 {
					s.Kinds = []string{pick("Pod", "✅", ""), "Service"}[:1+r.IntN(2)]
				}
				q.Samples = append(q.Samples, s)
			}
			for range r.IntN(4) {
				q.Diagrams = append(q.Diagrams, Diagram{Title: pick(titles...), Art: pick(spaces...), Pos: pos()})
			}
			t.Questions = append(t.Questions, q)
		}
		b.Topics = append(b.Topics, t)
	}
	for range r.IntN(9) {
		b.Plan = append(b.Plan, PlanEntry{Number: r.IntN(5), Topic: pick("", " ", "Kubernetes"), Status: Status(r.IntN(4)), Pos: pos()})
	}
	return b
}

// scrambleIDs replaces some IDs with ones from a small pool, as a bank
// loaded from JSON may hold: empty, repeated across topics, and nested
// under one another.
func scrambleIDs(b *Bank, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 11))
	pool := []string{"", "k", "k/q1", "k/q1/gaps/pod", "k/q1/gaps/pod/x", "x", "x/q1", "kubernetes", "kubernetes/q1", "kubernetes/q1/gaps/pod"}
	set := func(id *string) {
		if r.IntN(4) == 0 {
			*id = pool[r.IntN(len(pool))]
		}
	}
	for i := range b.Topics {
		t := &b.Topics[i]
		set(&t.ID)
		for j := range t.Guide {
			set(&t.Guide[j].ID)
		}
		for j := range t.Questions {
			q := &t.Questions[j]
			set(&q.ID)
			for k := range q.Strengths {
				set(&q.Strengths[k].ID)
			}
			for k := range q.Gaps {
				set(&q.Gaps[k].ID)
			}
			for k := range q.Samples {
				set(&q.Samples[k].ID)
			}
			for k := range q.Diagrams {
				set(&q.Diagrams[k].ID)
			}
		}
	}
}

// tailCases returns the banks that the tail tests compare on: varied
// banks small and large (large ones take the parallel paths), the
// shipped bank, and the pipeline-sized one.
func tailCases() map[string]func() *Bank {
	cases := map[string]func() *Bank{
		"small":    small,
		"shipped":  Default,
		"pipeline": func() *Bank { return bigBank(pipelineCopies) },
		"empty":    func() *Bank { return &Bank{} },
	}
	for seed := range uint64(30) {
		n := []int{1, 2, 3, 8, 40, 100}[seed%6]
		cases[fmt.Sprintf("varied/%d-topics/seed=%d", n, seed)] = func() *Bank { return variedBank(seed, n) }
		// The same with distinct topic names and question numbers: IDs
		// clash only where item keys do, so most take Check's fast path.
		cases[fmt.Sprintf("varied-distinct/%d-topics/seed=%d", n, seed)] = func() *Bank {
			b := variedBank(seed, n)
			for i := range b.Topics {
				t := &b.Topics[i]
				t.Name += fmt.Sprintf(" %d", i)
				for j := range t.Questions {
					t.Questions[j].Number = j + 1
				}
			}
			return b
		}
		// Topics clash by name only: each topic's IDs are fine on their
		// own, the repeats are across topics.
		cases[fmt.Sprintf("varied-across/%d-topics/seed=%d", n, seed)] = func() *Bank {
			b := variedBank(seed, n)
			for i := range b.Topics {
				t := &b.Topics[i]
				t.Name = []string{"Kubernetes", "EMR"}[i%2]
				for j := range t.Questions {
					t.Questions[j].Number = j + 1
				}
			}
			return b
		}
	}
	return cases
}

func TestAssignIDsMatchesOld(t *testing.T) {
	for name, mk := range tailCases() {
		want, got := mk(), mk()
		refAssignIDs(want)
		got.AssignIDs()
		if diff := cmp.Diff(allIDs(want), allIDs(got)); diff != "" {
			t.Errorf("%s: IDs differ from the old AssignIDs (-want +got):\n%s", name, diff)
		}
	}
}

func TestCheckMatchesSequential(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		for name, mk := range tailCases() {
			b := mk()
			b.AssignIDs()
			if diff := cmp.Diff(refCheck(b), b.Check()); diff != "" {
				t.Errorf("GOMAXPROCS=%d %s: Check differs from the sequential one (-want +got):\n%s", procs, name, diff)
			}
			for seed := range uint64(3) {
				scrambleIDs(b, seed)
				if diff := cmp.Diff(refCheck(b), b.Check()); diff != "" {
					t.Errorf("GOMAXPROCS=%d %s, scrambled IDs %d: Check differs from the sequential one (-want +got):\n%s", procs, name, seed, diff)
				}
			}
		}
	}
}

func TestBlankMatchesTrimSpace(t *testing.T) {
	in := slugInputs()
	for _, sp := range []string{"", " ", "\t", "\n", "\v", "\f", "\r", "\x1c", "\x85", "\u0085", "\u00a0", "\u1680",
		"\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\xff", "\xe2\x80"} {
		in = append(in, sp, sp+sp, " "+sp+"\t", sp+"x", "x"+sp)
	}
	for _, s := range in {
		if got, want := blank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("blank(%q) = %v, want %v", s, got, want)
		}
	}
}
