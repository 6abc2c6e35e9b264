package parse

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
)

// questionHead is what a question's heading or label says.
type questionHead struct {
	number   int  // 0 when none was given
	numbered bool // the number stands alone ("2.", "2️⃣"), with no question word
	label    string
	level    bank.Level
	hasLevel bool
	title    string // the rest of the heading, besides number and level
}

// questionHead reads a question's heading or bold label, in the forms
// assistants write them:
//
//	Question 2 — Stepping Up          Q2: Stepping Up 🔥
//	Question 2 (Medium): <prompt>     Q2 — Stepping up
//	2. Rate limiting (Senior)         2️⃣ Rate limiting
//	🟢 Easy — Question 1              Pregunta 3 (difícil)
//
// ok is false for text that is none of these. A bare number ("2.
// Title") is reported as numbered: the caller decides whether it opens
// a question.
//
// The walk asks again of the same headings as it looks ahead, so each
// answer is kept.
func (d *doc) questionHead(text string) (questionHead, bool) {
	r := kept(&d.heads, text, func() headRead {
		qh, ok := d.readQuestionHead(text)
		return headRead{qh, ok}
	})
	return r.head, r.ok
}

// headRead is what questionHead found in a text.
type headRead struct {
	head questionHead
	ok   bool
}

// readQuestionHead is questionHead, read afresh.
func (d *doc) readQuestionHead(text string) (qh questionHead, ok bool) {
	s := normalizeHead(text)
	n, rest, numbered, ok := d.questionNumber(s)
	if !ok {
		// No number: "Easy — How is GraphQL different from REST?", a
		// level and the question, numbered by the caller.
		for _, sep := range []string{" — ", " – ", " - ", ": ", " | "} {
			head, after, found := strings.Cut(s, sep)
			if !found || !strings.HasSuffix(strings.TrimSpace(after), "?") {
				continue
			}
			if lv, isLevel := d.v.Level(head); isLevel {
				return questionHead{label: vocab.TrimDecoration(head), level: lv, hasLevel: true, title: cleanTitle(after)}, true
			}
		}
	}
	if !ok && strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		// A level before the number: "Easy — Question 1".
		for _, sep := range []string{" — ", " – ", " - ", ": ", " | "} {
			head, after, found := strings.Cut(s, sep)
			if !found {
				continue
			}
			if lv, isLevel := d.v.Level(head); isLevel {
				if n, rest, numbered, ok = d.questionNumber(strings.TrimSpace(after)); ok && !numbered {
					qh = questionHead{number: n, label: vocab.TrimDecoration(head), level: lv, hasLevel: true}
					qh.title = cleanTitle(rest)
					return qh, true
				}
			}
		}
	}
	if !ok {
		// "Pregunta — Índices compuestos": the word for a question, a
		// separator, and the title.
		rest, worded := s, false
		if word := d.questionWord(s); word > 0 {
			after := strings.TrimSpace(s[word:])
			if title := vocab.TrimSeparator(after); title != after && title != "" {
				rest, worded = title, true
			}
		}
		if lv, label, title, tagged := d.levelTag(rest); tagged && title != "" && strings.IndexFunc(title, unicode.IsDigit) < 0 {
			// "Rolling updates :hard:", "Services #medium": a title
			// and a level tag, numbered by the caller. A title with a
			// number ("Swali 1 · Image (rahisi)") is left to the
			// document's structure, which finds its numbered pattern.
			return questionHead{label: label, level: lv, hasLevel: true, title: cleanTitle(title)}, true
		}
		if worded {
			qh = questionHead{}
			qh.label, qh.level, qh.hasLevel, qh.title = d.levelIn(rest)
			return qh, true
		}
		return questionHead{}, false
	}
	qh = questionHead{number: n, numbered: numbered}
	if lv, label, title, tagged := d.levelTag(rest); tagged {
		qh.label, qh.level, qh.hasLevel, qh.title = label, lv, true, cleanTitle(title)
		return qh, true
	}
	qh.label, qh.level, qh.hasLevel, qh.title = d.levelIn(rest)
	return qh, true
}

