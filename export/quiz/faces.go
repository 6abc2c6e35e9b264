package quiz

import (
	"html"
	"strings"

	"github.com/bankgen/bankgen/bank"
)

// faces renders the front and back of each kind of card. It is the seam
// where the shared card renderer plugs in; this stand-in writes plain
// escaped text until that renderer lands.
type faces struct{}

func newFaces() *faces { return &faces{} }

func esc(b *strings.Builder, tag, s string) {
	if s == "" {
		return
	}
	b.WriteString("<" + tag + ">" + html.EscapeString(s) + "</" + tag + ">")
}

func (f *faces) question(t *bank.Topic, q *bank.Question) (front, back string) {
	var fb, bb strings.Builder
	esc(&fb, "p", q.Prompt)
	for _, bl := range q.Answer {
		switch bl.Kind {
		case bank.KindSample:
			if bl.Sample >= 0 && bl.Sample < len(q.Samples) {
				esc(&bb, "pre", q.Samples[bl.Sample].Code)
			}
		case bank.KindCode:
			esc(&bb, "pre", bl.Code)
		case bank.KindList:
			esc(&bb, "p", strings.Join(bl.Items, "\n"))
		default:
			esc(&bb, "p", bl.Text)
		}
	}
	for _, g := range q.Gaps {
		esc(&bb, "p", g.Title+" — "+g.Phrasing)
	}
	for _, d := range q.Diagrams {
		esc(&bb, "p", d.Title)
		esc(&bb, "pre", d.Art)
	}
	return fb.String(), bb.String()
}

func (f *faces) gap(t *bank.Topic, q *bank.Question, g *bank.Gap) (front, back string) {
	var fb, bb strings.Builder
	esc(&fb, "p", g.Title)
	esc(&fb, "p", q.Prompt)
	esc(&bb, "p", g.Detail)
	esc(&bb, "blockquote", g.Phrasing)
	return fb.String(), bb.String()
}

func (f *faces) concept(t *bank.Topic, term *bank.Term) (front, back string) {
	var fb, bb strings.Builder
	esc(&fb, "p", term.Term)
	esc(&bb, "p", term.Definition)
	return fb.String(), bb.String()
}

func (f *faces) reverse(t *bank.Topic, term *bank.Term) (front, back string) {
	front, back = f.concept(t, term)
	return back, front
}
