package bank

import (
	"fmt"
	"strings"
)

// Validate checks the bank and returns an *InvalidError listing every
// error, sorted by position, or nil. Warnings do not make it fail; use
// Check to see them too.
func (b *Bank) Validate() error { return b.Check().Err() }

// Check returns every problem in the bank, errors and warnings, sorted by
// position. It reports all of them at once rather than stopping at the
// first.
//
// Errors: a topic or term with no name, a question with no prompt or a
// number below 1, a missing or repeated ID, a sample reference out of
// range, a diagram with no art, a table row whose cells do not match its
// header, a plan row with no topic or a repeated number. Warnings: a
// question with an unknown level, no model answer (neither answer blocks
// nor diagrams), no strengths, no gaps; a sample with no code; an empty block; text that Normalize would
// change; a plan with more than one "next" topic.
//
// An item with no position of its own is reported at its parent's, and
// every message names the item (its ID, or its place in the bank), so
// that a problem in a bank built by hand can be found too.
func (b *Bank) Check() Diagnostics { return b.check(true) }

// CheckNormalized is Check for a bank that Normalize has cleaned since
// its text last changed, as parsing does: it leaves out the check that
// every text is clean, which such a bank passes, and which reads all
// of its text again.
func (b *Bank) CheckNormalized() Diagnostics { return b.check(false) }

// check returns the bank's problems; texts says whether to check that
// its text is clean.
func (b *Bank) check(texts bool) Diagnostics {
	c := checker{seen: map[string]Pos{}, texts: texts}
	for i := range b.Topics {
		c.topic(&b.Topics[i], i)
	}
	c.plan(b.Plan)
	c.list.Sort()
	return c.list
}

// checker collects the problems of one bank.
type checker struct {
	list  Diagnostics
	seen  map[string]Pos // ID → where it was first defined
	dups  []string       // IDs reported as repeated
	texts bool           // check that text is clean
}

func (c *checker) add(pos Pos, sev Severity, format string, args ...any) {
	c.list.Add(pos, sev, format, args...)
}

// id records an item's ID, reporting one that is missing or repeated. A
// repeated question repeats its items' IDs too: one error for the
// question says it all.
func (c *checker) id(id string, pos Pos, what string) {
	if id == "" {
		c.add(pos, Error, "%s has no ID (call AssignIDs)", what)
		return
	}
	first, dup := c.seen[id]
	if !dup {
		c.seen[id] = pos
		return
	}
	for _, p := range c.dups {
		if strings.HasPrefix(id, p+"/") {
			return
		}
	}
	c.dups = append(c.dups, id)
	c.add(pos, Error, "duplicate ID %q (first defined at %s)", id, first)
}

// text warns about text that Normalize would change.
func (c *checker) text(pos Pos, what string, texts ...string) {
	if !c.texts {
		return
	}
	for _, s := range texts {
		if Clean(s) != s {
			c.add(pos, Warning, "%s holds text that is not clean (invalid UTF-8, control characters or not in normal form C); Normalize fixes it", what)
			return
		}
	}
}

func (c *checker) topic(t *Topic, i int) {
	name := t.ID
	if name == "" {
		name = fmt.Sprintf("number %d", i+1)
	}
	c.id(t.ID, t.Pos, fmt.Sprintf("topic %s", name))
	if blank(t.Name) {
		c.add(t.Pos, Error, "topic %s has no name", name)
	}
	c.text(t.Pos, "topic "+name, append([]string{t.Name}, t.Tags...)...)
	for j := range t.Guide {
		g := &t.Guide[j]
		pos := or(g.Pos, t.Pos)
		what := itemName(g.ID, "glossary entry", j, "topic "+name)
		c.id(g.ID, pos, what)
		if blank(g.Term) {
			c.add(pos, Error, "%s has no term", what)
		}
		if blank(g.Definition) {
			c.add(pos, Error, "glossary term %q has no definition", g.Term)
		}
		c.text(pos, what, g.Term, g.Definition, g.Section)
	}
	for _, s := range t.Notes {
		c.blocks(s.Blocks, nil, or(s.Pos, t.Pos), fmt.Sprintf("notes %q of topic %s", s.Title, name))
	}
	for _, s := range t.Extra {
		c.blocks(s.Blocks, nil, or(s.Pos, t.Pos), fmt.Sprintf("extra section %q of topic %s", s.Title, name))
	}
	for j := range t.Questions {
		c.question(&t.Questions[j], j, name, t.Pos)
	}
}

