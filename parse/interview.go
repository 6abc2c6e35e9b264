package parse

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/bankgen/bankgen/bank"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// strength reads "What You Nailed": bold-led paragraphs or bullet items.
// A paragraph that does not open in bold continues the previous point.
func (d *doc) strength(n ast.Node) {
	q := d.q
	switch n := n.(type) {
	case *ast.Paragraph:
		if title, detail, ok := d.leadSplit(n); ok {
			q.Strengths = append(q.Strengths, bank.Strength{Title: trimTitle(title), Detail: detail, Pos: d.pos(n)})
			return
		}
		if len(q.Strengths) > 0 {
			last := &q.Strengths[len(q.Strengths)-1]
			last.Detail = joinPara(last.Detail, d.plain(n))
			return
		}
	case *ast.List:
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			title, detail := d.itemLead(it)
			q.Strengths = append(q.Strengths, bank.Strength{Title: title, Detail: detail, Pos: d.pos(it)})
		}
		return
	}
	d.keep(n, "What You Nailed")
}

// gap reads "What to Tighten Up": a bold-led paragraph names the gap, the
// plain paragraphs after it explain it, and an italic paragraph or a quote
// gives the suggested phrasing.
func (d *doc) gap(n ast.Node) {
	q := d.q
	switch n := n.(type) {
	case *ast.Paragraph:
		if c := onlyChild(n, d.src); c != nil && isItalic(c) && len(q.Gaps) > 0 {
			last := &q.Gaps[len(q.Gaps)-1]
			last.Phrasing = joinPara(last.Phrasing, unquote(d.plain(n)))
			return
		}
		if title, detail, ok := d.leadSplit(n); ok {
			q.Gaps = append(q.Gaps, bank.Gap{Title: trimTitle(title), Detail: detail, Pos: d.pos(n)})
			return
		}
		if len(q.Gaps) > 0 {
			last := &q.Gaps[len(q.Gaps)-1]
			last.Detail = joinPara(last.Detail, d.plain(n))
			return
		}
	case *ast.Blockquote:
		if len(q.Gaps) > 0 {
			last := &q.Gaps[len(q.Gaps)-1]
			last.Phrasing = joinPara(last.Phrasing, unquote(d.blockText(n)))
			return
		}
	case *ast.List:
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			g := bank.Gap{Pos: d.pos(it)}
			g.Title, g.Detail = d.itemLead(it)
			// Paragraphs after the first in a loose item: italic ones
			// (or quotes) are the phrasing, others more explanation.
			first := true
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				if first {
					first = false
					continue
				}
				switch {
				case isPhrasing(c, d.src):
					g.Phrasing = joinPara(g.Phrasing, unquote(d.blockText(c)))
				default:
					g.Detail = joinPara(g.Detail, d.blockText(c))
				}
			}
			q.Gaps = append(q.Gaps, g)
		}
		return
	}
	d.keep(n, "What to Tighten Up")
}

func isPhrasing(n ast.Node, src []byte) bool {
	if _, ok := n.(*ast.Blockquote); ok {
		return true
	}
	c := onlyChild(n, src)
	return c != nil && isItalic(c)
}

// itemLead reads a list item's first block as "**Title** — detail", or
// takes the whole text as the title when it does not open in bold.
func (d *doc) itemLead(it ast.Node) (title, detail string) {
	first := it.FirstChild()
	if first == nil {
		return "", ""
	}
	if t, rest, ok := d.leadSplit(first); ok {
		return trimTitle(t), rest
	}
	return trimTitle(d.blockText(first)), ""
}

// trimTitle drops the full stop or colon that ends a bold lead.
func trimTitle(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") || strings.HasSuffix(s, ":") {
		s = strings.TrimSpace(s[:len(s)-1])
	}
	return s
}

func joinPara(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "\n\n" + b
}

// answer reads the model answer. Code goes into Samples, with a
// KindSample block marking its place.
func (d *doc) answer(n ast.Node) {
	q := d.q
	if isFence(n) {
		s := d.sample(n)
		q.Samples = append(q.Samples, s)
		q.Answer = append(q.Answer, bank.Block{Kind: bank.KindSample, Sample: len(q.Samples) - 1, Pos: s.Pos})
		return
	}
	q.Answer = append(q.Answer, d.toBlock(n))
}

