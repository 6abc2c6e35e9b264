package parse

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/bankgen/bankgen/bank"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// tildeDefinitions rewrites the "~" that opens a Pandoc definition
// ("Term" then "~   Definition") into the ":" goldmark's definition
// lists read, outside fenced code. The marker is not text, so nothing
// read from the document changes, and every position stays where it
// was. src is copied before the first change.
func tildeDefinitions(src []byte) []byte {
	if !bytes.Contains(src, []byte("~ ")) && !bytes.Contains(src, []byte("~\t")) {
		return src // no marker, most documents: no line to read
	}
	out := src
	var fence []byte // the open fence's marker run, nil outside code
	prev := false    // a line of text came before
	for off := 0; off < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		line := src[off:end]
		trim := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trim)
		switch {
		case fence != nil:
			if indent < 4 && bytes.HasPrefix(trim, fence) && len(bytes.TrimSpace(bytes.TrimLeft(trim, string(fence[:1])))) == 0 {
				fence = nil
			}
		case indent < 4 && (bytes.HasPrefix(trim, []byte("```")) || bytes.HasPrefix(trim, []byte("~~~"))):
			n := 0
			for n < len(trim) && trim[n] == trim[0] {
				n++
			}
			fence = trim[:n]
		case indent < 4 && prev && len(trim) > 1 && trim[0] == '~' && (trim[1] == ' ' || trim[1] == '\t'):
			if &out[0] == &src[0] {
				out = bytes.Clone(src)
			}
			out[off+indent] = ':'
		}
		if blank := len(bytes.TrimSpace(line)) == 0; !blank {
			prev = true
		}
		off = end
	}
	return out
}

// shortcode matches a Hugo shortcode or a Liquid tag (Jekyll, Hexo)
// alone on its line that opens or closes code or a diagram: "{{<
// highlight go "linenos=table" >}}", "{{< mermaid >}}", "{{% code
// lang="yaml" %}}", "{% highlight ruby %}", "{% codeblock main.go
// lang:go %}", "{% mermaid %}", and their closing forms ("{{<
// /mermaid >}}", "{% endmermaid %}").
var shortcode = regexp.MustCompile(`^ {0,3}(?:\{\{[<%]\s*(/?)\s*(highlight|code|mermaid|plantuml|graphviz|diagram|kroki)\b([^}]*?)\s*[>%]\}\}|\{%-?\s*(end)?(highlight|codeblock|mermaid|plantuml|graphviz)\b([^%]*?)\s*-?%\})\s*$`)

// shortcodeFences rewrites the shortcodes of static-site generators
// that hold code or diagrams into the fences Markdown has, in place:
// the opening line becomes "```go" (or "```mermaid"), the closing one
// "```", each padded with spaces to its length, so that every position
// stays where it was. The code between them is unchanged. A shortcode
// is rewritten only when its closing one follows and the line is long
// enough for the fence; src is copied before the first change.
func shortcodeFences(src []byte) []byte {
	if !bytes.Contains(src, []byte("{{")) && !bytes.Contains(src, []byte("{%")) {
		return src // no shortcode, most documents: no line to read
	}
	out := src
	type open struct {
		start, end int
		lang       string
	}
	var cur *open
	for off := 0; off < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		line := bytes.TrimRight(src[off:end], "\r\n")
		var m [][]byte
		if t := bytes.TrimLeft(line, " "); len(t) > 0 && t[0] == '{' {
			m = shortcode.FindSubmatch(line) // every shortcode opens with a brace
		}
		switch {
		case m == nil:
		case cur == nil && len(m[1]) == 0 && len(m[4]) == 0 && (len(m[2]) > 0 || len(m[5]) > 0):
			name, args := string(m[2]), string(m[3])
			if name == "" {
				name, args = string(m[5]), string(m[6])
			}
			cur = &open{start: off, end: off + len(line), lang: shortcodeLang(name, args)}
		case cur != nil && (len(m[1]) > 0 || len(m[4]) > 0):
			body := src[cur.end:off]
			fence := "```"
			if bytes.Contains(body, []byte("```")) {
				fence = "~~~"
			}
			opening := fence + cur.lang
			if !bytes.Contains(body, []byte(fence)) && len(opening) <= cur.end-cur.start && len(fence) <= len(line) {
				if &out[0] == &src[0] {
					out = bytes.Clone(src)
				}
				pad(out[cur.start:cur.end], opening)
				pad(out[off:off+len(line)], fence)
			}
			cur = nil
		}
		off = end
	}
	return out
}

