package vocab

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"go.yaml.in/yaml/v3"
)

//go:embed vocab.yaml
var defaultYAML []byte

var defaultVocab = func() *Vocabulary {
	v, err := (&Vocabulary{}).extend(defaultYAML, "vocab.yaml", 0, true)
	if err != nil {
		panic("vocab: the embedded vocab.yaml is invalid: " + err.Error())
	}
	return v
}()

// Default returns bankgen's own vocabulary, read from the embedded
// vocab.yaml. It must not be changed; Extend returns changed copies.
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
	return v.extend(data, file, 0, false)
}

// ExtendFrontMatter is Extend for the front matter of a document, data
// being its text from line line+1 of file on: it adds the names under
// the vocabulary's keys (roles, levels, statuses, …) and ignores the
// document's own keys (title, tags, date, …).
func (v *Vocabulary) ExtendFrontMatter(data []byte, file string, line int) (*Vocabulary, error) {
	return v.extend(data, file, line, false)
}

// Keys lists the top-level keys a user's file may hold.
func Keys() []string {
	return slices.Sorted(maps.Keys(userKeys))
}

// userKeys are the keys a bankgen.yaml or front matter may set. The
// embedded file also holds "write".
var userKeys = map[string]bool{
	"roles": true, "levels": true, "statuses": true, "levelFillers": true, "questions": true, "speakers": true,
	"phrasing": true, "notTerms": true, "marks": true, "roleWords": true, "endings": true, "connectors": true, "callouts": true, "titleWords": true, "closings": true, "planColumns": true, "termColumns": true,
}

// loader decodes one file into a copy of a vocabulary.
type loader struct {
	v    *Vocabulary
	file string
	line int // added to the lines yaml reports
	errs ErrorList
}

func (l *loader) fail(n *yaml.Node, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: bank.Pos{File: l.file, Line: n.Line + l.line, Col: n.Column}, Msg: fmt.Sprintf(format, args...)})
}

// extend decodes data into a copy of v. own is set for the embedded
// file, which alone may hold "write"; frontMatter skips keys that are
// not the vocabulary's.
func (v *Vocabulary) extend(data []byte, file string, line int, own bool) (*Vocabulary, error) {
	frontMatter := line > 0
	l := &loader{v: v.clone(), file: file, line: line}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return l.v, nil // an empty file adds nothing
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
		default:
			l.key(key, val)
		}
	}
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	l.v.sortLists()
	return l.v, nil
}

// key decodes one of the user's keys.
func (l *loader) key(key string, val *yaml.Node) {
	v := l.v
	switch key {
	case "roles":
		l.groups(val, "role", func(name string) bool { return slices.Contains(Roles(), Role(name)) }, func(group, name string) {
			v.roles[name] = Role(group)
		})
	case "levels":
		l.groups(val, "level", func(name string) bool { _, err := bank.ParseLevel(name); return err == nil && name != "unknown" },
			func(group, name string) {
				lv, _ := bank.ParseLevel(group)
				v.levels[name] = lv
			})
	case "statuses":
		l.groups(val, "status", func(name string) bool { _, err := bank.ParseStatus(name); return err == nil }, func(group, name string) {
			st, _ := bank.ParseStatus(group)
			v.statuses[name] = st
		})
	case "planColumns":
		cols := map[string]PlanColumn{"number": PlanNumber, "topic": PlanTopic, "status": PlanStatus}
		l.groups(val, "column", func(name string) bool { return cols[name] != 0 }, func(group, name string) { v.planCols[name] = cols[group] })
	case "termColumns":
		cols := map[string]TermColumn{"term": TermName, "definition": TermDefinition}
		l.groups(val, "column", func(name string) bool { return cols[name] != 0 }, func(group, name string) { v.termCols[name] = cols[group] })
	case "roleWords":
		l.groups(val, "role", func(name string) bool { return slices.Contains(Roles(), Role(name)) }, func(group, name string) {
			v.roleWords = append(v.roleWords, roleWord{words: strings.Fields(name), role: Role(group)})
		})
	case "callouts":
		l.groups(val, "role", func(name string) bool { return slices.Contains(Roles(), Role(name)) }, func(group, name string) {
			v.callouts[name] = Role(group)
		})
	case "marks":
		l.groups(val, "role", func(name string) bool { return name == "strengths" || name == "gaps" }, func(group, name string) {
			v.marks[name] = Role(group)
		})
	case "levelFillers":
		l.names(val, func(name string) { v.fillers[name] = true })
	case "questions":
		l.names(val, func(name string) { v.questions[name] = true })
	case "speakers":
		l.names(val, func(name string) { v.speakers[name] = true })
	case "phrasing":
		l.names(val, func(name string) { v.phrasing[name] = true })
	case "notTerms":
		l.names(val, func(name string) { v.notTerms[name] = true })
	case "titleWords":
		l.names(val, func(name string) { v.titleWords = append(v.titleWords, name) })
	case "closings":
		l.names(val, func(name string) { v.closings = append(v.closings, name) })
	case "endings":
		l.names(val, func(name string) { v.endings = append(v.endings, name) })
	case "connectors":
		l.names(val, func(name string) { v.connectors[name] = true })
	}
}

