package fix

import (
	"strings"
	"unicode"
)

// Deciding: support from the surroundings, and the choice of the dropped
// bytes.
//
// A rebuild group's candidates are weighed by
//
//	prior × intact × words × box × alignment × emoji-line
//
// where intact favours characters that occur undamaged elsewhere in the
// document, words an emoji whose keywords or Unicode name occur on the lines
// around it, box the candidates whose arms connect with the neighbours in a
// diagram (boxdraw.go), alignment the candidate whose display width puts a
// diagram's closing border in the column of the borders above and below, and
// emoji-line an emoji where the line already shows emoji. The choice is made
// three times: first without the neighbours (which may be damaged too), then
// twice more with each neighbour as last chosen.

// lineRange is the span of s.groups on one line, with its strong count.
type lineRange struct {
	line, first, last, strong int
	near                      bool // a line next to it has a strong group (see support)
}

// addLines records the line ranges of the groups appended from index n0.
func (s *repairer) addLines(n0 int) {
	for i := n0; i < len(s.groups); i++ {
		g := &s.groups[i]
		if n := len(s.lrs); n == 0 || s.lrs[n-1].line != g.line {
			s.lrs = append(more(s.lrs), lineRange{line: g.line, first: i, last: i})
			s.lineLR[g.line] = len(s.lrs)
		}
		lr := &s.lrs[len(s.lrs)-1]
		lr.last = i + 1
		if g.strong() {
			lr.strong++
		}
	}
}

func (s *repairer) decide() {
	// Groups are many and the passes over them are bound by memory: the
	// evidence, the acceptance and the choice without context are made in
	// one pass (adjacentAccepted looks one group ahead), which also lists
	// the groups the passes with context look at.
	s.setDocSupport()
	groups := s.groups
	elig := s.elig[:0] // a local: see findGroups
	s.nEdits, s.nSuspect = 0, 0
	lrs := s.lrs
	for k := range lrs {
		lrs[k].near = k > 0 && lrs[k-1].line == lrs[k].line-1 && lrs[k-1].strong > 0 ||
			k+1 < len(lrs) && lrs[k+1].line == lrs[k].line+1 && lrs[k+1].strong > 0
	}
	lj := 0 // the line range of the group setExist looks at
	if len(groups) > 0 {
		s.setExist(&groups[0], &lrs[0])
	}
	for i := range groups {
		g := &groups[i]
		if i+1 < len(groups) {
			for lrs[lj].last <= i+1 {
				lj++
			}
			s.setExist(&groups[i+1], &lrs[lj])
		}
		if g.present == 1 && g.accept {
			g.accept = s.adjacentAccepted(i)
		}
		if g.missing > 0 {
			s.choose(g, false)
			if g.accept && len(s.sets[g.cs].cands) >= 2 {
				elig = append(more(elig), i)
			}
		} else {
			g.share = 1
		}
		// What emit will write, when acceptance alone decides it.
		switch {
		case g.accept && !(g.joined && groups[i-1].accept):
			s.nEdits++
		case !g.accept && g.exist >= 0.3 && s.docStrong[g.cp] > 0:
			s.nSuspect++
		}
	}
	s.elig = elig
	// Two passes with context; the second only where the first changed a
	// choice on the line or the lines next to it. Each choice in a pass
	// sees the lines as they read at the end of the pass before (a line's
	// view is taken before any of its own choices change), so views are
	// kept from one pass to the next and only the changed lines are
	// rebuilt.
	nLines := len(s.lineStarts)
	// About one cell per group, and a few for the text between them.
	s.views.reset(nLines, len(groups)+8*len(s.lrs))
	s.changed = resize(s.changed, nLines+2) // index line+1
	nChanged := 0
	for _, i := range elig {
		g := &groups[i]
		old := g.x
		s.choose(g, true)
		if g.x != old && !s.changed[g.line+1] {
			s.changed[g.line+1] = true
			nChanged++
		}
	}
	if nChanged == 0 {
		return // the second pass would do nothing
	}
	for l := range nLines {
		if s.changed[l+1] {
			s.views.drop(l)
		}
	}
	for _, lr := range s.lrs {
		if !s.changed[lr.line] && !s.changed[lr.line+1] && !s.changed[lr.line+2] {
			continue
		}
		for i := lr.first; i < lr.last; i++ {
			if g := &groups[i]; g.missing > 0 && g.accept && len(s.sets[g.cs].cands) >= 2 {
				s.choose(g, true)
			}
		}
	}
}

