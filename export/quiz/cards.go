package quiz

import (
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
)

// The kinds of card, as the page names them.
const (
	kindQuestion = "question"
	kindGap      = "gap"
	kindConcept  = "concept"
	kindReverse  = "reverse"
)

// kinds lists every kind with its label, in the order the filter offers
// them.
var kinds = []option{
	{kindQuestion, "Questions"},
	{kindGap, "Gaps to explain"},
	{kindConcept, "Concepts: term → definition"},
	{kindReverse, "Concepts: definition → term"},
}

// reverseSuffix turns a term's ID into the ID of its reverse card.
const reverseSuffix = "#reverse"

// data is everything the page's script reads: the JSON embedded in the
// page.
type data struct {
	Deck   string   `json:"deck"`
	Topics []option `json:"topics"`
	Levels []option `json:"levels"`
	Kinds  []option `json:"kinds"`
	Cards  []card   `json:"cards"`
}

// option is one choice of a filter: its value and what the learner reads.
type option struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// card is one card of the page.
type card struct {
	// ID keys the learner's progress: the bank's stable ID of the item,
	// with reverseSuffix for a reverse concept card.
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Topic int    `json:"topic"` // index into data.Topics
	// Level is the question's level name; "" for concepts.
	Level string `json:"level,omitempty"`
	// Title is the card's front as one line of plain text, for lists.
	Title string `json:"title"`
	// Front and Back are HTML in which all source text is escaped.
	Front string `json:"front"`
	Back  string `json:"back"`
}

// countCards returns how many cards the page for b holds.
func countCards(b *bank.Bank) int {
	n := 0
	for _, t := range b.Topics {
		n += 2 * len(t.Guide)
		for _, q := range t.Questions {
			n += 1 + len(q.Gaps)
		}
	}
	return n
}

// build lays out the cards of b, topic by topic: each question followed
// by its gaps, then the topic's concepts, then their reverse cards, the
// order in which new cards are drilled.
func build(b *bank.Bank, o *Options) *data {
	f := newFaces()
	d := &data{Deck: o.Deck, Kinds: kinds, Cards: make([]card, 0, countCards(b))}
	levels := map[bank.Level]bool{}
	for ti := range b.Topics {
		t := &b.Topics[ti]
		d.Topics = append(d.Topics, option{t.ID, topicName(t)})
		for qi := range t.Questions {
			q := &t.Questions[qi]
			levels[q.Level] = true
			front, back := f.question(t, q)
			d.Cards = append(d.Cards, card{ID: q.ID, Kind: kindQuestion, Topic: ti, Level: q.Level.String(),
				Title: oneLine(q.Prompt), Front: front, Back: back})
			for gi := range q.Gaps {
				g := &q.Gaps[gi]
				front, back := f.gap(t, q, g)
				d.Cards = append(d.Cards, card{ID: g.ID, Kind: kindGap, Topic: ti, Level: q.Level.String(),
					Title: oneLine(g.Title), Front: front, Back: back})
			}
		}
		for gi := range t.Guide {
			term := &t.Guide[gi]
			front, back := f.concept(t, term)
			d.Cards = append(d.Cards, card{ID: term.ID, Kind: kindConcept, Topic: ti,
				Title: oneLine(term.Term), Front: front, Back: back})
		}
		for gi := range t.Guide {
			term := &t.Guide[gi]
			front, back := f.reverse(t, term)
			d.Cards = append(d.Cards, card{ID: term.ID + reverseSuffix, Kind: kindReverse, Topic: ti,
				Title: oneLine(term.Definition), Front: front, Back: back})
		}
	}
	for _, l := range append([]bank.Level{bank.LevelUnknown}, bank.Levels()...) {
		if levels[l] {
			d.Levels = append(d.Levels, option{l.String(), l.Title()})
		}
	}
	return d
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
