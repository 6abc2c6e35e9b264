package bank

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSlug bounds slug length so IDs stay readable; longer titles are cut
// at a word boundary.
const maxSlug = 48

// Slug turns a title into an ID segment: lower case, letters and digits
// kept, every other run of characters turned into a single '-'. It
// returns "" when s holds no letter or digit.
func Slug(s string) string {
	var buf [maxSlug]byte // on the stack
	out := appendSlug(buf[:0], s)
	if string(out) == s {
		return s // already a slug: "yaml", "pod"
	}
	return string(out)
}

// appendSlug appends the slug of s to dst. ASCII, most titles, takes a
// table instead of the unicode tables; other runes take Slug's general
// rules.
func appendSlug(dst []byte, s string) []byte {
	// Built in a local array, the slug needs no growth or capacity
	// checks: the loop stops once it holds more than maxSlug bytes, as
	// only those decide where it is cut.
	var buf [maxSlug + 1 + utf8.UTFMax]byte
	n := 0
	dash := false
	for i := 0; i < len(s) && n <= maxSlug; {
		c := s[i]
		if l := slugASCII[c]; l != 0 {
			i++
			if dash && n > 0 {
				buf[n] = '-'
				n++
			}
			dash = false
			buf[n] = l
			n++
			continue
		}
		if c < utf8.RuneSelf {
			i++
			if c != '\'' { // "app's" reads better as "apps" than "app-s"
				dash = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && n > 0 {
				buf[n] = '-'
				n++
			}
			dash = false
			n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
			continue
		}
		if r != '’' {
			dash = true
		}
	}
	out := buf[:n]
	if len(out) > maxSlug {
		cut := bytes.LastIndexByte(out[:maxSlug+1], '-')
		if cut <= 0 {
			cut = maxSlug
			for cut > 0 && !utf8Start(out[cut]) {
				cut--
			}
		}
		out = out[:cut]
	}
	return append(dst, out...)
}

// slugASCII maps an ASCII letter or digit to its lower case, and every
// other byte to 0.
var slugASCII = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

func utf8Start(c byte) bool { return c&0xC0 != 0x80 }

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
// language. Items whose keys collide within one parent get "-2", "-3", …
// in source order. Topics and questions are not renumbered: two topics
// with one name, or two questions with one number, get the same ID, and
// Check reports it. A topic with no name gets "topic-N".
func (b *Bank) AssignIDs() {
	// Serial on purpose: running topics in parallel saved 0.2 ms on a
	// 4 MB bank, but would turn a caller's topics that share slices (a
	// copied topic) from "last one wins" into a data race.
	var x idSet
	for i := range b.Topics {
		b.Topics[i].assignIDs(i, &x)
	}
}

// assignIDs sets the IDs of topic number i (from 0) and of its items.
func (t *Topic) assignIDs(i int, x *idSet) {
	t.ID = orDefault(Slug(t.Name), "topic-"+strconv.Itoa(i+1))
	x.reset(t.ID, "/terms/")
	for j := range t.Guide {
		t.Guide[j].ID = x.slug(t.Guide[j].Term, "term")
	}
	for j := range t.Questions {
		q := &t.Questions[j]
		q.ID = QuestionID(t.ID, q.Number)
		q.assignIDs(x)
	}
}

func (q *Question) assignIDs(x *idSet) {
	x.reset(q.ID, "/strengths/")
	for i := range q.Strengths {
		q.Strengths[i].ID = x.slug(q.Strengths[i].Title, "strength")
	}
	x.reset(q.ID, "/gaps/")
	for i := range q.Gaps {
		q.Gaps[i].ID = x.slug(q.Gaps[i].Title, "gap")
	}
	x.reset(q.ID, "/samples/")
	for i := range q.Samples {
		q.Samples[i].ID = x.key(q.Samples[i].key())
	}
	x.reset(q.ID, "/diagrams/")
	for i := range q.Diagrams {
		q.Diagrams[i].ID = x.slug(q.Diagrams[i].Title, "diagram")
	}
}

// key is what names a sample: its file, else its manifest kind, else its
// language.
func (s *Sample) key() string {
	if k := Slug(s.File); k != "" {
		return k
	}
	if len(s.Kinds) > 0 {
		if k := Slug(strings.Join(s.Kinds, " ")); k != "" {
			return k
		}
	}
	return orDefault(Slug(s.Lang), "text")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// idSet hands out the IDs of one parent's items, adding "-2", "-3", …
// to repeated keys. IDs are built in one reused buffer and the set is
// reused from parent to parent, so an ID costs one allocation: itself.
type idSet struct {
	buf    []byte
	prefix int            // length of the parent's ID and kind in buf
	seen   map[string]int // full ID → times its key was taken
}

// reset starts the items of a new parent: "kubernetes/q2" + "/gaps/".
func (x *idSet) reset(parent, kind string) {
	x.buf = append(append(x.buf[:0], parent...), kind...)
	x.prefix = len(x.buf)
	if x.seen == nil {
		x.seen = make(map[string]int)
	}
	clear(x.seen)
}

// slug returns the ID keyed by the slug of title, or by def when the
// title has none.
func (x *idSet) slug(title, def string) string {
	x.buf = appendSlug(x.buf[:x.prefix], title)
	if len(x.buf) == x.prefix {
		x.buf = append(x.buf, def...)
	}
	return x.take()
}

// key returns the ID keyed by key.
func (x *idSet) key(key string) string {
	x.buf = append(x.buf[:x.prefix], key...)
	return x.take()
}

// take returns the ID in buf, or, when its key was taken before, the
// first of "-N", "-N+1", … free, N being how often the key was taken.
// Keys are compared with their prefix, which is the same within a parent.
func (x *idSet) take() string {
	if x.seen[string(x.buf)] == 0 { // no allocation: a lookup
		id := string(x.buf)
		x.seen[id] = 1
		return id
	}
	key := string(x.buf)
	x.seen[key]++
	n := x.seen[key]
	for {
		k := key + "-" + strconv.Itoa(n)
		if x.seen[k] == 0 {
			x.seen[k] = 1
			return k
		}
		n++
	}
}
