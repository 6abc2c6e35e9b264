package parse

import (
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/google/go-cmp/cmp"
)

// TestDiagramLineEnds checks how a Diagrams block is split and that line
// endings other than "\n" (a "\r" the newline normalisation leaves, as in
// "\r\r\n") never reach the art, including on blank lines inside a
// diagram and on the last line of the block.
func TestDiagramLineEnds(t *testing.T) {
	const head = "# Mock Interview: Go\n\n## Question 1 — Warm-Up\n\n**\"What is a goroutine?\"**\n\n" +
		"## What You Nailed\n\n**Stacks** — grow.\n\n## What to Tighten Up\n\n**Missing X.** Y.\n\n" +
		"## Model Answer\n\nA goroutine.\n\n## Diagrams\n\n```\n"
	tests := []struct {
		name, block string
		want        []bank.Diagram
	}{
		{"plain", "Scheduler\n┌─┐\n│G│\n\n└─┘\n\nStacks\n[ ]\n", []bank.Diagram{
			{Title: "Scheduler", Art: "┌─┐\n│G│\n\n└─┘"},
			{Title: "Stacks", Art: "[ ]"},
		}},
		{"carriage returns", "Scheduler\r\r\n┌─┐\r\r\n│G│\r\r\n  \r\r\n└─┘\r\r\n\r\r\nStacks\r\r\n[ ]\r\r\n", []bank.Diagram{
			{Title: "Scheduler", Art: "┌─┐\n│G│\n  \n└─┘"},
			{Title: "Stacks", Art: "[ ]"},
		}},
		{"one carriage return in the middle", "Scheduler\n┌─┐\n│G│\r\r\n└─┘\n", []bank.Diagram{
			{Title: "Scheduler", Art: "┌─┐\n│G│\n└─┘"},
		}},
		{"carriage return on a blank line only", "Scheduler\n┌─┐\n\r\r\n└─┘\n", []bank.Diagram{
			{Title: "Scheduler", Art: "┌─┐\n\n└─┘"},
		}},
		{"carriage return after the last line", "Scheduler\n┌─┐\n└─┘\r\r\n", []bank.Diagram{
			{Title: "Scheduler", Art: "┌─┐\n└─┘"},
		}},
		{"untitled art continues", "┌─┐\n└─┘\n", []bank.Diagram{
			{Art: "┌─┐\n└─┘"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := head + tt.block + "```\n"
			b, _ := Parse(Source{Name: "go.md", Data: []byte(src)})
			if len(b.Topics) != 1 || len(b.Topics[0].Questions) != 1 {
				t.Fatalf("parsed %d topics, want one with one question", len(b.Topics))
			}
			got := b.Topics[0].Questions[0].Diagrams
			for i := range got {
				got[i].Pos, got[i].ID = bank.Pos{}, ""
				if strings.ContainsRune(got[i].Art, '\r') {
					t.Errorf("diagram %d keeps a carriage return: %q", i, got[i].Art)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagrams (-want +got):\n%s", diff)
			}
		})
	}
}
