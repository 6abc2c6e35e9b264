package parse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// strength reads one block of the strengths: bold-led paragraphs ("**X**
// — why"), list items, or prose. A paragraph that does not open in bold
// continues the point before it.
func (d *doc) strength(n ast.Node) {
	q := d.q
	pos := d.pos(n)
	switch n := n.(type) {
	case *ast.Paragraph:
		if title, detail, ok := d.leadSplit(n); ok {
			q.Strengths = append(q.Strengths, bank.Strength{Title: vocab.TrimTitle(title), Detail: detail, Pos: pos, Pin: d.takePin(n)})
			d.record(pos, "paragraph", d.excerpt(n), d.item(ReadStrength, title))
			return
		}
		if d.proseAfterList(n) {
			return
		}
		text := d.plain(n)
		if len(q.Strengths) > 0 {
			last := &q.Strengths[len(q.Strengths)-1]
			last.Detail = joinPara(last.Detail, text)
			d.record(pos, "paragraph", d.excerpt(n), d.item(ReadStrength, last.Title))
			return
		}
		title, detail := splitPlainItem(text)
		q.Strengths = append(q.Strengths, bank.Strength{Title: title, Detail: detail, Pos: pos, Pin: d.takePin(n)})
		d.record(pos, "paragraph", d.excerpt(n), d.item(ReadStrength, title))
		return
	case *ast.List:
		d.record(pos, "list", d.excerpt(n), d.inQuestion(ReadPart))
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			d.addStrengthItem(it)
		}
		return
	}
	d.keep(n)
}

// minProseWords and minProseRunes say when a paragraph is long prose,
// in words or, for text written without spaces, in characters.
const (
	minProseWords = 20
	minProseRunes = 120
)

// proseAfterList reads a paragraph that stands right after a list of
// strengths or gaps when the list's shape ends there: long plain prose,
// with no bold lead, no label and no list marker, is no further point
// of feedback but what follows it, most often the model answer, where
// it is read, with a warning. It reports whether p was such prose.
func (d *doc) proseAfterList(p *ast.Paragraph) bool {
	if _, ok := p.PreviousSibling().(*ast.List); !ok {
		return false
	}
	if first := d.firstInline(p); first == nil || emphasis(first) > 0 {
		return false
	}
	if l, ok := d.label(p); ok && l.colon {
		return false
	}
	text := d.plain(p)
	if len(strings.Fields(text)) < minProseWords && utf8.RuneCountInString(text) < minProseRunes {
		return false
	}
	d.warn(d.pos(p), "a long paragraph after the %s list of question %d is no point of its list; read as the start of the model answer", d.role, d.q.Number)
	d.role, d.roleDepth, d.extra = vocab.RoleAnswer, 0, nil
	d.answer(p)
	return true
}

// sayLabelOpensAnswer reports whether paragraph p, labelled with words
// that read as a phrasing ("What I'd say today: …"), is rather the model
// answer: it stands right after the list of gaps in a question with no
// answer yet, its text ph is long unquoted prose, not a line to say, and
// after it comes code, a diagram or the end of the question.
func (d *doc) sayLabelOpensAnswer(p *ast.Paragraph, ph string) bool {
	if _, ok := p.PreviousSibling().(*ast.List); !ok {
		return false
	}
	if len(d.q.Answer)+len(d.q.Samples)+len(d.q.Diagrams) > 0 || !longProse(ph) {
		return false
	}
	switch n := p.NextSibling().(type) {
	case nil, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
		return true
	case *ast.Heading:
		return n.Level <= d.qDepth
	}
	return false
}

// addStrengthItem reads one list item as a strength: its first block is
// the point, its further blocks more detail.
func (d *doc) addStrengthItem(it ast.Node) {
	first := d.itemFirst(it)
	s := bank.Strength{Pos: d.pos(it), Pin: d.takePin(first)}
	s.Title, s.Detail = d.itemLead(first)
	for c := next(first); c != nil; c = c.NextSibling() {
		s.Detail = joinPara(s.Detail, d.blockText(c))
	}
	d.q.Strengths = append(d.q.Strengths, s)
	d.recordItem(it, d.item(ReadStrength, s.Title))
}

