package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/bankgen/bankgen/bank"
)

// Section headings, worded as in the sources.
const (
	headFeedback  = "# Feedback First"
	headStrengths = "## What You Nailed ✅"
	headGaps      = "## What to Tighten Up 🔧"
	headAnswer    = "# Model Answer"
	headDiagrams  = "# Diagrams"
	rule          = "---"
)

// The parts of a question, in the order they are written.
const (
	slotPrompt = iota
	slotFeedback
	slotStrengths
	slotGaps
	slotAnswer
	slotDiagrams
	nSlots
)

// keepSlots names the extra sections the parser makes of content that
// does not fit the section it stands in, by the part they belong to.
// Such a section is written inside that part, after the part's own
// content, where the parser puts it back into the same extra section.
var keepSlots = map[string]int{
	"Question":           slotPrompt,
	"Feedback First":     slotFeedback,
	"What You Nailed":    slotStrengths,
	"What to Tighten Up": slotGaps,
	"Diagrams":           slotDiagrams,
}

var slotHeadings = [nSlots]string{
	slotPrompt:    "## Question",
	slotFeedback:  headFeedback,
	slotStrengths: headStrengths,
	slotGaps:      headGaps,
	slotAnswer:    headAnswer,
	slotDiagrams:  headDiagrams,
}

// topic writes one topic: its title, the concept guide, the topic's
// extra sections, then every question.
func (r *renderer) topic(t *bank.Topic) {
	r.add(atx(1, title(t)))
	r.guide(t)
	ctx := &blockCtx{}
	for i := range t.Extra {
		x := &t.Extra[i]
		r.add(atx(2, x.Title))
		r.blocks(x.Blocks, ctx)
	}
	for i := range t.Questions {
		r.add(rule)
		r.question(&t.Questions[i])
	}
}

// title returns the document title the parser reads the topic's name
// from. A name the parser cannot give back (empty) gets a title that
// names nothing.
func title(t *bank.Topic) string {
	if t.Name == "" {
		return "—"
	}
	if len(t.Questions) == 0 {
		return "Concept Guide — " + t.Name
	}
	return "Mock Interview — " + t.Name
}

// noteSlot is a concept-guide section as written: a heading, its prose
// and the glossary terms filed under it.
type noteSlot struct {
	title  string
	blocks []bank.Block
	terms  []*bank.Term
}

// guide writes the concept guide. Each glossary term goes under the note
// its Section names, keeping the glossary's order: the first matching
// note at or after the previous term's. A term whose section has no note
// gets a heading of its own (which adds a note when parsed back).
func (r *renderer) guide(t *bank.Topic) {
	slots := make([]noteSlot, len(t.Notes))
	for i, n := range t.Notes {
		slots[i] = noteSlot{title: n.Title, blocks: n.Blocks}
	}
	var before []*bank.Term // terms read before any section heading
	cur := -1
	find := func(title string, from int) int {
		for j := max(from, 0); j < len(slots); j++ {
			if slots[j].title == title {
				return j
			}
		}
		return -1
	}
	for i := range t.Guide {
		term := &t.Guide[i]
		if term.Section == "" && cur < 0 {
			before = append(before, term)
			continue
		}
		j := find(term.Section, cur)
		switch {
		case j >= 0:
			cur = j
		case find(term.Section, 0) >= 0:
			j = find(term.Section, 0) // out of order: the order is lost
		case term.Section == "":
			before = append(before, term)
			continue
		default:
			cur++
			slots = append(slots, noteSlot{})
			copy(slots[cur+1:], slots[cur:])
			slots[cur] = noteSlot{title: term.Section}
			j = cur
		}
		slots[j].terms = append(slots[j].terms, term)
	}
	for _, term := range before {
		r.add(glossaryEntry(term))
	}
	ctx := &blockCtx{}
	for _, s := range slots {
		r.add(atx(2, s.title))
		r.noteBody(s, ctx)
	}
}