// setExist sets g's probability of damage and its acceptance; lr is the
// range of g's line.
func (s *repairer) setExist(g *group, lr *lineRange) {
	g.exist = 1 - (1-g.selfVal())*(1-s.support(g, lr))
	g.accept = g.exist >= 0.5
}

// resize returns b with length n, zeroed, reusing its memory.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// room returns b emptied, with capacity for at least n elements. New
// memory comes from make: fresh memory from the system is already zero and
// is left untouched until used, where append and slices.Grow clear all of
// it first (a long document's buffers run to tens of megabytes).
func room[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, 0, n)
	}
	return b[:0]
}

// more returns b with room to append one element: when b is full, a copy
// in new memory from make, twice as large (see room).
func more[T any](b []T) []T {
	if len(b) < cap(b) {
		return b
	}
	nb := make([]T, len(b), max(64, 2*cap(b)))
	copy(nb, b)
	return nb
}

// adjacentAccepted reports whether group i touches an accepted complete
// group of its run.
func (s *repairer) adjacentAccepted(i int) bool {
	g := &s.groups[i]
	ok := func(h *group) bool { return h.missing == 0 && h.accept }
	return i > 0 && g.joined && s.groups[i-1].end() == g.start && ok(&s.groups[i-1]) ||
		i+1 < len(s.groups) && s.groups[i+1].joined && s.groups[i+1].start == g.end() && ok(&s.groups[i+1])
}

// support is the evidence of damage around g, in line range lr: other
// strong groups on its line (any code page), on the lines next to it
// (lr.near), or through the same code page in the whole document weighed
// against the clean non-ASCII text.
func (s *repairer) support(g *group, lr *lineRange) float64 {
	own := 0
	if g.strong() {
		own = 1
	}
	if lr.strong-own > 0 {
		return 0.8
	}
	sup := 0.0
	if lr.near {
		sup = 0.6
	}
	if ds := s.docSupport[g.cp][own]; ds > sup {
		sup = ds
	}
	return sup
}

// setDocSupport works out the support from the whole document, by code page
// and whether the group itself is strong (it does not count for itself).
func (s *repairer) setDocSupport() {
	for cp := range s.docSupport {
		for own := range 2 {
			d := float64(s.docStrong[cp] - own)
			s.docSupport[cp][own] = 0.7 * d / (d + float64(s.docClean) + 1)
		}
	}
}

func intactFactor(n int) float64 {
	switch {
	case n == 0:
		return 1
	case n < 5:
		return 3
	}
	return 5
}

// memoKey identifies a choice that depends only on the candidates and the
// four neighbours, so that the thousands of "═" in a diagram are weighed once.
type memoKey struct {
	ckey uint64
	nb   nbrs
}

type memoVal struct {
	x     rune
	share float64
}

// choiceMemo is a hash table from memoKey to memoVal. The choice is looked
// up for nearly every rebuilt character, and a map hashes the 24-byte key
// generically; this hashes it in a few multiplications.
type choiceMemo struct {
	slots []memoSlot
	n     int
}

type memoSlot struct {
	k    memoKey
	v    memoVal
	used bool
}

func (m *choiceMemo) reset() {
	clear(m.slots)
	m.n = 0
}

func (m *choiceMemo) slot(k memoKey) int {
	h := k.ckey*0x9E3779B97F4A7C15 ^ (uint64(uint32(k.nb.left))|uint64(uint32(k.nb.right))<<32)*0xC2B2AE3D27D4EB4F ^
		(uint64(uint32(k.nb.up))|uint64(uint32(k.nb.down))<<32)*0x165667B19E3779F9
	h ^= h >> 32
	return int(h & uint64(len(m.slots)-1))
}