// gap reads one block of the gaps: a bold-led paragraph or a list item
// names a gap, plain paragraphs after it explain it, and an italic
// paragraph, a quote or a labelled line ("Try saying: …") gives its
// suggested phrasing, with or without a blank line before it.
func (d *doc) gap(n ast.Node) {
	q := d.q
	pos := d.pos(n)
	switch n := n.(type) {
	case *ast.Paragraph:
		if l, ok := n.NextSibling().(*ast.List); ok && d.coachingLabel(n, l) {
			// "**Coaching**" over a list that says how to put each gap.
			d.record(pos, "label", d.excerpt(n), d.inQuestion(ReadPhrasing))
			return
		}
		if len(q.Gaps) > 0 {
			ph, ok := d.phrasingParagraph(n)
			if !ok && d.followsGap(n) {
				// "Coach's note: "…"" right under the gap, in a
				// paragraph of its own.
				ph, ok = d.gapNoteAt(n.FirstChild(), nil)
			}
			if ok && d.sayLabelOpensAnswer(n, ph) {
				l, _ := d.label(n)
				d.warn(pos, "label %q read as the model answer of question %d (inferred: long prose after the gaps that closes the question or leads to its code)", l.text, q.Number)
				d.openRole(vocab.RoleAnswer, l.rest, 0, pos, l.text, n)
				d.markWarn()
				return
			}
			if ok {
				last := &q.Gaps[len(q.Gaps)-1]
				last.Phrasing = joinPara(last.Phrasing, ph)
				d.record(pos, "paragraph", d.excerpt(n), d.item(ReadPhrasing, last.Title))
				return
			}
		}
		if d.proseAfterList(n) {
			return
		}
		body, phrasing := d.splitPhrasing(n)
		if first := d.firstInline(n); first != nil && emphasis(first) == 2 && first != body {
			g := bank.Gap{Title: vocab.TrimTitle(d.plain(first)), Pos: pos, Pin: d.takePin(n)}
			g.Detail = vocab.TrimSeparator(d.inlineText(first.NextSibling(), body))
			g.Phrasing = phrasing
			if head, ph, ok := d.labelledPhrasing(g.Detail); ok {
				g.Detail, g.Phrasing = head, joinPara(ph, g.Phrasing)
			}
			q.Gaps = append(q.Gaps, g)
			d.record(pos, "paragraph", d.excerpt(n), d.item(ReadGap, g.Title))
			return
		}
		text := d.inlineText(n.FirstChild(), body)
		if len(q.Gaps) > 0 && text != "" {
			last := &q.Gaps[len(q.Gaps)-1]
			last.Detail = joinPara(last.Detail, text)
			last.Phrasing = joinPara(last.Phrasing, phrasing)
			d.record(pos, "paragraph", d.excerpt(n), d.item(ReadGap, last.Title))
			return
		}
		d.addPlainGap(text, pos, n)
		q.Gaps[len(q.Gaps)-1].Phrasing = phrasing
		return
	case *ast.Blockquote:
		if len(q.Gaps) > 0 {
			last := &q.Gaps[len(q.Gaps)-1]
			last.Phrasing = joinPara(last.Phrasing, vocab.Unquote(d.phrasingText(d.blockText(n))))
			d.record(pos, "quote", d.excerpt(n), d.item(ReadPhrasing, last.Title))
			return
		}
	case *ast.List:
		if d.criterionPhrasings(n) {
			return
		}
		d.record(pos, "list", d.excerpt(n), d.inQuestion(ReadPart))
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			d.addGapItem(it)
		}
		return
	}
	d.keep(n)
}

// coachingLabel reports whether paragraph p is a label alone on its
// line ("**Coaching**", "Scripts:") over a list that says how to put
// gaps already read.
func (d *doc) coachingLabel(p *ast.Paragraph, l *ast.List) bool {
	lb, ok := d.label(p)
	if !ok || lb.rest != "" || lb.emph == 0 && !lb.colon {
		return false
	}
	gaps, _ := d.coaching(l)
	return gaps != nil
}

// addPlainGap adds a gap written as plain text: its first clause is the
// title, the rest its detail.
func (d *doc) addPlainGap(text string, pos bank.Pos, n ast.Node) {
	g := bank.Gap{Pos: pos, Pin: d.takePin(n)}
	if head, ph, ok := d.labelledPhrasing(text); ok && head != "" {
		text, g.Phrasing = head, ph
	}
	g.Title, g.Detail = splitPlainItem(text)
	d.q.Gaps = append(d.q.Gaps, g)
	if n != nil {
		d.record(pos, describeBlock(n), d.excerpt(n), d.item(ReadGap, g.Title))
	}
}

// addGapItem reads one list item as a gap: its first paragraph names it
// (with a phrasing on its last lines, if any), further paragraphs and
// nested items explain it or, when italic, quoted or labelled, give its
// phrasing.
func (d *doc) addGapItem(it ast.Node) {
	first := d.itemFirst(it)
	g := bank.Gap{Pos: d.pos(it), Pin: d.takePin(first)}
	if isTextBlock(first) {
		p := first
		body, phrasing := d.splitPhrasing(p)
		if lead := d.firstInline(p); lead != nil && emphasis(lead) == 2 && lead != body {
			g.Title = vocab.TrimTitle(d.plain(lead))
			g.Detail = vocab.TrimSeparator(d.inlineText(lead.NextSibling(), body))
			if head, ph, ok := d.labelledPhrasing(g.Detail); ok {
				g.Detail, phrasing = head, joinPara(ph, phrasing)
			}
		} else {
			text := d.inlineText(p.FirstChild(), body)
			if head, ph, ok := d.labelledPhrasing(text); ok && head != "" {
				text, phrasing = head, joinPara(ph, phrasing)
			}
			g.Title, g.Detail = splitPlainItem(text)
		}
		g.Phrasing = phrasing
	} else if first != nil {
		g.Title = vocab.TrimTitle(d.blockText(first))
	}
	for c := next(first); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.List:
			for sub := c.FirstChild(); sub != nil; sub = sub.NextSibling() {
				if ph, ok := d.phrasingBlock(sub.FirstChild()); ok && sub.ChildCount() == 1 {
					g.Phrasing = joinPara(g.Phrasing, ph)
				} else {
					g.Detail = joinPara(g.Detail, d.blockText(sub))
				}
			}
		default:
			if ph, ok := d.phrasingBlock(c); ok {
				g.Phrasing = joinPara(g.Phrasing, ph)
			} else {
				g.Detail = joinPara(g.Detail, d.blockText(c))
			}
		}
	}
	d.q.Gaps = append(d.q.Gaps, g)
	d.recordItem(it, d.item(ReadGap, g.Title))
}

