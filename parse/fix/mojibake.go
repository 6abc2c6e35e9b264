package fix

import (
	"encoding/binary"
	"math"
	"slices"
	"unicode/utf8"
)

// mojibake undoes UTF-8 that was read through a code page and saved again.
// One round:
//
//  1. Find the runs of non-ASCII characters (mojibake never spans ASCII,
//     which every code page reads as itself). Text with no run holding a
//     character some code page reads as a lead byte followed by one it
//     reads as a continuation byte has no mojibake: it is left alone.
//  2. Read each run through every code page (reading.go) and measure how
//     much more plausible the reading is than the run as it stands
//     (plausible.go): the run's delta.
//  3. Weigh the evidence: a run's own delta, the damage and the clean text
//     around it in its region (paragraph or fenced block) and in the whole
//     document, and the code page's prior. Damage comes in whole files or
//     paragraphs, so a region holding clean non-ASCII text is unlikely to
//     hold damage, and one full of damage is unlikely to hold a clean
//     character. Code is quoted material: its runs lend no evidence and
//     are repaired only when the prose of the document is damaged through
//     the same code page.
//  4. Choose each rebuild group's character from Unicode's rules and the
//     context (rebuild.go), and write the repairs.
type mojibake struct{}

// strongDelta is the delta of a run that is damage on its own evidence.
const strongDelta = 2

// run is a maximal stretch of non-ASCII characters that some code page
// may read as damage.
type run struct {
	start, end int
	line       int
	region     int
	readings   []*reading // by code page; nil where it reads no group
	best       *reading   // the reading the run is judged by
	score      float64    // the log-odds that best is right
	claimed    int        // the characters weigh counted as damage rather than clean text
	choices    []choice   // per item of best, for a run with rebuild groups: the character it becomes
	// The small fields last, together, to keep the struct small: a
	// document has thousands of runs.
	zone   zone
	accept bool
	lone   bool  // only a lone lead byte may be damage
	lone3  bool  // of three bytes (see runSpan)
	pages  uint8 // the code pages that may read it as damage (see runSpan)
	quoted bool  // quoted damage, left as it is (quoted.go)
}

// x returns what item i of ru's reading becomes.
func (ru *run) x(i int) rune {
	if ru.choices != nil {
		return ru.choices[i].x
	}
	return ru.best.items[i].x
}

// choice is what an item of a run becomes: for a rebuild group, the
// candidate chosen, its share of the weight and the plausible ones.
type choice struct {
	share float64
	alts  []string
	col   int // the display column (rebuild.go)
	// The small fields last, together: a diagram has thousands of choices.
	x        rune
	vertical bool // kept to say the choice depends on the lines above and below (rebuild.go)
}

// doc is one round's view of the text.
type doc struct {
	text       []byte
	lay        *layout
	runs       []run
	c          *config
	memo       map[string][]*reading
	intact     map[rune]int // characters seen intact or repaired whole (those that may be candidates; see chooseAll)
	fits       map[[3]rune]float64
	choices    map[choiceKey]choice
	lastChoice [2]lastChoice // see choice
	widths     map[rune]int
	chars      map[rune]char             // see char
	recent     [256]char                 // see char; never a zero char: slot 0 starts as U+0000's
	steps      map[[2]*candSet][]float64 // see choosePath
	weights    []float64                 // scratch for choose
	items      []item                    // the block of items read last (see read)
	bytes      []byte                    // scratch for read
	runes      []rune                    // scratch for readRun
	offs       []int                     // scratch for readRun
	path       []state                   // scratch for choosePath: the states of every item
	pathRows   [][]state                 // scratch for choosePath: each item's states in path
	vocab      map[string]int            // see vocabulary
	rids       map[string]int            // see repairID
	// Evidence by region: strong runs by code page and zone, and the
	// non-ASCII characters that read as clean text, by zone.
	strong   [][2][]int // [region][prose/code][cp]
	clean    [][2]int   // [region][prose/code]
	docStrng [2][]int
	docClean [2]int
	mixed    bool // see isMixed
	lastEv   lastEvidence
}

func (mojibake) apply(text []byte, c *config) ([]edit, []finding) {
	runs, any := scanRuns(text)
	if !any {
		return nil, nil
	}
	d := newDoc(text, c)
	d.place(runs)
	d.readAll()
	d.weigh()
	d.decide()
	d.chooseAll()
	return d.emit()
}

