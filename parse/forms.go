package parse

import (
	"bytes"
	"strings"

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