// planTable reads the learner's topic tracker (a table with "#",
// "Topic" and "Status" columns) and reports whether n was one.
func (d *doc) planTable(t *east.Table) bool {
	b := d.table(t)
	num, topic, status := -1, -1, -1
	for i, h := range b.Header {
		switch words(h) {
		case "", "no", "number", "n":
			if num < 0 {
				num = i
			}
		case "topic", "subject":
			topic = i
		case "status", "state", "progress":
			status = i
		}
	}
	if topic < 0 || status < 0 {
		return false
	}
	rowPos := d.rowPositions(t)
	for i, row := range b.Rows {
		e := bank.PlanEntry{Number: i + 1, Pos: rowPos[i]}
		if num >= 0 && num < len(row) {
			if n, err := strconv.Atoi(strings.TrimSpace(row[num])); err == nil {
				e.Number = n
			} else {
				d.warn(e.Pos, "plan row %d: %q is not a number; numbered by position", i+1, row[num])
			}
		}
		if topic < len(row) {
			e.Topic = row[topic]
		}
		if status < len(row) {
			e.Status = statusOf(row[status])
		}
		d.plan = append(d.plan, e)
	}
	return true
}

func (d *doc) rowPositions(t *east.Table) []bank.Pos {
	var out []bank.Pos
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if _, ok := r.(*east.TableHeader); ok {
			continue
		}
		out = append(out, d.pos(r))
	}
	return out
}

// statusOf reads a tracker cell: "✅ Done", "⬜ Next", "⬜".
func statusOf(cell string) bank.Status {
	w := words(cell)
	switch {
	case strings.Contains(cell, "✅") || strings.Contains(cell, "✔") || containsWord(w, "done", "complete", "completed", "finished"):
		return bank.Done
	case containsWord(w, "next", "current", "in progress", "doing", "up next"):
		return bank.Next
	}
	return bank.Todo
}

func containsWord(w string, list ...string) bool {
	w = " " + w + " "
	for _, x := range list {
		if strings.Contains(w, " "+x+" ") {
			return true
		}
	}
	return false
}

// diagrams splits one fenced block of the Diagrams section into titled
// diagrams. A title is a line with no drawing characters that follows a
// blank line (or opens the block) and is followed by art; a block of art
// after a blank line with no title of its own continues the diagram
// before it.
func (d *doc) diagrams(n ast.Node) {
	segs := n.Lines()
	// The lines are cut from the block's text, so that a diagram's art is
	// a substring of it rather than a join of copies. They are the pieces
	// strings.SplitAfter(code, "\n") would give, at most one per segment
	// (which drops the empty piece after a final newline), read in place.
	code := codeText(n, d.src)
	var cur *bank.Diagram
	// The span of cur's art in code, blank lines between its lines
	// included; cr is set when a line in it ends in more than "\n", and
	// pending when one since the last line of art does.
	start, end, cr, pending := -1, -1, false, false
	flush := func() {
		if cur != nil {
			if start >= 0 {
				cur.Art = code[start:end]
				if cr {
					cur.Art = trimLineEnds(cur.Art)
				}
			}
			d.q.Diagrams = append(d.q.Diagrams, *cur)
		}
		cur, start, end, cr, pending = nil, -1, -1, false, false
	}
	afterBlank := true
	off, more := 0, true // more: a piece starts at off
	for i := 0; i < segs.Len() && more; i++ {
		lineStart := off
		line := linePiece(code[off:])
		off += len(line)
		more = strings.HasSuffix(line, "\n")
		body := strings.TrimRight(line, "\r\n")
		odd := len(line) != len(body)+1 // an ending other than "\n"
		if isBlankLine(body) {
			pending = pending || odd
			afterBlank = true
			continue
		}
		if afterBlank && isTitleLine(body) && i+1 < segs.Len() && more && !isBlankLine(linePiece(code[off:])) {
			flush()
			cur = &bank.Diagram{Title: strings.TrimSpace(body), Pos: d.lines.pos(segs.At(i).Start)}
			afterBlank = false
			continue
		}
		if cur == nil {
			cur = &bank.Diagram{Pos: d.lines.pos(segs.At(i).Start)}
			d.warn(cur.Pos, "diagram has no title line")
		}
		if start < 0 {
			start = lineStart
		} else {
			cr = cr || pending
		}
		end, pending = lineStart+len(body), odd
		afterBlank = false
	}
	flush()
}

// trimLineEnds removes the "\r" and extra "\n" that end each line of s,
// leaving lines separated by one "\n" each.
func trimLineEnds(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r\n")
	}
	return strings.Join(lines, "\n")
}

// linePiece returns s up to and including its first "\n", or all of s.
func linePiece(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i+1]
	}
	return s
}

// isBlankLine reports whether s is only white space. It stops at the
// first other character, where strings.TrimSpace(s) == "" would also trim
// the end of every line of art.
func isBlankLine(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// isTitleLine reports whether a line reads as a diagram's title: text
// with no drawing characters and not indented like art.
func isTitleLine(line string) bool {
	if strings.HasPrefix(line, "  ") || len(line) > 120 {
		return false
	}
	letters := 0
	for _, r := range line {
		if isDrawing(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// isDrawing reports whether r is a box-drawing, block or arrow character.
func isDrawing(r rune) bool {
	return r >= 0x2500 && r <= 0x259F || r >= 0x2190 && r <= 0x21FF || r >= 0x25A0 && r <= 0x25FF
}
