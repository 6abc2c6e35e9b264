package fix

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"
)

// maxRounds bounds the rounds of mojibake undone. Text damaged three times is
// already rare; each round only shortens the text, so the bound is never the
// reason for stopping in practice.
const maxRounds = 4

type options struct {
	normalizeNewlines bool
	minConf           float64
}

// Option configures Bytes, Copy and File.
type Option func(*options)

// NormalizeNewlines turns CRLF line endings into LF. By default line endings
// are kept as they are, so that clean text comes out byte-identical.
func NormalizeNewlines() Option { return func(o *options) { o.normalizeNewlines = true } }

// MinConfidence makes repairs whose confidence is below c stay undone (they
// are reported as Suspect instead). The default, 0, applies every repair the
// evidence supports.
func MinConfidence(c float64) Option { return func(o *options) { o.minConf = c } }

// Bytes repairs src and reports what it found and did. It never panics and
// never fails: what cannot be repaired is left as is and reported.
//
// When nothing needs doing the result is src itself, not a copy; otherwise
// it is a new slice. The result is valid UTF-8 whenever src is valid UTF-8,
// UTF-16 or plain Windows-1252; invalid bytes in otherwise-UTF-8 input are
// kept. Repairing the result again changes nothing.
func Bytes(src []byte, opts ...Option) ([]byte, *Report) {
	var o options
	for _, f := range opts {
		f(&o)
	}
	rep := &Report{}
	text, enc, bad := decodeInput(src)
	rep.Encoding = enc
	rep.Newlines = countNewlines(text)
	rep.Repairs = bad
	base := text

	// Every later step records edits, to report positions in base.
	var history [][]edit
	var repairs []Repair
	cur, boms := stripBOMs(text, utf8.Valid(text))
	if boms != nil {
		repairs = append(repairs, boms.repairs...)
		history = append(history, boms.edits)
	}
	for round := 1; round <= maxRounds; round++ {
		res := repairRound(cur, &o)
		if res == nil {
			break
		}
		add := make([]spanned, 0, len(res.repairs))
		for _, r := range res.repairs {
			if r.Kind == Suspect && round > 1 {
				continue // already judged in round 1
			}
			add = append(add, mapRepair(r, history))
		}
		repairs = mergeRound(repairs, add, base)
		if len(res.edits) == 0 {
			break
		}
		history = append(history, res.edits)
		cur = res.out
		rep.Rounds = round
	}
	out := cur
	// Replacements as they read in the final text.
	for i := range repairs {
		r := &repairs[i]
		if r.Kind == Mojibake || r.Kind == Rebuilt {
			s, e := r.Offset, r.Offset+len(r.Damaged)
			for _, ed := range history {
				s, e = mapForward(ed, s, true), mapForward(ed, e, false)
			}
			r.Replacement = string(out[s:e])
		}
	}
	rep.Repairs = append(rep.Repairs, repairs...)
	if o.normalizeNewlines && rep.Newlines.CRLF > 0 {
		out = bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n"))
		rep.Newlines.Normalized = true
	}
	locate(rep.Repairs, base)
	rep.Changed = !bytes.Equal(out, src)
	if !rep.Changed {
		out = src
	}
	return out, rep
}

// stripBOMs removes BOMs (U+FEFF) and the mojibake of a BOM ("ï»¿") from
// the start of valid text: a second BOM after the first, or one that went
// through Windows-1252, is never content.
func stripBOMs(text []byte, valid bool) ([]byte, *roundResult) {
	if !valid {
		return text, nil
	}
	var res *roundResult
	off := 0
	for {
		var n int
		var cp string
		switch {
		case bytes.HasPrefix(text[off:], []byte("\uFEFF")):
			n = 3
		case bytes.HasPrefix(text[off:], []byte("ï»¿")):
			n, cp = len("ï»¿"), "windows-1252"
		default:
			if res == nil {
				return text, nil
			}
			res.edits = []edit{{0, off, 0, 0}}
			return text[off:], res
		}
		if res == nil {
			res = &roundResult{}
		}
		res.repairs = append(res.repairs, Repair{Offset: off, Damaged: string(text[off : off+n]), CodePage: cp, Kind: Mojibake, Confidence: 1, Rounds: 1})
		off += n
	}
}

