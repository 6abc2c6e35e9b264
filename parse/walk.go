package parse

import (
	"iter"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// doc walks one Markdown document, already repaired to clean UTF-8, and
// builds the topic it describes. It is a small state machine over the
// document's top-level blocks: headings and labels ("**Strengths:**")
// open the parts of a question or of the topic, and every other block is
// placed according to the part it falls in.
type doc struct {
	name  string
	src   []byte
	lines lineTable
	v     *vocab.Vocabulary
	diags bank.Diagnostics

	explain    bool
	outline    []Entry
	unreadable bool // empty or binary: nothing was walked

	front front
	// topics are the document's topics read before the current one,
	// each opened by a level-1 heading.
	topics   []bank.Topic
	title    string
	titlePos bank.Pos
	topic    bank.Topic
	plan     []bank.PlanEntry
	// planNumbered says, per plan row, whether the source numbered it.
	planNumbered []bool

	q      *bank.Question // the question being read, or nil
	qEntry int            // index of q's entry in the outline, or -1
	role   vocab.Role     // the part of q being read
	extra  *bank.Section  // the extra section being read, if any
	// diagramTitle is a title written above a diagram's fence.
	diagramTitle string

	note      *bank.Section // the topic's note section being read, if any
	noteRole  vocab.Role    // what note is: glossary, plan, notes or none
	noteDepth int           // level of note's heading
	// termHead is a heading in a glossary that may name the term its
	// paragraphs define.
	termHead *termHeading
	// closing is the note section that holds closing chat lines.
	closing *bank.Section
	// runLevel is the heading level of a run of term headings, or 0.
	runLevel int
	// groupLevel and groupLabel are the level a heading such as "##
	// Junior" gives the questions under it, down to the next heading at
	// groupDepth or above (0: no group).
	groupLevel bank.Level
	groupLabel string
	groupDepth int
	// lane and laneLabel are the status a Kanban lane's heading ("## In
	// progress") gives the items listed under it; laneLabel is "" when
	// no lane is open.
	lane      bank.Status
	laneLabel string
	// interview is set when the document holds questions: "**Label:**
	// text" lines before them are notes, not glossary terms.
	interview bool
	// tracker is set when a top-level table of the document has a topic
	// and a status column: bold status words anywhere in it are a legend.
	tracker bool
	// structure holds the questions found by the document's structure,
	// and the turns of a dialogue.
	structure structure
	// headed says that headings or labels open the document's
	// questions; in a dialogue without them, the interviewer's questions
	// do.
	headed bool
	// speaker is who took the turn being read, 0 outside a dialogue;
	// freshTurn says the interviewer's turn has just begun.
	speaker   speaker
	freshTurn bool
	// messageAfterAnswer is the interviewer's new chat message that
	// began after the question's model answer: what it adds to the
	// answer is warned of, since a session's summary reads alike.
	messageAfterAnswer *messageStart
	// roleDepth is the level of the heading that opened the part being
	// read, 0 for a label: a heading at that level or above ends it.
	roleDepth int
	// qDepth is the level of the question's heading, 7 for a label.
	qDepth int
	// chose says that the current question's options were read, one
	// of them chosen: a verdict on it may follow.
	chose bool
	// titlePrompt says that the question's prompt so far is its
	// heading's text, which asked the question: a paragraph that asks
	// too is the prompt, and the heading's text its title.
	titlePrompt bool

	// htmlTerm is the index in topic.Guide of the last term an HTML
	// definition list named, -1 for none.
	htmlTerm int

	pin    string // pinned ID key for the next item
	pinPos bank.Pos

	// plains and labels keep what plain and label read of a node, and
	// heads what questionHead read of a text.
	plains map[ast.Node]string
	labels map[ast.Node]labelRead
	heads  map[string]headRead
	// headers keeps what headerAt read of a line, by its first node.
	headers map[ast.Node]headerRead
}

// kept returns what *m holds for key, or what read returns, which it
// then keeps there: for what the walk reads of a node or a text, and
// asks again as it looks ahead.
func kept[K comparable, V any](m *map[K]V, key K, read func() V) V {
	if v, ok := (*m)[key]; ok {
		return v
	}
	v := read()
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[key] = v
	return v
}

// termHeading is a heading in a glossary section, waiting to see
// whether a definition follows it.
type termHeading struct {
	text, pin string
	pos       bank.Pos
	level     int
	term      int // index in topic.Guide once a definition came, else -1
}

func (d *doc) pos(n ast.Node) bank.Pos { return d.lines.pos(offset(n)) }

func (d *doc) warn(pos bank.Pos, format string, args ...any) {
	d.diags.Add(pos, bank.Warning, format, args...)
}

func (d *doc) fail(pos bank.Pos, format string, args ...any) {
	d.diags.Add(pos, bank.Error, format, args...)
}

// understood reports whether the document is something bankgen reads:
// it gave questions, glossary terms or a plan, or its front matter names
// its topic.
func (d *doc) understood() bool {
	return !d.unreadable && (len(d.topics) > 0 || len(d.topic.Questions) > 0 || len(d.topic.Guide) > 0 || len(d.plan) > 0 || d.front.topic != "")
}

// walk reads every top-level block of the document.
func (d *doc) walk(root ast.Node) {
	d.htmlTerm = -1
	d.structure = structure{starts: map[ast.Node]questionHead{}, sections: map[string]bool{}, turns: map[ast.Node]turn{}, inferred: map[string]inference{}}
	d.splitMessages(root)
	// Splitting moves inline nodes between paragraphs: what was read of
	// a paragraph before is read again. Every block's text and label is
	// asked for: the maps start at the size of the document, not grow
	// to it.
	blocks := 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		blocks++
	}
	d.plains, d.labels = make(map[ast.Node]string, blocks), make(map[ast.Node]labelRead, blocks)
	d.findStructure(root)
	d.headed = len(d.structure.starts) > 0 || d.hasQuestions(root)
	d.interview = d.headed || len(d.structure.turns) > 0
	d.tracker = d.hasTracker(root)
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		d.block(n)
	}
	d.closeQuestion()
	d.endTermHeading()
	d.dropPin()
}

// opensGroup reports whether a heading naming a level ("## Junior")
// heads a group of questions: the next heading is deeper and reads as
// one.
func (d *doc) opensGroup(h *ast.Heading) bool {
	for c := h.NextSibling(); c != nil; c = c.NextSibling() {
		if next, ok := c.(*ast.Heading); ok {
			_, isQ := d.questionHead(d.plain(next))
			return next.Level > h.Level && isQ
		}
	}
	return false
}

// details reads the HTML that folds a question's answer away on GitHub:
// "<details><summary>Show answer</summary>" opens the part its summary
// names (the model answer by default), and "</details>" closes nothing
// and is skipped. It reports whether n was such HTML.
func (d *doc) details(n *ast.HTMLBlock) bool {
	html := strings.TrimSpace(d.htmlText(n))
	pos := d.pos(n)
	if html == "</details>" && d.q != nil {
		d.record(pos, "html", html, Reading{As: ReadSkipped})
		return true
	}
	lower := strings.ToLower(html)
	if d.q == nil || !strings.HasPrefix(lower, "<details") {
		return false
	}
	_, after, ok := strings.Cut(lower, "<summary>")
	if !ok {
		return false
	}
	end := strings.Index(after, "</summary>")
	if end < 0 || strings.Contains(after[end:], "\n\n") {
		return false
	}
	start := len(html) - len(after)
	summary := strings.TrimSpace(html[start : start+end])
	role, rest := d.roleOf(summary)
	if role == vocab.RoleNone {
		role = d.v.RoleByWords(summary)
	}
	if !role.InQuestion() {
		role = vocab.RoleAnswer
	}
	d.openRole(role, rest, 0, pos, summary, n)
	if more := strings.TrimSpace(after[end+len("</summary>"):]); more != "" {
		// Text after the summary in the same block.
		d.content(n)
	}
	return true
}

