package parse

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// plain returns the text of n's inline content with Markdown syntax
// removed: emphasis markers dropped, escapes and entities resolved, link
// targets kept in parentheses so that nothing is lost. Line breaks inside
// a paragraph become "\n". A pinning comment is not text.
// The walk asks for the text of the same block several times (to find
// the document's structure, then to read it), so each is kept.
func (d *doc) plain(n ast.Node) string {
	return kept(&d.plains, n, func() string { return d.inlineText(n.FirstChild(), nil) })
}

// inlineText returns the plain text of the inline siblings from first up
// to, not including, stop (nil: to the end), trimmed.
func (d *doc) inlineText(first, stop ast.Node) string {
	var b []byte
	for c := first; c != nil && c != stop; c = c.NextSibling() {
		b = d.appendInline(b, c)
	}
	return string(bytes.TrimSpace(b))
}

// writeInline writes the plain text of one inline node.
func (d *doc) writeInline(b *strings.Builder, n ast.Node) {
	b.Write(d.appendInline(nil, n))
}

func (d *doc) appendChildren(b []byte, n ast.Node) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b = d.appendInline(b, c)
	}
	return b
}

// appendInline appends the plain text of one inline node to b.
func (d *doc) appendInline(b []byte, n ast.Node) []byte {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(d.src)
		if !n.IsRaw() {
			v = unescape(v)
		}
		b = append(b, v...)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b = append(b, '\n')
		}
	case *ast.String:
		v := n.Value
		if !n.IsRaw() && !n.IsCode() {
			v = unescape(v)
		}
		b = append(b, v...)
	case *ast.CodeSpan:
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				b = append(b, t.Value(d.src)...)
			case *ast.String:
				b = append(b, t.Value...)
			}
		}
	case *ast.Link:
		start := len(b)
		b = d.appendChildren(b, n)
		if dest := string(n.Destination); dest != "" && string(b[start:]) != dest {
			b = append(b, " ("+dest+")"...)
		}
	case *ast.AutoLink:
		b = append(b, n.URL(d.src)...)
	case *ast.RawHTML:
		raw := rawHTML(n, d.src)
		if _, ok := pinComment(raw); !ok && !srComment(raw) {
			b = append(b, raw...)
		}
	default:
		b = d.appendChildren(b, n)
	}
	return b
}

// unescape resolves backslash escapes and character references; text
// with neither, nearly all of it, is returned as it is.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

func rawHTML(n *ast.RawHTML, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// emphasis returns the level of emphasis of n: 1 italic, 2 bold, 0 none.
func emphasis(n ast.Node) int {
	if e, ok := n.(*ast.Emphasis); ok {
		return e.Level
	}
	return 0
}

// isBlank reports whether n is inline text holding only white space, or
// a pinning comment.
func (d *doc) isBlank(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Text:
		return len(bytes.TrimSpace(n.Value(d.src))) == 0
	case *ast.RawHTML:
		raw := rawHTML(n, d.src)
		_, ok := pinComment(raw)
		return ok || srComment(raw)
	}
	return false
}

// isDecoration reports whether n is inline text holding no letter or
// digit: the emoji before a label ("✅ **Good**").
func (d *doc) isDecoration(n ast.Node) bool {
	t, ok := n.(*ast.Text)
	if !ok || t.SoftLineBreak() || t.HardLineBreak() {
		return false
	}
	v := t.Value(d.src)
	if len(bytes.TrimSpace(v)) == 0 || bytes.ContainsFunc(v, isWordRune) {
		return false // blank, or text: decoration holds no letter or digit
	}
	return onlyDecoration(string(v))
}

// firstInline returns a paragraph's first inline child that is not blank.
func (d *doc) firstInline(p ast.Node) ast.Node {
	c := p.FirstChild()
	for c != nil && d.isBlank(c) {
		c = c.NextSibling()
	}
	return c
}

// onlyChild returns the one inline child of a paragraph that is not
// blank, or nil when there are several.
func (d *doc) onlyChild(p ast.Node) ast.Node {
	var only ast.Node
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if d.isBlank(c) {
			continue
		}
		if only != nil {
			return nil
		}
		only = c
	}
	return only
}

// leadSplit splits a paragraph that opens in bold — "**Pod** — the
// smallest unit", "**Missing X.** Because …" — into the bold lead and the
// rest, with a separating dash or colon removed. ok is false when the
// paragraph does not open in bold.
func (d *doc) leadSplit(p ast.Node) (lead, rest string, ok bool) {
	first := d.firstInline(p)
	if first == nil || emphasis(first) != 2 {
		return "", "", false
	}
	return d.plain(first), vocab.TrimSeparator(d.inlineText(first.NextSibling(), nil)), true
}

