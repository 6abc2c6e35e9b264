package vocab

import (
	"iter"
	"maps"
	"slices"
	"strings"
)

// phrases is a set of names of one or more words (keys), indexed by
// their first word so that finding every name a text holds takes one
// look-up per word of the text, whatever the number of names.
type phrases map[string][]string // first word → the names that open with it

// add puts a name into the set once.
func (p phrases) add(name string) {
	first, _, _ := strings.Cut(name, " ")
	if !slices.Contains(p[first], name) {
		p[first] = append(p[first], name)
	}
}

// clone returns a copy of p that adding to does not change p.
func (p phrases) clone() phrases {
	c := maps.Clone(p)
	if c == nil {
		return phrases{}
	}
	for k, names := range c {
		c[k] = slices.Clip(names)
	}
	return c
}

// in yields every name of the set that key (a Key) holds as whole
// words, in the order they stand in it.
func (p phrases) in(key string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(key); {
			rest := key[i:]
			word, _, _ := strings.Cut(rest, " ")
			for _, name := range p[word] {
				if strings.HasPrefix(rest, name) && (len(rest) == len(name) || rest[len(name)] == ' ') {
					if !yield(name) {
						return
					}
				}
			}
			i += len(word) + 1
		}
	}
}

// holds reports whether key holds a name of the set as whole words.
func (p phrases) holds(key string) bool {
	for range p.in(key) {
		return true
	}
	return false
}
