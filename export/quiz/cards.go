package quiz

import (
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/cardhtml"
)

// kinds returns every kind of card (see cardhtml.Plan) with its label,
// in the order the filter offers them.
func kinds() []option {
	return []option{
		{cardhtml.KindQuestion.String(), "Questions"},
		{cardhtml.KindSection.String(), "Answer sections"},
		{cardhtml.KindGap.String(), "Gaps to explain"},
		{cardhtml.KindPhrasing.String(), "Say it like this"},
		{cardhtml.KindDiagram.String(), "Diagrams to sketch"},
		{cardhtml.KindConcept.String(), "Concepts: term → definition"},
		{cardhtml.KindReverse.String(), "Concepts: definition → term"},
	}
}

// data is everything the page's script reads: the JSON embedded in the
// page. Write writes it with its cards, card by card (see writeData).
type data struct {
	Deck   string   `json:"deck"`
	Topics []option `json:"topics"`
	Levels []option `json:"levels"`
	Kinds  []option `json:"kinds"`
	// Cards follow the other fields as "cards": an array of card.
}

// option is one choice of a filter: its value and what the learner reads.
type option struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// card is one card of the page: one card of cardhtml.Plan, in the
// plan's order.
type card struct {
	// ID keys the learner's progress: the plan's ID.
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Topic int    `json:"topic"` // index into data.Topics
	// Level is the question's level name; "" for concepts.
	Level string `json:"level,omitempty"`
	// Title is the card's title on one line, for lists.
	Title string `json:"title"`
	// Front and Back are HTML in which all source text is escaped.
	Front string `json:"front"`
	Back  string `json:"back"`
}

// build returns the page's data for b, but its cards.
func build(b *bank.Bank, o *Options) *data {
	d := &data{Deck: o.Deck, Kinds: kinds()}
	levels := map[bank.Level]bool{}
	for _, t := range b.Topics {
		d.Topics = append(d.Topics, option{t.ID, topicName(&t)})
		for _, q := range t.Questions {
			levels[q.Level] = true
		}
	}
	for _, l := range append([]bank.Level{bank.LevelUnknown}, bank.Levels()...) {
		if levels[l] {
			d.Levels = append(d.Levels, option{l.String(), l.Title()})
		}
	}
	return d
}

// newCard renders one card of the plan.
func newCard(r *cardhtml.Renderer, pc *cardhtml.Card) card {
	c := card{ID: pc.ID, Kind: pc.Kind.String(), Topic: pc.Topic, Title: oneLine(pc.Title)}
	if pc.Question != nil {
		c.Level = pc.Question.Level.String()
	}
	c.Front, c.Back = faces(r.Faces(pc))
	return c
}

// topicName is the name a topic is listed under: its name, else its ID.
func topicName(t *bank.Topic) string {
	if s := oneLine(t.Name); s != "" {
		return s
	}
	return t.ID
}

// maxTitle is the most runes a card's title keeps.
const maxTitle = 160

// oneLine returns s on one line, its runs of white space made one space,
// cut to maxTitle runes with an ellipsis.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:maxTitle-1])) + "…"
}
