package parse

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"
)

// sample reads a fenced code block of a model answer. YAML is parsed to
// check it is well-formed and to record the Kubernetes kinds it declares.
func (d *doc) sample(n ast.Node) bank.Sample {
	s := bank.Sample{Lang: fenceLang(n, d.src), Code: codeText(n, d.src), Pos: d.fencePos(n)}
	s.File = fileComment(s.Code)
	if isYAML(s.Lang, s.File) {
		kinds, line, err := yamlKinds(s.Code)
		if err != nil {
			pos := s.Pos
			if n.Lines().Len() > 0 {
				first := d.lines.pos(n.Lines().At(0).Start)
				if line > 0 {
					pos = bank.Pos{File: first.File, Line: first.Line + line - 1, Col: 1}
				}
			}
			d.warn(pos, "YAML sample is not well-formed: %v", err)
		}
		s.Kinds = kinds
	}
	return s
}

func isYAML(lang, file string) bool {
	switch strings.ToLower(lang) {
	case "yaml", "yml":
		return true
	case "":
		return strings.HasSuffix(file, ".yaml") || strings.HasSuffix(file, ".yml")
	}
	return false
}

// fileComment returns the file name that a sample's first line names in
// a comment ("# spark-batch-job.yaml", "// main.go"), or "".
func fileComment(code string) string {
	line, _, _ := strings.Cut(code, "\n")
	line = strings.TrimSpace(line)
	var rest string
	for _, p := range []string{"#", "//", "--", ";"} {
		if r, ok := strings.CutPrefix(line, p); ok {
			rest = strings.TrimSpace(r)
			break
		}
	}
	if r, ok := strings.CutPrefix(strings.ToLower(rest), "file:"); ok {
		rest = strings.TrimSpace(rest[len(rest)-len(r):])
	}
	if rest == "" || strings.ContainsAny(rest, " \t") {
		return ""
	}
	dot := strings.LastIndexByte(rest, '.')
	if dot <= 0 || dot == len(rest)-1 || len(rest)-dot > 6 {
		return ""
	}
	for _, r := range rest[dot+1:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return ""
		}
	}
	return rest
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