func (m *choiceMemo) get(k memoKey) (memoVal, bool) {
	if m.n == 0 {
		return memoVal{}, false
	}
	for i := m.slot(k); m.slots[i].used; i = (i + 1) & (len(m.slots) - 1) {
		if m.slots[i].k == k {
			return m.slots[i].v, true
		}
	}
	return memoVal{}, false
}

// put adds k, which must not be there yet.
func (m *choiceMemo) put(k memoKey, v memoVal) {
	if 2*(m.n+1) > len(m.slots) {
		old := m.slots
		m.slots, m.n = make([]memoSlot, max(64, 2*len(old))), 0
		for _, e := range old {
			if e.used {
				m.put(e.k, e.v)
			}
		}
	}
	i := m.slot(k)
	for m.slots[i].used {
		i = (i + 1) & (len(m.slots) - 1)
	}
	m.slots[i] = memoSlot{k, v, true}
	m.n++
}

// roundInfo fills in cs's per-round fields: the weights by prior and intact
// count, and the choice they make alone.
func (s *repairer) roundInfo(cs *candSet) {
	if cs.stamp == s.stamp {
		return
	}
	cs.stamp = s.stamp
	best, bestW, total := rune(0), -1.0, 0.0
	for i, c := range cs.cands {
		w := c.w * intactFactor(s.intact.get(c.r))
		cs.base[i] = w
		total += w
		if w > bestW {
			best, bestW = c.r, w
		}
	}
	cs.x0, cs.share0 = best, bestW/total
}

// choose sets g.x and g.share; with context, looking at the neighbours.
func (s *repairer) choose(g *group, context bool) {
	cs := s.sets[g.cs]
	s.roundInfo(cs)
	var wf []float64
	if cs.wordy {
		wf = s.wordFactors(g)
	}
	if !context && wf == nil {
		g.x, g.share = cs.x0, cs.share0
		return
	}
	var nb nbrs
	var v *lineView
	widths := false
	if context {
		v = s.view(g.line)
		nb = s.neighbours(v, g)
		widths = cs.widths
		if wf == nil && !widths {
			if m, ok := s.memo.get(memoKey{cs.key, nb}); ok {
				g.x, g.share = m.x, m.share
				return
			}
		}
	}
	best, bestW, total := rune(0), -1.0, 0.0
	for i, c := range cs.cands {
		w := cs.base[i]
		if wf != nil {
			w *= wf[i]
		}
		if context {
			w *= boxFactor(c.r, nb)
			if widths {
				w *= s.alignFactor(v, g, c.r)
			}
			if v.emoji && cs.emoji[i] {
				w *= 1.5
			}
			w *= s.charFactor(c.r, nb.left, nb.right)
		}
		total += w
		if w > bestW {
			best, bestW = c.r, w
		}
	}
	g.x, g.share = best, bestW/total
	if context && wf == nil && !widths {
		s.memo.put(memoKey{cs.key, nb}, memoVal{g.x, g.share})
	}
}

type wordKey struct {
	line int
	ckey uint64
}

// wordFactors returns, per candidate of g, the factor from words near it,
// or nil when no candidate is helped by them. Only for wordy sets.
func (s *repairer) wordFactors(g *group) []float64 {
	cs := s.sets[g.cs]
	key := wordKey{g.line, cs.key}
	if f, ok := s.wordMemo[key]; ok {
		return f
	}
	if s.wordMemo == nil {
		s.wordMemo = map[wordKey][]float64{}
	}
	words := s.nearWords(g.line)
	var f []float64
	cands := cs.cands
	for i, c := range cands {
		m := 1.0
		if kw := keywords[c.r]; kw != nil && matchAny(words, kw, true) {
			m = 5
		} else if cs.emoji[i] && matchAny(words, nameWords(c.r), false) {
			m = 2
		}
		if m != 1 {
			if f == nil {
				f = make([]float64, len(cands))
				for j := range f {
					f[j] = 1
				}
			}
			f[i] = m
		}
	}
	s.wordMemo[key] = f
	return f
}

func matchAny(words, keys []string, prefix bool) bool {
	for _, w := range words {
		for _, k := range keys {
			if w == k || w == k+"s" || prefix && strings.HasPrefix(w, k) {
				return true
			}
		}
	}
	return false
}

