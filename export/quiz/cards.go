package quiz

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
)

// The kinds of card, as the page names them: those of the Anki deck.
const (
	kindQuestion = "question"
	kindSection  = "section"
	kindGap      = "gap"
	kindPhrasing = "phrasing"
	kindDiagram  = "diagram"
	kindConcept  = "concept"
	kindReverse  = "reverse"
)

// kinds lists every kind with its label, in the order the filter offers
// them.
var kinds = []option{
	{kindQuestion, "Questions"},
	{kindSection, "Answer sections"},
	{kindGap, "Gaps to explain"},
	{kindPhrasing, "Say it like this"},
	{kindDiagram, "Diagrams to sketch"},
	{kindConcept, "Concepts: term → definition"},
	{kindReverse, "Concepts: definition → term"},
}

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
	// ID keys the learner's progress (see layout).
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

// An item is a card laid out but not yet rendered.
type item struct {
	card
	faces func(f *faces) (front, back string)
}

// layout lays out the cards of b, topic by topic: each question followed
// by its answer sections (when it has two or more titled ones), its gaps
// with their phrasings, and its diagrams; then the topic's concepts,
// then their reverse cards. New cards are drilled in this order. The
// IDs are the bank's (a section's is bank.AnswerSection.ID), and for a
// phrasing or a reverse card the gap's or term's ID with "/phrasing" or
// "/reverse", as the Anki deck keys them.
func layout(b *bank.Bank) []item {
	var items []item
	add := func(c card, faces func(f *faces) (front, back string)) {
		items = append(items, item{c, faces})
	}
	for ti := range b.Topics {
		t := &b.Topics[ti]
		for qi := range t.Questions {
			q := &t.Questions[qi]
			lv := q.Level.String()
			label := questionLabel(q)
			add(card{ID: q.ID, Kind: kindQuestion, Topic: ti, Level: lv, Title: oneLine(q.Prompt)},
				func(f *faces) (string, string) { return f.question(q) })
			var titled []bank.AnswerSection
			for _, s := range q.AnswerSections() {
				if s.ID != "" {
					titled = append(titled, s)
				}
			}
			if len(titled) >= 2 {
				for si := range titled {
					s := &titled[si]
					title := strings.TrimRight(strings.TrimSpace(s.Title), ":")
					add(card{ID: s.ID, Kind: kindSection, Topic: ti, Level: lv, Title: oneLine(label + " · " + title)},
						func(f *faces) (string, string) { return f.answerSection(q, title, s) })
				}
			}
			for gi := range q.Gaps {
				g := &q.Gaps[gi]
				add(card{ID: g.ID, Kind: kindGap, Topic: ti, Level: lv, Title: oneLine(g.Title)},
					func(f *faces) (string, string) { return f.gap(q, g) })
				if strings.TrimSpace(g.Phrasing) != "" {
					add(card{ID: g.ID + "/phrasing", Kind: kindPhrasing, Topic: ti, Level: lv, Title: oneLine("Say it: " + g.Title)},
						func(f *faces) (string, string) { return f.phrasing(q, g) })
				}
			}
			for di := range q.Diagrams {
				d := &q.Diagrams[di]
				title := diagramTitle(d, di)
				add(card{ID: d.ID, Kind: kindDiagram, Topic: ti, Level: lv, Title: oneLine(label + " · " + title)},
					func(f *faces) (string, string) { return f.diagram(q, title, d) })
			}
		}
		for gi := range t.Guide {
			term := &t.Guide[gi]
			add(card{ID: term.ID, Kind: kindConcept, Topic: ti, Title: oneLine(term.Term)},
				func(f *faces) (string, string) { return f.concept(term) })
		}
		for gi := range t.Guide {
			term := &t.Guide[gi]
			if strings.TrimSpace(term.Definition) == "" {
				continue
			}
			add(card{ID: term.ID + "/reverse", Kind: kindReverse, Topic: ti, Title: oneLine(term.Term + " (reverse)")},
				func(f *faces) (string, string) { return f.reverse(term) })
		}
	}
	return items
}

// build lays out and renders the page's data for b.
func build(b *bank.Bank, o *Options) *data {
	f := newFaces()
	d := &data{Deck: o.Deck, Kinds: kinds, Cards: []card{}}
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
	for _, it := range layout(b) {
		c := it.card
		c.Front, c.Back = it.faces(f)
		d.Cards = append(d.Cards, c)
	}
	return d
}

// questionLabel returns "Q2", or "Q" for a question with no number.
func questionLabel(q *bank.Question) string {
	if q.Number > 0 {
		return "Q" + strconv.Itoa(q.Number)
	}
	return "Q"
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
