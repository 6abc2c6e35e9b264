package fix

import (
	"bytes"
	"io"
	"slices"
	"strings"
)

// maxRounds bounds the rounds of mojibake undone. Text damaged three times is
// already rare; each round only shortens the text, so the bound is never the
// reason for stopping in practice.
const maxRounds = 4

type options struct {
	normalizeNewlines bool
	brief             bool
	minConf           float64
}

// Option configures Bytes and Copy.
type Option func(*options)

// NormalizeNewlines turns CRLF line endings into LF. By default line endings
// are kept as they are, so that clean text comes out byte-identical.
func NormalizeNewlines() Option { return func(o *options) { o.normalizeNewlines = true } }

// Brief leaves the repairs that were made (Mojibake and Rebuilt) out of
// Report.Repairs and only counts them, so Count and Summary are unchanged.
// The places left damaged (Undecodable and Suspect) are still listed. It
// is for callers that show a summary and what needs a person's eye: a
// long damaged document has a hundred thousand repairs, and building
// their strings costs a sixth of the repair.
func Brief() Option { return func(o *options) { o.brief = true } }

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

	// The common case, UTF-8 without a BOM, needs no decoding: one pass
	// checks that it is valid and scans it for damage at once. Clean text
	// stops there.
	s := newRepairer(&o)
	defer s.release()
	scanned := false // the first round's scan is done
	var text []byte
	var bad []Repair
	valid := false
	if !bomStart(src) {
		s.begin(src)
		if found, invalid := s.scan(true); !invalid {
			rep.Encoding = UTF8
			if !found {
				return finishClean(src, rep, &o)
			}
			text, valid, scanned = src, true, true
		}
	}
	if !scanned {
		text, rep.Encoding, bad, valid = decodeInput(src)
	}
	rep.Newlines = countNewlines(text)
	rep.Repairs = bad
	base := text

	// Every later step records edits, to report positions in base.
	var history [][]edit
	var repairs []fixRec
	cur, boms := stripBOMs(text, valid)
	if boms != nil {
		repairs = append(repairs, boms.repairs...)
		history = append(history, boms.edits)
	}
	unsettled := false // the rounds ran out before the text settled
	for round := 1; round <= maxRounds; round++ {
		var res *roundResult
		if scanned {
			res = s.finish(round)
			scanned = false
		} else {
			res = s.round(cur, round)
		}
		if res == nil {
			break
		}
		add := res.repairs[:0] // filtered in place
		back := make([]posMap, len(history))
		for i := range history {
			back[i] = posMap{edits: history[i], back: true}
		}
		for _, r := range res.repairs {
			if r.kind == Suspect && round > 1 {
				continue // already judged in round 1
			}
			// The span in base.
			for i := len(back) - 1; i >= 0; i-- {
				r.s, r.e = back[i].at(r.s, true), back[i].at(r.e, false)
			}
			add = append(add, r)
		}
		repairs = mergeRound(repairs, add)
		if len(res.edits) == 0 {
			break
		}
		history = append(history, res.edits)
		cur = res.out
		rep.Rounds = round
		if !res.more {
			break // the next round would find nothing
		}
		unsettled = round == maxRounds
	}
	if unsettled {
		// Text damaged more often than maxRounds (only ever seen in
		// fuzzed input) would be repaired a little further by every
		// call. Handing back a half-way state would break "repairing
		// twice equals repairing once", so nothing is repaired.
		return giveUp(src, base, rep, &o)
	}
	out := cur
	if o.brief {
		repairs = countMade(rep, repairs)
	}
	rep.Repairs = s.reportRepairs(rep.Repairs, repairs, history, base, out)
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

// giveUp returns the decoded input unrepaired, reporting why.
func giveUp(src, base []byte, rep *Report, o *options) ([]byte, *Report) {
	out := base
	if o.normalizeNewlines && rep.Newlines.CRLF > 0 {
		out = bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n"))
		rep.Newlines.Normalized = true
	}
	rep.Rounds = 0
	rep.Repairs = append(rep.Repairs, Repair{
		Line: 1, Col: 1, Damaged: "", Replacement: "", Kind: Suspect, Confidence: 1,
	})
	locate(rep.Repairs, base)
	rep.Changed = !bytes.Equal(out, src)
	if !rep.Changed {
		out = src
	}
	return out, rep
}

