// Package vocab holds the words bankgen reads and writes study documents
// with: the names of a document's parts (section roles), of question
// levels and of study-plan statuses, the labels of a suggested phrasing,
// the bold labels that are never glossary terms, the words around a topic
// in a title, closing chat lines, and the columns of trackers and term
// tables. Package parse reads with it and package export/markdown writes
// with it, so the grammar lives in one place.
//
// The words are data: the files in words/, one per language (English,
// Spanish, French, German, Portuguese, Italian, Dutch, Polish, Turkish,
// Vietnamese, Indonesian and Malay, Swedish, Danish, Norwegian,
// Finnish, Czech, Ukrainian, Russian, Romanian, Hungarian, Greek,
// Hindi, Arabic, Hebrew, Persian, Bengali, Thai, Japanese, Chinese and
// Korean) and one of symbols, name them; they are compiled into the
// table embedded in the binary (see words/README.md). Users add their
// own names without code, in a bankgen.yaml beside their sources or in a
// document's front matter, under the same keys as those files:
//
//	roles:
//	  strengths: [Kudos]
//	  gaps: [Work on this]
//	levels:
//	  lead: [Staff plus]
//	statuses:
//	  done: [shipped]
//
// Names compare as words (see Key): case, accents, punctuation and emoji
// do not matter. A name made only of symbols ("✅", "[x]") compares as
// written.
package vocab

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"golang.org/x/text/unicode/norm"
)

// Role is the part of a study document that a heading or a label opens.
type Role string

// The roles. RoleNone is a heading or label that names no part.
const (
	RoleNone      Role = ""
	RolePrompt    Role = "prompt"    // the question itself
	RoleResponse  Role = "response"  // the candidate's own answer
	RoleFeedback  Role = "feedback"  // feedback on the answer, as a whole
	RoleStrengths Role = "strengths" // what went well
	RoleGaps      Role = "gaps"      // what to improve
	RoleAnswer    Role = "answer"    // the model answer
	RoleDiagrams  Role = "diagrams"  // diagrams of the answer
	RoleScore     Role = "score"     // a score given to the answer
	RoleNotes     Role = "notes"     // remarks on the whole interview
	RoleGlossary  Role = "glossary"  // a section of glossary entries
	RolePlan      Role = "plan"      // the study plan
)

// Roles lists every role a vocabulary names, in document order.
func Roles() []Role {
	return []Role{RolePrompt, RoleResponse, RoleFeedback, RoleStrengths, RoleGaps, RoleAnswer,
		RoleDiagrams, RoleScore, RoleNotes, RoleGlossary, RolePlan}
}

// InQuestion reports whether the role is a part of one question rather
// than of the document.
func (r Role) InQuestion() bool {
	switch r {
	case RolePrompt, RoleResponse, RoleFeedback, RoleStrengths, RoleGaps, RoleAnswer, RoleDiagrams, RoleScore:
		return true
	}
	return false
}

// PlanColumn is what a study-plan table's column holds.
type PlanColumn uint8

// The columns of a study plan.
const (
	PlanOther  PlanColumn = iota // any other column, kept as a field
	PlanNumber                   // the row's number ("#")
	PlanTopic                    // the topic studied
	PlanStatus                   // where the topic stands
)

// TermColumn is what a glossary table's column holds.
type TermColumn uint8

// The columns of a glossary table.
const (
	TermOther      TermColumn = iota // any other column
	TermName                         // the term
	TermDefinition                   // its definition
)

// Vocabulary is a set of names to read study documents with, and the
// words to write them with. The zero value names nothing; use Default or
// Extend.
type Vocabulary struct {
	roles     map[string]Role
	levels    map[string]bank.Level
	statuses  map[string]bank.Status
	fillers   map[string]bool
	questions map[string]bool
	speakers  map[string]bool
	phrasing  map[string]bool
	// phrasingWords are verbs and nouns of saying ("say", "rephrase",
	// "wording"): a short label holding one introduces a phrasing.
	phrasingWords map[string]bool
	notTerms      map[string]bool
	titleWords    map[string]bool
	// documentWords name kinds of document one word at a time
	// ("session", "export", "results"): a side of a title made of them
	// alone says what the document is, not what it is about.
	documentWords map[string]bool
	closings      phrases
	endings       phrases
	connectors    map[string]bool
	marks         map[string]Role // symbol key → strengths or gaps
	verdicts      map[string]Role // a rubric cell's key → strengths or gaps
	roleWords     []roleWord
	sectionWords  []roleWord
	callouts      map[string]Role
	planCols      map[string]PlanColumn
	termCols      map[string]TermColumn
	// choices are the marks of a multiple-choice question's options:
	// true for a mark that says the option was chosen ("●", "[x]").
	choices map[string]bool

	// titleLen is the most words a title word has.
	titleLen int
	// statusWords and statusSymbols are the names in statuses made of
	// words and of symbols, which a cell holds in different ways.
	statusWords   phrases
	statusSymbols []string

	// Write holds the words package export/markdown writes.
	Write Writing
}