// phrasingBlock reads a block that is a phrasing on its own: a quote,
// an italic paragraph, a labelled one.
func (d *doc) phrasingBlock(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.Blockquote:
		return vocab.Unquote(d.phrasingText(d.blockText(n))), true
	case *ast.Paragraph, *ast.TextBlock:
		if ph, ok := d.phrasingParagraph(n); ok {
			return ph, true
		}
		if ph, ok := d.phrasingCue(d.plain(n)); ok {
			return ph, true
		}
		return d.gapNoteAt(n.FirstChild(), nil)
	}
	return "", false
}

// isTextBlock reports whether n is a paragraph, loose or tight.
func isTextBlock(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return true
	}
	return false
}

// phrasingParagraph reads a paragraph that is all phrasing: italic
// throughout, or opening with a phrasing label ("Try saying:",
// "**Better:**").
func (d *doc) phrasingParagraph(p ast.Node) (string, bool) {
	if c := d.onlyChild(p); c != nil && emphasis(c) == 1 {
		return vocab.Unquote(d.phrasingText(d.plain(p))), true
	}
	if l, ok := d.label(p); ok && l.colon && d.v.SaysPhrasing(l.text) {
		return vocab.Unquote(l.rest), l.rest != ""
	}
	if rest, ok := arrowLed(d.plain(p)); ok {
		return vocab.Unquote(d.phrasingText(rest)), rest != ""
	}
	return "", false
}

// arrows lead a line that says how to put a point ("→ "Say this."").
var arrows = []string{"→", "↪", "↳", "➜", "➡", "⇒", "⟶", "->", "=>"}

// arrowLed returns the text after the arrow that opens s, if one does.
func arrowLed(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, a := range arrows {
		if rest, ok := strings.CutPrefix(s, a); ok {
			return strings.TrimSpace(strings.TrimPrefix(rest, "\uFE0F")), true
		}
	}
	return "", false
}

// phrasingCue returns the phrasing of a line under a gap that an arrow
// or an emoji leads ("→ Say: "…"", "💬 "…""): the rest, its label and
// quotation marks removed. An emoji that marks a point of feedback
// ("✅", "❌") leads a point, not a phrasing.
func (d *doc) phrasingCue(s string) (string, bool) {
	rest, ok := arrowLed(s)
	if !ok {
		s = strings.TrimSpace(s)
		r, _ := utf8.DecodeRuneInString(s)
		if !unicode.Is(unicode.So, r) || d.v.Mark(s) != vocab.RoleNone {
			return "", false
		}
		rest = strings.TrimSpace(trimEmoji(s))
	}
	rest = vocab.Unquote(d.phrasingText(rest))
	return rest, rest != ""
}

// phrasingText drops a phrasing label from the start of text, when it
// has one ("Better: …" in italics).
func (d *doc) phrasingText(text string) string {
	if head, rest, ok := cutColon(text); ok && d.v.SaysPhrasing(head) {
		return strings.TrimSpace(rest)
	}
	return text
}

// cutColon cuts s around its first colon, ASCII or full-width ("建议说法：「…」").
func cutColon(s string) (before, after string, found bool) {
	// Two byte searches: strings.IndexAny reads rune by rune when its
	// set holds a character that is not ASCII.
	i, size := strings.IndexByte(s, ':'), 1
	if j := strings.Index(s, "："); j >= 0 && (i < 0 || j < i) {
		i, size = j, len("：")
	}
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+size:], true
}

// labelledPhrasing splits plain text at a phrasing label ("… Try
// saying: "…""), anywhere after its first words.
func (d *doc) labelledPhrasing(text string) (head, phrasing string, ok bool) {
	for i, r := range text {
		if r != ':' && r != '：' {
			continue
		}
		before := text[:i]
		// The label is the last few words before the colon, after a
		// sentence end or a line break.
		start := 0
		if k := strings.LastIndexAny(before, ".!?\n。！？"); k >= 0 {
			_, size := utf8.DecodeRuneInString(before[k:])
			start = k + size
		}
		if d.v.SaysPhrasing(before[start:]) {
			return strings.TrimSpace(text[:start]), vocab.Unquote(text[i+utf8.RuneLen(r):]), true
		}
	}
	return text, "", false
}

// splitPhrasing finds the phrasing at the end of a paragraph: whole
// lines that are italic or labelled, or a quoted italic phrase closing
// its last line. It returns the first inline node of the phrasing (nil
// when there is none) and the phrasing's text.
func (d *doc) splitPhrasing(p ast.Node) (from ast.Node, phrasing string) {
	lines := d.paragraphLines(p)
	var texts []string
	for k := len(lines) - 1; k > 0; k-- {
		var stop ast.Node
		if k+1 < len(lines) {
			stop = lines[k+1]
		}
		text, ok := d.phrasingLine(lines[k], stop)
		if !ok {
			break
		}
		from = lines[k]
		texts = append([]string{text}, texts...)
	}
	if from == nil && len(lines) > 0 {
		// "… detail. *"Say this."*" on one line.
		var last ast.Node
		for c := lines[len(lines)-1]; c != nil; c = c.NextSibling() {
			if !d.isBlank(c) {
				last = c
			}
		}
		if last != nil && last != d.firstInline(p) && emphasis(last) == 1 && vocab.IsQuoted(d.plain(last)) {
			return last, vocab.Unquote(d.plain(last))
		}
	}
	return from, strings.Join(texts, "\n\n")
}

