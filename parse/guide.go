package parse

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// guideContent reads a block outside any question: a concept guide's
// glossary entries and prose, or remarks on the whole interview.
//
// Glossary entries are "**Term** — definition" or "**Term:** definition"
// in a paragraph, a bullet or a numbered item; a table with Term and
// Definition columns; a definition list; and, in a section named as a
// glossary, a heading per term followed by its paragraphs, or items
// "Term — definition" without bold. Labels that are never terms
// ("**Note:**", "**Tip:**", a part's name) stay prose.
func (d *doc) guideContent(n ast.Node) {
	pos := d.pos(n)
	if d.termHead != nil {
		if p, ok := n.(*ast.Paragraph); ok && !d.isEntry(p) {
			d.termDefinition(p)
			return
		}
		d.endTermHeading()
	}
	_, isTurn := d.structure.turns[n]
	labelNote := false // a label kept as a note, with a warning
	switch n := n.(type) {
	case *ast.Paragraph:
		if isTurn {
			break // "**Maya:** …" is a speaker, not a term
		}
		t, ok := d.entry(n)
		if ok && d.colonEntry(n) && d.interview && !d.inGlossary() {
			ok = false // "**Target role:** …" in an interview: a note
		}
		if !ok {
			t, ok = d.ownLineEntry(n)
		}
		if ok && d.hasPlan() && d.isStatus(t.Term) {
			ok = false // "**Done** — finished": a legend of the tracker's marks, a note
		}
		if ok && d.colonEntry(n) && d.afterDefinitions(n) {
			// "**Watch out:** …" after terms written as a definition
			// list: a remark, kept as a note.
			d.warn(pos, "%q is a label after a glossary written as a definition list: kept as a note", t.Term)
			ok, labelNote = false, true
		}
		if ok {
			t.Pos, t.Pin = pos, d.takePin(n)
			d.addTerm(t, n)
			return
		}
	case *ast.List:
		if terms, ok := d.glossaryList(n); ok {
			d.record(pos, "list", d.excerpt(n), Reading{As: ReadPart, Role: vocab.RoleGlossary})
			for i, it := 0, n.FirstChild(); it != nil; i, it = i+1, it.NextSibling() {
				d.addTerm(terms[i], it)
			}
			return
		}
	case *east.DefinitionList:
		d.definitionList(n)
		return
	case *ast.HTMLBlock:
		if d.htmlDefinitions(n) {
			return
		}
	case *east.Table:
		if d.statusLegend(n) {
			break // "| Status | Meaning |": a legend of a tracker's marks, a note
		}
		if (!d.interview || d.inGlossary()) && d.termTable(n) {
			return
		}
		d.checkTracker(n)
	}
	if d.note == nil {
		d.openNote(d.title, pos, 0, vocab.RoleNone)
	}
	d.note.Blocks = append(d.note.Blocks, d.toBlock(n))
	as := ReadNote
	if d.noteRole == vocab.RoleNotes {
		as = ReadNotes
	}
	d.record(pos, describeBlock(n), d.excerpt(n), Reading{As: as, Name: d.note.Title, Warn: labelNote})
}

// section returns the title glossary terms are filed under: the note
// section being read, or "".
func (d *doc) section() string {
	if d.note != nil {
		return d.note.Title
	}
	return ""
}

// inGlossary reports whether the section being read is named as a
// glossary ("Key terms", "Glossary").
func (d *doc) inGlossary() bool { return d.noteRole == vocab.RoleGlossary }

// addTerm files a glossary term, and warns when a "**Label:** text"
// line is read as a term outside a section named as a glossary: it may
// be a label the vocabulary does not know.
func (d *doc) addTerm(t bank.Term, n ast.Node) {
	t.Section = d.section()
	d.topic.Guide = append(d.topic.Guide, t)
	r := Reading{As: ReadTerm, Name: t.Term}
	if p, ok := n.(*ast.Paragraph); ok && !d.inGlossary() && d.colonEntry(p) {
		d.warn(t.Pos, "%q read as a glossary term outside a glossary; if it is a label, add it to notTerms in %s", t.Term, vocab.ConfigName)
		r.Warn = true
	}
	if _, ok := n.(*ast.ListItem); ok {
		d.recordItem(n, r)
		return
	}
	d.record(t.Pos, describeBlock(n), d.excerpt(n), r)
}