func (c *checker) question(q *Question, j int, topic string, parent Pos) {
	pos := or(q.Pos, parent)
	name := q.ID
	if name == "" {
		name = fmt.Sprintf("number %d of topic %s", j+1, topic)
	}
	what := "question " + name
	c.id(q.ID, pos, what)
	if q.Number < 1 {
		c.add(pos, Error, "%s has no number", what)
	}
	if blank(q.Prompt) {
		c.add(pos, Error, "%s has no prompt", what)
	}
	if len(q.Answer) == 0 && len(q.Diagrams) == 0 {
		// A model answer drawn as a diagram alone is an answer. Material
		// without model answers (a scorecard, a transcript) is still worth
		// drilling from its feedback, so this warns rather than blocks.
		c.add(pos, Warning, "%s has no model answer: its card shows the feedback alone", what)
	}
	switch {
	case q.Level == LevelUnknown:
		c.add(pos, Warning, "%s has no level (warm-up, stepping-up or lead)", what)
	case q.Level > Lead:
		c.add(pos, Error, "%s has an invalid level %d", what, q.Level)
	}
	if len(q.Strengths) == 0 {
		c.add(pos, Warning, "%s has no strengths (What You Nailed)", what)
	}
	if len(q.Gaps) == 0 {
		c.add(pos, Warning, "%s has no gaps (What to Tighten Up)", what)
	}
	c.text(pos, what, q.Prompt, q.Label, q.Title, q.Score)
	for i := range q.Strengths {
		s := &q.Strengths[i]
		p := or(s.Pos, pos)
		w := itemName(s.ID, "strength", i, what)
		c.id(s.ID, p, w)
		if blank(s.Title) {
			c.add(p, Error, "%s has no title", w)
		}
		c.text(p, w, s.Title, s.Detail)
	}
	for i := range q.Gaps {
		g := &q.Gaps[i]
		p := or(g.Pos, pos)
		w := itemName(g.ID, "gap", i, what)
		c.id(g.ID, p, w)
		if blank(g.Title) {
			c.add(p, Error, "%s has no title", w)
		}
		c.text(p, w, g.Title, g.Detail, g.Phrasing)
	}
	for i := range q.Samples {
		s := &q.Samples[i]
		p := or(s.Pos, pos)
		w := itemName(s.ID, "sample", i, what)
		c.id(s.ID, p, w)
		if blank(s.Code) {
			c.add(p, Warning, "%s has no code", w)
		}
		c.text(p, w, append([]string{s.Lang, s.File, s.Code}, s.Kinds...)...)
	}
	for i := range q.Diagrams {
		d := &q.Diagrams[i]
		p := or(d.Pos, pos)
		w := itemName(d.ID, "diagram", i, what)
		c.id(d.ID, p, w)
		if blank(d.Art) {
			c.add(p, Error, "%s has no art", w)
		}
		c.text(p, w, d.Title, d.Lang, d.Art)
	}
	c.blocks(q.Answer, q.Samples, pos, "the model answer of "+what)
	c.blocks(q.Response, nil, pos, "the response of "+what)
	for _, s := range q.Extra {
		c.blocks(s.Blocks, nil, or(s.Pos, pos), fmt.Sprintf("extra section %q of %s", s.Title, what))
	}
}

// blocks checks structured text; samples are what KindSample blocks may
// place, parent is the position of the blocks' owner and owner names it.
func (c *checker) blocks(blocks []Block, samples []Sample, parent Pos, owner string) {
	for _, b := range blocks {
		pos := or(b.Pos, parent)
		switch b.Kind {
		case KindHeading, KindParagraph, KindQuote:
			if blank(b.Text) {
				c.add(pos, Warning, "empty %s in %s", b.Kind, owner)
			}
		case KindList:
			if len(b.Items) == 0 {
				c.add(pos, Warning, "empty list in %s", owner)
			}
		case KindTable:
			for _, r := range b.Rows {
				if len(r) != len(b.Header) {
					c.add(pos, Error, "a table row in %s has %d cells, its header %d", owner, len(r), len(b.Header))
					break
				}
			}
		case KindCode, KindRule:
		case KindSample:
			if b.Sample < 0 || b.Sample >= len(samples) {
				c.add(pos, Error, "%s places sample %d, but there are only %d", owner, b.Sample+1, len(samples))
			}
		default:
			c.add(pos, Error, "unknown block kind %q in %s", b.Kind, owner)
		}
		texts := append([]string{b.Text, b.Lang, b.Code}, b.Items...)
		texts = append(texts, b.Header...)
		for _, r := range b.Rows {
			texts = append(texts, r...)
		}
		c.text(pos, "a "+string(b.Kind)+" block in "+owner, texts...)
	}
}

func (c *checker) plan(plan []PlanEntry) {
	numbers := map[int]bool{}
	next := 0
	for i, p := range plan {
		if blank(p.Topic) {
			if p.Pos.IsValid() {
				c.add(p.Pos, Error, "plan row %d has no topic", p.Number)
			} else {
				c.add(p.Pos, Error, "plan row %d (entry %d of the plan) has no topic", p.Number, i+1)
			}
		}
		if numbers[p.Number] {
			c.add(p.Pos, Error, "plan row number %d is repeated", p.Number)
		}
		numbers[p.Number] = true
		if p.Status > Done {
			c.add(p.Pos, Error, "plan row %d has an invalid status", p.Number)
		}
		if p.Status == Next {
			next++
			if next == 2 {
				c.add(p.Pos, Warning, "more than one topic is marked next")
			}
		}
		texts := []string{p.Topic, p.Label}
		for _, f := range p.Fields {
			if blank(f.Name) {
				c.add(p.Pos, Error, "plan row %d has a field with no name", p.Number)
			}
			texts = append(texts, f.Name, f.Value)
		}
		c.text(p.Pos, fmt.Sprintf("plan row %d", p.Number), texts...)
	}
}

// itemName names an item in messages: by its ID, or as "gap 2 of
// question kubernetes/q1" when it has none.
func itemName(id, kind string, i int, parent string) string {
	if id != "" {
		return kind + " " + id
	}
	return fmt.Sprintf("%s %d of %s", kind, i+1, parent)
}

// or returns p, or def when p is not valid.
func or(p, def Pos) Pos {
	if p.IsValid() {
		return p
	}
	return def
}

// blank reports whether s holds only white space.
func blank(s string) bool { return strings.TrimSpace(s) == "" }