// phrasingLine reports whether the inline nodes from start up to stop
// make a line of phrasing: italic throughout, or opening with a
// phrasing label.
func (d *doc) phrasingLine(start, stop ast.Node) (string, bool) {
	var only ast.Node
	count := 0
	for c := start; c != nil && c != stop; c = c.NextSibling() {
		if !d.isBlank(c) {
			only = c
			count++
		}
	}
	if count == 1 && emphasis(only) == 1 {
		return vocab.Unquote(d.phrasingText(d.plain(only))), true
	}
	text := d.inlineText(start, stop)
	if head, rest, ok := cutColon(text); ok && d.v.SaysPhrasing(head) {
		return vocab.Unquote(rest), true
	}
	if rest, ok := arrowLed(text); ok {
		rest = vocab.Unquote(d.phrasingText(rest))
		return rest, rest != ""
	}
	return d.gapNoteAt(start, stop)
}

// gapNoteAt reads the inline nodes from start up to stop as a note under
// a gap (gapNote). Bold or italic, the opening node is the note's label
// only when it ends in a colon or a colon follows it ("*Next time:* …",
// "**Better wording**: …"): a bold lead that runs on is a gap's own
// title ("**No AOF.** You only…"). Plain, the label is the text before
// the first colon ("Coach's note: …").
func (d *doc) gapNoteAt(start, stop ast.Node) (string, bool) {
	first := start
	for first != nil && first != stop && d.isBlank(first) {
		first = first.NextSibling()
	}
	if first == nil || first == stop {
		return "", false
	}
	if emphasis(first) == 0 {
		head, rest, ok := cutColon(d.inlineText(first, stop))
		if !ok {
			return "", false
		}
		return d.gapNote(head, rest, false)
	}
	head, rest, ok := d.emphLabel(first, stop)
	if !ok {
		return "", false
	}
	if lead := d.firstInline(first.Parent()); lead != first && emphasis(lead) == emphasis(first) {
		if _, _, same := d.emphLabel(lead, nil); same {
			return "", false // "**A:** …" then "**B:** …": entries alike, not a note on the first
		}
	}
	return d.gapNote(head, rest, true)
}

// emphLabel reads a bold or italic inline as a label: its text, when it
// ends in a colon or a colon follows it, and the text after it up to
// stop.
func (d *doc) emphLabel(first, stop ast.Node) (head, rest string, ok bool) {
	head = strings.TrimSpace(d.plain(first))
	rest = strings.TrimSpace(d.inlineText(first.NextSibling(), stop))
	switch {
	case strings.HasSuffix(head, ":") || strings.HasSuffix(head, "："):
		head = strings.TrimSuffix(strings.TrimSuffix(head, ":"), "：")
	case strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "："):
		_, rest, _ = cutColon(rest)
	default:
		return "", "", false
	}
	return head, rest, true
}

// followsGap reports whether paragraph p stands right after a gap: after
// the list of gaps or a paragraph of the gaps, and not led by a label of
// the same form as that paragraph's (another gap, written alike).
func (d *doc) followsGap(p *ast.Paragraph) bool {
	switch p.PreviousSibling().(type) {
	case *ast.List, *ast.Paragraph:
		return d.role == vocab.RoleGaps && !d.sameEntryShape(p)
	}
	return false
}

// gapNote reads a line or paragraph attached to a gap, under its title,
// that a label of the document's own words leads ("*Next time:* "…"",
// "Coach's note: "…"", "**Better wording:** …"), given its label and
// what follows: the words to say. The label is short and names nothing
// else (no part, no note or example); what follows reads as something
// to say: quoted, or, after a bold or italic label, a few sentences at
// most. emph says the label is bold or italic.
func (d *doc) gapNote(head, rest string, emph bool) (string, bool) {
	head, rest = strings.TrimSpace(head), strings.TrimSpace(rest)
	if head == "" || rest == "" || len(strings.Fields(head)) > maxNoteLabelWords || strings.ContainsAny(head, "\n.!?") {
		return "", false
	}
	if d.v.IsNotTerm(head) || d.v.Role(head) != vocab.RoleNone {
		return "", false // "Why it matters:", "Example:", "Score:"
	}
	if vocab.IsQuoted(rest) || emph && saysBriefly(rest) || d.v.SaysPhrasing(head) {
		return vocab.Unquote(rest), true
	}
	return "", false
}

// maxNoteLabelWords bounds the label of a note under a gap: "What to
// tell them" is one, a clause ending in a colon is not.
const maxNoteLabelWords = 5

