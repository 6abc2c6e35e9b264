package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
)

// field is one "key: value" line of a field list under a question.
type field struct {
	key, value string
	pos        bank.Pos
}

// maxFieldKeyWords bounds a field's key: "your_answer", "Time spent",
// "Rubric score" are keys, a sentence with a colon in it is not.
const maxFieldKeyWords = 4

// fieldList reads a list inside a question whose every item is one
// field, "key: value" ("- **difficulty:** medium", "- prompt: "…"",
// "- score: 6/10"), the way study apps export a question. It reports
// whether the list was one (see readFields).
func (d *doc) fieldList(l *ast.List) bool {
	if !d.fieldsFit() || l.ChildCount() < 2 {
		return false
	}
	var fs []field
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		p := it.FirstChild()
		if !isTextBlock(p) || p.NextSibling() != nil {
			return false // a field is one paragraph
		}
		f, ok := d.fieldOf(d.plain(p), d.pos(it))
		if !ok {
			return false
		}
		fs = append(fs, f)
	}
	return d.readFields(fs)
}

// fieldLines reads a paragraph inside a question whose every line is
// one field ("Difficulty: Medium" then "Prompt: …" on the next line). It
// reports whether the paragraph was one (see readFields).
func (d *doc) fieldLines(p *ast.Paragraph) bool {
	if !d.fieldsFit() {
		return false
	}
	lines := d.paragraphLines(p)
	if len(lines) < 2 {
		return false
	}
	var fs []field
	for k, start := range lines {
		var stop ast.Node
		if k+1 < len(lines) {
			stop = lines[k+1]
		}
		pos := d.pos(p)
		if t, ok := start.(*ast.Text); ok {
			pos = d.lines.pos(t.Segment.Start)
		}
		f, ok := d.fieldOf(d.inlineText(start, stop), pos)
		if !ok {
			return false
		}
		fs = append(fs, f)
	}
	return d.readFields(fs)
}

// fieldsFit reports whether a field list may stand where the walk is:
// in a question, before its model answer, outside a section kept as
// extra and outside its strengths and gaps (whose "**Clarity:** good"
// points look alike).
func (d *doc) fieldsFit() bool {
	if d.q == nil || d.extra != nil {
		return false
	}
	switch d.role {
	case vocab.RoleNone, vocab.RolePrompt, vocab.RoleResponse, vocab.RoleFeedback, vocab.RoleScore:
		return true
	}
	return false
}

// fieldOf reads one line of text as a field: a short key, a colon, the
// value. Quotation marks around the value are the field's syntax, not
// the value's.
func (d *doc) fieldOf(text string, pos bank.Pos) (field, bool) {
	text = halfwidth.Replace(text)
	if strings.Contains(text, "\n") {
		return field{}, false
	}
	head, value, ok := strings.Cut(text, ":")
	key := vocab.TrimDecoration(head)
	if !ok || key == "" || len(strings.Fields(vocab.Key(key))) > maxFieldKeyWords || strings.ContainsAny(key, ".?!") {
		return field{}, false
	}
	return field{key: key, value: vocab.Unquote(strings.TrimSpace(value)), pos: pos}, true
}

// fieldKind is what a field gives the question.
type fieldKind int

const (
	fieldOther fieldKind = iota // a key bankgen does not know: kept as extra
	fieldLevel                  // "difficulty: medium"
	fieldScore                  // "score: 6/10", "rubric_score: 70/100"
	fieldRole                   // a part's name: prompt, your answer, …
)

// fieldKindOf says what a field gives: a level when its key introduces
// one and its value names one, the part its key names (snake_case and
// kebab-case keys read as words), or a score when its value is one.
func (d *doc) fieldKindOf(f field) (fieldKind, vocab.Role) {
	if d.v.IsLevelLabel(f.key) {
		if _, ok := d.v.Level(f.value); ok {
			return fieldLevel, vocab.RoleNone
		}
	}
	role, _ := d.roleOf(f.key)
	switch {
	case role == vocab.RoleScore:
		return fieldScore, role
	case role == vocab.RolePrompt && !asks(f.value) && len(strings.Fields(f.value)) < 3:
		// "Interviewer: Sam" names who asked, not what.
		return fieldOther, vocab.RoleNone
	case role.InQuestion():
		return fieldRole, role
	case isScore(f.value):
		return fieldScore, vocab.RoleScore
	}
	return fieldOther, vocab.RoleNone
}

