package vocab

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"go.yaml.in/yaml/v3"
)

// table is the embedded vocabulary, compiled from the files in words/
// (see words/README.md): one name a line, "key<TAB>group<TAB>name", the
// name already reduced to its Key. Reading it is a split per line, where
// decoding the YAML at every start would cost several milliseconds.
// TestTable rebuilds it from words/ and fails when it is stale.
//
//go:embed words.tsv
var table string

var defaultVocab = func() *Vocabulary {
	v := (&Vocabulary{}).clone()
	for line := range strings.Lines(table) {
		key, rest, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		group, name, ok := strings.Cut(rest, "\t")
		if !ok {
			panic("vocab: words.tsv: malformed line " + line)
		}
		v.add(entry{key, group, name})
	}
	return v
}()

// Default returns bankgen's own vocabulary, compiled from the files in
// words/. It must not be changed; Extend returns changed copies.
func Default() *Vocabulary { return defaultVocab }

// ConfigName is the name of the file, beside the sources, that extends
// the vocabulary.
const ConfigName = "bankgen.yaml"

// Error is a problem in a vocabulary file, at a position in it.
type Error struct {
	Pos bank.Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every problem found in one vocabulary file, in order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Extend returns a copy of v with the names of a bankgen.yaml added.
// Decoding is strict: a key it does not know, a role, level or status
// that does not exist, or a name that is not text is an error, returned
// as an ErrorList whose positions name file and the line and column in
// data. v itself never changes.
func (v *Vocabulary) Extend(data []byte, file string) (*Vocabulary, error) {
	return v.extend(data, file, 0)
}

// ExtendFrontMatter is Extend for the front matter of a document, data
// being its text from line line+1 of file on: it adds the names under
// the vocabulary's keys (roles, levels, statuses, …) and ignores the
// document's own keys (title, tags, date, …).
func (v *Vocabulary) ExtendFrontMatter(data []byte, file string, line int) (*Vocabulary, error) {
	return v.extend(data, file, line)
}

func (v *Vocabulary) extend(data []byte, file string, line int) (*Vocabulary, error) {
	entries, err := decode(data, file, line, false)
	if err != nil {
		return nil, err
	}
	c := v.clone()
	for _, e := range entries {
		c.add(e)
	}
	return c, nil
}

// Keys lists the top-level keys a user's file may hold.
func Keys() []string {
	return slices.Sorted(maps.Keys(userKeys))
}

// userKeys are the keys a bankgen.yaml or front matter may set. The
// embedded files also hold "write".
var userKeys = map[string]bool{
	"roles": true, "levels": true, "statuses": true, "levelFillers": true, "questions": true, "speakers": true,
	"phrasing": true, "notTerms": true, "marks": true, "verdicts": true, "roleWords": true, "sectionWords": true, "endings": true, "connectors": true, "callouts": true, "titleWords": true, "documentWords": true, "phrasingWords": true, "closings": true, "planColumns": true, "termColumns": true, "choices": true,
}

// An entry is one name of a vocabulary: the key it is listed under
// ("roles", "levels", "phrasing", …), its group under that key
// ("strengths", "lead"; "" for a plain list of names) and the name's
// Key. Under "write", the group is the path of a word the exporter
// writes ("headings.gaps") and the name the word as written.
type entry struct{ key, group, name string }

// groupsOf says which groups each grouped key has; the other user keys
// are plain lists of names.
var groupsOf = map[string]func(string) bool{
	"roles":        isRole,
	"roleWords":    isRole,
	"sectionWords": isRole,
	"callouts":     isRole,
	"levels": func(name string) bool {
		_, err := bank.ParseLevel(name)
		return err == nil && name != "unknown"
	},
	"statuses": func(name string) bool { _, err := bank.ParseStatus(name); return err == nil },
	"marks":    func(name string) bool { return name == "strengths" || name == "gaps" },
	"verdicts": func(name string) bool { return name == "strengths" || name == "gaps" },
	"planColumns": func(name string) bool {
		return name == "number" || name == "topic" || name == "status"
	},
	"termColumns": func(name string) bool { return name == "term" || name == "definition" },
	"choices":     func(name string) bool { return name == "chosen" || name == "open" },
}

// groupWord names a key's groups in messages.
var groupWord = map[string]string{
	"roles": "role", "roleWords": "role", "sectionWords": "role", "callouts": "role", "marks": "role", "verdicts": "role",
	"levels": "level", "statuses": "status", "planColumns": "column", "termColumns": "column", "choices": "kind",
}

func isRole(name string) bool { return slices.Contains(Roles(), Role(name)) }

// add puts one name into v.
func (v *Vocabulary) add(e entry) {
	switch e.key {
	case "roles":
		v.roles[e.name] = Role(e.group)
	case "levels":
		lv, _ := bank.ParseLevel(e.group)
		v.levels[e.name] = lv
	case "statuses":
		st, _ := bank.ParseStatus(e.group)
		if _, known := v.statuses[e.name]; !known {
			if isSymbol(e.name) {
				v.statusSymbols = append(v.statusSymbols, e.name)
			} else {
				v.statusWords.add(e.name)
			}
		}
		v.statuses[e.name] = st
	case "planColumns":
		v.planCols[e.name] = map[string]PlanColumn{"number": PlanNumber, "topic": PlanTopic, "status": PlanStatus}[e.group]
	case "termColumns":
		v.termCols[e.name] = map[string]TermColumn{"term": TermName, "definition": TermDefinition}[e.group]
	case "roleWords":
		v.roleWords = append(v.roleWords, roleWord{words: strings.Fields(e.name), role: Role(e.group)})
	case "sectionWords":
		v.sectionWords = append(v.sectionWords, roleWord{words: strings.Fields(e.name), role: Role(e.group)})
	case "callouts":
		v.callouts[e.name] = Role(e.group)
	case "marks":
		v.marks[e.name] = Role(e.group)
	case "verdicts":
		v.verdicts[e.name] = Role(e.group)
	case "choices":
		v.choices[e.name] = e.group == "chosen"
	case "levelFillers":
		v.fillers[e.name] = true
	case "questions":
		v.questions[e.name] = true
	case "speakers":
		v.speakers[e.name] = true
	case "phrasing":
		v.phrasing[e.name] = true
	case "phrasingWords":
		v.phrasingWords[e.name] = true
	case "notTerms":
		v.notTerms[e.name] = true
	case "titleWords":
		v.titleWords[e.name] = true
		v.titleLen = max(v.titleLen, strings.Count(e.name, " ")+1)
	case "documentWords":
		v.documentWords[e.name] = true
	case "closings":
		v.closings.add(e.name)
	case "endings":
		v.endings.add(e.name)
	case "connectors":
		v.connectors[e.name] = true
	case "write":
		v.Write.set(e.group, e.name)
	}
}

// set stores a word the exporter writes, by its path.
func (w *Writing) set(path, text string) {
	if w.Headings == nil {
		w.Headings, w.Statuses = map[Role]string{}, map[bank.Status]string{}
	}
	switch group, name, _ := strings.Cut(path, "."); group {
	case "interview":
		w.Interview = text
	case "guide":
		w.Guide = text
	case "plan":
		w.Plan = text
	case "question":
		w.Question = text
	case "separator":
		w.Separator = text
	case "headings":
		w.Headings[Role(name)] = text
	case "statuses":
		st, _ := bank.ParseStatus(name)
		w.Statuses[st] = text
	}
}

// loader decodes one file into entries.
type loader struct {
	file    string
	line    int // added to the lines yaml reports
	errs    ErrorList
	entries []entry
}

func (l *loader) fail(n *yaml.Node, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: bank.Pos{File: l.file, Line: n.Line + l.line, Col: n.Column}, Msg: fmt.Sprintf(format, args...)})
}

