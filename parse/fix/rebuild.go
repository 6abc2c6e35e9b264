package fix

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
}

func (s *repairer) decide() {
	// Line ranges.
	for i := range s.groups {
		g := &s.groups[i]
		if n := len(s.lrs); n == 0 || s.lrs[n-1].line != g.line {
			s.lrs = append(s.lrs, lineRange{line: g.line, first: i, last: i})
		}
		lr := &s.lrs[len(s.lrs)-1]
		lr.last = i + 1
		if g.strong() {
			lr.strong++
		}
		g.lr = len(s.lrs) - 1
	}
	for i := range s.groups {
		g := &s.groups[i]
		g.exist = 1 - (1-g.self)*(1-s.support(g))
		g.accept = g.exist >= 0.5
	}
	for i := range s.groups {
		g := &s.groups[i]
		if g.present == 1 && g.accept {
			g.accept = s.adjacentAccepted(i)
		}
		if g.missing > 0 {
			s.choose(g, false)
		} else {
			g.share = 1
		}
	}
	// Two passes with context; the second only where the first changed a
	// choice on the line or the lines next to it.
	var dirty map[int]bool
	for pass := 0; pass < 2; pass++ {
		s.views = map[int]*lineView{}
		changed := map[int]bool{}
		for i := range s.groups {
			g := &s.groups[i]
			if g.missing == 0 || !g.accept || len(g.cands) < 2 {
				continue
			}
			if dirty != nil && !dirty[g.line] && !dirty[g.line-1] && !dirty[g.line+1] {
				continue
			}
			old := g.x
			s.choose(g, true)
			if g.x != old {
				changed[g.line] = true
			}
		}
		dirty = changed
	}
}

// adjacentAccepted reports whether group i touches an accepted complete
// group of its run.
func (s *repairer) adjacentAccepted(i int) bool {
	g := &s.groups[i]
	ok := func(h *group) bool { return h.run == g.run && h.missing == 0 && h.accept }
	return i > 0 && s.groups[i-1].end == g.start && ok(&s.groups[i-1]) ||
		i+1 < len(s.groups) && s.groups[i+1].start == g.end && ok(&s.groups[i+1])
}

// support is the evidence of damage around g: other strong groups on its
// line (any code page), on the lines next to it, or through the same code
// page in the whole document weighed against the clean non-ASCII text.
func (s *repairer) support(g *group) float64 {
	own := 0
	if g.strong() {
		own = 1
	}
	lr := s.lrs[g.lr]
	if lr.strong-own > 0 {
		return 0.8
	}
	sup := 0.0
	if g.lr > 0 && s.lrs[g.lr-1].line == g.line-1 && s.lrs[g.lr-1].strong > 0 ||
		g.lr+1 < len(s.lrs) && s.lrs[g.lr+1].line == g.line+1 && s.lrs[g.lr+1].strong > 0 {
		sup = 0.6
	}
	d := float64(s.docStrong[g.cp] - own)
	if ds := 0.7 * d / (d + float64(s.docClean) + 1); ds > sup {
		sup = ds
	}
	return sup
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
	nb   [4]rune
}

type memoVal struct {
	x     rune
	share float64
}

// choose sets g.x and g.share; with context, looking at the neighbours.
func (s *repairer) choose(g *group, context bool) {
	wf := s.wordFactors(g)
	var nb [4]rune
	var v *lineView
	widths := false
	if context {
		v = s.view(g.line)
		nb = s.neighbours(v, g)
		// Alignment can only matter between candidates of different width
		// that both stand a chance (cands are sorted by prior).
		for _, c := range g.cands[1:] {
			if c.w*10 >= g.cands[0].w && runeWidth(c.r) != runeWidth(g.cands[0].r) {
				widths = true
				break
			}
		}
		if wf == nil && !widths {
			if m, ok := s.memo[memoKey{g.ckey, nb}]; ok {
				g.x, g.share = m.x, m.share
				return
			}
		}
	}
	best, bestW, total := rune(0), -1.0, 0.0
	for i, c := range g.cands {
		w := c.w * intactFactor(s.intact(c.r))
		if wf != nil {
			w *= wf[i]
		}
		if context {
			w *= boxFactor(c.r, nb)
			if widths {
				w *= s.alignFactor(v, g, c.r)
			}
			if v.emoji && isEmoji(c.r) {
				w *= 1.5
			}
			w *= charFactor(c.r, nb[dirLeft], nb[dirRight])
		}
		total += w
		if w > bestW {
			best, bestW = c.r, w
		}
	}
	g.x, g.share = best, bestW/total
	if context && wf == nil && !widths {
		s.memo[memoKey{g.ckey, nb}] = memoVal{g.x, g.share}
	}
}