// hasQuestions reports whether a document holds a question heading or
// label.
func (d *doc) hasQuestions(root ast.Node) bool {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		var text string
		switch n := n.(type) {
		case *ast.Heading:
			text = d.plain(n)
		case *ast.Paragraph:
			if d.isQuestionLabel(n) {
				return true
			}
			if first := d.firstInline(n); first != nil && emphasis(first) == 2 {
				text = d.plain(first)
			}
		}
		if qh, ok := d.questionHead(text); ok && (!qh.numbered || qh.hasLevel) {
			return true
		}
	}
	return false
}

// block reads one top-level block.
func (d *doc) block(n ast.Node) {
	if t, ok := d.structure.turns[n]; ok && d.takeTurn(n, t) {
		return
	}
	if d.chatAside(n) {
		return
	}
	switch d.speaker {
	case candidateSpeaker:
		if _, ok := n.(*ast.Heading); ok || d.opensPartLabel(n) {
			d.speaker = 0
		} else if d.candidateContent(n) {
			return
		}
	case interviewer:
		if d.interviewerAsks(n) {
			return
		}
	}
	switch n := n.(type) {
	case *ast.HTMLBlock:
		if name, ok := d.blockPin(n); ok {
			d.setPin(name, d.pos(n))
			d.record(d.pos(n), "comment", name, Reading{As: ReadPin, Name: name})
			return
		}
		if d.details(n) {
			return
		}
		if srComment(d.htmlText(n)) {
			d.record(d.pos(n), "comment", "SR", Reading{As: ReadSkipped})
			return
		}
	case *ast.Heading:
		d.heading(n)
		return
	case *ast.ThematicBreak:
		// "---" separates sections; the headings carry the structure.
		d.record(d.pos(n), "rule", "---", Reading{As: ReadSkipped})
		if d.q != nil && d.role == vocab.RoleAnswer && len(d.q.Answer)+len(d.q.Samples) > 0 && d.onlyRemarksAfter(n) {
			// What follows the last answer past a rule, with no part
			// of a question in it, is a remark on the whole session.
			d.closeQuestion()
		}
		return
	case *ast.Paragraph:
		if d.choices(n) || d.quizVerdict(n) || d.labelParagraph(n) || d.q == nil && d.flashcards(n) {
			return
		}
	case *ast.List:
		if d.choices(n) || d.labelList(n) || d.fieldList(n) || d.planList(n) || d.q != nil && d.role != vocab.RoleAnswer && d.role != vocab.RoleDiagrams && d.extra == nil && d.markedList(n) {
			return
		}
	case *ast.Blockquote:
		if d.callout(n) || d.labelledQuote(n) {
			return
		}
	case *east.Table:
		if d.planTable(n) || d.q != nil && d.feedbackTable(n) {
			return
		}
	}
	d.content(n)
}

// heading switches state on a heading.
func (d *doc) heading(h *ast.Heading) {
	text := d.plain(h)
	pos := d.pos(h)
	if qh, ok := d.structure.starts[h]; ok {
		d.startQuestion(qh, pos, h)
		d.markPattern()
		return
	}
	if qh, ok := d.questionHead(text); ok && (!qh.numbered || qh.hasLevel || d.groupDepth > 0 && h.Level > d.groupDepth || d.opensQuestion(h)) {
		d.startQuestion(qh, pos, h)
		return
	}
	if d.groupDepth > 0 && h.Level <= d.groupDepth {
		d.groupDepth, d.groupLabel = 0, "" // the level group ends
	}
	if lv, ok := d.v.Level(text); ok && d.title != "" && d.opensGroup(h) {
		// "## Junior": the level of the questions under it.
		d.closeQuestion()
		d.groupLevel, d.groupLabel, d.groupDepth = lv, vocab.TrimDecoration(text), h.Level
		d.record(pos, headingBlock(h), text, Reading{As: ReadPart, Level: lv, Label: d.groupLabel})
		return
	}
	if st, ok := d.v.StatusName(text); ok && (d.title != "" || h.Level > 1) && (d.q == nil || d.role != vocab.RoleAnswer) {
		// "## In progress": a lane of a Kanban board.
		d.closeQuestion()
		d.openNote(text, pos, h.Level, vocab.RolePlan)
		d.lane, d.laneLabel = st, vocab.TrimDecoration(text)
		d.record(pos, headingBlock(h), text, Reading{As: ReadPart, Role: vocab.RolePlan, Status: st, Name: text})
		return
	}
	role, rest := d.roleOf(text)
	if role == vocab.RoleNone {
		role = d.looseRole(text)
	}
	if role == vocab.RoleNone && d.q != nil && d.namesHost(text) {
		// "### Alex's take", "### Notes from Sam": the interviewer's
		// own words on the answer.
		d.warn(pos, "heading %q names the interviewer: read as the feedback on question %d", text, d.q.Number)
		d.openRole(vocab.RoleFeedback, "", h.Level, pos, text, h)
		d.markWarn()
		return
	}
	if role == vocab.RoleNone && d.q != nil && d.inferredSection(text, pos, h, "") {
		return
	}
	if role == vocab.RoleNone && !(d.q != nil && d.role == vocab.RoleAnswer && d.insideAnswer(h)) && d.newTopic(h) {
		d.startTopic(h, text, pos)
		return
	}
	if d.title == "" && h.Level == 1 && d.q == nil && d.note == nil && len(d.topic.Extra) == 0 && len(d.topic.Guide) == 0 &&
		!role.InQuestion() && role != vocab.RoleNotes {
		// The document's title; "# Study Plan" or "# Glossary" also
		// says what the document holds.
		d.endTermHeading()
		d.title, d.titlePos = text, pos
		d.topic.Pin = d.takePin(nil)
		d.noteRole, d.noteDepth = role, 1
		d.record(pos, headingBlock(h), text, Reading{As: ReadTitle, Name: d.v.TopicName(text), Role: role})
		return
	}
	if role != vocab.RoleNone {
		inAnswer := d.q != nil && d.role == vocab.RoleAnswer && d.extra == nil
		if !(inAnswer && d.insideSection(h) && (role == vocab.RoleGlossary || role == vocab.RolePlan || role == vocab.RoleNotes)) {
			d.openRole(role, rest, h.Level, pos, text, h)
			return
		}
	}
	if d.q != nil {
		if d.role == vocab.RoleAnswer && d.extra == nil && d.insideAnswer(h) && !d.structure.sections[vocab.Key(text)] {
			// The model answer's own sub-headings.
			d.q.Answer = append(d.q.Answer, d.toBlock(h))
			d.record(pos, headingBlock(h), text, d.inQuestion(ReadAnswer))
			return
		}
		if h.Level > d.qDepth && d.answerByPlace(h, text, "", h.Level) {
			d.warn(pos, "heading %q read as the model answer of question %d (inferred: long prose closing the question after its feedback)", text, d.q.Number)
			d.openRole(vocab.RoleAnswer, "", h.Level, pos, text, h)
			d.markWarn()
			return
		}
		if h.Level > d.qDepth || d.structure.sections[vocab.Key(text)] || d.partFollows(h) {
			d.unknownSection(text, pos, headingBlock(h))
			return
		}
		// A heading beside the questions that names no part ("##
		// Summary"): the topic's.
		d.closeQuestion()
	}
	d.endTermHeading()
	if d.noteRole == vocab.RoleGlossary && h.Level > d.noteDepth || d.inTermRun(h) {
		d.termHead = &termHeading{text: text, pin: d.takePin(nil), pos: pos, level: h.Level, term: -1}
		d.record(pos, headingBlock(h), text, Reading{As: ReadTerm, Name: text})
		return
	}
	d.openNote(text, pos, h.Level, vocab.RoleNone)
	d.record(pos, headingBlock(h), text, Reading{As: ReadNote, Name: text})
}

