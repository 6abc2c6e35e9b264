package parse

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"
)

// answer reads one block of the model answer. Code goes into Samples,
// with a KindSample block marking its place; a fence in a diagram
// language is one of the question's diagrams.
func (d *doc) answer(n ast.Node) {
	q := d.q
	pos := d.pos(n)
	if isCode(n) {
		if lang, _ := fenceInfo(n, d.src); isDiagramLang(lang) || isTextLang(lang) && isArt(codeText(n, d.src)) {
			d.diagrams(n)
			return
		}
		s := d.sample(n)
		q.Samples = append(q.Samples, s)
		q.Answer = append(q.Answer, bank.Block{Kind: bank.KindSample, Sample: len(q.Samples) - 1, Pos: s.Pos})
		r := d.item(ReadSample, s.Lang)
		d.record(s.Pos, describeBlock(n), firstLine(s.Code), r)
		return
	}
	q.Answer = append(q.Answer, d.toBlock(n))
	d.record(pos, describeBlock(n), d.excerpt(n), d.inQuestion(ReadAnswer))
}

// sample reads a code block of a model answer. YAML is parsed to check
// it is well-formed and to record the Kubernetes kinds it declares.
func (d *doc) sample(n ast.Node) bank.Sample {
	lang, file := fenceInfo(n, d.src)
	s := bank.Sample{Lang: lang, Code: codeText(n, d.src), Pos: d.fencePos(n), Pin: d.takePin(nil)}
	s.File = file
	if s.File == "" {
		s.File = vocab.FileComment(s.Code)
	}
	if isYAML(s.Lang, s.File) {
		kinds, line, err := yamlKinds(s.Code)
		if err != nil {
			pos := s.Pos
			if n.Lines().Len() > 0 && line > 0 {
				first := d.lines.pos(n.Lines().At(0).Start)
				pos = bank.Pos{File: first.File, Line: first.Line + line - 1, Col: 1}
			}
			d.warn(pos, "YAML sample is not well-formed: %v", err)
		}
		s.Kinds = kinds
	}
	return s
}

// fenceInfo reads a fence's info string: the language, its first word
// ("python", "{.python}" in Pandoc's form), and a file name given as an
// attribute ('title="app.py"', "filename=app.py"). An indented block has
// neither.
func fenceInfo(n ast.Node, src []byte) (lang, file string) {
	f, ok := n.(*ast.FencedCodeBlock)
	if !ok || f.Info == nil {
		return "", ""
	}
	info := strings.TrimSpace(string(f.Info.Segment.Value(src)))
	words := strings.Fields(infoSeparators.Replace(info))
	for i, w := range words {
		switch {
		case i == 0 && !strings.Contains(w, "="):
			lang = strings.TrimPrefix(w, ".")
		case lang == "" && strings.HasPrefix(w, "."):
			lang = w[1:]
		default:
			key, val, ok := strings.Cut(w, "=")
			if ok && (key == "title" || key == "filename" || key == "file" || key == "name") {
				file = strings.Trim(val, `"'`)
			}
		}
	}
	return lang, file
}

// infoSeparators are the characters of a fence's info string that
// separate words besides white space.
var infoSeparators = strings.NewReplacer("{", " ", "}", " ", ",", " ")

func isYAML(lang, file string) bool {
	switch strings.ToLower(lang) {
	case "yaml", "yml":
		return true
	case "":
		return strings.HasSuffix(file, ".yaml") || strings.HasSuffix(file, ".yml")
	}
	return false
}

// yamlKinds parses every document of a YAML stream and returns the
// "kind" each declares. On a syntax error it returns the kinds found so
// far, the 1-based line of the error when known, and the error.
func yamlKinds(code string) (kinds []string, line int, err error) {
	dec := yaml.NewDecoder(strings.NewReader(code))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return kinds, 0, nil
		}
		if err != nil {
			return kinds, yamlErrLine(err), err
		}
		if key := repeatedKey(&doc); key != nil {
			return kinds, key.Line, fmt.Errorf("line %d: mapping key %q already defined", key.Line, key.Value)
		}
		if k := mappingValue(&doc, "kind"); k != "" {
			kinds = append(kinds, k)
		}
	}
}

// repeatedKey returns the first key that a mapping in the tree defines
// twice, which YAML forbids but the node decoder accepts.
func repeatedKey(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			for j := 0; j < i; j += 2 {
				if n.Content[j].Value == n.Content[i].Value && n.Content[j].Kind == yaml.ScalarNode && n.Content[i].Kind == yaml.ScalarNode {
					return n.Content[i]
				}
			}
		}
	}
	for _, c := range n.Content {
		if k := repeatedKey(c); k != nil {
			return k
		}
	}
	return nil
}

// mappingValue returns the scalar value of key in a document whose root
// is a mapping, or "".
func mappingValue(doc *yaml.Node, key string) string {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return ""
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.ScalarNode {
			return m.Content[i+1].Value
		}
	}
	return ""
}

// yamlErrLine digs the line number out of a yaml error ("yaml: line 7: …").
func yamlErrLine(err error) int {
	msg := err.Error()
	_, after, ok := strings.Cut(msg, "line ")
	if !ok {
		return 0
	}
	end := 0
	for end < len(after) && after[end] >= '0' && after[end] <= '9' {
		end++
	}
	n, _ := strconv.Atoi(after[:end])
	return n
}
