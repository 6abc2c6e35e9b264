package fix

import (
	"bytes"
	"sort"
	"sync"
	"unicode/utf8"
)

// One round of mojibake repair over UTF-8 text.
//
// The text is cut into runs of consecutive non-ASCII runes (mojibake never
// spans ASCII: ASCII bytes decode to themselves). For each run and code page
// every rune is mapped back to the byte the code page decodes to it, and the
// bytes are cut into groups: a UTF-8 lead byte and the continuation bytes
// after it. A group with all its bytes is a complete group (one character);
// one with one or two continuation bytes missing is a rebuild group, whose
// candidates are the characters obtained by putting the code page's undefined
// bytes back at each possible place. Each group then gets:
//   - self: how sure we are, from the group alone, that it is damage and not
//     genuine text (three or four runes like "â€”" almost never occur in real
//     text; two, like "Ã©", sometimes do, e.g. "É”" in “CAFÉ”);
//   - support: damage found elsewhere on the line, the lines around it, or
//     in the document through the same code page;
//   - for rebuild groups, a choice among candidates by prior and context
//     (see rebuild.go).
// A group is repaired when 1-(1-self)(1-support) ≥ 0.5.

// runeAt is one rune of a run.
type runeAt struct {
	r   rune
	off int // byte offset in the text
	n   int // byte length
}

// cand is a candidate character for a rebuild group.
type cand struct {
	r rune
	w float64 // prior
}

// candSet is the candidates for one dropped-byte pattern (code page, bytes
// present, length), shared by every group with that pattern, with what can
// be worked out from the candidates alone.
type candSet struct {
	key   uint64
	cands []cand
	// wordy: a candidate that stands a chance by prior is an emoji or has
	// keywords, so words nearby may lift it (see wordFactors).
	wordy bool
	// widths: two candidates that both stand a chance differ in display
	// width, so the alignment of a diagram's border may decide.
	widths bool
	emoji  []bool // per candidate: isEmoji
	// Per round (valid when stamp is the round's): the weights by prior and
	// intact count, and the choice they make without context.
	stamp  uint64
	base   []float64
	x0     rune
	share0 float64
}

// group is a candidate repair: the runes text[start:end()] that decode
// through code page cp to one character. Long documents have hundreds of
// thousands of groups, read by several passes: they are kept to 64 bytes,
// without pointers (nothing for the collector to scan, no write barriers
// when they are copied).
type group struct {
	start   int
	line    int
	cell    int     // index of the group's cell in its line view
	cs      int32   // rebuild group: the candidates, as an index in repairer.sets
	exist   float64 // with support: probability this is damage
	share   float64 // rebuild: the chosen candidate's share of the weight
	x       rune    // complete group: the character; rebuild: the choice
	size    uint8   // length in bytes (at most 4 runes of 3)
	cp      uint8
	present uint8 // runes present (the group's length in runes)
	missing uint8 // bytes dropped, 0 for a complete group
	self    uint8 // evidence from the group alone, as an index in selfValues
	joined  bool  // continues the run of the group before it
	accept  bool
}

// The evidence from a group alone takes a few values (see selfComplete and
// selfRebuild).
var selfValues = [...]float64{0.95, 0.9, 0.3, 0.7, 0.6, 0.85}

const (
	selfLong        uint8 = iota // three or four runes decoding together
	selfPair                     // two runes
	selfWeak                     // two runes that read like genuine text
	selfLone                     // one rune, its continuation dropped
	selfPairRebuild              // two runes, a byte dropped
	selfLongRebuild              // three runes, a byte dropped
)

func (g *group) end() int         { return g.start + int(g.size) }
func (g *group) selfVal() float64 { return selfValues[g.self] }
func (g *group) strong() bool     { return g.missing == 0 && g.selfVal() >= 0.9 }

// edit records that text[src0:src1] became out[dst0:dst1].
type edit struct{ src0, src1, dst0, dst1 int }

// roundResult is what one round produced.
type roundResult struct {
	out     []byte
	edits   []edit
	repairs []fixRec // offsets in the round's input text
	more    bool     // out may hold damage for another round
}

