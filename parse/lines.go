package parse

import (
	"bytes"

	"github.com/bankgen/bankgen/bank"
)

// lineTable converts byte offsets into line:column positions. The walk
// asks for positions in document order, nearly always forwards and a
// little way at a time, so rather than record where every line starts
// (go/token.File's way, a slice the size of the file's line count) it
// keeps the last position found and counts the newlines from there, in
// either direction.
type lineTable struct {
	file string
	src  []byte
	at   *lineCursor // shared by copies of the table
}

// lineCursor is a position in src: line counts the newlines before off,
// and start is the offset just past the last of them.
type lineCursor struct{ off, line, start int }

func newLineTable(file string, src []byte) lineTable {
	return lineTable{file: file, src: src, at: &lineCursor{}}
}

// pos returns the position of byte offset off. Columns count bytes from 1.
// A negative offset gives a position naming only the file; an offset past
// the end of the text lies on its last line.
func (t lineTable) pos(off int) bank.Pos {
	if off < 0 {
		return bank.Pos{File: t.file}
	}
	end := min(off, len(t.src)) // the newlines that count are in src[:end]
	c := t.at
	switch {
	case end > c.off:
		seen := t.src[c.off:end]
		if n := bytes.Count(seen, []byte{'\n'}); n > 0 {
			c.line += n
			c.start = c.off + bytes.LastIndexByte(seen, '\n') + 1
		}
	case end < c.off:
		c.line -= bytes.Count(t.src[end:c.off], []byte{'\n'})
		c.start = bytes.LastIndexByte(t.src[:end], '\n') + 1
	}
	c.off = end
	return bank.Pos{File: t.file, Line: c.line + 1, Col: off - c.start + 1}
}
