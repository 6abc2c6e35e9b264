package bank

import (
	"math/rand/v2"
	"strings"
)

// Query selects questions. Its zero value matches every question; each
// field that is set narrows the match, and all set fields must match.
type Query struct {
	// Topic is a topic ID ("kubernetes") or name, compared without case.
	Topic string
	// Level, when not LevelUnknown, keeps questions of that level.
	Level Level
	// Tag keeps questions carrying the tag (see Question.Tags).
	Tag string
	// Text keeps questions whose prompt, answer, gaps, strengths, samples
	// or diagrams contain it, compared without case.
	Text string
}

// Questions returns the questions matching q, in bank order. The
// pointers refer into b.
func (b *Bank) Questions(q Query) []*Question {
	var out []*Question
	text := strings.ToLower(q.Text)
	for i := range b.Topics {
		t := &b.Topics[i]
		if q.Topic != "" && !strings.EqualFold(q.Topic, t.ID) && !strings.EqualFold(q.Topic, t.Name) {
			continue
		}
		for j := range t.Questions {
			qu := &t.Questions[j]
			if q.Level != LevelUnknown && qu.Level != q.Level {
				continue
			}
			if q.Tag != "" && !qu.HasTag(q.Tag) {
				continue
			}
			if text != "" && !qu.contains(text) {
				continue
			}
			out = append(out, qu)
		}
	}
	return out
}

// Tags returns the question's tags: its topic ID, its level, "lang:X"
// for each sample language and "kind:X" for each Kubernetes kind in its
// samples, lower case, without repeats, in that order.
func (q *Question) Tags() []string {
	topic, _, _ := strings.Cut(q.ID, "/")
	tags := []string{topic, q.Level.String()}
	seen := map[string]bool{topic: true, q.Level.String(): true}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	for _, s := range q.Samples {
		if s.Lang != "" {
			add("lang:" + strings.ToLower(s.Lang))
		}
	}
	for _, s := range q.Samples {
		for _, k := range s.Kinds {
			add("kind:" + strings.ToLower(k))
		}
	}
	return tags
}

// HasTag reports whether the question carries tag, compared without case.
func (q *Question) HasTag(tag string) bool {
	for _, t := range q.Tags() {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// contains reports whether any text of the question holds lower-case s.
func (q *Question) contains(s string) bool {
	has := func(t string) bool { return strings.Contains(strings.ToLower(t), s) }
	if has(q.Prompt) {
		return true
	}
	for _, x := range q.Strengths {
		if has(x.Title) || has(x.Detail) {
			return true
		}
	}
	for _, x := range q.Gaps {
		if has(x.Title) || has(x.Detail) || has(x.Phrasing) {
			return true
		}
	}
	for _, x := range q.Answer {
		if has(x.Text) || has(x.Code) || has(strings.Join(x.Items, "\n")) {
			return true
		}
		for _, r := range x.Rows {
			if has(strings.Join(r, "\n")) {
				return true
			}
		}
	}
	for _, x := range q.Samples {
		if has(x.Code) {
			return true
		}
	}
	for _, x := range q.Diagrams {
		if has(x.Title) || has(x.Art) {
			return true
		}
	}
	return false
}

// GapRef is one gap with the question and topic it belongs to.
type GapRef struct {
	Topic    *Topic
	Question *Question
	Gap      *Gap
}

// Gaps returns every gap of every question, in bank order: the learner's
// weak spots across all topics.
func (b *Bank) Gaps() []GapRef {
	var out []GapRef
	for i := range b.Topics {
		t := &b.Topics[i]
		for j := range t.Questions {
			q := &t.Questions[j]
			for k := range q.Gaps {
				out = append(out, GapRef{Topic: t, Question: q, Gap: &q.Gaps[k]})
			}
		}
	}
	return out
}

// Lookup finds a glossary term by name, compared without case and
// surrounding space, in any topic. It returns the first match in bank
// order and the topic holding it.
func (b *Bank) Lookup(term string) (*Term, *Topic, bool) {
	term = strings.TrimSpace(term)
	for i := range b.Topics {
		t := &b.Topics[i]
		for j := range t.Guide {
			if strings.EqualFold(t.Guide[j].Term, term) {
				return &t.Guide[j], t, true
			}
		}
	}
	return nil, nil, false
}

// Topic returns the topic with the given ID.
func (b *Bank) Topic(id string) (*Topic, bool) {
	for i := range b.Topics {
		if b.Topics[i].ID == id {
			return &b.Topics[i], true
		}
	}
	return nil, false
}

// Draw returns a practice set of n questions drawn at random without
// repeats from those matching q (all of them when n exceeds the
// matches). The same seed gives the same set from the same bank, so a
// quiz app can replay a session.
func (b *Bank) Draw(n int, seed uint64, q Query) []*Question {
	pool := b.Questions(q)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	if n < len(pool) {
		pool = pool[:max(n, 0)]
	}
	return pool
}
