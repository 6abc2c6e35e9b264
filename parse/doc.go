package parse

import (
	"bytes"
	"slices"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// doc walks one Markdown document, already repaired to clean UTF-8, and
// builds the topic it describes. It is a small state machine over the
// document's top-level blocks: headings switch the current section, and
// each block is placed according to the section it falls in.
type doc struct {
	name  string
	src   []byte
	lines lineTable
	diags *bank.Diagnostics
	buf   []byte // scratch for plain text, reused

	title    string
	titlePos bank.Pos
	topic    bank.Topic
	plan     []bank.PlanEntry

	q     *bank.Question // the question being read, or nil before the first
	sec   section
	extra *bank.Section // the unrecognised section being read, if any
	note  *bank.Section // the concept-guide section being read, if any
}

// emptyTopic reports whether a document contributed nothing to its
// topic, as a file holding only the study plan does.
func emptyTopic(t *bank.Topic) bool {
	return len(t.Guide) == 0 && len(t.Notes) == 0 && len(t.Questions) == 0 && len(t.Extra) == 0
}

func (d *doc) pos(n ast.Node) bank.Pos { return d.lines.pos(offset(n)) }

func (d *doc) warn(pos bank.Pos, format string, args ...any) {
	d.diags.Add(pos, bank.Warning, format, args...)
}

func (d *doc) fail(pos bank.Pos, format string, args ...any) {
	d.diags.Add(pos, bank.Error, format, args...)
}

// walk reads every top-level block of the document.
func (d *doc) walk(root ast.Node) {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			d.heading(n)
		case *ast.ThematicBreak:
			// "---" separates sections in the sources; the headings
			// already carry the structure.
		case *east.Table:
			if d.planTable(n) {
				continue
			}
			d.content(n)
		default:
			d.content(n)
		}
	}
	d.finishQuestion()
}

// heading switches state on a heading.
func (d *doc) heading(h *ast.Heading) {
	text := d.plain(h)
	pos := d.pos(h)
	if n, label, ok := questionHeading(text); ok {
		d.finishQuestion()
		d.topic.Questions = append(d.topic.Questions, bank.Question{
			Number: n, Label: label, Level: levelOf(label), Pos: pos,
		})
		d.q = &d.topic.Questions[len(d.topic.Questions)-1]
		d.sec, d.extra, d.note = secNone, nil, nil
		if label != "" && d.q.Level == bank.LevelUnknown {
			d.warn(pos, "question %d: level %q is not warm-up, stepping-up or lead", n, label)
		}
		return
	}
	if s := sectionOf(text); s != secNone {
		if d.q == nil {
			d.warn(pos, "section %q comes before any question heading; kept as an extra section", text)
			d.startExtra(text, pos)
			return
		}
		d.sec, d.extra = s, nil
		if s == secAnswer {
			// Room for the whole answer at once: block by block, the
			// slices grow by copying, and the bank keeps their slack.
			blocks, samples := d.answerSize(h)
			d.q.Answer = slices.Grow(d.q.Answer, blocks)
			d.q.Samples = slices.Grow(d.q.Samples, samples)
		}
		return
	}
	if d.title == "" && h.Level == 1 && d.q == nil && d.note == nil && len(d.topic.Extra) == 0 {
		d.title, d.titlePos = text, pos
		return
	}
	switch {
	case d.q != nil && d.sec == secAnswer && d.extra == nil:
		d.q.Answer = append(d.q.Answer, d.toBlock(h))
	case d.q != nil:
		d.warn(pos, "unrecognised section %q in question %d; kept as an extra section", text, d.q.Number)
		d.startExtra(text, pos)
	default:
		d.topic.Notes = append(d.topic.Notes, bank.Section{Title: text, Pos: pos})
		d.note = &d.topic.Notes[len(d.topic.Notes)-1]
		d.extra = nil
	}
}

// answerSize counts the blocks that the model answer opened by h will
// hold, and the code samples among them: every block up to the next
// question or section heading but the thematic breaks, which walk skips.
func (d *doc) answerSize(h ast.Node) (blocks, samples int) {
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		switch n.(type) {
		case *ast.ThematicBreak:
			continue
		case *ast.Heading:
			text := d.plain(n)
			if _, _, ok := questionHeading(text); ok || sectionOf(text) != secNone {
				return blocks, samples
			}
		}
		blocks++
		if isFence(n) {
			samples++
		}
	}
	return blocks, samples
}

// startExtra opens an unrecognised section on the current question, or
// on the topic when there is none.
func (d *doc) startExtra(title string, pos bank.Pos) {
	list := &d.topic.Extra
	if d.q != nil {
		list = &d.q.Extra
	}
	*list = append(*list, bank.Section{Title: title, Pos: pos})
	d.extra = &(*list)[len(*list)-1]
}

