package fix

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Choosing the lost bytes. A rebuild group's candidates are weighed by
//
//	prior × fit × intact × box × alignment × words × emoji-line
//
// prior ranks characters by how common they are (prior.go); fit is what
// Unicode says of the candidate beside its neighbours (transition: U+FE0F
// only after a character with an emoji presentation sequence, a skin tone
// only after an Emoji_Modifier_Base, a joiner between pictographs, a
// letter in the script and case of its word); intact favours characters
// found undamaged elsewhere in the document; box the box-drawing
// characters whose arms meet their neighbours' (boxdraw.go); alignment the
// width that keeps a diagram's right border in the column of the borders
// above and below; words an emoji whose keywords are near; emoji-line an
// emoji on a line that already has emoji. Neighbours above and below are
// read from the lines as repaired, so the choice is made again once the
// lines around have theirs.

// plausibleShare is the share of the best weight another candidate needs to
// be listed as plausible too.
const plausibleShare = 0.1

// chooseAll makes the choices of the accepted runs.
func (d *doc) chooseAll() {
	rebuild := false
	for i := range d.runs {
		if ru := &d.runs[i]; ru.accept && ru.best.rebuild {
			rebuild = true
			break
		}
	}
	if !rebuild {
		return
	}
	// What the text holds intact where a lost byte could make it: the
	// characters left as they are and those repaired whole.
	last := 0
	for i := range d.runs {
		ru := &d.runs[i]
		if !ru.accept {
			continue
		}
		d.countIntact(d.text[last:ru.start])
		for _, it := range ru.best.items {
			switch {
			case it.set != nil:
			case it.group:
				if mayBeCandidate(it.x) {
					d.intact[it.x]++
				}
			default:
				d.countIntact(d.text[ru.start+it.start : ru.start+it.end])
			}
		}
		last = ru.end
		if ru.best.rebuild {
			ru.choices = make([]choice, len(ru.best.items))
			for i, it := range ru.best.items {
				ru.choices[i] = choice{x: it.x, share: 1}
			}
		}
	}
	d.countIntact(d.text[last:])
	views := viewSet{d: d, byLine: make([]*view, len(d.lay.lines))}
	// The reading's choice (by prior and the characters left and right)
	// stands until the lines around are known: a pass with them, and
	// again for the characters next to one that pass changed (left,
	// right, above or below).
	var prev map[int][]int // by line, the columns of the choices the last pass changed
	near := func(line, col int) bool {
		for l := line - 1; l <= line+1; l++ {
			for _, c := range prev[l] {
				if c >= col-2 && c <= col+2 {
					return true
				}
			}
		}
		return false
	}
	for pass := 1; pass < 3; pass++ {
		changed := map[int][]int{}
		for i := range d.runs {
			ru := &d.runs[i]
			if !ru.accept || !ru.best.rebuild {
				continue
			}
			if pass == 2 && prev[ru.line-1] == nil && prev[ru.line] == nil && prev[ru.line+1] == nil {
				continue // no choice near changed
			}
			for i, it := range ru.best.items {
				if it.set == nil || pass == 2 && !near(ru.line, ru.choices[i].col) {
					continue
				}
				old := ru.choices[i].x
				ch := d.choose(ru, i, &views)
				ch.col = ru.choices[i].col
				ru.choices[i] = ch
				if ch.x != old {
					changed[ru.line] = append(changed[ru.line], ch.col)
				}
			}
		}
		if len(changed) == 0 {
			break
		}
		for l := range changed {
			views.byLine[l] = nil
		}
		prev = changed
	}
}

// countIntact counts the characters of b that may be candidates.
func (d *doc) countIntact(b []byte) {
	for i := skipASCII(b, 0); i < len(b); i = skipASCII(b, i+1) {
		// A lossy continuation byte ends a character that may be one.
		if c := b[i]; c&0xC0 == 0x80 && lossy[c&0x3F] {
			start := i
			for start > 0 && b[start]&0xC0 == 0x80 && i-start < 3 {
				start--
			}
			if r, n := utf8.DecodeRune(b[start:]); n > 1 && start+n > i && mayBeCandidate(r) {
				d.intact[r]++
				i = start + n - 1
			}
		}
	}
}

