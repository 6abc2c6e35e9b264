package bank

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Caption names a sample for a reader: its file name, else its
// Kubernetes kinds joined by ", ", else its language. It returns "" when
// the sample has none of them.
func (s *Sample) Caption() string {
	switch {
	case s.File != "":
		return s.File
	case len(s.Kinds) > 0:
		return strings.Join(s.Kinds, ", ")
	}
	return s.Lang
}

// Part is one block of a model answer as a reader sees it. Sample is
// the sample a KindSample block places, and nil for every other kind.
type Part struct {
	Block  *Block
	Sample *Sample
}

// ModelAnswer returns the question's model answer block by block, each
// KindSample block with its sample resolved, followed by the samples the
// answer never placed (as KindSample parts whose Block stands at the
// sample's position), so that a reader loses no code. A block that
// refers to a sample out of range is skipped; Check reports it.
func (q *Question) ModelAnswer() iter.Seq[Part] {
	return func(yield func(Part) bool) {
		placed := make([]bool, len(q.Samples))
		for i := range q.Answer {
			b := &q.Answer[i]
			p := Part{Block: b}
			if b.Kind == KindSample {
				if b.Sample < 0 || b.Sample >= len(q.Samples) {
					continue
				}
				placed[b.Sample] = true
				p.Sample = &q.Samples[b.Sample]
			}
			if !yield(p) {
				return
			}
		}
		for i := range q.Samples {
			if placed[i] {
				continue
			}
			b := &Block{Kind: KindSample, Sample: i, Pos: q.Samples[i].Pos}
			if !yield(Part{Block: b, Sample: &q.Samples[i]}) {
				return
			}
		}
	}
}

// AnswerSection is the part of a model answer under one of its
// sub-headings.
type AnswerSection struct {
	// Title is the sub-heading's text; "" for what comes before the
	// first sub-heading.
	Title string
	// Level is the sub-heading's level (see KindHeading), 0 with no title.
	Level int
	// Pos is the sub-heading's position, or the first part's.
	Pos Pos
	// Parts are the blocks under the sub-heading, deeper sub-headings
	// included, in order.
	Parts []Part
	// ID is a titled section's stable ID, for outputs that key a card
	// or an entry by it: the question's ID, "/sections/", and the slug
	// of the title, made unique within the question as AssignIDs does.
	// It is "" for the section with no title.
	ID string
}

// AnswerSections splits the model answer (as ModelAnswer gives it) at
// its shallowest sub-headings: an answer with "## Pod" and "## Service"
// headings, each with "**YAML:**" sub-headings under it, has two
// sections. What comes before the first of them is a section with no
// title; samples the answer never placed end the last section. An empty
// answer has no sections.
func (q *Question) AnswerSections() []AnswerSection {
	top := 0
	for i := range q.Answer {
		if b := &q.Answer[i]; b.Kind == KindHeading && (top == 0 || b.Level < top) {
			top = b.Level
		}
	}
	var out []AnswerSection
	for p := range q.ModelAnswer() {
		if b := p.Block; b.Kind == KindHeading && b.Level == top {
			out = append(out, AnswerSection{Title: b.Text, Level: b.Level, Pos: b.Pos})
			continue
		}
		if len(out) == 0 {
			out = append(out, AnswerSection{Pos: p.Block.Pos})
		}
		s := &out[len(out)-1]
		s.Parts = append(s.Parts, p)
	}
	ids := newIDSet(q.ID + "/sections/")
	for i := range out {
		if !blank(out[i].Title) {
			out[i].ID = ids.take(key("", out[i].Title, "section"))
		}
	}
	return out
}

// Lead returns the section's key sentence: the first sentence of its
// first paragraph, quote or list item, for an outline of the answer. It
// returns "" when the section has no running text.
func (s AnswerSection) Lead() string {
	for _, p := range s.Parts {
		switch b := p.Block; b.Kind {
		case KindParagraph, KindQuote:
			if t := strings.TrimSpace(b.Text); t != "" {
				return FirstSentence(t)
			}
		case KindList:
			if len(b.Items) > 0 {
				return FirstSentence(strings.TrimSpace(b.Items[0]))
			}
		}
	}
	return ""
}

// FirstSentence returns the first sentence of s: up to and including the
// first '.', '!' or '?' (or their full-width forms) that ends a word,
// with the closing quotes or brackets right after it, and is followed by
// white space or the end; or up to the first line break. Abbreviations
// such as "e.g." do not end a sentence.
func FirstSentence(s string) string {
	for i, r := range s {
		switch r {
		case '\n':
			return strings.TrimSpace(s[:i])
		case '。', '！', '？':
			return s[:i+utf8.RuneLen(r)]
		case '.', '!', '?':
			end := i + 1
			for end < len(s) {
				c, n := utf8.DecodeRuneInString(s[end:])
				if !strings.ContainsRune(closers, c) {
					break
				}
				end += n
			}
			if end < len(s) {
				next, _ := utf8.DecodeRuneInString(s[end:])
				if !unicode.IsSpace(next) {
					continue
				}
			}
			if r == '.' && abbreviation(s[:i]) {
				continue
			}
			return s[:end]
		}
	}
	return s
}

// closers are what may close a sentence after its final punctuation.
const closers = `"'”’»)]`

// abbreviation reports whether a period after before ends an
// abbreviation such as "e.g", "i.e" or "etc" rather than a sentence.
func abbreviation(before string) bool {
	word := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
	word = strings.ToLower(strings.TrimLeft(word, "(\"'“‘"))
	switch word {
	case "e.g", "i.e", "etc", "vs", "cf", "approx", "incl", "no", "fig", "mr", "mrs", "dr":
		return true
	}
	return false
}
