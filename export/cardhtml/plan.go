package cardhtml

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bankgen/bankgen/bank"
)

// Kind says what a card holds.
type Kind int

// The kinds of card, in the order Kinds lists them.
const (
	// KindQuestion is one interview question: its prompt → the outline
	// of its answer.
	KindQuestion Kind = iota
	// KindGap is one "What to Tighten Up" item, to explain.
	KindGap
	// KindConcept is one glossary term → its definition.
	KindConcept
	// KindSection is one titled section of a model answer.
	KindSection
	// KindPhrasing is the "say it like this" of one gap.
	KindPhrasing
	// KindDiagram is one diagram of a question, to sketch from its title.
	KindDiagram
	// KindReverse is one glossary term the other way round: the
	// definition, the term masked → the term.
	KindReverse
)

// Kinds lists every kind of card.
func Kinds() []Kind {
	return []Kind{KindQuestion, KindGap, KindConcept, KindSection, KindPhrasing, KindDiagram, KindReverse}
}

var kindNames = [...]string{"question", "gap", "concept", "section", "phrasing", "diagram", "reverse"}

// String returns the kind's name: "question", "gap", "concept",
// "section", "phrasing", "diagram" or "reverse".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// A Card is one card of a bank's plan: what it is, how it is keyed and
// where it comes from. Renderer.Faces renders its front and back.
type Card struct {
	Kind Kind
	// ID keys the card (see Plan).
	ID string
	// Topic indexes the card's topic in Bank.Topics.
	Topic int
	// Title is the card's cue as one line of plain text, for lists and
	// reports: "Q2 · Pod — the atomic unit", "Say it: …", "Pod
	// (reverse)".
	Title string
	// Pos is where the card's item is in the sources.
	Pos bank.Pos
	// Pinned says the source pins the item's ID.
	Pinned bool

	// Question is the question the card comes from; nil for concepts.
	Question *bank.Question
	// Section, Gap, Diagram and Term are the item a card of their kind
	// holds (Gap for phrasing cards too, Term for reverse cards too);
	// nil otherwise.
	Section *bank.AnswerSection
	Gap     *bank.Gap
	Diagram *bank.Diagram
	Term    *bank.Term

	// name is the section's or diagram's title as its front shows it.
	name string
}

// Plan returns the cards of b, in order. This is the card design.
//
// A learner grades a card Again or Good by whether they recalled its
// back, which works only when the back is one idea: the minimum
// information principle. So every item the source gives as a separate
// idea becomes a card of its own, and a whole question, which is many
// ideas, is graded against a short outline of its answer rather than the
// answer itself:
//
//   - a question: its prompt → the outline of its model answer (each
//     titled section with its key sentence), with the full answer, the
//     "say it like this" phrasings, the diagrams and what the learner
//     nailed each a tap away;
//   - an answer section, when the answer has two or more titled ones
//     (one section is the whole answer again): its title → its text;
//   - a gap ("what to tighten up"): the missing point → its explanation
//     and the phrasing to use;
//   - a phrasing, for each gap that has one: the gap → the words to say;
//   - a diagram: its title → the diagram, to sketch;
//   - a concept: the term → its definition;
//   - a reverse concept, for each term with a definition: the definition
//     with every form of the term masked (see Renderer.Masked) → the term.
//
// The cards come topic by topic: each question followed by its
// sections, its gaps each with its phrasing, and its diagrams; then the
// topic's concepts, then their reverse cards, so that a reverse card is
// never met right after the card that shows its answer. New cards are
// learnt in this order.
//
// A card is keyed by the bank's stable ID of what it holds (a section's
// is bank.AnswerSection.ID); a phrasing card by its gap's ID with
// "/phrasing", a reverse card by its term's ID with "/reverse". Outputs
// key the learner's history by these IDs, so they never change for the
// same item.
func Plan(b *bank.Bank) []Card {
	var cards []Card
	for ti := range b.Topics {
		t := &b.Topics[ti]
		for qi := range t.Questions {
			cards = appendQuestion(cards, ti, &t.Questions[qi])
		}
		for gi := range t.Guide {
			g := &t.Guide[gi]
			cards = append(cards, Card{Kind: KindConcept, ID: g.ID, Topic: ti, Title: g.Term, Pos: g.Pos, Pinned: g.Pin != "", Term: g})
		}
		for gi := range t.Guide {
			g := &t.Guide[gi]
			if strings.TrimSpace(g.Definition) == "" {
				continue
			}
			cards = append(cards, Card{Kind: KindReverse, ID: g.ID + "/reverse", Topic: ti, Title: g.Term + " (reverse)",
				Pos: g.Pos, Pinned: g.Pin != "", Term: g})
		}
	}
	return cards
}