// levelTag reads a level written as a tag at the end of a heading: an
// org-mode tag group (":hard:", ":k8s:hard:") or its HTML export
// ('<span class="tag"><span class="hard">hard</span></span>'),
// hashtags ("#medium"), or a badge in square brackets or a code span
// ("[Senior]", "`L2`"). It returns the level, the tag as written, and
// the text before the tags; ok is false when no tag names a level
// (a tag is a level's name as a whole word, "mid" never from "midnight").
func (d *doc) levelTag(s string) (lv bank.Level, label, before string, ok bool) {
	s = strings.TrimSpace(s)
	var tags []string
	switch {
	case strings.HasSuffix(s, "</span>"):
		m := htmlTags.FindStringSubmatchIndex(s)
		if m == nil {
			return 0, "", "", false
		}
		for _, t := range htmlTag.FindAllStringSubmatch(s[m[2]:m[3]], -1) {
			tags = append(tags, t[1])
		}
		before = s[:m[0]]
	case strings.HasSuffix(s, ":"):
		i := strings.LastIndexFunc(s, unicode.IsSpace)
		group := s[i+1:]
		if i < 0 || len(group) < 3 || group[0] != ':' {
			return 0, "", "", false
		}
		tags = strings.Split(strings.Trim(group, ":"), ":")
		before = s[:i]
	case strings.HasSuffix(s, "]") || strings.HasSuffix(s, "`"):
		// "Ingress [Senior]", "Ingress `L2`": a badge. Words in
		// parentheses ("Window functions (advanced)") qualify a
		// guide's section as often as they give a level: they are
		// read only after a question's number (levelIn).
		open := map[byte]string{']': "[", '`': "`"}[s[len(s)-1]]
		i := strings.LastIndex(s[:len(s)-1], open)
		if i < 0 {
			return 0, "", "", false
		}
		inner := strings.TrimSpace(s[i+1 : len(s)-1])
		if lv, ok := d.v.Level(inner); ok {
			return lv, vocab.TrimDecoration(inner), strings.TrimSpace(s[:i]), true
		}
		return 0, "", "", false
	default:
		before = s
		for {
			i := strings.LastIndexFunc(before, unicode.IsSpace)
			word := before[i+1:]
			if i < 0 || len(word) < 2 || word[0] != '#' || !isTagWord(word[1:]) {
				break
			}
			tags = append(tags, word[1:])
			before = strings.TrimSpace(before[:i])
		}
	}
	for _, t := range tags {
		if !isTagWord(t) {
			return 0, "", "", false // not a tag group: "Note: see ::x::"
		}
	}
	for _, t := range tags {
		if lv, ok := d.v.Level(strings.ReplaceAll(t, "_", " ")); ok {
			return lv, t, strings.TrimSpace(before), true
		}
	}
	return 0, "", "", false
}

// isTagWord reports whether s can be an org-mode tag or a hashtag:
// letters, digits, "_", "-" and "@", one letter at least.
func isTagWord(s string) bool {
	letter := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r) || r == '_' || r == '-' || r == '@':
		default:
			return false
		}
	}
	return letter
}

// htmlTags matches the tags org-mode's HTML export puts at the end of a
// heading, and htmlTag each tag in them.
var (
	htmlTags = regexp.MustCompile(`\s*<span class="tag">((?:\s*<span class="[^"<>]*">[^<>]*</span>(?:&#xa0;|&nbsp;|\s|\x{00a0})*)+)</span>$`)
	htmlTag  = regexp.MustCompile(`<span class="[^"<>]*">([^<>]*)</span>`)
)

// labelQuestion reads a bold label that opens a question, with its
// level given after it on its line when the label names none
// ("**Question 1/3** · *difficulty: easy*"), and returns the prompt: the
// text after the label, that level aside.
func (d *doc) labelQuestion(l label) (qh questionHead, prompt string, ok bool) {
	qh, ok = d.questionHead(l.text)
	if !ok || qh.hasLevel {
		return qh, l.rest, ok
	}
	line, more, _ := strings.Cut(l.rest, "\n")
	if lv, label, isLevel := d.levelText(line); isLevel {
		qh.level, qh.label, qh.hasLevel = lv, label, true
		return qh, strings.TrimSpace(more), true
	}
	return qh, l.rest, true
}