// afterBold returns the text of a paragraph after its opening bold
// lead (and the emoji before it), a separator removed: the prompt on
// the line of "**Soru 1:** Bir indeks nedir?".
func (d *doc) afterBold(p ast.Node) string {
	first := d.firstInline(p)
	for first != nil && d.isDecoration(first) {
		first = first.NextSibling()
	}
	if first == nil {
		return ""
	}
	return vocab.TrimSeparator(d.inlineText(first.NextSibling(), nil))
}

// hasGlossarySeparator reports whether a paragraph's bold lead is
// followed by a dash or colon, or ends in a colon: the mark of a
// glossary entry, rather than emphasis that runs on into a sentence.
func (d *doc) hasGlossarySeparator(p ast.Node) bool {
	first := d.firstInline(p)
	if first == nil {
		return false
	}
	if strings.HasSuffix(d.plain(first), ":") {
		return true
	}
	next := first.NextSibling()
	if next == nil {
		return false
	}
	return vocab.StartsWithSeparator(string(bytes.TrimSpace(d.appendInline(nil, next))))
}

// label is what opens a paragraph as a label: "**Strengths:**",
// "✅ **Good**", "Try saying:", "Score: 7/10", "**Q2 — Stepping up**".
type label struct {
	// text is the label without decoration or a trailing colon.
	text string
	// emph is the label's emphasis: 2 bold, 1 italic, 0 plain.
	emph int
	// colon says a colon ended the label.
	colon bool
	// rest is the paragraph's text after the label and its separator.
	rest string
	// restFrom is the first inline node after the label, nil when the
	// label ends inside a text node or ends the paragraph.
	restFrom ast.Node
	// mark is the emoji or symbol before a bold or italic label ("✅"
	// in "✅ **Good**").
	mark string
}

// maxLabelWords bounds a plain label: "Areas for improvement:" is one,
// a sentence with a colon in it is not.
const maxLabelWords = 6

// fewWords reports whether s has at most n words, as strings.Fields
// splits it. It reads only as far as it takes, and allocates nothing:
// labels are looked for in every paragraph.
func fewWords(s string, n int) bool {
	words, inWord := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			inWord = false
		case !inWord:
			inWord = true
			if words++; words > n {
				return false
			}
		}
	}
	return true
}

// halfwidth writes the full-width punctuation of Chinese, Japanese and
// Korean text as ASCII, so that labels and headings split alike in every
// language: "答案：" like "Answer:", "（初级）" like "(Junior)".
var halfwidth = fullwidthReplacer{strings.NewReplacer("：", ": ", "（", " (", "）", ") ", "【", "[", "】", "]", "［", "[", "］", "]")}

type fullwidthReplacer struct{ r *strings.Replacer }

// Replace returns s with its full-width punctuation written as ASCII.
func (f fullwidthReplacer) Replace(s string) string {
	// "：（）［］" are U+FF1A and its neighbours, encoded from byte 0xEF;
	// "【】" are U+3010 and U+3011.
	if strings.IndexByte(s, 0xEF) < 0 && !strings.Contains(s, "【") && !strings.Contains(s, "】") {
		return s
	}
	return f.r.Replace(s)
}

// label reads the label that opens a paragraph (or a list item's first
// paragraph). ok is false when the paragraph opens with none: a bold
// lead that runs on without a colon ("**Pod** — the unit") is an entry,
// not a label, unless it is alone on its line.
func (d *doc) label(p ast.Node) (label, bool) {
	r := kept(&d.labels, p, func() labelRead {
		l, ok := d.readLabel(p)
		return labelRead{l, ok}
	})
	return r.label, r.ok
}

// labelRead is what label found in a block, kept for the next time it
// is asked.
type labelRead struct {
	label
	ok bool
}