// roleOf returns the role a heading or label names, and what follows
// the name: "Score: 7/10" is RoleScore and "7/10", "Feedback (8/10)" is
// RoleFeedback and "8/10", "Diagram: Request flow" is RoleDiagrams and
// "Request flow".
func (d *doc) roleOf(text string) (vocab.Role, string) {
	if r := d.v.Role(text); r != vocab.RoleNone {
		return r, ""
	}
	s := vocab.TrimDecoration(strings.TrimSpace(halfwidth.Replace(text)))
	for _, sep := range []string{":", " — ", " – ", " - ", "(", " | "} {
		head, rest, ok := strings.Cut(s, sep)
		if !ok || len(head) > 80 {
			continue
		}
		if r := d.v.Role(head); r != vocab.RoleNone {
			rest = strings.TrimSpace(rest)
			if sep == "(" {
				// "Your answer (summarized)": the brackets qualify the
				// name; only a score or title in them is content.
				rest = strings.TrimSpace(strings.TrimSuffix(rest, ")"))
				if r != vocab.RoleScore && r != vocab.RoleFeedback && r != vocab.RoleDiagrams {
					rest = ""
				}
			}
			return r, rest
		}
	}
	return vocab.RoleNone, ""
}

// looseRole returns the role the words of a short heading or label name
// inside a question, before its model answer, when roleOf finds no full
// name: "Where you could go further" names the gaps.
func (d *doc) looseRole(text string) vocab.Role {
	if d.q == nil || d.role == vocab.RoleAnswer {
		return vocab.RoleNone
	}
	return d.v.RoleByWords(vocab.TrimDecoration(text))
}

// openRole opens the part a heading or label names. depth is the
// heading's level, or 0 for a label; rest is the text after the name.
func (d *doc) openRole(role vocab.Role, rest string, depth int, pos bank.Pos, text string, n ast.Node) {
	block := "label"
	if h, ok := n.(*ast.Heading); ok {
		block = headingBlock(h)
	}
	switch {
	case role == vocab.RoleNotes || role == vocab.RoleGlossary || role == vocab.RolePlan:
		d.closeQuestion()
		d.endTermHeading()
		d.openNote(text, pos, depth, role)
		d.record(pos, block, text, Reading{As: ReadPart, Role: role, Name: text})
		if rest != "" && depth == 0 {
			// A label's text is the section's first paragraph; a
			// heading's ("## Glossaire : Kafka") is in its title.
			d.note.Blocks = append(d.note.Blocks, bank.Block{Kind: bank.KindParagraph, Text: rest, Pos: pos})
		}
		return
	case role == vocab.RolePrompt && d.q != nil && d.role == vocab.RoleResponse && depth == 0:
		// "**Interviewer:** …" after the candidate's answer: a
		// follow-up in the transcript, kept with it, label and all.
		d.q.Response = append(d.q.Response, bank.Block{Kind: bank.KindParagraph, Text: joinLine(text+":", rest), Pos: pos})
		d.record(pos, block, text, d.inQuestion(ReadResponse))
		return
	case role == vocab.RolePrompt && (d.q == nil || d.q.Prompt != "" && d.role != vocab.RoleNone && d.role != vocab.RolePrompt):
		// A prompt with no question open, or after the current one's
		// feedback, asks a new question.
		d.startQuestion(questionHead{}, pos, n)
		d.role = vocab.RolePrompt
		d.addPrompt(rest)
		return
	case d.q == nil:
		if d.noteRole == vocab.RoleNotes && depth == 0 {
			d.content(n)
			return
		}
		if p, ok := n.(*ast.Paragraph); ok && d.afterDefinitions(p) {
			// "**Watch out:** …" after a definition-list glossary: a
			// remark on it, not a question's part.
			d.warn(pos, "%q is a label after a glossary written as a definition list: kept as a note", text)
			d.content(n)
			d.markWarn()
			return
		}
		d.warn(pos, "%q reads as part of a question (%s), but no question comes before it; kept as an extra section", text, role)
		d.startExtra(text, pos)
		d.record(pos, block, text, Reading{As: ReadExtra, Role: role})
		if rest != "" && depth == 0 {
			// A label's text after its name is content; a heading's
			// is already in the section's title.
			d.extra.Blocks = append(d.extra.Blocks, bank.Block{Kind: bank.KindParagraph, Text: rest, Pos: pos})
		}
		return
	}
	d.role, d.extra, d.diagramTitle, d.roleDepth = role, nil, "", depth
	if role == vocab.RolePrompt && d.titlePrompt {
		// A part named as the prompt: the heading's question is its title.
		d.q.Title, d.q.Prompt, d.titlePrompt = d.q.Prompt, "", false
	}
	r := d.inQuestion(ReadPart)
	r.Role = role
	d.record(pos, block, text, r)
	if rest == "" {
		return
	}
	switch role {
	case vocab.RolePrompt:
		d.addPrompt(rest)
	case vocab.RoleResponse:
		d.q.Response = append(d.q.Response, bank.Block{Kind: bank.KindParagraph, Text: rest, Pos: pos})
	case vocab.RoleAnswer:
		d.q.Answer = append(d.q.Answer, bank.Block{Kind: bank.KindParagraph, Text: rest, Pos: pos})
	case vocab.RoleStrengths:
		title, detail := splitPlainItem(rest)
		d.q.Strengths = append(d.q.Strengths, bank.Strength{Title: title, Detail: detail, Pos: pos, Pin: d.takePin(nil)})
	case vocab.RoleGaps:
		d.addPlainGap(rest, pos, nil)
	case vocab.RoleScore, vocab.RoleFeedback:
		if !d.setScore(rest, role == vocab.RoleScore, pos) {
			d.keepText(rest, pos)
		}
	case vocab.RoleDiagrams:
		d.diagramTitle = rest
	}
}

// addPrompt adds a paragraph of the question's prompt. The prompt is
// what was asked: a label or speaker before its first paragraph
// ("Interviewer:", "Asked by Priya:", "Sam:") goes, and so do quotation
// marks around it.
func (d *doc) addPrompt(text string) {
	if d.q.Prompt == "" || d.titlePrompt {
		text = d.dropAsker(text)
	}
	text = vocab.Unquote(text)
	if text == "" {
		return
	}
	if d.titlePrompt {
		// The heading asked in short; the text under it is the prompt.
		d.q.Title, d.q.Prompt = d.q.Prompt, ""
	}
	d.titlePrompt = false
	d.q.Prompt = joinPara(d.q.Prompt, text)
}

// openNote opens a section of the topic's notes.
func (d *doc) openNote(title string, pos bank.Pos, depth int, role vocab.Role) {
	d.laneLabel = ""
	d.topic.Notes = append(d.topic.Notes, bank.Section{Title: title, Pos: pos})
	d.note = &d.topic.Notes[len(d.topic.Notes)-1]
	d.noteRole, d.noteDepth = role, depth
	d.extra = nil
}

