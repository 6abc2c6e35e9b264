package parse

import (
	"sort"

	"github.com/bankgen/bankgen/bank"
)

// lineTable converts byte offsets into line:column positions, the way
// go/token.File does: it records where every line starts.
type lineTable struct {
	file   string
	starts []int
}

func newLineTable(file string, src []byte) lineTable {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineTable{file: file, starts: starts}
}

// pos returns the position of byte offset off. Columns count bytes from 1.
// A negative offset gives a position naming only the file.
func (t lineTable) pos(off int) bank.Pos {
	if off < 0 {
		return bank.Pos{File: t.file}
	}
	i := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	return bank.Pos{File: t.file, Line: i + 1, Col: off - t.starts[i] + 1}
}