// keep puts a block that does not fit where it stands into an extra
// section named after that place, reporting it.
func (d *doc) keep(n ast.Node, where string) {
	pos := d.pos(n)
	if d.extra == nil || d.extra.Title != where {
		d.startExtra(where, pos)
	}
	d.warn(pos, "%s in %s is not understood; kept as extra content", describe(n), where)
	d.extra.Blocks = append(d.extra.Blocks, d.toBlock(n))
}

// content places a non-heading block according to the current section.
func (d *doc) content(n ast.Node) {
	if d.extra != nil {
		d.extra.Blocks = append(d.extra.Blocks, d.toBlock(n))
		return
	}
	if d.q == nil {
		d.guideContent(n)
		return
	}
	switch d.sec {
	case secNone:
		d.promptContent(n)
	case secFeedback:
		d.keep(n, "Feedback First")
	case secStrengths:
		d.strength(n)
	case secGaps:
		d.gap(n)
	case secAnswer:
		d.answer(n)
	case secDiagrams:
		if isFence(n) {
			d.diagrams(n)
		} else {
			d.keep(n, "Diagrams")
		}
	}
}

// promptContent reads the question itself, the text right under its
// heading.
func (d *doc) promptContent(n ast.Node) {
	switch n.(type) {
	case *ast.Paragraph, *ast.Blockquote, *ast.TextBlock:
		text := unquote(d.blockText(n))
		if d.q.Prompt != "" {
			d.q.Prompt += "\n\n"
		}
		d.q.Prompt += text
	default:
		d.keep(n, "Question")
	}
}

// guideContent reads a concept guide's prose, picking out glossary
// entries ("**Term** — definition").
func (d *doc) guideContent(n ast.Node) {
	section := ""
	if d.note != nil {
		section = d.note.Title
	}
	switch n := n.(type) {
	case *ast.Paragraph:
		if term, def, ok := d.leadSplit(n); ok && def != "" && d.isGlossaryLead(n) {
			d.topic.Guide = append(d.topic.Guide, bank.Term{Term: strings.TrimSuffix(term, ":"), Definition: def, Section: section, Pos: d.pos(n)})
			return
		}
	case *ast.List:
		if terms, ok := d.glossaryList(n, section); ok {
			d.topic.Guide = append(d.topic.Guide, terms...)
			return
		}
	}
	if d.note == nil {
		title := d.title
		d.topic.Notes = append(d.topic.Notes, bank.Section{Title: title, Pos: d.pos(n)})
		d.note = &d.topic.Notes[len(d.topic.Notes)-1]
	}
	d.note.Blocks = append(d.note.Blocks, d.toBlock(n))
}

// isGlossaryLead reports whether a paragraph's bold lead is followed by a
// dash or colon, the mark of a glossary entry, rather than running on as
// ordinary emphasis. It looks at the text in d.buf without copying it.
func (d *doc) isGlossaryLead(p ast.Node) bool {
	first := firstInline(p, d.src)
	if first == nil {
		return false
	}
	d.buf = appendChildren(d.buf[:0], first, d.src)
	if bytes.HasSuffix(bytes.TrimSpace(d.buf), []byte(":")) {
		return true
	}
	next := first.NextSibling()
	if next == nil {
		return false
	}
	d.buf = appendInline(d.buf[:0], next, d.src)
	rest := bytes.TrimSpace(d.buf)
	return len(trimSeparatorBytes(rest)) != len(rest)
}

// glossaryList reads a bullet list whose every item is a glossary entry.
func (d *doc) glossaryList(l *ast.List, section string) ([]bank.Term, bool) {
	var terms []bank.Term
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		p := it.FirstChild()
		if p == nil || it.ChildCount() != 1 {
			return nil, false
		}
		term, def, ok := d.leadSplit(p)
		if !ok || def == "" || !d.isGlossaryLead(p) {
			return nil, false
		}
		terms = append(terms, bank.Term{Term: strings.TrimSuffix(term, ":"), Definition: def, Section: section, Pos: d.pos(it)})
	}
	return terms, len(terms) > 0
}

func isFence(n ast.Node) bool {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return true
	}
	return false
}

// describe names a block's kind for messages.
func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return "a paragraph"
	case *ast.List:
		return "a list"
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return "a code block"
	case *east.Table:
		return "a table"
	case *ast.Blockquote:
		return "a quote"
	case *ast.HTMLBlock:
		return "an HTML block"
	}
	return "a " + strings.ToLower(n.Kind().String())
}

// finishQuestion closes the question being read.
func (d *doc) finishQuestion() {
	d.q, d.sec, d.extra = nil, secNone, nil
}