// repairer holds one round's state. Repairers are pooled: their buffers,
// caches of candidates and rune properties serve the next round and the
// next call.
type repairer struct {
	text       []byte
	opt        *options
	stamp      uint64 // numbers the rounds this repairer ran
	counts     [nCP]int
	order      []int // code pages by evidence
	lineStarts []int
	runs       []textRun
	groups     []group
	docStrong  [nCP]int
	docClean   int
	docSupport [nCP][2]float64 // see setDocSupport
	intact     intactCounts
	candCache  map[uint64]int32 // candidate sets by key, as indexes in sets
	sets       []*candSet
	memo       choiceMemo
	runMemo    map[string]runSeg
	segGroups  []group // what runMemo's entries hold
	segRunes   []rune
	lrs        []lineRange
	lineLR     []int // per line: index in lrs + 1, 0 for none
	elig       []int // groups the passes with context look at
	nEdits     int   // edits and Suspects emit will write (decide counts
	nSuspect   int   // them when MinConfidence is not set)
	views      viewSet
	changed    []bool // per line + 1: a choice changed in the first pass
	wordMemo   map[wordKey][]float64
	words      map[int][]string
	pc         propCache
	// Per round, what the round hands to Bytes (edits and repairs) and,
	// once, the spans of the report: reused from call to call.
	editBuf [maxRounds][]edit
	recBuf  [maxRounds][]fixRec
	spanBuf [][2]int
	// scratch
	gen    []rune
	keyBuf []byte
	rs     []runeAt
	bs     []byte
	segs   [nCP][]group
}

var repairers = sync.Pool{New: func() any {
	return &repairer{candCache: map[uint64]int32{}, runMemo: map[string]runSeg{}}
}}

// newRepairer returns a pooled repairer for one call of Bytes.
func newRepairer(opt *options) *repairer {
	s := repairers.Get().(*repairer)
	s.opt = opt
	return s
}

// begin readies s for a round over text.
func (s *repairer) begin(text []byte) {
	s.text = text
	s.stamp++
	s.counts, s.docStrong, s.docClean = [nCP]int{}, [nCP]int{}, 0
	s.order = s.order[:0]
	s.runs = s.runs[:0]
	s.groups = s.groups[:0]
	s.lrs = s.lrs[:0]
	s.intact.reset()
	s.memo.reset()
	s.wordMemo, s.words = nil, nil
}

// release returns s to the pool, dropping its references to the text and
// what was cut from it. Nothing Bytes returns may point into s's buffers.
func (s *repairer) release() {
	s.text, s.opt = nil, nil
	clear(s.runMemo)
	s.wordMemo, s.words = nil, nil
	repairers.Put(s)
}

// round runs round number n (from 1) over text. It returns nil when there
// is nothing to do.
func (s *repairer) round(text []byte, n int) *roundResult {
	s.begin(text)
	if found, _ := s.scan(false); !found {
		return nil
	}
	return s.finish(n)
}

// finish runs round number n after the scan found pairs.
func (s *repairer) finish(n int) *roundResult {
	counts := s.counts
	for cp := 0; cp < nCP; cp++ {
		if counts[cp] > 0 {
			s.order = append(s.order, cp)
		}
	}
	// The code pages with about the most pairs first, in the default order
	// (Windows-1254 explains all Windows-1252 explains, and a little more),
	// then the others by count.
	top := 0
	for _, c := range counts {
		top = max(top, c)
	}
	rank := func(cp int) int {
		if counts[cp]*10 >= top*9 {
			return top + 1
		}
		return counts[cp]
	}
	sort.SliceStable(s.order, func(i, j int) bool { return rank(s.order[i]) > rank(s.order[j]) })
	s.lineStarts = lineStartsInto(s.lineStarts, s.text)
	s.groups = room(s.groups, top+16) // about one group per pair
	s.findGroups()
	if len(s.groups) == 0 {
		return nil
	}
	s.decide()
	return s.emit(n)
}