// saysBriefly reports whether text is short enough to be said as it
// stands: at most three sentences and sixty words, and not a link.
func saysBriefly(text string) bool {
	if strings.HasPrefix(text, "http://") || strings.HasPrefix(text, "https://") {
		return false
	}
	sentences := 0
	for _, r := range text {
		if strings.ContainsRune(".!?。！？", r) {
			sentences++
		}
	}
	return sentences <= 3 && len(strings.Fields(text)) <= 60
}

// next returns the sibling after n, nil when n is nil.
func next(n ast.Node) ast.Node {
	if n == nil {
		return nil
	}
	return n.NextSibling()
}

// itemFirst returns a list item's first block, past a pinning comment
// on a line of its own ("- <!-- bankgen:id x -->"), whose pin it makes
// the pending one.
func (d *doc) itemFirst(it ast.Node) ast.Node {
	first := it.FirstChild()
	if name, ok := d.blockPin(first); ok {
		d.setPin(name, d.pos(first))
		return first.NextSibling()
	}
	if h, ok := first.(*ast.HTMLBlock); ok {
		text := d.htmlText(h)
		if end := strings.Index(text, "-->"); end > 0 {
			if name, ok := pinComment(text[:end+3]); ok && strings.TrimSpace(text[end+3:]) != "" {
				// CommonMark reads a line that opens with a comment as
				// HTML, text and all: the pin counts, the text is kept
				// as written.
				d.setPin(name, d.pos(first))
				d.warn(d.pos(first), "a pin comment that opens a list item's line makes the whole line HTML; put it at the end of the line, or alone on the line above")
			}
		}
	}
	return first
}

// itemLead reads a list item's first block as "**Title** — detail", or
// splits plain text into a title and a detail.
func (d *doc) itemLead(first ast.Node) (title, detail string) {
	if first == nil {
		return "", ""
	}
	if t, rest, ok := d.leadSplit(first); ok {
		return vocab.TrimTitle(t), rest
	}
	return splitPlainItem(d.blockText(first))
}

// splitPlainItem splits a point written without bold into a title and a
// detail: at the first dash or colon after a short head, or after a
// short first sentence; else it is all title.
func splitPlainItem(text string) (title, detail string) {
	text = vocab.TrimDecoration(strings.TrimSpace(text))
	if line, more, ok := strings.Cut(text, "\n"); ok {
		t, dt := splitPlainItem(line)
		return t, joinPara(dt, strings.TrimSpace(more))
	}
	for _, sep := range []string{" — ", " – ", " - ", ": ", "："} {
		if head, rest, ok := strings.Cut(text, sep); ok && len(strings.Fields(head)) <= 10 && strings.TrimSpace(rest) != "" {
			return vocab.TrimTitle(head), strings.TrimSpace(rest)
		}
	}
	if i := strings.Index(text, ". "); i > 0 && len(strings.Fields(text[:i])) <= 15 {
		return vocab.TrimTitle(text[:i]), strings.TrimSpace(text[i+2:])
	}
	return vocab.TrimTitle(text), ""
}

// feedbackContent reads a block under a feedback heading that has no
// part of its own: a list whose items are marked (✅ for what went well,
// ❌ or ⚠️ for what to improve), or a score.
func (d *doc) feedbackContent(n ast.Node) {
	pos := d.pos(n)
	switch n := n.(type) {
	case *ast.List:
		if d.markedList(n) || d.criterionPhrasings(n) {
			return
		}
		if len(d.q.Strengths) == 0 && len(d.q.Gaps) == 0 && d.gapsFollow(n) {
			// "**Feedback**" over a list, then "**Gaps**" over another:
			// the first list is what went well.
			d.warn(pos, "list under the feedback of question %d read as its strengths: its gaps follow under their own name", d.q.Number)
			r := d.inQuestion(ReadPart)
			r.Role = vocab.RoleStrengths
			d.record(pos, "list", d.excerpt(n), r)
			d.markWarn()
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				d.addStrengthItem(it)
			}
			return
		}
	case *ast.Paragraph:
		if d.q.Score == "" && d.setScore(d.plain(n), false, pos) {
			d.record(pos, "paragraph", d.excerpt(n), d.inQuestion(ReadScore))
			return
		}
	}
	d.keep(n)
}

// gapsFollow reports whether a heading or label naming the gaps comes
// after block n, before the next question.
func (d *doc) gapsFollow(n ast.Node) bool {
	for a := range d.partsAhead(n) {
		if a.level > 0 && a.level <= d.qDepth {
			return false
		}
		role, _ := d.roleOf(a.text)
		if inf, ok := d.structure.inferred[vocab.Key(a.text)]; ok && role == vocab.RoleNone {
			role = inf.role // a section every question repeats
		}
		if role == vocab.RoleNone && (a.level > 0 || a.colon) {
			// A heading, or a label ending in a colon, may name its
			// part by its words.
			role = d.v.RoleByWords(vocab.TrimDecoration(a.text))
		}
		if role == vocab.RoleGaps {
			return true
		}
		if role.InQuestion() {
			return false
		}
	}
	return false
}

