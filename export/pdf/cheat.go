package pdf

import (
	"strings"
	"unicode"

	"github.com/bankgen/bankgen/bank"
)

// cheatCols is the number of columns of the cheat sheet.
const cheatCols = 3

// cheatSizes are the type sizes the cheat sheet tries, largest first.
var cheatSizes = []float64{8.5, 8, 7.5, 7, 6.5, 6}

// cheatGeometry narrows the margins of g for a dense, pinnable sheet.
func cheatGeometry(g geometry) geometry {
	g.left, g.right, g.top, g.bottom = 12, 12, 17, 14
	return g
}

// layoutCheat lays out the cheat sheet: each topic on fresh pages, at
// the largest type size that fits the topic on one page (down to 7 pt),
// else on two (down to 6 pt).
func layoutCheat(b *bank.Bank, g geometry, opts Options) *doc {
	g = cheatGeometry(g)
	out := newDoc(g)
	for i := range b.Topics {
		t := &b.Topics[i]
		var best *doc
		for _, limit := range []int{1, 2} {
			for _, size := range cheatSizes {
				if limit == 1 && size < 7 {
					break
				}
				d := cheatTopic(t, g, opts, size)
				if len(d.pages) <= limit {
					best = d
					break
				}
			}
			if best != nil {
				break
			}
		}
		if best == nil {
			best = cheatTopic(t, g, opts, cheatSizes[len(cheatSizes)-1])
		}
		out.pages = append(out.pages, best.pages...)
	}
	if len(out.pages) == 0 {
		// An empty bank still makes a valid one-page PDF.
		out.header = opts.title() + " — cheat sheet"
		out.newPage()
		out.para([]span{{sans, grey, "The bank has no topics."}}, bodySize, leading, 0)
	}
	return out
}

// cheatTopic lays out one topic's cheat sheet at type size size.
func cheatTopic(t *bank.Topic, g geometry, opts Options, size float64) *doc {
	d := newDoc(g)
	d.header = t.Name + " — cheat sheet · " + opts.title()
	d.newPage()
	d.bookmark(t.Name, 0)
	d.para([]span{{sansBold, navy, t.Name}, {sans, grey, "  " + topicSummary(t)}}, 15, 1.2, 0)
	d.line(navy, 0.5, d.x(), d.y+1, d.width(), 0)
	d.y += 3.5
	d.cols, d.gap = cheatCols, 5
	d.colTop = d.y

	lh := size * ptmm * 1.25
	small := func() { d.y += lh * 0.35 }
	head := func(s string) {
		d.space(lh * 0.6)
		d.keep(3.5 * lh)
		d.para([]span{{sansBold, navy, s}}, size+1.5, 1.25, 0)
		d.line(navy, 0.3, d.x(), d.y+0.3, d.width(), 0)
		d.y += 1.2
	}
	hang := func(mark string, markSt style, markCol rgb, spans []span) {
		indent := textW(markSt, size, sanitize(mark, covSans, false, false)) + 1
		lines := wrap(spans, size, d.width()-indent)
		for k, l := range lines {
			d.need(lh)
			if k == 0 {
				d.text(markSt, size, markCol, d.x(), d.y+baseline(markSt, size, lh), sanitize(mark, covSans, false, false))
			}
			d.drawLine(l, size, lh, d.x()+indent)
			d.y += lh
		}
	}

	if len(t.Questions) > 0 {
		head("Questions")
	}
	for j := range t.Questions {
		q := &t.Questions[j]
		prompt := []span{{sansBold, orange, questionLabel(q) + "  "}, {sansBold, black, q.Prompt}}
		d.keep(d.paraHeight(prompt, size, 1.25, 0) + 2*lh)
		d.para(prompt, size, 1.25, 0)
		if core := oneLine(q); core != "" {
			hang("➜", sansBold, green, []span{{sans, black, core}})
		}
		for _, gap := range q.Gaps {
			hang("☐", sans, orange, []span{{sans, black, gap.Title}})
		}
		small()
		small()
	}
	if len(t.Guide) > 0 {
		head("Glossary")
		for _, term := range t.Guide {
			d.para([]span{{sansBold, navy, term.Term}, {sans, black, " — " + firstSentence(term.Definition, 150)}}, size, 1.25, 0)
			small()
		}
	}
	return d
}

// oneLine is the core of a question's answer: the first sentence of its
// first paragraph (or list item), without the quotation marks the
// sources put around model answers.
func oneLine(q *bank.Question) string {
	for _, b := range q.Answer {
		switch b.Kind {
		case bank.KindParagraph, bank.KindQuote:
			if s := firstSentence(b.Text, 200); s != "" {
				return s
			}
		case bank.KindList:
			if len(b.Items) > 0 {
				return firstSentence(b.Items[0], 200)
			}
		}
	}
	return ""
}

// firstSentence returns the first sentence of s, at most n runes long.
func firstSentence(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimLeft(s, "\"“”'*_ ")
	rs := []rune(s)
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i] == '.' || rs[i] == '!' || rs[i] == '?') && rs[i+1] == ' ' &&
			(unicode.IsUpper(rs[i+2]) || rs[i+2] == '"' || rs[i+2] == '“') && !abbrev(rs[:i]) {
			s = string(rs[:i+1])
			break
		}
	}
	s = strings.TrimRight(s, "\"“”*_ ")
	return truncate(s, n)
}

// abbrev reports whether the text before a full stop ends with a common
// abbreviation, which does not end the sentence.
func abbrev(before []rune) bool {
	s := strings.ToLower(string(before[max(0, len(before)-5):]))
	for _, a := range []string{"e.g", "i.e", "etc", "vs", "approx", "mr", "dr"} {
		if strings.HasSuffix(s, a) {
			return true
		}
	}
	return false
}
