package bank

import (
	"fmt"
	"testing"
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
