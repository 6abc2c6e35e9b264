// Package parse turns interview-prep Markdown into a bank.Bank: the
// study material people actually have, written by any common assistant
// or study app, in any of their house styles.
//
// It reads three kinds of document, often mixed in one file. A
// mock-interview transcript has questions, each with a prompt, maybe the
// candidate's own answer, feedback (strengths, gaps with a suggested
// phrasing, a score), a model answer with code samples, and diagrams:
//
//	# Mock Interview — Kubernetes
//	## Question 2 — Stepping Up           or  ### Question 2 (Medium): <prompt>
//	**"Explain Pods, Deployments…"**       or  **Q2 — Stepping up**, ### 2. Title (Senior)
//	**Your answer:** …                     (the candidate's response)
//	## What You Nailed ✅                  or  **Strengths:**, ✅ **Good**, a table
//	**Labels connect everything** — …
//	## What to Tighten Up 🔧               or  **Areas to improve:**, ⚠️ Missed
//	**Missing the ReplicaSet layer.** …
//	*"Suggested phrasing…"*                or  > quote, Try saying: "…"
//	# Model Answer                         or  **Suggested answer:**
//	…paragraphs, sub-headings, lists, tables, fenced code…
//	# Diagrams
//	```                                    (box drawing, ASCII art, or ```mermaid)
//
// A concept guide has sections whose glossary entries read "**Term** —
// definition" (or "**Term:** …", a Term | Definition table, a heading
// per term, a definition list). A study plan is a tracker table (#,
// Topic, Status, any other columns) or a checklist.
//
// The words are data: package parse/vocab names every part, level and
// status, in several languages, and a bankgen.yaml beside the sources
// (or a document's front matter) adds more. Front matter (YAML between
// "---" lines at the top) also gives the title, topic and tags.
//
// Documents on the same topic (by the slug of the title) are merged into
// one bank.Topic, and the plans of all files into one. Every file first
// goes through the encoding repair of package parse/fix, then goldmark
// (with GFM tables and definition lists) parses it and the parser walks
// the syntax tree. Whatever it does not understand is kept (as an extra
// section, or as the topic's notes) and reported as a warning with its
// position: content is never dropped, and never misread in silence.
// Explain returns, for each document, the outline of what was read.
package parse

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Source is one file to parse: a Markdown document, or a bankgen.yaml
// (see IsConfig) that extends the vocabulary for the documents in its
// directory and below.
type Source struct {
	// Name is the file's path as it should appear in positions.
	Name string
	// Data is the file's raw bytes, damage included.
	Data []byte
	// ModTime is when the file last changed, for exporters that stamp
	// times into their output. Parse does not read it.
	ModTime time.Time
}

// markdown is configured once: goldmark parsers are safe for concurrent
// use once built.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.DefinitionList),
)

// Parse repairs and parses the sources, merges them into one bank with
// stable IDs, and checks it. Sources are read in name order, so the
// result does not depend on the order given.
//
// The diagnostics hold every problem found, sorted by position: parse
// warnings (content kept but not understood, levels inferred, repaired
// encoding), parse errors (a file that is empty or binary, a fence never
// closed, a bankgen.yaml that does not decode) and the bank's own
// Check. A Markdown file that is neither an interview, a guide nor a
// plan is skipped with a warning when other files were read, and is an
// error when it is the only one. The bank is returned even when there
// are errors, so that callers can show what was understood; use
// diags.Err() to decide whether to go on.
func Parse(srcs ...Source) (*bank.Bank, bank.Diagnostics) {
	b, _, diags := run(srcs, false)
	return b, diags
}

// run parses the sources, and outlines them when explain is set.
func run(srcs []Source, explain bool) (*bank.Bank, []Outline, bank.Diagnostics) {
	srcs = slices.Clone(srcs)
	sort.SliceStable(srcs, func(i, j int) bool { return srcs[i].Name < srcs[j].Name })

	var diags bank.Diagnostics
	configs := readConfigs(srcs, &diags)
	var docs []*doc
	var outlines []Outline
	for _, s := range srcs {
		if IsConfig(s.Name) {
			continue
		}
		d := parseFile(s, configs.For(s.Name), explain)
		docs = append(docs, d)
		if explain {
			outlines = append(outlines, Outline{File: s.Name, Entries: d.outline})
		}
	}
	b := &bank.Bank{}
	index := map[string]int{} // topic slug → index in b.Topics
	read := 0
	for _, d := range docs {
		if d.understood() {
			read++
		}
	}
	for _, d := range docs {
		start := bank.Pos{File: d.name, Line: 1, Col: 1}
		switch {
		case d.unreadable:
		case !d.understood() && read > 0:
			// One stray README in a folder of notes must not block it.
			d.warn(start, "skipped: not an interview, a concept guide or a study plan (no question headings, glossary entries or tracker)")
			diags = append(diags, d.diags...)
			continue
		case !d.understood():
			d.fail(start, "not an interview transcript or a concept guide (nor a study plan): no question headings (## Question N), no glossary entries (**Term** — definition) and no tracker table (Topic | Status)")
		}
		diags = append(diags, d.diags...)
		if d.unreadable {
			continue
		}
		for _, t := range d.topics {
			mergeTopic(b, index, t)
		}
		if !emptyTopic(&d.topic) {
			mergeTopic(b, index, d.topic)
		}
		b.Plan = mergePlan(b.Plan, d.plan, d.planNumbered, &diags)
	}
	b.Normalize()
	b.AssignIDs()
	diags = append(diags, b.CheckNormalized()...)
	diags.Sort()
	return b, outlines, diags
}

