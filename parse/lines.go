package parse

import (
	"bytes"
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
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
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
