package fix

import "unicode/utf8"

// fixRec is a Repair in the making: a span instead of strings, which are
// cut from one buffer when the report is assembled (see Bytes).
type fixRec struct {
	s, e   int // the damaged span, in the round's text or (merged) in base
	conf   float64
	kind   Kind
	rounds int32
	cp     int8 // index in codePages, or -1
}

// emit writes the repaired text. Accepted groups of one run become one
// Repair (a diagram border is one repair, not seventy). Groups left alone
// that still look like damage, in a document that has damage through the
// same code page, and repairs held back by MinConfidence are reported as
// Suspect.
func (s *repairer) emit(round int) *roundResult {
	// Count first: the slices are large, and growing them by appending
	// would allocate several times their size. Without MinConfidence
	// decide has counted.
	nEdits, nSuspect := s.nEdits, s.nSuspect
	minConf := s.opt.minConf
	if minConf > 0 {
		nEdits, nSuspect = 0, 0
		s.walkRepairs(func(i, j int) {
			if j < 0 {
				nSuspect++
			} else {
				nEdits++
			}
		})
	}
	// The lists live in s until Bytes is done with them.
	k := round - 1
	s.recBuf[k] = room(s.recBuf[k], nEdits+nSuspect)
	res := &roundResult{repairs: s.recBuf[k]}
	text := s.text
	var out []byte
	if nEdits > 0 {
		s.editBuf[k] = room(s.editBuf[k], nEdits)
		res.edits = s.editBuf[k]
		out = make([]byte, 0, len(text))
	}
	groups := s.groups
	ok := func(g *group) bool { return g.accept && g.exist*g.share >= minConf }
	last := 0 // text[:last] has been handled
	for i := 0; i < len(groups); {
		g := &groups[i]
		if !ok(g) {
			if g.accept || g.exist >= 0.3 && s.docStrong[g.cp] > 0 {
				res.repairs = append(res.repairs, fixRec{s: g.start, e: g.end(), cp: int8(g.cp), kind: Suspect, conf: round2(g.exist), rounds: 1})
			}
			i++
			continue
		}
		// Replace the accepted groups of the same run from here.
		start := g.start
		out = append(out, text[last:start]...)
		dst0 := len(out)
		kind, conf := Mojibake, 1.0
		j := i
		for {
			h := &groups[j]
			if x := h.x; x >= 0x800 && x < 0xD800 { // box drawing, symbols: inline
				out = append(out, byte(0xE0|x>>12), byte(0x80|x>>6&0x3F), byte(0x80|x&0x3F))
			} else {
				out = utf8.AppendRune(out, x)
			}
			if h.missing > 0 {
				kind = Rebuilt
			}
			conf = min(conf, h.exist*h.share)
			j++
			if j == len(groups) || !groups[j].joined || !ok(&groups[j]) {
				break
			}
			out = append(out, text[h.end():groups[j].start]...)
		}
		end := groups[j-1].end()
		res.edits = append(res.edits, edit{start, end, dst0, len(out)})
		res.repairs = append(res.repairs, fixRec{s: start, e: end, cp: int8(g.cp), kind: kind, conf: round2(conf), rounds: 1})
		last = end
		i = j
	}
	if len(res.edits) == 0 {
		res.out = text
		return res
	}
	res.out = append(out, text[last:]...)
	res.more = s.pairsLeft(res)
	return res
}

// walkRepairs calls f(i, j) for each repair, in order: groups i..j-1 (an
// accepted stretch of one run) for an edit, or group i alone with j = -1
// for a Suspect.
func (s *repairer) walkRepairs(f func(i, j int)) {
	ok := func(g *group) bool { return g.accept && g.exist*g.share >= s.opt.minConf }
	for i := 0; i < len(s.groups); {
		g := &s.groups[i]
		if !ok(g) {
			if g.accept || g.exist >= 0.3 && s.docStrong[g.cp] > 0 {
				f(i, -1)
			}
			i++
			continue
		}
		// Extend over the accepted groups of the same run.
		j := i + 1
		for j < len(s.groups) && s.groups[j].joined && ok(&s.groups[j]) {
			j++
		}
		f(i, j)
		i = j
	}
}

// pairsLeft reports whether the round's output still holds a pair, so that
// another round has something to look at. Runs never span ASCII and edits
// replace non-ASCII with non-ASCII, so the output's runs are the input's,
// edited, and a run without a pair is unchanged and still has none: only
// the runs the scan recorded need looking at, and an unedited one still has
// its pair.
func (s *repairer) pairsLeft(res *roundResult) bool {
	out := res.out
	delta, e := 0, 0 // output offset minus input offset; next edit
	for _, ru := range s.runs {
		for e < len(res.edits) && res.edits[e].src0 < ru.start {
			ed := res.edits[e]
			delta += ed.dst1 - ed.dst0 - (ed.src1 - ed.src0)
			e++
		}
		start := ru.start + delta
		edited := false
		for e < len(res.edits) && res.edits[e].src0 < ru.end {
			ed := res.edits[e]
			delta += ed.dst1 - ed.dst0 - (ed.src1 - ed.src0)
			e++
			edited = true
		}
		if !edited || hasPair(out[start:ru.end+delta]) {
			return true
		}
	}
	return false
}

// hasPair reports whether the run of valid non-ASCII runes b holds a
// lead/continuation pair (see scan).
func hasPair(b []byte) bool {
	var prevLead uint8
	for i := 0; i < len(b); {
		r, n := decodeValid(b, i)
		// masks, with its common case written out: a call per rune costs
		// this loop about a tenth of its speed, and masks is too big to inline.
		var lead, cont uint8
		if r < revLowSize {
			m := maskTab[r]
			lead, cont = uint8(m), uint8(m>>8)
		} else if r >= revHighMin && r <= revHighMax {
			lead, cont = masks(r)
		}
		if prevLead&cont != 0 {
			return true
		}
		prevLead = lead
		i += n
	}
	return false
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
