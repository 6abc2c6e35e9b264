package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
)

// words is the vocabulary the files are written with: the one the
// parser reads them with.
var words = vocab.Default()

// rule separates the parts of a question, as the sources do.
const rule = "---"

// The parts of a question, in the order they are written.
const (
	slotPrompt = iota
	slotResponse
	slotFeedback
	slotScore
	slotStrengths
	slotGaps
	slotAnswer
	slotDiagrams
	nSlots
)

// slotRoles are the roles of the parts, and slotLevels the level of the
// heading each is written under.
var (
	slotRoles = [nSlots]vocab.Role{
		slotPrompt: vocab.RolePrompt, slotResponse: vocab.RoleResponse, slotFeedback: vocab.RoleFeedback,
		slotScore: vocab.RoleScore, slotStrengths: vocab.RoleStrengths, slotGaps: vocab.RoleGaps,
		slotAnswer: vocab.RoleAnswer, slotDiagrams: vocab.RoleDiagrams,
	}
	slotLevels = [nSlots]int{slotPrompt: 2, slotResponse: 2, slotFeedback: 1, slotScore: 2, slotStrengths: 2, slotGaps: 2, slotAnswer: 1, slotDiagrams: 1}
)

// slotHeading returns the heading a part is written under:
// "## What You Nailed ✅".
func slotHeading(s int) string {
	return atx(slotLevels[s], words.Write.Headings[slotRoles[s]])
}

// keepSlot returns the part of a question whose misplaced content the
// parser keeps in an extra section of this title (the part's heading
// without its decoration), and whether there is one. Such a section is
// written inside that part, after the part's own content, where the
// parser puts it back into the same extra section.
func keepSlot(title string) (int, bool) {
	for s := range nSlots {
		if s != slotResponse && s != slotAnswer && vocab.TrimDecoration(words.Write.Headings[slotRoles[s]]) == title {
			return s, true
		}
	}
	return 0, false
}

// topic writes one topic: its title, the concept guide, the topic's
// extra sections, then every question.
func (r *renderer) topic(t *bank.Topic) {
	if len(t.Tags) > 0 || len(t.Questions)+len(t.Guide) == 0 {
		// Tags, and a topic that only has notes (a tracker's), which
		// the front matter's topic keeps from reading as no material.
		r.add(frontMatter(t))
	}
	r.pin(t.Pin)
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
		r.question(&t.Questions[i], vocab.InferLevel(i, len(t.Questions)))
	}
}

// frontMatter returns the YAML front matter that gives a topic's tags,
// each as a double-quoted YAML string, and for a topic with neither
// questions nor terms its name.
func frontMatter(t *bank.Topic) string {
	var b strings.Builder
	b.WriteString("---\n")
	if len(t.Questions)+len(t.Guide) == 0 {
		b.WriteString("topic: " + strconv.Quote(t.Name) + "\n")
	}
	if len(t.Tags) > 0 {
		quoted := make([]string, len(t.Tags))
		for i, tag := range t.Tags {
			quoted[i] = strconv.Quote(tag)
		}
		b.WriteString("tags: [" + strings.Join(quoted, ", ") + "]\n")
	}
	b.WriteString("---")
	return b.String()
}

// pin writes the comment that pins the next item's ID key.
func (r *renderer) pin(name string) {
	if name != "" {
		r.add("<!-- bankgen:id " + name + " -->")
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
		return words.Write.Guide + words.Write.Separator + t.Name
	}
	return words.Write.Interview + words.Write.Separator + t.Name
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
		r.glossaryEntry(term)
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
			r.glossaryEntry(terms[0])
			terms = terms[1:]
		}
		r.block(&s.blocks[i], ctx)
	}
	for _, t := range terms {
		r.glossaryEntry(t)
	}
}

// glossaryEntry writes "**Term** — definition". The parser drops one
// colon from the end of a term, so a term ending in one gets another, as
// does one ending in white space, which bold text cannot end in.
func (r *renderer) glossaryEntry(t *bank.Term) {
	term := t.Term
	if strings.HasSuffix(term, ":") || strings.TrimRightFunc(term, unicode.IsSpace) != term {
		term += ":"
	}
	r.pin(t.Pin)
	r.add(strong(term) + words.Write.Separator + inline(t.Definition, textOpts{inLine: true}))
}

// placed is an extra section of a question, placed in one of its parts.
type placed struct {
	x *bank.Section
	// bare is true when the section follows its part's own content with
	// no heading of its own.
	bare bool
}