// choiceKey identifies a choice that depends only on the candidates and
// what is around them, so that the thousands of "═" of a diagram are
// weighed once.
type choiceKey struct {
	set   *candSet
	nb    nbrs
	emoji bool
}

// choose weighs the candidates of item i of ru.
func (d *doc) choose(ru *run, i int, views *viewSet) choice {
	it := &ru.best.items[i]
	set := it.set
	left, right := d.sides(ru, i)
	v := views.get(ru.line)
	col := ru.choices[i].col
	var word []rune // the word around the group, with at its place, for set.letters
	at := -1
	if set.letters {
		word, at = views.word(v, col)
	}
	// Words and the alignment of a border depend on more than the
	// neighbours: such choices are not kept.
	keep := !set.keywords && (v.border <= col || !set.widths) && at < 0
	// A choice the lines above and below cannot change is kept under a
	// key that has none (-1 stands for "not read").
	key := choiceKey{set, nbrs{left: left, right: right, up: -1, down: -1}, v.emoji}
	vertical := false // known to need the lines above and below
	if keep {
		if ch, ok := d.choice(key, 0); ok && !ch.vertical {
			return ch
		} else if ok {
			vertical = true
			if ch, ok := d.choice(d.fullKey(key, ru, col, views), 1); ok {
				return ch
			}
		}
	}
	// The weights from all but the lines above and below.
	var words []string
	ws := d.weights[:0]
	for _, c := range set.cands {
		w := c.w * d.fit(left, c.r, right) * intactFactor(d.intact[c.r])
		if kw := keywords[c.r]; kw != nil {
			if words == nil {
				words = d.nearWords(ru.line)
			}
			if matchAny(words, kw) {
				w *= 5
			}
		}
		if at >= 0 {
			word[at] = c.r
			w *= d.wordFactor(word)
		}
		w *= boxFactor(c.r, nbrs{left: left, right: right}, dirLeft, dirRight)
		if set.widths {
			w *= views.alignFactor(v, ru.line, col, ru.x(i), c.r)
		}
		if v.emoji && isEmoji(c.r) {
			w *= 1.5
		}
		ws = append(ws, w)
	}
	d.weights = ws
	// The lines above and below can multiply a weight by 0.09 to 9 (see
	// boxFactor): when the best candidate wins whatever they hold, they
	// need not be read.
	if vertical || !decisive(set.cands, ws) {
		if keep {
			d.choices[key] = choice{vertical: true}
		}
		key = d.fullKey(key, ru, col, views)
		for k, c := range set.cands {
			ws[k] *= boxFactor(c.r, key.nb, dirUp, dirDown)
		}
	}
	best, total := 0, 0.0
	for k, w := range ws {
		total += w
		if w > ws[best] {
			best = k
		}
	}
	ch := choice{x: set.cands[best].r, share: ws[best] / total}
	for k, c := range set.cands {
		if k != best && ws[k] >= plausibleShare*ws[best] {
			if ch.alts == nil {
				ch.alts = []string{string(ch.x)}
			}
			ch.alts = append(ch.alts, string(c.r))
		}
	}
	if keep {
		d.choices[key] = ch
	}
	return ch
}

// choice returns the choice made under key, looking first at the last
// one found in slot (0 for keys without the lines above and below, 1 for
// those with them): the groups of a diagram's line share their keys one
// after the other.
func (d *doc) choice(key choiceKey, slot int) (choice, bool) {
	last := &d.lastChoice[slot]
	if last.ok && last.key == key {
		return last.ch, true
	}
	ch, ok := d.choices[key]
	if ok {
		*last = lastChoice{key, ch, true}
	}
	return ch, ok
}

