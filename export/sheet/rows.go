package sheet

import (
	"strconv"
	"sync"

	"github.com/xuri/excelize/v2"
)

// batchRows is how many rows a rowBatch holds: enough that handing
// batches between goroutines costs little next to writing the rows.
const batchRows = 256

// rowBatch holds rows of a table made ready for the stream writer.
type rowBatch struct {
	n     int             // rows in the batch
	first int             // the sheet row of the first
	names []string        // per row: its first cell's name, "A2"
	cells []excelize.Cell // per cell, row by row
	vals  []any           // per cell: &cells[i], or nil for no cell
	links []int           // per cell: the Questions row it links to, or 0
	buf   []byte          // scratch for names
}

func newBatch(cols int) *rowBatch {
	return &rowBatch{
		names: make([]string, batchRows),
		cells: make([]excelize.Cell, batchRows*cols),
		vals:  make([]any, batchRows*cols),
		links: make([]int, batchRows*cols),
	}
}

// row returns row i's values and links.
func (b *rowBatch) row(i, cols int) (vals []any, links []int) {
	return b.vals[i*cols : (i+1)*cols], b.links[i*cols : (i+1)*cols]
}

// add sets the batch's next row, sheet row r, from cells.
func (b *rowBatch) add(r int, cells []cell, t table, st *styleSet) {
	cols := len(t.cols)
	if b.n == 0 {
		b.first = r
	}
	b.buf = strconv.AppendInt(append(b.buf[:0], 'A'), int64(r), 10)
	b.names[b.n] = string(b.buf)
	at := b.n * cols
	for i, c := range cells {
		b.vals[at+i] = nil
		// vals points into cells, so no cell is boxed on its own.
		if setValue(&b.cells[at+i], c, t.cols[i].kind, st) {
			b.vals[at+i] = &b.cells[at+i]
		}
		b.links[at+i] = c.link
	}
	b.n++
}

// prepareRows turns the table's rows, from sheet row 2 down, into
// batches on a goroutine of its own, so that reading the bank and
// preparing cell text overlaps with the stream writer's work. Full
// batches come out of the returned channel, in order, until it is
// closed; each must go back through release once used. stop ends the
// goroutine early and waits for it, so that the bank is no longer read
// once it returns; it must be called in any case.
func prepareRows(t table, st *styleSet) (full <-chan *rowBatch, release func(*rowBatch), stop func()) {
	const batches = 3 // one being filled, one being written, one spare
	out := make(chan *rowBatch, batches)
	free := make(chan *rowBatch, batches)
	for range batches {
		free <- newBatch(len(t.cols))
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(out)
		var b *rowBatch
		send := func() bool {
			select {
			case out <- b:
				b = nil
				return true
			case <-done:
				return false
			}
		}
		r := 1
		for cells := range t.rows {
			if b == nil {
				select {
				case b = <-free:
				case <-done:
					return
				}
			}
			r++
			b.add(r, cells, t, st)
			if b.n == batchRows && !send() {
				return
			}
		}
		if b != nil {
			send()
		}
	})
	var once sync.Once
	stop = func() {
		once.Do(func() { close(done) })
		wg.Wait()
	}
	release = func(b *rowBatch) {
		b.n = 0
		free <- b // never blocks: free holds every batch
	}
	return out, release, stop
}
