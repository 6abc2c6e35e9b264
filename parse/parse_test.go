package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/internal/goldentest"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// TestCases parses each testdata/*.txtar archive: every *.md file in it
// is a source, and the "want" file is a summary of the bank and the
// diagnostics that parsing must give. The summaries were written by hand
// from the inputs; -update rewrites them, and the diff must be reviewed.
func TestCases(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var srcs []Source
			wantIdx := -1
			for i, f := range ar.Files {
				switch {
				case f.Name == "want":
					wantIdx = i
				case strings.HasSuffix(f.Name, ".md") || IsConfig(f.Name):
					srcs = append(srcs, Source{Name: f.Name, Data: f.Data})
				}
			}
			b, diags := Parse(srcs...)
			got := summarize(b, diags)
			if goldentest.Update() {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatal("no want section; run with -update and review it")
			}
			if diff := cmp.Diff(string(ar.Files[wantIdx].Data), got); diff != "" {
				t.Errorf("summary mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// summarize prints what a reviewer checks against the input: per topic
// its tags, terms, notes and extra sections; per question its number,
// level (and whether inferred), label, title, prompt, response, score,
// strengths, gaps with phrasing, answer, samples, diagrams and extra
// sections; the plan; and every diagnostic.
func summarize(b *bank.Bank, diags bank.Diagnostics) string {
	var s strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&s, format+"\n", args...) }
	pin := func(name string) string {
		if name == "" {
			return ""
		}
		return " pin=" + name
	}
	kinds := func(bs []bank.Block) string {
		var k []string
		for _, b := range bs {
			k = append(k, string(b.Kind))
		}
		return strings.Join(k, ",")
	}
	for _, t := range b.Topics {
		p("topic %s %q terms=%d notes=%d extra=%d%s", t.ID, t.Name, len(t.Guide), len(t.Notes), len(t.Extra), pin(t.Pin))
		if len(t.Tags) > 0 {
			p("  tags %q", t.Tags)
		}
		for _, g := range t.Guide {
			p("  term %q (%s) @%d: %.40q%s", g.Term, g.Section, g.Pos.Line, g.Definition, pin(g.Pin))
		}
		for _, n := range t.Notes {
			p("  note %q %s @%d", n.Title, kinds(n.Blocks), n.Pos.Line)
		}
		for _, x := range t.Extra {
			p("  extra %q blocks=%d @%d", x.Title, len(x.Blocks), x.Pos.Line)
		}
		for _, q := range t.Questions {
			level := q.Level.String()
			if q.LevelInferred {
				level += " (inferred)"
			}
			p("  %s %s label=%q title=%q @%s:%d%s", q.ID, level, q.Label, q.Title, q.Pos.File, q.Pos.Line, pin(q.Pin))
			p("    prompt %.50q", q.Prompt)
			if len(q.Response) > 0 {
				p("    response %s: %.40q", kinds(q.Response), q.Response[0].Text)
			}
			if q.Score != "" {
				p("    score %q", q.Score)
			}
			for _, x := range q.Strengths {
				p("    strength %q: %.30q%s", x.Title, x.Detail, pin(x.Pin))
			}
			for _, x := range q.Gaps {
				p("    gap %q: %.30q phrasing=%.40q%s", x.Title, x.Detail, x.Phrasing, pin(x.Pin))
			}
			p("    answer %s", kinds(q.Answer))
			for _, x := range q.Samples {
				p("    sample %s lang=%q file=%q kinds=%v lines=%d @%d%s", x.ID, x.Lang, x.File, x.Kinds, strings.Count(x.Code, "\n"), x.Pos.Line, pin(x.Pin))
			}
			for _, x := range q.Diagrams {
				p("    diagram %q lang=%q art=%.30q lines=%d @%d%s", x.Title, x.Lang, x.Art, strings.Count(x.Art, "\n")+1, x.Pos.Line, pin(x.Pin))
			}
			for _, x := range q.Extra {
				p("    extra %q blocks=%d @%d", x.Title, len(x.Blocks), x.Pos.Line)
			}
		}
	}
	for _, e := range b.Plan {
		p("plan %d %q %s label=%q fields=%v", e.Number, e.Topic, e.Status, e.Label, e.Fields)
	}
	for _, d := range diags {
		p("%s", d.String())
	}
	return s.String()
}

// TestInvalidUTF8 checks that bytes no encoding explains reach the bank
// as U+FFFD, with a warning at their place, so that every text in the
// bank is valid UTF-8 (a fuzzed "―\xe2" once came back from JSON
// changed).
func TestInvalidUTF8(t *testing.T) {
	src := "# Concepts: Go\n\n**Slice** — a view \xff\xfe of an array.\n"
	b, diags := Parse(Source{Name: "go.md", Data: []byte(src)})
	if len(b.Topics) != 1 || len(b.Topics[0].Guide) != 1 {
		t.Fatalf("got %d topics, want one with one term; %v", len(b.Topics), diags)
	}
	if got, want := b.Topics[0].Guide[0].Definition, "a view \uFFFD of an array."; got != want {
		t.Errorf("definition = %q, want %q", got, want)
	}
	want := `go.md:3:22: warning: encoding: undecodable bytes "\xff\xfe" read as U+FFFD`
	found := false
	for _, d := range diags {
		found = found || d.String() == want
	}
	if !found {
		t.Errorf("no warning %q in\n%v", want, diags)
	}
}

// TestUnclosedFenceInContainers checks that a fence left open is found
// inside the blocks that can hold one (list items, quotes), not only at
// the top level, and that one closed is not reported.
func TestUnclosedFenceInContainers(t *testing.T) {
	head := "# Concepts: Go\n\n**Slice** — a view of an array.\n\n"
	for _, tc := range []struct {
		name, body string
		line, col  int // of the error, 0 for none
	}{
		{"top level", "```go\nx := 1\n", 5, 1},
		{"closed", "```go\nx := 1\n```\n\nAfter.\n", 0, 0},
		{"list item", "- item\n\n  ```go\n  x := 1\n", 7, 3},
		{"closed in a list item", "- item\n\n  ```go\n  x := 1\n  ```\n", 0, 0},
		{"nested list", "- item\n  - inner\n\n    ```go\n    x := 1\n", 8, 5},
		{"quote", "> quoted\n>\n> ```go\n> x := 1\n", 7, 3},
		{"closed in a quote", "> quoted\n>\n> ```go\n> x := 1\n> ```\n\nAfter.\n", 0, 0},
		{"closed in a nested quote", "> > ```go\n> > x := 1\n> > ```\n", 0, 0},
	} {
		_, diags := Parse(Source{Name: "go.md", Data: []byte(head + tc.body)})
		var got []string
		for _, d := range diags.Errors() {
			got = append(got, d.String())
		}
		var want []string
		if tc.line > 0 {
			want = []string{fmt.Sprintf("go.md:%d:%d: error: code fence is never closed: everything after it was read as code", tc.line, tc.col)}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: errors %q, want %q", tc.name, got, want)
		}
	}
}