// shortcodeLang returns the language a shortcode gives its code: the
// diagram's name, the first argument of "highlight", a lang="…"
// argument, or the lang:… argument of Hexo's "codeblock".
func shortcodeLang(name, args string) string {
	switch name {
	case "codeblock":
		// Hexo: "{% codeblock [title] [lang:go] [url] %}".
		for _, f := range strings.Fields(args) {
			if lang, ok := strings.CutPrefix(f, "lang:"); ok {
				return lang
			}
		}
		return ""
	case "highlight", "code":
		for _, f := range strings.Fields(args) {
			if k, v, ok := strings.Cut(f, "="); ok {
				if k == "lang" || k == "language" {
					return strings.Trim(v, `"'`)
				}
				continue
			}
			return strings.Trim(f, `"'`)
		}
		return ""
	case "diagram", "kroki":
		for _, f := range strings.Fields(args) {
			if k, v, ok := strings.Cut(f, "="); ok && (k == "type" || k == "lang") {
				return strings.Trim(v, `"'`)
			}
		}
		return "mermaid"
	}
	return name
}

// pad writes text over b, then spaces to b's end.
func pad(b []byte, text string) {
	n := copy(b, text)
	for i := n; i < len(b); i++ {
		b[i] = ' '
	}
}

// htmlDefinitions reads an HTML block that holds a definition list
// ("<dl><dt>Term</dt><dd>Definition</dd></dl>"), or part of one split by
// a blank line: each <dt> a term, each <dd> more of the last term's
// definition. It reports whether the block held any.
func (d *doc) htmlDefinitions(n *ast.HTMLBlock) bool {
	raw := d.htmlText(n)
	lower := strings.ToLower(raw)
	if !strings.Contains(lower, "<dt") && !strings.Contains(lower, "<dd") {
		return false
	}
	start := offset(n) // the block's lines follow each other in d.src
	read := 0          // bytes of raw tokenized so far
	pos := d.pos(n)
	z := html.NewTokenizer(strings.NewReader(raw))
	var in string // "dt" or "dd" while inside one
	var text strings.Builder
	found := false
	flush := func() {
		t := strings.Join(strings.Fields(text.String()), " ")
		text.Reset()
		switch {
		case t == "":
		case in == "dt":
			d.topic.Guide = append(d.topic.Guide, bank.Term{Term: t, Section: d.section(), Pos: pos, Pin: d.takePin(nil)})
			d.htmlTerm = len(d.topic.Guide) - 1
			d.record(pos, "definition", t, Reading{As: ReadTerm, Name: t})
			found = true
		case in == "dd" && d.htmlTerm >= 0:
			g := &d.topic.Guide[d.htmlTerm]
			g.Definition = joinPara(g.Definition, t)
			found = true
		}
	}
	for {
		tt := z.Next()
		tokenAt := read
		read += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			flush()
			return found
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch tag := string(name); tag {
			case "dt", "dd", "dl":
				flush()
				in = ""
				if tt == html.StartTagToken && tag != "dl" {
					in = tag
					if start >= 0 {
						pos = d.lines.pos(start + tokenAt)
					}
				}
			case "br", "p":
				text.WriteByte(' ')
			}
		case html.TextToken:
			if in != "" {
				text.Write(z.Text())
			}
		}
	}
}

// srComment reports whether raw HTML is a review comment of Obsidian's
// spaced-repetition plugin ("<!--SR:!2025-03-01,3,250-->"): scheduling
// data, not text.
func srComment(raw string) bool {
	return strings.HasPrefix(strings.TrimSpace(raw), "<!--SR:")
}

// card is one flashcard of Obsidian's spaced-repetition plugin.
type card struct {
	front, back string
	pos         bank.Pos
}

