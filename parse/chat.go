package parse

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// A chat export (Discord, Slack, Teams, Telegram, WhatsApp copied to
// Markdown) writes each message under a header line: the speaker's
// name, bold or plain, maybe an app tag, and a time or date ("**Bot**
// APP — 09/03/2025 19:02", "lena — 19:04", "[10:14] Sam: …"). The
// message follows on the next lines of the same paragraph, or in the
// blocks below; a bot's message is often an embed, written as a quote
// that holds its whole structure. Before the walk, splitMessages makes
// each message's body blocks of their own, so that labels and
// questions in it are read as anywhere else.

// splitMessages makes the body of every chat message top-level blocks:
// a paragraph is split before each line that is a message's header
// (WhatsApp writes a message a line) and after a header alone on its
// line, and a quote right after a header (a bot's embed) gives up its
// blocks in its place.
func (d *doc) splitMessages(root ast.Node) {
	if !d.isChat(root) {
		return
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		p, ok := n.(*ast.Paragraph)
		if !ok {
			continue
		}
		lines := d.paragraphLines(p)
		for k := 1; k < len(lines); k++ {
			name, _, ok := d.headerAt(lines[k], nextOf(lines, k+1))
			if ok && name != "" || k == 1 && d.isHeader(p) {
				d.splitAt(p, k)
				break
			}
		}
		if q, ok := p.NextSibling().(*ast.Blockquote); ok && d.isHeader(p) {
			unwrap(root, q)
		}
	}
}

// isChat reports whether a document's paragraphs hold the headers of
// messages by two speakers at least.
func (d *doc) isChat(root ast.Node) bool {
	first := ""
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		p, ok := n.(*ast.Paragraph)
		if !ok || !d.hasDigit(p) {
			continue
		}
		lines := d.paragraphLines(p)
		for k, start := range lines {
			name, _, ok := d.headerAt(start, nextOf(lines, k+1))
			switch {
			case !ok:
			case first == "":
				first = vocab.Key(name)
			case vocab.Key(name) != first:
				return true
			}
		}
	}
	return false
}

// hasDigit reports whether a paragraph's source holds an ASCII digit.
// Every message header carries a time or a date, and no escape or
// named entity spells a digit, so a paragraph without one holds no
// header: most prose is ruled out before its lines are read.
func (d *doc) hasDigit(p *ast.Paragraph) bool {
	segs := p.Lines()
	for i := range segs.Len() {
		seg := segs.At(i)
		// A plain loop: the paragraphs are read twice for headers, and
		// bytes.ContainsAny builds its set of digits on every call.
		for _, c := range seg.Value(d.src) {
			if '0' <= c && c <= '9' {
				return true
			}
		}
	}
	return false
}

// isHeader reports whether a paragraph opens with a message header
// that has no text after the name on its line.
func (d *doc) isHeader(p *ast.Paragraph) bool {
	lines := d.paragraphLines(p)
	if len(lines) == 0 {
		return false
	}
	_, said, ok := d.headerAt(lines[0], nextOf(lines, 1))
	return ok && said == ""
}

// nextOf returns lines[k], or nil past the end.
func nextOf(lines []ast.Node, k int) ast.Node {
	if k < len(lines) {
		return lines[k]
	}
	return nil
}

// splitAt moves the lines of a paragraph from its k-th on into a new
// paragraph right after it.
func (d *doc) splitAt(p *ast.Paragraph, k int) {
	lines := d.paragraphLines(p)
	segs := p.Lines()
	if k < 1 || k >= len(lines) || segs.Len() != len(lines) {
		return
	}
	body := ast.NewParagraph()
	var head, rest text.Segments
	for i := range segs.Len() {
		if i < k {
			head.Append(segs.At(i))
		} else {
			rest.Append(segs.At(i))
		}
	}
	p.SetLines(&head)
	body.SetLines(&rest)
	for c := lines[k]; c != nil; {
		next := c.NextSibling()
		body.AppendChild(body, c)
		c = next
	}
	p.Parent().InsertAfter(p.Parent(), p, body)
}

// unwrap puts the blocks of quote q in its place.
func unwrap(root ast.Node, q *ast.Blockquote) {
	for c := q.FirstChild(); c != nil; {
		next := c.NextSibling()
		root.InsertBefore(root, q, c)
		c = next
	}
	root.RemoveChild(root, q)
}

