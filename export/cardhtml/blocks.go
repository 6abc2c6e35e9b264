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
	r.blocks(&b, blocks, samples, nil)
	return b.String()
}

// blocks writes structured text; placed, when not nil, records which
// samples were placed.
func (r *Renderer) blocks(b *strings.Builder, blocks []bank.Block, samples []bank.Sample, placed []bool) {
	for _, bl := range blocks {
		switch bl.Kind {
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
			if bl.Sample >= 0 && bl.Sample < len(samples) {
				r.sample(b, &samples[bl.Sample])
				if placed != nil {
					placed[bl.Sample] = true
				}
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
}

// Sample returns a code sample, highlighted, under a caption naming its
// file, its Kubernetes kinds or its language.
func (r *Renderer) Sample(s *bank.Sample) string {
	var b strings.Builder
	r.sample(&b, s)
	return b.String()
}

func (r *Renderer) sample(b *strings.Builder, s *bank.Sample) {
	caption := s.File
	if caption == "" && len(s.Kinds) > 0 {
		caption = strings.Join(s.Kinds, ", ")
	}
	if caption == "" {
		caption = s.Lang
	}
	if caption != "" {
		b.WriteString(`<div class="bg-cap">`)
		r.escape(b, caption, spaceNL)
		b.WriteString("</div>")
	}
	r.writeCode(b, s.Lang, s.File, s.Code)
}

// Answer returns a question's model answer: its blocks with the samples
// in place, then every sample the answer does not place, then the
// question's unrecognised sections under their titles, so that nothing
// is lost.
func (r *Renderer) Answer(q *bank.Question) string {
	var b strings.Builder
	placed := make([]bool, len(q.Samples))
	r.blocks(&b, q.Answer, q.Samples, placed)
	for i := range q.Samples {
		if !placed[i] {
			r.sample(&b, &q.Samples[i])
			b.WriteByte('\n')
		}
	}
	for _, s := range q.Extra {
		b.WriteString("<h4>")
		r.escape(&b, s.Title, spaceNL)
		b.WriteString("</h4>\n")
		r.blocks(&b, s.Blocks, nil, nil)
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

// Diagrams returns each diagram, its art kept exactly, under its title
// ("Diagram N" when it has none).
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
		r.pre(&b, "bg-art", d.Art)
		b.WriteByte('\n')
	}
	return b.String()
}
