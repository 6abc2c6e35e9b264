package markdown_test

import (
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
)

// unrepresentable says why a bank that the parser gave cannot come back
// from Markdown unchanged, or "" when it can. Each reason is a known
// limit of the round trip, shown on a minimal bank by TestLimits.
func unrepresentable(b *bank.Bank) string {
	var why string
	visitStrings(reflect.ValueOf(b).Elem(), func(s string) {
		if why == "" && !utf8.ValidString(s) {
			why = "invalid UTF-8"
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
