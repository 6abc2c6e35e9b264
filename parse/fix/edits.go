package fix

import "sort"

// span is the byte range [s, e) of a text.
type span struct{ s, e int }

// editMap records one step's edits: src[i] of the step's input became
// dst[i] of its output. It maps offsets between the two.
type editMap struct {
	src, dst []span
	repl     [][]byte // what each edit replaced, for revert
}

// applyEdits makes the edits (sorted, not overlapping) to text.
func applyEdits(text []byte, edits []edit) ([]byte, editMap) {
	m := editMap{src: make([]span, len(edits)), dst: make([]span, len(edits)), repl: make([][]byte, len(edits))}
	out := make([]byte, 0, len(text))
	last := 0
	for i, e := range edits {
		out = append(out, text[last:e.start]...)
		m.src[i] = span{e.start, e.end}
		m.dst[i] = span{len(out), len(out) + len(e.repl)}
		m.repl[i] = text[e.start:e.end]
		out = append(out, e.repl...)
		last = e.end
	}
	return append(out, text[last:]...), m
}

// revert returns the input of the step, given its output.
func (m editMap) revert(out []byte) []byte {
	in := make([]byte, 0, len(out))
	last := 0
	for i, d := range m.dst {
		in = append(in, out[last:d.s]...)
		in = append(in, m.repl[i]...)
		last = d.e
	}
	return append(in, out[last:]...)
}

// back maps offset off of the output to the input; fwd the other way. An
// offset inside an edit maps to the start of the edit on the other side,
// or to its end when end is set (off ends a span).
func (m editMap) back(off int, end bool) int { return mapOffset(m.dst, m.src, off, end) }
func (m editMap) fwd(off int, end bool) int  { return mapOffset(m.src, m.dst, off, end) }

func mapOffset(from, to []span, off int, end bool) int {
	// i is the first edit that ends after off (or at off, for an end).
	i := sort.Search(len(from), func(i int) bool {
		if end {
			return from[i].e >= off && from[i].e > from[i].s || from[i].e > off
		}
		return from[i].e > off
	})
	if i < len(from) {
		f := from[i]
		if !end && f.s <= off {
			return to[i].s
		}
		if end && f.s < off {
			return to[i].e
		}
	}
	if i == 0 {
		return off
	}
	return off - from[i-1].e + to[i-1].e
}