// readFields reads the fields of a field list when at least one of
// them gives the question its prompt, response, level or score, or when
// the list stands right under the question's heading, before any prompt,
// and each value is short ("- Category: tokens", "- Source: RFC 6749"):
// the question's metadata, not its prompt. Each known field gives its
// part (the prompt without key or quotes, the level as written, the
// score as written), and each other field is kept as an extra section
// named by its key, with a warning. It reports whether the fields were
// read.
func (d *doc) readFields(fs []field) bool {
	known := false
	short := d.role == vocab.RoleNone && (d.q.Prompt == "" || d.titlePrompt)
	for _, f := range fs {
		kind, role := d.fieldKindOf(f)
		known = known || kind == fieldLevel || kind == fieldScore ||
			kind == fieldRole && (role == vocab.RolePrompt || role == vocab.RoleResponse)
		short = short && len(strings.Fields(f.value)) <= maxFieldKeyWords+2
	}
	if !known && !short {
		return false
	}
	for _, f := range fs {
		switch kind, role := d.fieldKindOf(f); kind {
		case fieldLevel:
			d.fieldLevel(f)
		case fieldScore:
			if d.q.Score == "" && d.setScore(f.value, true, f.pos) {
				d.record(f.pos, "field", f.key, d.inQuestion(ReadScore))
			} else {
				d.otherField(f)
			}
		case fieldRole:
			if role == vocab.RolePrompt {
				d.role, d.extra = vocab.RolePrompt, nil
				d.addPrompt(f.value)
				d.record(f.pos, "field", f.key, d.inQuestion(ReadPrompt))
				continue
			}
			d.openRole(role, f.value, 0, f.pos, f.key, nil)
		default:
			d.otherField(f)
		}
	}
	d.extra = nil // what follows the list is not the last field's
	return true
}

// fieldLevel gives the question the level a field names, when its
// heading named none; a field that names another level than the
// heading's is kept as an extra section, with a warning.
func (d *doc) fieldLevel(f field) {
	lv, _ := d.v.Level(f.value)
	switch {
	case d.q.LevelInferred:
		d.giveLevel(lv, vocab.TrimDecoration(f.value))
	case lv != d.q.Level:
		d.warn(f.pos, "field %q of question %d names another level than its heading (%s); kept as an extra section", f.key, d.q.Number, d.q.Level)
		d.keepField(f)
		return
	}
	r := d.inQuestion(ReadQuestion)
	r.Level, r.Label = d.q.Level, d.q.Label
	d.record(f.pos, "field", f.key+": "+f.value, r)
}

// otherField keeps a field whose key names no part as an extra section
// of the question, named by the key, and says how to name it.
func (d *doc) otherField(f field) {
	d.warn(f.pos, "field %q of question %d names no part bankgen knows; kept as an extra section (if it is one, add its name under roles in %s)", f.key, d.q.Number, vocab.ConfigName)
	d.keepField(f)
}

// keepField keeps a field as an extra section of the question, named by
// its key.
func (d *doc) keepField(f field) {
	d.startExtra(f.key, f.pos)
	if f.value != "" {
		d.extra.Blocks = append(d.extra.Blocks, bank.Block{Kind: bank.KindParagraph, Text: f.value, Pos: f.pos})
	}
	d.record(f.pos, "field", f.key, d.inQuestion(ReadExtra))
}

// maxAskerWords bounds the label before a prompt: "Asked by Priya
// Raman", "Interviewer (Sam)".
const maxAskerWords = 5

// dropAsker returns a prompt's text without the label that says who
// asks, when it opens with one: a name the vocabulary gives the prompt
// or a chat turn ("Interviewer:", "Prompt:", "Q:", "Asked by:"),
// optionally followed by a person's name ("Asked by Priya:",
// "Interviewer (Sam):"), or a person's name alone (one to three
// capitalised words) before a question ("Sam: How would you …?").
func (d *doc) dropAsker(text string) string {
	head, rest, ok := strings.Cut(halfwidth.Replace(text), ":")
	rest = strings.TrimSpace(rest)
	words := strings.Fields(vocab.Key(head))
	if !ok || rest == "" || len(words) == 0 || len(words) > maxAskerWords || strings.ContainsAny(head, ".?!\n") {
		return text
	}
	// The longest run of opening words that names the asker's part.
	named := 0
	for n := len(words); n > 0; n-- {
		k := strings.Join(words[:n], " ")
		if d.v.Role(k) == vocab.RolePrompt || d.v.IsSpeaker(k) {
			named = n
			break
		}
	}
	name := strings.TrimSpace(afterWords(head, named))
	switch {
	case named > 0 && (name == "" || personName(name)):
	case named == 0 && personName(name) && opensSentence(rest) && (asks(rest) || vocab.IsQuoted(rest)):
	default:
		return text
	}
	return rest
}

// afterWords returns s after its first n words, as vocab.Key counts
// them, brackets and separators trimmed.
func afterWords(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		for i < len(s) && !isWordByte(s, i) {
			i++
		}
		for i < len(s) && (isWordByte(s, i) || s[i] == '\'') {
			i++
		}
	}
	return strings.Trim(s[i:], " ()[]—–-,")
}

// isWordByte reports whether s[i] is part of a word: a letter or digit,
// or any byte of a character outside ASCII.
func isWordByte(s string, i int) bool {
	c := s[i]
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// personName reports whether s reads as a person's name: one to three
// words, each a capital letter and then small letters only ("Priya
// Raman"; not "Cache-Control", "SQL" or "OAuth", which name a subject).
func personName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || size == len(w) || strings.IndexFunc(w[size:], func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
			return false
		}
	}
	return true
}

// opensSentence reports whether s opens as a sentence does: with a
// capital letter, or a quotation mark.
func opensSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || strings.ContainsRune(`"“«„'`, r)
}