// criterionPhrasings reads a list, after a rubric, whose every item
// names a gap already read and says how to put it ("- **Explains
// offsets:** "Each group commits…""): each item's text is that gap's
// phrasing. It reports whether the list was one.
func (d *doc) criterionPhrasings(l *ast.List) bool {
	gaps, texts := d.coaching(l)
	if gaps == nil {
		return false
	}
	d.record(d.pos(l), "list", d.excerpt(l), d.inQuestion(ReadPhrasing))
	i := 0
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		g := &d.q.Gaps[gaps[i]]
		g.Phrasing = joinPara(g.Phrasing, texts[i])
		d.recordItem(it, d.item(ReadPhrasing, g.Title))
		i++
	}
	return true
}

// coaching reads a list whose every item names a gap already read (by
// its title, bold or not) and says how to put it: for each item, the
// gap's index and the phrasing. It returns nil when l is not one.
func (d *doc) coaching(l *ast.List) (gaps []int, texts []string) {
	if len(d.q.Gaps) == 0 {
		return nil, nil
	}
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		p := it.FirstChild()
		if !isTextBlock(p) {
			return nil, nil
		}
		g := -1
		lead, rest, ok := d.leadSplit(p)
		if !ok {
			lead, rest, ok = strings.Cut(d.plain(p), ":")
		}
		if ok {
			g = d.gapNamed(vocab.TrimTitle(lead))
		}
		if g < 0 {
			// "Idempotent producer — Rephrase: "…"": the item opens
			// with a gap's title.
			g, rest = d.gapOpening(d.plain(p))
		}
		if g < 0 || strings.TrimSpace(rest) == "" {
			return nil, nil
		}
		gaps, texts = append(gaps, g), append(texts, vocab.Unquote(d.phrasingText(vocab.TrimSeparator(strings.TrimSpace(rest)))))
	}
	return gaps, texts
}

// gapOpening returns the index of the current question's gap whose
// title opens text as whole words, and the text after it; -1 for none.
func (d *doc) gapOpening(text string) (int, string) {
	for i, g := range d.q.Gaps {
		t := g.Title
		if t == "" || len(text) <= len(t) || !strings.EqualFold(text[:len(t)], t) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[len(t):]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			continue
		}
		return i, text[len(t):]
	}
	return -1, ""
}

// gapNamed returns the index of the current question's gap whose title
// is name (as words), -1 for none.
func (d *doc) gapNamed(name string) int {
	k := vocab.Key(name)
	for i, g := range d.q.Gaps {
		if k != "" && vocab.Key(g.Title) == k {
			return i
		}
	}
	return -1
}

// markedList reads a feedback list whose every item opens with a mark
// that names strengths or gaps.
func (d *doc) markedList(l *ast.List) bool {
	var roles []vocab.Role
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		text := d.blockText(it)
		r := d.v.Mark(text)
		if r == vocab.RoleNone {
			return false
		}
		roles = append(roles, r)
	}
	d.record(d.pos(l), "list", d.excerpt(l), d.inQuestion(ReadPart))
	i := 0
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		if roles[i] == vocab.RoleStrengths {
			d.addStrengthItem(it)
		} else {
			d.addGapItem(it)
		}
		i++
	}
	return true
}

// scorePattern finds a score in text: "7/10", "8 out of 10", "4.5/5",
// "80%", "★★★★☆".
var scorePattern = regexp.MustCompile(`\d+(?:[.,]\d+)?\s*(?:/|out of|of|de|sur|von|em)\s*\d+|\d+(?:[.,]\d+)?\s*%|[★⭐]+[☆]*`)

// findScore returns where scorePattern first matches s, or nil.
func findScore(s string) []int {
	if !mayHoldScore(s) {
		return nil // most text: not scanned by the pattern
	}
	return scorePattern.FindStringIndex(s)
}

// mayHoldScore reports whether s holds an ASCII digit or a star, as
// every score does. It searches bytes: strings.ContainsAny reads rune
// by rune when its set holds a character that is not ASCII.
func mayHoldScore(s string) bool {
	return strings.ContainsAny(s, "0123456789") || strings.Contains(s, "★") || strings.Contains(s, "⭐")
}

// setScore keeps a score the feedback gives: text labelled as a score
// when short, or text that is a score and little else. The score is
// kept as written ("7/10", "4.5 out of 5", "B+"); words after a score
// that opens the text ("7/10 — solid basics") are its comment, kept in
// the question's section named after the score (scoreComment). It
// reports whether text was taken.
func (d *doc) setScore(text string, labelled bool, pos bank.Pos) bool {
	text = strings.TrimSpace(text)
	if text == "" || strings.Contains(text, "\n") {
		return false
	}
	if !(labelled && len(text) <= 80) && !isScore(text) {
		return false
	}
	score, comment := splitScore(text)
	d.q.Score = score
	if comment != "" {
		d.scoreComment(comment, pos)
	}
	return true
}

// splitScore splits "7/10 — solid basics" into the score and the words
// after it. Text that does not open with a score is all score ("Strong
// hire, 3/4", "B+").
func splitScore(text string) (score, comment string) {
	m := findScore(text)
	if m == nil || m[0] != 0 {
		return text, ""
	}
	rest := strings.TrimSpace(text[m[1]:])
	trimmed := strings.TrimLeft(rest, " —–-:,;.·|")
	if trimmed == rest && rest != "" && !strings.HasPrefix(rest, "(") {
		return text, "" // "7/10ths": the score runs on
	}
	if t := strings.TrimSpace(trimmed); strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		trimmed = t[1 : len(t)-1]
	}
	return strings.TrimSpace(text[:m[1]]), strings.TrimSpace(trimmed)
}