// levelText reads a line that only gives a level, with or without a
// label, between separators: "· difficulty: easy", "— 🟢 Easy", "(Senior)".
func (d *doc) levelText(line string) (bank.Level, string, bool) {
	s := vocab.TrimDecoration(strings.Trim(strings.TrimSpace(line), "·—–-|•,"))
	if s == "" || !fewWords(s, 4) {
		return bank.LevelUnknown, "", false
	}
	if lv, ok := d.v.Level(s); ok {
		label := s
		if head, value, found := strings.Cut(s, ":"); found && d.v.IsLevelLabel(head) {
			label = vocab.TrimDecoration(value)
		}
		return lv, label, true
	}
	return bank.LevelUnknown, "", false
}

// isQuestionLabel reports whether a paragraph opens with a bold (or,
// as Slack writes bold, italic) label that opens a question by its
// words ("**Question 2 (Medium):** …", "*Question 1* · hard").
func (d *doc) isQuestionLabel(p *ast.Paragraph) bool {
	l, ok := d.label(p)
	if !ok || l.emph == 0 {
		return false
	}
	qh, _, ok := d.labelQuestion(l)
	return ok && (!qh.numbered || l.emph == 2 && qh.hasLevel)
}

// questionNumber reads "Question 2", "Q2", "Question #2", "Problem 3"
// or a bare "2." / "2)" at the start of s, and returns the number and
// the text after it. A word glued to the number ("Q2b") is not one.
func (d *doc) questionNumber(s string) (n int, rest string, numbered, ok bool) {
	if rest, ok := strings.CutPrefix(s, "第"); ok {
		// "第1問", "第2题": the number between 第 and a counter.
		digits := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
		if digits > 0 {
			counter, size := utf8.DecodeRuneInString(rest[digits:])
			if strings.ContainsRune("問题題问번문", counter) {
				n, _ = strconv.Atoi(rest[:digits])
				return n, strings.TrimSpace(rest[digits+size:]), false, true
			}
		}
	}
	word := d.questionWord(s)
	switch {
	case word > 0:
		s = strings.TrimLeft(s[word:], " #.\u00a0")
	case strings.IndexFunc(s, unicode.IsLetter) == 0:
		return 0, "", false, false
	default:
		numbered = true
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits > 4 {
		return 0, "", false, false
	}
	n, _ = strconv.Atoi(s[:digits])
	rest = s[digits:]
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return 0, "", false, false // "Question 2b", "Q2x"
	}
	if numbered {
		// "2. Title", "2) Title", "2 — Title"; not "2024 roadmap" or "3.5".
		switch {
		case strings.HasPrefix(rest, ". ") || strings.HasPrefix(rest, ") ") || rest == "." || rest == ")":
			rest = rest[1:]
		case strings.HasPrefix(rest, " — ") || strings.HasPrefix(rest, " – ") || strings.HasPrefix(rest, ": "):
		default:
			return 0, "", false, false
		}
	}
	rest = strings.TrimLeft(rest, ".)")
	// "Question 2 of 5", "Domanda 2 di 3", "Q2/5"
	if m := outOf.FindStringIndex(rest); m != nil {
		rest = rest[m[1]:]
	}
	return n, strings.TrimSpace(rest), numbered, true
}

// questionWord returns the length of the word, or of the two or three
// words, that open s and number a question ("Question", "Câu hỏi"), 0
// for none.
func (d *doc) questionWord(s string) int {
	end := 0
	for range 3 {
		i := strings.IndexFunc(s[end:], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) })
		if i <= 0 {
			return 0
		}
		end += i
		if d.v.IsQuestionWord(s[:end]) {
			return end
		}
		if !strings.HasPrefix(s[end:], " ") {
			return 0
		}
		end++
	}
	return 0
}