// inTermRun reports whether a heading names a term of a glossary
// written a heading per term: inside a run termRun found, which goes on
// while the headings keep the run's level.
func (d *doc) inTermRun(h *ast.Heading) bool {
	if d.runLevel == h.Level {
		return true
	}
	d.runLevel = 0
	if d.termRun(h) {
		d.runLevel = h.Level
		return true
	}
	return false
}

// markPattern notes in the outline that the question just opened was
// found by the document's structure.
func (d *doc) markPattern() {
	if d.qEntry >= 0 && d.qEntry < len(d.outline) {
		d.outline[d.qEntry].Read.Pattern = true
	}
}

// insideAnswer reports whether a heading in a model answer is one of
// its sub-headings. An answer a heading opened keeps every heading
// below that one's level, and at its level too, as the shipped style
// and the Markdown export write their answers ("# Model Answer" over
// "# Level one"); a heading above it ends the answer ("## Follow-ups"
// after "### Model answer"). An answer a label opened keeps the headings
// below the question's heading. A heading that names the topic's notes,
// glossary or plan ends the answer at the answer's level too
// (insideSection).
func (d *doc) insideAnswer(h *ast.Heading) bool {
	if d.roleDepth > 0 {
		return h.Level >= d.roleDepth
	}
	return h.Level > d.qDepth
}

// insideSection is insideAnswer for a heading that names a section of
// the topic: it ends an answer a heading opened at that heading's level.
func (d *doc) insideSection(h *ast.Heading) bool {
	if d.roleDepth > 0 {
		return h.Level > d.roleDepth
	}
	return h.Level > d.qDepth
}

// onlyRemarksAfter reports whether the blocks after n, to the end of the
// document, hold no question and no part of one: no heading but one
// that names remarks on the whole ("### Keep learning"), and no label
// that opens a part.
func (d *doc) onlyRemarksAfter(n ast.Node) bool {
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			if role, _ := d.roleOf(d.plain(c)); role != vocab.RoleNotes {
				return false // "### Keep learning" names remarks; any other heading may go on the answer
			}
		case *ast.Paragraph:
			if _, ok := d.structure.starts[c]; ok {
				return false
			}
			if l, ok := d.label(c); ok && l.emph == 2 && d.namesPart(l.text) {
				return false
			}
			if _, ok := d.structure.turns[c]; ok {
				return false
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			return false // code, or a diagram, of the answer
		}
	}
	return true
}

// partFollows reports whether a part of the current question (feedback,
// a model answer, …) is named after heading h, before the next
// question: h then stands among the question's parts, whatever its
// level.
func (d *doc) partFollows(h *ast.Heading) bool {
	for a := range d.partsAhead(h) {
		if a.level == 0 && a.emph != 2 && !a.colon {
			continue
		}
		if d.asksAnew(a) {
			return false
		}
		if role, _ := d.roleOf(a.text); role.InQuestion() && role != vocab.RolePrompt {
			return true
		}
	}
	return false
}

// partAhead is a heading or a label after a block of a question, which
// may name a part still to come.
type partAhead struct {
	text  string // the heading's text, or the label's
	rest  string // a label's text after it
	level int    // the heading's level; 0 for a label
	emph  int    // a label's emphasis: 1 italic, 2 bold
	colon bool   // the label ends in a colon
}

// partsAhead yields the headings and labels (bold, italic or ending in
// a colon) after block n, up to the next question the document's
// structure found.
func (d *doc) partsAhead(n ast.Node) iter.Seq[partAhead] {
	return func(yield func(partAhead) bool) {
		for c := n.NextSibling(); c != nil; c = c.NextSibling() {
			if _, ok := d.structure.starts[c]; ok {
				return
			}
			var a partAhead
			switch c := c.(type) {
			case *ast.Heading:
				a = partAhead{text: d.plain(c), level: c.Level}
			case *ast.Paragraph:
				l, ok := d.label(c)
				if !ok || l.emph == 0 && !l.colon {
					continue
				}
				a = partAhead{text: l.text, rest: l.rest, emph: l.emph, colon: l.colon}
			default:
				continue
			}
			if !yield(a) {
				return
			}
		}
	}
}

// asksAnew reports whether a heading or label ahead opens another
// question.
func (d *doc) asksAnew(a partAhead) bool {
	qh, ok := d.questionHead(a.text)
	return ok && (!qh.numbered || qh.hasLevel)
}

// unknownSection opens a section of the current question whose name
// names no part, and says how to name it.
func (d *doc) unknownSection(title string, pos bank.Pos, block string) {
	d.warn(pos, "section %q of question %d names no part bankgen knows; kept as an extra section (if it is one, add its name under roles in %s)", title, d.q.Number, vocab.ConfigName)
	d.startExtra(title, pos)
	d.record(pos, block, title, d.inQuestion(ReadExtra))
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
// section named after the part it stands in, reporting it.
func (d *doc) keep(n ast.Node) {
	pos := d.pos(n)
	where := d.partName()
	if d.extra == nil || d.extra.Title != where {
		d.startExtra(where, pos)
	}
	d.warn(pos, "%s in %s is not understood; kept as extra content", describe(n), where)
	d.extra.Blocks = append(d.extra.Blocks, d.toBlock(n))
	d.record(pos, describeBlock(n), d.excerpt(n), d.inQuestion(ReadExtra))
}

// keepText is keep for text a label carried.
func (d *doc) keepText(text string, pos bank.Pos) {
	where := d.partName()
	if d.extra == nil || d.extra.Title != where {
		d.startExtra(where, pos)
	}
	d.warn(pos, "text after the %s label is not understood; kept as extra content", d.role)
	d.extra.Blocks = append(d.extra.Blocks, bank.Block{Kind: bank.KindParagraph, Text: text, Pos: pos})
}

// partName names the part of the question being read, for the extra
// section that keeps what does not fit there: the heading the Markdown
// exporter writes for it, decoration aside.
func (d *doc) partName() string {
	role := d.role
	if role == vocab.RoleNone {
		role = vocab.RolePrompt
	}
	return vocab.TrimDecoration(d.v.Write.Headings[role])
}

// content places a non-heading block according to the current part.
func (d *doc) content(n ast.Node) {
	if l, ok := n.(*ast.List); ok && d.extra != nil && d.q != nil && d.criterionPhrasings(l) {
		return // a section after the gaps that says how to put them
	}
	if d.q != nil && d.role != vocab.RoleNone && d.role != vocab.RolePrompt && d.role != vocab.RoleResponse && d.role != vocab.RoleAnswer && d.isClosing(n) {
		// After the answer's feedback, in a part bankgen names or in a
		// section it keeps unnamed: "🏁 Done — type /again".
		d.addClosing(n)
		return
	}
	if d.extra != nil {
		d.extra.Blocks = append(d.extra.Blocks, d.toBlock(n))
		d.record(d.pos(n), describeBlock(n), d.excerpt(n), d.inQuestion(ReadExtra))
		return
	}
	if d.q == nil {
		d.guideContent(n)
		return
	}
	switch d.role {
	case vocab.RoleNone, vocab.RolePrompt:
		d.promptContent(n)
	case vocab.RoleResponse:
		d.q.Response = append(d.q.Response, d.toBlock(n))
		d.record(d.pos(n), describeBlock(n), d.excerpt(n), d.inQuestion(ReadResponse))
	case vocab.RoleFeedback:
		d.feedbackContent(n)
	case vocab.RoleStrengths:
		d.strength(n)
	case vocab.RoleGaps:
		d.gap(n)
	case vocab.RoleAnswer:
		d.answer(n)
	case vocab.RoleDiagrams:
		d.diagramContent(n)
	case vocab.RoleScore:
		p, ok := n.(*ast.Paragraph)
		switch {
		case ok && d.q.Score == "" && d.setScore(d.plain(p), true, d.pos(n)):
			d.record(d.pos(n), "paragraph", d.excerpt(n), d.inQuestion(ReadScore))
		case ok && d.q.Score != "" && !strings.Contains(d.plain(p), "\n\n"):
			d.scoreComment(d.plain(p), d.pos(n)) // words about the score, below it
		default:
			d.keep(n)
		}
	}
}

// promptContent reads the question itself, the text right under its
// heading. A quote after the prompt is the candidate's transcript.
func (d *doc) promptContent(n ast.Node) {
	pos := d.pos(n)
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		d.addPrompt(d.plain(n))
		d.record(pos, "paragraph", d.excerpt(n), d.inQuestion(ReadPrompt))
		return
	case *ast.Blockquote:
		if d.q.Prompt == "" || d.titlePrompt {
			d.addPrompt(d.blockText(n))
			d.record(pos, "quote", d.excerpt(n), d.inQuestion(ReadPrompt))
			return
		}
		d.q.Response = append(d.q.Response, d.toBlock(n))
		d.record(pos, "quote", d.excerpt(n), d.inQuestion(ReadResponse))
		return
	case *ast.List:
		d.q.Prompt = joinPara(d.q.Prompt, d.listText(n))
		d.record(pos, "list", d.excerpt(n), d.inQuestion(ReadPrompt))
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		// Code the question shows ("What does this query do?").
		d.q.Prompt = joinPara(d.q.Prompt, promptCode(d.blockText(n)))
		d.record(d.fencePos(n), describeBlock(n), d.excerpt(n), d.inQuestion(ReadPrompt))
		return
	}
	d.keep(n)
}

