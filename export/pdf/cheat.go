package pdf

import (
	"strings"

	"github.com/bankgen/bankgen/bank"
)

// cheatCols is the number of columns of the cheat sheet.
const cheatCols = 3

// cheatSizes are the type sizes the cheat sheet tries, largest first.
var cheatSizes = []float64{10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6}

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
		out.pages = append(out.pages, cheatFit(&b.Topics[i], g, opts).pages...)
	}
	if len(out.pages) == 0 {
		// An empty bank still makes a valid one-page PDF.
		out.header = opts.title() + " — cheat sheet"
		out.newPage()
		out.para([]span{{sans, grey, "The bank has no topics."}}, bodySize, leading, 0)
	}
	return out
}

// cheatFit lays out a topic at the largest size that fits it on one page
// (down to 7 pt), with balanced columns, else on two.
func cheatFit(t *bank.Topic, g geometry, opts Options) *doc {
	c := &cheatText{cache: map[wrapKey][]line{}}
	for j := range t.Questions {
		c.cores = append(c.cores, oneLine(&t.Questions[j]))
	}
	for _, term := range t.Guide {
		c.defs = append(c.defs, firstSentence(term.Definition, 150))
	}
	for _, limit := range []int{1, 2} {
		for _, size := range cheatSizes {
			if limit == 1 && size < 7 {
				break
			}
			if d := c.topic(t, g, opts, size, 0); len(d.pages) <= limit {
				if limit == 1 {
					return c.balance(t, g, opts, size, d)
				}
				return d
			}
		}
	}
	return c.topic(t, g, opts, cheatSizes[len(cheatSizes)-1], 0)
}

// cheatText is what a topic's cheat sheet shows that takes work to
// find, worked out once for all the sizes tried.
type cheatText struct {
	cores []string // per question, oneLine
	defs  []string // per term, the first sentence of its definition
	cache map[wrapKey][]line
}

// balance lays a one-page topic out again with its columns as short as
// they can be while it still fits on the page, so they end level.
func (c *cheatText) balance(t *bank.Topic, g geometry, opts Options, size float64, d *doc) *doc {
	lo, hi := d.colTop, d.g.h-d.g.bottom
	best := d
	for hi-lo > 0.5 {
		mid := (lo + hi) / 2
		if e := c.topic(t, g, opts, size, mid); len(e.pages) == 1 {
			hi, best = mid, e
		} else {
			lo = mid
		}
	}
	return best
}

// topic lays out one topic's cheat sheet at type size size, with
// columns ending at limit (0: the page's bottom margin).
func (c *cheatText) topic(t *bank.Topic, g geometry, opts Options, size, limit float64) *doc {
	d := newDoc(g)
	d.limit = limit
	d.cache = c.cache
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
	indentOf := func(mark string, markSt style) float64 {
		return textW(markSt, size, sanitize(mark, covSans, false, false)) + 1
	}
	hangH := func(mark string, markSt style, spans []span) float64 {
		return float64(len(d.wrap(spans, size, d.width()-indentOf(mark, markSt)))) * lh
	}
	hang := func(mark string, markSt style, markCol rgb, spans []span) {
		indent := indentOf(mark, markSt)
		lines := d.wrap(spans, size, d.width()-indent)
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
		core := c.cores[j]
		h := d.paraHeight(prompt, size, 1.25, 0)
		if core != "" {
			h += hangH("➜", sansBold, []span{{sans, black, core}})
		}
		for _, gap := range q.Gaps {
			h += hangH("☐", sans, []span{{sans, black, gap.Title}})
		}
		d.keep(h) // the whole question in one column if it fits in one
		d.para(prompt, size, 1.25, 0)
		if core != "" {
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
		for k, term := range t.Guide {
			spans := []span{{sansBold, navy, term.Term}, {sans, black, " — " + c.defs[k]}}
			d.keep(d.paraHeight(spans, size, 1.25, 0))
			d.para(spans, size, 1.25, 0)
			small()
		}
	}
	return d
}

// oneLine is the core of a question's answer: the key sentence of its
// first section that has one (bank.AnswerSection.Lead), at most 200 runes.
func oneLine(q *bank.Question) string {
	for _, s := range q.AnswerSections() {
		if l := s.Lead(); l != "" {
			return firstSentence(l, 200)
		}
	}
	return ""
}

// firstSentence returns the first sentence of s, at most n runes long,
// without the quotation marks and emphasis the sources put around it.
func firstSentence(s string, n int) string {
	s = strings.TrimLeft(strings.Join(strings.Fields(s), " "), "\"“”'*_ ")
	s = strings.TrimRight(bank.FirstSentence(s), "\"“”’*_ ")
	return truncate(s, n)
}
