package fix

import (
	"math"
	"unicode/utf8"
)

// Line views: a line as it reads with the current choices, one cell per
// character with its display column, for the neighbours above and below a
// rebuilt character and for the column of a diagram's closing border. A run
// of ASCII is one cell (every ASCII byte is one column wide), so prose lines
// cost a few cells however long they are.

// cell is one character, or a run of ASCII bytes when n > 0.
type cell struct {
	r   rune  // the character (n == 0)
	n   int32 // ASCII run: its length in bytes
	col int   // display column of the first character
	off int   // ASCII run: byte offset of its first byte
}

type lineView struct {
	built  bool
	emoji  bool // holds an emoji outside the rebuild groups
	lo, hi int  // the cells, in viewSet.cells
	border int  // lastBorder, or -2 before it is computed
	hint   int  // the cell at's last answer: lookups go along the line
}

// viewSet holds the views built so far, by line.
type viewSet struct {
	views []lineView // per line
	cells []cell
}

func (vs *viewSet) reset(nLines, nCells int) {
	vs.views = resize(vs.views, nLines)
	vs.cells = room(vs.cells, nCells)
}

// drop forgets line's view, to be built again when asked for.
func (vs *viewSet) drop(line int) { vs.views[line].built = false }

func (s *repairer) view(line int) *lineView {
	v := &s.views.views[line]
	if v.built {
		return v
	}
	text := s.text
	start, end := s.lineStarts[line], s.lineEnd(line)
	if end > start && text[end-1] == '\r' {
		end--
	}
	*v = lineView{built: true, lo: len(s.views.cells), border: -2}
	cells := s.views.cells
	// The groups on this line.
	gi, ge := 0, 0
	if i := s.lineLR[line]; i > 0 {
		gi, ge = s.lrs[i-1].first, s.lrs[i-1].last
	}
	col := 0
	for i := start; i < end; {
		if gi < ge && s.groups[gi].start == i {
			g := &s.groups[gi]
			gi++
			if g.accept {
				g.cell = len(cells) - v.lo
				cells = append(cells, cell{r: g.x, col: col})
				col += s.width(g.x)
				i = g.end()
				continue
			}
		}
		if text[i] < utf8.RuneSelf {
			j := min(skipASCII(text[:end], i), i+math.MaxInt32) // n is an int32
			cells = append(cells, cell{n: int32(j - i), col: col, off: i})
			col += j - i
			i = j
			continue
		}
		r, n := utf8.DecodeRune(text[i:end])
		p := s.pc.get(r, pView)
		if p&pEmoji != 0 {
			v.emoji = true
		}
		cells = append(cells, cell{r: r, col: col})
		col += p.width()
		i += n
	}
	s.views.cells = cells
	v.hi = len(cells)
	return v
}

func (s *repairer) cellsOf(v *lineView) []cell { return s.views.cells[v.lo:v.hi] }

// first and last return the first and last character of c.
func (s *repairer) first(c *cell) rune {
	if c.n > 0 {
		return rune(s.text[c.off])
	}
	return c.r
}

func (s *repairer) last(c *cell) rune {
	if c.n > 0 {
		return rune(s.text[c.off+int(c.n)-1])
	}
	return c.r
}

// nbrs are the characters left, right, above and below a group (0 for
// none). Four fields rather than an array: they are passed in registers.
type nbrs struct{ left, right, up, down rune }

// neighbours returns the characters around g. Above and below are taken at
// g's display column, or, at the end of a horizontal run, one column off
// when the diagram's author misaligned it by one.
func (s *repairer) neighbours(v *lineView, g *group) nbrs {
	var nb nbrs
	cells := s.cellsOf(v)
	ci := g.cell
	if ci > 0 {
		nb.left = s.last(&cells[ci-1])
	}
	if ci+1 < len(cells) {
		nb.right = s.first(&cells[ci+1])
	}
	col := cells[ci].col
	// One column off only counts at the end of a horizontal run, where a
	// corner meets a misaligned wall.
	atEnd := nb.left == 0 || nb.left == ' ' || nb.right == 0 || nb.right == ' '
	if g.line > 0 {
		nb.up = s.vertical(s.view(g.line-1), col, atEnd, dirDown)
	}
	if g.line+1 < len(s.lineStarts) {
		nb.down = s.vertical(s.view(g.line+1), col, atEnd, dirUp)
	}
	return nb
}