// labelledQuote reads a quote inside a question that opens with a bold
// label naming a part ("> **You said:** …"): the label opens the part,
// and the quote's content is read there.
func (d *doc) labelledQuote(q *ast.Blockquote) bool {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || d.q == nil {
		return false
	}
	l, ok := d.label(p)
	if !ok || l.emph != 2 {
		return false
	}
	role, rest := d.roleOf(l.text)
	if !role.InQuestion() {
		return false
	}
	if l.rest != "" {
		rest = joinLine(rest, l.rest)
	}
	d.openRole(role, vocab.Unquote(rest), 0, d.pos(q), l.text, q)
	for c := p.NextSibling(); c != nil; c = c.NextSibling() {
		d.block(c)
	}
	return true
}

// callout reads an Obsidian or GitHub callout ("> [!success] Good",
// "> [!warning]", "> [!NOTE]"): a quote whose first line names its kind.
// A kind or a title that names a part opens it, and the quote's content
// is read there. It reports whether the quote was such a callout.
func (d *doc) callout(q *ast.Blockquote) bool {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok {
		return false
	}
	text := d.plain(p)
	kind, rest, ok := strings.Cut(text, "]")
	if !ok || !strings.HasPrefix(kind, "[!") {
		return false
	}
	kind = strings.TrimSuffix(strings.TrimSuffix(kind[2:], "-"), "+")
	title, body, _ := strings.Cut(strings.TrimSpace(strings.TrimLeft(rest, "-+")), "\n")
	role, titleRest := d.roleOf(title)
	if role == vocab.RoleNone {
		role = d.v.Callout(kind)
	}
	if role == vocab.RoleNone {
		role = d.looseRole(title)
	}
	if role == vocab.RoleNone || d.q == nil && role.InQuestion() && role != vocab.RolePrompt {
		return false
	}
	name := title
	if name == "" {
		name = kind
	}
	d.openRole(role, strings.TrimSpace(joinPara(titleRest, strings.TrimSpace(body))), 0, d.pos(q), name, q)
	for c := p.NextSibling(); c != nil; c = c.NextSibling() {
		d.block(c)
	}
	return true
}

// listText writes a list as lines of text, each item after its marker.
func (d *doc) listText(l *ast.List) string {
	var lines []string
	num := l.Start
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		marker := "-"
		if l.IsOrdered() {
			marker = itoa(num) + "."
			num++
		}
		lines = append(lines, marker+" "+d.blockText(it))
	}
	return strings.Join(lines, "\n")
}

