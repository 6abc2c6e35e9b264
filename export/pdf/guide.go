package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bankgen/bankgen/bank"
)

// Outline levels of the study guide's bookmarks.
const (
	levelTopic = iota
	levelQuestion
	levelSection
)

// tocEntry is one line of the table of contents.
type tocEntry struct {
	level  int // 0 topic or back matter, 1 question or notes
	spans  []span
	anchor int
}

// questionLabel is "Q2 · Stepping up".
func questionLabel(q *bank.Question) string {
	s := "Q" + strconv.Itoa(q.Number)
	if q.Level != bank.LevelUnknown {
		s += " · " + q.Level.Title()
	}
	return s
}

// layoutGuide lays out the whole study guide: the title page, the
// contents, each topic with its questions, the glossary and the plan.
// The contents are laid out before the pages they point to: they link to
// anchors, numbered here and placed as the pages are laid out, and their
// page numbers are drawn last (opPageRef).
func layoutGuide(b *bank.Bank, g geometry, opts Options) *doc {
	nAnchors := 0
	newAnchor := func() int { nAnchors++; return nAnchors - 1 }
	var toc []tocEntry
	var parts []func(d *doc)
	nt := b.Count().Terms
	glossA := -1
	if nt > 0 {
		glossA = newAnchor()
	}
	for i := range b.Topics {
		t := &b.Topics[i]
		ta := newAnchor()
		toc = append(toc, tocEntry{0, []span{{sansBold, navy, t.Name}}, ta})
		na := -1
		if len(t.Notes) > 0 {
			na = newAnchor()
			toc = append(toc, tocEntry{1, []span{{sans, black, "Concept guide"}}, na})
		}
		parts = append(parts, func(d *doc) { d.topic(t, ta, na, glossA) })
		for j := range t.Questions {
			q := &t.Questions[j]
			qa := newAnchor()
			toc = append(toc, tocEntry{1, []span{
				{sansBold, black, questionLabel(q) + "  "},
				{sans, black, q.Prompt},
			}, qa})
			parts = append(parts, func(d *doc) { d.question(t, q, qa) })
		}
		if len(t.Extra) > 0 {
			parts = append(parts, func(d *doc) { d.topicExtra(t) })
		}
	}
	if nt > 0 {
		toc = append(toc, tocEntry{0, []span{{sansBold, navy, "Glossary"}}, glossA})
		parts = append(parts, func(d *doc) { d.glossary(b, glossA) })
	}
	if len(b.Plan) > 0 {
		a := newAnchor()
		toc = append(toc, tocEntry{0, []span{{sansBold, navy, "Study plan"}}, a})
		parts = append(parts, func(d *doc) { d.plan(b.Plan, a) })
	}
	d := newDoc(g)
	d.nAnchors = nAnchors
	d.titlePage(b, opts)
	d.contents(toc)
	for _, part := range parts {
		part(d)
	}
	return d
}

// topic lays out a topic's opening page and its concept notes; ga is
// the glossary's anchor, or -1.
func (d *doc) topic(t *bank.Topic, ta, na, ga int) {
	d.header = t.Name
	d.newPage()
	d.anchor(ta)
	d.bookmark(t.Name, levelTopic)
	d.para([]span{{sansBold, navy, t.Name}}, 22, 1.2, 0)
	d.y += 1
	d.para([]span{{sans, grey, topicSummary(t)}}, bodySize, leading, 0)
	d.line(navy, 0.6, d.x(), d.y+1.5, d.width(), 0)
	d.y += 6
	if na >= 0 {
		d.anchor(na)
		d.bookmark("Concept guide", levelQuestion)
		for _, s := range t.Notes {
			var terms []string
			for _, term := range t.Guide {
				if term.Section == s.Title {
					terms = append(terms, term.Term)
				}
			}
			next := d.minHeight(blockParts(s.Blocks))
			if len(terms) > 0 {
				next = 2 * bodyLH()
			}
			d.heading(s.Title, sansBold, 12, navy, 4, 1.5, next)
			if len(terms) > 0 {
				// The section's definitions are in the glossary.
				top, page := d.y, len(d.pages)
				d.para([]span{{sansOblique, grey, "In the glossary: "}, {sans, grey, strings.Join(terms, " · ")}}, smallSize+0.5, leading, 0)
				if ga >= 0 && len(d.pages) == page {
					d.link(ga, d.x(), top, d.width(), d.y-top)
				}
				d.y += 1.8
			}
			d.blocks(blockParts(s.Blocks))
		}
	}
}