// messageHeader reads the header a chat app writes over each message:
// "**dana.k** 10:04 AM", "**Bot** APP — Today at 10:02", "lena_dev —
// 09/03/2025 19:04", "[10:14] Sam: text", "09/03/2025, 19:02 - Sam:
// text". It returns the speaker's name and the message's text in the
// paragraph (on the header's line or on the lines below).
func (d *doc) messageHeader(p *ast.Paragraph) (name, rest string, ok bool) {
	if !d.hasDigit(p) {
		return "", "", false
	}
	lines := d.paragraphLines(p)
	if len(lines) == 0 {
		return "", "", false
	}
	stop := nextOf(lines, 1)
	name, said, ok := d.headerAt(lines[0], stop)
	if !ok {
		return "", "", false
	}
	more := ""
	if stop != nil {
		more = d.inlineText(stop, nil)
	}
	return name, strings.TrimSpace(said + "\n" + more), true
}

// headerAt reads the line of inline nodes from start up to stop as a
// message header; said is the text after the name on that line. A line
// ends where the next begins, so its start names it: each line is read
// once, though finding the chat and its turns asks of it again.
func (d *doc) headerAt(start, stop ast.Node) (name, said string, ok bool) {
	h := kept(&d.headers, start, func() headerRead {
		name, said, ok := d.readHeader(start, stop)
		return headerRead{name, said, ok}
	})
	return h.name, h.said, h.ok
}

// headerRead is what headerAt found on a line.
type headerRead struct {
	name, said string
	ok         bool
}

// readHeader is headerAt, read afresh.
func (d *doc) readHeader(start, stop ast.Node) (name, said string, ok bool) {
	first := start
	for first != nil && first != stop && d.isBlank(first) {
		first = first.NextSibling()
	}
	if first == nil || first == stop {
		return "", "", false
	}
	if emphasis(first) == 2 {
		name = strings.TrimSpace(d.plain(first))
		if !isName(name) {
			return "", "", false
		}
		if stamp := d.inlineText(first.NextSibling(), stop); !isTimeLine(stamp) || !clock.MatchString(stamp) {
			return "", "", false
		}
		return name, "", true
	}
	line := d.inlineText(first, stop)
	if !mayHoldClock(line) {
		return "", "", false // no time or date: most lines, not split into words
	}
	if name, said, ok := stampedLine(line); ok {
		return name, said, true
	}
	name, ok = namedTimeLine(line)
	return name, "", ok
}

// clock matches a time of day or a date: "19:02", "09/03/2025",
// "2025-03-09", "09.03.25".
var clock = regexp.MustCompile(`\d{1,2}:\d{2}|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}`)

// mayHoldClock reports whether s holds a digit, then ':', '/', '.' or
// '-', then a digit, as every text clock matches does.
func mayHoldClock(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		switch s[i] {
		case ':', '/', '.', '-':
			if '0' <= s[i-1] && s[i-1] <= '9' && '0' <= s[i+1] && s[i+1] <= '9' {
				return true
			}
		}
	}
	return false
}

// stampedLine reads a line that opens with a time, then the speaker and
// a colon: "[10:14] Sam: text", "[09/03/2025, 19:02] Sam: text",
// "09/03/2025, 19:02 - Sam: text".
func stampedLine(line string) (name, said string, ok bool) {
	var stamp, after string
	if rest, bracket := strings.CutPrefix(line, "["); bracket {
		stamp, after, ok = strings.Cut(rest, "]")
	} else {
		stamp, after, ok = strings.Cut(line, " - ")
	}
	if !ok || !isTimeLine(stamp) || !clock.MatchString(stamp) {
		return "", "", false
	}
	name, said, ok = strings.Cut(strings.TrimSpace(after), ":")
	name = strings.TrimSpace(name)
	if !ok || !isName(name) {
		return "", "", false
	}
	return name, strings.TrimSpace(said), true
}

// namedTimeLine reads a line that is a plain name, then only a time or
// a date: "lena_dev — 09/03/2025 19:04", "Sam Lee 10:14 AM".
func namedTimeLine(line string) (string, bool) {
	// A time or a date has a digit: most lines are ruled out before they
	// are split, and the pattern runs last.
	if !strings.ContainsAny(line, "0123456789") {
		return "", false
	}
	fields := strings.Fields(line)
	for i := 1; i <= 3 && i < len(fields); i++ {
		if len(fields)-i > 22 {
			// Past 22 words, the words inside the time alone (all but
			// its first and last, which may be dashes) are longer than
			// a time line can be: no need to join them.
			continue
		}
		name := strings.TrimSuffix(strings.Join(fields[:i], " "), ",") // Telegram: "Dana K, [09.03.25 19:03]"
		if isTimeLine(strings.Join(fields[i:], " ")) && isName(name) {
			if !clock.MatchString(line) {
				return "", false
			}
			return name, true
		}
	}
	return "", false
}

// isName reports whether s can be a speaker's name: one to three words,
// each with a letter, and no sentence punctuation.
func isName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 || strings.ContainsAny(s, ":?!,;") {
		return false
	}
	for _, w := range words {
		if strings.IndexFunc(w, unicode.IsLetter) < 0 {
			return false
		}
	}
	return true
}

