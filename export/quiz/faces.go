package quiz

import (
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/cardhtml"
)

// faces renders the front and back of each kind of card with the shared
// card renderer, so the page's cards read like the Anki deck's. Every
// face is a .bg fragment, styled by cardhtml.CSS.
type faces struct {
	r *cardhtml.Renderer
}

func newFaces() *faces { return &faces{r: cardhtml.New(cardhtml.Options{})} }

// fragment wraps the parts of a face in the renderer's container.
func fragment(parts ...string) string {
	return `<div class="bg">` + strings.Join(parts, "") + `</div>`
}

// section returns a titled part of a back, or "" when body is empty.
func section(title, class, body string) string {
	if body == "" {
		return ""
	}
	return `<h3 class="bg-h">` + title + `</h3><div class="` + class + `">` + body + `</div>`
}

// question: the prompt → the model answer, the gaps with their phrasing,
// the diagrams, and what the learner nailed (folded).
func (f *faces) question(t *bank.Topic, q *bank.Question) (front, back string) {
	front = fragment(`<div class="bg-prompt">` + f.r.Text(q.Prompt) + `</div>`)
	nailed := f.r.Strengths(q.Strengths)
	if nailed != "" {
		nailed = `<details class="bg-strengths"><summary>What you nailed</summary>` + nailed + `</details>`
	}
	back = fragment(
		section("Model answer", "bg-answer", f.r.Answer(q)),
		section("What to tighten up", "bg-gaps", f.r.Gaps(q.Gaps)),
		section("Diagrams", "bg-diagrams", f.r.Diagrams(q.Diagrams)),
		nailed,
	)
	return front, back
}

// gap: the missing point to explain in one's own words, with the
// question it came from → its explanation and the phrasing to use.
func (f *faces) gap(t *bank.Topic, q *bank.Question, g *bank.Gap) (front, back string) {
	front = fragment(
		`<div class="bg-ask">Explain in your own words:</div>`,
		`<div class="bg-drill">`+f.r.Text(g.Title)+`</div>`,
		`<div class="bg-context">From: `+f.r.Line(q.Prompt)+`</div>`,
	)
	var b strings.Builder
	if g.Detail != "" {
		b.WriteString(`<p>` + f.r.Text(g.Detail) + `</p>`)
	}
	if g.Phrasing != "" {
		b.WriteString(`<h3 class="bg-h">Say it like this</h3><blockquote class="bg-phrasing">` + f.r.Text(g.Phrasing) + `</blockquote>`)
	}
	return front, fragment(b.String())
}

// concept: the term, with the guide section it is under → its
// definition.
func (f *faces) concept(t *bank.Topic, term *bank.Term) (front, back string) {
	front = fragment(`<div class="bg-prompt">` + f.r.Line(term.Term) + `</div>` + context(f.r, term.Section))
	return front, fragment(`<p>` + f.r.Text(term.Definition) + `</p>`)
}

// reverse: the definition → the term.
func (f *faces) reverse(t *bank.Topic, term *bank.Term) (front, back string) {
	front = fragment(`<div class="bg-ask">Which term is this?</div><p>`+f.r.Text(term.Definition)+`</p>`, context(f.r, term.Section))
	return front, fragment(`<div class="bg-prompt">` + f.r.Line(term.Term) + `</div>`)
}

func context(r *cardhtml.Renderer, s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return `<div class="bg-context">` + r.Line(s) + `</div>`
}
