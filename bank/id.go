package bank

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSlug bounds slug length so IDs stay readable; longer titles are cut
// at a word boundary.
const maxSlug = 48

// Slug turns a title into an ID segment: lower case, letters and digits
// kept, every other run of characters turned into a single '-'.
// Apostrophes vanish ("app's" → "apps"). A slug longer than 48 bytes is
// cut at its last '-' within the limit, or at a rune boundary when it has
// none. Slug returns "" when s holds no letter or digit.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
		default:
			dash = true
		}
		if b.Len() > maxSlug {
			break
		}
	}
	out := b.String()
	if len(out) <= maxSlug {
		return out
	}
	if cut := strings.LastIndexByte(out[:maxSlug+1], '-'); cut > 0 {
		return out[:cut]
	}
	cut := maxSlug
	for cut > 0 && !utf8.RuneStart(out[cut]) {
		cut--
	}
	return out[:cut]
}

// QuestionID returns the ID of question number n of a topic: "kubernetes/q2".
func QuestionID(topicID string, n int) string {
	return topicID + "/q" + strconv.Itoa(n)
}

// AssignIDs sets the ID of every topic, question, term, strength, gap,
// sample and diagram from its content, replacing what was there.
//
// IDs depend only on the item and its parents, never on its neighbours'
// content, so editing one answer leaves every other ID alone: questions
// are keyed by number, glossary terms, strengths, gaps and diagrams by a
// slug of their title, samples by their file name, Kubernetes kind or
// language. An item whose source pins its key (Pin) is keyed by the slug
// of the pin instead: a pinned question is "kubernetes/NAME". Items
// whose keys collide within one parent get "-2", "-3", … in source
// order. Topics and questions are not renumbered: two topics with one
// name, or two questions with one number, get the same ID, and Check
// reports it. A topic with no name gets "topic-N".
func (b *Bank) AssignIDs() {
	for i := range b.Topics {
		t := &b.Topics[i]
		t.ID = key(t.Pin, t.Name, "topic-"+strconv.Itoa(i+1))
		terms := newIDSet(t.ID + "/terms/")
		for j := range t.Guide {
			g := &t.Guide[j]
			g.ID = terms.take(key(g.Pin, g.Term, "term"))
		}
		for j := range t.Questions {
			t.Questions[j].assignIDs(t.ID)
		}
	}
}

func (q *Question) assignIDs(topicID string) {
	q.ID = QuestionID(topicID, q.Number)
	if p := Slug(q.Pin); p != "" {
		q.ID = topicID + "/" + p
	}
	strengths := newIDSet(q.ID + "/strengths/")
	for i := range q.Strengths {
		s := &q.Strengths[i]
		s.ID = strengths.take(key(s.Pin, s.Title, "strength"))
	}
	gaps := newIDSet(q.ID + "/gaps/")
	for i := range q.Gaps {
		g := &q.Gaps[i]
		g.ID = gaps.take(key(g.Pin, g.Title, "gap"))
	}
	samples := newIDSet(q.ID + "/samples/")
	for i := range q.Samples {
		s := &q.Samples[i]
		s.ID = samples.take(key(s.Pin, s.keyText(), "text"))
	}
	diagrams := newIDSet(q.ID + "/diagrams/")
	for i := range q.Diagrams {
		d := &q.Diagrams[i]
		d.ID = diagrams.take(key(d.Pin, d.Title, "diagram"))
	}
}

// key returns the slug of pin, else the slug of title, else def.
func key(pin, title, def string) string {
	if k := Slug(pin); k != "" {
		return k
	}
	if k := Slug(title); k != "" {
		return k
	}
	return def
}

// keyText is what names a sample: its file, else its manifest kinds,
// else its language.
func (s *Sample) keyText() string {
	if Slug(s.File) != "" {
		return s.File
	}
	if k := strings.Join(s.Kinds, " "); Slug(k) != "" {
		return k
	}
	return s.Lang
}

// idSet hands out the IDs of one parent's items of one kind, adding
// "-2", "-3", … to keys taken before.
type idSet struct {
	prefix string         // the parent's ID and the kind: "kubernetes/q2/gaps/"
	taken  map[string]int // ID → how often its key was asked for
}

func newIDSet(prefix string) *idSet {
	return &idSet{prefix: prefix, taken: map[string]int{}}
}

// take returns the ID for key: prefix+key the first time, else the
// first free of prefix+key+"-N", N counting from how often key was taken.
func (x *idSet) take(key string) string {
	id := x.prefix + key
	x.taken[id]++
	n := x.taken[id]
	if n == 1 {
		return id
	}
	for ; ; n++ {
		alt := id + "-" + strconv.Itoa(n)
		if x.taken[alt] == 0 {
			x.taken[alt] = 1
			return alt
		}
	}
}
