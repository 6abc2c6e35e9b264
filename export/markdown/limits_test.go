package markdown_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/markdown"
	"github.com/bankgen/bankgen/parse"
)

// unrepresentable says why a bank that the parser gave cannot come back
// from Markdown unchanged, or "" when it can. Each reason is a known
// limit of the round trip, shown on a minimal bank by TestLimits.
func unrepresentable(b *bank.Bank) string {
	var why string
	visitStrings(reflect.ValueOf(b).Elem(), func(s string) {
		switch {
		case why != "":
		case !utf8.ValidString(s):
			why = "invalid UTF-8"
		case strings.ContainsRune(s, 0):
			why = "a NUL character"
		}
	})
	if why != "" {
		return why
	}
	for _, t := range b.Topics {
		texts := []string{t.Name}
		for _, g := range t.Guide {
			texts = append(texts, g.Term, g.Definition)
		}
		for _, q := range t.Questions {
			texts = append(texts, q.Prompt)
			for _, s := range q.Strengths {
				texts = append(texts, s.Title, s.Detail)
			}
			for _, g := range q.Gaps {
				texts = append(texts, g.Title, g.Detail, g.Phrasing)
			}
			for _, s := range q.Samples {
				if s.Code != "" && !strings.HasSuffix(s.Code, "\n") {
					return "code not ending in a line break"
				}
			}
			if why := blocksLimit(q.Answer); why != "" {
				return why
			}
			for _, x := range q.Extra {
				if why := blocksLimit(x.Blocks); why != "" {
					return why
				}
			}
		}
		for _, x := range append(t.Notes, t.Extra...) {
			if why := blocksLimit(x.Blocks); why != "" {
				return why
			}
		}
		for _, s := range texts {
			if strings.TrimSpace(s) != s {
				return "text with white space at an end"
			}
		}
	}
	return ""
}

// blocksLimit is unrepresentable for blocks.
func blocksLimit(bs []bank.Block) string {
	for _, b := range bs {
		switch b.Kind {
		case bank.KindParagraph, bank.KindHeading, bank.KindQuote:
			if strings.TrimSpace(b.Text) != b.Text {
				return "text with white space at an end"
			}
		case bank.KindCode:
			if b.Code != "" && !strings.HasSuffix(b.Code, "\n") {
				return "code not ending in a line break"
			}
		case bank.KindList:
			depth := -1
			for _, it := range b.Items {
				d := 0
				for strings.HasPrefix(it, "  ") {
					it, d = it[2:], d+1
				}
				core := strings.Trim(it, "\n")
				if strings.TrimSpace(core) != core {
					return "list item text with white space at an end"
				}
				if d > depth+1 {
					return "list item nested two levels below the one before"
				}
				depth = d
			}
		}
	}
	return ""
}

// visitStrings calls f with every string in v.
func visitStrings(v reflect.Value, f func(string)) {
	switch v.Kind() {
	case reflect.String:
		f(v.String())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			visitStrings(v.Field(i), f)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			visitStrings(v.Index(i), f)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			visitStrings(v.Elem(), f)
		}
	}
}

// limitBase is a minimal bank that round-trips.
func limitBase() *bank.Bank {
	return &bank.Bank{Topics: []bank.Topic{{
		Name:  "Base",
		Notes: []bank.Section{{Title: "Notes", Blocks: []bank.Block{{Kind: bank.KindParagraph, Text: "Prose."}}}},
		Guide: []bank.Term{{Term: "Term", Definition: "meaning", Section: "Notes"}},
		Questions: []bank.Question{{
			Number: 1, Level: bank.WarmUp, Label: "Warm Up", Prompt: "Why?",
			Strengths: []bank.Strength{{Title: "Good", Detail: "point"}},
			Answer:    []bank.Block{{Kind: bank.KindParagraph, Text: "Because."}},
		}},
	}}}
}