// cards reads a paragraph of spaced-repetition flashcards, in a note
// tagged as a deck: a line "Front::Back" (":::" for a card both ways),
// or lines of a front, a line "?" (or "??"), and lines of a back. Every
// line of the paragraph must belong to a card. A line "key:: value" with
// a one-word key, as Dataview writes fields, is not a card.
func (d *doc) cards(p *ast.Paragraph) []card {
	if !d.deck() {
		return nil // the plugin reads cards only in notes tagged as a deck
	}
	lines := d.paragraphLines(p)
	// texts holds each line as written; seps the same line with the
	// text of its code spans blanked out, where separators are looked
	// for: "`a::b`" or a lone "`?`" is code, not a card's separator.
	var texts, seps []string
	var poss []bank.Pos
	for k, start := range lines {
		var stop ast.Node
		if k+1 < len(lines) {
			stop = lines[k+1]
		}
		text, sep := d.cardLine(start, stop)
		texts, seps = append(texts, text), append(seps, sep)
		pos := d.pos(p)
		if t, ok := start.(*ast.Text); ok {
			pos = d.lines.pos(t.Segment.Start)
		}
		poss = append(poss, pos)
	}
	for k, t := range seps {
		if t == "?" || t == "??" {
			front, back := strings.Join(texts[:k], "\n"), strings.Join(texts[k+1:], "\n")
			if k == 0 || k == len(texts)-1 || strings.Contains(strings.Join(seps[:k], "\n"), "::") {
				return nil
			}
			return []card{{front, back, poss[0]}}
		}
	}
	var out []card
	for k, t := range texts {
		i := strings.Index(seps[k], "::")
		if i <= 0 {
			return nil
		}
		front := strings.TrimSpace(t[:i])
		back := strings.TrimSpace(strings.TrimLeft(t[i:], ":"))
		after := strings.TrimLeft(t[i:], ":")
		if back == "" || strings.HasSuffix(front, ":") {
			return nil
		}
		if !strings.ContainsAny(front, " \t") && !asks(front) && strings.HasPrefix(after, " ") {
			return nil // "level:: junior": a Dataview field
		}
		out = append(out, card{front, back, poss[k]})
	}
	return out
}

// cardLine returns the text of a paragraph's line, from start to stop,
// trimmed, and the same text with every byte of its code spans'
// content replaced by a blank-free filler, so that indexes in the one
// are indexes in the other.
func (d *doc) cardLine(start, stop ast.Node) (text, sep string) {
	var b, s strings.Builder
	for c := start; c != nil && c != stop; c = c.NextSibling() {
		n := b.Len()
		d.writeInline(&b, c)
		if _, code := c.(*ast.CodeSpan); code {
			s.WriteString(strings.Repeat("x", b.Len()-n))
		} else {
			s.WriteString(b.String()[n:])
		}
	}
	raw, masked := b.String(), s.String()
	lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	trail := len(raw) - len(strings.TrimRightFunc(raw, unicode.IsSpace))
	if lead == len(raw) {
		return "", ""
	}
	return raw[lead : len(raw)-trail], masked[lead : len(masked)-trail]
}

// flashcards reads a paragraph of spaced-repetition cards as questions,
// each front the prompt and each back the model answer. It reports
// whether p was one.
func (d *doc) flashcards(p *ast.Paragraph) bool {
	cs := d.cards(p)
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		d.startQuestion(questionHead{}, c.pos, p)
		d.addPrompt(c.front)
		d.q.Answer = append(d.q.Answer, bank.Block{Kind: bank.KindParagraph, Text: c.back, Pos: c.pos})
		r := d.inQuestion(ReadCard)
		r.Name = c.front
		d.record(c.pos, "card", c.front+" :: "+c.back, r)
		d.closeQuestion()
	}
	return true
}

// deck reports whether the document is a deck of spaced-repetition
// flashcards: it carries the plugin's "#flashcards" tag.
func (d *doc) deck() bool {
	return bytes.Contains(d.src, []byte("#flashcards")) || slices.Contains(d.front.tags, "flashcards")
}