// entry reads a paragraph (or a list item's first paragraph) as a
// glossary entry: a bold (or code) lead and a dash or colon, "**Pod** —
// the unit", "**TCP:** …", "`nonlocal` — …".
func (d *doc) entry(p ast.Node) (bank.Term, bool) {
	first := d.firstInline(p)
	if first == nil {
		return bank.Term{}, false
	}
	if _, code := first.(*ast.CodeSpan); emphasis(first) != 2 && !code {
		return bank.Term{}, false
	}
	term := d.plain(first)
	if _, code := first.(*ast.CodeSpan); code {
		var b strings.Builder
		d.writeInline(&b, first)
		term = b.String()
	}
	def := vocab.TrimSeparator(d.inlineText(first.NextSibling(), nil))
	if _, code := first.(*ast.CodeSpan); code && !d.hasGlossarySeparator(p) {
		return codeLead(d.inlineText(first, nil))
	}
	if def == "" || !d.hasGlossarySeparator(p) {
		return bank.Term{}, false
	}
	term = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(term), ":"))
	if d.colonEntry(p) && d.v.IsNotTerm(term) {
		return bank.Term{}, false
	}
	return bank.Term{Term: term, Definition: def}, true
}

// codeLead reads an entry whose lead joins code spans with a few words
// before a dash, "`is` vs `==` — identity versus equality": the term is
// the lead's text (at most four words, on the first line), the
// definition what follows the dash.
func codeLead(text string) (bank.Term, bool) {
	cut := -1
	var sep string
	for _, s := range []string{" — ", " – ", " - "} {
		if i := strings.Index(text, s); i >= 0 && (cut < 0 || i < cut) {
			cut, sep = i, s
		}
	}
	if cut < 0 {
		return bank.Term{}, false
	}
	term, def := strings.TrimSpace(text[:cut]), strings.TrimSpace(text[cut+len(sep):])
	if term == "" || def == "" || strings.Contains(term, "\n") || len(strings.Fields(term)) > 4 {
		return bank.Term{}, false
	}
	return bank.Term{Term: term, Definition: def}, true
}

// isStatus reports whether a bold lead is wholly a status word of the
// vocabulary ("Done", "In progress"): in a legend it explains a
// tracker's marks rather than defining a term.
func (d *doc) isStatus(term string) bool {
	_, ok := d.v.StatusName(term)
	return ok
}

// statusLegend reports whether a table explains status words: a
// column lists two or more of them, each once ("| Status | Meaning |"
// with rows "Done", "Ongoing"). It is no glossary, and no tracker
// lacking its topic column.
func (d *doc) statusLegend(t *east.Table) bool {
	tb := d.table(t)
	if len(tb.Rows) < 2 {
		return false
	}
	for c := range tb.Header {
		seen := map[string]bool{}
		for _, row := range tb.Rows {
			if c >= len(row) || !d.isStatus(row[c]) || seen[vocab.Key(row[c])] {
				break
			}
			seen[vocab.Key(row[c])] = true
		}
		if len(seen) == len(tb.Rows) {
			return true
		}
	}
	return false
}

// hasPlan reports whether the document has a study plan, a tracker
// table anywhere or rows read so far, or the section being read is one:
// there a bold status word opens a legend line, not a glossary entry.
func (d *doc) hasPlan() bool { return d.tracker || len(d.plan) > 0 || d.noteRole == vocab.RolePlan }

// isFileName reports whether a lead names a document or data file
// ("guide.md", "notes.pdf"). Code files are not ("Node.js").
func isFileName(s string) bool {
	dot := strings.LastIndexByte(s, '.')
	if dot <= 0 || strings.ContainsAny(s, " \t") {
		return false
	}
	switch s[dot+1:] {
	case "md", "markdown", "txt", "pdf", "csv", "json", "yaml", "yml", "toml", "ipynb", "html", "htm",
		"docx", "xlsx", "pptx", "png", "jpg", "jpeg", "svg", "gif", "zip":
		return true
	}
	return false
}

// ownLineEntry reads a bold term alone on its first line, its
// definition on the lines below ("**Dunder method**" then text), in a
// concept guide.
func (d *doc) ownLineEntry(p ast.Node) (bank.Term, bool) {
	first := d.firstInline(p)
	if first == nil || emphasis(first) != 2 || !d.endsLine(first) || d.interview && !d.inGlossary() {
		return bank.Term{}, false
	}
	term := vocab.TrimTitle(d.plain(first))
	def := d.inlineText(first.NextSibling(), nil)
	if term == "" || def == "" || len(strings.Fields(term)) > 6 || d.v.IsNotTerm(term) {
		return bank.Term{}, false
	}
	return bank.Term{Term: term, Definition: def}, true
}