// labelParagraph reads a paragraph that opens with a label naming a
// question, a part, a level or a score. It reports whether it did.
func (d *doc) labelParagraph(p *ast.Paragraph) bool {
	if qh, ok := d.structure.starts[p]; ok {
		d.startQuestion(qh, d.pos(p), p)
		d.markPattern()
		if rest := d.afterBold(p); rest != "" {
			d.addPrompt(rest)
		}
		return true
	}
	if d.labelLines(p) || d.fieldLines(p) {
		return true
	}
	if d.closingScore(p) {
		return true
	}
	l, ok := d.label(p)
	if !ok {
		return false
	}
	if l.emph == 0 && (d.q == nil || d.role == vocab.RoleAnswer) && !strings.Contains(l.text, ":") && !l.colon {
		return false // a short line of prose: only a bold label or "Score: …" acts here
	}
	pos := d.pos(p)
	if l.emph > 0 {
		// A bare number ("**2. Title**") opens a question only alone on
		// its line, in bold, and not among a question's feedback, where
		// it numbers a point. Slack's bold is Markdown's italic:
		// "*Question 1*" opens one too.
		qh, prompt, ok := d.labelQuestion(l)
		if ok && (!qh.numbered || l.emph == 2 && qh.hasLevel ||
			l.emph == 2 && l.rest == "" && (d.q == nil || d.role != vocab.RoleStrengths && d.role != vocab.RoleGaps) && d.opensQuestion(p)) {
			d.startQuestion(qh, pos, p)
			if prompt != "" {
				d.addPrompt(prompt)
			}
			return true
		}
	}
	if d.q != nil && (l.colon || l.emph > 0 || strings.Contains(l.text, ":")) && d.levelLine(l, pos) {
		return true
	}
	if d.responseByPlace(l) {
		d.warn(pos, "label %q read as question %d's response (inferred: the candidate's words, after the prompt and before the feedback)", l.text, d.q.Number)
		if d.titlePrompt {
			d.titlePrompt = false // the heading asked; this answers
		}
		d.openRole(vocab.RoleResponse, l.rest, 0, pos, l.text, p)
		d.markWarn()
		return true
	}
	if (l.emph > 0 || l.colon) && d.answerByPlace(p, l.text, l.rest, 0) {
		d.warn(pos, "label %q read as the model answer of question %d (inferred: long prose closing the question after its feedback)", l.text, d.q.Number)
		d.openRole(vocab.RoleAnswer, l.rest, 0, pos, l.text, p)
		d.markWarn()
		return true
	}
	if d.q != nil && l.rest == "" && (l.colon || l.emph > 0) && d.role != vocab.RoleAnswer && (d.v.IsPhrasingLabel(l.text) || l.colon && d.v.SaysPhrasing(l.text)) && d.v.Role(l.text) == vocab.RoleNone {
		// "How to say it better:" over a list of phrasings: the list
		// says which gap each is for.
		d.record(pos, "label", l.text, d.inQuestion(ReadPhrasing))
		return true
	}
	role, rest := d.roleOf(l.text)
	if role == vocab.RoleNone && l.colon {
		// Named by its words: only a label ending in a colon, lest a
		// gap's title ("**Missing ReplicaSet.**") read as one.
		if role = d.looseRole(l.text); role == d.role {
			role = vocab.RoleNone
		}
	}
	if role == vocab.RoleNone && l.colon && d.q != nil && (d.role == vocab.RoleFeedback || d.role == vocab.RoleStrengths || d.role == vocab.RoleGaps) {
		// Inside the feedback, a label in the interviewer's own words
		// ("**Loved:**", "**Would push on:**"): its words lean to a part.
		if role = d.v.SectionRole(l.text); role.InQuestion() && role != vocab.RolePrompt {
			d.warn(pos, "label %q read as %s (inferred from its words)", l.text, role)
			defer d.markWarn()
		} else {
			role = vocab.RoleNone
		}
	}
	if role == vocab.RoleNone && d.q != nil && d.role != vocab.RoleAnswer && l.rest == "" && l.mark != "" {
		role = d.v.Mark(l.mark) // "👎 **Anything**" alone on its line
	}
	if role == vocab.RoleNone && d.q != nil && l.emph == 2 && (l.rest == "" || l.colon) && d.inferredSection(l.text, pos, p, l.rest) {
		return true
	}
	if role == vocab.RoleNone && d.q != nil && l.emph == 2 && (l.rest == "" || l.colon) && d.structure.sections[vocab.Key(l.text)] {
		// A section that repeats under each question, by a name the
		// vocabulary does not know.
		d.unknownSection(l.text, pos, "label")
		if l.rest != "" {
			d.extra.Blocks = append(d.extra.Blocks, bank.Block{Kind: bank.KindParagraph, Text: l.rest, Pos: pos})
		}
		return true
	}
	if (role == vocab.RoleNone || role == vocab.RoleNotes) && d.labelScore(l, pos) {
		return true
	}
	if role == vocab.RoleNone {
		return false
	}
	if l.emph == 0 && (!l.colon && l.rest != "" || d.q == nil || role == d.role || d.role == vocab.RoleAnswer && role != vocab.RoleScore) {
		// A line of prose, more of the same part, or text in a guide or
		// a model answer: only a bold label opens a part there.
		return false
	}
	if d.q != nil && d.role == vocab.RoleGaps && l.rest != "" && (d.v.IsPhrasingLabel(l.text) || l.colon && d.v.SaysPhrasing(l.text)) {
		return false // "A stronger answer: …" under a gap is its phrasing
	}
	switch {
	case l.rest == "":
	case rest == "":
		rest = l.rest
	case strings.HasPrefix(l.rest, "\n") || l.emph == 0:
		rest += "\n" + strings.TrimSpace(l.rest)
	default:
		rest += " " + l.rest // "**Score: 7/10** — solid": one line
	}
	if d.q == nil && d.noteRole == vocab.RoleNotes && role != vocab.RolePrompt {
		return false // the notes on the whole interview use the same words
	}
	d.openRole(role, rest, 0, pos, l.text, p)
	return true
}

// labelScore reads a label that gives a bare score in the feedback of
// a question that has none yet ("**Overall:** 9/15", "**Overall:
// 9/15**", "Total: 12/15") as the question's score, though its name is
// no part, or names the notes on the whole interview ("Overall"). It
// reports whether it did.
func (d *doc) labelScore(l label, pos bank.Pos) bool {
	if d.q == nil || d.role == vocab.RoleAnswer || d.q.Score != "" || !l.colon && l.emph == 0 {
		return false
	}
	score := l.rest
	if _, after, ok := strings.Cut(l.text, ":"); ok && score == "" {
		score = strings.TrimSpace(after) // all in bold
	}
	if score == "" || !isScore(score) {
		return false
	}
	d.setScore(score, true, pos)
	d.record(pos, "label", l.text, d.inQuestion(ReadScore))
	return true
}

// responseByPlace reports whether a label the vocabulary does not know
// as a part opens the candidate's own answer: it stands after the
// question's prompt and before any other part, and its words lean to
// the response ("**What I said:**", "**Lo que respondí:**").
func (d *doc) responseByPlace(l label) bool {
	if d.q == nil || d.q.Prompt == "" || d.role != vocab.RoleNone && d.role != vocab.RolePrompt || l.emph == 0 && !l.colon {
		return false
	}
	if r, _ := d.roleOf(l.text); r != vocab.RoleNone || d.v.SectionRole(l.text) != vocab.RoleResponse {
		return false
	}
	return true
}

// answerByPlace reports whether a label or heading the vocabulary does
// not know as a part ("**How I'd put it now:**", "_Take two:_", "###
// How I'd frame it today") opens the question's model answer by where
// it stands and what it holds: after the feedback, in a question with
// no answer yet, as the last label of the question, over long prose (on
// its line or in the paragraph below) that is not quoted speech. A
// label holding a word of saying is read so too: under the gaps, long
// prose is an answer, not a phrasing. n is the label's paragraph or the
// heading, name and rest its text and what follows it on its line,
// depth the heading's level (0 for a label): headings below it are the
// answer's own.
func (d *doc) answerByPlace(n ast.Node, name, rest string, depth int) bool {
	if d.q == nil || len(d.q.Answer)+len(d.q.Samples)+len(d.q.Diagrams) > 0 {
		return false
	}
	switch d.role {
	case vocab.RoleFeedback, vocab.RoleStrengths, vocab.RoleGaps, vocab.RoleScore:
	default:
		return false
	}
	if r, _ := d.roleOf(name); r != vocab.RoleNone {
		return false
	}
	if _, ok := d.structure.inferred[vocab.Key(name)]; ok {
		return false // a section every question repeats: read, and advised on, as one
	}
	if d.sameEntryShape(n) {
		return false // the last of a run of "**Point:** …" entries of the feedback
	}
	prose := rest
	if prose == "" {
		next, ok := n.NextSibling().(*ast.Paragraph)
		if !ok {
			return false
		}
		if nl, ok := d.label(next); ok && (nl.emph > 0 || nl.colon) {
			return false
		}
		prose = d.plain(next)
	}
	if !longProse(prose) {
		return false
	}
	for a := range d.partsAhead(n) {
		if a.level > 0 && a.level <= d.qDepth || d.asksAnew(a) {
			break // the next question, or a heading that ends this one
		}
		if depth > 0 && a.level > depth {
			continue // the answer's own sub-heading
		}
		text := a.text
		if a.level == 0 {
			text = joinLine(text+":", a.rest)
		}
		if _, grade := d.letterGrade(text); grade || isScore(text) {
			continue // "**Final mark:** 65/100", "**Final grade:** A-"
		}
		switch r, _ := d.roleOf(a.text); r {
		case vocab.RoleAnswer, vocab.RoleDiagrams, vocab.RoleScore, vocab.RoleNotes:
		default:
			return false // another label: this one is not the last
		}
	}
	return true
}

// sameEntryShape reports whether label paragraph n follows a paragraph
// led by a label of the same form (bold or italic, with or without a
// colon) that names no part: one more point of the feedback written as
// "**Point:** detail", not the answer after it.
func (d *doc) sameEntryShape(n ast.Node) bool {
	p, ok := n.(*ast.Paragraph)
	if !ok {
		return false
	}
	prev, ok := p.PreviousSibling().(*ast.Paragraph)
	if !ok {
		return false
	}
	l, ok1 := d.label(p)
	pl, ok2 := d.label(prev)
	if !ok1 || !ok2 || l.emph != pl.emph || l.colon != pl.colon || pl.rest == "" {
		return false
	}
	r, _ := d.roleOf(pl.text)
	return r == vocab.RoleNone
}

