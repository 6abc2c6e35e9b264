package sheet

import (
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/xuri/excelize/v2"
)

// countingTable is a table of n rows, each an ID linking to row i+1 and a
// number; yielded counts the rows handed out and stopped says whether
// the consumer ended the iteration early.
func countingTable(n int, yielded *atomic.Int64, stopped *atomic.Bool) table {
	return table{
		name: "T",
		cols: []column{{header: "ID", kind: colLink}, {header: "N", kind: colNum}},
		n:    n,
		rows: func(yield func([]cell) bool) {
			row := make([]cell, 2)
			for i := range n {
				row[0] = cell{text: "q" + strconv.Itoa(i), link: i + 1}
				row[1] = num(i)
				yielded.Add(1)
				if !yield(row) {
					stopped.Store(true)
					return
				}
			}
		},
	}
}

func TestPrepareRowsInOrder(t *testing.T) {
	st, err := newStyles(excelize.NewFile())
	if err != nil {
		t.Fatal(err)
	}
	var yielded atomic.Int64
	var stopped atomic.Bool
	n := 3*batchRows + 7
	full, release, stop := prepareRows(countingTable(n, &yielded, &stopped), st)
	defer stop()
	i := 0
	for b := range full {
		for j := range b.n {
			vals, links := b.row(j, 2)
			if b.first+j != i+2 || b.names[j] != "A"+strconv.Itoa(i+2) {
				t.Fatalf("row %d: first %d, name %q", i, b.first+j, b.names[j])
			}
			if v := vals[0].(*excelize.Cell).Value; v != "q"+strconv.Itoa(i) || links[0] != i+1 || links[1] != 0 {
				t.Fatalf("row %d: value %v, links %v", i, v, links)
			}
			if v := vals[1].(*excelize.Cell).Value; v != i {
				t.Fatalf("row %d: number %v", i, v)
			}
			i++
		}
		release(b)
	}
	if i != n || stopped.Load() {
		t.Errorf("got %d rows of %d, stopped early: %v", i, n, stopped.Load())
	}
}

// TestPrepareRowsStop checks that stop ends the reading of the bank: once
// it returns, no row is asked for again.
func TestPrepareRowsStop(t *testing.T) {
	st, err := newStyles(excelize.NewFile())
	if err != nil {
		t.Fatal(err)
	}
	var yielded atomic.Int64
	var stopped atomic.Bool
	full, _, stop := prepareRows(countingTable(100*batchRows, &yielded, &stopped), st)
	<-full // the consumer fails after one batch and does not release it
	stop()
	got := yielded.Load()
	if !stopped.Load() {
		t.Error("the rows' iteration was not ended")
	}
	if got >= 100*batchRows {
		t.Errorf("all %d rows were read", got)
	}
	stop() // a second call is harmless
	if yielded.Load() != got {
		t.Error("rows were read after stop returned")
	}
}
