package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
)

var errPDF = errors.New("pdf: internal error: unexpected PDF structure from fpdf")

// assembler is the io.Writer that fpdf's Output writes the finished
// document to. It writes the document to w with the content stream of
// each page replaced by pages[i], and the other uncompressed streams
// compressed. fpdf writes its buffer in one call (bytes.Buffer.WriteTo);
// assembler relies on that rather than copying the document, and fails
// on a second call.
type assembler struct {
	w     io.Writer
	pages [][]byte // compressed content streams, in page order
	done  bool
}

func (a *assembler) Write(p []byte) (int, error) {
	if a.done {
		return 0, errPDF
	}
	a.done = true
	if err := assemble(a.w, p, a.pages); err != nil {
		return 0, err
	}
	return len(p), nil
}

// object is one indirect object of the PDF: its number and its bytes,
// from "N 0 obj" to "endobj\n".
type object struct {
	num  int
	data []byte
}

var contentsRef = regexp.MustCompile(`^\d+ 0 obj\n<</Type /Page\n(?:.*\n)*?/Contents (\d+) 0 R>>\n`)

// assemble writes src, a PDF as fpdf writes it with compression off,
// with page content streams replaced and other streams compressed.
//
// fpdf's output is a header, the objects one after another, a
// cross-reference table ("xref", "0 N", N entries of 20 bytes), the
// trailer dictionary and "startxref\n<offset>\n%%EOF\n". The objects are
// found through the table, so nothing inside them (font data) is parsed.
func assemble(w io.Writer, src []byte, pages [][]byte) error {
	i := bytes.LastIndex(src, []byte("startxref\n"))
	if i < 0 {
		return errPDF
	}
	xref, err := strconv.Atoi(string(bytes.TrimSuffix(bytes.TrimSpace(src[i+len("startxref\n"):]), []byte("\n%%EOF"))))
	if err != nil || xref <= 0 || xref >= i {
		return fmt.Errorf("%w: startxref", errPDF)
	}
	table := src[xref:i]
	var n int
	if _, err := fmt.Sscanf(string(table[:min(len(table), 32)]), "xref\n0 %d\n", &n); err != nil || n < 1 {
		return fmt.Errorf("%w: xref", errPDF)
	}
	head := bytes.Index(table, []byte("\n0000000000 65535 f \n"))
	if head < 0 || len(table) < head+1+20*n {
		return fmt.Errorf("%w: xref entries", errPDF)
	}
	entries := table[head+1 : head+1+20*n]
	trailer := table[head+1+20*n:]
	objs := make([]object, n)
	offs := make([]int, n)
	order := make([]int, 0, n-1)
	for k := 1; k < n; k++ {
		off, err := strconv.Atoi(string(entries[20*k : 20*k+10]))
		if err != nil || off <= 0 || off >= xref {
			return fmt.Errorf("%w: object %d offset", errPDF, k)
		}
		objs[k].num, offs[k] = k, off
		order = append(order, k)
	}
	slices.SortFunc(order, func(a, b int) int { return offs[a] - offs[b] })
	for k, o := range order {
		end := xref
		if k+1 < len(order) {
			end = offs[order[k+1]]
		}
		objs[o].data = src[offs[o]:end]
		if !bytes.HasPrefix(objs[o].data, []byte(strconv.Itoa(o)+" 0 obj\n")) {
			return fmt.Errorf("%w: object %d", errPDF, o)
		}
	}
	header := src[:offs[order[0]]]

	// Which object is the content stream of which page: page objects
	// come in page order.
	pageOf := map[int]int{}
	for _, o := range order {
		if m := contentsRef.FindSubmatch(objs[o].data); m != nil {
			c, _ := strconv.Atoi(string(m[1]))
			if c <= 0 || c >= n {
				return fmt.Errorf("%w: page contents", errPDF)
			}
			pageOf[c] = len(pageOf)
		}
	}
	if len(pageOf) != len(pages) {
		return fmt.Errorf("%w: %d pages, %d content streams", errPDF, len(pageOf), len(pages))
	}
	// The content streams name fonts by the names fpdf gave them.
	if len(objs) < 3 || !bytes.Contains(objs[2].data, []byte("/Font <<")) {
		return fmt.Errorf("%w: resources", errPDF)
	}
	for _, id := range fontIDs {
		if !bytes.Contains(objs[2].data, []byte("/"+id+" ")) {
			return fmt.Errorf("%w: font %s not in resources", errPDF, id)
		}
	}

	out := &countingWriter{w: w}
	out.Write(header)
	newOffs := make([]int, n)
	const batch = 64
	for start := 0; start < len(order); start += batch {
		part := order[start:min(start+batch, len(order))]
		res := make([][]byte, len(part))
		parallelWorkers(len(part), maxWorkers(), func(_, k int) {
			o := objs[part[k]]
			if p, ok := pageOf[o.num]; ok {
				res[k] = streamObject(o.num, pages[p])
			} else {
				res[k] = deflateObject(o)
			}
		})
		for k, o := range part {
			newOffs[o] = out.n
			if res[k] != nil {
				out.Write(res[k])
			} else {
				out.Write(objs[o].data)
			}
		}
	}
	start := out.n
	var tb bytes.Buffer
	fmt.Fprintf(&tb, "xref\n0 %d\n0000000000 65535 f \n", n)
	for _, off := range newOffs[1:] {
		fmt.Fprintf(&tb, "%010d 00000 n \n", off)
	}
	tb.Write(trailer)
	fmt.Fprintf(&tb, "startxref\n%d\n%%%%EOF\n", start)
	out.Write(tb.Bytes())
	return out.err
}

