package parse

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
)

// A paragraph may hold a whole question's parts, one line each, with no
// blank line between them: "**Q:** …" then "**A:** …", or a chat
// message exported as plain lines (Slack writes no Markdown lists):
//
//	**Score:** 7/10
//	✅ **What landed**
//	• Each partition read by exactly one member
//	❌ **What to tighten up**
//	• No word on rebalancing
//	    💡 *Try saying:* "When a member joins, the group rebalances."
//	📖 **Model answer:** A consumer group is …
//
// A line that opens with a label naming a part opens it, a line opened
// by a bullet ("•") is a point of the part open, and a line indented
// under a point gives its phrasing or more detail.

// textLine is one line of a paragraph.
type textLine struct {
	start  ast.Node // the line's first inline node
	pos    bank.Pos
	indent int    // the white space before the line's text
	text   string // the line's text, trimmed
	point  bool   // opened by a bullet
	role   vocab.Role
	name   string // the label's text, when role is set
	rest   string // the text after the label
}

// bullets are the characters plain-text exports open a point with.
const bullets = "•◦▪‣"

// textLines splits a paragraph into its lines and reads each.
func (d *doc) textLines(p ast.Node) []textLine {
	starts := d.paragraphLines(p)
	lines := make([]textLine, len(starts))
	for k, start := range starts {
		var stop ast.Node
		if k+1 < len(starts) {
			stop = starts[k+1]
		}
		l := textLine{start: start, pos: d.pos(p), text: d.inlineText(start, stop)}
		if off := firstTextOffset(start, stop); off >= 0 {
			l.indent = lineIndent(d.src, off)
			l.pos = d.lines.pos(lineTextStart(d.src, off))
		}
		first, _ := utf8.DecodeRuneInString(l.text)
		// In a chat message (Markdown written by no one), a line that
		// opens with a mark is a point, and a plain label opens a part.
		chat := d.speaker != 0
		l.point = strings.ContainsRune(bullets, first) || chat && (d.v.Mark(l.text) == vocab.RoleStrengths || d.v.Mark(l.text) == vocab.RoleGaps)
		l.role, l.name, l.rest = d.lineLabel(start, stop)
		if l.role == vocab.RoleNone && !l.point && chat {
			l.role, l.name, l.rest = d.plainLineLabel(l.text)
		}
		lines[k] = l
	}
	return lines
}

// firstTextOffset returns where the text of the inline nodes from start
// up to stop begins in the source, -1 when none holds text.
func firstTextOffset(start, stop ast.Node) int {
	for c := start; c != nil && c != stop; c = c.NextSibling() {
		for n := c; n != nil; n = n.FirstChild() {
			if t, ok := n.(*ast.Text); ok {
				return t.Segment.Start
			}
		}
	}
	return -1
}

// lineTextStart returns where the line holding off begins its text,
// past indentation and quote markers: the line's position.
func lineTextStart(src []byte, off int) int {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	lead := src[start:off]
	if i := bytes.LastIndexByte(lead, '>'); i >= 0 {
		start += i + 1
	}
	for start < off && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	return start
}

// lineIndent returns the white space that opens the line holding off,
// after any quote markers: how far a line stands in under the one above.
func lineIndent(src []byte, off int) int {
	lead := src[bytes.LastIndexByte(src[:off], '\n')+1 : off]
	if i := bytes.LastIndexByte(lead, '>'); i >= 0 {
		lead = lead[i+1:]
	}
	return len(lead) - len(bytes.TrimLeft(lead, " \t"))
}

// lineLabel reads the label that opens a line, in bold or italic after
// any emoji, when it names a part of a question: by its name, by its
// words (a label alone or ending in a colon), or by the mark before it
// (a label alone: "✅ *What landed*").
func (d *doc) lineLabel(start, stop ast.Node) (vocab.Role, string, string) {
	first := start
	var mark strings.Builder
	for first != nil && first != stop && (d.isBlank(first) || d.isDecoration(first)) {
		if t, ok := first.(*ast.Text); ok {
			mark.Write(t.Value(d.src))
		}
		first = first.NextSibling()
	}
	if first == nil || first == stop || emphasis(first) == 0 {
		return vocab.RoleNone, "", ""
	}
	name := strings.TrimSpace(halfwidth.Replace(d.plain(first)))
	rest := strings.TrimSpace(halfwidth.Replace(d.inlineText(first.NextSibling(), stop)))
	colon := strings.HasSuffix(name, ":")
	if r, ok := strings.CutPrefix(rest, ":"); ok {
		colon, rest = true, strings.TrimSpace(r)
	}
	name = vocab.TrimDecoration(strings.TrimSuffix(name, ":"))
	role, named := d.roleOf(name)
	if role == vocab.RoleNone && (colon || rest == "") {
		role = d.v.RoleByWords(name)
	}
	if role == vocab.RoleNone && rest == "" && mark.Len() > 0 {
		role = d.v.Mark(mark.String())
	}
	if !role.InQuestion() {
		return vocab.RoleNone, "", ""
	}
	return role, name, joinLine(named, rest)
}

// plainLineLabel reads a line that opens with a plain label the
// vocabulary names, then a colon: "Model answer: every left row …".
func (d *doc) plainLineLabel(text string) (vocab.Role, string, string) {
	head, rest, ok := strings.Cut(halfwidth.Replace(text), ":")
	if !ok || len(strings.Fields(head)) > maxLabelWords {
		return vocab.RoleNone, "", ""
	}
	role := d.v.Role(vocab.TrimDecoration(head))
	if !role.InQuestion() || role == vocab.RolePrompt {
		return vocab.RoleNone, "", ""
	}
	return role, vocab.TrimDecoration(head), strings.TrimSpace(rest)
}

