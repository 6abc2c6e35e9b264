package fix

import "unicode/utf8"

// emit writes the repaired text. Accepted groups of one run become one
// Repair (a diagram border is one repair, not seventy). Groups left alone
// that still look like damage, in a document that has damage through the
// same code page, and repairs held back by MinConfidence are reported as
// Suspect.
func (s *repairer) emit() *roundResult {
	res := &roundResult{}
	text := s.text
	out := make([]byte, 0, len(text))
	last := 0 // text[:last] has been handled
	for i := 0; i < len(s.groups); {
		g := &s.groups[i]
		if !g.accept || g.exist*g.share < s.opt.minConf {
			if g.accept || g.exist >= 0.3 && s.docStrong[g.cp] > 0 {
				res.repairs = append(res.repairs, Repair{
					Offset: g.start, Damaged: string(text[g.start:g.end]), Replacement: string(text[g.start:g.end]),
					CodePage: codePages[g.cp].name, Kind: Suspect, Confidence: round2(g.exist), Rounds: 1,
				})
			}
			i++
			continue
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
		res.repairs = append(res.repairs, Repair{
			Offset: start, Damaged: string(text[start:end]), Replacement: string(out[dst0:]),
			CodePage: codePages[g.cp].name, Kind: kind, Confidence: round2(conf), Rounds: 1,
		})
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
