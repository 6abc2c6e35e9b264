package parse

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
)

// Questions are found by the words that name them ("Question 2", "Q2",
// "Pregunta 3") and, when the vocabulary does not know the word, by the
// document's structure: headings (or bold lines) at one level that
// repeat a pattern with a rising number ("Vraag 1 · Indexen", "Vraag
// 2 · Joins"; "Soru 1", "Soru 2"; "questions[0]", "questions[1]"), or
// that ask a question themselves ("## What is a Pod?"). A pattern is
// taken for questions only with evidence: its headings or the first
// paragraph under them ask (end with a question mark), a part of a
// question (feedback, model answer, …) opens under one of them, or the
// same sections follow each of them in the same order. Sections under
// such a question whose names the vocabulary does not know are kept as
// extra sections, each with a warning that says how to name them.

// structure is what the pass over a document's blocks found.
type structure struct {
	// starts are the headings and bold lines that open a question by
	// the document's structure, with what their text says.
	starts map[ast.Node]questionHead
	// sections are the keys of section names that repeat under the
	// questions found by structure but name no part: each opens an
	// extra section.
	sections map[string]bool
	// turns are the headings and labels that open a speaker's turn.
	turns map[ast.Node]turn
	// known are the indexes of the top-level blocks that the vocabulary
	// names as questions ("Question 2"), in order.
	known []int
	// inferred are the parts given to section names that repeat under
	// the questions but name no part outright, by key (see
	// inferSections).
	inferred map[string]inference
	// host is the key of the interviewer's name in a dialogue, "" in
	// a document of no dialogue.
	host string
}

// candidate is a heading or a bold line that may open a question.
type candidate struct {
	n     ast.Node
	index int    // in the document's top-level blocks
	level int    // heading level; 7 for a bold line
	text  string // the heading's or bold line's text
	head  questionHead
	// pattern is the key of the words before the number ("vraag"), ""
	// for a bare number, "?" for a heading that asks.
	pattern string
}

// group is the candidates that share a level and a pattern.
type group struct {
	level   int
	pattern string
	members []*candidate
}

// findStructure runs the pass: it reads the top-level blocks, groups
// the candidates, and keeps the groups the evidence supports.
func (d *doc) findStructure(root ast.Node) {
	var blocks []ast.Node
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		blocks = append(blocks, n)
	}
	var groups []*group
	byKey := map[[2]string]*group{}
	for i, n := range blocks {
		c := d.candidateAt(n, i)
		if c == nil {
			continue
		}
		if qh, ok := d.questionHead(c.text); ok && (!qh.numbered || qh.hasLevel) {
			d.structure.known = append(d.structure.known, i)
			continue
		}
		key := [2]string{itoa(c.level), c.pattern}
		g := byKey[key]
		if g == nil {
			g = &group{level: c.level, pattern: c.pattern}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, c)
	}
	// Shallower groups first: a pattern inside the questions of another
	// (the steps of a model answer) is not one.
	var taken []int // block indexes of accepted starts, in order
	taken = append(taken, d.structure.known...)
	for level := 1; level <= 7; level++ {
		for _, g := range groups {
			if g.level != level || !d.qualifies(g, blocks) {
				continue
			}
			if insideQuestions(g, taken, blocks, d) {
				continue
			}
			d.accept(g, blocks)
			for _, m := range g.members {
				taken = insertSorted(taken, m.index)
			}
		}
	}
	d.findTurns(blocks)
	d.inferSections(blocks, taken)
}

// candidateAt returns the candidate block n is, or nil: a heading, or a
// paragraph that opens with a bold line ("**Soru 1:** …").
func (d *doc) candidateAt(n ast.Node, i int) *candidate {
	// Built as a value and copied out with new: most blocks are no
	// candidate, and need no allocation.
	c := candidate{n: n, index: i}
	switch n := n.(type) {
	case *ast.Heading:
		c.level, c.text = n.Level, d.plain(n)
	case *ast.Paragraph:
		first := d.firstInline(n)
		for first != nil && d.isDecoration(first) {
			first = first.NextSibling()
		}
		if first == nil || emphasis(first) != 2 {
			return nil
		}
		c.level, c.text = 7, strings.TrimSuffix(strings.TrimSpace(d.plain(first)), ":")
		rest := strings.TrimSpace(d.inlineText(first.NextSibling(), nil))
		if dash := strings.TrimLeft(rest, "—–-"); dash != rest && !asks(rest) {
			return nil // "**1.** — a definition": a glossary entry
		}
	default:
		return nil
	}
	if c.text == "" || len(c.text) > 300 {
		return nil
	}
	s := normalizeHead(c.text)
	if prefix, qh, ok := d.numberedShape(s); ok {
		c.pattern, c.head = prefix, qh
		return new(c)
	}
	if asks(s) && c.level < 7 {
		c.pattern = "?"
		c.head.label, c.head.level, c.head.hasLevel, c.head.title = d.levelIn(s)
		return new(c)
	}
	return nil
}

// numberedShape reads a heading that holds a number after at most three
// words: "Vraag 2 · Joins", "Câu hỏi 3/3", "questions[0]", "Round 2",
// "2. Title". It returns the key of the words before the number and
// what the heading says. A bare number needs a separator after it
// ("2. Title", "2) Title", "2 — Title"), lest a year open a question.
func (d *doc) numberedShape(s string) (prefix string, qh questionHead, ok bool) {
	i := strings.IndexFunc(s, unicode.IsDigit)
	if i < 0 {
		return "", qh, false
	}
	before := s[:i]
	if strings.ContainsAny(before, ":?!,;()—–") || strings.Contains(before, " - ") || utf8.RuneCountInString(before) > 30 {
		return "", qh, false
	}
	prefix = vocab.Key(before)
	if !fewWords(prefix, 3) || prefix != "" && isSymbolKey(prefix) {
		if !isSymbolKey(prefix) {
			return "", qh, false
		}
		prefix = "" // "#3", "№ 3"
	}
	n, size := 0, 0
	for size < len(s[i:]) {
		r, w := utf8.DecodeRuneInString(s[i+size:])
		v, isDigit := digitValue(r)
		if !isDigit {
			break
		}
		n, size = n*10+v, size+w
		if size > 12 {
			return "", qh, false
		}
	}
	if n > 999 {
		return "", qh, false
	}
	rest := s[i+size:]
	r, _ := utf8.DecodeRuneInString(rest)
	if rest != "" && (unicode.IsLetter(r) && !isCJK(r) || unicode.IsDigit(r)) {
		return "", qh, false // "Q2b", "3rd", "2024"
	}
	if prefix == "" {
		switch {
		case strings.HasPrefix(rest, ". ") || strings.HasPrefix(rest, ") ") || rest == "." || rest == ")":
			rest = rest[1:]
		case strings.HasPrefix(rest, " — ") || strings.HasPrefix(rest, " – ") || strings.HasPrefix(rest, ": ") || strings.HasPrefix(rest, " · "):
		case strings.HasPrefix(rest, "]") && strings.HasSuffix(strings.TrimSpace(before), "["):
		default:
			return "", qh, false
		}
	}
	rest = strings.TrimLeft(rest, ".)]")
	if m := outOf.FindStringIndex(rest); m != nil {
		rest = rest[m[1]:]
	}
	qh = questionHead{number: n}
	qh.label, qh.level, qh.hasLevel, qh.title = d.levelIn(strings.TrimSpace(rest))
	return prefix, qh, true
}

// digitValue returns the value of a decimal digit of any script: "7",
// "٧" (Arabic-Indic), "۷" (Persian), "७" (Devanagari), "７".
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	// Unicode puts each script's digits 0 to 9 in a row.
	zero := r
	for zero > 0 && unicode.Is(unicode.Nd, zero-1) {
		zero--
	}
	return int(r-zero) % 10, true
}

// isCJK reports whether r is a Chinese, Japanese or Korean letter, which
// may follow a number without a space ("第3题", "1번", "問1").
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)
}

// isSymbolKey reports whether a vocabulary key holds no letter or digit.
func isSymbolKey(k string) bool {
	return strings.IndexFunc(k, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

// timestamp matches a time that opens a heading: "[00:02:10]", "12:30 —".
var timestamp = regexp.MustCompile(`^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*(?:[—–-]\s*)?`)

// leadingTime returns where the time that opens s ends, as
// timestamp.FindStringIndex does, or nil. The pattern runs only on text
// that opens with a digit or a bracket: most headings cannot hold one.
func leadingTime(s string) []int {
	if s == "" || !(s[0] >= '0' && s[0] <= '9' || s[0] == '[' || s[0] == '(') {
		return nil
	}
	return timestamp.FindStringIndex(s)
}

// orgKeywords are the task states org-mode and its exports put before a
// heading's text.
var orgKeywords = []string{"TODO", "DONE", "NEXT", "WAITING", "HOLD", "CANCELLED", "CANCELED", "STARTED", "DOING"}

// normalizeHead drops what may stand before a heading's own text: emoji,
// a timestamp, an org-mode keyword; full-width punctuation is made
// ASCII and a keycap number a plain one.
func normalizeHead(text string) string {
	s := strings.TrimSpace(trimEmoji(halfwidth.Replace(text)))
	for range 2 {
		if m := leadingTime(s); m != nil && m[1] < len(s) {
			s = strings.TrimSpace(trimEmoji(s[m[1]:]))
		}
		for _, k := range orgKeywords {
			// The keyword and its space are matched apart: joining them
			// would build a string per keyword for every heading.
			if rest, ok := strings.CutPrefix(s, k); ok && strings.HasPrefix(rest, " ") {
				s = strings.TrimSpace(trimEmoji(rest[1:]))
			}
		}
	}
	return keycapNumber(s)
}

// asks reports whether text ends a sentence with a question mark: "?",
// the full-width "？", the Arabic "؟", or the Greek ";" after Greek text.
func asks(text string) bool {
	s := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`*_"'”»」』)`, r) || unicode.Is(unicode.So, r) || r == '\uFE0F'
	})
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？") || strings.HasSuffix(s, "؟") || strings.HasSuffix(s, "\u037E") {
		return true
	}
	if strings.HasSuffix(s, ";") {
		return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Greek, r) }) >= 0
	}
	// A question followed by a short instruction: "What is X? Explain."
	for _, q := range []string{"? ", "？", "؟ "} {
		if i := strings.LastIndex(s, q); i > 0 && fewWords(s[i:], 8) {
			return true
		}
	}
	return false
}

// span returns the blocks under a candidate: up to next, the index
// of its group's next member (-1 for none), a question the vocabulary
// names, or a heading above its level (for a bold line, at or above the
// level of the heading it stands under).
func (d *doc) span(blocks []ast.Node, c *candidate, next int) []ast.Node {
	end := len(blocks)
	if next >= 0 {
		end = next
	}
	for _, k := range d.structure.known {
		if k > c.index {
			end = min(end, k) // a question the vocabulary names ends it
			break
		}
	}
	level := c.level
	if level == 7 {
		level = 1
		for j := c.index - 1; j >= 0; j-- {
			if h, ok := blocks[j].(*ast.Heading); ok {
				level = h.Level + 1
				break
			}
		}
	}
	for j := c.index + 1; j < end; j++ {
		if h, ok := blocks[j].(*ast.Heading); ok && h.Level < level {
			return blocks[c.index+1 : j]
		}
	}
	return blocks[c.index+1 : end]
}

// qualifies reports whether a group's members open questions: their
// numbers rise, and the evidence says so. The evidence is read cheapest
// first, and only as far as it takes to decide.
func (d *doc) qualifies(g *group, blocks []ast.Node) bool {
	n := len(g.members)
	if g.pattern == "?" {
		// Headings that ask: questions, unless a part of one never
		// follows and nothing repeats (an FAQ still reads as questions).
		return n >= 2
	}
	for k := 1; k < n; k++ {
		if g.members[k].head.number <= g.members[k-1].head.number {
			return false // "Step 1, Step 2" again under each question: not questions
		}
	}
	bodies := make([][]ast.Node, n)
	asking, levels := 0, 0
	for k, m := range g.members {
		next := -1
		if k+1 < n {
			next = g.members[k+1].index
		}
		bodies[k] = d.span(blocks, m, next)
		if asks(m.head.title) || d.firstAsks(m, bodies[k]) {
			asking++
		}
		if m.head.hasLevel {
			levels++
		}
	}
	switch {
	case n == 1:
		// One heading alone repeats nothing: it must ask and open a
		// part of a question.
		return asking == 1 && d.opensPart(bodies[0])
	case 2*asking >= n, 2*levels >= n:
		return true
	}
	// The last member's blocks run on to whatever follows the
	// questions: its parts do not count.
	parts := 0
	for _, body := range bodies[:n-1] {
		if d.opensPart(body) {
			parts++
		}
	}
	if 2*parts >= n-1 {
		return true
	}
	var names [][]string
	for k, m := range g.members {
		names = append(names, d.sectionNames(bodies[k], m.level))
	}
	return repeated(names) >= 2 && d.v.PlanColumn(g.pattern) != vocab.PlanNumber
}

// firstAsks reports whether the first text under a candidate asks: the
// rest of a bold line, or the first paragraph or quote of its section.
func (d *doc) firstAsks(c *candidate, body []ast.Node) bool {
	if c.level == 7 {
		if l, ok := d.label(c.n); ok && l.rest != "" {
			return asks(firstLine(l.rest)) || asks(l.rest)
		}
	}
	for _, n := range body {
		switch n := n.(type) {
		case *ast.Paragraph:
			text := d.plain(n)
			if l, ok := d.label(n); ok && l.rest != "" && (l.colon || l.emph > 0) {
				text = l.rest
			}
			return asks(text)
		case *ast.Blockquote:
			return asks(d.blockText(n))
		case *ast.Heading:
			return false
		}
	}
	return false
}

