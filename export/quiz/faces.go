package quiz

import (
	"strconv"
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
func section(title, body string) string {
	if body == "" {
		return ""
	}
	return `<h3 class="bg-h">` + title + `</h3>` + body
}

// folded returns body folded under a summary, or "" when body is empty.
func folded(class, summary, body string) string {
	if body == "" {
		return ""
	}
	return `<details class="` + class + `"><summary>` + summary + `</summary>` + body + `</details>`
}

// asked returns a front: what to do, the cue, and where it comes from.
func (f *faces) asked(ask, cue, from string) string {
	ctx := ""
	if strings.TrimSpace(from) != "" {
		ctx = `<div class="bg-context">` + f.r.Line(from) + `</div>`
	}
	return fragment(`<div class="bg-ask">`+ask+`</div>`, `<div class="bg-drill">`+cue+`</div>`, ctx)
}

// question: the prompt → the answer's outline, with the full model
// answer, the phrasings to use, the diagrams and what the learner
// nailed each a tap away, as on the deck's question card.
func (f *faces) question(q *bank.Question) (front, back string) {
	front = fragment(`<div class="bg-prompt">` + f.r.Text(q.Prompt) + `</div>`)
	back = fragment(
		section("Outline", f.r.Outline(q)),
		folded("bg-full", "Full model answer", f.r.Answer(q)),
		folded("bg-full", "Say it like this", f.r.Phrasings(q.Gaps)),
		folded("bg-full", "Diagrams", f.r.Diagrams(q.Diagrams)),
		folded("bg-strengths", "What you nailed", f.r.Strengths(q.Strengths)),
	)
	return front, back
}

// answerSection: one titled section of a model answer, from its title →
// its text.
func (f *faces) answerSection(q *bank.Question, title string, s *bank.AnswerSection) (front, back string) {
	return f.asked("Recall this part of the answer:", f.r.Line(title), q.Prompt), fragment(f.r.Parts(s.Parts))
}

// gap: the missing point to explain in one's own words → its
// explanation and the phrasing to use.
func (f *faces) gap(q *bank.Question, g *bank.Gap) (front, back string) {
	var b strings.Builder
	if g.Detail != "" {
		b.WriteString(`<p>` + f.r.Text(g.Detail) + `</p>`)
	}
	if g.Phrasing != "" {
		b.WriteString(section("Say it like this", `<blockquote class="bg-phrasing">`+f.r.Text(g.Phrasing)+`</blockquote>`))
	}
	return f.asked("Explain in your own words:", f.r.Text(g.Title), q.Prompt), fragment(b.String())
}

// phrasing: a gap's title → the words to say it with.
func (f *faces) phrasing(q *bank.Question, g *bank.Gap) (front, back string) {
	return f.asked("Say it like this:", f.r.Text(g.Title), q.Prompt),
		fragment(`<div class="bg-phrasing">` + f.r.Text(g.Phrasing) + `</div>`)
}

// diagram: a diagram's title → the diagram, to sketch.
func (f *faces) diagram(q *bank.Question, title string, d *bank.Diagram) (front, back string) {
	return f.asked("Sketch the diagram:", f.r.Line(title), q.Prompt), fragment(f.r.Diagram(d))
}

// concept: the term, with the guide section it is under → its
// definition.
func (f *faces) concept(term *bank.Term) (front, back string) {
	ctx := ""
	if strings.TrimSpace(term.Section) != "" {
		ctx = `<div class="bg-context">` + f.r.Line(term.Section) + `</div>`
	}
	return fragment(`<div class="bg-prompt">`+f.r.Line(term.Term)+`</div>`, ctx),
		fragment(`<p>` + f.r.Text(term.Definition) + `</p>`)
}

// reverse: the definition, the term masked in it → the term.
func (f *faces) reverse(term *bank.Term) (front, back string) {
	return f.asked("Which term is this?", `<p>`+f.r.Masked(term.Definition, term.Term)+`</p>`, term.Section),
		fragment(`<div class="bg-prompt">` + f.r.Line(term.Term) + `</div>`)
}

// diagramTitle returns a diagram's title, or "Diagram N" when it has
// none, as the renderer captions it.
func diagramTitle(d *bank.Diagram, i int) string {
	if t := strings.TrimSpace(d.Title); t != "" {
		return t
	}
	return "Diagram " + strconv.Itoa(i+1)
}