// bomStart reports whether src starts with a byte-order mark or the
// mojibake of one, which the fast path leaves to decodeInput and stripBOMs.
func bomStart(src []byte) bool {
	return bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) ||
		bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte("ï»¿"))
}

// finishClean reports on valid UTF-8 with nothing to repair.
func finishClean(src []byte, rep *Report, o *options) ([]byte, *Report) {
	rep.Newlines = countNewlines(src)
	out := src
	if o.normalizeNewlines && rep.Newlines.CRLF > 0 {
		out = bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n"))
		rep.Newlines.Normalized = true
		rep.Changed = !bytes.Equal(out, src)
		if !rep.Changed {
			out = src
		}
	}
	return out, rep
}

// countMade counts the Mojibake and Rebuilt records in rep and returns
// the others, filtered in place.
func countMade(rep *Report, recs []fixRec) []fixRec {
	kept := recs[:0]
	for _, r := range recs {
		if r.kind == Mojibake || r.kind == Rebuilt {
			rep.made[r.kind]++
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

// reportRepairs turns the records into Repairs, with Damaged as found in
// base and Replacement as it reads in the final text out. The strings are
// cut from one buffer: a long damaged document has a hundred thousand.
func (s *repairer) reportRepairs(reps []Repair, recs []fixRec, history [][]edit, base, out []byte) []Repair {
	if len(recs) == 0 {
		return reps
	}
	fwd := make([]posMap, len(history))
	for i := range history {
		fwd[i] = posMap{edits: history[i]}
	}
	// Replacement spans in out, for the repairs that replaced something.
	s.spanBuf = room(s.spanBuf, len(recs))[:len(recs)]
	spans := s.spanBuf
	total := 0
	for i, r := range recs {
		total += r.e - r.s
		if r.kind == Mojibake || r.kind == Rebuilt {
			a, b := r.s, r.e
			for k := range fwd {
				a, b = fwd[k].at(a, true), fwd[k].at(b, false)
			}
			spans[i] = [2]int{a, b}
			total += b - a
		}
	}
	var b strings.Builder
	b.Grow(total)
	for i, r := range recs {
		b.Write(base[r.s:r.e])
		if sp := spans[i]; r.kind == Mojibake || r.kind == Rebuilt {
			b.Write(out[sp[0]:sp[1]])
		}
	}
	all := b.String()
	if len(reps) == 0 {
		reps = make([]Repair, 0, len(recs))
	} else {
		reps = slices.Grow(reps, len(recs))
	}
	off := 0
	for i, r := range recs {
		reps = append(reps, Repair{})
		p := &reps[len(reps)-1]
		p.Offset, p.Kind, p.Confidence, p.Rounds = r.s, r.kind, r.conf, int(r.rounds)
		if r.cp >= 0 {
			p.CodePage = codePages[r.cp].name
		}
		p.Damaged = all[off : off+r.e-r.s]
		off += r.e - r.s
		switch r.kind {
		case Mojibake, Rebuilt:
			n := spans[i][1] - spans[i][0]
			p.Replacement = all[off : off+n]
			off += n
		case Suspect:
			p.Replacement = p.Damaged
		}
	}
	return reps
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
		var cp int8
		switch {
		case bytes.HasPrefix(text[off:], []byte("\uFEFF")):
			n, cp = 3, -1
		case bytes.HasPrefix(text[off:], []byte("ï»¿")):
			n, cp = len("ï»¿"), 0 // windows-1252
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
		res.repairs = append(res.repairs, fixRec{s: off, e: off + n, cp: cp, kind: Mojibake, conf: 1, rounds: 1})
		off += n
	}
}

// posMap maps offsets through one round's edits: of the text before them
// to the text after (or back, the other way). Offsets asked for in order
// are found from the last answer, in constant time.
type posMap struct {
	edits []edit
	back  bool
	hint  int
}

// ends returns the start and end of edit i on the side mapped from, and the
// start and end on the side mapped to.
func (m *posMap) ends(i int) (from0, from1, to0, to1 int) {
	e := &m.edits[i]
	if m.back {
		return e.dst0, e.dst1, e.src0, e.src1
	}
	return e.src0, e.src1, e.dst0, e.dst1
}

// at maps pos. left says pos starts a span (an offset inside an edit maps
// to the edit's start), else it ends one (maps to the edit's end).
func (m *posMap) at(pos int, left bool) int {
	n := len(m.edits)
	gt := m.search(pos, true) // the first edit ending after pos
	if left {
		if gt < n {
			if f0, _, t0, _ := m.ends(gt); f0 <= pos {
				return t0
			}
		}
	} else if ge := m.search(pos, false); ge < n {
		if f0, _, _, t1 := m.ends(ge); f0 < pos {
			return t1
		}
	}
	if gt == 0 {
		return pos
	}
	_, f1, _, t1 := m.ends(gt - 1)
	return pos - f1 + t1
}

// search returns the first edit whose end (on the side mapped from) is
// after pos (strict) or at or after it, galloping from the last answer.
func (m *posMap) search(pos int, strict bool) int {
	n := len(m.edits)
	if !strict {
		pos-- // end ≥ pos is end > pos-1
	}
	after := func(i int) bool { // the predicate, monotone in i
		if m.back {
			return m.edits[i].dst1 > pos
		}
		return m.edits[i].src1 > pos
	}
	h := min(m.hint, n)
	var lo, hi int
	if h < n && !after(h) {
		lo, hi = h+1, h+1 // after(lo-1) is false
		for step := 1; hi < n && !after(hi); step <<= 1 {
			lo, hi = hi+1, hi+1+step
		}
		hi = min(hi, n)
	} else {
		lo, hi = h-1, h // after(hi) is true, or hi == n
		for step := 1; lo >= 0 && after(lo); step <<= 1 {
			hi, lo = lo, lo-step
		}
		lo = max(lo+1, 0)
	}
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if after(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	m.hint = lo
	return lo
}

// mergeRound adds the repairs of a round (sorted, spans in base) to those of
// the earlier rounds (sorted), replacing the earlier ones a new one covers:
// text that was damaged twice is one repair of two rounds.
func mergeRound(old, add []fixRec) []fixRec {
	if len(old) == 0 {
		return add
	}
	out := make([]fixRec, 0, len(old)+len(add))
	i := 0
	for _, r := range add {
		for i < len(old) && old[i].s < r.s {
			out = append(out, old[i])
			i++
		}
		if r.kind != Suspect {
			for i < len(old) && old[i].e <= r.e {
				if old[i].kind == Suspect {
					i++
					continue
				}
				r.rounds = max(r.rounds, old[i].rounds+1)
				if old[i].kind == Rebuilt {
					r.kind = Rebuilt
				}
				r.conf = min(r.conf, old[i].conf)
				i++
			}
		}
		out = append(out, r)
	}
	return append(out, old[i:]...)
}

// locate fills in Line and Col from Offset, and sorts by Offset. Offsets
// nearly always come in order: the newlines between one and the next are
// counted (bytes.Count is fast), and the line's start found by looking back
// from the offset, no further than the line is long.
func locate(reps []Repair, base []byte) {
	line, start, pos := 0, 0, 0 // line holds pos and starts at start
	sorted := true
	for i := range reps {
		off := reps[i].Offset
		if off < pos {
			line, start, pos = 0, 0, 0
			sorted = false
		}
		if n := bytes.Count(base[pos:off], []byte{'\n'}); n > 0 {
			line += n
			start = pos + bytes.LastIndexByte(base[pos:off], '\n') + 1
		}
		pos = off
		reps[i].Line = line + 1
		reps[i].Col = off - start + 1
	}
	if !sorted {
		slices.SortStableFunc(reps, func(a, b Repair) int { return a.Offset - b.Offset })
	}
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