// opensPartLabel reports whether a block is a label that opens a part
// of a question.
func (d *doc) opensPartLabel(n ast.Node) bool {
	p, ok := n.(*ast.Paragraph)
	return ok && d.opensPart([]ast.Node{p})
}

// opensPart reports whether a heading or label among blocks names a part
// of a question other than its prompt, or gives a level.
func (d *doc) opensPart(blocks []ast.Node) bool {
	isPart := func(text string) bool {
		role, _ := d.roleOf(text)
		if role == vocab.RoleNone {
			role = d.v.RoleByWords(text)
		}
		return role.InQuestion() && role != vocab.RolePrompt
	}
	for _, n := range blocks {
		switch n := n.(type) {
		case *ast.Heading:
			if isPart(d.plain(n)) {
				return true
			}
		case *ast.Paragraph:
			l, ok := d.label(n)
			if !ok || l.emph == 0 && !l.colon {
				continue
			}
			head, _, _ := strings.Cut(l.text, ":")
			if isPart(l.text) || d.v.IsLevelLabel(head) {
				return true
			}
		}
	}
	return false
}

// sectionNames lists the keys of the section names under a candidate:
// its sub-headings, and its bold labels alone on their line or ending
// in a colon.
func (d *doc) sectionNames(blocks []ast.Node, level int) []string {
	var names []string
	for _, n := range blocks {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level >= level || level == 7 {
				names = append(names, vocab.Key(d.plain(n)))
			}
		case *ast.Paragraph:
			if l, ok := d.label(n); ok && l.emph == 2 && (l.rest == "" || l.colon) && !d.isLink(n) {
				names = append(names, vocab.Key(l.text))
			}
		}
	}
	return names
}

// repeated counts the members whose section names share at least two
// names, in order, with another member's: the feedback under each
// question repeats.
func repeated(names [][]string) int {
	count := 0
	for i, a := range names {
		for j, b := range names {
			if i != j && commonInOrder(a, b) >= 2 {
				count++
				break
			}
		}
	}
	return count
}

// commonInOrder returns the length of the longest run of names a and b
// share in the same order (a longest common subsequence).
func commonInOrder(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j] && a[i] != "":
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// insideQuestions reports whether any member of g stands inside a
// question already taken: after a taken start and before the next one,
// with no heading above the start's level between them (a new topic).
func insideQuestions(g *group, taken []int, blocks []ast.Node, d *doc) bool {
	for _, m := range g.members {
		start := -1
		for _, t := range taken {
			if t < m.index {
				start = t
			}
		}
		if start < 0 {
			continue
		}
		level := 7
		if h, ok := blocks[start].(*ast.Heading); ok {
			level = h.Level
		}
		closed := false
		for j := start + 1; j < m.index; j++ {
			if h, ok := blocks[j].(*ast.Heading); ok && h.Level < level {
				if role, _ := d.roleOf(d.plain(h)); !role.InQuestion() {
					closed = true
					break
				}
			}
		}
		if !closed {
			return true
		}
	}
	return false
}

// accept records a group's members as question starts, numbering them
// from 1 when the source counts from 0, and the section names that
// repeat under them without naming a part.
func (d *doc) accept(g *group, blocks []ast.Node) {
	shift := 0
	if g.pattern != "?" && len(g.members) > 0 && g.members[0].head.number == 0 {
		shift = 1 // "questions[0]": numbers start at 1
	}
	var names [][]string
	for k, m := range g.members {
		qh := m.head
		if g.pattern == "?" {
			qh.number = 0
		} else {
			qh.number += shift
		}
		d.structure.starts[m.n] = qh
		next := -1
		if k+1 < len(g.members) {
			next = g.members[k+1].index
		}
		names = append(names, d.sectionNames(d.span(blocks, m, next), m.level))
	}
	seen := map[string]int{}
	for _, list := range names {
		for _, name := range dedupe(list) {
			seen[name]++
		}
	}
	for name, n := range seen {
		if n >= 2 && name != "" && d.v.Role(name) == vocab.RoleNone && d.v.RoleByWords(name) == vocab.RoleNone {
			d.structure.sections[name] = true
		}
	}
}

// dedupe returns list without repeats, in order.
func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// insertSorted inserts i into the sorted list.
func insertSorted(list []int, i int) []int {
	k, _ := slices.BinarySearch(list, i)
	return slices.Insert(list, k, i)
}

// isLink reports whether a paragraph is nothing but a link, bold or not
// ("**[⬆ back to top](#contents)**"): navigation, not a section.
func (d *doc) isLink(p ast.Node) bool {
	c := d.onlyChild(p)
	if emphasis(c) > 0 {
		c = d.onlyChild(c)
	}
	_, ok := c.(*ast.Link)
	return ok
}