// isEntry reports whether a paragraph is a glossary entry.
func (d *doc) isEntry(p ast.Node) bool {
	_, ok := d.entry(p)
	return ok
}

// colonEntry reports whether an entry is written "**Label:** text",
// with a colon rather than a dash after the bold.
func (d *doc) colonEntry(p ast.Node) bool {
	first := d.firstInline(p)
	if first == nil {
		return false
	}
	rest := d.inlineText(first.NextSibling(), nil)
	return strings.HasSuffix(d.plain(first), ":") && !vocab.StartsWithSeparator(rest) || strings.HasPrefix(rest, ":")
}

// glossaryList reads a list whose every item is a glossary entry: bold
// ("- **Pod** — …"), or, in a glossary section, plain ("- Pod — …",
// "- Pod: …").
func (d *doc) glossaryList(l *ast.List) ([]bank.Term, bool) {
	var terms []bank.Term
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		p := it.FirstChild()
		if _, ok := d.blockPin(p); ok {
			p = d.itemFirst(it)
		}
		if p == nil {
			return nil, false
		}
		t, ok := d.entry(p)
		if !ok && d.inGlossary() {
			t, ok = d.plainEntry(d.blockText(p))
		}
		if !ok {
			return nil, false
		}
		for c := next(p); c != nil; c = c.NextSibling() {
			t.Definition = joinPara(t.Definition, d.blockText(c))
		}
		t.Pos, t.Pin = d.pos(it), d.takePin(p)
		terms = append(terms, t)
	}
	if !slices.ContainsFunc(terms, func(t bank.Term) bool { return !d.isStatus(t.Term) }) {
		// "- **Done** — finished", "- **Planned** — not started": a
		// legend of a tracker's marks, not a glossary.
		return nil, false
	}
	if !slices.ContainsFunc(terms, func(t bank.Term) bool { return !isFileName(t.Term) }) {
		// "- `guide.md` — the concept guide": a folder's README
		// describing its files, not a glossary.
		return nil, false
	}
	return terms, len(terms) > 0
}

// plainEntry reads "Term — definition" or "Term: definition" written
// without bold, in a glossary section.
func (d *doc) plainEntry(text string) (bank.Term, bool) {
	for _, sep := range []string{" — ", " – ", " - ", ": "} {
		if term, def, ok := strings.Cut(text, sep); ok && len(strings.Fields(term)) <= 6 && strings.TrimSpace(def) != "" && !d.v.IsNotTerm(term) {
			return bank.Term{Term: strings.TrimSpace(term), Definition: strings.TrimSpace(def)}, true
		}
	}
	return bank.Term{}, false
}