// scoreComment keeps the words about a score in the question's section
// named after the score ("Score"), where the Markdown export writes them
// back under the score.
func (d *doc) scoreComment(text string, pos bank.Pos) {
	title := vocab.TrimDecoration(d.v.Write.Headings[vocab.RoleScore])
	if n := len(d.q.Extra); n == 0 || d.q.Extra[n-1].Title != title {
		d.q.Extra = append(d.q.Extra, bank.Section{Title: title, Pos: pos})
	}
	x := &d.q.Extra[len(d.q.Extra)-1]
	x.Blocks = append(x.Blocks, bank.Block{Kind: bank.KindParagraph, Text: text, Pos: pos})
	d.extra = nil
	d.record(pos, "comment", text, d.item(ReadScore, "comment"))
}

// isScore reports whether text is a score and at most two words about
// it: "7/10", "Overall: 9/15", "★★★★☆ good".
func isScore(text string) bool {
	t := vocab.TrimDecoration(text)
	m := findScore(t)
	if m == nil {
		return false
	}
	rest := t[:m[0]] + " " + t[m[1]:]
	return len(strings.Fields(vocab.Key(rest))) <= 2 && strings.Trim(rest, " :—–―-()") == vocab.TrimDecoration(strings.Trim(rest, " :—–―-()"))
}

// feedbackTable reads feedback written as a table: columns named for
// strengths and gaps (and phrasing), a rubric whose rows are marked met
// or not (rubric), or rows whose first cell names a part ("| What went
// well | … |", "| Score | 7/10 |"). It reports whether the table was
// one.
func (d *doc) feedbackTable(t *east.Table) bool {
	if d.role == vocab.RoleAnswer && d.extra == nil {
		return false
	}
	tb := d.table(t)
	rowPos := d.rowPositions(t)
	cols := make([]vocab.Role, len(tb.Header))
	phrasing := -1
	any := false
	for i, h := range tb.Header {
		switch r := d.v.Role(h); {
		case r == vocab.RoleStrengths || r == vocab.RoleGaps:
			cols[i], any = r, true
		case d.v.IsPhrasingLabel(h):
			phrasing = i
		}
	}
	if any {
		d.record(d.pos(t), "table", d.excerpt(t), d.inQuestion(ReadPart))
		for k, row := range tb.Rows {
			var gap *bank.Gap
			for i, cell := range row {
				if i >= len(cols) || strings.TrimSpace(cell) == "" {
					continue
				}
				title, detail := splitPlainItem(cell)
				switch cols[i] {
				case vocab.RoleStrengths:
					d.q.Strengths = append(d.q.Strengths, bank.Strength{Title: title, Detail: detail, Pos: rowPos[k]})
					d.record(rowPos[k], "row", cell, d.item(ReadStrength, title))
				case vocab.RoleGaps:
					d.q.Gaps = append(d.q.Gaps, bank.Gap{Title: title, Detail: detail, Pos: rowPos[k]})
					gap = &d.q.Gaps[len(d.q.Gaps)-1]
					d.record(rowPos[k], "row", cell, d.item(ReadGap, title))
				}
			}
			if gap != nil && phrasing >= 0 && phrasing < len(row) {
				gap.Phrasing = vocab.Unquote(row[phrasing])
			}
		}
		return true
	}
	if d.role != vocab.RoleDiagrams && d.rubric(t, tb, rowPos, phrasing) {
		return true
	}
	// Rows named by their first cell.
	if len(tb.Rows) == 0 {
		return false
	}
	rows := append([][]string{tb.Header}, tb.Rows...)
	roles := make([]vocab.Role, len(rows))
	for k, row := range rows {
		if len(row) < 2 {
			return false
		}
		r := d.v.Role(row[0])
		if r == vocab.RoleNone {
			r = d.v.RoleByWords(row[0])
		}
		if r != vocab.RoleStrengths && r != vocab.RoleGaps && r != vocab.RoleScore && (k > 0 || r != vocab.RoleNone) {
			if k == 0 {
				continue // a header such as "Aspect | Feedback"
			}
			return false
		}
		roles[k] = r
	}
	d.record(d.pos(t), "table", d.excerpt(t), d.inQuestion(ReadPart))
	for k, row := range rows {
		if roles[k] == vocab.RoleNone {
			continue
		}
		pos := d.pos(t)
		if k > 0 {
			pos = rowPos[k-1]
		}
		var cells []string // the row's other cells, phrasing aside
		for i, cell := range row[1:] {
			if i+1 != phrasing && strings.TrimSpace(cell) != "" {
				cells = append(cells, strings.TrimSpace(cell))
			}
		}
		points := cells
		if len(cells) == 1 {
			points = splitCell(cells[0]) // "| Strengths | a; b |"
		} else if len(cells) > 1 {
			points = []string{cells[0] + "\n" + strings.Join(cells[1:], "\n")}
		}
		switch roles[k] {
		case vocab.RoleScore:
			d.setScore(strings.Join(cells, " "), true, pos)
			d.record(pos, "row", d.q.Score, d.inQuestion(ReadScore))
		case vocab.RoleStrengths:
			for _, point := range points {
				title, detail := splitPlainItem(point)
				d.q.Strengths = append(d.q.Strengths, bank.Strength{Title: title, Detail: detail, Pos: pos})
				d.record(pos, "row", point, d.item(ReadStrength, title))
			}
		case vocab.RoleGaps:
			for _, point := range points {
				d.addPlainGap(point, pos, nil)
				g := &d.q.Gaps[len(d.q.Gaps)-1]
				if phrasing > 0 && phrasing < len(row) {
					g.Phrasing = joinPara(g.Phrasing, vocab.Unquote(row[phrasing]))
				}
				d.record(pos, "row", point, d.item(ReadGap, g.Title))
			}
		}
	}
	return true
}