// labelLines reads a paragraph whose lines open the parts of a question
// one after the other (see textLine): at least two lines open a part,
// or one does and points follow it; or, inside a question's
// strengths or gaps, every line is a point or stands under one. It
// reports whether p was such a paragraph.
func (d *doc) labelLines(p *ast.Paragraph) bool {
	if len(d.paragraphLines(p)) < 2 {
		return false // one line, as most paragraphs are: nothing to read line by line
	}
	lines := d.textLines(p)
	if len(lines) < 2 || lines[0].role == vocab.RoleNone && !lines[0].point {
		return false
	}
	labels, points := 0, 0
	for _, l := range lines {
		switch {
		case l.role != vocab.RoleNone:
			labels++
		case l.point:
			points++
		}
	}
	feedback := d.q != nil && (d.role == vocab.RoleStrengths || d.role == vocab.RoleGaps || d.role == vocab.RoleFeedback)
	if labels < 2 && !(labels == 1 && points > 0) && !(labels == 0 && feedback) {
		return false
	}
	if d.q == nil {
		// Outside a question only a card opens one: a prompt, then its
		// answer ("**Interviewer:** … **Candidate:** …" over a
		// scorecard are who took part).
		hasAnswer := slices.ContainsFunc(lines, func(l textLine) bool { return l.role == vocab.RoleAnswer })
		if lines[0].role != vocab.RolePrompt || !hasAnswer {
			return false
		}
	}
	for k := 0; k < len(lines); {
		end := k + 1
		for end < len(lines) && lines[end].role == vocab.RoleNone {
			end++
		}
		l := lines[k]
		switch body := lines[k+1 : end]; {
		case l.role == vocab.RoleNone:
			d.points(lines[k:end])
		case pointsFollow(body) && (l.role == vocab.RoleStrengths || l.role == vocab.RoleGaps || l.role == vocab.RoleFeedback):
			d.openRole(l.role, l.rest, 0, l.pos, l.name, p)
			d.points(body)
		default:
			text := l.rest
			for _, b := range body {
				text = strings.TrimSpace(text + "\n" + b.text)
			}
			d.openRole(l.role, text, 0, l.pos, l.name, p)
		}
		k = end
	}
	return true
}

// pointsFollow reports whether a part's lines start with a point.
func pointsFollow(lines []textLine) bool { return len(lines) > 0 && lines[0].point }

// points reads lines of a part that are points ("• …"), and the lines
// under them: each point a strength or gap of the part open (of the one
// its mark names in a feedback part), and a line indented under a point
// its phrasing or more detail.
func (d *doc) points(lines []textLine) {
	indent := -1 // the points' own indentation
	for _, l := range lines {
		text := strings.TrimSpace(strings.TrimLeft(l.text, bullets))
		if l.point && (indent < 0 || l.indent <= indent) {
			indent = l.indent
			d.point(text, l.pos)
			continue
		}
		d.underPoint(text, l.pos)
	}
}

// point adds one point of feedback to the part open.
func (d *doc) point(text string, pos bank.Pos) {
	role := d.role
	if m := d.v.Mark(text); m == vocab.RoleStrengths || m == vocab.RoleGaps {
		role = m
	}
	switch role {
	case vocab.RoleStrengths:
		title, detail := splitPlainItem(text)
		d.q.Strengths = append(d.q.Strengths, bank.Strength{Title: title, Detail: detail, Pos: pos, Pin: d.takePin(nil)})
		d.record(pos, "line", text, d.item(ReadStrength, title))
	case vocab.RoleGaps:
		d.addPlainGap(text, pos, nil)
		d.record(pos, "line", text, d.item(ReadGap, d.q.Gaps[len(d.q.Gaps)-1].Title))
	default:
		d.keepText(text, pos)
	}
}

// underPoint reads a line under a point: a phrasing of the last gap
// (labelled, or quoted), or more detail of the last point.
func (d *doc) underPoint(text string, pos bank.Pos) {
	q := d.q
	lastGap := len(q.Gaps) > 0 && (d.role != vocab.RoleStrengths || len(q.Strengths) == 0 || q.Gaps[len(q.Gaps)-1].Pos.Line > q.Strengths[len(q.Strengths)-1].Pos.Line)
	if lastGap {
		g := &q.Gaps[len(q.Gaps)-1]
		if head, ph, ok := d.labelledPhrasing(text); ok && vocab.TrimDecoration(head) == "" {
			g.Phrasing = joinPara(g.Phrasing, ph)
			d.record(pos, "line", text, d.item(ReadPhrasing, g.Title))
			return
		}
		if vocab.IsQuoted(text) {
			g.Phrasing = joinPara(g.Phrasing, vocab.Unquote(text))
			d.record(pos, "line", text, d.item(ReadPhrasing, g.Title))
			return
		}
		g.Detail = joinPara(g.Detail, text)
		d.record(pos, "line", text, d.item(ReadGap, g.Title))
		return
	}
	if len(q.Strengths) > 0 {
		s := &q.Strengths[len(q.Strengths)-1]
		s.Detail = joinPara(s.Detail, text)
		d.record(pos, "line", text, d.item(ReadStrength, s.Title))
		return
	}
	d.keepText(text, pos)
}
