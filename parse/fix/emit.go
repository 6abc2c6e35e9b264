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
func (s *repairer) emit() *roundResult {
	// Count first: the slices are large, and growing them by appending
	// would allocate several times their size.
	nEdits, nSuspect := 0, 0
	s.walkRepairs(func(i, j int) {
		if j < 0 {
			nSuspect++
		} else {
			nEdits++
		}
	})
	res := &roundResult{repairs: make([]fixRec, 0, nEdits+nSuspect)}
	if nEdits == 0 {
		s.walkRepairs(func(i, _ int) {
			g := &s.groups[i]
			res.repairs = append(res.repairs, fixRec{s: g.start, e: g.end(), cp: int8(g.cp), kind: Suspect, conf: round2(g.exist), rounds: 1})
		})
		res.out = s.text
		return res
	}
	res.edits = make([]edit, 0, nEdits)
	text := s.text
	out := make([]byte, 0, len(text))
	last := 0 // text[:last] has been handled
	s.walkRepairs(func(i, j int) {
		g := &s.groups[i]
		if j < 0 {
			res.repairs = append(res.repairs, fixRec{s: g.start, e: g.end(), cp: int8(g.cp), kind: Suspect, conf: round2(g.exist), rounds: 1})
			return
		}
		start, end := g.start, s.groups[j-1].end()
		out = append(out, text[last:start]...)
		dst0 := len(out)
		kind, conf := Mojibake, 1.0
		for k := i; k < j; k++ {
			h := &s.groups[k]
			if k > i {
				out = append(out, text[s.groups[k-1].end():h.start]...)
			}
			out = utf8.AppendRune(out, h.x)
			if h.missing > 0 {
				kind = Rebuilt
			}
			conf = min(conf, h.exist*h.share)
		}
		res.edits = append(res.edits, edit{start, end, dst0, len(out)})
		res.repairs = append(res.repairs, fixRec{s: start, e: end, cp: int8(g.cp), kind: kind, conf: round2(conf), rounds: 1})
		last = end
	})
	res.out = append(out, text[last:]...)
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

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