func newDoc(text []byte, c *config) *doc {
	d := &doc{text: text, c: c, lay: layoutOf(text), memo: map[string][]*reading{}, intact: map[rune]int{},
		fits: map[[3]rune]float64{}, choices: map[choiceKey]choice{}, widths: map[rune]int{}, chars: map[rune]char{},
		rids: map[string]int{}, steps: map[[2]*candSet][]float64{}}
	d.recent[0] = charOf(0)
	return d
}

// scanRuns finds the runs of non-ASCII characters that may be damage: those
// with a lead/continuation pair in some code page, and single characters a
// code page reads as a two-byte lead whose continuation it may have
// dropped. any reports whether some run has a pair: without one there is
// no evidence of damage at all.
func scanRuns(text []byte) (runs []runSpan, any bool) {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i = skipASCII(text, i)
			continue
		}
		start := i
		var prevLead, pairs uint8
		n := 0
		var lone2, lone3 uint8
		for i < len(text) && text[i] >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && size == 1 {
				break // invalid bytes are kept as they are
			}
			lead, cont, l2, l3 := masks(r)
			if r == '\uFFFD' {
				lead |= lostLeadPages // it may stand for a lead byte (see read)
			}
			pairs |= prevLead & cont
			prevLead = lead
			if n == 0 {
				lone2, lone3 = l2, l3
			}
			n++
			i += size
		}
		switch {
		case pairs != 0:
			runs = append(runs, runSpan{start: start, end: i, pages: pairs})
			any = true
		case n == 1 && lone2 != 0:
			runs = append(runs, runSpan{start: start, end: i, pages: lone2, lone: true})
		case n == 1 && lone3 != 0:
			runs = append(runs, runSpan{start: start, end: i, pages: lone3, lone: true, lone3: true})
		}
		if i == start {
			i++ // an invalid byte
		}
	}
	return runs, any
}

// runSpan is a run as scanRuns finds it.
type runSpan struct {
	start, end int
	// pages are the code pages (bits by index) that may read the run as
	// damage: those that read a lead byte followed by a continuation
	// byte in it or, for a lone character, a lead byte whose
	// continuation bytes they may have dropped. A reading through any
	// other code page has at most lone lead bytes, which count only in
	// a run of one character.
	pages uint8
	lone  bool // a single character read as a lone lead byte
	lone3 bool // of a three-byte sequence: two bytes lost
}

// place makes the runs, with each one's line, region and zone.
func (d *doc) place(spans []runSpan) {
	runs := make([]run, len(spans))
	l := 0
	for i, f := range spans {
		ru := &runs[i]
		ru.start, ru.end, ru.pages, ru.lone, ru.lone3 = f.start, f.end, f.pages, f.lone, f.lone3
		for l+1 < len(d.lay.lines) && d.lay.lines[l+1].start <= ru.start {
			l++
		}
		ln := &d.lay.lines[l]
		ru.line, ru.region, ru.zone = l, ln.region, ln.zoneAt(ru.start)
	}
	d.runs = runs
}

// readAll reads every run through every code page. Runs repeat (a dash, a
// diagram border), and a reading depends only on the run and the ASCII
// characters just around it, so each distinct one is read once.
func (d *doc) readAll() {
	for i := range d.runs {
		ru := &d.runs[i]
		lo, hi := max(ru.start-1, 0), min(ru.end+1, len(d.text))
		rds, ok := d.memo[string(d.text[lo:hi])]
		if !ok {
			rds = d.readRun(ru)
			d.memo[string(d.text[lo:hi])] = rds
		}
		ru.readings = rds
	}
}

// readRun reads ru through each code page, with item offsets relative to
// the run's start, and measures each reading's delta.
func (d *doc) readRun(ru *run) []*reading {
	seg := d.text[ru.start:ru.end]
	n := utf8.RuneCount(seg)
	// The run's characters, then a reading's, and their offsets: scratch
	// of the doc's, as a long document has thousands of distinct runs.
	runes := slices.Grow(d.runes[:0], 2*n)
	offs := slices.Grow(d.offs[:0], n+1)
	for i, r := range string(seg) {
		runes = append(runes, r)
		offs = append(offs, i)
	}
	offs = append(offs, len(seg))
	d.runes, d.offs = runes, offs
	before, after := rune(' '), rune(' ')
	if ru.start > 0 {
		before = rune(d.text[ru.start-1])
	}
	if ru.end < len(d.text) {
		after = rune(d.text[ru.end])
	}
	rds := make([]*reading, len(codePages))
	orig := d.cost(before, runes, after)
	for cp := range codePages {
		if ru.pages&(1<<cp) == 0 {
			continue
		}
		rd := d.read(runes, offs, cp)
		if rd == nil {
			continue
		}
		if rd.rebuild {
			d.choosePath(rd.items, before, after)
		}
		out := runes[len(runes):] // scratch beyond the run's characters: never more
		for _, it := range rd.items {
			out = append(out, it.x)
		}
		rd.delta = orig - d.cost(before, out, after)
		rds[cp] = rd
	}
	return rds
}