// topicExtra lays out the sections of a topic's sources that the parser
// did not recognise, so that no content is lost.
func (d *doc) topicExtra(t *bank.Topic) {
	d.header = t.Name
	d.newPage()
	d.bookmark("Other notes", levelQuestion)
	d.para([]span{{sansBold, navy, t.Name + ": other notes"}}, 16, 1.2, 0)
	d.y += 2
	for _, s := range t.Extra {
		d.heading(s.Title, sansBold, 11, black, 3, 1, d.minHeight(blockParts(s.Blocks)))
		d.blocks(blockParts(s.Blocks))
	}
}

func topicSummary(t *bank.Topic) string {
	c := t.Count()
	return plural(c.Questions, "question") + " · " + plural(c.Terms, "glossary term")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// titlePage lays out the first page: no header, no page number.
func (d *doc) titlePage(b *bank.Bank, opts Options) {
	c := b.Count()
	d.header = ""
	d.newPage()
	d.cur().footer = false
	d.y = d.g.h * 0.3
	d.line(navy, 1.2, d.x(), d.y-8, 40, 0)
	d.para([]span{{sansBold, navy, opts.title()}}, 28, 1.2, 0)
	d.y += 4
	var names []string
	for _, t := range b.Topics {
		names = append(names, t.Name)
	}
	if len(names) > 0 {
		d.para([]span{{sans, black, strings.Join(names, " · ")}}, 14, 1.3, 0)
		d.y += 3
	}
	d.para([]span{{sans, grey, fmt.Sprintf("%s · %s · %s",
		plural(c.Topics, "topic"), plural(c.Questions, "question"), plural(c.Terms, "glossary term"))}}, bodySize, leading, 0)
	if !opts.Date.IsZero() {
		d.para([]span{{sans, grey, opts.Date.UTC().Format("2 January 2006")}}, bodySize, leading, 0)
	}
	done := 0
	for _, p := range b.Plan {
		if p.Status == bank.Done {
			done++
		}
	}
	if len(b.Plan) > 0 {
		d.y += 2
		d.para([]span{{sans, grey, fmt.Sprintf("Study plan: %d of %d topics done", done, len(b.Plan))}}, bodySize, leading, 0)
	}
	d.y = d.bottomY() - 3*bodyLH()
	d.para([]span{{sans, grey, "Emoji the fonts lack are drawn as similar symbols: check mark ✔, cross ✘, to-do box ☐, target ◎, wrench ⚙; any other as ◆."}}, smallSize, 1.3, 0)
}

// contents lays out the table of contents. Page numbers are references
// resolved when painting, so the contents take the same room whatever the
// numbers turn out to be.
func (d *doc) contents(toc []tocEntry) {
	d.header = "Contents"
	d.newPage()
	d.bookmark("Contents", levelTopic)
	d.para([]span{{sansBold, navy, "Contents"}}, 20, 1.2, 0)
	d.y += 4
	const numW = 12.0
	lh := bodyLH()
	for _, e := range toc {
		indent := 0.0
		if e.level > 0 {
			indent = 6
		} else {
			d.space(2.5)
		}
		lines := wrap(e.spans, bodySize, d.width()-indent-numW)
		if e.level == 0 {
			d.keep(float64(len(lines)+1) * lh)
		} else {
			d.keep(float64(len(lines)) * lh)
		}
		for k, l := range lines {
			d.need(lh)
			x := d.x() + indent
			d.drawLine(l, bodySize, lh, x)
			d.link(e.anchor, x, d.y, d.width()-indent, lh)
			if k == len(lines)-1 {
				by := d.y + baseline(sans, bodySize, lh)
				dot := textW(sans, bodySize, " .")
				from := x + l.w + 1.5
				to := d.x() + d.width() - numW + 1
				if n := int((to - from) / dot); n > 0 {
					d.text(sans, bodySize, light, to-float64(n)*dot, by, strings.Repeat(" .", n))
				}
				st := sans
				if e.level == 0 {
					st = sansBold
				}
				d.add(op{kind: opPageRef, st: st, size: bodySize, col: black, x: d.x() + d.width(), y: by, target: e.anchor})
			}
			d.y += lh
		}
		d.y += 0.6
	}
}

// question lays out one question on fresh pages.
func (d *doc) question(t *bank.Topic, q *bank.Question, a int) {
	d.header = t.Name + " — Question " + strconv.Itoa(q.Number)
	if q.Level != bank.LevelUnknown {
		d.header += " (" + strings.ToLower(q.Level.Title()) + ")"
	}
	d.newPage()
	d.anchor(a)
	d.bookmark(questionLabel(q)+": "+truncate(clean(q.Prompt), 90), levelQuestion)
	label := "QUESTION " + strconv.Itoa(q.Number)
	switch {
	case q.Label != "":
		label += " · " + strings.ToUpper(q.Label)
	case q.Level != bank.LevelUnknown:
		label += " · " + strings.ToUpper(q.Level.Title())
	}
	d.para([]span{{sansBold, orange, label}}, 9, 1.3, 0)
	d.y += 1
	d.para([]span{{sansBold, navy, q.Prompt}}, 14, 1.3, 0)
	d.y += 2

	if len(q.Strengths) > 0 {
		d.sectionHeading("What you nailed", 2*bodyLH())
		d.bookmark("What you nailed", levelSection)
		for _, s := range q.Strengths {
			d.markItem("✔", green, s.Title, s.Detail)
		}
	}
	if len(q.Gaps) > 0 {
		d.sectionHeading("What to tighten up", 2*bodyLH())
		d.bookmark("What to tighten up", levelSection)
		for _, g := range q.Gaps {
			d.markItem("☐", orange, g.Title, g.Detail)
			if strings.TrimSpace(g.Phrasing) != "" {
				d.callout("SAY IT LIKE THIS", g.Phrasing, sansOblique, black)
			}
		}
	}
	if answer := slices.Collect(q.ModelAnswer()); len(answer) > 0 {
		d.sectionHeading("Model answer", d.minHeight(answer))
		d.bookmark("Model answer", levelSection)
		d.blocks(answer)
	}
	if len(q.Diagrams) > 0 {
		boxes := make([]diagramBox, len(q.Diagrams))
		for i, g := range q.Diagrams {
			boxes[i] = d.layoutDiagram(g.Title, g.Art)
		}
		d.sectionHeading("Diagrams", boxes[0].height()+2)
		d.bookmark("Diagrams", levelSection)
		for _, g := range boxes {
			d.diagram(g)
		}
	}
	// Sections the parser did not recognise, so that nothing is lost.
	for i, s := range q.Extra {
		if i == 0 {
			d.sectionHeading("Other notes", d.minHeight(blockParts(s.Blocks))+bodyLH())
			d.bookmark("Other notes", levelSection)
		}
		d.heading(s.Title, sansBold, 10.5, grey, 1, 1, d.minHeight(blockParts(s.Blocks)))
		d.blocks(blockParts(s.Blocks))
	}
}

// backMatter starts a section at the back of the guide on a fresh page:
// its title, running header and bookmark, and anchor a.
func (d *doc) backMatter(title string, a int) {
	d.header = title
	d.newPage()
	d.anchor(a)
	d.bookmark(title, levelTopic)
	d.para([]span{{sansBold, navy, title}}, 20, 1.2, 0)
	d.y += 3
}

// glossary lays out every topic's terms, sorted alphabetically.
func (d *doc) glossary(b *bank.Bank, a int) {
	d.backMatter("Glossary", a)
	for _, t := range b.Topics {
		if len(t.Guide) == 0 {
			continue
		}
		if len(b.Topics) > 1 {
			d.sectionHeading(t.Name, 2*bodyLH())
		}
		d.bookmark(t.Name, levelQuestion)
		terms := slices.Clone(t.Guide)
		slices.SortStableFunc(terms, func(x, y bank.Term) int {
			return cmp.Compare(strings.ToLower(x.Term), strings.ToLower(y.Term))
		})
		for _, term := range terms {
			spans := []span{{sansBold, navy, term.Term}, {sans, black, " — " + term.Definition}}
			d.keep(2 * bodyLH())
			d.para(spans, bodySize, leading, 0)
			d.y += 1.5
		}
	}
}

// plan lays out the study plan as a table with each topic's status.
func (d *doc) plan(plan []bank.PlanEntry, a int) {
	d.backMatter("Study plan", a)
	done, next := 0, ""
	for _, p := range plan {
		switch p.Status {
		case bank.Done:
			done++
		case bank.Next:
			if next == "" {
				next = p.Topic
			}
		}
	}
	summary := fmt.Sprintf("%d of %d topics done.", done, len(plan))
	if next != "" {
		summary += " Next: " + next + "."
	}
	d.body(span{sans, grey, summary})
	header := cellSpans([]string{"#", "Topic", "Status"}, sansBold)
	var rows [][]span
	for _, p := range plan {
		rows = append(rows, []span{
			{sans, black, strconv.Itoa(p.Number)},
			{sans, black, p.Topic},
			statusSpan(p.Status),
		})
	}
	d.table(header, rows, bodySize)
}

// statusSpan shows a plan status with its mark and colour.
func statusSpan(s bank.Status) span {
	switch s {
	case bank.Done:
		return span{sansBold, green, "✔ done"}
	case bank.Next:
		return span{sansBold, orange, "➜ next"}
	}
	return span{sans, grey, "☐ to do"}
}