// appendQuestion appends the cards of one question.
func appendQuestion(cards []Card, topic int, q *bank.Question) []Card {
	label := QuestionLabel(q)
	cards = append(cards, Card{Kind: KindQuestion, ID: q.ID, Topic: topic, Title: label + " · " + q.Prompt,
		Pos: q.Pos, Pinned: q.Pin != "", Question: q})
	var titled []bank.AnswerSection
	for _, s := range q.AnswerSections() {
		if s.ID != "" {
			titled = append(titled, s)
		}
	}
	if len(titled) >= 2 {
		for i := range titled {
			s := &titled[i]
			name := strings.TrimRight(strings.TrimSpace(s.Title), ":")
			cards = append(cards, Card{Kind: KindSection, ID: s.ID, Topic: topic, Title: label + " · " + name,
				Pos: s.Pos, Question: q, Section: s, name: name})
		}
	}
	for gi := range q.Gaps {
		g := &q.Gaps[gi]
		cards = append(cards, Card{Kind: KindGap, ID: g.ID, Topic: topic, Title: g.Title, Pos: g.Pos, Pinned: g.Pin != "", Question: q, Gap: g})
		if strings.TrimSpace(g.Phrasing) != "" {
			cards = append(cards, Card{Kind: KindPhrasing, ID: g.ID + "/phrasing", Topic: topic, Title: "Say it: " + g.Title,
				Pos: g.Pos, Pinned: g.Pin != "", Question: q, Gap: g})
		}
	}
	for di := range q.Diagrams {
		d := &q.Diagrams[di]
		name := diagramTitle(d, di)
		cards = append(cards, Card{Kind: KindDiagram, ID: d.ID, Topic: topic, Title: label + " · " + name,
			Pos: d.Pos, Pinned: d.Pin != "", Question: q, Diagram: d, name: name})
	}
	return cards
}

// QuestionLabel returns "Q2", or "Q" for a question with no number.
func QuestionLabel(q *bank.Question) string {
	if q.Number > 0 {
		return "Q" + strconv.Itoa(q.Number)
	}
	return "Q"
}

// diagramTitle returns a diagram's title, or "Diagram N" (i+1) when it
// has none.
func diagramTitle(d *bank.Diagram, i int) string {
	if t := strings.TrimSpace(d.Title); t != "" {
		return t
	}
	return "Diagram " + strconv.Itoa(i+1)
}

// Faces is a card's front and back as HTML fragments, in parts that an
// output lays out in its own way (an Anki note type's fields, a page's
// card). All source text in them is escaped.
type Faces struct {
	// Chip names the kind of card, as plain text: "Answer section".
	Chip string
	// Ask is what the front asks the learner to do, as plain text:
	// "Recall this part of the answer:"; "" when the cue asks by itself
	// (a question's prompt, a concept's term).
	Ask string
	// Front is the cue: the prompt, the title, the term, or the masked
	// definition.
	Front string
	// Context is where the cue comes from, on one line: the question's
	// prompt, or the guide section of a term; "" when there is none.
	Context string
	// Heading is a title over Back, as plain text; "" for none.
	Heading string
	// Back is what recall is graded against.
	Back string
	// Phrasing is a gap's "say it like this", set apart on the back;
	// "" for other kinds.
	Phrasing string
	// More are the parts of the back a tap away (folded), in order. A
	// question has four, each possibly empty: the full model answer,
	// the phrasings, the diagrams and what the learner nailed. Other
	// kinds have none.
	More []Fold
}

// A Fold is one part of a card's back shown a tap away.
type Fold struct {
	// Summary is what the learner taps, as plain text.
	Summary string
	// HTML is the part itself; "" when there is nothing to show.
	HTML string
}

// Faces renders the front and back of a card of Plan.
func (r *Renderer) Faces(c *Card) Faces {
	switch c.Kind {
	case KindQuestion:
		q := c.Question
		return Faces{Chip: "Interview question", Front: r.Line(q.Prompt), Heading: "Key points", Back: r.Outline(q), More: []Fold{
			{"Full model answer", r.Answer(q)},
			{"Say it like this", r.Phrasings(q.Gaps)},
			{"Diagrams", r.Diagrams(q.Diagrams)},
			{"What you nailed", r.Strengths(q.Strengths)},
		}}
	case KindSection:
		return Faces{Chip: "Answer section", Ask: "Recall this part of the answer:",
			Front: r.Line(c.name), Context: r.Line(c.Question.Prompt), Back: r.Parts(c.Section.Parts)}
	case KindGap:
		g := c.Gap
		return Faces{Chip: "Gap drill", Ask: "Explain in your own words:", Front: r.Line(g.Title),
			Context: r.Line(c.Question.Prompt), Back: r.Text(g.Detail), Phrasing: r.Text(g.Phrasing)}
	case KindPhrasing:
		g := c.Gap
		return Faces{Chip: "Say it like this", Ask: "Say it like this:", Front: r.Line(g.Title),
			Context: r.Line(c.Question.Prompt), Back: `<div class="bg-phrasing">` + r.Text(g.Phrasing) + `</div>`}
	case KindDiagram:
		return Faces{Chip: "Sketch the diagram", Ask: "Sketch the diagram:", Front: r.Line(c.name),
			Context: r.Line(c.Question.Prompt), Back: r.Diagram(c.Diagram)}
	case KindConcept:
		t := c.Term
		return Faces{Chip: "Concept", Front: r.Line(t.Term), Context: r.Line(t.Section), Back: r.Text(t.Definition)}
	case KindReverse:
		t := c.Term
		return Faces{Chip: "Which term?", Ask: "Which term is this?", Front: r.Masked(t.Definition, t.Term),
			Context: r.Line(t.Section), Back: `<div class="bg-prompt">` + r.Line(t.Term) + `</div>`}
	}
	return Faces{}
}