// splitCell splits a table cell that lists several points ("a; b",
// "a<br>b" read as lines).
func splitCell(text string) []string {
	var out []string
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ';' || r == '•' }) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// item returns the reading of a strength, gap or phrasing named title.
func (d *doc) item(as What, title string) Reading {
	r := d.inQuestion(as)
	r.Name = title
	return r
}

// rubric reads a table of criteria, each marked met or not in a column
// of verdicts ("✔", "✘", "Met", "Not met", "pass", "yes", "✅ Strong",
// "⚠️ Improve"): a criterion met is a strength, one not met a gap. The
// criterion is the first other column with text; a column named as a
// phrasing ("Try saying", "What to say instead") gives the gap's
// phrasing, and the rest of the row its detail. It reports whether t
// was such a table.
func (d *doc) rubric(t *east.Table, tb bank.Block, rowPos []bank.Pos, phrasing int) bool {
	if len(tb.Rows) < 2 || len(tb.Header) < 2 {
		return false // a rubric has criteria, and a verdict on each
	}
	verdicts := -1
	var roles []vocab.Role
	for c := range tb.Header {
		if c == phrasing {
			continue
		}
		rs, ok := d.verdictColumn(tb.Rows, c)
		if ok {
			verdicts, roles = c, rs
			break
		}
	}
	if verdicts < 0 {
		return false
	}
	criterion := -1
	for c := range tb.Header {
		if c != verdicts && c != phrasing {
			criterion = c
			break
		}
	}
	if criterion < 0 {
		return false
	}
	d.record(d.pos(t), "table", d.excerpt(t), d.inQuestion(ReadRubric))
	for k, row := range tb.Rows {
		if criterion >= len(row) || strings.TrimSpace(row[criterion]) == "" || roles[k] == vocab.RoleNone {
			continue
		}
		title := vocab.TrimTitle(row[criterion])
		var detail []string
		for c, cell := range row {
			cell = strings.TrimSpace(cell)
			if c == criterion || c == phrasing || c >= len(tb.Header) || cell == "" || onlyDecoration(cell) {
				continue
			}
			if c == verdicts {
				continue // the row's verdict is what it is filed as
			}
			detail = append(detail, cell)
		}
		pos := rowPos[k]
		if roles[k] == vocab.RoleStrengths {
			d.q.Strengths = append(d.q.Strengths, bank.Strength{Title: title, Detail: strings.Join(detail, "\n"), Pos: pos})
			d.record(pos, "row", title, d.item(ReadStrength, title))
			continue
		}
		g := bank.Gap{Title: title, Detail: strings.Join(detail, "\n"), Pos: pos}
		if phrasing >= 0 && phrasing < len(row) && !onlyDecoration(row[phrasing]) {
			g.Phrasing = vocab.Unquote(row[phrasing])
		}
		d.q.Gaps = append(d.q.Gaps, g)
		d.record(pos, "row", title, d.item(ReadGap, title))
	}
	return true
}

// verdictColumn reports whether every cell of column c gives a verdict,
// and which.
func (d *doc) verdictColumn(rows [][]string, c int) ([]vocab.Role, bool) {
	var roles []vocab.Role
	for _, row := range rows {
		if c >= len(row) {
			return nil, false
		}
		r := d.verdict(row[c])
		if r == vocab.RoleNone {
			return nil, false
		}
		roles = append(roles, r)
	}
	return roles, true
}

// verdict reads a rubric's cell: a mark ("✔", "✘", "✅ Strong"), a
// verdict's name ("Met", "Not met", "Pass", "Partially"), a yes or no
// in any language, or words that name strengths or gaps ("Strong",
// "Improve").
func (d *doc) verdict(cell string) vocab.Role {
	cell = strings.TrimSpace(cell)
	if cell == "" || len(strings.Fields(vocab.Key(cell))) > 3 {
		return vocab.RoleNone // a verdict is short
	}
	if r := d.v.Mark(cell); r != vocab.RoleNone {
		return r
	}
	if r := d.v.Verdict(cell); r != vocab.RoleNone {
		return r
	}
	if st, ok := d.v.StatusName(cell); ok && len(strings.Fields(vocab.Key(cell))) <= 2 {
		if st == bank.Done {
			return vocab.RoleStrengths
		}
		return vocab.RoleGaps // "no", "partly": not met in full
	}
	if len(strings.Fields(vocab.Key(cell))) <= 2 {
		if r := d.v.RoleByWords(cell); r == vocab.RoleStrengths || r == vocab.RoleGaps {
			return r
		}
	}
	return vocab.RoleNone
}