// question writes one question and its response, feedback, model
// answer and diagrams. inferred is the level the parser infers for a
// question in its place that names none.
func (r *renderer) question(q *bank.Question, inferred bank.Level) {
	r.pin(q.Pin)
	r.add(atx(2, questionHeading(q, inferred)))
	r.prompt(q.Prompt)

	slots := placeExtras(q)
	r.extras(slots[slotPrompt])

	if len(q.Response) > 0 {
		r.add(slotHeading(slotResponse))
		r.blocks(q.Response, &blockCtx{})
	}
	if len(q.Strengths)+len(q.Gaps) > 0 || q.Score != "" || len(slots[slotFeedback]) > 0 || len(slots[slotScore]) > 0 {
		r.add(slotHeading(slotFeedback))
		r.extras(slots[slotFeedback])
	}
	if q.Score != "" || len(slots[slotScore]) > 0 {
		r.add(strong(words.Write.Headings[vocab.RoleScore]+":") + " " + inline(q.Score, textOpts{inLine: true}))
		r.extras(slots[slotScore])
	}
	if len(q.Strengths) > 0 || len(slots[slotStrengths]) > 0 {
		r.add(rule)
		r.add(slotHeading(slotStrengths))
		for i := range q.Strengths {
			r.strength(&q.Strengths[i])
		}
		r.extras(slots[slotStrengths])
	}
	if len(q.Gaps) > 0 || len(slots[slotGaps]) > 0 {
		r.add(rule)
		r.add(slotHeading(slotGaps))
		for i := range q.Gaps {
			r.gap(&q.Gaps[i])
		}
		r.extras(slots[slotGaps])
	}
	if len(q.Answer) > 0 || len(q.Samples) > 0 {
		r.add(rule)
		r.add(slotHeading(slotAnswer))
		r.add(rule)
		ctx := &blockCtx{q: q, used: make([]bool, len(q.Samples)), headings: true}
		r.blocks(q.Answer, ctx)
		// A sample no block names has no place in the answer: it goes
		// at the end, so that its code is kept.
		for i, u := range ctx.used {
			if !u {
				r.sample(&q.Samples[i])
			}
		}
	}
	if len(q.Diagrams) > 0 || len(slots[slotDiagrams]) > 0 {
		r.add(rule)
		r.add(slotHeading(slotDiagrams))
		r.diagrams(q.Diagrams)
		r.extras(slots[slotDiagrams])
	}
}

// questionHeading returns "Question 2 — Stepping Up", or "Question 2
// (Stepping Up): Title" for a question with a title: the heading's own
// level wording when the bank kept it, else the level's title, and no
// level at all for a level the parser infers again from the question's
// place.
func questionHeading(q *bank.Question, inferred bank.Level) string {
	h := words.Write.Question + " " + strconv.Itoa(q.Number)
	label := q.Label
	if label == "" && q.Level != bank.LevelUnknown && !(q.LevelInferred && q.Level == inferred) {
		label = q.Level.Title()
	}
	switch {
	case q.Title != "" && label != "":
		h += " (" + label + "): " + q.Title
	case q.Title != "":
		h += ": " + q.Title
	case label != "":
		h += words.Write.Separator + label
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
		home, keep := keepSlot(x.Title)
		s := home
		if !keep || s < cur {
			s = cur
		}
		bare := keep && s == home && len(slots[s]) == 0
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
	return k == bank.KindTable
}

// extras writes the extra sections placed in one part. A section under
// its own part's content needs no heading; any other gets its part's
// heading again, or its own title one level below the question's
// heading, where the parser reads it as a section of the question (at
// the question's level, it would be the topic's).
func (r *renderer) extras(list []placed) {
	ctx := &blockCtx{}
	for _, p := range list {
		if !p.bare {
			if s, ok := keepSlot(p.x.Title); ok {
				r.add(slotHeading(s))
			} else {
				r.add(atx(3, p.x.Title))
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
	r.pin(s.Pin)
	r.lead(strong(vocab.KeepTitle(s.Title)), words.Write.Separator, s.Detail)
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
	if vocab.StartsWithSeparator(g.Detail) {
		sep = words.Write.Separator // the parser drops one separator after the title
	}
	r.pin(g.Pin)
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

// diagrams writes the diagrams. Text art goes in fences of "TITLE"
// lines followed by art, two blank lines apart; a diagram without a
// title, or pinned, starts a fence of its own (after a blank line,
// untitled art would be read as more of the diagram before it). A
// diagram in a diagram language is its own fence in that language,
// under its title in bold.
func (r *renderer) diagrams(ds []bank.Diagram) {
	var group []string
	flush := func() {
		if len(group) > 0 {
			r.add(fence("", strings.Join(group, "\n\n\n")+"\n"))
		}
		group = nil
	}
	for _, d := range ds {
		if d.Lang != "" {
			flush()
			r.pin(d.Pin)
			if d.Title != "" {
				r.add(strong(d.Title))
			}
			r.add(fence(d.Lang, d.Art))
			continue
		}
		if d.Title == "" || d.Pin != "" {
			flush()
		}
		r.pin(d.Pin)
		piece := d.Art
		if d.Title != "" {
			piece = d.Title + "\n" + d.Art
		}
		group = append(group, piece)
	}
	flush()
}

// sample writes a code sample as a fence in its language, naming its file
// in the info string when the code's own first line does not.
func (r *renderer) sample(s *bank.Sample) {
	r.pin(s.Pin)
	info := s.Lang
	if s.File != "" && vocab.FileComment(s.Code) != s.File {
		info = strings.TrimSpace(info + ` title="` + s.File + `"`)
	}
	r.add(fence(info, s.Code))
}