// lostCost is what a reading that must rebuild lost bytes pays: bytes
// dropped are a further mishap beyond the misreading, and the rebuilt
// characters a guess, so such a reading needs more evidence. It is paid
// once per run: a diagram's line loses bytes in every character.
const lostCost = 1

// pathWidth is how many candidates of a group choosePath follows.
const pathWidth = 16

// state is a candidate of an item on choosePath's paths.
type state struct {
	c     char
	score float64 // best log-weight of the path ending here
	from  int     // the state of the item before on that path
}

// choosePath chooses the characters of a reading's rebuild groups
// together: the sequence with the best prior and transitions over the run
// (Viterbi), so that a skin tone goes with the hand before it and a
// joiner with the emoji around it.
func (d *doc) choosePath(items []item, before, after rune) {
	n := 0
	for _, it := range items {
		n += 1
		if it.set != nil {
			n += min(len(it.set.cands), pathWidth)
		}
	}
	// The states live only for this call: they are kept in the doc's
	// scratch, since a diagram's line has hundreds.
	all := slices.Grow(d.path[:0], n) // the states of every item, one after the other
	states := slices.Grow(d.pathRows[:0], len(items))[:len(items)]
	prev := []state{{c: d.char(before)}}
	for i, it := range items {
		lo := len(all)
		if it.set == nil {
			all = append(all, state{c: d.char(it.x)})
		} else {
			// The likeliest by prior only: a set can hold hundreds (two
			// bytes lost through Windows-1253), and pairs of them
			// multiply.
			for _, c := range it.set.cands[:min(len(it.set.cands), pathWidth)] {
				all = append(all, state{c: c.c, score: c.logW})
			}
		}
		states[i] = all[lo:]
		// Between two groups the costs of the steps from each candidate
		// to each are the same wherever the pair of sets stands: a
		// diagram's line is the same set forty times over.
		var costs []float64 // [k*len(prev)+j]: from prev[j] to states[i][k]
		if i > 0 && it.set != nil && items[i-1].set != nil {
			costs = d.stepCosts(items[i-1].set, it.set, prev, states[i])
		}
		for k := range states[i] {
			st := &states[i][k]
			best := math.Inf(-1)
			if costs != nil {
				row := costs[k*len(prev) : (k+1)*len(prev)] // the steps into st
				for j := range prev {
					if s := prev[j].score - row[j]; s > best {
						best, st.from = s, j
					}
				}
			} else {
				for j := range prev {
					if s := prev[j].score - step(prev[j].c, st.c); s > best {
						best, st.from = s, j
					}
				}
			}
			st.score += best
		}
		prev = states[i]
	}
	k, best := 0, math.Inf(-1)
	end := d.char(after)
	for j, st := range prev {
		if s := st.score - step(st.c, end); s > best {
			k, best = j, s
		}
	}
	for i := len(items) - 1; i >= 0; i-- {
		items[i].x = states[i][k].c.r
		k = states[i][k].from
	}
	d.path, d.pathRows = all, states
}

// stepCosts returns the cost of the step from each of the states from (the
// candidates of set a) to each of the states to (those of b), worked out
// once per document and pair of sets.
func (d *doc) stepCosts(a, b *candSet, from, to []state) []float64 {
	key := [2]*candSet{a, b}
	if c, ok := d.steps[key]; ok {
		return c
	}
	c := make([]float64, len(to)*len(from))
	for k, t := range to {
		for j, f := range from {
			c[k*len(from)+j] = step(f.c, t.c)
		}
	}
	d.steps[key] = c
	return c
}

// char is charOf, remembered for the round: the few hundred characters
// of a document are read over and over, most of them in a row (a
// diagram's borders, the characters of one script), so the latest for
// each value of the low byte are at hand before the map.
func (d *doc) char(r rune) char {
	if c := &d.recent[uint8(r)]; c.r == r {
		return *c
	}
	return d.charMiss(r)
}