// longProse reports whether text reads as an answer rather than a
// remark or words to say: not quoted, at least two sentences, and thirty
// words or, in a script written without spaces, 120 characters.
func longProse(text string) bool {
	text = strings.TrimSpace(text)
	if vocab.IsQuoted(text) {
		return false
	}
	if words, runes := len(strings.Fields(text)), utf8.RuneCountInString(text); words < 30 && (runes < 120 || words*8 > runes) {
		// Short, or written with spaces between words and under thirty
		// of them: a script without spaces (Chinese, Japanese) has
		// "words" far longer than eight characters.
		return false
	}
	sentences := 0
	for _, r := range text {
		if strings.ContainsRune(".!?。！？", r) {
			sentences++
		}
	}
	return sentences >= 2
}

// closingScore reads a short paragraph that is only a score under a
// label naming one ("**Final mark:** 65/100", "Points — 3 of 5",
// "**Final grade:** A-") and closes a question that has no score yet,
// after its model answer as well as in its feedback: the question's
// score, as written. It reports whether it did.
func (d *doc) closingScore(p *ast.Paragraph) bool {
	if d.q == nil || d.q.Score != "" || p.Lines().Len() != 1 || !d.endsQuestion(p) {
		return false
	}
	text := d.plain(p)
	score, ok := scoreIn(text)
	if ok {
		name, _, _ := strings.Cut(text, score)
		// "Final mark: 65/100", "Points — 3 of 5": a label naming a
		// score; "Probability: 1/6" ends an answer.
		ok = d.namesScore(name)
	} else {
		score, ok = d.letterGrade(text)
	}
	if !ok {
		return false
	}
	d.q.Score = score
	d.record(d.pos(p), "paragraph", text, d.inQuestion(ReadScore))
	return true
}

// letterGrade returns the letter grade a labelled line gives ("**Final
// grade:** A-", "Overall grade — B+"): a letter from A to F, a plus or
// minus sign, under a label that names the score (namesScore).
func (d *doc) letterGrade(text string) (string, bool) {
	name, grade := "", ""
	for _, sep := range []string{":", "：", " — ", " – ", " - "} {
		if head, rest, ok := strings.Cut(text, sep); ok {
			name, grade = head, strings.TrimSpace(rest)
			break
		}
	}
	if !gradePattern.MatchString(grade) {
		return "", false
	}
	if !d.namesScore(name) {
		return "", false
	}
	return grade, true
}

// namesScore reports whether a short label names a score: its name, or
// one of its words, is a name of the score ("Grade", "Final mark",
// "Puntos", "得点").
func (d *doc) namesScore(name string) bool {
	if d.v.Role(name) == vocab.RoleScore {
		return true
	}
	words := strings.Fields(vocab.Key(name))
	if len(words) > 3 {
		return false
	}
	for _, w := range words {
		if d.v.Role(w) == vocab.RoleScore {
			return true
		}
	}
	return false
}

// gradePattern matches a letter grade: "B", "A-", "C+", "A−".
var gradePattern = regexp.MustCompile(`^[A-F](?:[+-]|−)?$`)

// endsQuestion reports whether nothing but rules stands between block n
// and the next question (or the end of the document, a heading that
// closes the question, or a rule followed by remarks on the whole).
func (d *doc) endsQuestion(n ast.Node) bool {
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		if _, ok := d.structure.starts[c]; ok {
			return true
		}
		switch c := c.(type) {
		case *ast.ThematicBreak:
			if d.onlyRemarksAfter(c) {
				return true // a closing remark on the whole session follows
			}
			continue
		case *ast.Heading:
			return c.Level <= d.qDepth || d.isQuestionHeading(c)
		case *ast.Paragraph:
			return d.isQuestionLabel(c)
		}
		return false
	}
	return true
}

// isQuestionHeading reports whether a heading opens a question.
func (d *doc) isQuestionHeading(h *ast.Heading) bool {
	qh, ok := d.questionHead(d.plain(h))
	return ok && (!qh.numbered || qh.hasLevel)
}

// levelLine reads a line that gives the question's level ("Level:
// Warm-up", "level:: junior", "**Difficulty:** Medium") when the
// heading gave none. It reports whether it did.
func (d *doc) levelLine(l label, pos bank.Pos) bool {
	if head, rest, ok := strings.Cut(l.text, ":"); ok && l.rest == "" {
		l.text, l.rest = head, rest // "*Level: Senior*"
	}
	if !d.v.IsLevelLabel(l.text) {
		return false
	}
	text := vocab.TrimDecoration(strings.TrimLeft(l.rest, ": "))
	lv, ok := d.v.Level(text)
	if !ok || !d.q.LevelInferred {
		return false
	}
	d.giveLevel(lv, text)
	r := d.inQuestion(ReadQuestion)
	r.Level, r.Label = lv, text
	d.record(pos, "label", l.text+": "+text, r)
	return true
}

// giveLevel gives the current question the level a line under its
// heading names, label as written, in the bank and in the outline.
func (d *doc) giveLevel(lv bank.Level, label string) {
	d.q.Level, d.q.Label, d.q.LevelInferred = lv, label, false
	if d.qEntry >= 0 && d.qEntry < len(d.outline) {
		e := &d.outline[d.qEntry].Read
		e.Level, e.Label, e.LevelInferred = lv, label, false
	}
}

// labelList reads a list inside a question whose every item opens with
// a label naming a part ("- **Strengths:** …", "- **Score:** 7/10"):
// each item opens its part, and its further blocks are read there.
func (d *doc) labelList(l *ast.List) bool {
	if d.q == nil {
		return false
	}
	var roles []vocab.Role
	var labels []label
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		p := it.FirstChild()
		if !isTextBlock(p) {
			return false
		}
		lb, ok := d.label(p)
		if !ok || lb.emph == 0 && !lb.colon {
			return false
		}
		role, _ := d.roleOf(lb.text)
		if role == vocab.RoleNone && lb.colon {
			role = d.looseRole(lb.text)
		}
		if !role.InQuestion() || role == vocab.RolePrompt {
			return false
		}
		roles, labels = append(roles, role), append(labels, lb)
	}
	i := 0
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		_, rest := d.roleOf(labels[i].text)
		if labels[i].rest != "" {
			rest = strings.TrimSpace(rest + "\n" + labels[i].rest)
		}
		d.openRole(roles[i], rest, 0, d.pos(it), labels[i].text, it)
		for c := it.FirstChild().NextSibling(); c != nil; c = c.NextSibling() {
			d.content(c)
		}
		i++
	}
	return true
}

// opensQuestion reports whether a numbered heading or label ("### 2.
// Rate limiting") that names no level opens a question: whether the
// blocks under it, up to the next heading at its level or above, open
// a part of a question (a response, feedback, a model answer, …) or
// give its level; a heading at its level that names such a part counts
// too ("### Model answer" after "### 3. Select").
func (d *doc) opensQuestion(n ast.Node) bool {
	level := 7
	if h, ok := n.(*ast.Heading); ok {
		level = h.Level
	}
	isPart := func(text string) bool {
		role, _ := d.roleOf(text)
		if role == vocab.RoleNone {
			role = d.v.RoleByWords(text)
		}
		return role.InQuestion() && role != vocab.RolePrompt
	}
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			text := d.plain(c)
			if _, isQ := d.questionHead(text); isQ {
				return false
			}
			if isPart(text) {
				return true
			}
			if c.Level <= level {
				return false
			}
		case *ast.Paragraph:
			l, ok := d.label(c)
			if !ok {
				continue
			}
			if _, isQ := d.questionHead(l.text); isQ && l.emph == 2 {
				return false
			}
			head, _, _ := strings.Cut(l.text, ":")
			if isPart(l.text) || d.v.IsLevelLabel(head) {
				return true
			}
		}
	}
	return false
}