// TestLimits shows each documented limit of the round trip (see the
// package comment) on a minimal bank: the bank must NOT come back
// unchanged, or the limit is gone and the documentation is out of date.
// Rendering must still work.
func TestLimits(t *testing.T) {
	q := func(b *bank.Bank) *bank.Question { return &b.Topics[0].Questions[0] }
	tests := []struct {
		name   string
		change func(b *bank.Bank)
	}{
		{"empty topic", func(b *bank.Bank) { b.Topics = append(b.Topics, bank.Topic{Name: "Zed"}) }},
		{"name ending in an emoji", func(b *bank.Bank) { b.Topics[0].Name = "Go 🚀" }},
		{"names sharing a slug", func(b *bank.Bank) {
			t2 := limitBase().Topics[0]
			t2.Name = "BASE"
			b.Topics = append(b.Topics, t2)
		}},
		{"topics out of ID order", func(b *bank.Bank) {
			t2 := limitBase().Topics[0]
			t2.Name = "Alpha"
			b.Topics = append(b.Topics, t2)
		}},
		{"question number above 9999", func(b *bank.Bank) { q(b).Number = 10000 }},
		{"label disagreeing with the level", func(b *bank.Bank) { q(b).Label = "Bonus" }},
		{"no label for a known level", func(b *bank.Bank) { q(b).Label = "" }},
		{"label ending in a symbol", func(b *bank.Bank) { q(b).Label = "Warm Up 🚀" }},
		{"note titled like a section", func(b *bank.Bank) {
			b.Topics[0].Notes[0].Title = "Diagrams"
			b.Topics[0].Guide[0].Section = "Diagrams"
		}},
		{"note titled like a question", func(b *bank.Bank) {
			b.Topics[0].Notes[0].Title = "Question 7"
			b.Topics[0].Guide[0].Section = "Question 7"
		}},
		{"topic extra section not titled like a section", func(b *bank.Bank) {
			b.Topics[0].Extra = []bank.Section{{Title: "Misc", Blocks: []bank.Block{{Kind: bank.KindParagraph, Text: "x"}}}}
		}},
		{"term filed under no note", func(b *bank.Bank) { b.Topics[0].Guide[0].Section = "Nowhere" }},
		{"terms out of the notes' order", func(b *bank.Bank) {
			t := &b.Topics[0]
			t.Notes = append(t.Notes, bank.Section{Title: "More"})
			t.Guide = []bank.Term{{Term: "B", Definition: "b", Section: "More"}, {Term: "A", Definition: "a", Section: "Notes"}}
		}},
		{"term without a definition", func(b *bank.Bank) { b.Topics[0].Guide[0].Definition = "" }},
		{"heading other than level 4 in a note", func(b *bank.Bank) {
			b.Topics[0].Notes[0].Blocks = []bank.Block{{Kind: bank.KindHeading, Level: 2, Text: "Sub"}}
		}},
		{"answer heading titled like a section", func(b *bank.Bank) {
			q(b).Answer = append(q(b).Answer, bank.Block{Kind: bank.KindHeading, Level: 2, Text: "Diagrams"}, bank.Block{Kind: bank.KindParagraph, Text: "x"})
		}},
		{"thematic break", func(b *bank.Bank) { q(b).Answer = append(q(b).Answer, bank.Block{Kind: bank.KindRule}) }},
		{"plain code in an answer", func(b *bank.Bank) {
			q(b).Answer = append(q(b).Answer, bank.Block{Kind: bank.KindCode, Code: "x\n"})
		}},
		{"sample the answer does not name", func(b *bank.Bank) { q(b).Samples = []bank.Sample{{Code: "x\n"}} }},
		{"unknown level", func(b *bank.Bank) { q(b).Level, q(b).Label = bank.LevelUnknown, "" }},
		{"inferred level other than the place gives", func(b *bank.Bank) { q(b).Level, q(b).Label, q(b).LevelInferred = bank.Lead, "", true }},
		{"title without a prompt", func(b *bank.Bank) { q(b).Title, q(b).Prompt = "Rate limiting", "" }},
		{"plan row without its status as written", func(b *bank.Bank) {
			b.Plan = []bank.PlanEntry{{Number: 1, Topic: "Go", Status: bank.Done}}
		}},
		{"extra Question section after the feedback", func(b *bank.Bank) {
			q(b).Extra = []bank.Section{{Title: "What You Nailed", Blocks: []bank.Block{{Kind: bank.KindTable, Header: []string{"a"}}}},
				{Title: "Question", Blocks: []bank.Block{{Kind: bank.KindTable, Header: []string{"b"}}}}}
		}},
		{"closing line in an answer", func(b *bank.Bank) {
			q(b).Answer = append(q(b).Answer, bank.Block{Kind: bank.KindParagraph, Text: "Ready for the next topic?"})
		}},
		{"code not ending in a line break", func(b *bank.Bank) {
			b.Topics[0].Notes[0].Blocks = []bank.Block{{Kind: bank.KindCode, Code: "x"}}
		}},
		{"table row narrower than the header", func(b *bank.Bank) {
			q(b).Answer = []bank.Block{{Kind: bank.KindTable, Header: []string{"a", "b"}, Rows: [][]string{{"1"}}}}
		}},
		{"table with Topic and Status columns", func(b *bank.Bank) {
			q(b).Answer = []bank.Block{{Kind: bank.KindTable, Header: []string{"Topic", "Status"}, Rows: [][]string{{"x", "y"}}}}
		}},
		{"diagram title with drawing characters", func(b *bank.Bank) {
			q(b).Diagrams = []bank.Diagram{{Title: "A ─ B", Art: "┌┐"}}
		}},
		{"diagram art reading as two diagrams", func(b *bank.Bank) {
			q(b).Diagrams = []bank.Diagram{{Title: "ONE", Art: "┌┐\n\nLEGEND\n└┘"}}
		}},
		{"extra section the part itself reads", func(b *bank.Bank) {
			q(b).Extra = []bank.Section{{Title: "What You Nailed", Blocks: []bank.Block{{Kind: bank.KindParagraph, Text: "x"}}}}
		}},
		{"question extra section titled like a section", func(b *bank.Bank) {
			q(b).Extra = []bank.Section{{Title: "Model Answer", Blocks: []bank.Block{{Kind: bank.KindParagraph, Text: "x"}}}}
		}},
		{"white space at an end of text", func(b *bank.Bank) { q(b).Prompt = " Why?" }},
		{"NUL", func(b *bank.Bank) { q(b).Prompt = "Why\x00?" }},
		{"text reading as mojibake", func(b *bank.Bank) { q(b).Prompt = "Whyâ€™s the cafÃ© â€” naÃ¯ve?" }},
	}
	// The base itself must round-trip, or every case would pass for the
	// wrong reason.
	base := limitBase()
	base.AssignIDs()
	roundTrip(t, base, markdown.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := limitBase()
			tt.change(b)
			b.AssignIDs()
			srcs := render(t, b, markdown.Options{})
			got, _ := parse.Parse(srcs...)
			if cmp.Equal(b, got, equal) {
				t.Errorf("the bank came back unchanged: this limit is gone; update the package comment and this test")
			}
		})
	}
}