// nearWords returns the lower-case ASCII words of line and the lines next
// to it: the runs of letters of the lines lowered with unicode.ToLower, the
// way strings.ToLower would, but without lowering (and copying) the
// non-ASCII runes, which are never letters of a word here.
func (s *repairer) nearWords(line int) []string {
	if w, ok := s.words[line]; ok {
		return w
	}
	if s.words == nil {
		s.words = map[int][]string{}
	}
	lo, hi := max(line-1, 0), min(line+1, len(s.lineStarts)-1)
	w := asciiWords(s.text[s.lineStarts[lo]:s.lineEnd(hi)])
	s.words[line] = w
	return w
}

// asciiWords returns the words of strings.FieldsFunc(strings.ToLower(text),
// f) where f splits at every rune that is not an ASCII letter, without
// decoding the text: bytes ≥ 0x80 only split words, except for the two
// runes that lower to ASCII letters (TestLowerToASCII checks there are no
// others), the Kelvin sign and the dotted capital I.
func asciiWords(text []byte) []string {
	buf := make([]byte, 0, len(text)) // the words, one space after each
	n := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xC4 && i+1 < len(text) && text[i+1] == 0xB0: // U+0130
			c = 'i'
			i++
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x84 && text[i+2] == 0xAA: // U+212A
			c = 'k'
			i += 2
		default:
			if len(buf) > 0 && buf[len(buf)-1] != ' ' {
				buf = append(buf, ' ')
				n++
			}
			continue
		}
		buf = append(buf, c)
	}
	if len(buf) > 0 && buf[len(buf)-1] != ' ' {
		buf = append(buf, ' ')
		n++
	}
	all := string(buf)
	words := make([]string, 0, n)
	for len(all) > 0 {
		sp := strings.IndexByte(all, ' ')
		words = append(words, all[:sp])
		all = all[sp+1:]
	}
	return words
}

// charFactor weighs candidate r against the characters left and right of it:
// emoji modifiers and joiners where an emoji sequence needs them, opening
// and closing quotes on the right side of a word, letters in the script and
// case of the letters around them.
func (s *repairer) charFactor(r, left, right rune) float64 {
	const all = pSeg | pView | pChar
	pl := s.pc.get(left, all)
	f := 1.0
	switch {
	case r == '\uFE0F': // emoji presentation: after a symbol or keycap base
		if pl&pSo != 0 || left == '#' || left == '*' || left >= '0' && left <= '9' {
			f *= 20
		} else {
			f *= 0.01
		}
	case r == '\u200D': // zero-width joiner: between emoji
		if pl&pEmoji != 0 || left == '\uFE0F' || pl&pSo != 0 {
			f *= 50
		} else {
			f *= 0.01
		}
	case r >= 0x1F3FB && r <= 0x1F3FF: // skin tones follow a person or hand
		if pl&pEmoji != 0 {
			f *= 20
		} else {
			f *= 0.01
		}
	}
	opening := strings.ContainsRune("“„‘‚«‹", r)
	closing := strings.ContainsRune("”’»›", r)
	pr := s.pc.get(right, all)
	wordyL, wordyR := pl&(pLetter|pDigit) != 0, pr&(pLetter|pDigit) != 0
	switch {
	case opening && !wordyL && wordyR:
		f *= 3
	case opening && wordyL:
		f *= 0.3
	case closing && (wordyL || pl&pPunct != 0) && !wordyR:
		f *= 3
	case closing && !wordyL && wordyR:
		f *= 0.3
	}
	if p := s.pc.get(r, all); p&pLetter != 0 {
		for _, pn := range [2]props{pl, pr} {
			if pn&pLetter == 0 {
				continue
			}
			if pn.script() != p.script() {
				f *= 0.05
			} else if (pn&pUpper != 0) == (p&pUpper != 0) {
				f *= 3
			}
		}
	}
	return f
}

var scripts = []*unicode.RangeTable{unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Han,
	unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Arabic, unicode.Hebrew}

// script returns the index of r's script in scripts, or -1.
func script(r rune) int {
	if r < 0x80 {
		return 0
	}
	for i, t := range scripts {
		if unicode.Is(t, r) {
			return i
		}
	}
	return -1
}