// afterDefinitions reports whether a paragraph follows a definition
// list, directly or after other "**Label:** …" lines.
func (d *doc) afterDefinitions(p *ast.Paragraph) bool {
	for n := p.PreviousSibling(); n != nil; n = n.PreviousSibling() {
		switch n := n.(type) {
		case *east.DefinitionList:
			return true
		case *ast.Paragraph:
			if !d.colonEntry(n) {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// definitionList reads a definition list: each term with its
// definitions joined.
func (d *doc) definitionList(l *east.DefinitionList) {
	var t *bank.Term
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *east.DefinitionTerm:
			d.topic.Guide = append(d.topic.Guide, bank.Term{Term: d.plain(c), Section: d.section(), Pos: d.pos(c), Pin: d.takePin(c)})
			t = &d.topic.Guide[len(d.topic.Guide)-1]
			d.record(t.Pos, "definition", t.Term, Reading{As: ReadTerm, Name: t.Term})
		case *east.DefinitionDescription:
			if t != nil {
				for p := c.FirstChild(); p != nil; p = p.NextSibling() {
					t.Definition = joinPara(t.Definition, d.blockText(p))
				}
			}
		}
	}
}

// termDefinition adds a paragraph to the term a glossary heading names.
func (d *doc) termDefinition(p *ast.Paragraph) {
	h := d.termHead
	text := d.plain(p)
	if h.term < 0 {
		d.topic.Guide = append(d.topic.Guide, bank.Term{Term: h.text, Definition: text, Section: d.section(), Pos: h.pos, Pin: h.pin})
		h.term = len(d.topic.Guide) - 1
	} else {
		t := &d.topic.Guide[h.term]
		t.Definition = joinPara(t.Definition, text)
	}
	d.record(d.pos(p), "paragraph", d.excerpt(p), Reading{As: ReadTerm, Name: h.text})
}

// endTermHeading closes a glossary heading: one that no paragraph
// defined opens a section of notes instead.
func (d *doc) endTermHeading() {
	h := d.termHead
	if h == nil {
		return
	}
	d.termHead = nil
	if h.term >= 0 {
		return
	}
	role, depth := d.noteRole, d.noteDepth
	d.openNote(h.text, h.pos, h.level, vocab.RoleNone)
	if role == vocab.RoleGlossary {
		// Still inside the glossary: its sub-section.
		d.noteRole, d.noteDepth = role, depth
	}
	if h.pin != "" {
		d.setPin(h.pin, h.pos)
	}
	for i := range d.outline {
		e := &d.outline[i]
		if e.Pos == h.pos && e.Read.As == ReadTerm {
			e.Read = Reading{As: ReadNote, Name: h.text}
		}
	}
}

// termTable reads a table with a term column and a definition column.
// Other columns follow the definition as "Header: value" lines.
func (d *doc) termTable(t *east.Table) bool {
	tb := d.table(t)
	term, def := -1, -1
	for i, h := range tb.Header {
		switch d.v.TermColumn(h) {
		case vocab.TermName:
			if term < 0 {
				term = i
			}
		case vocab.TermDefinition:
			if def < 0 {
				def = i
			}
		}
	}
	if def >= 0 && term < 0 && len(tb.Header) == 2 {
		term = 1 - def // "Symbol | In a plan it means"
	}
	if term >= 0 && def < 0 && (d.inGlossary() || len(tb.Header) == 2) {
		// "Word | In plain words | Gotcha" under a glossary heading:
		// the column after the term's defines it.
		def = (term + 1) % len(tb.Header)
	}
	if term < 0 || def < 0 {
		return false
	}
	d.record(d.pos(t), "table", d.excerpt(t), Reading{As: ReadPart, Role: vocab.RoleGlossary})
	rowPos := d.rowPositions(t)
	for k, row := range tb.Rows {
		if term >= len(row) || strings.TrimSpace(row[term]) == "" {
			continue
		}
		tm := bank.Term{Term: row[term], Section: d.section(), Pos: rowPos[k]}
		if def < len(row) {
			tm.Definition = row[def]
		}
		for i, cell := range row {
			if i != term && i != def && strings.TrimSpace(cell) != "" && i < len(tb.Header) {
				tm.Definition = strings.TrimSpace(tm.Definition + "\n" + tb.Header[i] + ": " + cell)
			}
		}
		d.topic.Guide = append(d.topic.Guide, tm)
		d.record(tm.Pos, "row", tm.Term, Reading{As: ReadTerm, Name: tm.Term})
	}
	return true
}

// termRun reports whether heading h, a sub-heading (level 3 or deeper),
// opens a run of at least three sibling headings at its level, each
// short and followed by one or two paragraphs and at most one quote (an
// aside such as "> **Tip:** …") and nothing else: a glossary written a
// heading per term.
func (d *doc) termRun(h *ast.Heading) bool {
	if h.Level < 3 {
		return false
	}
	count := 0
	for n := ast.Node(h); n != nil; {
		hh, ok := n.(*ast.Heading)
		if !ok || hh.Level != h.Level {
			break
		}
		text := d.plain(hh)
		last, _ := utf8.DecodeLastRuneInString(text)
		if len(strings.Fields(text)) > 5 || d.v.Role(text) != vocab.RoleNone || unicode.IsDigit(last) {
			return false // a part, or a numbered entry of a log ("Week 3")
		}
		paras := 0
		n = n.NextSibling()
		for ; n != nil; n = n.NextSibling() {
			if _, ok := n.(*ast.Paragraph); !ok {
				break
			}
			paras++
		}
		if paras == 0 || paras > 2 {
			return false
		}
		if _, ok := n.(*ast.Blockquote); ok {
			n = n.NextSibling() // an aside on the term ("> **Tip:** …"), kept in the notes
		}
		count++
		if count >= 3 {
			return true
		}
		if hx, ok := n.(*ast.Heading); ok && hx.Level < h.Level {
			break
		}
	}
	return false
}