// groups decodes a mapping of groups (roles, levels, …) to lists of
// names, calling add with each group and the key of each name.
func (l *loader) groups(n *yaml.Node, what string, known func(string) bool, add func(group, key string)) {
	if n.Kind != yaml.MappingNode {
		l.fail(n, "expected a mapping of %ss to lists of names", what)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !known(k.Value) {
			l.fail(k, "unknown %s %q", what, k.Value)
			continue
		}
		l.names(val, func(name string) { add(k.Value, name) })
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
	w := &l.v.Write
	w.Headings, w.Statuses = map[Role]string{}, map[bank.Status]string{}
	if n.Kind != yaml.MappingNode {
		l.fail(n, "write: expected a mapping")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		text := func(dst *string) {
			if val.Kind != yaml.ScalarNode {
				l.fail(val, "write.%s: expected text", k.Value)
				return
			}
			*dst = val.Value
		}
		switch k.Value {
		case "interview":
			text(&w.Interview)
		case "guide":
			text(&w.Guide)
		case "plan":
			text(&w.Plan)
		case "question":
			text(&w.Question)
		case "separator":
			text(&w.Separator)
		case "headings":
			l.textMap(val, func(key string, t string) bool {
				if !slices.Contains(Roles(), Role(key)) {
					return false
				}
				w.Headings[Role(key)] = t
				return true
			})
		case "statuses":
			l.textMap(val, func(key string, t string) bool {
				st, err := bank.ParseStatus(key)
				if err != nil {
					return false
				}
				w.Statuses[st] = t
				return true
			})
		default:
			l.fail(k, "write: unknown key %q", k.Value)
		}
	}
}

func (l *loader) textMap(n *yaml.Node, set func(key, text string) bool) {
	if n.Kind != yaml.MappingNode {
		l.fail(n, "expected a mapping")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if val.Kind != yaml.ScalarNode || !set(k.Value, val.Value) {
			l.fail(k, "unknown or invalid entry %q", k.Value)
		}
	}
}

// clone returns a deep copy of v, with every map made.
func (v *Vocabulary) clone() *Vocabulary {
	c := &Vocabulary{
		roles:      cloneMap(v.roles),
		levels:     cloneMap(v.levels),
		statuses:   cloneMap(v.statuses),
		fillers:    cloneMap(v.fillers),
		questions:  cloneMap(v.questions),
		speakers:   cloneMap(v.speakers),
		phrasing:   cloneMap(v.phrasing),
		notTerms:   cloneMap(v.notTerms),
		titleWords: slices.Clone(v.titleWords),
		closings:   slices.Clone(v.closings),
		endings:    slices.Clone(v.endings),
		connectors: cloneMap(v.connectors),
		marks:      cloneMap(v.marks),
		roleWords:  slices.Clone(v.roleWords),
		callouts:   cloneMap(v.callouts),
		planCols:   cloneMap(v.planCols),
		termCols:   cloneMap(v.termCols),
		Write:      v.Write,
	}
	return c
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	return maps.Clone(m)
}

// sortLists orders the lists that are searched in turn: title words
// longest first, so that "mock interview" is tried before "interview".
func (v *Vocabulary) sortLists() {
	v.titleWords = slices.Compact(sortedByLength(v.titleWords))
	v.closings = slices.Compact(sortedByLength(v.closings))
}

func sortedByLength(list []string) []string {
	sort.SliceStable(list, func(i, j int) bool {
		if len(list[i]) != len(list[j]) {
			return len(list[i]) > len(list[j])
		}
		return list[i] < list[j]
	})
	return list
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