// Writing is how documents are written: every heading here reads back
// as its role.
type Writing struct {
	// Interview and Guide begin the title of a topic with questions and
	// of one without ("Mock Interview — Kubernetes").
	Interview, Guide string
	// Plan is the title of the study plan's file.
	Plan string
	// Question is the word before a question's number.
	Question string
	// Separator joins the parts of a title or heading, and a bold lead
	// to its text.
	Separator string
	// Headings are the section headings, by role.
	Headings map[Role]string
	// Statuses are the tracker cells, by status.
	Statuses map[bank.Status]string
}

// Key reduces a name to the words it compares by: letters and digits in
// lower case without accents (and without the dot Turkish takes off an
// "i"), single spaces between runs of them.
// Apostrophes join ("candidate's" is "candidates"); everything else
// separates. A name with no letter or digit (a symbol such as "✅")
// keys to itself without white space or variation selectors.
func Key(s string) string {
	var buf [256]byte // most keys fit: built on the stack, copied out once
	return string(appendKey(buf[:0], s))
}

// lookup returns m[Key(s)]. The key is built in a buffer on the stack
// and never kept, so the lookup allocates nothing: these names are
// asked of nearly every block.
func lookup[V any](m map[string]V, s string) V {
	var buf [64]byte
	return m[string(appendKey(buf[:0], s))]
}

// appendKey appends Key(s) to dst.
func appendKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	if hasNonASCIILetter(s) {
		s = norm.NFD.String(s) // accents apart from their letters
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && r != '\'':
			// ASCII, most text: a letter, a digit or a separator.
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				if space && len(dst) > start {
					dst = append(dst, ' ')
				}
				space = false
				dst = append(dst, byte(r))
			} else {
				space = true
			}
		case unicode.Is(unicode.Mn, r):
			// an accent, separated from its letter by NFD
		case r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r):
			// A spacing mark is a vowel sign of an Indic script: part
			// of its word.
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			if r == 'ı' {
				r = 'i' // Turkish: "ZAYIF" lowers to "zayif", "zayıf" too
			}
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		default:
			space = true
		}
	}
	if len(dst) == start {
		return append(dst, symbolKey(s)...)
	}
	return dst
}

// hasNonASCIILetter reports whether s holds a letter outside ASCII, one
// that may carry an accent.
func hasNonASCIILetter(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// symbolKey returns s without white space and emoji variation selectors.
func symbolKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\uFE0F' || r == '\uFE0E' {
			return -1
		}
		return r
	}, s)
}

// isSymbol reports whether a key is a symbol's (holds no letter or digit).
func isSymbol(key string) bool {
	for _, r := range key {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// Role returns the role a heading or label names, or RoleNone. The whole
// text must be the name ("What went well ✅", "Strengths:"), after the
// connectors that may open it ("My study plan", "The glossary").
func (v *Vocabulary) Role(s string) Role {
	k := Key(s)
	if r, ok := v.roles[k]; ok {
		return r
	}
	for {
		first, rest, ok := strings.Cut(k, " ")
		if !ok || !v.connectors[first] {
			return RoleNone
		}
		if r, ok := v.roles[rest]; ok {
			return r
		}
		k = rest
	}
}

// roleWord is an entry of roleWords: the words that, all present, name
// a role.
type roleWord struct {
	words []string
	role  Role
}

// RoleByWords returns the role a short heading or label names by its
// words ("Where you could go further" names the gaps), for when Role
// finds no full name. Of the entries whose every word is in s, the one
// with the most words wins. Text of more than six words names none.
func (v *Vocabulary) RoleByWords(s string) Role {
	words := strings.Fields(Key(s))
	if len(words) > 6 {
		return RoleNone
	}
	best, most := RoleNone, 0
	for _, rw := range v.roleWords {
		if len(rw.words) > most && containsAll(words, rw.words) {
			best, most = rw.role, len(rw.words)
		}
	}
	return best
}

// SectionRole returns the role the words of a section's name lean to,
// for a name the document repeats under each question that names no
// part outright ("What the panel enjoyed"): each entry of sectionWords
// whose words are all in the name counts for its role, and the role
// with the most wins. A tie, or no entry, is RoleNone.
func (v *Vocabulary) SectionRole(s string) Role {
	words := strings.Fields(Key(s))
	if len(words) > 8 {
		return RoleNone
	}
	votes := map[Role]int{}
	for _, sw := range v.sectionWords {
		if containsAll(words, sw.words) {
			votes[sw.role] += len(sw.words)
		}
	}
	best, most, tie := RoleNone, 0, false
	for _, r := range Roles() {
		switch n := votes[r]; {
		case n > most:
			best, most, tie = r, n, false
		case n == most && n > 0:
			tie = true
		}
	}
	if tie {
		return RoleNone
	}
	return best
}

func containsAll(words, want []string) bool {
	for _, w := range want {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

// Level returns the level a label names: a level's name, with only
// filler words ("level", "difficulty", "engineer", …) around it, as in
// "Lead Engineer Level" or "Medium difficulty". ok is false for anything
// else: "Kafka basics" names no level, and "mid" is never found inside
// "midnight".
func (v *Vocabulary) Level(s string) (l bank.Level, ok bool) {
	k := Key(s)
	if l, ok := v.levels[k]; ok {
		return l, true
	}
	// Drop the fillers that open and end the key, a word at a time.
	for k != "" {
		first, rest, _ := strings.Cut(k, " ")
		if !v.fillers[first] {
			break
		}
		k = rest
	}
	for k != "" {
		i := strings.LastIndexByte(k, ' ')
		if !v.fillers[k[i+1:]] {
			break
		}
		k = k[:max(i, 0)]
	}
	l, ok = v.levels[k]
	return l, ok
}

// LevelIn returns the first level a text names anywhere in it, as
// whole words ("you're at a solid mid level" names stepping-up; "mid"
// is never found inside "midnight"), trying the longest name first at
// each word.
func (v *Vocabulary) LevelIn(s string) (bank.Level, bool) {
	words := strings.Fields(Key(s))
	for i := range words {
		for n := min(maxLevelWords, len(words)-i); n > 0; n-- {
			if l, ok := v.levels[strings.Join(words[i:i+n], " ")]; ok {
				return l, true
			}
		}
	}
	return 0, false
}

// maxLevelWords is the most words a level name has that LevelIn looks
// for ("lead engineer level").
const maxLevelWords = 3

// OpensWithRole reports whether text opens with a name of role
// followed by more words: "Overall you're at a solid mid level" opens
// with a name of the notes. Up to three words are tried.
func (v *Vocabulary) OpensWithRole(text string, role Role) bool {
	if len(text) > 80 {
		// Three words, and whatever decoration opens the text, fit in
		// its first 80 bytes or so: key no more than that.
		if j := strings.IndexFunc(text[80:], unicode.IsSpace); j >= 0 {
			text = text[:80+j]
		}
	}
	words := strings.Fields(Key(text))
	for n := min(3, len(words)-1); n > 0; n-- {
		if v.roles[strings.Join(words[:n], " ")] == role {
			return true
		}
	}
	return false
}

// Callout returns the role an Obsidian or GitHub callout's kind gives
// its content ("> [!success]" the strengths), or RoleNone.
func (v *Vocabulary) Callout(kind string) Role { return v.callouts[Key(kind)] }

// IsLevelLabel reports whether a label introduces a level ("Level:",
// "Difficulty:", "level::").
func (v *Vocabulary) IsLevelLabel(s string) bool { return lookup(v.fillers, s) }

// Status reads a study-plan cell: "✅ Done", "🔄 In progress", "[ ]",
// "yes", or a share done ("100%", "40%"). Of the names the cell holds (words as whole words, symbols as
// written), the one with the most words wins, and a word wins over a
// symbol: "not done" is todo, "⬜ Next" is next. ok is false when the
// cell names no status.
func (v *Vocabulary) Status(cell string) (s bank.Status, ok bool) {
	if st, ok := percentStatus(cell); ok {
		return st, true
	}
	best, bestScore := bank.Todo, 0
	consider := func(name string, score int) {
		// Of names that score alike, the most advanced status wins, so
		// that the result does not depend on the order names are found.
		if st := v.statuses[name]; score > bestScore || score == bestScore && st > best {
			best, bestScore = st, score
		}
	}
	for name := range v.statusWords.in(Key(cell)) {
		consider(name, 2+strings.Count(name, " "))
	}
	symbols := symbolKey(cell)
	for _, name := range v.statusSymbols {
		if strings.Contains(symbols, name) {
			consider(name, 1)
		}
	}
	return best, bestScore > 0
}

// percentStatus reads a share done ("100%" done, "0%" to do, any
// other share under way).
func percentStatus(cell string) (bank.Status, bool) {
	p, ok := strings.CutSuffix(strings.TrimSpace(cell), "%")
	if !ok {
		return bank.Todo, false
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(strings.ReplaceAll(p, ",", ".")), 64)
	switch {
	case err != nil || n < 0 || n > 100:
		return bank.Todo, false
	case n == 100:
		return bank.Done, true
	case n == 0:
		return bank.Todo, true
	}
	return bank.Next, true
}

// StatusName returns the status a heading names when the whole of it is
// a status's name ("Done", "In progress", "Backlog"): a Kanban lane.
func (v *Vocabulary) StatusName(s string) (bank.Status, bool) {
	k := Key(s)
	st, ok := v.statuses[k]
	// Not a symbol or a letter ("[x]" keys to "x", "Y" is yes).
	return st, ok && !isSymbol(k) && utf8.RuneCountInString(k) > 1
}

// IsQuestionWord reports whether w numbers a question ("Question",
// "Q", "Pregunta").
func (v *Vocabulary) IsQuestionWord(w string) bool { return lookup(v.questions, w) }

// IsSpeaker reports whether a heading names a turn of a chat export by
// the name chat tools give it ("User", "Assistant", "ChatGPT").
func (v *Vocabulary) IsSpeaker(s string) bool { return lookup(v.speakers, s) }

// IsPhrasingLabel reports whether a label introduces a suggested
// phrasing ("Try saying", "Better").
func (v *Vocabulary) IsPhrasingLabel(s string) bool { return v.phrasing[Key(s)] }

// maxPhrasingWords bounds a label that a word of saying makes a
// phrasing label: "Line to say it with" is one, a sentence is not.
const maxPhrasingWords = 4

// SaysPhrasing reports whether a label that ends in a colon introduces
// a suggested phrasing by its words: a phrasing label's name, or a
// label of at most four words holding a word of saying ("Rephrase:",
// "Phrase it as:", "Formuliere so:"). Without the colon such words are
// prose ("Second paragraph of phrasing").
func (v *Vocabulary) SaysPhrasing(label string) bool {
	k := Key(label)
	if v.phrasing[k] {
		return true
	}
	words := strings.Fields(k)
	if len(words) > maxPhrasingWords {
		return false
	}
	for _, w := range words {
		if v.phrasingWords[w] {
			return true
		}
	}
	return false
}

// IsNotTerm reports whether a bold label is one that is never a
// glossary term ("Note", "Tip", "Target role"), or names a role.
func (v *Vocabulary) IsNotTerm(s string) bool {
	k := Key(s)
	return v.notTerms[k] || v.roles[k] != RoleNone
}

// IsClosing reports whether a paragraph reads as a closing chat line:
// short, and either holding an ending ("That's the end of the
// questions.") or ending in "?" or "!" (emoji aside) and holding a
// closing phrase ("Ready for the next topic?").
func (v *Vocabulary) IsClosing(s string) bool {
	if len(s) > 300 {
		return false // a closing line is short
	}
	s = TrimDecoration(s)
	k := Key(s)
	if v.endings.holds(k) {
		return true
	}
	return (strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")) && v.closings.holds(k)
}

// Mark returns the role a mark opening s gives a point of feedback
// ("✅ Clear definition" is a strength, "⚠️ Missed X" a gap), or
// RoleNone.
func (v *Vocabulary) Mark(s string) Role {
	s = strings.TrimSpace(s)
	end := strings.IndexFunc(s, func(r rune) bool { return isWordRune(r) || unicode.IsSpace(r) })
	if end < 0 {
		end = len(s)
	}
	if end == 0 {
		return RoleNone
	}
	return v.marks[symbolKey(s[:end])]
}

// Choice reads the mark that opens an option of a multiple-choice
// question ("● RUN", "○ ENV", "[x] -v appdata:/data", "(x) B"): chosen
// says whether the mark is the one a chosen option carries, rest is the
// option after it. ok is false when s opens with no such mark or holds
// nothing after it.
func (v *Vocabulary) Choice(s string) (chosen bool, rest string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return false, "", false
	}
	n := 0
	if s[0] == '[' || s[0] == '(' {
		// "[x]", "( )", "(•)": a mark between brackets.
		if i := strings.IndexAny(s[1:], "])"); i >= 0 && i <= 4 {
			n = i + 2
		}
	}
	if n == 0 {
		var r rune
		r, n = utf8.DecodeRuneInString(s)
		if isWordRune(r) {
			return false, "", false // "x = 5" opens with a word, not a mark
		}
		for _, vs := range []string{"\uFE0F", "\uFE0E"} {
			if strings.HasPrefix(s[n:], vs) {
				n += len(vs)
			}
		}
	}
	chosen, ok = v.choices[Key(s[:n])]
	rest = strings.TrimSpace(s[n:])
	return chosen, rest, ok && rest != ""
}

// Verdict returns the role a rubric's cell gives its criterion when the
// whole cell names a verdict: "Met", "Pass" (strengths), "Not met",
// "Partially", "Fail" (gaps). RoleNone otherwise.
func (v *Vocabulary) Verdict(cell string) Role { return v.verdicts[Key(cell)] }

// PlanColumn says what a study-plan table's column holds, by its header.
func (v *Vocabulary) PlanColumn(header string) PlanColumn {
	if strings.TrimSpace(header) == "" {
		return PlanNumber
	}
	return v.planCols[Key(header)]
}

// TermColumn says what a glossary table's column holds, by its header:
// its whole name ("Term", "What it means"), or for a definition one of
// its words ("In a plan it means").
func (v *Vocabulary) TermColumn(header string) TermColumn {
	k := Key(header)
	if c, ok := v.termCols[k]; ok {
		return c
	}
	for _, w := range strings.Fields(k) {
		if v.termCols[w] == TermDefinition {
			return TermDefinition
		}
	}
	return TermOther
}

// TopicName returns the topic a document title names, without the words
// around it: "Mock Interview — Kubernetes", "Kubernetes Study Guide"
// and "Python — key concepts for interviews" are about the first
// word(s). Of two parts a separator joins, the one without such words is
// kept. A title that is nothing but such words is returned as it is,
// decoration aside.
func (v *Vocabulary) TopicName(title string) string {
	s := TrimDecoration(strings.TrimSpace(title))
	if open := strings.LastIndex(s, "("); open > 0 && strings.HasSuffix(s, ")") {
		switch inner, before := s[open+1:len(s)-1], strings.TrimSpace(s[:open]); {
		case v.documentKind(inner):
			s = before // "URL shortener (practice)"
		case v.documentKind(before) && strings.TrimSpace(inner) != "":
			return strings.TrimSpace(inner) // "Practice interview (Postgres)"
		}
	}
	for _, sep := range []string{" — ", " – ", " - ", ": ", " | ", " · ", "："} {
		a, b, ok := strings.Cut(s, sep)
		if !ok || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
			continue
		}
		// "Session export — OAuth", "Kafka — practice session results":
		// the side that only says what kind of document this is goes.
		switch da, db := v.documentKind(a), v.documentKind(b); {
		case da && !db:
			return v.TopicName(b)
		case db && !da:
			return v.TopicName(a)
		}
		switch ta, tb := v.hasTitleWord(a), v.hasTitleWord(b); {
		case ta && (!tb || v.onlyTitleWords(a)):
			return strings.TrimSpace(b)
		case ta || tb:
			s = a
		}
		break
	}
	if v.onlyTitleWords(s) {
		return s
	}
	return v.stripTitleWords(TrimDecoration(s))
}

// onlyTitleWords reports whether s holds nothing but title words.
// Connectors around them do not count ("My study plan" is all title
// words): the title names no topic of its own.
func (v *Vocabulary) onlyTitleWords(s string) bool {
	words := strings.Fields(Key(s))
	named := false
	for len(words) > 0 {
		switch n := v.titleWordAt(words, false); {
		case n > 0:
			words, named = words[n:], true
		case v.connectors[words[0]]:
			words = words[1:]
		default:
			return false
		}
	}
	return named
}

// documentKind reports whether s names a kind of document and nothing
// else: every word of it is a document word or a connector, or stands
// in a title word ("Mock interview", "practice session results",
// "Proefgesprek"), and one at least is not a connector; or it is a
// name of a glossary or a study plan ("Glosario", "Study plan").
func (v *Vocabulary) documentKind(s string) bool {
	k := Key(s)
	if r := v.roles[k]; r == RoleGlossary || r == RolePlan {
		return true // "Glosario", "Study plan", "用語集": what the document holds
	}
	words := strings.Fields(k)
	named := false
	for len(words) > 0 {
		switch n := v.titleWordAt(words, false); {
		case n > 0:
			words, named = words[n:], true
		case len(words) > 1 && v.documentWords[words[0]+" "+words[1]]:
			words, named = words[2:], true // "kết quả"
		case v.documentWords[words[0]]:
			words, named = words[1:], true
		case v.connectors[words[0]]:
			words = words[1:]
		default:
			return false
		}
	}
	return named
}

func (v *Vocabulary) hasTitleWord(s string) bool {
	words := strings.Fields(Key(s))
	for i := range words {
		if v.titleWordAt(words[i:], false) > 0 {
			return true
		}
	}
	return false
}

// titleWordAt returns the length of the title word that opens words (or
// ends them, when atEnd is set), 0 for none.
func (v *Vocabulary) titleWordAt(words []string, atEnd bool) int {
	for n := min(v.titleLen, len(words)); n > 0; n-- { // longest first
		at := words[:n]
		if atEnd {
			at = words[len(words)-n:]
		}
		if v.titleWords[strings.Join(at, " ")] {
			return n
		}
	}
	return 0
}

// stripTitleWords drops title words, and the connectors next to them,
// from both ends of s, keeping at least one word.
func (v *Vocabulary) stripTitleWords(s string) string {
	for {
		words := strings.Fields(Key(s))
		switch {
		case len(words) < 2:
			return s
		case v.titleWordAt(words, true) > 0 && v.titleWordAt(words, true) < len(words):
			s = beforeWords(s, v.titleWordAt(words, true))
			for w := strings.Fields(Key(s)); len(w) > 1 && v.connectors[w[len(w)-1]]; w = strings.Fields(Key(s)) {
				s = beforeWords(s, 1)
			}
		case v.titleWordAt(words, false) > 0 && v.titleWordAt(words, false) < len(words):
			s = afterWords(s, v.titleWordAt(words, false))
			for w := strings.Fields(Key(s)); len(w) > 1 && v.connectors[w[0]]; w = strings.Fields(Key(s)) {
				s = afterWords(s, 1)
			}
		default:
			return s
		}
	}
}

// afterWords returns s after its first n words (as Key counts them),
// separators trimmed.
func afterWords(s string, n int) string {
	i := 0
	for ; n > 0; n-- {
		i = skipWord(s, i)
	}
	return TrimDecoration(trimLeadingSeparators(s[i:]))
}

// beforeWords returns s without its last n words, separators trimmed.
func beforeWords(s string, n int) string {
	var ends []int // where each word ends
	for i := 0; i < len(s); {
		j := skipWord(s, i)
		if !hasWord(s[i:j]) {
			break
		}
		ends = append(ends, j)
		i = j
	}
	if len(ends) <= n {
		return ""
	}
	rest := strings.TrimRightFunc(s[:ends[len(ends)-n-1]], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(":—–-|·", r)
	})
	return TrimDecoration(rest)
}

// skipWord returns the index just past the word at or after i.
func skipWord(s string, i int) int {
	for i < len(s) && !wordAt(s, i) {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	for i < len(s) && (wordAt(s, i) || s[i] == '\'') {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return i
}

func hasWord(s string) bool { return strings.IndexFunc(s, isWordRune) >= 0 }

func wordAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func trimLeadingSeparators(s string) string {
	for {
		t := TrimSeparator(strings.TrimSpace(s))
		if t == s {
			return t
		}
		s = t
	}
}

// InferLevel returns the level of a question that names none, from its
// position i (0-based) among the n questions of its document: the first
// third warm-up, the middle stepping-up, the last lead.
func InferLevel(i, n int) bank.Level {
	if n <= 0 || i < 0 || i >= n {
		return bank.WarmUp
	}
	return bank.WarmUp + bank.Level(3*i/n)
}
