package fix

import (
	"math"
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A reading of a run of non-ASCII characters through one code page: each
// character taken back to the byte the code page decodes to it, and the
// bytes cut into UTF-8 sequences. A complete sequence is one character of
// the original text; one with continuation bytes missing (the code page
// leaves them undefined, and the damage dropped them) has candidates,
// every character that putting such bytes back can give.

// item is one piece of a reading.
type item struct {
	start, end int      // byte offsets in the text
	set        *candSet // for a rebuild group, its candidates
	// The small fields last, together: a round reads thousands of items.
	x     rune // the character it reads as (for a rebuild group, the choice)
	group bool // a group of damage; else a character left as it is
	lone  bool // a lone lead byte with its continuation dropped
}

// cand is a candidate character for a rebuild group, with its prior.
type cand struct {
	r    rune
	w    float64
	logW float64 // log w
	c    char    // r's properties
}

// candSet is the candidates of one pattern of lost bytes, best prior
// first, with what can be told from them alone.
type candSet struct {
	cands []cand
	// keywords: a candidate has keywords, so the words near it may decide.
	keywords bool
	// widths: candidates that stand a chance by prior differ in display
	// width, so the column of a diagram's right border may decide.
	widths bool
	// letters: several candidates are letters (or marks), so the words of
	// the document may decide.
	letters bool
}

// reading is a run read through code page cp.
type reading struct {
	cp      int
	items   []item
	covered int     // characters inside groups
	runes   int     // characters in the run
	delta   float64 // the run's cost as it is minus its cost repaired
	rebuild bool    // has a rebuild group
	lone    bool    // its only groups are lone lead bytes
	whole   bool    // its items are all groups: it explains the whole run
	first   int     // the index of its first group
	last    int     // the index of its last group
	text    []byte  // see reading.repaired
	rid     int     // 1 + its repair ID, once known (see doc.repairID)
}

// itemBlock is how many items a block of the round's items holds at least
// (see doc.read).
const itemBlock = 1024

// read reads runes (the run at text offsets offs) through code page cp.
// It returns nil when no group comes out. A reading's items are a stretch
// of d.items, a block shared by the round's readings, so that the
// thousands of items of a document take a few allocations: a stretch
// holds at most one item per character, and a block that has no room for
// that many is left to the readings that hold it for a new one, so a
// stretch handed out never moves.
func (d *doc) read(runes []rune, offs []int, cp int) *reading {
	page := codePages[cp]
	n := len(runes)
	bs := slices.Grow(d.bytes[:0], n)[:n] // the byte of each character, 0 for none
	d.bytes = bs
	for i, r := range runes {
		bs[i], _ = page.byteOf(r)
	}
	// U+FFFD where a lead byte is wanted (nothing before it waits for a
	// continuation byte, one follows) is the code page's undefined lead.
	for i, r := range runes {
		if r == '\uFFFD' && page.lostLead != 0 && i+1 < n && isCont(bs[i+1]) &&
			(i == 0 || !isLead(bs[i-1])) {
			bs[i] = page.lostLead
		}
	}
	if cap(d.items)-len(d.items) < n {
		d.items = make([]item, 0, max(n, itemBlock))
	}
	from := len(d.items)
	rd := &reading{cp: cp, runes: n, items: d.items[from:from]}
	groups, lones := 0, 0
	rd.first = -1
	for k := 0; k < n; {
		if !isLead(bs[k]) {
			rd.items = append(rd.items, item{start: offs[k], end: offs[k+1], x: runes[k]})
			k++
			continue
		}
		need := seqLen(bs[k]) - 1
		j := k + 1
		for j < n && j-k-1 < need && isCont(bs[j]) {
			j++
		}
		it := item{start: offs[k], end: offs[j], group: true}
		if have := j - k - 1; have == need {
			x, size := utf8.DecodeRune(bs[k:j])
			// A C1 control is what text damaged twice holds in between.
			if x == utf8.RuneError && size == 1 || size != j-k || !d.char(x).vis && (x < 0x80 || x >= 0xA0) {
				rd.items = append(rd.items, item{start: offs[k], end: offs[k+1], x: runes[k]})
				k++
				continue
			}
			it.x = x
		} else {
			missing := need - have
			if missing > 2 || have == 0 && need > 2 || len(page.undefined) == 0 {
				rd.items = append(rd.items, item{start: offs[k], end: offs[k+1], x: runes[k]})
				k++
				continue
			}
			it.set = candidates(page, bs[k:j], need)
			if it.set == nil {
				rd.items = append(rd.items, item{start: offs[k], end: offs[k+1], x: runes[k]})
				k++
				continue
			}
			it.x = it.set.cands[0].r
			it.lone = have == 0
			rd.rebuild = true
			if it.lone {
				lones++
			}
		}
		groups++
		rd.covered += j - k
		if rd.first < 0 {
			rd.first = len(rd.items)
		}
		rd.last = len(rd.items)
		rd.items = append(rd.items, it)
		k = j
	}
	if groups == 0 {
		return nil
	}
	rd.items = rd.items[:len(rd.items):len(rd.items)]
	d.items = d.items[:from+len(rd.items)]
	rd.lone = lones == groups
	rd.whole = groups == len(rd.items)
	return rd
}

// candKey identifies a candidate set: the code page, the bytes present and
// the length of the sequence.
type candKey struct {
	cp   *codePage
	pres [3]byte // a lead byte and at most two continuation bytes: fewer than a sequence has
	n    int     // the bytes of pres that are present
	need int
}

// Candidate sets depend only on their key: they are kept for all calls,
// under a lock, as callers may repair several files at once.
var (
	candMu    sync.Mutex
	candCache = map[candKey]*candSet{}
)

// candidates returns the characters that putting cp's undefined bytes back
// into pres (a lead byte and some continuation bytes of a sequence of
// need+1 bytes) can give, or nil for none.
func candidates(cp *codePage, pres []byte, need int) *candSet {
	key := candKey{cp: cp, n: len(pres), need: need}
	copy(key.pres[:], pres)
	candMu.Lock()
	defer candMu.Unlock()
	if c, ok := candCache[key]; ok {
		return c
	}
	missing := need - (len(pres) - 1)
	var out []cand
	seen := map[rune]bool{}
	var seq [4]byte
	seq[0] = pres[0]
	// Every choice of the slots the missing bytes were in, and every
	// assignment of undefined bytes to them.
	for mask := 0; mask < 1<<need; mask++ {
		if popcount(mask) != missing {
			continue
		}
		total := 1
		for range missing {
			total *= len(cp.undefined)
		}
		for a := 0; a < total; a++ {
			p, v := 1, a
			for slot := 0; slot < need; slot++ {
				if mask&(1<<slot) != 0 {
					seq[1+slot] = cp.undefined[v%len(cp.undefined)]
					v /= len(cp.undefined)
				} else {
					seq[1+slot] = pres[p]
					p++
				}
			}
			r, size := utf8.DecodeRune(seq[:need+1])
			if size != need+1 || r == utf8.RuneError && size == 1 || !visible(r) || seen[r] {
				continue
			}
			seen[r] = true
			w := prior(r)
			out = append(out, cand{r, w, math.Log(w), charOf(r)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].w != out[j].w {
			return out[i].w > out[j].w
		}
		return out[i].r < out[j].r
	})
	var set *candSet
	if len(out) > 0 {
		set = &candSet{cands: out}
		n := 0
		for _, c := range out {
			if unicode.IsLetter(c.r) || unicode.IsMark(c.r) {
				n++
			}
		}
		set.letters = n >= 2
		for _, c := range out {
			set.keywords = set.keywords || keywords[c.r] != nil
			// Only candidates that stand a chance by prior count.
			if c.w*10 >= out[0].w {
				set.widths = set.widths || runeWidth(c.r) != runeWidth(out[0].r)
			}
		}
	}
	candCache[key] = set
	return set
}

func popcount(x int) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}