// mapBack maps offset pos of a text after edits to the text before them.
// left says pos starts a span (an offset inside an edit maps to the edit's
// start), else it ends one (maps to the edit's end).
func mapBack(edits []edit, pos int, left bool) int {
	return mapPos(edits, pos, left, func(e edit) (from0, from1, to0, to1 int) { return e.dst0, e.dst1, e.src0, e.src1 })
}

// mapForward maps offset pos of a text before edits to the text after them.
func mapForward(edits []edit, pos int, left bool) int {
	return mapPos(edits, pos, left, func(e edit) (from0, from1, to0, to1 int) { return e.src0, e.src1, e.dst0, e.dst1 })
}

func mapPos(edits []edit, pos int, left bool, side func(edit) (int, int, int, int)) int {
	if left {
		i := sort.Search(len(edits), func(i int) bool { _, f1, _, _ := side(edits[i]); return f1 > pos })
		if i < len(edits) {
			if f0, _, t0, _ := side(edits[i]); f0 <= pos {
				return t0
			}
		}
	} else {
		i := sort.Search(len(edits), func(i int) bool { _, f1, _, _ := side(edits[i]); return f1 >= pos })
		if i < len(edits) {
			if f0, _, _, t1 := side(edits[i]); f0 < pos {
				return t1
			}
		}
	}
	k := sort.Search(len(edits), func(i int) bool { _, f1, _, _ := side(edits[i]); return f1 > pos }) - 1
	if k < 0 {
		return pos
	}
	_, f1, _, t1 := side(edits[k])
	return pos - f1 + t1
}

// spanned is a repair with its span in the base text.
type spanned struct {
	r    Repair
	s, e int
}

// mapRepair maps r's span back through history to the base text.
func mapRepair(r Repair, history [][]edit) spanned {
	s, e := r.Offset, r.Offset+len(r.Damaged)
	for i := len(history) - 1; i >= 0; i-- {
		s, e = mapBack(history[i], s, true), mapBack(history[i], e, false)
	}
	return spanned{r, s, e}
}

// mergeRound adds the repairs of a round (sorted) to those of the earlier
// rounds (sorted), replacing the earlier ones a new one covers: text that
// was damaged twice is one repair of two rounds.
func mergeRound(old []Repair, add []spanned, base []byte) []Repair {
	out := make([]Repair, 0, len(old)+len(add))
	i := 0
	for _, a := range add {
		for i < len(old) && old[i].Offset < a.s {
			out = append(out, old[i])
			i++
		}
		r := a.r
		r.Offset = a.s
		r.Damaged = string(base[a.s:a.e])
		if r.Kind == Suspect {
			r.Replacement = r.Damaged
		} else {
			for i < len(old) && old[i].Offset+len(old[i].Damaged) <= a.e {
				if old[i].Kind == Suspect {
					i++
					continue
				}
				r.Rounds = max(r.Rounds, old[i].Rounds+1)
				if old[i].Kind == Rebuilt {
					r.Kind = Rebuilt
				}
				r.Confidence = min(r.Confidence, old[i].Confidence)
				i++
			}
		}
		out = append(out, r)
	}
	return append(out, old[i:]...)
}

// locate fills in Line and Col from Offset.
func locate(reps []Repair, base []byte) {
	if len(reps) == 0 {
		return
	}
	starts := lineStarts(base)
	for i := range reps {
		l := sort.SearchInts(starts, reps[i].Offset+1) - 1
		reps[i].Line = l + 1
		reps[i].Col = reps[i].Offset - starts[l] + 1
	}
	sort.SliceStable(reps, func(i, j int) bool { return reps[i].Offset < reps[j].Offset })
}

// Copy reads all of r, repairs it and writes the result to w. It reads the
// whole input first: the context of a repair (a diagram, the same character
// elsewhere, the code page used through the document) spans lines.
func Copy(w io.Writer, r io.Reader, opts ...Option) (*Report, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	out, rep := Bytes(src, opts...)
	_, err = w.Write(out)
	return rep, err
}

// File repairs the file at path in place. It writes only when the text
// changes, and then atomically: to a temporary file in the same directory,
// synced, then renamed over the original, keeping its permissions. On error
// the original is left untouched.
func File(path string, opts ...Option) (*Report, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out, rep := Bytes(src, opts...)
	if !rep.Changed {
		return rep, nil
	}
	return rep, WriteFileAtomic(path, out)
}

// WriteFileAtomic replaces the file at path with data atomically, keeping
// the permissions of the file it replaces (0644 for a new file).
func WriteFileAtomic(path string, data []byte) (err error) {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".fix-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
