package cardhtml

import (
	"strconv"
	"strings"

	"github.com/bankgen/bankgen/bank"
)

// Blocks returns structured text: headings (as h4 to h6, under the
// card's own headings), paragraphs, lists, tables, quotes, rules and
// code, one block a line. KindSample blocks place samples[Block.Sample];
// a reference out of range places nothing.
func (r *Renderer) Blocks(blocks []bank.Block, samples []bank.Sample) string {
	var b strings.Builder
	for i := range blocks {
		p := bank.Part{Block: &blocks[i]}
		if bl := p.Block; bl.Kind == bank.KindSample {
			if bl.Sample < 0 || bl.Sample >= len(samples) {
				continue
			}
			p.Sample = &samples[bl.Sample]
		}
		r.part(&b, p)
	}
	return b.String()
}

// Parts returns the parts of a model answer (see bank.Question.ModelAnswer)
// as Blocks does, each sample under its caption.
func (r *Renderer) Parts(parts []bank.Part) string {
	var b strings.Builder
	for _, p := range parts {
		r.part(&b, p)
	}
	return b.String()
}

// part writes one block, and a newline.
func (r *Renderer) part(b *strings.Builder, p bank.Part) {
	switch bl := p.Block; bl.Kind {
	case bank.KindHeading:
		tag := "h4"
		switch {
		case bl.Level == 4:
			tag = "h5"
		case bl.Level > 4:
			tag = "h6"
		}
		b.WriteString("<" + tag + ">")
		r.escape(b, bl.Text, brNL)
		b.WriteString("</" + tag + ">")
	case bank.KindList:
		tag := "ul"
		if bl.Ordered {
			tag = "ol"
		}
		b.WriteString("<" + tag + ">")
		for _, it := range bl.Items {
			b.WriteString("<li>")
			r.escape(b, it, brNL)
			b.WriteString("</li>")
		}
		b.WriteString("</" + tag + ">")
	case bank.KindTable:
		b.WriteString(`<div class="bg-table"><table>`)
		if len(bl.Header) > 0 {
			b.WriteString("<thead><tr>")
			for _, h := range bl.Header {
				b.WriteString("<th>")
				r.escape(b, h, brNL)
				b.WriteString("</th>")
			}
			b.WriteString("</tr></thead>")
		}
		b.WriteString("<tbody>")
		for _, row := range bl.Rows {
			b.WriteString("<tr>")
			for _, c := range row {
				b.WriteString("<td>")
				r.escape(b, c, brNL)
				b.WriteString("</td>")
			}
			b.WriteString("</tr>")
		}
		b.WriteString("</tbody></table></div>")
	case bank.KindCode:
		r.writeCode(b, bl.Lang, "", bl.Code)
	case bank.KindSample:
		if p.Sample != nil {
			r.sample(b, p.Sample)
		}
	case bank.KindQuote:
		b.WriteString("<blockquote>")
		r.escape(b, bl.Text, brNL)
		b.WriteString("</blockquote>")
	case bank.KindRule:
		b.WriteString("<hr>")
	default: // KindParagraph, and any kind this version does not know
		if bl.Text != "" {
			b.WriteString("<p>")
			r.escape(b, bl.Text, brNL)
			b.WriteString("</p>")
		}
	}
	b.WriteByte('\n')
}

// Sample returns a code sample, highlighted, under its caption (see
// bank.Sample.Caption).
func (r *Renderer) Sample(s *bank.Sample) string {
	var b strings.Builder
	r.sample(&b, s)
	return b.String()
}

func (r *Renderer) sample(b *strings.Builder, s *bank.Sample) {
	if c := s.Caption(); c != "" {
		b.WriteString(`<div class="bg-cap">`)
		r.escape(b, c, spaceNL)
		b.WriteString("</div>")
	}
	r.writeCode(b, s.Lang, s.File, s.Code)
}

// Answer returns a question's model answer: its parts (see
// bank.Question.ModelAnswer), then the question's unrecognised sections
// under their titles, so that nothing is lost.
func (r *Renderer) Answer(q *bank.Question) string {
	var b strings.Builder
	for p := range q.ModelAnswer() {
		r.part(&b, p)
	}
	for _, s := range q.Extra {
		b.WriteString("<h4>")
		r.escape(&b, s.Title, spaceNL)
		b.WriteString("</h4>\n")
		b.WriteString(r.Blocks(s.Blocks, nil))
	}
	return b.String()
}

