package anki

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/go-fonts/dejavu/dejavusansmono"
)

// A package (.apkg) is a zip archive of the collection, the media files
// named "0", "1", … and the "media" map from those names to the real file
// names. With no "meta" entry and no "collection.anki21", Anki reads it as
// a legacy package whose collection is "collection.anki2" in schema 11
// (rslib import_export/package/meta.rs).

// writePackage writes the zip. Entries come in a fixed order, every one
// stamped with the same modification time, so the same collection gives
// the same bytes. With store, the collection is stored uncompressed.
func writePackage(w io.Writer, col []byte, withFont, store bool, modified time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return newDeflater(w), nil
	})
	media := "{}"
	entries := []struct {
		name string
		data []byte
	}{{"collection.anki2", col}}
	if withFont {
		media = `{"0":"` + fontFile + `"}`
		entries = append(entries, struct {
			name string
			data []byte
		}{"0", dejavusansmono.TTF})
	}
	entries = append(entries, struct {
		name string
		data []byte
	}{"media", []byte(media)})
	for i, e := range entries {
		method := zip.Deflate
		if i == 0 && store {
			method = zip.Store
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{
			Name:     e.name,
			Method:   method,
			Modified: modified.UTC(),
		})
		if err != nil {
			return err
		}
		if _, err := fw.Write(e.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// A deflater compresses like flate.NewWriter(w, flate.BestSpeed), but
// on every CPU: the input is cut into fixed-size chunks, each compressed
// on its own and ended with a sync flush (the last one with the final
// block), and the results are written in order. Together they form one
// valid DEFLATE stream, as pigz does. Chunk boundaries depend only on the
// input, so the output is the same on any machine with this Go version.
type deflater struct {
	w    io.Writer
	buf  []byte
	sem  chan struct{}
	jobs []*chunk // dispatched, not yet written
	err  error
}

type chunk struct {
	done chan struct{}
	out  bytes.Buffer
	err  error
}

const chunkSize = 1 << 20

var flatePool = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return fw
}}

// bufPool holds chunk buffers as *[]byte, so that putting one back does
// not allocate.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, chunkSize); return &b }}

func getBuf() []byte { return (*bufPool.Get().(*[]byte))[:0] }

func putBuf(b []byte) {
	b = b[:0]
	bufPool.Put(&b)
}

func newDeflater(w io.Writer) *deflater {
	return &deflater{
		w:   w,
		buf: getBuf(),
		sem: make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
}

func (d *deflater) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && d.err == nil {
		k := min(chunkSize-len(d.buf), len(p))
		d.buf = append(d.buf, p[:k]...)
		p = p[k:]
		if len(d.buf) == chunkSize {
			d.dispatch(false)
		}
	}
	if d.err != nil {
		return 0, d.err
	}
	return n, nil
}

// dispatch compresses the current chunk in the background, after
// writing out the chunks that are done.
func (d *deflater) dispatch(final bool) {
	d.sem <- struct{}{}
	c := &chunk{done: make(chan struct{})}
	in := d.buf
	d.buf = getBuf()
	d.jobs = append(d.jobs, c)
	go func() {
		defer func() { <-d.sem; close(c.done) }()
		fw := flatePool.Get().(*flate.Writer)
		fw.Reset(&c.out)
		if _, err := fw.Write(in); err != nil {
			c.err = err
		} else if final {
			c.err = fw.Close()
		} else {
			c.err = fw.Flush()
		}
		flatePool.Put(fw)
		putBuf(in)
	}()
	d.drain(false)
}

// drain writes finished chunks in order; with wait, it waits for all.
func (d *deflater) drain(wait bool) {
	for len(d.jobs) > 0 {
		c := d.jobs[0]
		if !wait {
			select {
			case <-c.done:
			default:
				return
			}
		}
		<-c.done
		if d.err == nil {
			d.err = c.err
		}
		if d.err == nil {
			_, d.err = d.w.Write(c.out.Bytes())
		}
		d.jobs = d.jobs[1:]
	}
}

// Close compresses the rest, with the final block, and writes it all. It
// does not close the underlying writer.
func (d *deflater) Close() error {
	if d.err == nil {
		d.dispatch(true)
	}
	d.drain(true)
	return d.err
}