// lastChoice is a choice found under key (see doc.choice).
type lastChoice struct {
	key choiceKey
	ch  choice
	ok  bool
}

// fullKey returns key with the characters above and below the group, as
// far as boxFactor tells them apart: a box-drawing character, a blank, or
// anything else (a letter).
func (d *doc) fullKey(key choiceKey, ru *run, col int, views *viewSet) choiceKey {
	left, right := key.nb.left, key.nb.right
	key.nb.up, key.nb.down = ' ', ' '
	if ru.line > 0 {
		key.nb.up = boxClass(views.vertical(ru.line-1, col, left, right, dirDown))
	}
	if ru.line+1 < len(d.lay.lines) {
		key.nb.down = boxClass(views.vertical(ru.line+1, col, left, right, dirUp))
	}
	return key
}

// boxClass returns r if it is a box-drawing character, ' ' for a blank
// (or nothing) and 'x' for anything else, which boxFactor treats alike.
func boxClass(r rune) rune {
	switch _, box := boxArmsOf(r); {
	case box:
		return r
	case r == 0 || r == ' ':
		return ' '
	}
	return 'x'
}

// decisive reports whether the best of weights ws stays best whatever the
// characters above and below: they multiply a weight by at least 0.09 and
// at most 3 for each vertical arm the candidate has (see boxFactor).
func decisive(cands []cand, ws []float64) bool {
	best := 0
	for k, w := range ws {
		if w > ws[best] {
			best = k
		}
	}
	for k, c := range cands {
		if k == best {
			continue
		}
		hi := 1.0
		if a, ok := boxArmsOf(c.r); ok {
			for _, d := range [2]int{dirUp, dirDown} {
				if a[d] != armNone {
					hi *= 3
				}
			}
		}
		if ws[k]*hi >= ws[best]*0.09 {
			return false
		}
	}
	return true
}

