package bank

import "strings"

// Validate checks the bank and returns an *InvalidError listing every
// error, sorted by position, or nil. Warnings do not make it fail; use
// Check to see them too.
func (b *Bank) Validate() error { return b.Check().Err() }

// Check returns every problem in the bank, errors and warnings, sorted by
// position. It reports all of them at once rather than stopping at the
// first.
//
// Errors: a topic or term with no name, a question with no prompt, no
// model answer or a number below 1, an ID used twice, a sample reference
// out of range, a diagram with no art, a plan row with no topic or a
// repeated number. Warnings: a question with an unknown level, no
// strengths, no gaps; a sample with no code; a plan with more than one
// "next" topic.
func (b *Bank) Check() Diagnostics {
	var l Diagnostics
	seen := make(map[string]Pos, b.countIDs())
	var dupParents []string // IDs already reported as duplicates
	id := func(id string, pos Pos, what string) {
		if id == "" {
			l.Add(pos, Error, "%s has no ID", what)
			return
		}
		prev, dup := seen[id]
		if !dup {
			seen[id] = pos
			return
		}
		// A repeated question repeats its strengths and gaps too: one
		// error for the question says it all.
		for _, p := range dupParents {
			if strings.HasPrefix(id, p+"/") {
				return
			}
		}
		dupParents = append(dupParents, id)
		l.Add(pos, Error, "duplicate ID %q (first defined at %s)", id, prev)
	}
	for i := range b.Topics {
		t := &b.Topics[i]
		if blank(t.Name) {
			l.Add(t.Pos, Error, "topic has no name")
		}
		id(t.ID, t.Pos, "topic")
		for _, g := range t.Guide {
			if blank(g.Term) {
				l.Add(g.Pos, Error, "glossary entry has no term")
			}
			if blank(g.Definition) {
				l.Add(g.Pos, Error, "glossary term %q has no definition", g.Term)
			}
			id(g.ID, g.Pos, "glossary term")
		}
		for _, s := range t.Notes {
			checkBlocks(&l, s.Blocks, nil)
		}
		for j := range t.Questions {
			checkQuestion(&l, &t.Questions[j], id)
		}
	}
	checkPlan(&l, b.Plan)
	l.Sort()
	return l
}

// countIDs returns how many items of b carry an ID, to size the map of
// IDs seen: growing it item by item was most of Check's allocation.
func (b *Bank) countIDs() int {
	n := 0
	for i := range b.Topics {
		t := &b.Topics[i]
		n += 1 + len(t.Guide)
		for j := range t.Questions {
			q := &t.Questions[j]
			n += 1 + len(q.Strengths) + len(q.Gaps) + len(q.Samples) + len(q.Diagrams)
		}
	}
	return n
}

func checkQuestion(l *Diagnostics, q *Question, id func(string, Pos, string)) {
	name := "question " + q.ID
	if q.Number < 1 {
		l.Add(q.Pos, Error, "%s has no number", name)
	}
	id(q.ID, q.Pos, "question")
	if blank(q.Prompt) {
		l.Add(q.Pos, Error, "%s has no prompt", name)
	}
	if len(q.Answer) == 0 {
		l.Add(q.Pos, Error, "%s has no model answer", name)
	}
	if q.Level == LevelUnknown {
		l.Add(q.Pos, Warning, "%s has no level (warm-up, stepping-up or lead)", name)
	} else if q.Level > Lead {
		l.Add(q.Pos, Error, "%s has an invalid level %d", name, q.Level)
	}
	if len(q.Strengths) == 0 {
		l.Add(q.Pos, Warning, "%s has no strengths (What You Nailed)", name)
	}
	if len(q.Gaps) == 0 {
		l.Add(q.Pos, Warning, "%s has no gaps (What to Tighten Up)", name)
	}
	for _, s := range q.Strengths {
		if blank(s.Title) {
			l.Add(s.Pos, Error, "strength has no title")
		}
		id(s.ID, s.Pos, "strength")
	}
	for _, g := range q.Gaps {
		if blank(g.Title) {
			l.Add(g.Pos, Error, "gap has no title")
		}
		id(g.ID, g.Pos, "gap")
	}
	for _, s := range q.Samples {
		if blank(s.Code) {
			l.Add(s.Pos, Warning, "sample has no code")
		}
		id(s.ID, s.Pos, "sample")
	}
	for _, d := range q.Diagrams {
		if blank(d.Art) {
			l.Add(d.Pos, Error, "diagram %q has no art", d.Title)
		}
		id(d.ID, d.Pos, "diagram")
	}
	checkBlocks(l, q.Answer, q.Samples)
	for _, s := range q.Extra {
		checkBlocks(l, s.Blocks, nil)
	}
}

func checkBlocks(l *Diagnostics, blocks []Block, samples []Sample) {
	for _, b := range blocks {
		switch b.Kind {
		case KindHeading, KindParagraph, KindQuote:
			if blank(b.Text) {
				l.Add(b.Pos, Warning, "empty %s", b.Kind)
			}
		case KindList:
			if len(b.Items) == 0 {
				l.Add(b.Pos, Warning, "empty list")
			}
		case KindTable:
			for _, r := range b.Rows {
				if len(r) != len(b.Header) {
					l.Add(b.Pos, Error, "table row has %d cells, header has %d", len(r), len(b.Header))
					break
				}
			}
		case KindCode, KindRule:
		case KindSample:
			if b.Sample < 0 || b.Sample >= len(samples) {
				l.Add(b.Pos, Error, "answer refers to sample %d of %d", b.Sample+1, len(samples))
			}
		default:
			l.Add(b.Pos, Error, "unknown block kind %q", b.Kind)
		}
	}
}

func checkPlan(l *Diagnostics, plan []PlanEntry) {
	numbers := map[int]bool{}
	next := 0
	for _, p := range plan {
		if blank(p.Topic) {
			l.Add(p.Pos, Error, "plan row %d has no topic", p.Number)
		}
		if numbers[p.Number] {
			l.Add(p.Pos, Error, "plan row number %d is repeated", p.Number)
		}
		numbers[p.Number] = true
		if p.Status > Done {
			l.Add(p.Pos, Error, "plan row %d has an invalid status", p.Number)
		}
		if p.Status == Next {
			next++
			if next == 2 {
				l.Add(p.Pos, Warning, "more than one topic is marked next")
			}
		}
	}
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }
