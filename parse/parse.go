// Package parse turns interview-prep Markdown into a bank.Bank.
//
// It reads two kinds of document. A mock-interview transcript has a
// title ("# Mock Interview — Kubernetes") and questions:
//
//	## Question 2 — Stepping Up
//	**"Explain Pods, Deployments, and Services…"**
//	## What You Nailed ✅
//	**Labels connect everything** — correctly identified…
//	## What to Tighten Up 🔧
//	**Missing the ReplicaSet layer.** Explanation…
//	*"Suggested phrasing…"*
//	# Model Answer
//	…paragraphs, sub-headings, lists, tables, fenced code…
//	# Diagrams
//	```
//	TITLE OF A DIAGRAM
//	╔══════╗ …
//	```
//
// A concept guide has a title and sections whose glossary entries read
// "**Term** — definition". Documents on the same topic (by the slug of
// the title) are merged into one bank.Topic, and a topic-tracker table
// (#, Topic, Status) anywhere becomes the bank's study plan.
//
// Every file first goes through the encoding repair of package
// parse/fix, then goldmark (with the GFM table extension) parses it and
// the parser walks the syntax tree. The parser tolerates the variations
// a generator produces: "## Q2: Stepping Up", "## Question 2 - Lead
// Engineer Level", any heading case, trailing emoji, bullet lists instead
// of bold paragraphs, fences with or without a language, questions with
// no Diagrams section. A section it does not recognise is kept as an
// extra section and reported as a warning; content is never dropped.
package parse

import (
	"bytes"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Source is one Markdown file to parse.
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
	goldmark.WithExtensions(extension.Table),
)

// Parse repairs and parses the sources, merges them into one bank with
// stable IDs, and checks it. Sources are read in name order, so the
// result does not depend on the order given.
//
// The diagnostics hold every problem found, sorted by position: parse
// warnings (unrecognised sections, repaired encoding), parse errors (a
// file that is empty, binary or neither an interview nor a concept
// guide; a fence never closed) and the bank's own Check. The bank is
// returned even when there are errors, so that callers can show what was
// understood; use diags.Err() to decide whether to go on.
func Parse(srcs ...Source) (*bank.Bank, bank.Diagnostics) {
	srcs = append([]Source(nil), srcs...)
	sort.SliceStable(srcs, func(i, j int) bool { return srcs[i].Name < srcs[j].Name })

	// Files are repaired and walked concurrently, each into its own
	// diagnostics, then merged in name order, so the result is the same
	// whatever the scheduling.
	// The largest files start first, so that the last to finish is a
	// small one and no core sits idle long while it ends.
	docs := make([]*doc, len(srcs))
	fileDiags := make([]bank.Diagnostics, len(srcs))
	order := make([]int, len(srcs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(srcs[order[a]].Data) > len(srcs[order[b]].Data) })
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, i := range order {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			docs[i] = parseFile(srcs[i], &fileDiags[i])
		}()
	}
	wg.Wait()

	var diags bank.Diagnostics
	b := &bank.Bank{}
	index := map[string]int{} // topic slug → index in b.Topics
	for i, d := range docs {
		diags = append(diags, fileDiags[i]...)
		if d == nil {
			continue
		}
		if !emptyTopic(&d.topic) {
			mergeTopic(b, index, d.topic)
		}
		b.Plan = mergePlan(b.Plan, d.plan, &diags)
	}
	b.Normalize()
	b.AssignIDs()
	diags = append(diags, b.Check()...)
	diags.Sort()
	return b, diags
}

