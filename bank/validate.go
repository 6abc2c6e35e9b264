package bank

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

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
	// Topics are checked apart, in parallel when the bank is large, each
	// into its own list; the lists are joined in bank order. Each topic
	// also checks that its IDs are distinct and lie under its own ID:
	// with topic IDs distinct and free of '/', no ID can then repeat
	// anywhere. Only when that fails does checkIDs walk every ID of the
	// bank in order, to report exactly which are missing or repeated.
	lists := make([]Diagnostics, len(b.Topics))
	idsOK := make([]bool, len(b.Topics))
	// Each topic's set of IDs seen is sized for the largest topic, and
	// cleared from topic to topic.
	total, most := 0, 0
	for i := range b.Topics {
		n := b.Topics[i].countIDs()
		total += n
		most = max(most, n)
	}
	workers := min(runtime.GOMAXPROCS(0), len(b.Topics))
	if workers < 2 || total < parallelIDs {
		seen := make(map[string]struct{}, most)
		for i := range b.Topics {
			idsOK[i] = b.Topics[i].check(&lists[i], seen)
		}
	} else {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				seen := make(map[string]struct{}, most)
				for {
					i := int(next.Add(1)) - 1
					if i >= len(b.Topics) {
						return
					}
					idsOK[i] = b.Topics[i].check(&lists[i], seen)
				}
			})
		}
		wg.Wait()
	}
	n := 0
	for _, d := range lists {
		n += len(d)
	}
	var l Diagnostics // nil when there is nothing to say, as before
	if n > 0 {
		l = make(Diagnostics, 0, n)
	}
	for _, d := range lists {
		l = append(l, d...)
	}
	if !topicIDsDistinct(b.Topics, idsOK) {
		b.checkIDs(&l)
	}
	checkPlan(&l, b.Plan)
	l.Sort()
	return l
}

// check appends the problems of t's content, all but those of its IDs,
// to l. It reports whether t's IDs are fine as far as t can tell: its
// own ID is set and free of '/', and its items' IDs are distinct and lie
// under it. seen is scratch space.
func (t *Topic) check(l *Diagnostics, seen map[string]struct{}) (idsOK bool) {
	clear(seen)
	idsOK = t.ID != "" && !strings.Contains(t.ID, "/")
	id := func(id string) {
		if !idsOK {
			return
		}
		if len(id) <= len(t.ID) || id[len(t.ID)] != '/' || id[:len(t.ID)] != t.ID {
			idsOK = false
			return
		}
		if _, dup := seen[id]; dup {
			idsOK = false
			return
		}
		seen[id] = struct{}{}
	}
	if blank(t.Name) {
		l.Add(t.Pos, Error, "topic has no name")
	}
	for i := range t.Guide {
		g := &t.Guide[i]
		if blank(g.Term) {
			l.Add(g.Pos, Error, "glossary entry has no term")
		}
		if blank(g.Definition) {
			l.Add(g.Pos, Error, "glossary term %q has no definition", g.Term)
		}
		id(g.ID)
	}
	for _, s := range t.Notes {
		checkBlocks(l, s.Blocks, nil)
	}
	for j := range t.Questions {
		checkQuestion(l, &t.Questions[j], id)
	}
	return idsOK
}

// topicIDsDistinct reports whether every topic's IDs were found fine
// and no two topics share an ID.
func topicIDsDistinct(topics []Topic, idsOK []bool) bool {
	for _, ok := range idsOK {
		if !ok {
			return false
		}
	}
	if len(topics) < 2 {
		return true
	}
	seen := make(map[string]struct{}, len(topics))
	for i := range topics {
		if _, dup := seen[topics[i].ID]; dup {
			return false
		}
		seen[topics[i].ID] = struct{}{}
	}
	return true
}

// checkIDs appends to l an error for every missing ID and for every
// repeated one, naming its first definition in bank order.
func (b *Bank) checkIDs(l *Diagnostics) {
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
		id(t.ID, t.Pos, "topic")
		for _, g := range t.Guide {
			id(g.ID, g.Pos, "glossary term")
		}
		for j := range t.Questions {
			q := &t.Questions[j]
			id(q.ID, q.Pos, "question")
			for _, s := range q.Strengths {
				id(s.ID, s.Pos, "strength")
			}
			for _, g := range q.Gaps {
				id(g.ID, g.Pos, "gap")
			}
			for _, s := range q.Samples {
				id(s.ID, s.Pos, "sample")
			}
			for _, d := range q.Diagrams {
				id(d.ID, d.Pos, "diagram")
			}
		}
	}
}

// countIDs returns how many items of b carry an ID, to size the map of
// IDs seen: growing it item by item was most of Check's allocation.
func (b *Bank) countIDs() int {
	n := 0
	for i := range b.Topics {
		n += b.Topics[i].countIDs()
	}
	return n
}

// countIDs returns how many items of t, t included, carry an ID.
func (t *Topic) countIDs() int {
	n := 1 + len(t.Guide)
	for j := range t.Questions {
		q := &t.Questions[j]
		n += 1 + len(q.Strengths) + len(q.Gaps) + len(q.Samples) + len(q.Diagrams)
	}
	return n
}

// checkQuestion appends the problems of q's content to l, and passes
// each of its IDs to id.
func checkQuestion(l *Diagnostics, q *Question, id func(string)) {
	if q.Number < 1 {
		l.Add(q.Pos, Error, "question %s has no number", q.ID)
	}
	id(q.ID)
	if blank(q.Prompt) {
		l.Add(q.Pos, Error, "question %s has no prompt", q.ID)
	}
	if len(q.Answer) == 0 {
		l.Add(q.Pos, Error, "question %s has no model answer", q.ID)
	}
	if q.Level == LevelUnknown {
		l.Add(q.Pos, Warning, "question %s has no level (warm-up, stepping-up or lead)", q.ID)
	} else if q.Level > Lead {
		l.Add(q.Pos, Error, "question %s has an invalid level %d", q.ID, q.Level)
	}
	if len(q.Strengths) == 0 {
		l.Add(q.Pos, Warning, "question %s has no strengths (What You Nailed)", q.ID)
	}
	if len(q.Gaps) == 0 {
		l.Add(q.Pos, Warning, "question %s has no gaps (What to Tighten Up)", q.ID)
	}
	for _, s := range q.Strengths {
		if blank(s.Title) {
			l.Add(s.Pos, Error, "strength has no title")
		}
		id(s.ID)
	}
	for _, g := range q.Gaps {
		if blank(g.Title) {
			l.Add(g.Pos, Error, "gap has no title")
		}
		id(g.ID)
	}
	for _, s := range q.Samples {
		if blank(s.Code) {
			l.Add(s.Pos, Warning, "sample has no code")
		}
		id(s.ID)
	}
	for _, d := range q.Diagrams {
		if blank(d.Art) {
			l.Add(d.Pos, Error, "diagram %q has no art", d.Title)
		}
		id(d.ID)
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

// blank reports whether s holds only white space, as
// strings.TrimSpace(s) == "" does, but stops at the first other
// character instead of trimming both ends.
func blank(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}

// parallelIDs is the number of IDs from which Check spreads topics over
// goroutines: below it, starting them costs more than it saves (the
// shipped topic holds about 90).
const parallelIDs = 512