// vertical returns the character of w at col; at the end of a run, where
// that is blank, one column off when it has an arm pointing in direction
// want (towards the group).
func (s *repairer) vertical(w *lineView, col int, atEnd bool, want int) rune {
	r := s.at(w, col)
	if (r == 0 || r == ' ') && atEnd {
		for _, c := range [2]int{col - 1, col + 1} {
			if a, ok := boxArmsOf(s.at(w, c)); ok && a[want] != armNone {
				return s.at(w, c)
			}
		}
	}
	return r
}

// at returns the character at display column col, or 0. Past the end of
// the line it is the line's last character.
func (s *repairer) at(v *lineView, col int) rune {
	if col < 0 {
		return 0
	}
	cells := s.cellsOf(v)
	// i is the last cell starting at or before col: a step or two from the
	// last answer when the columns come in order, else a binary search.
	i := v.hint
	if i < len(cells) && cells[i].col <= col {
		for n := 0; i+1 < len(cells) && cells[i+1].col <= col; n++ {
			if n == 4 {
				i = s.lastAtOrBefore(cells, col)
				break
			}
			i++
		}
	} else {
		i = s.lastAtOrBefore(cells, col)
	}
	if i < 0 {
		return 0
	}
	v.hint = i
	c := &cells[i]
	if c.n > 0 {
		return rune(s.text[c.off+min(col-c.col, int(c.n)-1)])
	}
	return c.r
}

// lastAtOrBefore returns the index of the last cell starting at or before
// col, or -1.
func (s *repairer) lastAtOrBefore(cells []cell, col int) int {
	lo, hi := 0, len(cells)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cells[m].col <= col {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// isBorder reports whether r can close a diagram line on the right.
func isBorder(r rune) bool {
	a, ok := boxArmsOf(r)
	return ok && (a[dirUp] != armNone || a[dirDown] != armNone)
}

// lastBorder returns the display column of the line's last non-space
// character when it is a vertical box-drawing border, else -1.
func (s *repairer) lastBorder(v *lineView) int {
	if v.border == -2 {
		v.border = s.findBorder(v)
	}
	return v.border
}

func (s *repairer) findBorder(v *lineView) int {
	cells := s.cellsOf(v)
	for i := len(cells) - 1; i >= 0; i-- {
		c := &cells[i]
		if c.n > 0 {
			for k := c.off + int(c.n) - 1; k >= c.off; k-- {
				if b := s.text[k]; b != ' ' && b != '\t' {
					return -1 // ASCII is never a border
				}
			}
			continue
		}
		if c.r == ' ' || c.r == '\t' {
			continue
		}
		if isBorder(c.r) {
			return c.col
		}
		return -1
	}
	return -1
}

// alignFactor favours a candidate whose width puts the line's closing
// border in the same column as on the nearest bordered lines above or below.
func (s *repairer) alignFactor(v *lineView, g *group, r rune) float64 {
	end := s.lastBorder(v)
	if end < 0 || end <= s.cellsOf(v)[g.cell].col {
		return 1
	}
	end += s.width(r) - s.width(g.x)
	for _, step := range [2]int{-1, 1} {
		for l, n := g.line+step, 0; l >= 0 && l < len(s.lineStarts) && n < 3; l, n = l+step, n+1 {
			if c := s.lastBorder(s.view(l)); c >= 0 {
				if c == end {
					return 4
				}
				break
			}
		}
	}
	return 1
}
