package fix

import (
	"bytes"
	"sort"
	"unicode"
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

// group is a candidate repair: the runes text[start:end] that decode through
// code page cp to one character.
type group struct {
	start, end int
	line       int
	run        int
	cell       int     // index of the group's cell in its line view
	lr         int     // index of the group's line in repairer.lrs
	cands      []cand  // rebuild group: the candidates
	ckey       uint64  // key of cands in the cache
	self       float64 // evidence from the group alone
	exist      float64 // with support: probability this is damage
	share      float64 // rebuild: the chosen candidate's share of the weight
	x          rune    // complete group: the character; rebuild: the choice
	cp         int
	present    int // runes present (the group's length in runes)
	missing    int // bytes dropped, 0 for a complete group
	accept     bool
}

func (g *group) strong() bool { return g.missing == 0 && g.self >= 0.9 }

// edit records that text[src0:src1] became out[dst0:dst1].
type edit struct{ src0, src1, dst0, dst1 int }

// roundResult is what one round produced.
type roundResult struct {
	out     []byte
	edits   []edit
	repairs []Repair // offsets in the round's input text
}

type repairer struct {
	text       []byte
	opt        *options
	order      []int // code pages by evidence
	lineStarts []int
	groups     []group
	runs       int
	docStrong  [nCP]int
	docClean   int
	intactLow  []uint16 // counts of characters seen intact, r < len
	intactHigh map[rune]int
	candCache  map[uint64][]cand
	memo       map[memoKey]memoVal
	lrs        []lineRange
	views      map[int]*lineView
	wordMemo   map[[2]uint64][]float64
	words      map[int][]string
	// scratch
	rs   []runeAt
	bs   []byte
	segs [nCP][]group
}

// repairRound runs one round. It returns nil when there is nothing to do.
func repairRound(text []byte, opt *options) *roundResult {
	var counts [nCP]int
	if !scanPairs(text, &counts) {
		return nil
	}
	s := &repairer{text: text, opt: opt, candCache: map[uint64][]cand{}, memo: map[memoKey]memoVal{}}
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
	s.lineStarts = lineStarts(text)
	s.intactLow = make([]uint16, 0x3000)
	s.groups = make([]group, 0, top+16) // about one group per pair
	s.findGroups()
	if len(s.groups) == 0 {
		return nil
	}
	s.decide()
	return s.emit()
}

func lineStarts(text []byte) []int {
	starts := make([]int, 1, bytes.Count(text, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// lineOf returns the 0-based line holding byte offset off.
func (s *repairer) lineOf(off int) int {
	return sort.SearchInts(s.lineStarts, off+1) - 1
}

func (s *repairer) lineEnd(line int) int {
	if line+1 < len(s.lineStarts) {
		return s.lineStarts[line+1] - 1
	}
	return len(s.text)
}

func (s *repairer) countIntact(r rune) {
	if int(r) < len(s.intactLow) {
		if s.intactLow[r] < 0xFFFF {
			s.intactLow[r]++
		}
		return
	}
	if s.intactHigh == nil {
		s.intactHigh = map[rune]int{}
	}
	s.intactHigh[r]++
}

func (s *repairer) intact(r rune) int {
	if int(r) < len(s.intactLow) {
		return int(s.intactLow[r])
	}
	return s.intactHigh[r]
}

// findGroups walks the runs of the text and keeps, for each, the groups of
// the code page that explains it best.
func (s *repairer) findGroups() {
	text := s.text
	line := 0
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		s.rs = s.rs[:0]
		var pairs, prevLead uint8
		j := i
		for j < len(text) && text[j] >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(text[j:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			lead, cont, _ := masks(r)
			pairs |= prevLead & cont
			prevLead = lead
			s.rs = append(s.rs, runeAt{r, j, n})
			j += n
		}
		if len(s.rs) == 0 {
			i++ // an invalid byte, kept as is
			continue
		}
		for line+1 < len(s.lineStarts) && s.lineStarts[line+1] <= i {
			line++
		}
		s.doRun(pairs, line)
		i = j
	}
}

// doRun segments the run in s.rs under each code page with a lead/continuation
// pair in it, in order of preference; the first that explains every rune
// wins, else the best score.
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
	run := s.runs
	s.runs++
	k := 0 // next rune not yet accounted for
	if best >= 0 {
		for _, g := range s.segs[best] {
			for ; k < len(s.rs) && s.rs[k].off < g.start; k++ {
				s.genuine(s.rs[k].r)
			}
			for ; k < len(s.rs) && s.rs[k].off < g.end; k++ {
			}
			g.line = line
			g.run = run
			if g.strong() {
				s.docStrong[g.cp]++
				s.countIntact(g.x)
			}
			s.groups = append(s.groups, g)
		}
	}
	for ; k < len(s.rs); k++ {
		s.genuine(s.rs[k].r)
	}
}

func (s *repairer) genuine(r rune) {
	s.docClean++
	s.countIntact(r)
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
		g := group{start: rs[k].off, end: rs[j-1].off + rs[j-1].n, cp: cp, present: j - k}
		if have == need {
			x, size := utf8.DecodeRune(bs[k:j])
			if (x == utf8.RuneError && size <= 1) || size != j-k || !plausible(x) {
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
			g.missing = missing
			g.ckey, g.cands = s.candidates(cp, bs[k:j], need)
			if len(g.cands) == 0 {
				k++
				continue
			}
			g.self = s.selfRebuild(segs, k, j)
		}
		segs = append(segs, g)
		covered += j - k
		score += g.self * float64(j-k)
		k = j
	}
	// A lone lead rune with its continuation dropped ("Ñ" for "с" minus
	// 0x81) counts only next to another group; decide keeps it only next to
	// an accepted one.
	out := segs[:0]
	for i, g := range segs {
		if g.present == 1 {
			prev := i > 0 && segs[i-1].end == g.start && segs[i-1].present > 1
			next := i+1 < len(segs) && segs[i+1].start == g.end && segs[i+1].present > 1
			if !prev && !next {
				covered--
				score -= g.self
				continue
			}
		}
		out = append(out, g)
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
		if n := len(segs); n > 0 && segs[n-1].end == s.rs[k].off && segs[n-1].missing == 0 {
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
func weakPair(prev, r1, r2 rune) bool {
	switch {
	case unicode.IsLetter(r1) && unicode.IsLetter(r2):
		return r1 != 'Ã' && r1 != 'Â' // never followed by a non-ASCII letter in real text
	case isFollower(r2):
		return unicode.IsLetter(r1) && unicode.IsLetter(prev)
	}
	return false
}

func isASCIILetter(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }

// selfComplete scores a complete group of runes k..j-1 decoding to x.
func (s *repairer) selfComplete(segs []group, k, j int, x rune) float64 {
	e := 0.95
	if j-k == 2 {
		e = 0.9
		if weakPair(s.before(segs, k), s.rs[k].r, s.rs[k+1].r) {
			e = 0.3
		}
	}
	// A single non-Latin letter glued to a Latin word ("tr腔" from "très…”")
	// is not what mojibake of real text looks like.
	if unicode.IsLetter(x) && !unicode.Is(unicode.Latin, x) {
		if isASCIILetter(s.before(segs, k)) || isASCIILetter(s.after(j)) {
			e = 0.3
		}
	}
	return e
}

// selfRebuild scores a rebuild group of runes k..j-1.
func (s *repairer) selfRebuild(segs []group, k, j int) float64 {
	switch j - k {
	case 1:
		return 0.7 // kept only inside a run of damage
	case 2:
		if weakPair(s.before(segs, k), s.rs[k].r, s.rs[k+1].r) {
			return 0.3
		}
		return 0.6
	}
	return 0.85
}

// candidates lists the characters that lead byte and continuation bytes
// present (pres[0] is the lead) can have been, with need continuation bytes
// and the missing ones taken from cp's undefined bytes at every position.
func (s *repairer) candidates(cp int, pres []byte, need int) (uint64, []cand) {
	key := uint64(cp)<<56 | uint64(need)<<48 | uint64(len(pres))<<40
	for i, b := range pres {
		key |= uint64(b) << (8 * i)
	}
	if c, ok := s.candCache[key]; ok {
		return key, c
	}
	c := buildCandidates(codePages[cp].undefined, pres, need)
	s.candCache[key] = c
	return key, c
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