// parseFile repairs and walks one file.
func parseFile(s Source, v *vocab.Vocabulary, explain bool) *doc {
	d := &doc{name: s.Name, v: v, explain: explain}
	start := bank.Pos{File: s.Name, Line: 1, Col: 1}
	if len(bytes.TrimSpace(s.Data)) == 0 {
		d.fail(start, "file is empty")
		d.unreadable = true
		return d
	}
	if isBinary(s.Data) {
		d.fail(start, "file is binary, not Markdown text")
		d.unreadable = true
		return d
	}
	src, at := repair(s.Name, s.Data, &d.diags)
	if bytes.IndexByte(src, 0) >= 0 {
		at = nil // replaceNUL lengthens the text: positions stay the text's own
	}
	src = replaceNUL(s.Name, src, &d.diags)
	d.src = src
	d.lines = newLineTable(s.Name, src)
	d.lines.at = at
	d.frontMatter()

	d.src = leadingShortcodes(tildeDefinitions(shortcodeFences(d.src)))
	root := markdown.Parser().Parse(text.NewReader(d.src))
	d.checkFences(root)
	d.walk(root)
	d.finish(start)
	return d
}

// emptyTopic reports whether a document contributed nothing to its
// topic, as a file holding only the study plan does.
func emptyTopic(t *bank.Topic) bool {
	return len(t.Guide) == 0 && len(t.Notes) == 0 && len(t.Questions) == 0 && len(t.Extra) == 0
}

// replaceNUL turns U+0000 into U+FFFD, as CommonMark requires, so that
// no NUL reaches the bank (a decoded UTF-16 file can carry one), and
// reports the first.
func replaceNUL(name string, src []byte, diags *bank.Diagnostics) []byte {
	i := bytes.IndexByte(src, 0)
	if i < 0 {
		return src
	}
	diags.Add(newLineTable(name, src).pos(i), bank.Warning, "NUL character replaced by U+FFFD (%d in the file)", bytes.Count(src, []byte{0}))
	return bytes.ReplaceAll(src, []byte{0}, []byte("\ufffd"))
}

// isBinary reports whether data looks like a binary file rather than
// text: it holds NUL bytes outside a UTF-16 byte-order-marked file.
func isBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	head := data[:min(len(data), 8000)]
	return bytes.IndexByte(head, 0) >= 0
}

// nameFromFile makes a topic name from a file name:
// "dir/docker-refresher.md" → "Docker Refresher".
func nameFromFile(file string) string {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	fields := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, f := range fields {
		r, n := utf8.DecodeRuneInString(f)
		fields[i] = strings.ToUpper(string(r)) + f[n:]
	}
	if len(fields) == 0 {
		return "Untitled"
	}
	return strings.Join(fields, " ")
}

// mergeTopic adds t to the bank, joining it to a topic of the same slug
// that an earlier file began.
func mergeTopic(b *bank.Bank, index map[string]int, t bank.Topic) {
	key := bank.Slug(t.Name)
	i, ok := index[key]
	if !ok {
		index[key] = len(b.Topics)
		b.Topics = append(b.Topics, t)
		return
	}
	dst := &b.Topics[i]
	for _, tag := range t.Tags {
		if !slices.Contains(dst.Tags, tag) {
			dst.Tags = append(dst.Tags, tag)
		}
	}
	if dst.Pin == "" {
		dst.Pin = t.Pin
	}
	dst.Guide = append(dst.Guide, t.Guide...)
	dst.Notes = append(dst.Notes, t.Notes...)
	dst.Questions = append(dst.Questions, t.Questions...)
	dst.Extra = append(dst.Extra, t.Extra...)
}

// mergePlan joins the study plans of several files. Each mock interview
// usually ends with the whole tracker, so a row is one already read when
// it has the same number (numbered rows) or the same topic (rows the
// source did not number, which follow the others): the tracker only
// moves forward, so the most advanced status wins, and a numbered row
// whose topic differs is reported.
func mergePlan(have, add []bank.PlanEntry, numbered []bool, diags *bank.Diagnostics) []bank.PlanEntry {
	if len(have) == 0 {
		return add
	}
	last := 0
	for _, e := range have {
		last = max(last, e.Number)
	}
	for k, e := range add {
		i := slices.IndexFunc(have, func(h bank.PlanEntry) bool {
			if numbered[k] {
				return h.Number == e.Number
			}
			return strings.EqualFold(h.Topic, e.Topic)
		})
		if i < 0 {
			if !numbered[k] {
				last++
				e.Number = last
			}
			last = max(last, e.Number)
			have = append(have, e)
			continue
		}
		if !strings.EqualFold(have[i].Topic, e.Topic) {
			diags.Add(e.Pos, bank.Warning, "plan row %d names %q here but %q at %s; keeping the first", e.Number, e.Topic, have[i].Topic, have[i].Pos)
			continue
		}
		if e.Status > have[i].Status {
			have[i].Status, have[i].Label, have[i].Pos = e.Status, e.Label, e.Pos
		}
	}
	sort.SliceStable(have, func(i, j int) bool { return have[i].Number < have[j].Number })
	return have
}

// String makes Source print usefully in test failures.
func (s Source) String() string { return fmt.Sprintf("%s (%d bytes)", s.Name, len(s.Data)) }
