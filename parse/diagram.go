package parse

import (
	"strings"
	"unicode"

	"github.com/bankgen/bankgen/bank"
	"github.com/yuin/goldmark/ast"
)

// diagramLangs are the fence languages that hold a diagram written as
// code: it becomes a Diagram with that language, not a code sample.
var diagramLangs = map[string]bool{
	"mermaid": true, "plantuml": true, "puml": true, "dot": true, "graphviz": true, "d2": true,
	"ditaa": true, "svgbob": true, "nomnoml": true, "wavedrom": true, "flowchart": true, "sequence": true,
}

// isDiagramLang reports whether a fence's language is a diagram language.
func isDiagramLang(lang string) bool { return diagramLangs[strings.ToLower(lang)] }

// isTextLang reports whether a fence's language says it holds plain
// text ("", "text", "ascii", …) rather than code.
func isTextLang(lang string) bool {
	switch strings.ToLower(lang) {
	case "", "text", "txt", "plain", "plaintext", "ascii", "art", "diagram":
		return true
	}
	return false
}

// isArt reports whether text is drawn rather than written: at least two
// lines, and half of its lines, draw with box-drawing characters or
// ASCII boxes ("+----+", "| x |").
func isArt(code string) bool {
	art, lines := 0, 0
	for _, line := range strings.Split(code, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		lines++
		if strings.IndexFunc(t, isBoxDrawing) >= 0 || strings.Contains(t, "+-") || strings.Contains(t, "-+") ||
			strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") {
			art++
		}
	}
	return art >= 2 && 2*art >= lines
}

func isBoxDrawing(r rune) bool { return r >= 0x2500 && r <= 0x259F }

// diagramContent reads a block of the diagrams part: fenced art, a title
// written above its fence, a closing line. Anything else is kept.
func (d *doc) diagramContent(n ast.Node) {
	if isCode(n) {
		d.diagrams(n)
		return
	}
	if p, ok := n.(*ast.Paragraph); ok && isCode(n.NextSibling()) {
		title := d.plain(p)
		short := isTitleLine(title) && len(strings.Fields(title)) <= 10 && !strings.ContainsAny(title[len(title)-1:], ".?!")
		if short || d.onlyChild(p) != nil && emphasis(d.onlyChild(p)) > 0 {
			d.diagramTitle = strings.TrimSuffix(title, ":")
			d.record(d.pos(n), "paragraph", title, d.item(ReadDiagram, d.diagramTitle))
			return
		}
	}
	d.keep(n)
}

// diagrams reads one code block as diagrams. A block in a diagram
// language is one diagram, titled by the line above its fence or its
// own "title" line. Text art is split into titled diagrams: a title is
// a line with no drawing characters that follows a blank line (or opens
// the block) and is followed by art; art after a blank line with no
// title of its own continues the diagram before it.
func (d *doc) diagrams(n ast.Node) {
	lang, _ := fenceInfo(n, d.src)
	code := codeText(n, d.src)
	title := d.diagramTitle
	d.diagramTitle = ""
	if isDiagramLang(lang) {
		if title == "" {
			title = codeTitle(code)
		}
		dg := bank.Diagram{Title: title, Lang: lang, Art: strings.TrimRight(code, "\n"), Pos: d.fencePos(n), Pin: d.takePin(nil)}
		d.q.Diagrams = append(d.q.Diagrams, dg)
		d.record(dg.Pos, "code "+lang, title, d.item(ReadDiagram, title))
		return
	}
	segs := n.Lines()
	lines := strings.Split(strings.TrimSuffix(code, "\n"), "\n")
	var cur *bank.Diagram
	first, last := -1, -1 // cur's first and last lines of art, -1 before any
	flush := func() {
		if cur != nil {
			art := lines[max(first, 0) : last+1]
			for k := range art {
				art[k] = strings.TrimRight(art[k], "\r")
			}
			cur.Art = strings.Join(art, "\n")
			d.q.Diagrams = append(d.q.Diagrams, *cur)
			d.record(cur.Pos, "code", cur.Title, d.item(ReadDiagram, cur.Title))
		}
		cur, first, last = nil, -1, -1
	}
	// posAt returns the position of line i, asked only for a line that
	// opens a diagram.
	posAt := func(i int) bank.Pos {
		if i < segs.Len() {
			return d.lines.pos(segs.At(i).Start)
		}
		return d.fencePos(n)
	}
	afterBlank := true
	for i, line := range lines {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			afterBlank = true
			continue
		}
		next := i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != ""
		if afterBlank && next && isTitleLine(line) {
			flush()
			cur = &bank.Diagram{Title: strings.TrimSpace(line), Pos: posAt(i), Pin: d.takePin(nil)}
			afterBlank = false
			continue
		}
		if cur == nil {
			cur = &bank.Diagram{Title: title, Pos: posAt(i), Pin: d.takePin(nil)}
			if title == "" {
				d.warn(cur.Pos, "diagram has no title line")
			}
		}
		if first < 0 {
			first = i
		}
		last, afterBlank = i, false
	}
	flush()
}

// codeTitle returns the title a diagram's code gives itself ("title
// Checkout flow" in PlantUML, "title: …" in Mermaid), or "".
func codeTitle(code string) string {
	for _, line := range strings.Split(code, "\n") {
		t := strings.TrimSpace(line)
		lower := strings.ToLower(t)
		for _, p := range []string{"title:", "title "} {
			if strings.HasPrefix(lower, p) {
				return strings.Trim(strings.TrimSpace(t[len(p):]), `"`)
			}
		}
	}
	return ""
}

// isTitleLine reports whether a line reads as a diagram's title: text
// with no drawing characters, not indented like art.
func isTitleLine(line string) bool {
	if strings.HasPrefix(line, "  ") || len(line) > 120 {
		return false
	}
	for _, art := range []string{"|", "+-", "-+", "->", "<-", "=>", "<=", "--", "==", "__", "/\\", "\\/"} {
		if strings.Contains(line, art) {
			return false
		}
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

// isDrawing reports whether r is a box-drawing, block, arrow or
// geometric-shape character.
func isDrawing(r rune) bool {
	return r >= 0x2500 && r <= 0x259F || r >= 0x2190 && r <= 0x21FF || r >= 0x25A0 && r <= 0x25FF || r >= 0x27F0 && r <= 0x27FF
}