// wordFactors returns, per candidate of g, the factor from words near it,
// or nil when no candidate is helped by them.
func (s *repairer) wordFactors(g *group) []float64 {
	// Only candidates that stand a chance by prior (cands are sorted) can
	// be lifted by words: a snake, not the ❕ among the "═" readings.
	hasEmoji := false
	for _, c := range g.cands {
		if c.w*20 < g.cands[0].w {
			break
		}
		if isEmoji(c.r) || keywords[c.r] != nil {
			hasEmoji = true
			break
		}
	}
	if !hasEmoji {
		return nil
	}
	key := [2]uint64{uint64(g.line), g.ckey}
	if f, ok := s.wordMemo[key]; ok {
		return f
	}
	if s.wordMemo == nil {
		s.wordMemo = map[[2]uint64][]float64{}
	}
	words := s.nearWords(g.line)
	var f []float64
	for i, c := range g.cands {
		m := 1.0
		if kw := keywords[c.r]; kw != nil && matchAny(words, kw, true) {
			m = 5
		} else if isEmoji(c.r) && matchAny(words, nameWords(c.r), false) {
			m = 2
		}
		if m != 1 {
			if f == nil {
				f = make([]float64, len(g.cands))
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
// to it.
func (s *repairer) nearWords(line int) []string {
	if w, ok := s.words[line]; ok {
		return w
	}
	if s.words == nil {
		s.words = map[int][]string{}
	}
	lo, hi := max(line-1, 0), min(line+1, len(s.lineStarts)-1)
	seg := string(s.text[s.lineStarts[lo]:s.lineEnd(hi)])
	w := strings.FieldsFunc(strings.ToLower(seg), func(r rune) bool { return r >= utf8.RuneSelf || !unicode.IsLetter(r) })
	s.words[line] = w
	return w
}

// lineView is a line as it reads with the current choices: one cell per
// character, with its display column.
type lineView struct {
	cells []cell
	emoji bool // holds an emoji outside the rebuild groups
}

type cell struct {
	r   rune
	col int
}

func (s *repairer) view(line int) *lineView {
	if v, ok := s.views[line]; ok {
		return v
	}
	start, end := s.lineStarts[line], s.lineEnd(line)
	v := &lineView{cells: make([]cell, 0, end-start)}
	s.views[line] = v
	if end > start && s.text[end-1] == '\r' {
		end--
	}
	// The groups on this line.
	gi, ge := 0, 0
	if i := sort.Search(len(s.lrs), func(i int) bool { return s.lrs[i].line >= line }); i < len(s.lrs) && s.lrs[i].line == line {
		gi, ge = s.lrs[i].first, s.lrs[i].last
	}
	col := 0
	add := func(r rune) {
		v.cells = append(v.cells, cell{r, col})
		col += runeWidth(r)
	}
	for i := start; i < end; {
		if gi < ge && s.groups[gi].start == i {
			g := &s.groups[gi]
			gi++
			if g.accept {
				g.cell = len(v.cells)
				add(g.x)
				i = g.end
				continue
			}
		}
		r, n := utf8.DecodeRune(s.text[i:end])
		if isEmoji(r) {
			v.emoji = true
		}
		add(r)
		i += n
	}
	return v
}

// neighbours returns the characters left, right, above and below g (0 for
// none). Above and below are taken at g's display column, or, at the end
// of a horizontal run, one column off when the diagram's author misaligned
// it by one.
func (s *repairer) neighbours(v *lineView, g *group) [4]rune {
	var nb [4]rune
	ci := g.cell
	if ci > 0 {
		nb[dirLeft] = v.cells[ci-1].r
	}
	if ci+1 < len(v.cells) {
		nb[dirRight] = v.cells[ci+1].r
	}
	col := v.cells[ci].col
	for d, l := range [2]int{g.line - 1, g.line + 1} {
		if l < 0 || l >= len(s.lineStarts) {
			continue
		}
		w := s.view(l)
		r := w.at(col)
		// One column off only counts at the end of a horizontal run, where
		// a corner meets a misaligned wall.
		atEnd := nb[dirLeft] == 0 || nb[dirLeft] == ' ' || nb[dirRight] == 0 || nb[dirRight] == ' '
		if (r == 0 || r == ' ') && atEnd {
			want := dirDown
			if d == 1 {
				want = dirUp
			}
			for _, c := range [2]int{col - 1, col + 1} {
				if a, ok := boxArmsOf(w.at(c)); ok && a[want] != armNone {
					r = w.at(c)
					break
				}
			}
		}
		nb[dirUp+d] = r
	}
	return nb
}

// at returns the character at display column col, or 0.
func (v *lineView) at(col int) rune {
	if col < 0 {
		return 0
	}
	i := sort.Search(len(v.cells), func(i int) bool { return v.cells[i].col > col }) - 1
	if i < 0 {
		return 0
	}
	return v.cells[i].r
}

// isBorder reports whether r can close a diagram line on the right.
func isBorder(r rune) bool {
	a, ok := boxArmsOf(r)
	return ok && (a[dirUp] != armNone || a[dirDown] != armNone)
}

// lastBorder returns the display column of the line's last non-space
// character when it is a vertical box-drawing border, else -1.
func (v *lineView) lastBorder() int {
	for i := len(v.cells) - 1; i >= 0; i-- {
		if v.cells[i].r == ' ' || v.cells[i].r == '\t' {
			continue
		}
		if isBorder(v.cells[i].r) {
			return v.cells[i].col
		}
		return -1
	}
	return -1
}

// alignFactor favours a candidate whose width puts the line's closing
// border in the same column as on the nearest bordered lines above or below.
func (s *repairer) alignFactor(v *lineView, g *group, r rune) float64 {
	end := v.lastBorder()
	if end < 0 || end <= v.cells[g.cell].col {
		return 1
	}
	end += runeWidth(r) - runeWidth(g.x)
	for _, step := range [2]int{-1, 1} {
		for l, n := g.line+step, 0; l >= 0 && l < len(s.lineStarts) && n < 3; l, n = l+step, n+1 {
			if c := s.view(l).lastBorder(); c >= 0 {
				if c == end {
					return 4
				}
				break
			}
		}
	}
	return 1
}

// charFactor weighs candidate r against the characters left and right of it:
// emoji modifiers and joiners where an emoji sequence needs them, opening
// and closing quotes on the right side of a word, letters in the script and
// case of the letters around them.
func charFactor(r, left, right rune) float64 {
	f := 1.0
	switch {
	case r == '\uFE0F': // emoji presentation: after a symbol or keycap base
		if unicode.Is(unicode.So, left) || left == '#' || left == '*' || left >= '0' && left <= '9' {
			f *= 20
		} else {
			f *= 0.01
		}
	case r == '\u200D': // zero-width joiner: between emoji
		if isEmoji(left) || left == '\uFE0F' || unicode.Is(unicode.So, left) {
			f *= 50
		} else {
			f *= 0.01
		}
	case r >= 0x1F3FB && r <= 0x1F3FF: // skin tones follow a person or hand
		if isEmoji(left) {
			f *= 20
		} else {
			f *= 0.01
		}
	}
	opening := strings.ContainsRune("“„‘‚«‹", r)
	closing := strings.ContainsRune("”’»›", r)
	wordy := func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }
	switch {
	case opening && !wordy(left) && wordy(right):
		f *= 3
	case opening && wordy(left):
		f *= 0.3
	case closing && (wordy(left) || unicode.IsPunct(left)) && !wordy(right):
		f *= 3
	case closing && !wordy(left) && wordy(right):
		f *= 0.3
	}
	if unicode.IsLetter(r) {
		for _, n := range [2]rune{left, right} {
			if !unicode.IsLetter(n) {
				continue
			}
			if sc := script(n); sc != script(r) {
				f *= 0.05
			} else if unicode.IsUpper(n) == unicode.IsUpper(r) {
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
