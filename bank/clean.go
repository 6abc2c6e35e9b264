package bank

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean returns s as every exporter may rely on text of a bank to be:
// valid UTF-8 (each invalid byte sequence becomes U+FFFD), line breaks
// as "\n" (CRLF and lone CR become LF), no control characters but tab
// and newline (other C0 controls and DEL are removed), and in Unicode
// normal form C. Text that is already clean comes back unchanged.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
	return norm.NFC.String(s)
}

func isClean(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			continue // printable ASCII, nearly all text: one test
		}
		switch {
		case c >= utf8.RuneSelf:
			ascii = false
		case c != '\n' && c != '\t':
			return false // a control character or DEL
		}
	}
	// ASCII text is valid UTF-8 and in normal form C.
	return ascii || utf8.ValidString(s) && norm.NFC.IsNormalString(s)
}

// Normalize applies Clean to every text of the bank, in place: names,
// prompts, titles, details, blocks, code, art, tags, plan rows. Parsing
// and Load call it, so exporters receive clean text.
func (b *Bank) Normalize() {
	for i := range b.Topics {
		t := &b.Topics[i]
		cleanAll(&t.Name, &t.Pin)
		cleanList(t.Tags)
		for j := range t.Guide {
			g := &t.Guide[j]
			cleanAll(&g.Pin, &g.Term, &g.Definition, &g.Section)
		}
		cleanSections(t.Notes)
		cleanSections(t.Extra)
		for j := range t.Questions {
			t.Questions[j].normalize()
		}
	}
	for i := range b.Plan {
		p := &b.Plan[i]
		cleanAll(&p.Topic, &p.Label)
		for j := range p.Fields {
			cleanAll(&p.Fields[j].Name, &p.Fields[j].Value)
		}
	}
}

func (q *Question) normalize() {
	cleanAll(&q.Pin, &q.Label, &q.Title, &q.Prompt, &q.Score)
	cleanBlocks(q.Response)
	for i := range q.Strengths {
		s := &q.Strengths[i]
		cleanAll(&s.Pin, &s.Title, &s.Detail)
	}
	for i := range q.Gaps {
		g := &q.Gaps[i]
		cleanAll(&g.Pin, &g.Title, &g.Detail, &g.Phrasing)
	}
	cleanBlocks(q.Answer)
	for i := range q.Samples {
		s := &q.Samples[i]
		cleanAll(&s.Pin, &s.Lang, &s.File, &s.Code)
		cleanList(s.Kinds)
	}
	for i := range q.Diagrams {
		d := &q.Diagrams[i]
		cleanAll(&d.Pin, &d.Title, &d.Lang, &d.Art)
	}
	cleanSections(q.Extra)
}

func cleanSections(ss []Section) {
	for i := range ss {
		cleanAll(&ss[i].Title)
		cleanBlocks(ss[i].Blocks)
	}
}

func cleanBlocks(bs []Block) {
	for i := range bs {
		b := &bs[i]
		cleanAll(&b.Text, &b.Lang, &b.Code)
		cleanList(b.Items)
		cleanList(b.Header)
		for _, r := range b.Rows {
			cleanList(r)
		}
	}
}

func cleanAll(ps ...*string) {
	for _, p := range ps {
		*p = Clean(*p)
	}
}

func cleanList(l []string) {
	for i := range l {
		l[i] = Clean(l[i])
	}
}