// decode reads a vocabulary file into entries, checking every key,
// group and name. data is the file's text from line line+1 on: a
// document's front matter, whose other keys (title, tags, …) are
// skipped. own is set for bankgen's own files, which alone may hold
// "write".
func decode(data []byte, file string, line int, own bool) ([]entry, error) {
	frontMatter := line > 0
	l := &loader{file: file, line: line}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil // an empty file adds nothing
		}
		return nil, ErrorList{{Pos: bank.Pos{File: file, Line: line + yamlErrLine(err)}, Msg: err.Error()}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		l.fail(root, "expected a mapping of keys (%s)", strings.Join(Keys(), ", "))
		return nil, l.errs
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, val := root.Content[i], root.Content[i+1]
		key := k.Value
		switch {
		case key == "write" && own:
			l.writing(val)
		case !userKeys[key]:
			if !frontMatter {
				l.fail(k, "unknown key %q (known: %s)", key, strings.Join(Keys(), ", "))
			}
		case groupsOf[key] != nil:
			l.groups(val, key)
		default:
			l.names(val, func(name string) { l.entries = append(l.entries, entry{key, "", name}) })
		}
	}
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	return l.entries, nil
}

// groups decodes a mapping of groups (roles, levels, …) to lists of
// names.
func (l *loader) groups(n *yaml.Node, key string) {
	what := groupWord[key]
	if n.Kind != yaml.MappingNode {
		l.fail(n, "expected a mapping of %ss to lists of names", what)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !groupsOf[key](k.Value) {
			l.fail(k, "unknown %s %q", what, k.Value)
			continue
		}
		l.names(val, func(name string) { l.entries = append(l.entries, entry{key, k.Value, name}) })
	}
}

