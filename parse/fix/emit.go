package fix

import "unicode/utf8"

// fixRec is a Repair in the making: a span instead of strings, which are
// cut from one buffer when the report is assembled (see Bytes).
type fixRec struct {
	s, e   int // the damaged span, in the round's text or (merged) in base
	cp     int // index in codePages, or -1
	kind   Kind
	conf   float64
	rounds int
}

// emit writes the repaired text. Accepted groups of one run become one
// Repair (a diagram border is one repair, not seventy). Groups left alone
// that still look like damage, in a document that has damage through the
// same code page, and repairs held back by MinConfidence are reported as
// Suspect.
func (s *repairer) emit() *roundResult {
	res := &roundResult{}
	text := s.text
	var out []byte
	last := 0 // text[:last] has been handled
	for i := 0; i < len(s.groups); {
		g := &s.groups[i]
		if !g.accept || g.exist*g.share < s.opt.minConf {
			if g.accept || g.exist >= 0.3 && s.docStrong[g.cp] > 0 {
				res.repairs = append(res.repairs, fixRec{s: g.start, e: g.end, cp: int(g.cp), kind: Suspect, conf: round2(g.exist), rounds: 1})
			}
			i++
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(text))
		}
		// Extend over the accepted groups of the same run.
		j := i + 1
		for j < len(s.groups) && s.groups[j].run == g.run && s.groups[j].accept && s.groups[j].exist*s.groups[j].share >= s.opt.minConf {
			j++
		}
		start, end := g.start, s.groups[j-1].end
		out = append(out, text[last:start]...)
		dst0 := len(out)
		kind, conf := Mojibake, 1.0
		for k := i; k < j; k++ {
			h := &s.groups[k]
			if k > i {
				out = append(out, text[s.groups[k-1].end:h.start]...)
			}
			out = utf8.AppendRune(out, h.x)
			if h.missing > 0 {
				kind = Rebuilt
			}
			conf = min(conf, h.exist*h.share)
		}
		res.edits = append(res.edits, edit{start, end, dst0, len(out)})
		res.repairs = append(res.repairs, fixRec{s: start, e: end, cp: int(g.cp), kind: kind, conf: round2(conf), rounds: 1})
		last = end
		i = j
	}
	if len(res.edits) == 0 {
		res.out = text
		return res
	}
	res.out = append(out, text[last:]...)
	return res
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