// isReactions reports whether a paragraph is a chat message's reactions:
// emoji with their counts and nothing else ("👍 3 · 🐇 1", "🔥2").
func isReactions(s string) bool {
	emoji, count := false, false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			count = true
		case unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r):
			emoji = true
		case unicode.IsSpace(r) || r == '·' || r == '|' || r == ',' || r == '\u200d' || r == '\ufe0f':
		default:
			return false // a word, punctuation, or a keycap number ("3️⃣")
		}
	}
	return emoji && count
}

// aside keeps a block that is part of no question (another member's
// message in a chat, a message's reactions) in the topic's notes, where
// it ends up in no answer.
func (d *doc) aside(n ast.Node, why string) {
	b := d.toBlock(n)
	d.closingSection(b.Pos)
	d.closing.Blocks = append(d.closing.Blocks, b)
	d.record(b.Pos, describeBlock(n), d.excerpt(n), Reading{As: ReadNote, Name: why})
}

// chatAside keeps in the topic's notes what a chat holds beside the
// interview: another member's message, and a message's reactions. It
// reports whether n was such a block.
func (d *doc) chatAside(n ast.Node) bool {
	if len(d.structure.turns) == 0 {
		return false
	}
	switch n.(type) {
	case *ast.Heading, *ast.ThematicBreak:
		// A heading or a rule between rounds ends another member's turn.
		if d.speaker == bystander {
			d.speaker = 0
		}
		return false
	}
	if d.speaker == bystander {
		d.aside(n, "another member's message")
		return true
	}
	if p, ok := n.(*ast.Paragraph); ok && isReactions(d.plain(p)) {
		d.aside(n, "reactions")
		return true
	}
	return false
}

// inlineQuestion reads a message that opens with a question's name
// before a colon or a dash: "Question 1 (easy): what does a LEFT JOIN
// return?". It returns what the name says and the prompt after it.
func (d *doc) inlineQuestion(text string) (questionHead, string, bool) {
	for _, sep := range []string{": ", " — ", " – ", " - "} {
		head, prompt, ok := strings.Cut(text, sep)
		if !ok || len(head) > 80 {
			continue
		}
		if qh, ok := d.questionHead(head); ok && !qh.numbered && strings.TrimSpace(prompt) != "" {
			return qh, strings.TrimSpace(prompt), true
		}
	}
	return questionHead{}, "", false
}

// feedbackMessage reads an interviewer's message, written on its
// header's line, that answers the candidate: its parts named inside it
// ("✅ Right. Model answer: every left row …") open as labels do, and
// the text before the first is a point its mark names, or a score.
func (d *doc) feedbackMessage(text string, pos bank.Pos) {
	d.role, d.extra = vocab.RoleFeedback, nil
	lead, parts := d.splitParts(text)
	if lead != "" {
		switch {
		case d.v.Mark(lead) == vocab.RoleStrengths || d.v.Mark(lead) == vocab.RoleGaps:
			d.point(lead, pos)
		case d.setScore(lead, false, pos):
		default:
			d.keepText(lead, pos)
		}
	}
	for _, pt := range parts {
		d.openRole(pt.role, pt.text, 0, pos, pt.name, nil)
	}
}

// namedPart is a part of a question named inside a line of text.
type namedPart struct {
	role       vocab.Role
	name, text string
}

// splitParts cuts text at the labels inside it that name a part of a
// question: a few words after a sentence's end, then a colon ("… well
// put. Model answer: every row …").
func (d *doc) splitParts(text string) (lead string, parts []namedPart) {
	rest := text
	for {
		i, name, role := d.partLabel(rest)
		if i < 0 {
			break
		}
		before := strings.TrimSpace(rest[:i])
		if len(parts) == 0 {
			lead = before
		} else {
			parts[len(parts)-1].text = before
		}
		parts = append(parts, namedPart{role: role, name: name})
		rest = rest[i+len(name)+1:]
	}
	if len(parts) == 0 {
		return strings.TrimSpace(text), nil
	}
	parts[len(parts)-1].text = strings.TrimSpace(rest)
	return lead, parts
}

// partLabel finds the first label in text that names a part of a
// question: it returns where the label starts, its text (up to the
// colon) and its role; -1 when there is none.
func (d *doc) partLabel(text string) (int, string, vocab.Role) {
	for i := 0; i < len(text); i++ {
		if text[i] != ':' {
			continue
		}
		start := strings.LastIndexAny(text[:i], ".!?\n") + 1
		name := text[start:i]
		if !fewWords(name, maxLabelWords) {
			continue
		}
		if role, _ := d.roleOf(vocab.TrimDecoration(name)); role.InQuestion() && role != vocab.RolePrompt {
			return start, name, role
		}
	}
	return -1, "", vocab.RoleNone
}