// trimEmoji drops the emoji and symbols that may open a heading ("🟢",
// "❓", "⭐"), and white space; not ASCII punctuation, which says
// something ("`2.`", "-- 10.").
func trimEmoji(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r > 0x7F && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) ||
			unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Me, r))
	})
}

// outOf matches the count after a question's number: " of 5", " di 3",
// "/5".
var outOf = regexp.MustCompile(`^\s*(?:of|di|de|sur|von|van|из|из|/)\s*\d+`)

// keycapNumber turns a keycap emoji number that opens s ("2️⃣ Title",
// "🔟") into "2. Title".
func keycapNumber(s string) string {
	if rest, ok := strings.CutPrefix(s, "🔟"); ok {
		return "10." + rest
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return s
	}
	rest := strings.TrimPrefix(s[i:], "\uFE0F")
	if r, ok := strings.CutPrefix(rest, "\u20E3"); ok {
		return s[:i] + "." + r
	}
	return s
}

// levelIn finds the level a heading names after its number: the whole
// rest, a part in brackets, or a part between separators ("(Medium)",
// "— Lead Engineer Level", "[Senior]"). The rest of the text, that part
// removed, is the title.
func (d *doc) levelIn(rest string) (label string, level bank.Level, ok bool, title string) {
	whole := vocab.TrimDecoration(vocab.TrimSeparator(rest))
	if strings.HasPrefix(whole, "(") && strings.HasSuffix(whole, ")") || strings.HasPrefix(whole, "[") && strings.HasSuffix(whole, "]") {
		whole = strings.TrimSpace(whole[1 : len(whole)-1])
	}
	if lv, isLevel := d.v.Level(whole); isLevel {
		return whole, lv, true, ""
	}
	for _, part := range splitParts(rest) {
		if lv, isLevel := d.v.Level(part.text); isLevel {
			return vocab.TrimDecoration(part.text), lv, true, d.dropLevelField(cleanTitle(joinAround(rest[:part.start], rest[part.end:])))
		}
	}
	return "", bank.LevelUnknown, false, cleanTitle(rest)
}

// dropLevelField drops the name of a level field left at the end of a
// title once its value was read: "Channels — Level" of "Channels —
// Level: easy", "Kontext — Schwierigkeit" of "… — Schwierigkeit: schwer".
func (d *doc) dropLevelField(title string) string {
	for _, sep := range headingSeparators[:5] {
		if i := strings.LastIndex(title, sep); i > 0 && d.v.IsLevelLabel(title[i+len(sep):]) {
			return cleanTitle(title[:i])
		}
	}
	if d.v.IsLevelLabel(title) {
		return ""
	}
	return title
}

// part is a piece of a heading between separators or in brackets;
// [start, end) also covers the bracket or the separator before it.
type part struct {
	text       string
	start, end int
}

// headingSeparators cut a heading into parts, longest first.
var headingSeparators = []string{" — ", " – ", " - ", " | ", " · ", "—", "–", ": ", ", "}