// names decodes a list of names (or one name) and calls add with the
// key of each.
func (l *loader) names(n *yaml.Node, add func(key string)) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	for _, it := range items {
		if it.Kind != yaml.ScalarNode {
			l.fail(it, "expected a name or a list of names")
			continue
		}
		key := Key(it.Value)
		if key == "" {
			l.fail(it, "empty name")
			continue
		}
		add(key)
	}
}

// writing decodes the words the exporter writes.
func (l *loader) writing(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		l.fail(n, "write: expected a mapping")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "interview", "guide", "plan", "question", "separator":
			if val.Kind != yaml.ScalarNode {
				l.fail(val, "write.%s: expected text", k.Value)
				continue
			}
			l.entries = append(l.entries, entry{"write", k.Value, val.Value})
		case "headings":
			l.textMap(val, k.Value, isRole)
		case "statuses":
			l.textMap(val, k.Value, func(name string) bool { _, err := bank.ParseStatus(name); return err == nil })
		default:
			l.fail(k, "write: unknown key %q", k.Value)
		}
	}
}

func (l *loader) textMap(n *yaml.Node, group string, known func(string) bool) {
	if n.Kind != yaml.MappingNode {
		l.fail(n, "expected a mapping")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if val.Kind != yaml.ScalarNode || !known(k.Value) || strings.ContainsAny(val.Value, "\t\n") {
			l.fail(k, "unknown or invalid entry %q", k.Value)
			continue
		}
		l.entries = append(l.entries, entry{"write", group + "." + k.Value, val.Value})
	}
}

// clone returns a deep copy of v, with every map made.
func (v *Vocabulary) clone() *Vocabulary {
	c := &Vocabulary{
		roles:         cloneMap(v.roles),
		levels:        cloneMap(v.levels),
		statuses:      cloneMap(v.statuses),
		fillers:       cloneMap(v.fillers),
		questions:     cloneMap(v.questions),
		speakers:      cloneMap(v.speakers),
		phrasing:      cloneMap(v.phrasing),
		phrasingWords: cloneMap(v.phrasingWords),
		notTerms:      cloneMap(v.notTerms),
		titleWords:    cloneMap(v.titleWords),
		documentWords: cloneMap(v.documentWords),
		closings:      v.closings.clone(),
		endings:       v.endings.clone(),
		connectors:    cloneMap(v.connectors),
		marks:         cloneMap(v.marks),
		verdicts:      cloneMap(v.verdicts),
		choices:       cloneMap(v.choices),
		roleWords:     slices.Clone(v.roleWords),
		sectionWords:  slices.Clone(v.sectionWords),
		callouts:      cloneMap(v.callouts),
		planCols:      cloneMap(v.planCols),
		termCols:      cloneMap(v.termCols),
		Write:         v.Write,

		titleLen:      v.titleLen,
		statusWords:   v.statusWords.clone(),
		statusSymbols: slices.Clip(v.statusSymbols),
	}
	return c
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	return maps.Clone(m)
}

// yamlErrLine digs the line number out of a yaml error ("yaml: line 7: …").
func yamlErrLine(err error) int {
	_, after, ok := strings.Cut(err.Error(), "line ")
	if !ok {
		return 1
	}
	n := 0
	for _, c := range after {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return max(n, 1)
}