// readLabel is label, read afresh.
func (d *doc) readLabel(p ast.Node) (l label, ok bool) {
	first := p.FirstChild()
	var mark strings.Builder
	for first != nil && (d.isBlank(first) || d.isDecoration(first)) {
		if t, ok := first.(*ast.Text); ok {
			mark.Write(t.Value(d.src))
		}
		first = first.NextSibling()
	}
	if first == nil {
		return label{}, false
	}
	if e := emphasis(first); e > 0 {
		text := d.plain(first)
		if len(text) > 60*e {
			return label{}, false // a sentence in italics or bold, not a label
		}
		l = label{emph: e, text: strings.TrimSpace(halfwidth.Replace(text)), restFrom: first.NextSibling(), mark: strings.TrimSpace(mark.String())}
		// The rest is the source's own text: only a full-width colon
		// right after the label is a separator ("**質問**：…").
		rest := strings.TrimSpace(d.inlineText(first.NextSibling(), nil))
		l.colon = strings.HasSuffix(l.text, ":")
		if r, ok := strings.CutPrefix(rest, "："); ok {
			rest = ":" + r
		}
		if r, ok := strings.CutPrefix(rest, ":"); ok {
			l.colon, rest = true, strings.TrimSpace(r)
		}
		l.text = vocab.TrimDecoration(strings.TrimSuffix(strings.TrimSpace(l.text), ":"))
		l.rest = rest
		if !l.colon && vocab.Unquote(l.text) != l.text {
			return label{}, false // a quotation in bold ("**"A"**" asks "A"), not a label
		}
		// A bold lead followed by more on its line and no colon is an
		// entry ("**Pod** — the unit"), not a label; one with a colon
		// inside ("**Score: 7/10** — solid") is a label.
		if !l.colon && rest != "" && !d.endsLine(first) && !strings.HasPrefix(rest, "\n") {
			if score, ok := d.headerScore(l.text, firstLine(rest)); ok {
				// "**Review** · 🏅 7/10": the part, and its score.
				l.colon, l.rest = true, score
				return l, true
			}
			_, _, isLevel := d.levelText(firstLine(rest)) // "**Question 1** · *easy*"
			return l, l.text != "" && (onlyDecoration(firstLine(rest)) || strings.Contains(l.text, ":") || isLevel)
		}
		return l, l.text != ""
	}
	// Plain text: "Strengths:", "Try saying: …", or a short line alone.
	// Only the first line is read until it proves to be a label.
	lineEnd := first
	for lineEnd != nil && !endsWithBreak(lineEnd) {
		lineEnd = lineEnd.NextSibling()
	}
	if lineEnd != nil {
		lineEnd = lineEnd.NextSibling()
	}
	line := halfwidth.Replace(d.inlineText(first, lineEnd))
	// more is the text of the lines after the first, read only for a
	// label.
	more := func() string {
		if lineEnd == nil {
			return ""
		}
		return d.inlineText(lineEnd, nil)
	}
	// A short head and a colon make a label, however long the text after
	// it ("Try saying: …" a long sentence, in any script).
	if head, after, found := strings.Cut(line, ":"); found && fewWords(head, maxLabelWords) && vocab.TrimDecoration(head) != "" {
		rest := strings.TrimSpace(after)
		if more := more(); more != "" {
			rest = strings.TrimSpace(rest + "\n" + more)
		}
		return label{text: vocab.TrimDecoration(head), colon: true, rest: rest}, true
	}
	if fewWords(line, maxLabelWords) && vocab.TrimDecoration(line) != "" {
		return label{text: vocab.TrimDecoration(line), rest: strings.TrimSpace(more())}, true
	}
	return label{}, false
}

// headerScore returns the score that follows the name of the feedback
// or of the score on its line, past a separator or an emoji
// ("**Review** · 🏅 7/10"): the score as written.
func (d *doc) headerScore(name, rest string) (string, bool) {
	if !mayHoldScore(rest) {
		return "", false // no score: the common case, asked first
	}
	if r := d.v.Role(name); r != vocab.RoleFeedback && r != vocab.RoleScore {
		return "", false
	}
	if i := strings.IndexAny(rest, "0123456789"); i > 0 && vocab.TrimDecoration(rest[:i]) == "" {
		rest = rest[i:] // "· ⭐ 8/10": the emoji is decoration, not stars
	}
	score, ok := scoreIn(rest)
	if !ok || vocab.TrimDecoration(rest) != vocab.TrimDecoration(score) {
		return "", false
	}
	return score, true
}

// endsLine reports whether inline n ends its line: a line break or the
// end of the paragraph follows it.
func (d *doc) endsLine(n ast.Node) bool {
	next := n.NextSibling()
	for next != nil && d.isDecoration(next) {
		next = next.NextSibling()
	}
	if next == nil {
		return true
	}
	if t, ok := next.(*ast.Text); ok {
		return len(bytes.TrimSpace(t.Value(d.src))) == 0 && (t.SoftLineBreak() || t.HardLineBreak())
	}
	return false
}

// endsWithBreak reports whether inline n ends its line with a soft or
// hard line break.
func endsWithBreak(n ast.Node) bool {
	t, ok := n.(*ast.Text)
	return ok && (t.SoftLineBreak() || t.HardLineBreak())
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func onlyDecoration(s string) bool { return vocab.TrimDecoration(s) == "" }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// paragraphLines splits a paragraph's inline children into lines, at
// its soft and hard line breaks. Each line is the run of nodes from
// start up to, not including, the next line's start.
func (d *doc) paragraphLines(p ast.Node) []ast.Node {
	// Lines are counted first, so that the list is allocated once.
	lines := 1
	for c := p.FirstChild(); c != nil && c.NextSibling() != nil; c = c.NextSibling() {
		if endsWithBreak(c) {
			lines++
		}
	}
	starts := make([]ast.Node, 0, lines)
	startNext := true
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if startNext {
			starts = append(starts, c)
			startNext = false
		}
		if t, ok := c.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
			startNext = true
		}
	}
	return starts
}