// Outline returns a short outline of a question's model answer, to
// recall it by: each section's title with its key sentence (see
// bank.AnswerSection.Lead), in a list; the key sentence of what comes
// before the first title, above it. It returns "" for an empty answer.
func (r *Renderer) Outline(q *bank.Question) string {
	var b strings.Builder
	list := false
	for _, s := range q.AnswerSections() {
		lead := s.Lead()
		if s.Title == "" {
			if lead != "" {
				b.WriteString(`<p class="bg-lead">`)
				r.escape(&b, lead, spaceNL)
				b.WriteString("</p>")
			}
			continue
		}
		if !list {
			b.WriteString(`<ul class="bg-outline">`)
			list = true
		}
		b.WriteString("<li><b>")
		r.escape(&b, strings.TrimRight(s.Title, ": "), spaceNL)
		b.WriteString("</b>")
		if lead != "" {
			b.WriteString(" — ")
			r.escape(&b, lead, spaceNL)
		}
		b.WriteString("</li>")
	}
	if list {
		b.WriteString("</ul>")
	}
	return b.String()
}

// Phrasings returns the gaps as a short list to recall: each gap's
// title with the first sentence of the phrasing to use (the gap's own
// card has the rest), or "" when no gap has a title or a phrasing.
func (r *Renderer) Phrasings(gaps []bank.Gap) string {
	var b strings.Builder
	for _, g := range gaps {
		if g.Title == "" && g.Phrasing == "" {
			continue
		}
		if b.Len() == 0 {
			b.WriteString(`<ul class="bg-say">`)
		}
		b.WriteString("<li><b>")
		r.escape(&b, g.Title, spaceNL)
		b.WriteString("</b>")
		if g.Phrasing != "" {
			b.WriteString(`<div class="bg-phrasing">`)
			r.escape(&b, bank.FirstSentence(strings.TrimSpace(g.Phrasing)), brNL)
			b.WriteString("</div>")
		}
		b.WriteString("</li>")
	}
	if b.Len() > 0 {
		b.WriteString("</ul>")
	}
	return b.String()
}

// Gaps returns "What to Tighten Up": each gap's title, its explanation
// and the phrasing to use, set apart.
func (r *Renderer) Gaps(gaps []bank.Gap) string {
	var b strings.Builder
	for _, g := range gaps {
		b.WriteString(`<div class="bg-gap"><div class="bg-gap-title">`)
		r.escape(&b, g.Title, brNL)
		b.WriteString("</div>")
		if g.Detail != "" {
			b.WriteString(`<div class="bg-gap-detail">`)
			r.escape(&b, g.Detail, brNL)
			b.WriteString("</div>")
		}
		if g.Phrasing != "" {
			b.WriteString(`<blockquote class="bg-phrasing">`)
			r.escape(&b, g.Phrasing, brNL)
			b.WriteString("</blockquote>")
		}
		b.WriteString("</div>\n")
	}
	return b.String()
}

// Strengths returns "What You Nailed" as a list, or "" when there is
// none.
func (r *Renderer) Strengths(ss []bank.Strength) string {
	if len(ss) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<ul>")
	for _, s := range ss {
		b.WriteString("<li><b>")
		r.escape(&b, s.Title, brNL)
		b.WriteString("</b>")
		if s.Detail != "" {
			b.WriteString(" — ")
			r.escape(&b, s.Detail, brNL)
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
	return b.String()
}

// Diagram returns one diagram, its art kept exactly, scaled to fit
// when it is wider than FitColumns, with its natural size a tap away.
func (r *Renderer) Diagram(d *bank.Diagram) string {
	var b strings.Builder
	fit(&b, r.Pre("bg-art", d.Art), Columns(d.Art))
	return b.String()
}

// Diagrams returns each diagram, its art kept exactly, under its title
// ("Diagram N" when it has none). A diagram wider than FitColumns is
// scaled to fit, with its natural size a tap away.
func (r *Renderer) Diagrams(ds []bank.Diagram) string {
	var b strings.Builder
	for i, d := range ds {
		title := d.Title
		if strings.TrimSpace(title) == "" {
			title = "Diagram " + strconv.Itoa(i+1)
		}
		b.WriteString(`<div class="bg-cap">`)
		r.escape(&b, title, spaceNL)
		b.WriteString("</div>")
		fit(&b, r.Pre("bg-art", d.Art), Columns(d.Art))
		b.WriteByte('\n')
	}
	return b.String()
}