// lineStartsInto returns the offsets at which the lines of text start, in
// the memory of starts.
func lineStartsInto(starts []int, text []byte) []int {
	starts = append(room(starts, bytes.Count(text, []byte{'\n'})+1), 0)
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

func (s *repairer) lineEnd(line int) int {
	if line+1 < len(s.lineStarts) {
		return s.lineStarts[line+1] - 1
	}
	return len(s.text)
}

// intactCounts counts the characters seen intact in the text. Only 0, 1–4
// and 5 or more matter (intactFactor), so counts saturate at 255. Below
// U+3000 a table; above, an open-addressing table of the few runes that can
// ever be asked about: a candidate always holds a byte that some code page
// leaves undefined.
type intactCounts struct {
	low  [0x3000]uint8
	keys []rune // 0: empty
	vals []uint8
	n    int
}

func (c *intactCounts) reset() {
	c.low = [0x3000]uint8{}
	clear(c.keys)
	c.n = 0
}

// candidateLike reports whether r (≥ 0x800) has a continuation byte that some
// code page leaves undefined, as every rebuilt candidate has.
func candidateLike(r rune) bool {
	return undefCont[r&0x3F] || undefCont[r>>6&0x3F] || r >= 0x10000 && undefCont[r>>12&0x3F]
}

func (c *intactCounts) add(r rune) {
	if r < 0x3000 {
		if c.low[r] < 0xFF {
			c.low[r]++
		}
		return
	}
	c.addHigh(r)
}

func (c *intactCounts) addHigh(r rune) {
	if !candidateLike(r) {
		return
	}
	if 2*(c.n+1) > len(c.keys) {
		c.grow()
	}
	for i := c.slot(r); ; i = (i + 1) & (len(c.keys) - 1) {
		switch c.keys[i] {
		case r:
			if c.vals[i] < 0xFF {
				c.vals[i]++
			}
			return
		case 0:
			c.keys[i], c.vals[i] = r, 1
			c.n++
			return
		}
	}
}

func (c *intactCounts) get(r rune) int {
	if r < 0x3000 {
		return int(c.low[r])
	}
	if c.n == 0 {
		return 0
	}
	for i := c.slot(r); ; i = (i + 1) & (len(c.keys) - 1) {
		switch c.keys[i] {
		case r:
			return int(c.vals[i])
		case 0:
			return 0
		}
	}
}

func (c *intactCounts) slot(r rune) int {
	return int(uint32(r) * 0x9E3779B1 >> 8 & uint32(len(c.keys)-1))
}

func (c *intactCounts) grow() {
	keys, vals := c.keys, c.vals
	size := max(256, 2*len(keys))
	c.keys, c.vals, c.n = make([]rune, size), make([]uint8, size), 0
	for i, r := range keys {
		if r != 0 {
			for j := c.slot(r); ; j = (j + 1) & (size - 1) {
				if c.keys[j] == 0 {
					c.keys[j], c.vals[j] = r, vals[i]
					c.n++
					break
				}
			}
		}
	}
}

// runSeg is the outcome of segmenting a run: its groups (start relative to
// the run's) and the runes left out of them, as genuine text. They are kept
// in the repairer's segGroups and segRunes, which a document's distinct
// runs share, rather than in slices of their own.
type runSeg struct {
	groups  span // in segGroups
	genuine span // in segRunes
	// What the groups add to the document's evidence: strong groups by
	// code page, and the characters they decode to (in segRunes).
	strong  [nCP]int32
	strongX span
}

// span is the range [lo, hi) of a slice.
type span struct{ lo, hi int32 }

// saveRunSeg records the groups and genuine runes of a run starting at
// start, cut for the first time.
func (s *repairer) saveRunSeg(groups []group, genuine []rune, start int) runSeg {
	var seg runSeg
	lo := int32(len(s.segGroups))
	s.segGroups = append(s.segGroups, groups...)
	seg.groups = span{lo, int32(len(s.segGroups))}
	lo = int32(len(s.segRunes))
	s.segRunes = append(s.segRunes, genuine...)
	seg.genuine = span{lo, int32(len(s.segRunes))}
	lo = int32(len(s.segRunes))
	for i := seg.groups.lo; i < seg.groups.hi; i++ {
		g := &s.segGroups[i]
		g.start -= start
		if g.strong() {
			seg.strong[g.cp]++
			s.segRunes = append(s.segRunes, g.x)
		}
	}
	seg.strongX = span{lo, int32(len(s.segRunes))}
	return seg
}

// findGroups walks the runs the scan recorded and keeps, for each, the
// groups of the code page that explains it best.
//
// Documents repeat their damage (a dash, a check mark, the same diagram
// border on every box), and how a run is cut depends only on its bytes and
// on whether the bytes around it are letters: such runs are cut once per
// round and then copied.
func (s *repairer) findGroups() {
	text := s.text
	line := 0
	clear(s.runMemo)
	s.segGroups, s.segRunes = s.segGroups[:0], s.segRunes[:0]
	s.lineLR = resize(s.lineLR, len(s.lineStarts))
	lookups, hits := 0, 0
	// The groups and line ranges grow in locals: storing a slice into s
	// costs a write barrier each time while the collector runs.
	groups, lrs := s.groups, s.lrs
	for _, ru := range s.runs {
		for line+1 < len(s.lineStarts) && s.lineStarts[line+1] <= ru.start {
			line++
		}
		// Stop looking when runs hardly ever repeat.
		useMemo := lookups < 1024 || hits*4 >= lookups
		if useMemo {
			key := append(s.keyBuf[:0], s.runContext(ru))
			key = append(key, text[ru.start:ru.end]...)
			s.keyBuf = key
			lookups++
			if seg, ok := s.runMemo[string(key)]; ok {
				hits++
				groups, lrs = s.replay(groups, lrs, seg, ru.start, line)
				continue
			}
		}
		rs := s.rs[:0]
		for j := ru.start; j < ru.end; {
			r, n := decodeValid(text, j)
			rs = append(rs, runeAt{r, j, n})
			j += n
		}
		s.rs = rs
		n0 := len(groups)
		s.gen = s.gen[:0]
		s.groups, s.lrs = groups, lrs
		s.doRun(ru.pairs, line)
		s.addLines(n0)
		groups, lrs = s.groups, s.lrs
		if useMemo {
			s.runMemo[string(s.keyBuf)] = s.saveRunSeg(groups[n0:], s.gen, ru.start)
		}
	}
	s.groups, s.lrs = groups, lrs
}

// runContext returns what segmenting a run looks at outside it: whether the
// byte before is a letter and an ASCII letter, and whether the byte after is
// an ASCII letter (see before and after).
func (s *repairer) runContext(ru textRun) byte {
	var c byte
	if ru.start > 0 {
		r := rune(s.text[ru.start-1])
		if s.isLetter(r) {
			c |= 1
		}
		if isASCIILetter(r) {
			c |= 2
		}
	}
	if ru.end < len(s.text) && isASCIILetter(rune(s.text[ru.end])) {
		c |= 4
	}
	return c
}

// replay appends to groups and lrs the groups of a run cut before, now at
// start on line.
func (s *repairer) replay(groups []group, lrs []lineRange, seg runSeg, start, line int) ([]group, []lineRange) {
	if seg.groups.hi > seg.groups.lo {
		n0 := len(groups)
		groups = append(groups, s.segGroups[seg.groups.lo:seg.groups.hi]...)
		for i := n0; i < len(groups); i++ {
			g := &groups[i]
			g.start += start
			g.line = line
		}
		// The line range, as addLines would.
		nStrong := 0
		for cp, n := range seg.strong {
			s.docStrong[cp] += int(n)
			nStrong += int(n)
		}
		if n := len(lrs); n == 0 || lrs[n-1].line != line {
			lrs = append(more(lrs), lineRange{line: line, first: n0, last: n0})
			s.lineLR[line] = len(lrs)
		}
		lr := &lrs[len(lrs)-1]
		lr.last = len(groups)
		lr.strong += nStrong
	}
	for _, r := range s.segRunes[seg.strongX.lo:seg.strongX.hi] {
		s.intact.add(r)
	}
	for _, r := range s.segRunes[seg.genuine.lo:seg.genuine.hi] {
		s.genuine(r)
	}
	return groups, lrs
}

// doRun segments the run in s.rs under each code page with a lead/continuation
// pair in it, in order of preference; the first that explains every rune
// wins, else the best score. The runes left out go to s.gen too.
func (s *repairer) doRun(pairs uint8, line int) {
	best, bestScore := -1, 0.0
	if pairs != 0 {
		for _, cp := range s.order {
			if pairs&(1<<cp) == 0 {
				continue
			}
			covered, score := s.segment(cp)
			if covered == len(s.rs) {
				best = cp
				break
			}
			if score > bestScore {
				best, bestScore = cp, score
			}
		}
	}
	k := 0 // next rune not yet accounted for
	if best >= 0 {
		segs := s.segs[best]
		for i := range segs {
			g := &segs[i]
			for ; k < len(s.rs) && s.rs[k].off < g.start; k++ {
				s.genuine(s.rs[k].r)
				s.gen = append(s.gen, s.rs[k].r)
			}
			for end := g.end(); k < len(s.rs) && s.rs[k].off < end; k++ {
			}
			g.line = line
			g.joined = i > 0
			if g.strong() {
				s.docStrong[g.cp]++
				s.intact.add(g.x)
			}
		}
		s.groups = append(s.groups, segs...)
	}
	for ; k < len(s.rs); k++ {
		s.genuine(s.rs[k].r)
		s.gen = append(s.gen, s.rs[k].r)
	}
}

func (s *repairer) genuine(r rune) {
	s.docClean++
	s.intact.add(r)
}

// segment cuts s.rs into groups under code page cp, into s.segs[cp]. It
// returns how many runes the groups cover and a score.
func (s *repairer) segment(cp int) (covered int, score float64) {
	rs := s.rs
	n := len(rs)
	bs := s.bs[:0]
	for _, ra := range rs {
		bs = append(bs, revByte(cp, ra.r))
	}
	s.bs = bs
	segs := s.segs[cp][:0]
	page := codePages[cp]
	for k := 0; k < n; {
		b := bs[k]
		if !isLeadByte(b) {
			k++
			continue
		}
		need := seqLen(b) - 1
		j := k + 1
		for j < n && j-k-1 < need && isContByte(bs[j]) {
			j++
		}
		have := j - k - 1
		g := group{start: rs[k].off, size: uint8(rs[j-1].off + rs[j-1].n - rs[k].off), cp: uint8(cp), present: uint8(j - k)}
		if have == need {
			x, size := utf8.DecodeRune(bs[k:j])
			if (x == utf8.RuneError && size <= 1) || size != j-k || s.pc.get(x, pSeg)&pPlausible == 0 {
				k++
				continue
			}
			g.x = x
			g.self = s.selfComplete(segs, k, j, x)
		} else {
			missing := need - have
			if missing > 2 || len(page.undefined) == 0 || (have == 0 && need != 1) {
				k++
				continue
			}
			g.missing = uint8(missing)
			g.cs = s.candidates(cp, bs[k:j], need)
			if len(s.sets[g.cs].cands) == 0 {
				k++
				continue
			}
			g.self = s.selfRebuild(segs, k, j)
		}
		segs = append(segs, g)
		covered += j - k
		score += g.selfVal() * float64(j-k)
		k = j
	}
	// A lone lead rune with its continuation dropped ("Ñ" for "с" minus
	// 0x81) counts only next to another group; decide keeps it only next to
	// an accepted one.
	out := segs[:0]
	for i := range segs {
		g := &segs[i]
		if g.present == 1 {
			prev := i > 0 && segs[i-1].end() == g.start && segs[i-1].present > 1
			next := i+1 < len(segs) && segs[i+1].start == g.end() && segs[i+1].present > 1
			if !prev && !next {
				covered--
				score -= g.selfVal()
				continue
			}
		}
		if len(out) < i { // only copy once something was dropped
			out = append(out, *g)
		} else {
			out = out[:i+1]
		}
	}
	s.segs[cp] = out
	return covered, score
}

// Runes that often directly follow a word in genuine text: closing quotes
// and punctuation, marks. A letter followed by one of them is a weak sign of
// mojibake ("CAFÉ”" reads as É = C9 and ” = 94 in Windows-1252, which is
// valid UTF-8 for ɔ).
func isFollower(r rune) bool {
	switch r {
	case '’', '”', '»', '›', '…', '–', '—', '™', '®', '°', '²', '³', '¹', '‚', '\u00a0', '·', '‘', '“', '¿', '¡', '!', '?':
		return true
	}
	return false
}

// before returns the genuine character just before rune k of the run: 0 at
// the start of the text or when rune k-1 ends a complete group in segs.
func (s *repairer) before(segs []group, k int) rune {
	if k > 0 {
		if n := len(segs); n > 0 && segs[n-1].end() == s.rs[k].off && segs[n-1].missing == 0 {
			return 0 // inside a run of damage: no genuine word before
		}
		return s.rs[k-1].r
	}
	off := s.rs[0].off
	if off == 0 {
		return 0
	}
	return rune(s.text[off-1]) // ASCII: runs are maximal
}

// after returns the rune after rune j-1 of the run, or 0.
func (s *repairer) after(j int) rune {
	if j < len(s.rs) {
		return s.rs[j].r
	}
	last := s.rs[len(s.rs)-1]
	if end := last.off + last.n; end < len(s.text) {
		return rune(s.text[end])
	}
	return 0
}

// weakPair reports whether the two runes r1 r2 read like genuine text: a
// letter ending a word followed by a follower, or two letters.
func (s *repairer) weakPair(prev, r1, r2 rune) bool {
	p1, p2 := s.pc.get(r1, pSeg), s.pc.get(r2, pSeg)
	switch {
	case p1&p2&pLetter != 0:
		return r1 != 'Ã' && r1 != 'Â' // never followed by a non-ASCII letter in real text
	case p2&pFollower != 0:
		return p1&pLetter != 0 && s.isLetter(prev)
	}
	return false
}

func isASCIILetter(r rune) bool { return r < utf8.RuneSelf && asciiProps[r]&pLetter != 0 }

// selfComplete scores a complete group of runes k..j-1 decoding to x.
func (s *repairer) selfComplete(segs []group, k, j int, x rune) uint8 {
	e := selfLong
	if j-k == 2 {
		e = selfPair
		if s.weakPair(s.before(segs, k), s.rs[k].r, s.rs[k+1].r) {
			e = selfWeak
		}
	}
	// A single non-Latin letter glued to a Latin word ("tr腔" from "très…”")
	// is not what mojibake of real text looks like.
	if p := s.pc.get(x, pSeg); p&pLetter != 0 && p&pLatin == 0 {
		if isASCIILetter(s.before(segs, k)) || isASCIILetter(s.after(j)) {
			e = selfWeak
		}
	}
	return e
}

// selfRebuild scores a rebuild group of runes k..j-1.
func (s *repairer) selfRebuild(segs []group, k, j int) uint8 {
	switch j - k {
	case 1:
		return selfLone // kept only inside a run of damage
	case 2:
		if s.weakPair(s.before(segs, k), s.rs[k].r, s.rs[k+1].r) {
			return selfWeak
		}
		return selfPairRebuild
	}
	return selfLongRebuild
}

// candidates returns the candidate set for lead byte and continuation bytes
// present (pres[0] is the lead) with need continuation bytes, the missing
// ones taken from cp's undefined bytes at every position.
func (s *repairer) candidates(cp int, pres []byte, need int) int32 {
	key := uint64(cp)<<56 | uint64(need)<<48 | uint64(len(pres))<<40
	for i, b := range pres {
		key |= uint64(b) << (8 * i)
	}
	if c, ok := s.candCache[key]; ok {
		return c
	}
	c := int32(len(s.sets))
	s.sets = append(s.sets, newCandSet(key, buildCandidates(codePages[cp].undefined, pres, need)))
	s.candCache[key] = c
	return c
}

func newCandSet(key uint64, cands []cand) *candSet {
	c := &candSet{key: key, cands: cands, emoji: make([]bool, len(cands)), base: make([]float64, len(cands))}
	for i, x := range cands {
		c.emoji[i] = isEmoji(x.r)
	}
	if len(cands) == 0 {
		return c
	}
	// Only candidates that stand a chance by prior (cands are sorted) can
	// be lifted by words: a snake, not the ❕ among the "═" readings.
	for _, x := range cands {
		if x.w*20 < cands[0].w {
			break
		}
		if isEmoji(x.r) || keywords[x.r] != nil {
			c.wordy = true
			break
		}
	}
	// Alignment can only matter between candidates of different width
	// that both stand a chance.
	for _, x := range cands[1:] {
		if x.w*10 >= cands[0].w && runeWidth(x.r) != runeWidth(cands[0].r) {
			c.widths = true
			break
		}
	}
	return c
}

func buildCandidates(undef, pres []byte, need int) []cand {
	have := len(pres) - 1
	missing := need - have
	var out []cand
	seen := map[rune]bool{}
	var seq [4]byte
	// Each bitmask over the need slots with `missing` bits set says where
	// the dropped bytes were.
	for mask := 0; mask < 1<<need; mask++ {
		if popcount(mask) != missing {
			continue
		}
		// Every assignment of undefined bytes to the missing slots.
		total := 1
		for i := 0; i < missing; i++ {
			total *= len(undef)
		}
		for a := 0; a < total; a++ {
			seq[0] = pres[0]
			p, v := 1, a
			for slot := 0; slot < need; slot++ {
				if mask&(1<<slot) != 0 {
					seq[1+slot] = undef[v%len(undef)]
					v /= len(undef)
				} else {
					seq[1+slot] = pres[p]
					p++
				}
			}
			r, size := utf8.DecodeRune(seq[:need+1])
			if size != need+1 || (r == utf8.RuneError && size <= 1) || !plausible(r) || seen[r] {
				continue
			}
			seen[r] = true
			out = append(out, cand{r, prior(r)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].w != out[j].w {
			return out[i].w > out[j].w
		}
		return out[i].r < out[j].r
	})
	return out
}

func popcount(x int) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}