// streamObject returns object num as a Flate-compressed stream of data.
func streamObject(num int, data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) + 96)
	fmt.Fprintf(&b, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", num, len(data))
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	return b.Bytes()
}

var zpool = sync.Pool{New: func() any {
	z, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return z
}}

// deflateObject returns o with its stream compressed if it is an
// uncompressed stream ("<</Length N>>"), else nil.
func deflateObject(o object) []byte {
	const pre, post = "<</Length ", ">>\nstream\n"
	const end = "\nendstream\nendobj\n"
	d := o.data
	h := bytes.IndexByte(d, '\n') + 1
	if !bytes.HasPrefix(d[h:], []byte(pre)) || !bytes.HasSuffix(d, []byte(end)) {
		return nil
	}
	rest := d[h+len(pre):]
	j := bytes.Index(rest, []byte(post))
	if j < 0 {
		return nil
	}
	length, err := strconv.Atoi(string(rest[:j]))
	body := rest[j+len(post) : len(rest)-len(end)]
	if err != nil || length != len(body) {
		return nil
	}
	var buf bytes.Buffer
	z := zpool.Get().(*zlib.Writer)
	z.Reset(&buf)
	z.Write(body)
	z.Close()
	zpool.Put(z)
	return streamObject(o.num, buf.Bytes())
}

func maxWorkers() int { return runtime.GOMAXPROCS(0) }

// parallelWorkers calls f(worker, i) for every i in [0, n) on at most
// workers goroutines, worker being the goroutine's number. A panic in f
// is re-raised in the caller.
func parallelWorkers(n, workers int, f func(worker, i int)) {
	workers = max(1, min(workers, n))
	var (
		wg     sync.WaitGroup
		next   atomic.Int64
		mu     sync.Mutex
		panicV any
	)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					if panicV == nil {
						panicV = r
					}
					mu.Unlock()
				}
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(w, i)
			}
		}()
	}
	wg.Wait()
	if panicV != nil {
		panic(panicV)
	}
}

// countingWriter counts what it writes and keeps the first error.
type countingWriter struct {
	w   io.Writer
	n   int
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	m, err := c.w.Write(p)
	c.n += m
	c.err = err
	return m, err
}
