package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
)

// A dialogue is a document, or the rounds of one, written as turns of
// two speakers: a chat export ("## Prompt:" / "## Response:", "##
// User" / "## Assistant"), or a transcript ("**Maya:** …" / "**Tom:**
// …"). Which speaker interviews is decided by the structure, not by
// their names: the one whose turns hold the questions' headings, else
// the one who asks more (whose turns end with a question mark), else
// the one who speaks first. The candidate's turns are the response to
// the question open; the interviewer's turns are read as any text is,
// and, when no heading or label opens questions, each one that asks
// after the candidate answered opens the next question.

// speaker is who takes a turn.
type speaker uint8

const (
	interviewer speaker = iota + 1
	candidateSpeaker
	// bystander is a third member of a chat: greetings and remarks,
	// kept in the topic's notes.
	bystander
)

// turn is a heading or paragraph that opens a speaker's turn.
type turn struct {
	who  speaker
	name string // the speaker's name as written
	rest string // the text after the name, in a paragraph's turn
	// header says a chat message's header opens the turn.
	header bool
}

// turnMark is a heading or label that may open a turn.
type turnMark struct {
	n     ast.Node
	index int
	key   string // the speaker's name, as a vocabulary key
	name  string
	level int // heading level, 7 for a label
	rest  string
	// header says a chat message's header opens the turn.
	header bool
}

// findTurns finds the two speakers whose names alternate through the
// document, and marks each of their turns.
func (d *doc) findTurns(blocks []ast.Node) {
	var marks []turnMark
	var names []string // in the order they first speak
	count := map[string]int{}
	header := map[string]bool{}
	for i, n := range blocks {
		m, ok := d.turnMarkAt(n, i)
		if !ok {
			continue
		}
		marks = append(marks, m)
		if count[m.key] == 0 {
			names = append(names, m.key)
		}
		count[m.key]++
		header[m.key] = header[m.key] || m.header
	}
	// The two names that take the most turns, the first to speak on a
	// tie. A name takes two turns at least, unless a chat message's
	// header gives it: one answer in a chat is a dialogue.
	var a, b string
	for _, k := range names {
		switch c := count[k]; {
		case c < 2 && !header[k]:
		case a == "" || c > count[a]:
			a, b = k, a
		case b == "" || c > count[b]:
			b = k
		}
	}
	if a == "" || b == "" {
		return
	}
	var seq []turnMark
	for _, m := range marks {
		if m.key == a || m.key == b {
			seq = append(seq, m)
		}
	}
	changes := 0
	for k := 1; k < len(seq); k++ {
		if seq[k].level != seq[0].level {
			return
		}
		if seq[k].key != seq[k-1].key {
			changes++
		}
	}
	if 4*changes < 3*(len(seq)-1) && !(seq[0].header && 2*changes >= len(seq)-1) {
		// Not a dialogue: the names do not take turns. In a chat an
		// interviewer often posts twice in a row (the feedback, then
		// the next question): half the messages changing hands will do.
		return
	}
	host := d.host(seq, blocks, a, b)
	d.structure.host = host
	for _, m := range marks {
		who := candidateSpeaker
		switch {
		case m.key == host:
			who = interviewer
		case m.key != a && m.key != b:
			if !m.header || !seq[0].header {
				continue
			}
			who = bystander // a third member of the chat
		}
		d.structure.turns[m.n] = turn{who: who, name: m.name, rest: m.rest, header: m.header}
	}
	// A speaker's name repeats under each question: it opens no section.
	delete(d.structure.sections, a)
	delete(d.structure.sections, b)
}

// turnMarkAt reads a block as the opening of a turn: a heading that is
// a speaker's name and a colon ("## Prompt:", "## You said:"), or one of
// the names chat tools give their turns ("## User", "## Assistant"); or
// a paragraph that opens with a bold name and a colon ("**Maya:** …").
// A name that names a part of a question ("Strengths:", "Your answer:")
// is not a speaker's, except in a heading that names the prompt or the
// response ("## Prompt:", "## Response:" of a chat export).
func (d *doc) turnMarkAt(n ast.Node, i int) (turnMark, bool) {
	m := turnMark{n: n, index: i}
	switch n := n.(type) {
	case *ast.Heading:
		text := strings.TrimSpace(d.plain(n))
		name, colon := strings.CutSuffix(text, ":")
		if role := d.v.Role(text); !colon && !d.v.IsSpeaker(text) && role != vocab.RolePrompt && role != vocab.RoleResponse {
			// Without a colon, a heading opens a turn when it names a
			// speaker ("## User") or who asks or answers ("###
			// Interviewer", "### Candidato").
			return m, false
		}
		m.name, m.level = vocab.TrimDecoration(name), n.Level
	case *ast.Paragraph:
		if name, rest, ok := d.messageHeader(n); ok {
			m.name, m.level, m.rest, m.header = name, 7, rest, true
			break
		}
		l, ok := d.label(n)
		if !ok || l.emph != 2 || !l.colon {
			return m, false
		}
		m.name, m.level, m.rest = l.text, 7, l.rest
	default:
		return m, false
	}
	m.key = vocab.Key(m.name)
	if m.key == "" || !fewWords(m.key, 3) {
		return m, false
	}
	if role := d.v.Role(m.name); role != vocab.RoleNone && (m.level == 7 || role != vocab.RolePrompt && role != vocab.RoleResponse) {
		return m, false // labels the vocabulary names are read as such
	}
	if _, ok := d.questionHead(m.name); ok {
		return m, false
	}
	return m, true
}

// host returns which of the names a and b interviews: the one whose
// turns hold question headings or labels, else the one whose turns ask
// more often, else the one who speaks first.
func (d *doc) host(seq []turnMark, blocks []ast.Node, a, b string) string {
	questions := map[string]int{}
	asking := map[string]int{}
	turns := map[string]int{}
	for k, m := range seq {
		end := len(blocks)
		if k+1 < len(seq) {
			end = seq[k+1].index
		}
		turns[m.key]++
		text := m.rest
		for _, n := range blocks[m.index+1 : end] {
			if m.level == 7 && m.rest != "" {
				break // a label's turn is its paragraph
			}
			switch n := n.(type) {
			case *ast.Heading:
				if _, ok := d.structure.starts[n]; ok {
					questions[m.key]++
				} else if qh, ok := d.questionHead(d.plain(n)); ok && (!qh.numbered || qh.hasLevel) {
					questions[m.key]++
				}
			case *ast.Paragraph:
				if _, ok := d.structure.starts[n]; ok || d.isQuestionLabel(n) {
					questions[m.key]++
				}
				text = d.plain(n)
			}
		}
		if asks(text) {
			asking[m.key]++
		}
	}
	switch {
	case questions[a] != questions[b]:
		return pick(questions[a] > questions[b], a, b)
	case asking[a]*turns[b] != asking[b]*turns[a]:
		return pick(asking[a]*turns[b] > asking[b]*turns[a], a, b)
	}
	return seq[0].key
}

func pick(first bool, a, b string) string {
	if first {
		return a
	}
	return b
}

// takeTurn reads a block that opens a speaker's turn. It reports whether
// it did; a block it leaves is read as any other.
func (d *doc) takeTurn(n ast.Node, t turn) bool {
	pos := d.pos(n)
	block := "label"
	if h, ok := n.(*ast.Heading); ok {
		block = headingBlock(h)
	}
	d.speaker, d.freshTurn = t.who, false
	if t.who == bystander {
		d.record(pos, block, t.name, Reading{As: ReadTurn, Name: t.name, Label: "bystander"})
		if t.rest != "" {
			d.aside(n, t.name)
		}
		return true
	}
	if t.rest == "" {
		// A heading or a message header: the turn is the blocks below.
		label := "candidate"
		if t.who == interviewer {
			label = "interviewer"
			if d.q != nil && d.role == vocab.RoleResponse {
				// After the candidate's answer the interviewer's turn
				// begins the feedback.
				d.role, d.extra = vocab.RoleFeedback, nil
			}
			if d.q != nil && d.role == vocab.RoleAnswer && t.header && d.messageAfterAnswer == nil {
				d.messageAfterAnswer = &messageStart{name: t.name, pos: pos, answer: len(d.q.Answer)}
			}
			d.freshTurn = true
		}
		d.record(pos, block, t.name, Reading{As: ReadTurn, Name: t.name, Label: label})
		return true
	}
	if t.who == interviewer {
		qh, prompt, named := d.inlineQuestion(t.rest)
		switch {
		case named:
			// "Coach: Question 1 (easy): what does …?"
			d.startQuestion(qh, pos, n)
			d.addPrompt(prompt)
			return true
		case d.q != nil && len(d.q.Response) > 0 && d.endsSession(t.rest):
			// "Dana: That's all for today, thanks!": the session ends,
			// and the line belongs to no question.
			d.closeQuestion()
			d.addClosingBlock(bank.Block{Kind: bank.KindParagraph, Text: joinLine(t.name+":", t.rest), Pos: pos})
			return true
		case t.header && d.q != nil && len(d.q.Response) > 0 && !asks(t.rest) && (d.role == vocab.RoleResponse || d.role == vocab.RoleFeedback):
			// A chat message that answers the candidate's: the feedback.
			d.record(pos, block, t.name, Reading{As: ReadTurn, Name: t.name, Label: "interviewer"})
			d.feedbackMessage(t.rest, pos)
			return true
		case d.headed && d.q == nil && len(d.topic.Questions) > 0 && asks(t.rest) && d.quickRound(n, 2):
			// After the questions, a heading that names none ("Lightning
			// round") over bare exchanges: each question asked is one.
			d.startQuestion(questionHead{}, pos, n)
			d.addPrompt(trimChatter(t.rest))
			d.warn(pos, "question %d: asked in a round of exchanges under a heading that names no question, read as a question of its own", d.q.Number)
			return true
		case !d.headed && asks(t.rest) && (d.q == nil || len(d.q.Response) > 0):
			// No heading opens questions: each question the interviewer
			// asks after an answer is the next one.
			d.startQuestion(questionHead{}, pos, n)
			d.addPrompt(t.rest)
			return true
		case d.headed && d.q != nil && len(d.q.Response) > 0 && !judged(d.q) && asks(t.rest) && d.role == vocab.RoleResponse && d.quickRound(n, 1):
			// A round of exchanges with no feedback (a rapid-fire or
			// bonus round): each question asked after an answer is a
			// question of its own, at the round's level.
			d.splitRound(t.rest, pos, n)
			return true
		case d.q != nil && d.q.Prompt == "" && d.role == vocab.RoleNone:
			text := t.rest
			if d.headed && d.quickRound(n, 2) {
				text = trimChatter(text)
			}
			d.addPrompt(text)
			d.record(pos, block, text, d.inQuestion(ReadPrompt))
			return true
		case d.q != nil && (d.role == vocab.RoleNone || d.role == vocab.RolePrompt || d.role == vocab.RoleResponse):
			d.role = vocab.RoleResponse
			d.addTurn(t, pos, block)
			return true
		}
		d.outsideTurn(t, pos)
		return false
	}
	if d.q != nil && (d.role == vocab.RoleNone || d.role == vocab.RolePrompt || d.role == vocab.RoleResponse) {
		d.role = vocab.RoleResponse
		d.addTurn(t, pos, block)
		return true
	}
	d.outsideTurn(t, pos)
	return false
}

// outsideTurn warns of a speaker's turn that no question takes (a
// greeting before the first round, a reply after the session ended):
// the walk keeps it in the topic's notes, where a reader may not look.
func (d *doc) outsideTurn(t turn, pos bank.Pos) {
	if d.q == nil {
		d.warn(pos, "%s's turn belongs to no question: kept in the topic's notes", t.name)
	}
}