// noteBody writes a note's prose and terms. When all of them carry
// positions in one file, the terms are merged into the prose where they
// stood in that file; otherwise the prose comes first. Either way the
// prose keeps its order, and so do the terms.
func (r *renderer) noteBody(s noteSlot, ctx *blockCtx) {
	positioned := true
	file := ""
	check := func(p bank.Pos) {
		if file == "" {
			file = p.File
		}
		if !p.IsValid() || p.File != file {
			positioned = false
		}
	}
	for i := range s.blocks {
		check(s.blocks[i].Pos)
	}
	for _, t := range s.terms {
		check(t.Pos)
	}
	terms := s.terms
	for i := range s.blocks {
		for positioned && len(terms) > 0 && terms[0].Pos.Before(s.blocks[i].Pos) {
			r.add(glossaryEntry(terms[0]))
			terms = terms[1:]
		}
		r.block(&s.blocks[i], ctx)
	}
	for _, t := range terms {
		r.add(glossaryEntry(t))
	}
}

// glossaryEntry returns "**Term** — definition". The parser drops one
// colon from the end of a term, so a term ending in one gets another, as
// does one ending in white space, which bold text cannot end in.
func glossaryEntry(t *bank.Term) string {
	term := t.Term
	if strings.HasSuffix(term, ":") || strings.TrimRightFunc(term, unicode.IsSpace) != term {
		term += ":"
	}
	return strong(term) + " — " + inline(t.Definition, textOpts{inLine: true})
}

// placed is an extra section of a question, placed in one of its parts.
type placed struct {
	x *bank.Section
	// bare is true when the section follows its part's own content with
	// no heading of its own.
	bare bool
}

// question writes one question and its feedback, model answer and
// diagrams.
func (r *renderer) question(q *bank.Question) {
	r.add(atx(2, questionHeading(q)))
	r.prompt(q.Prompt)

	slots := placeExtras(q)
	r.extras(slots[slotPrompt])

	if len(q.Strengths)+len(q.Gaps) > 0 || len(slots[slotFeedback]) > 0 {
		r.add(headFeedback)
		r.extras(slots[slotFeedback])
	}
	if len(q.Strengths) > 0 || len(slots[slotStrengths]) > 0 {
		r.add(rule)
		r.add(headStrengths)
		for i := range q.Strengths {
			r.strength(&q.Strengths[i])
		}
		r.extras(slots[slotStrengths])
	}
	if len(q.Gaps) > 0 || len(slots[slotGaps]) > 0 {
		r.add(rule)
		r.add(headGaps)
		for i := range q.Gaps {
			r.gap(&q.Gaps[i])
		}
		r.extras(slots[slotGaps])
	}
	if len(q.Answer) > 0 || len(q.Samples) > 0 {
		r.add(rule)
		r.add(headAnswer)
		r.add(rule)
		ctx := &blockCtx{q: q, used: make([]bool, len(q.Samples)), headings: true}
		r.blocks(q.Answer, ctx)
		// A sample no block names has no place in the answer: it goes
		// at the end, so that its code is kept.
		for i, u := range ctx.used {
			if !u {
				r.add(fence(q.Samples[i].Lang, q.Samples[i].Code))
			}
		}
	}
	if len(q.Diagrams) > 0 || len(slots[slotDiagrams]) > 0 {
		r.add(rule)
		r.add(headDiagrams)
		for _, f := range diagramFences(q.Diagrams) {
			r.add(f)
		}
		r.extras(slots[slotDiagrams])
	}
}

// questionHeading returns "Question 2 — Stepping Up": the heading's own
// level wording when the bank kept it, else the level's title.
func questionHeading(q *bank.Question) string {
	h := "Question " + strconv.Itoa(q.Number)
	label := q.Label
	if label == "" && q.Level != bank.LevelUnknown {
		label = q.Level.Title()
	}
	if label != "" {
		h += " — " + label
	}
	return h
}

