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
	// A slug is built on the stack: appendSlug stops once it holds more
	// than maxSlug bytes, so at most one '-' and one rune past maxSlug.
	var buf [maxSlug + 1 + utf8.UTFMax]byte
	out := appendSlug(buf[:0], s)
	if string(out) == s {
		return s // already a slug: "yaml", "pod"
	}
	return string(out)
}

// appendSlug appends the slug of s to dst. ASCII, most titles, skips
// the unicode tables; other runes take Slug's general rules.
func appendSlug(dst []byte, s string) []byte {
	start := len(dst)
	dash := false
	// Only the first maxSlug+1 bytes of a slug decide where it is cut, so
	// the loop stops there.
	for i := 0; i < len(s) && len(dst)-start <= maxSlug; {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'':
				continue // "app's" reads better as "apps" than "app-s"
			default:
				dash = true
				continue
			}
			if dash && len(dst) > start {
				dst = append(dst, '-')
			}
			dash = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && len(dst) > start {
				dst = append(dst, '-')
			}
			dash = false
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			continue
		}
		if r == '’' {
			continue
		}
		dash = true
	}
	if out := dst[start:]; len(out) > maxSlug {
		cut := bytes.LastIndexByte(out[:maxSlug+1], '-')
		if cut <= 0 {
			cut = maxSlug
			for cut > 0 && !utf8Start(out[cut]) {
				cut--
			}
		}
		dst = dst[:start+cut]
	}
	return dst
}

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
	for i := range b.Topics {
		t := &b.Topics[i]
		t.ID = orDefault(Slug(t.Name), "topic-"+strconv.Itoa(i+1))
		terms := newIDSet()
		for j := range t.Guide {
			t.Guide[j].ID = t.ID + "/terms/" + terms.take(orDefault(Slug(t.Guide[j].Term), "term"))
		}
		for j := range t.Questions {
			q := &t.Questions[j]
			q.ID = QuestionID(t.ID, q.Number)
			q.assignIDs()
		}
	}
}

func (q *Question) assignIDs() {
	set := newIDSet()
	for i := range q.Strengths {
		q.Strengths[i].ID = q.ID + "/strengths/" + set.take(orDefault(Slug(q.Strengths[i].Title), "strength"))
	}
	set = newIDSet()
	for i := range q.Gaps {
		q.Gaps[i].ID = q.ID + "/gaps/" + set.take(orDefault(Slug(q.Gaps[i].Title), "gap"))
	}
	set = newIDSet()
	for i := range q.Samples {
		q.Samples[i].ID = q.ID + "/samples/" + set.take(q.Samples[i].key())
	}
	set = newIDSet()
	for i := range q.Diagrams {
		q.Diagrams[i].ID = q.ID + "/diagrams/" + set.take(orDefault(Slug(q.Diagrams[i].Title), "diagram"))
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

// idSet hands out keys, adding "-2", "-3", … to repeats.
type idSet map[string]int

func newIDSet() idSet { return idSet{} }

func (s idSet) take(key string) string {
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