// interviewerAsks reads the first block of an interviewer's turn that
// began on a heading or a message header: where no heading opens
// questions, a block that asks, at the start or after the candidate
// answered, opens the next question. It reports whether it did.
func (d *doc) interviewerAsks(n ast.Node) bool {
	if !d.freshTurn {
		return false
	}
	d.freshTurn = false
	var text string
	switch n := n.(type) {
	case *ast.Paragraph:
		if l, ok := d.label(n); ok && (l.emph > 0 || l.colon) && d.opensPartLabel(n) {
			return false
		}
		text = d.plain(n)
	case *ast.Blockquote:
		text = d.blockText(n)
	default:
		return false
	}
	if d.headed && d.q != nil && len(d.q.Response) > 0 && !judged(d.q) && asks(text) && d.quickRound(n, 1) {
		// "### Interviewer" asking again in a round with no feedback.
		d.splitRound(text, d.pos(n), n)
		return true
	}
	if d.headed || !asks(text) || d.q != nil && len(d.q.Response) == 0 {
		return false
	}
	qh := questionHead{}
	if line, more, ok := strings.Cut(text, "\n"); ok {
		// "Question 1 — easy" on the line above the question.
		if head, named := d.questionHead(line); named && !head.numbered {
			qh, text = head, more
		}
	}
	d.startQuestion(qh, d.pos(n), n)
	d.addPrompt(text)
	return true
}

// addTurn keeps a turn of a transcript in the question's response, with
// its speaker's name.
func (d *doc) addTurn(t turn, pos bank.Pos, block string) {
	d.q.Response = append(d.q.Response, bank.Block{Kind: bank.KindParagraph, Text: joinLine(t.name+":", t.rest), Pos: pos})
	d.record(pos, block, t.name+": "+t.rest, d.inQuestion(ReadResponse))
}

// candidateContent reads a block of the candidate's turn in a chat
// export: the response to the question open, or, before any question
// or after its answer, a remark kept in the topic's notes.
func (d *doc) candidateContent(n ast.Node) bool {
	if d.speaker != candidateSpeaker {
		return false
	}
	if _, ok := n.(*ast.Heading); ok {
		return false
	}
	if d.q != nil && len(d.q.Answer) == 0 && (d.role == vocab.RoleNone || d.role == vocab.RolePrompt || d.role == vocab.RoleResponse) {
		d.role = vocab.RoleResponse
		d.q.Response = append(d.q.Response, d.toBlock(n))
		d.record(d.pos(n), describeBlock(n), d.excerpt(n), d.inQuestion(ReadResponse))
		return true
	}
	d.closeQuestion()
	d.guideContent(n)
	return true
}

// isTimeLine reports whether a line is only a time or a date, as chat
// apps print beside a name: digits with ":" or "/", "AM"/"PM", "Today
// at", "APP", separators.
func isTimeLine(line string) bool {
	line = strings.TrimSpace(strings.Trim(strings.TrimSpace(line), "—–-·|[]()"))
	if line == "" || !strings.ContainsAny(line, "0123456789") || len(line) > 40 {
		return false
	}
	for _, w := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' || r == '\u00a0' }) {
		if strings.IndexFunc(w, unicode.IsLetter) < 0 {
			continue // "10:04", "2025-03-18", "3/18/2025"
		}
		switch strings.ToLower(strings.Trim(w, ".")) {
		case "am", "pm", "today", "yesterday", "at", "app", "bot", "edited", "mon", "tue", "wed", "thu", "fri", "sat", "sun":
		default:
			return false
		}
	}
	return true
}

