package fix

import "bytes"

// The layout of a Markdown text as far as the evidence for a repair goes:
// its lines, the regions damage comes in (a paragraph, a fenced block) and
// which bytes are code. Damage is applied to whole files or whole
// paragraphs, so a region is either damaged throughout or not at all; code
// is quoted material, repaired only when the prose around it is damaged.

// zone says what kind of text a byte is in.
type zone uint8

const (
	prose  zone = iota
	inline      // an inline code span
	fence       // a fenced code block
)

type line struct {
	start, end int // the line, without its line ending
	region     int
	fenced     bool
	code       []span // inline code spans on the line
}

type layout struct {
	lines    []line
	nRegions int
}

// regionSpan returns the start and end of the region that line l is in.
func (l *layout) regionSpan(li int) (start, end int) {
	r := l.lines[li].region
	lo, hi := li, li
	for lo > 0 && l.lines[lo-1].region == r {
		lo--
	}
	for hi+1 < len(l.lines) && l.lines[hi+1].region == r {
		hi++
	}
	return l.lines[lo].start, l.lines[hi].end
}

// layoutOf reads the layout of text.
func layoutOf(text []byte) *layout {
	l := &layout{lines: make([]line, 0, bytes.Count(text, []byte{'\n'})+1)}
	region := 0
	blank := true
	var fenceChar byte
	fenceLen := 0
	for start := 0; start <= len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		next := start + end + 1
		if end < 0 {
			end, next = len(text), len(text)+1
		} else {
			end += start
		}
		body := bytes.TrimRight(text[start:end], " \t\r")
		ln := line{start: start, end: end}
		c, n := fenceMark(body)
		switch {
		case fenceLen > 0:
			ln.fenced = true
			if c == fenceChar && n >= fenceLen && len(bytes.Trim(body, " \t"+string(c))) == 0 {
				fenceLen = 0
			}
		case n >= 3:
			fenceChar, fenceLen = c, n
			ln.fenced = true
			region++ // a fence is a region of its own
		case len(body) == 0:
			if !blank {
				region++
			}
		default:
			ln.code = codeSpans(text, start, end)
		}
		if !ln.fenced && len(l.lines) > 0 && l.lines[len(l.lines)-1].fenced {
			region++ // the text after a fence starts a new region
		}
		blank = len(body) == 0
		ln.region = region
		l.lines = append(l.lines, ln)
		start = next
	}
	l.nRegions = region + 1
	return l
}

// fenceMark returns the fence character and the length of the run of it
// that opens line (after up to three spaces), or 0, 0.
func fenceMark(body []byte) (byte, int) {
	i := 0
	for i < len(body) && i < 3 && body[i] == ' ' {
		i++
	}
	if i >= len(body) || body[i] != '`' && body[i] != '~' {
		return 0, 0
	}
	c := body[i]
	n := 0
	for i+n < len(body) && body[i+n] == c {
		n++
	}
	if c == '`' && bytes.IndexByte(body[i+n:], '`') >= 0 {
		return 0, 0 // an inline span, not a fence
	}
	return c, n
}

// codeSpans returns the inline code spans of text[start:end]: a run of
// backticks up to the next run of the same length on the line.
func codeSpans(text []byte, start, end int) []span {
	var out []span
	for i := start; i < end; {
		k := bytes.IndexByte(text[i:end], '`') // lines are mostly without code
		if k < 0 {
			break
		}
		i += k
		n := 0
		for i+n < end && text[i+n] == '`' {
			n++
		}
		closed := false
		for j := i + n; j < end; {
			k := bytes.IndexByte(text[j:end], '`')
			if k < 0 {
				break
			}
			j += k
			m := 0
			for j+m < end && text[j+m] == '`' {
				m++
			}
			if m == n {
				out = append(out, span{i, j + m})
				i, closed = j+m, true
				break
			}
			j += m
		}
		if !closed {
			i += n
		}
	}
	return out
}

// zoneAt returns the zone of the byte at off on line ln.
func (ln *line) zoneAt(off int) zone {
	if ln.fenced {
		return fence
	}
	for _, s := range ln.code {
		if s.s <= off && off < s.e {
			return inline
		}
	}
	return prose
}
