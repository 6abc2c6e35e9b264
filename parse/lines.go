package parse

import (
	"bytes"
	"sort"

	"github.com/bankgen/bankgen/bank"
)

// lineTable converts byte offsets into line:column positions, as
// go/token.File does: it records where every line starts.
type lineTable struct {
	file   string
	size   int
	starts []int // offset of the first byte of each line
	// at, when set, maps an offset to the line and column of the file as
	// read, before the encoding repair changed the text (see repair).
	at func(off int) (line, col int)
}

func newLineTable(file string, src []byte) lineTable {
	starts := make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		starts = append(starts, off)
	}
	return lineTable{file: file, size: len(src), starts: starts}
}

// pos returns the position of byte offset off. Columns count bytes from 1.
// A negative offset gives a position naming only the file; an offset past
// the end of the text lies on its last line.
func (t lineTable) pos(off int) bank.Pos {
	if off < 0 {
		return bank.Pos{File: t.file}
	}
	off = min(off, t.size)
	if t.at != nil {
		line, col := t.at(off)
		return bank.Pos{File: t.file, Line: line, Col: col}
	}
	i := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	return bank.Pos{File: t.file, Line: i + 1, Col: off - t.starts[i] + 1}
}