// splitParts cuts a heading's text into parts: those in brackets, then
// those between separators. A part's span covers the separator before
// it (after it, for the first part), so that taking it out leaves the
// others joined as they were.
func splitParts(s string) []part {
	var parts []part
	for _, br := range [][2]string{{"(", ")"}, {"[", "]"}} {
		for from := 0; ; {
			i := strings.Index(s[from:], br[0])
			if i < 0 {
				break
			}
			i += from
			j := strings.Index(s[i:], br[1])
			if j < 0 {
				break
			}
			j += i
			parts = append(parts, part{text: s[i+1 : j], start: i, end: j + 1})
			from = j + 1
		}
	}
	type cut struct{ at, size int }
	var cuts []cut
	for i := 0; i < len(s); {
		size := 0
		for _, sep := range headingSeparators {
			if strings.HasPrefix(s[i:], sep) {
				size = len(sep)
				break
			}
		}
		if size == 0 {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		cuts = append(cuts, cut{i, size})
		i += size
	}
	if len(cuts) == 0 {
		return parts
	}
	from := 0
	for k := 0; k <= len(cuts); k++ {
		end := len(s)
		if k < len(cuts) {
			end = cuts[k].at
		}
		p := part{text: strings.TrimSpace(s[from:end]), start: from, end: end}
		if k > 0 {
			p.start = cuts[k-1].at
		} else {
			p.end = cuts[0].at + cuts[0].size
		}
		parts = append(parts, p)
		if k < len(cuts) {
			from = cuts[k].at + cuts[k].size
		}
	}
	return parts
}

// titleScore takes a score out of a question's title, where a heading
// gives it after a separator or in brackets ("Caching — 7/10", "(6,5/10)",
// "Score: 8/10"): the score as written, and the title without it.
func titleScore(title string) (score, rest string) {
	for _, p := range splitParts(title) {
		if score, ok := scoreIn(p.text); ok {
			return score, cleanTitle(joinAround(title[:p.start], title[p.end:]))
		}
	}
	if score, ok := scoreIn(title); ok {
		return score, "" // the whole title
	}
	return "", title
}

// scoreIn returns the score text holds, when it is a score and at most
// two words about it (isScore) and the score stands on its own: not a
// piece of a number such as "10.0.0.0/16".
func scoreIn(text string) (string, bool) {
	if !isScore(text) {
		return "", false
	}
	m := findScore(text)
	if m[0] > 0 && strings.ContainsRune("0123456789.,/", rune(text[m[0]-1])) ||
		m[1] < len(text) && strings.ContainsRune("0123456789.,/", rune(text[m[1]])) {
		return "", false
	}
	return text[m[0]:m[1]], true
}

// joinAround joins the text before and after a part taken out.
func joinAround(before, after string) string {
	before, after = strings.TrimRightFunc(before, unicode.IsSpace), strings.TrimLeftFunc(after, unicode.IsSpace)
	if before == "" || after == "" {
		return before + after
	}
	return before + " " + after
}

// cleanTitle trims what is left of a heading once number and level are
// taken out: separators, brackets left empty, decoration.
func cleanTitle(s string) string {
	s = strings.ReplaceAll(s, "()", "")
	s = strings.ReplaceAll(s, "[]", "")
	for {
		t := strings.TrimSpace(s)
		t = vocab.TrimSeparator(t)
		t = strings.TrimSpace(strings.TrimRightFunc(t, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(":—–-|·,", r)
		}))
		if t == s {
			break
		}
		s = t
	}
	return vocab.TrimDecoration(s)
}

// startQuestion opens a question, at the heading or label n.
func (d *doc) startQuestion(qh questionHead, pos bank.Pos, n ast.Node) {
	d.closeQuestion()
	d.endTermHeading()
	d.note, d.noteRole = nil, vocab.RoleNone
	number := qh.number
	if number == 0 {
		number = 1
		if k := len(d.topic.Questions); k > 0 {
			number = d.topic.Questions[k-1].Number + 1
		}
	}
	q := bank.Question{Number: number, Label: qh.label, Level: qh.level, Title: qh.title, Pos: pos, Pin: d.takePin(n)}
	switch {
	case qh.hasLevel:
	case d.groupDepth > 0:
		q.Level, q.Label = d.groupLevel, d.groupLabel
	default:
		q.LevelInferred = true
	}
	d.titlePrompt, d.chose = false, false
	q.Score, q.Title = titleScore(q.Title)
	if asks(q.Title) {
		// "### 2. What is a closure?": the heading asks the question.
		q.Prompt, q.Title, d.titlePrompt = q.Title, "", true
	}
	d.topic.Questions = append(d.topic.Questions, q)
	d.q = &d.topic.Questions[len(d.topic.Questions)-1]
	d.role, d.extra, d.diagramTitle, d.roleDepth, d.qDepth = vocab.RoleNone, nil, "", 0, 7
	if h, ok := n.(*ast.Heading); ok {
		d.qDepth = h.Level
	}
	block := "label"
	text := qh.title
	if h, ok := n.(*ast.Heading); ok {
		block, text = headingBlock(h), d.plain(h)
	} else if p, ok := n.(*ast.Paragraph); ok {
		text = d.plain(p)
	}
	d.qEntry = len(d.outline)
	d.record(pos, block, text, Reading{As: ReadQuestion, Question: number, Level: q.Level, LevelInferred: q.LevelInferred, Label: q.Label, Name: q.Title})
	if h, ok := n.(*ast.Heading); ok && d.titlePrompt && d.answersBelow(h) {
		// An FAQ: the heading asks, the text under it answers.
		d.role, d.roleDepth, d.titlePrompt = vocab.RoleAnswer, h.Level, false
	}
}