// quickRound reports whether the interviewer's turn n stands in a round
// of several exchanges with no feedback and no model answer after it:
// up to the next question or the next heading as high as the round's,
// no sub-heading, no label or marked list naming a part of a question, and at
// least two of the interviewer's turns in the round ask. Feedback after
// the exchanges makes them one question whose follow-ups are the
// response. need is how many of the turns from n on must ask: two for
// the round's first question, one for a question asked after an answer
// (the round asked one before it).
func (d *doc) quickRound(n ast.Node, need int) bool {
	asking := 0
	// fresh says the last block opened the interviewer's turn on a
	// heading: the paragraph after it is what they say. n is such a
	// paragraph when it is no turn of its own.
	_, turnN := d.structure.turns[n]
	fresh := !turnN
	for c := n; c != nil; c = c.NextSibling() {
		if _, ok := d.structure.starts[c]; ok && c != n {
			break
		}
		wasFresh := fresh
		fresh = false
		switch c := c.(type) {
		case *ast.Heading:
			if t, turn := d.structure.turns[c]; turn {
				fresh = t.who == interviewer
				continue
			}
			if c.Level <= d.qDepth && !d.namesPart(d.plain(c)) {
				return asking >= need
			}
			// A sub-heading in the round ("### Feedback", "### Alex's
			// take") holds what the exchanges are judged by.
			return false
		case *ast.Paragraph:
			if t, ok := d.structure.turns[c]; ok {
				if t.who == interviewer && asks(t.rest) {
					asking++
				}
				continue
			}
			if l, ok := d.label(c); ok && (l.emph > 0 || l.colon) && d.namesPart(l.text) {
				return false
			}
			if wasFresh && asks(d.plain(c)) {
				asking++
			}
		case *ast.List:
			for it := c.FirstChild(); it != nil; it = it.NextSibling() {
				if d.v.Mark(d.blockText(it)) != vocab.RoleNone {
					return false // "- ✅ …": feedback
				}
			}
		case *ast.Blockquote, *ast.FencedCodeBlock, *ast.CodeBlock:
			return false // a suggested phrasing, a sample: not a bare exchange
		}
	}
	return asking >= need
}

// messageStart is where the interviewer's chat message after a model
// answer began (name, pos), and how many blocks the answer had then.
type messageStart struct {
	name   string
	pos    bank.Pos
	answer int
}

// judged reports whether q already has feedback or a model answer: a
// question asked after them (a bot's "next session: forms?") opens no
// question of a round of bare exchanges.
func judged(q *bank.Question) bool {
	return len(q.Strengths)+len(q.Gaps)+len(q.Answer)+len(q.Samples)+len(q.Diagrams) > 0 || q.Score != ""
}

// splitRound opens a question of its own for a question the interviewer
// asks after the answer in a round of bare exchanges (see quickRound),
// at the round's level and depth, and warns that it did.
func (d *doc) splitRound(text string, pos bank.Pos, n ast.Node) {
	depth := d.qDepth
	qh := questionHead{label: d.q.Label, level: d.q.Level, hasLevel: !d.q.LevelInferred}
	d.startQuestion(qh, pos, n)
	d.qDepth = depth
	d.addPrompt(trimChatter(text))
	d.warn(pos, "question %d: a question asked after the answer in a round with no feedback, read as a question of its own", d.q.Number)
}

// trimChatter drops the short remarks an interviewer makes before the
// question itself ("Quick ones now.", "Good. Next one:"): leading
// sentences of at most maxChatterWords words that do not ask, as long
// as what remains asks.
func trimChatter(s string) string {
	for {
		end := strings.IndexFunc(s, func(r rune) bool { return strings.ContainsRune(".!:;。！：", r) })
		if end < 0 {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[end:])
		head, rest := s[:end], strings.TrimSpace(s[end+size:])
		if len(strings.Fields(head)) > maxChatterWords || strings.ContainsAny(head, "?？") || rest == "" || !asks(rest) {
			return s
		}
		if size == 1 && end+1 < len(s) && s[end+1] != ' ' {
			return s // "e.g.x", "3.5": no sentence ends here
		}
		s = rest
	}
}

// maxChatterWords is the most words a remark before a question has.
const maxChatterWords = 8
