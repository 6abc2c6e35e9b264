package bank

import (
	"strconv"
	"strings"
)

// This file keeps AssignIDs and Check as they were before IDs were built
// in one buffer and topics were checked apart, as references that
// tail_test.go compares the current versions with. checkBlocks and
// checkPlan did not change, so the reference calls them.

func refAssignIDs(b *Bank) {
	for i := range b.Topics {
		t := &b.Topics[i]
		t.ID = orDefault(oldSlug(t.Name), "topic-"+strconv.Itoa(i+1))
		terms := refIDSet{}
		for j := range t.Guide {
			t.Guide[j].ID = t.ID + "/terms/" + terms.take(orDefault(oldSlug(t.Guide[j].Term), "term"))
		}
		for j := range t.Questions {
			q := &t.Questions[j]
			q.ID = QuestionID(t.ID, q.Number)
			refQuestionIDs(q)
		}
	}
}

func refQuestionIDs(q *Question) {
	set := refIDSet{}
	for i := range q.Strengths {
		q.Strengths[i].ID = q.ID + "/strengths/" + set.take(orDefault(oldSlug(q.Strengths[i].Title), "strength"))
	}
	set = refIDSet{}
	for i := range q.Gaps {
		q.Gaps[i].ID = q.ID + "/gaps/" + set.take(orDefault(oldSlug(q.Gaps[i].Title), "gap"))
	}
	set = refIDSet{}
	for i := range q.Samples {
		q.Samples[i].ID = q.ID + "/samples/" + set.take(refSampleKey(&q.Samples[i]))
	}
	set = refIDSet{}
	for i := range q.Diagrams {
		q.Diagrams[i].ID = q.ID + "/diagrams/" + set.take(orDefault(oldSlug(q.Diagrams[i].Title), "diagram"))
	}
}

func refSampleKey(s *Sample) string {
	if k := oldSlug(s.File); k != "" {
		return k
	}
	if len(s.Kinds) > 0 {
		if k := oldSlug(strings.Join(s.Kinds, " ")); k != "" {
			return k
		}
	}
	return orDefault(oldSlug(s.Lang), "text")
}

type refIDSet map[string]int

func (s refIDSet) take(key string) string {
	s[key]++
	n := s[key]
	if n == 1 {
		return key
	}
	for {
		k := key + "-" + strconv.Itoa(n)
		if s[k] == 0 {
			s[k] = 1
			return k
		}
		n++
	}
}

func refCheck(b *Bank) Diagnostics {
	var l Diagnostics
	seen := make(map[string]Pos)
	var dupParents []string
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
			refCheckQuestion(&l, &t.Questions[j], id)
		}
	}
	checkPlan(&l, b.Plan)
	l.Sort()
	return l
}

func refCheckQuestion(l *Diagnostics, q *Question, id func(string, Pos, string)) {
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