// isClosing reports whether a block is a closing chat line.
func (d *doc) isClosing(n ast.Node) bool {
	p, ok := n.(*ast.Paragraph)
	return ok && d.v.IsClosing(d.plain(p))
}

// endsSession reports whether a paragraph speaks of the whole session
// rather than of the answer before it: a closing chat line ("That's all
// for today, thanks!"); a short line giving the session's total, a
// score and a word saying it is done at its start ("🏁 Done — 17/25,
// type /again"); or a remark that opens with a name of the notes and
// names a level or a score ("Overall you're at a solid mid level").
func (d *doc) endsSession(text string) bool {
	if d.v.IsClosing(text) {
		return true
	}
	if len(text) > 400 {
		return false
	}
	score := strings.ContainsAny(text, "0123456789") && scorePattern.MatchString(text)
	if score {
		words := strings.Fields(vocab.Key(text))
		for n := 1; n <= min(2, len(words)) && len(words) <= maxTotalWords; n++ {
			if st, ok := d.v.StatusName(strings.Join(words[:n], " ")); ok && st == bank.Done {
				return true
			}
		}
	}
	if !d.v.OpensWithRole(text, vocab.RoleNotes) {
		return false
	}
	_, level := d.v.LevelIn(text)
	return score || level
}

// maxTotalWords is the most words a line giving a session's total has.
const maxTotalWords = 15

// addClosing keeps a closing chat line ("Ready for the next topic?") on
// the topic, as notes: it belongs to no question.
func (d *doc) addClosing(n ast.Node) {
	d.addClosingBlock(d.toBlock(n))
}

// addClosingBlock files a closing line in the topic's notes. A line
// read as the session's total or a remark on the whole session, not by
// a closing phrase, is warned: it might have been part of the answer.
func (d *doc) addClosingBlock(b bank.Block) {
	d.closingSection(b.Pos)
	d.closing.Blocks = append(d.closing.Blocks, b)
	r := Reading{As: ReadClosing}
	if !d.v.IsClosing(b.Text) {
		d.warn(b.Pos, "%q speaks of the whole session (a total, or an overall level or score): kept in the topic's notes, not in a question", excerptText(b.Text))
		r.Warn = true
	}
	for i := range d.outline {
		if e := &d.outline[i]; e.Pos == b.Pos {
			e.Read = r
			return
		}
	}
	d.record(b.Pos, "paragraph", b.Text, r)
}

// closingSection opens the topic's note section that holds closing
// chat lines and asides, titled after the document, unless it is
// open. A note section being read ends there.
func (d *doc) closingSection(pos bank.Pos) {
	if d.closing != nil {
		return
	}
	title := d.title
	if title == "" {
		title = d.front.title
	}
	d.topic.Notes = append(d.topic.Notes, bank.Section{Title: title, Pos: pos})
	d.closing = &d.topic.Notes[len(d.topic.Notes)-1]
	d.note = nil
}

// finish completes the topic once the whole document is read: its name,
// the levels of questions that named none, and what was lost.
func (d *doc) finish(start bank.Pos) {
	d.topic.Name = d.v.TopicName(d.title)
	d.topic.Pos = d.titlePos
	if len(d.topics) == 0 {
		// The front matter speaks of the document's first topic.
		switch {
		case d.front.topic != "":
			d.topic.Name = d.front.topic
		case d.front.title != "":
			d.topic.Name = d.v.TopicName(d.front.title)
		}
		if d.titlePos == (bank.Pos{}) && d.front.pos.IsValid() {
			d.topic.Pos = d.front.pos
		}
		d.topic.Tags = d.front.tags
	}
	if d.topic.Name == "" {
		d.topic.Name = nameFromFile(d.name)
		d.topic.Pos = start
		d.warn(start, "document has no title heading; topic named %q after the file", d.topic.Name)
	}
	d.inferLevels()
}

// newTopic reports whether a level-1 heading after the title opens a
// second topic of the document: questions or a glossary of its own
// follow it, before the next level-1 heading.
func (d *doc) newTopic(h *ast.Heading) bool {
	if h.Level != 1 || d.title == "" {
		return false
	}
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		if _, ok := d.structure.starts[n]; ok {
			return true
		}
		next, ok := n.(*ast.Heading)
		if !ok {
			continue
		}
		if next.Level == 1 {
			return false
		}
		text := d.plain(next)
		if qh, ok := d.questionHead(text); ok && (!qh.numbered || qh.hasLevel) {
			return true
		}
		if role, _ := d.roleOf(text); role == vocab.RoleGlossary {
			return true
		}
	}
	return false
}

// startTopic ends the topic being read and opens the next one, titled
// by heading h.
func (d *doc) startTopic(h *ast.Heading, text string, pos bank.Pos) {
	d.closeQuestion()
	d.endTermHeading()
	d.finish(pos)
	if !headingsOnly(&d.topic) {
		d.topics = append(d.topics, d.topic)
	}
	d.topic = bank.Topic{}
	d.title, d.titlePos = text, pos
	d.topic.Pin = d.takePin(nil)
	d.note, d.noteRole, d.noteDepth, d.closing, d.extra = nil, vocab.RoleNone, 1, nil, nil
	d.groupDepth, d.groupLabel, d.laneLabel, d.runLevel = 0, "", "", 0
	d.record(pos, headingBlock(h), text, Reading{As: ReadTitle, Name: d.v.TopicName(text)})
}

// headingsOnly reports whether a topic holds nothing but headings: a
// title over the plan ("# Study plan" before "# Mock interview: Kafka")
// whose topic is the next one's.
func headingsOnly(t *bank.Topic) bool {
	for _, n := range t.Notes {
		if len(n.Blocks) > 0 {
			return false
		}
	}
	return len(t.Guide) == 0 && len(t.Questions) == 0 && len(t.Extra) == 0
}

// inferLevels gives each question that names no level the level its
// position among the document's questions suggests, and says so.
func (d *doc) inferLevels() {
	n := len(d.topic.Questions)
	for i := range d.topic.Questions {
		q := &d.topic.Questions[i]
		if !q.LevelInferred {
			continue
		}
		q.Level = vocab.InferLevel(i, n)
		d.warn(q.Pos, "question %d names no level; read as %s from its position (%d of %d)", q.Number, q.Level, i+1, n)
		for j := range d.outline {
			e := &d.outline[j]
			if e.Read.As == ReadQuestion && e.Read.Question == q.Number && e.Pos == q.Pos {
				e.Read.Level = q.Level
			}
		}
	}
}

// joinLine joins two pieces of text with a space, either may be empty.
func joinLine(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

// promptCode is code joined to a prompt, which is text in paragraphs: a
// blank line separates two of them, so the code keeps no blank lines at
// its ends and one for each run of them inside.
func promptCode(code string) string {
	lines := strings.Split(code, "\n")
	out := lines[:0]
	for _, l := range lines {
		blank := strings.TrimSpace(l) == ""
		if blank && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		if blank {
			l = ""
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
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
