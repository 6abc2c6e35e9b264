package parse

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"go.yaml.in/yaml/v3"
)

// front is what a document's front matter says about it.
type front struct {
	title, topic string
	tags         []string
	pos          bank.Pos
}

// frontMatter reads the YAML mapping between "---" lines at the very top
// of the document: the title, topic and tags, and names that extend the
// vocabulary for this document. The block is not content: it is blanked
// out of d.src (line breaks kept, so positions stay true) before goldmark
// sees it. Text between "---" lines that is not a YAML mapping is left
// alone: it is a thematic break and a paragraph.
func (d *doc) frontMatter() {
	if d.tomlFrontMatter() {
		return
	}
	body, end, ok := frontMatterBlock(d.src, "---")
	if !ok {
		return
	}
	var m yaml.Node
	if err := yaml.Unmarshal(body, &m); err != nil || len(m.Content) != 1 || m.Content[0].Kind != yaml.MappingNode {
		return
	}
	start := bank.Pos{File: d.name, Line: 1, Col: 1}
	d.front.pos = start
	var keys []string
	root := m.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, val := root.Content[i], root.Content[i+1]
		keys = append(keys, k.Value)
		switch strings.ToLower(k.Value) {
		case "title":
			d.front.title = strings.TrimSpace(val.Value)
		case "topic", "subject":
			d.front.topic = strings.TrimSpace(val.Value)
		case "tags", "keywords":
			d.front.tags = tagList(val)
		}
	}
	v, err := d.v.ExtendFrontMatter(body, d.name, 1)
	if err != nil {
		addVocabErrors(err, d.name, &d.diags)
	} else {
		d.v = v
	}
	d.record(start, "front matter", strings.Join(keys, ", "), Reading{As: ReadFrontMatter})
	d.blankTo(end)
}

// blankTo blanks d.src up to end, line breaks kept, so that front matter
// is not read as content and positions stay true.
func (d *doc) blankTo(end int) {
	src := bytes.Clone(d.src)
	for i := range end {
		if src[i] != '\n' {
			src[i] = ' '
		}
	}
	d.src = src
}

// tomlFrontMatter reads TOML front matter, as Hugo writes it between
// "+++" lines: the title, topic and tags. Its names for the vocabulary
// are not read (a warning says to use YAML or a bankgen.yaml). It
// reports whether the document had such front matter.
func (d *doc) tomlFrontMatter() bool {
	body, end, ok := frontMatterBlock(d.src, "+++")
	if !ok {
		return false
	}
	var m map[string]any
	start := bank.Pos{File: d.name, Line: 1, Col: 1}
	if _, err := toml.Decode(string(body), &m); err != nil {
		d.warn(start, "front matter between \"+++\" lines is not valid TOML (%v); read as text", err)
		return false
	}
	d.front.pos = start
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch v := m[k]; strings.ToLower(k) {
		case "title":
			d.front.title, _ = v.(string)
		case "topic", "subject":
			d.front.topic, _ = v.(string)
		case "tags", "keywords", "categories":
			if strings.ToLower(k) == "categories" && len(d.front.tags) > 0 {
				continue
			}
			d.front.tags = tomlTags(v)
		default:
			if slices.Contains(vocab.Keys(), k) {
				d.warn(start, "%q in TOML front matter is not read; give it in YAML front matter or in %s", k, vocab.ConfigName)
			}
		}
	}
	d.front.title, d.front.topic = strings.TrimSpace(d.front.title), strings.TrimSpace(d.front.topic)
	d.record(start, "front matter", strings.Join(keys, ", "), Reading{As: ReadFrontMatter})
	d.blankTo(end)
	return true
}

// tomlTags reads tags given as an array of strings or one string.
func tomlTags(v any) []string {
	var tags []string
	switch v := v.(type) {
	case string:
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				tags = append(tags, t)
			}
		}
	case []any:
		for _, x := range v {
			if t, ok := x.(string); ok && strings.TrimSpace(t) != "" {
				tags = append(tags, strings.TrimSpace(t))
			}
		}
	}
	return tags
}

// frontMatterBlock finds front matter: fence ("---", or "+++" for
// TOML) on the first line, then lines up to a closing fence (or "..."
// after "---"). It returns the text between the two and the offset just
// past the closing line.
func frontMatterBlock(src []byte, fence string) (body []byte, end int, ok bool) {
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \t\r")) != fence {
		return nil, 0, false
	}
	off := len(first) + 1
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		if t := string(bytes.TrimRight(line, " \t\r")); t == fence || t == "..." && fence == "---" {
			return src[len(first)+1 : off], min(off+len(line)+1, len(src)), true
		}
		off += len(line) + 1
		rest = after
	}
	return nil, 0, false
}

// tagList reads tags written as a list or as one comma-separated string.
func tagList(n *yaml.Node) []string {
	var raw []string
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			raw = append(raw, c.Value)
		}
	case yaml.ScalarNode:
		raw = strings.Split(n.Value, ",")
	}
	var tags []string
	for _, t := range raw {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	return tags
}