// parseFile repairs and walks one file. It returns nil when the file
// holds nothing to parse.
func parseFile(s Source, diags *bank.Diagnostics) *doc {
	start := bank.Pos{File: s.Name, Line: 1, Col: 1}
	if len(bytes.TrimSpace(s.Data)) == 0 {
		diags.Add(start, bank.Error, "file is empty")
		return nil
	}
	if isBinary(s.Data) {
		diags.Add(start, bank.Error, "file is binary, not Markdown text")
		return nil
	}
	src := repair(s.Name, s.Data, diags)
	src = replaceNUL(s.Name, src, diags)

	d := &doc{name: s.Name, src: src, lines: newLineTable(s.Name, src), diags: diags}
	root := markdown.Parser().Parse(text.NewReader(src))
	d.checkFences(root)
	d.walk(root)

	d.topic.Name = topicName(d.title)
	d.topic.Pos = d.titlePos
	if d.title == "" {
		d.topic.Name = nameFromFile(s.Name)
		d.topic.Pos = start
		d.warn(start, "document has no title heading; topic named %q after the file", d.topic.Name)
	}
	if len(d.topic.Questions) == 0 && len(d.topic.Guide) == 0 && len(d.plan) == 0 {
		d.fail(start, "not an interview transcript or a concept guide: no question headings (## Question N) and no glossary entries (**Term** — definition)")
	}
	return d
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
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	return bytes.IndexByte(head, 0) >= 0
}

// checkFences reports code fences that are never closed: goldmark lets
// them run to the end of the file, swallowing the rest of the document.
func (d *doc) checkFences(root ast.Node) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		f, ok := n.(*ast.FencedCodeBlock)
		if !ok {
			switch n.(type) {
			case *ast.Document, *ast.List, *ast.ListItem, *ast.Blockquote:
				return ast.WalkContinue, nil // blocks that may hold a fence
			}
			return ast.WalkSkipChildren, nil // inlines, table cells: no fence
		}
		end := d.fenceBodyEnd(f)
		// The closing line, past the indent of a list item or the
		// markers of a quote ("> ```").
		rest := bytes.TrimLeft(d.src[end:], " \t>")
		if !bytes.HasPrefix(rest, []byte("```")) && !bytes.HasPrefix(rest, []byte("~~~")) {
			d.fail(d.fencePos(f), "code fence is never closed: everything after it was read as code")
		}
		return ast.WalkSkipChildren, nil
	})
}

// fenceBodyEnd returns the offset just past a fenced block's content, or
// past its opening line when it is empty.
func (d *doc) fenceBodyEnd(f *ast.FencedCodeBlock) int {
	if l := f.Lines(); l.Len() > 0 {
		return l.At(l.Len() - 1).Stop
	}
	off := offset(f)
	if f.Info != nil {
		off = f.Info.Segment.Stop
	}
	if off < 0 {
		return len(d.src)
	}
	if i := bytes.IndexByte(d.src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(d.src)
}

// nameFromFile makes a topic name from a file name:
// "dir/docker-refresher.md" → "Docker Refresher".
func nameFromFile(path string) string {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	base = strings.TrimSuffix(base, ".md")
	base = strings.TrimSuffix(base, ".markdown")
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
	dst.Guide = append(dst.Guide, t.Guide...)
	dst.Notes = append(dst.Notes, t.Notes...)
	dst.Questions = append(dst.Questions, t.Questions...)
	dst.Extra = append(dst.Extra, t.Extra...)
}

// mergePlan joins the study plans of several files. Each mock interview
// usually ends with the whole tracker, so rows with the same number are
// one row: the tracker only moves forward, so the most advanced status
// wins, and a row whose topic differs is reported.
func mergePlan(have, add []bank.PlanEntry, diags *bank.Diagnostics) []bank.PlanEntry {
	if len(have) == 0 {
		return add
	}
	byNum := map[int]int{}
	for i, e := range have {
		byNum[e.Number] = i
	}
	for _, e := range add {
		i, ok := byNum[e.Number]
		if !ok {
			byNum[e.Number] = len(have)
			have = append(have, e)
			continue
		}
		if !strings.EqualFold(have[i].Topic, e.Topic) {
			diags.Add(e.Pos, bank.Warning, "plan row %d names %q here but %q at %s; keeping the first", e.Number, e.Topic, have[i].Topic, have[i].Pos)
			continue
		}
		if e.Status > have[i].Status {
			have[i].Status = e.Status
			have[i].Pos = e.Pos
		}
	}
	sort.SliceStable(have, func(i, j int) bool { return have[i].Number < have[j].Number })
	return have
}

// String makes Source print usefully in test failures.
func (s Source) String() string { return fmt.Sprintf("%s (%d bytes)", s.Name, len(s.Data)) }