// placeExtras decides in which part of the question each extra section
// is written, keeping their order: a section the parser made of content
// misplaced in a part goes to that part, unless a later section was
// already placed further on; every other section goes where the
// previous one went.
func placeExtras(q *bank.Question) [nSlots][]placed {
	var slots [nSlots][]placed
	cur := slotPrompt
	for i := range q.Extra {
		x := &q.Extra[i]
		s, keep := keepSlots[x.Title]
		if !keep || s < cur {
			s = cur
		}
		bare := keep && s == keepSlots[x.Title] && len(slots[s]) == 0
		if s == slotPrompt && bare {
			// Right under the prompt, only blocks that cannot be
			// read as more of the prompt stay extra content.
			bare = len(x.Blocks) > 0 && notProse(x.Blocks[0].Kind)
		}
		slots[s] = append(slots[s], placed{x: x, bare: bare})
		cur = s
	}
	return slots
}

func notProse(k bank.BlockKind) bool {
	return k == bank.KindList || k == bank.KindTable || k == bank.KindCode
}

// extras writes the extra sections placed in one part. A section under
// its own part's content needs no heading; any other gets its part's
// heading again, or its own title.
func (r *renderer) extras(list []placed) {
	ctx := &blockCtx{}
	for _, p := range list {
		if !p.bare {
			if s, ok := keepSlots[p.x.Title]; ok {
				r.add(slotHeadings[s])
			} else {
				r.add(atx(2, p.x.Title))
			}
		}
		r.blocks(p.x.Blocks, ctx)
	}
}

// prompt writes the question as bold quoted paragraphs.
func (r *renderer) prompt(text string) {
	if text == "" {
		return
	}
	for _, p := range paragraphs(text) {
		r.add(strong(quoted(p)))
	}
}

// strength writes "**Title** — detail", then the detail's further
// paragraphs.
func (r *renderer) strength(s *bank.Strength) {
	t := s.Title
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") || strings.HasSuffix(t, ":") {
		t += ":" // the parser drops one full stop or colon from a title
	}
	r.lead(strong(t), " — ", s.Detail)
}

// gap writes "**Title.** detail", the detail's further paragraphs, then
// the suggested phrasing in italics and quotes.
func (r *renderer) gap(g *bank.Gap) {
	t := g.Title
	if strings.HasSuffix(t, ".") {
		t += ":"
	} else {
		t += "."
	}
	sep := " "
	for _, s := range []string{"—", "–", "-", ":"} {
		if strings.HasPrefix(g.Detail, s) {
			sep = " — " // the parser drops one separator after the title
		}
	}
	r.lead(strong(t), sep, g.Detail)
	if g.Phrasing == "" {
		return
	}
	for _, p := range paragraphs(g.Phrasing) {
		r.add("*" + inline(quoted(p), textOpts{inLine: true}) + "*")
	}
}

// lead writes a bold lead with its detail; paragraphs of the detail
// after the first follow as paragraphs of their own.
func (r *renderer) lead(bold, sep, detail string) {
	if detail == "" {
		r.add(bold)
		return
	}
	parts := paragraphs(detail)
	r.add(bold + sep + inline(parts[0], textOpts{inLine: true}))
	for _, p := range parts[1:] {
		r.add(orSpace(inline(p, textOpts{})))
	}
}

// diagramFences writes the diagrams as fenced blocks of "TITLE" lines
// followed by art, two blank lines apart. A diagram without a title
// starts a block of its own: after a blank line, untitled art would be
// read as more of the diagram before it.
func diagramFences(ds []bank.Diagram) []string {
	var groups [][]string
	for i, d := range ds {
		piece := d.Art
		if d.Title != "" {
			piece = d.Title + "\n" + d.Art
		}
		if i == 0 || d.Title == "" {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], piece)
	}
	out := make([]string, len(groups))
	for i, g := range groups {
		out[i] = fence("", strings.Join(g, "\n\n\n")+"\n")
	}
	return out
}