// charMiss is char for a character not at hand, kept apart so that char
// is small enough to be inlined where the costs are summed.
func (d *doc) charMiss(r rune) char {
	c, ok := d.chars[r]
	if !ok {
		c = charOf(r)
		d.chars[r] = c
	}
	d.recent[r&0xFF] = c
	return c
}

// pick returns the reading a run is judged by: the one whose delta beats
// its code page's prior by most, where the document's evidence for each
// code page (see leaning) adds to the prior: in a document damaged
// through Windows-1250 a run that reads the same through Windows-1252 is
// taken as Windows-1250. Readings of lone lead bytes only count when lone
// is set.
func pick(rds []*reading, lone bool, lean []float64) *reading {
	var best *reading
	bestS := 0.0
	for cp, rd := range rds {
		if rd == nil || rd.lone && !lone {
			continue
		}
		// A reading that leaves characters of the run unexplained is the
		// weaker: damage reads whole.
		s := rd.delta - codePages[cp].prior - float64(rd.runes-rd.covered) + lean[cp]
		if best == nil || s > bestS {
			best, bestS = rd, s
		}
	}
	return best
}

// leaning is the log-odds the document's evidence lends each code page
// (strong runs by code page) beside the best-evidenced one.
func leaning(evidence []int) []float64 {
	top := 0
	for _, n := range evidence {
		top = max(top, n)
	}
	lean := make([]float64, len(evidence))
	for cp, n := range evidence {
		lean[cp] = math.Log((float64(n) + 0.5) / (float64(top) + 0.5))
	}
	return lean
}

// codeZone says whether z counts as code for the evidence.
func codeZone(z zone) int {
	if z == prose {
		return 0
	}
	return 1
}

// weigh gathers the evidence: per region and for the document, the strong
// runs by code page and the characters that read as clean text.
func (d *doc) weigh() {
	nr := d.lay.nRegions
	d.strong = make([][2][]int, nr)
	d.clean = make([][2]int, nr)
	for r := range d.strong {
		d.strong[r] = [2][]int{make([]int, len(codePages)), make([]int, len(codePages))}
	}
	// Every non-ASCII character is clean text until a run claims it.
	for _, ln := range d.lay.lines {
		if ln.fenced || ln.code == nil {
			d.clean[ln.region][codeZone(ln.zoneAt(ln.start))] += nonASCII(d.text[ln.start:ln.end])
			continue
		}
		for i := skipASCII(d.text[:ln.end], ln.start); i < ln.end; i = skipASCII(d.text[:ln.end], i+1) {
			if d.text[i] >= 0xC2 && isCharStart(d.text[i:ln.end]) {
				d.clean[ln.region][codeZone(ln.zoneAt(i))]++
			}
		}
	}
	for i := range d.runs {
		ru := &d.runs[i]
		z := codeZone(ru.zone)
		if ru.lone {
			// A lone lead byte of two is as likely damage as not: it
			// counts for neither side. One of three ("é") is a letter
			// of every page of clean text in Latin scripts: clean.
			if !ru.lone3 {
				d.clean[ru.region][z]--
			}
			continue
		}
		// A run that reads as damage through several code pages is
		// evidence for each of them.
		for cp, rd := range ru.readings {
			if strong(rd) {
				d.strong[ru.region][z][cp]++
			}
		}
		// The characters a reading explains are not clean text, unless
		// every reading makes them much less plausible.
		covered := 0
		for _, rd := range ru.readings {
			if rd != nil && !rd.lone && rd.delta > -strongDelta {
				covered = max(covered, rd.covered)
			}
		}
		ru.claimed = covered
		d.clean[ru.region][z] -= covered
	}
	d.total()
}

// total sums the evidence of the regions into the document's.
func (d *doc) total() {
	d.docStrng = [2][]int{make([]int, len(codePages)), make([]int, len(codePages))}
	d.docClean = [2]int{}
	for r := range d.strong {
		for z := range 2 {
			d.docClean[z] += d.clean[r][z]
			for cp := range codePages {
				d.docStrng[z][cp] += d.strong[r][z][cp]
			}
		}
	}
}

// unclaim counts quoted run ru as the clean text it is: no longer damage
// on its own evidence, its characters clean again.
func (d *doc) unclaim(ru *run) {
	z := codeZone(ru.zone)
	for cp, rd := range ru.readings {
		if strong(rd) {
			d.strong[ru.region][z][cp]--
		}
	}
	d.clean[ru.region][z] += ru.claimed
	ru.claimed = 0
}