// word returns the letters around display column col of v (a word, in
// any script), and the index of the one at col; k is -1 when there is
// none.
func (vs *viewSet) word(v *view, col int) (word []rune, k int) {
	cells := v.cells
	i := sort.Search(len(cells), func(i int) bool { return int(cells[i].col) >= col })
	if i == len(cells) || int(cells[i].col) != col {
		return nil, -1
	}
	lo, hi := i, i+1
	for lo > 0 && isWordRune(cells[lo-1].r) {
		lo--
	}
	for hi < len(cells) && isWordRune(cells[hi].r) {
		hi++
	}
	for _, c := range cells[lo:hi] {
		word = append(word, c.r)
	}
	return word, i - lo
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

// wordFactor favours a letter whose byte was lost (word[at] in word)
// that makes a word the document holds elsewhere as clean text: the author
// is likely to have written it again.
func (d *doc) wordFactor(word []rune) float64 {
	return 1 + 10*float64(min(d.vocabulary()[strings.ToLower(string(word))], 5))
}

// vocabulary counts the words of the text that no lost byte touches, the
// clean text and the runs repaired whole, lower-cased.
func (d *doc) vocabulary() map[string]int {
	if d.vocab != nil {
		return d.vocab
	}
	d.vocab = map[string]int{}
	const lost = '\uFFFF' // stands for a rebuilt character: no word holds it
	var word []rune
	flush := func() {
		if len(word) > 1 && !slices.Contains(word, lost) {
			d.vocab[strings.ToLower(string(word))]++
		}
		word = word[:0]
	}
	add := func(r rune) {
		if isWordRune(r) || r == lost {
			word = append(word, r)
		} else {
			flush()
		}
	}
	k := 0 // next run
	for i := 0; i < len(d.text); {
		for k < len(d.runs) && (d.runs[k].start < i || !d.runs[k].accept) {
			k++
		}
		if k < len(d.runs) && d.runs[k].start == i {
			ru := &d.runs[k]
			for _, it := range ru.best.items {
				switch {
				case it.set != nil:
					add(lost)
				case it.group:
					add(it.x)
				default:
					for _, r := range string(d.text[ru.start+it.start : ru.start+it.end]) {
						add(r)
					}
				}
			}
			i = ru.end
			continue
		}
		r, n := utf8.DecodeRune(d.text[i:])
		add(r)
		i += n
	}
	flush()
	return d.vocab
}

// sides returns the characters just left and right of item i of ru, as
// repaired so far.
func (d *doc) sides(ru *run, i int) (left, right rune) {
	left, right = ' ', ' '
	if i > 0 {
		left = ru.x(i - 1)
	} else if ru.start > 0 {
		left = rune(d.text[ru.start-1])
	}
	if i+1 < len(ru.best.items) {
		right = ru.x(i + 1)
	} else if ru.end < len(d.text) {
		right = rune(d.text[ru.end])
	}
	if left == '\n' || left == '\r' || left == '\t' {
		left = ' '
	}
	if right == '\n' || right == '\r' || right == '\t' {
		right = ' '
	}
	return left, right
}

// fit is how well r sits between left and right, by the transition costs.
// Diagrams repeat the same few triples thousands of times: they are
// worked out once per round.
func (d *doc) fit(left, r, right rune) float64 {
	k := [3]rune{left, r, right}
	if f, ok := d.fits[k]; ok {
		return f
	}
	l, c := d.char(left), d.char(r)
	f := math.Exp(-step(l, c) - step(c, d.char(right)))
	d.fits[k] = f
	return f
}

func intactFactor(n int) float64 {
	switch {
	case n <= 0:
		return 1
	case n < 5:
		return 3
	}
	return 5
}

// isEmoji reports whether r shows as an emoji by default.
func isEmoji(r rune) bool { return unicode.Is(emojiPresentation, r) }

// nearWords returns the lower-case ASCII words of line and the lines next
// to it.
func (d *doc) nearWords(line int) []string {
	lo, hi := max(line-1, 0), min(line+1, len(d.lay.lines)-1)
	s := strings.ToLower(string(d.text[d.lay.lines[lo].start:d.lay.lines[hi].end]))
	return strings.FieldsFunc(s, func(r rune) bool { return r < 'a' || r > 'z' })
}

// matchAny reports whether a word starts with one of keys.
func matchAny(words, keys []string) bool {
	for _, w := range words {
		for _, k := range keys {
			if strings.HasPrefix(w, k) {
				return true
			}
		}
	}
	return false
}

// Line views: a line as it reads with the current choices, one cell per
// character with its display column, for the neighbours above and below a
// rebuilt character and for the column of a diagram's right border.

type cell struct {
	r   rune
	col int32
}

type view struct {
	cells  []cell
	emoji  bool // holds an emoji outside the rebuild groups
	border int  // column of the right border, -1 for none
}

type viewSet struct {
	d      *doc
	byLine []*view // by line; nil until read
}

// get returns the view of line l.
func (vs *viewSet) get(l int) *view {
	if v := vs.byLine[l]; v != nil {
		return v
	}
	d := vs.d
	ln := d.lay.lines[l]
	n := 0 // the line's characters: its bytes but continuation bytes
	for _, c := range d.text[ln.start:ln.end] {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	v := &view{border: -1, cells: make([]cell, 0, n)}
	col := 0
	add := func(r rune, group bool) {
		v.cells = append(v.cells, cell{r, int32(col)})
		if !group && r >= 0x231A && d.char(r).emoji&emojiPres != 0 {
			v.emoji = true
		}
		col += d.width(r)
	}
	// The runs of the line, in order (d.runs is sorted).
	k := sort.Search(len(d.runs), func(k int) bool { return d.runs[k].line >= l })
	for i := ln.start; i < ln.end; {
		for k < len(d.runs) && d.runs[k].line == l && (d.runs[k].start < i || !d.runs[k].accept) {
			k++
		}
		if k < len(d.runs) && d.runs[k].line == l && d.runs[k].start == i {
			ru := &d.runs[k]
			k++
			for k, it := range ru.best.items {
				if it.group {
					if ru.choices != nil {
						ru.choices[k].col = col
					}
					add(ru.x(k), true)
				} else {
					for _, r := range string(d.text[ru.start+it.start : ru.start+it.end]) {
						add(r, false)
					}
				}
			}
			i = ru.end
			continue
		}
		r, n := utf8.DecodeRune(d.text[i:ln.end])
		if r != '\r' {
			add(r, false)
		}
		i += n
	}
	for k := len(v.cells) - 1; k >= 0; k-- {
		if c := v.cells[k]; c.r != ' ' && c.r != '\t' {
			if isBorder(c.r) {
				v.border = int(c.col)
			}
			break
		}
	}
	vs.byLine[l] = v
	return v
}

// at returns the character of line l at display column col, or 0.
func (vs *viewSet) at(l, col int) rune {
	if l < 0 || l >= len(vs.d.lay.lines) || col < 0 {
		return 0
	}
	cells := vs.get(l).cells
	// In most lines (a diagram's) each character takes one column: the
	// cell at index col is then the one.
	if col < len(cells) && int(cells[col].col) == col && vs.d.width(cells[col].r) > 0 {
		return cells[col].r
	}
	lo, hi := 0, len(cells)
	for lo < hi {
		m := (lo + hi) / 2
		if int(cells[m].col) <= col {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return 0
	}
	c := cells[lo-1]
	if col >= int(c.col)+vs.d.width(c.r) {
		return 0
	}
	return c.r
}

// vertical returns the character of line l at col; at the end of a
// horizontal run, where that is blank, one column off when it has an arm
// pointing in direction want (towards the group): authors misalign a
// corner by one now and then.
func (vs *viewSet) vertical(l, col int, left, right rune, want int) rune {
	r := vs.at(l, col)
	atEnd := left == ' ' || right == ' '
	if (r == 0 || r == ' ') && atEnd {
		for _, c := range [2]int{col - 1, col + 1} {
			if a, ok := boxArmsOf(vs.at(l, c)); ok && a[want] != armNone {
				return vs.at(l, c)
			}
		}
	}
	return r
}

// alignFactor favours a candidate whose width puts the line's right border
// in the same column as on the nearest bordered lines above or below.
func (vs *viewSet) alignFactor(v *view, l, col int, cur, r rune) float64 {
	d := vs.d
	if v.border < 0 || v.border <= col || d.width(cur) == d.width(r) {
		return 1
	}
	end := v.border + d.width(r) - d.width(cur)
	for _, step := range [2]int{-1, 1} {
		for k, n := l+step, 0; k >= 0 && k < len(vs.d.lay.lines) && n < 3; k, n = k+step, n+1 {
			if b := vs.get(k).border; b >= 0 {
				if b == end {
					return 4
				}
				break
			}
		}
	}
	return 1
}

// isBorder reports whether r can close a diagram line on the right.
func isBorder(r rune) bool {
	a, ok := boxArmsOf(r)
	return ok && (a[dirUp] != armNone || a[dirDown] != armNone)
}

// width is runeWidth, remembered for the round.
func (d *doc) width(r rune) int {
	if r < 0x300 || r >= 0x2500 && r < 0x2600 { // Latin, box drawing and blocks
		return 1
	}
	if w, ok := d.widths[r]; ok {
		return w
	}
	w := runeWidth(r)
	d.widths[r] = w
	return w
}

// runeWidth is the display width of r in a monospace editor: 2 for East
// Asian wide and fullwidth characters (which includes most emoji), 0 for
// combining marks and format characters, else 1.
func runeWidth(r rune) int {
	if r < 0x300 {
		return 1
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