// answersBelow reports whether the blocks under a heading that asks a
// question answer it: prose, lists, code and tables, with no part of a
// question named (no label, heading or quote of feedback, response or
// answer, no section that repeats under other questions) and no
// paragraph that asks the question again.
func (d *doc) answersBelow(h *ast.Heading) bool {
	count := 0
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		if _, ok := d.structure.starts[n]; ok {
			break
		}
		switch n := n.(type) {
		case *ast.Heading:
			if _, ok := d.questionHead(d.plain(n)); ok && n.Level <= h.Level {
				return count > 0
			}
			if d.namesPart(d.plain(n)) {
				return false
			}
			if n.Level <= h.Level {
				return count > 0
			}
		case *ast.Paragraph:
			if count == 0 && asks(d.plain(n)) {
				return false
			}
			if l, ok := d.label(n); ok && (l.emph > 0 || l.colon) {
				head, _, _ := strings.Cut(l.text, ":")
				if _, isQ := d.questionHead(l.text); isQ && l.emph == 2 || d.namesPart(l.text) || d.v.IsLevelLabel(head) {
					return false
				}
			}
		case *ast.Blockquote, *ast.HTMLBlock:
			return false
		}
		count++
	}
	return count > 0
}

// namesPart reports whether a heading or label names a part of a
// question (a response, feedback, a model answer, …; by its full name or
// its words), or a section that repeats under each question.
func (d *doc) namesPart(text string) bool {
	role, _ := d.roleOf(text)
	if role == vocab.RoleNone {
		role = d.v.RoleByWords(text)
	}
	return role.InQuestion() || d.structure.sections[vocab.Key(text)]
}

// closeQuestion ends the question being read. A question whose heading
// gave a title but that has no prompt of its own takes the title as its
// prompt.
func (d *doc) closeQuestion() {
	if d.q == nil {
		return
	}
	if d.q.Prompt == "" && d.q.Title != "" {
		d.q.Prompt, d.q.Title = d.q.Title, ""
	}
	// Closing chat lines and other lines that end the session, at the
	// end of the model answer, are the topic's.
	answer := d.q.Answer
	k := len(answer)
	for k > 0 && answer[k-1].Kind == bank.KindParagraph && d.endsSession(answer[k-1].Text) {
		k--
	}
	closings := slices.Clone(answer[k:])
	d.q.Answer = answer[:k]
	if m := d.messageAfterAnswer; m != nil && k > m.answer {
		d.warn(answer[m.answer].Pos, "%s's message at line %d, after the model answer of question %d, read as more of that answer", m.name, m.pos.Line, d.q.Number)
	}
	d.messageAfterAnswer = nil
	d.q, d.role, d.extra, d.diagramTitle = nil, vocab.RoleNone, nil, ""
	for _, b := range closings {
		d.addClosingBlock(b)
	}
}

// inQuestion returns a reading of a block in the current question.
func (d *doc) inQuestion(as What) Reading {
	r := Reading{As: as, Role: d.role}
	if d.q != nil {
		r.Question = d.q.Number
	}
	if d.extra != nil {
		r.Name = d.extra.Title
	}
	return r
}

func itoa(n int) string { return strconv.Itoa(n) }