// nonASCII counts the non-ASCII characters of b. Invalid bytes are not
// text: they count for nothing.
func nonASCII(b []byte) int {
	n := 0
	for i := skipASCII(b, 0); i < len(b); i = skipASCII(b, i) {
		if b[i] >= 0xC2 && isCharStart(b[i:]) {
			n++
			i += seqLen(b[i])
		} else {
			i++
		}
	}
	return n
}

// skipASCII returns the offset of the first byte of b from i on that is
// not ASCII, or len(b). The text of notes is mostly ASCII, and every step
// looks at the rest only: eight bytes are tested at a time.
func skipASCII(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// isCharStart reports whether b starts with a non-ASCII character: a lead
// byte followed by its continuation bytes.
func isCharStart(b []byte) bool {
	c := b[0]
	if c < 0xC2 || c > 0xF4 {
		return false // ASCII, a continuation byte, or a byte UTF-8 never holds
	}
	n := seqLen(c)
	if len(b) < n {
		return false
	}
	for _, x := range b[1:n] {
		if !isCont(x) {
			return false
		}
	}
	return true
}

// strong reports whether rd is damage on its own evidence: it explains the
// whole run and makes it much more plausible.
func strong(rd *reading) bool {
	return rd != nil && rd.delta >= strongDelta && !rd.lone && rd.whole
}

// strongRun reports whether ru's chosen reading is strong.
func (d *doc) strongRun(ru *run) bool { return strong(ru.best) }

// odds turns counts of damage and of clean text into log-odds, within ±lim.
// Clean text weighs more than damage: damage comes in whole regions, so a
// region holding clean text is hardly ever damaged in part.
func odds(damage, clean int, lim float64) float64 {
	o := math.Log((float64(max(damage, 0)) + 0.5) / (float64(max(clean, 0)) + 0.5))
	if o < 0 {
		o *= 1.5
	}
	return max(-lim, min(lim, o))
}

// decide judges each run: the log-odds that its reading is the original
// text, from its delta, its code page's prior and the evidence around it.
// Quoted damage (quoted.go) is then left as it is, and the rest judged
// again with its runs counted as clean text.
func (d *doc) decide() {
	d.judge()
	if !d.findQuoted() {
		return
	}
	for i := range d.runs {
		if ru := &d.runs[i]; ru.quoted {
			d.unclaim(ru)
		}
	}
	d.total()
	d.judge()
}

// judge sets each run's score and whether it is accepted.
func (d *doc) judge() {
	lean := [2][]float64{leaning(d.docStrng[0]), leaning(d.docStrng[1])}
	d.mixed = d.isMixed()
	for i := range d.runs {
		ru := &d.runs[i]
		ru.best = pick(ru.readings, ru.lone, lean[codeZone(ru.zone)])
		b := ru.best
		if b == nil {
			continue
		}
		cp := b.cp
		// The evidence around the run, without the run itself.
		own, ownClean := 0, 0
		switch {
		case ru.quoted:
			ownClean = b.covered // counted as clean once quoted
		case d.strongRun(ru):
			own = 1
		case b.delta <= -strongDelta && !ru.lone:
			ownClean = b.covered // counted as clean by weigh, at most
		}
		z := codeZone(ru.zone)
		rs, rc := d.strong[ru.region][z][cp]-own, d.clean[ru.region][z]-ownClean
		ds, dc := d.docStrng[0][cp], d.docClean[0]
		if z == 0 {
			ds, dc = ds-own, dc-ownClean
		}
		s := b.delta - codePages[cp].prior
		if b.rebuild {
			s -= lostCost
		}
		switch ru.zone {
		case prose:
			s += d.evidence(rs, rc, ds, dc)
			if ds == 0 {
				s -= codePages[cp].prior
			}
		case inline:
			// Quoted in prose: only as damaged as the prose around it,
			// which in a document damaged in some paragraphs only is its
			// own paragraph's.
			ps := d.strong[ru.region][0][cp]
			s += d.evidence(ps, d.clean[ru.region][0], ds, dc)
			if ds == 0 || d.mixed && ps == 0 {
				s = min(s, -1)
			}
		case fence:
			s += d.evidence(rs, rc, ds, dc)
			// A fenced block lends its own evidence only in a document
			// whose prose has no non-ASCII text to judge by.
			if ds == 0 && (dc > 0 || rs < 2) {
				s = min(s, -1)
			}
		}
		if b.lone && (d.strong[ru.region][z][cp] == 0 || ru.lone3 && d.strong[ru.region][z][cp] < 2) {
			s = min(s, -1) // a lone lead byte is damage only in damaged text
		}
		if ru.quoted {
			s = min(s, -1) // whatever its own evidence says
		}
		ru.score = s
		ru.accept = s > 0
	}
}

// isMixed reports whether the document's prose is damaged in some
// paragraphs and clean in others: some regions hold damage and no clean
// non-ASCII text, and others clean text and no damage.
func (d *doc) isMixed() bool {
	damaged, clean := false, false
	for r := range d.strong {
		n := 0
		for _, k := range d.strong[r][0] {
			n += k
		}
		switch c := d.clean[r][0]; {
		case n > 0 && c <= 0:
			damaged = true
		case n == 0 && c > 0:
			clean = true
		}
	}
	return damaged && clean
}

// evidence is the log-odds of damage from a region's strong runs and clean
// characters (rs, rc) and the document's (ds, dc). A region with other
// non-ASCII text speaks for itself, the document adding half its weight; a
// region with little or none takes the document's word.
func evidence(rs, rc, ds, dc int) float64 {
	doc := odds(ds, dc, 4)
	w := float64(min(max(rs, 0)+max(rc, 0), 3)) / 3
	return w*odds(rs, rc, 4) + (1-w/2)*doc
}

// evidence is the package's evidence, remembering the last counts it was
// given: the runs of a region, judged one after the other, mostly share
// theirs, and each call takes two logarithms.
func (d *doc) evidence(rs, rc, ds, dc int) float64 {
	k := [4]int{rs, rc, ds, dc}
	if d.lastEv.ok && d.lastEv.k == k {
		return d.lastEv.v
	}
	v := evidence(rs, rc, ds, dc)
	d.lastEv = lastEvidence{k, v, true}
	return v
}

// lastEvidence is the last evidence worked out (see doc.evidence).
type lastEvidence struct {
	k  [4]int
	v  float64
	ok bool
}

// emit writes the edits and findings of the round.
func (d *doc) emit() ([]edit, []finding) {
	edits := make([]edit, 0, len(d.runs))
	found := make([]finding, 0, len(d.runs))
	n := 0
	for i := range d.runs {
		if d.runs[i].choices != nil {
			n += d.runs[i].end - d.runs[i].start
		}
	}
	buf := make([]byte, 0, n) // the replacements made of choices, one after the other: never longer than the runs
	// The runs of a region mostly share their score: the last one's
	// sigmoid is kept rather than worked out again.
	lastScore, lastP := math.NaN(), 0.0
	for i := range d.runs {
		ru := &d.runs[i]
		b := ru.best
		if b == nil {
			continue
		}
		start, end := ru.start+b.items[b.first].start, ru.start+b.items[b.last].end
		if ru.score != lastScore {
			lastScore, lastP = ru.score, sigmoid(ru.score)
		}
		p := lastP
		conf := p
		kind := Mojibake
		if b.rebuild {
			kind = Rebuilt
		}
		var cands []string
		// Without choices (no rebuild group, or not accepted: judged by
		// the run's score alone) the replacement is the reading's own,
		// shared by the runs that read alike.
		repl := b.repaired()
		if ru.choices != nil {
			from := len(buf)
			buf = ru.repair(buf)
			repl = buf[from:len(buf):len(buf)]
			for i, it := range b.items[b.first : b.last+1] {
				if it.set != nil {
					ch := ru.choices[b.first+i]
					conf = min(conf, p*ch.share)
					if len(ch.alts) > 1 {
						cands = ch.alts
					}
				}
			}
		}
		f := finding{start: start, end: end, kind: kind, cp: codePages[b.cp].name, conf: conf, cands: cands}
		switch {
		case ru.accept && conf >= d.c.minConf && conf > 0:
			edits = append(edits, edit{start, end, repl})
			found = append(found, f)
		case ru.quoted && ru.zone == prose || ru.accept || d.looksDamaged(ru):
			// Left as it is, but it looks damaged.
			f.kind, f.cands = Suspect, []string{string(repl)}
			found = append(found, f)
		}
	}
	return edits, found
}

// looksDamaged reports whether a run left as it is still looks damaged:
// its repair is not unlikely, and it makes the run more plausible or the
// document's prose holds damage through the same code page. Code looks
// damaged only in such a document.
func (d *doc) looksDamaged(ru *run) bool {
	damaged := d.docStrng[0][ru.best.cp] > 0
	return ru.score > -2 && (ru.best.delta >= 1 || damaged) && (ru.zone == prose || damaged)
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
