package parse_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse"
	"github.com/google/go-cmp/cmp"
)

// corpusDir holds the style corpus: documents written in other
// assistants' and apps' house styles, each with the facts a correct
// reading yields. Its README defines the facts format.
const corpusDir = "testdata/corpus"

// TestCorpus parses every document of the style corpus, checks the facts
// written by hand for it, and compares the score table with
// testdata/corpus/scores.md. A parser that reads more (or less) changes
// the table, so the test fails until the table is rewritten with -update
// and the change reviewed; -v lists every fact that does not hold, with
// what was wanted and what the parser gave.
func TestCorpus(t *testing.T) {
	units, err := corpusUnits(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(units) == 0 {
		t.Fatal("no documents in " + corpusDir)
	}
	orphans, err := orphanFacts(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range orphans {
		t.Errorf("%s states facts about a document that does not exist", f)
	}
	var scores []docScore
	for _, u := range units {
		b, diags := parse.Parse(readUnit(t, u)...)
		for _, name := range u {
			if parse.IsConfig(name) {
				continue // a folder's bankgen.yaml states no facts
			}
			factsPath := filepath.Join(corpusDir, strings.TrimSuffix(name, ".md")+".facts.txt")
			e, err := readFacts(factsPath, name)
			if err != nil {
				t.Fatal(err)
			}
			results := e.check(newView(b, diags, name))
			s := docScore{doc: name, style: e.style, results: results}
			scores = append(scores, s)
			if testing.Verbose() {
				for _, r := range results {
					if !r.ok {
						t.Logf("%s:%d: %s: want %s, got %s", filepath.ToSlash(factsPath), r.line, r.name, r.want, r.got)
					}
				}
			}
		}
	}
	got := scoreTable(scores)
	golden := filepath.Join(corpusDir, "scores.md")
	if updating() {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run the test with -update, then review the file)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("the corpus scores changed; review them (-v lists each wrong fact) and rewrite %s with -update (-want +got):\n%s", golden, diff)
	}
}

// updating reports whether the run was asked to rewrite golden files.
// The one -update flag is registered by another test file of this
// binary (goldentest's or parse's own), so it is looked up, not defined.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// readUnit reads the documents of one corpus unit, named by their path
// in the corpus.
func readUnit(t *testing.T, unit []string) []parse.Source {
	t.Helper()
	var srcs []parse.Source
	for _, name := range unit {
		data, err := os.ReadFile(filepath.Join(corpusDir, name))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, parse.Source{Name: name, Data: data})
	}
	return srcs
}

// corpusUnits lists the corpus as units parsed together: each top-level
// document alone, and each folder's documents as one group, with the
// folder's bankgen.yaml when it has one. Names are
// slash-separated paths relative to dir.
func corpusUnits(dir string) ([][]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var units [][]string
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir():
			files, err := filepath.Glob(filepath.Join(dir, name, "*.md"))
			if err != nil {
				return nil, err
			}
			var group []string
			for _, f := range files {
				group = append(group, name+"/"+filepath.Base(f))
			}
			if len(group) > 0 {
				if _, err := os.Stat(filepath.Join(dir, name, "bankgen.yaml")); err == nil {
					// The folder's own words, read with its documents.
					group = append(group, name+"/bankgen.yaml")
				}
				units = append(units, group)
			}
		case name == "README.md" || name == "scores.md":
			// The corpus's own documentation and score table.
		case strings.HasSuffix(name, ".md"):
			units = append(units, []string{name})
		}
	}
	return units, nil
}

// orphanFacts lists the facts files in dir and its folders that have no
// document beside them.
func orphanFacts(dir string) ([]string, error) {
	var orphans []string
	for _, pattern := range []string{"*.facts.txt", "*/*.facts.txt"} {
		files, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if _, err := os.Stat(strings.TrimSuffix(f, ".facts.txt") + ".md"); err != nil {
				orphans = append(orphans, f)
			}
		}
	}
	return orphans, nil
}

// A result is one fact checked against the bank.
type result struct {
	line      int    // in the facts file; 0 for a fact about the whole file
	kind      string // what the fact is about, for the score by kind
	name      string // the fact, as a reader would say it
	want, got string
	ok        bool
}

// A stmt is one line of a facts file.
type stmt struct {
	line int
	val  string
}

// expect is a document's facts file, read.
type expect struct {
	style     string
	topic     *stmt
	tags      *stmt
	errors    *stmt
	skipped   *stmt
	quiet     []stmt
	warns     []stmt
	questions []qexpect
	terms     *stmt
	plan      []stmt
	planCols  *stmt
	notes     []stmt
}

// qexpect is one "question N" block of a facts file.
type qexpect struct {
	n    int
	line int
	keys map[string]stmt
}

var questionKeys = []string{"level", "title", "prompt", "response", "answer", "score", "strengths", "gaps", "samples", "diagrams"}

// readFacts reads the facts file at path for the document doc.
func readFacts(path, doc string) (*expect, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("document %s has no facts: %w", doc, err)
	}
	e := &expect{}
	var q *qexpect
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		key, val, _ := strings.Cut(trimmed, " ")
		s := stmt{line: i + 1, val: strings.TrimSpace(val)}
		bad := func(msg string) error { return fmt.Errorf("%s:%d: %s", path, s.line, msg) }
		if indented := line != trimmed; indented {
			if q == nil || !slices.Contains(questionKeys, key) {
				return nil, bad(fmt.Sprintf("%q is not a question fact", key))
			}
			if _, dup := q.keys[key]; dup {
				return nil, bad(key + " given twice")
			}
			q.keys[key] = s
			continue
		}
		q = nil
		switch key {
		case "style":
			e.style = s.val
		case "topic":
			e.topic = &s
		case "tags":
			e.tags = &s
		case "errors":
			e.errors = &s
		case "skipped":
			e.skipped = &s
		case "quiet":
			e.quiet = append(e.quiet, s)
		case "warn":
			e.warns = append(e.warns, s)
		case "terms":
			e.terms = &s
		case "plan":
			e.plan = append(e.plan, s)
		case "plan-columns":
			e.planCols = &s
		case "note":
			e.notes = append(e.notes, s)
		case "question":
			n, err := strconv.Atoi(s.val)
			if err != nil || n < 1 {
				return nil, bad("question needs a number")
			}
			e.questions = append(e.questions, qexpect{n: n, line: s.line, keys: map[string]stmt{}})
			q = &e.questions[len(e.questions)-1]
		default:
			return nil, bad(fmt.Sprintf("unknown fact %q", key))
		}
	}
	if e.style == "" {
		return nil, fmt.Errorf("%s: no style line", path)
	}
	return e, nil
}

// view is what the bank holds from one document of a unit.
type view struct {
	topic     *bank.Topic
	questions []*bank.Question
	terms     []bank.Term
	plan      []bank.PlanEntry
	notes     []string // the words of each note section from the file
	diags     bank.Diagnostics
	anything  bool // the file contributed some item to the bank
}

func newView(b *bank.Bank, diags bank.Diagnostics, file string) *view {
	v := &view{}
	for i := range b.Topics {
		t := &b.Topics[i]
		mine := t.Pos.File == file
		for j := range t.Questions {
			if t.Questions[j].Pos.File == file {
				v.questions = append(v.questions, &t.Questions[j])
				mine = true
			}
		}
		for _, g := range t.Guide {
			if g.Pos.File == file {
				v.terms = append(v.terms, g)
				mine = true
			}
		}
		for _, n := range t.Notes {
			if n.Pos.File == file || blocksFrom(n.Blocks, file) {
				v.notes = append(v.notes, words(n.Title+"\n"+blocksText(n.Blocks)))
				mine = true
			}
		}
		for _, x := range t.Extra {
			if x.Pos.File == file || blocksFrom(x.Blocks, file) {
				mine = true
			}
		}
		if mine && (v.topic == nil || t.Pos.File == file) {
			v.topic = t
		}
	}
	for _, p := range b.Plan {
		if p.Pos.File == file {
			v.plan = append(v.plan, p)
		}
	}
	for _, d := range diags {
		if d.Pos.File == file {
			v.diags = append(v.diags, d)
		}
	}
	v.anything = v.topic != nil || len(v.plan) > 0
	return v
}

// blocksFrom reports whether any of the blocks comes from file.
func blocksFrom(bs []bank.Block, file string) bool {
	for _, b := range bs {
		if b.Pos.File == file {
			return true
		}
	}
	return false
}

// blocksText joins every text a list of blocks holds.
func blocksText(bs []bank.Block) string {
	var s strings.Builder
	for _, b := range bs {
		s.WriteString(b.Text + "\n")
		for _, it := range b.Items {
			s.WriteString(it + "\n")
		}
		s.WriteString(strings.Join(b.Header, "\n") + "\n")
		for _, r := range b.Rows {
			s.WriteString(strings.Join(r, "\n") + "\n")
		}
		s.WriteString(b.Code + "\n")
	}
	return s.String()
}

// words lower-cases s and keeps only its letters and digits, one space
// between words, so that facts compare text and not punctuation.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// startsWith reports whether got's words begin with want's whole words.
func startsWith(got, want string) bool {
	g, w := words(got), words(want)
	return g == w || w != "" && strings.HasPrefix(g, w+" ")
}

// sameWords reports whether got and want have the same words.
func sameWords(got, want string) bool { return words(got) == words(want) }

// containsWords reports whether text (already reduced to words) holds
// want's words as a run of whole words.
func containsWords(text, want string) bool {
	w := words(want)
	return w != "" && strings.Contains(" "+text+" ", " "+w+" ")
}

// list splits a list value at " | "; an empty value is an empty list.
func list(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// joinOrNone prints a list of numbers or names for a message.
func joinOrNone(items []string) string {
	if len(items) == 0 {
		return "none"
	}
	return strings.Join(items, ", ")
}

// quoted prints a list of texts for a message.
func quoted(items []string) string {
	if len(items) == 0 {
		return "none"
	}
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// checker collects results.
type checker struct{ results []result }

func (c *checker) add(line int, kind, name string, ok bool, want, got string) {
	c.results = append(c.results, result{line: line, kind: kind, name: name, want: want, got: got, ok: ok})
}

// matchList checks that each wanted item is matched by a distinct item of
// got, in order of the wanted list, and that there are no others. It
// returns, for each wanted item, the index in got it matched or -1.
func (c *checker) matchList(line int, kind, what string, want, got []string, match func(got, want string) bool) []int {
	used := make([]bool, len(got))
	idx := make([]int, len(want))
	for i, w := range want {
		idx[i] = -1
		for j, g := range got {
			if !used[j] && match(g, w) {
				used[j], idx[i] = true, j
				break
			}
		}
		c.add(line, kind, fmt.Sprintf("%s %q", what, w), idx[i] >= 0, "present", "among "+quoted(got))
	}
	c.add(line, kind+" count", what+" count", len(got) == len(want), strconv.Itoa(len(want))+" ("+quoted(want)+")", strconv.Itoa(len(got))+" ("+quoted(got)+")")
	return idx
}

// check states every fact of e against the view of its document.
func (e *expect) check(v *view) []result {
	c := &checker{}
	if e.topic != nil {
		got := "no topic"
		if v.topic != nil {
			got = strconv.Quote(v.topic.Name)
		}
		c.add(e.topic.line, "topic", "topic", v.topic != nil && sameWords(v.topic.Name, e.topic.val), strconv.Quote(e.topic.val), got)
	}
	if e.tags != nil {
		var got []string
		if v.topic != nil {
			got = v.topic.Tags
		}
		c.matchList(e.tags.line, "tag", "tag", list(e.tags.val), got, sameWords)
	}
	if e.errors != nil {
		var msgs []string
		for _, d := range v.diags.Errors() {
			msgs = append(msgs, d.String())
		}
		c.add(e.errors.line, "errors", "errors", strconv.Itoa(len(msgs)) == e.errors.val, e.errors.val, strconv.Itoa(len(msgs))+" "+quoted(msgs))
	}
	if e.skipped != nil {
		c.add(e.skipped.line, "skipped", "file skipped", !v.anything, "nothing from the file in the bank", "some items")
	}
	for _, s := range e.quiet {
		var hits []string
		for _, d := range v.diags {
			if strings.Contains(strings.ToLower(d.Msg), strings.ToLower(s.val)) {
				hits = append(hits, d.String())
			}
		}
		c.add(s.line, "quiet", fmt.Sprintf("no diagnostic about %q", s.val), len(hits) == 0, "none", quoted(hits))
	}
	for _, s := range e.warns {
		c.warn(s, v)
	}
	c.questions(e, v)
	var terms []string
	for _, t := range v.terms {
		terms = append(terms, t.Term)
	}
	termLine := 0
	var wantTerms []string
	if e.terms != nil {
		termLine, wantTerms = e.terms.line, list(e.terms.val)
	}
	c.matchList(termLine, "term", "term", wantTerms, terms, sameWords)
	c.plan(e, v)
	for _, s := range e.notes {
		c.note(s, v)
	}
	return c.results
}

func (c *checker) warn(s stmt, v *view) {
	word, line := s.val, 0
	if n, rest, ok := strings.Cut(s.val, " "); ok {
		if l, err := strconv.Atoi(n); err == nil {
			word, line = strings.TrimSpace(rest), l
		}
	}
	var near []string
	found := false
	for _, d := range v.diags.Warnings() {
		if line != 0 && d.Pos.Line != line {
			continue
		}
		near = append(near, d.Msg)
		if strings.Contains(strings.ToLower(d.Msg), strings.ToLower(word)) {
			found = true
		}
	}
	where := "in the file"
	if line != 0 {
		where = "on line " + strconv.Itoa(line)
	}
	c.add(s.line, "warning", fmt.Sprintf("warning %s about %q", where, word), found, "a warning", quoted(near))
}

func (c *checker) questions(e *expect, v *view) {
	var nums []string
	for _, q := range v.questions {
		nums = append(nums, strconv.Itoa(q.Number))
	}
	var wantNums []string
	for _, qe := range e.questions {
		wantNums = append(wantNums, strconv.Itoa(qe.n))
	}
	c.add(0, "question count", "questions", len(v.questions) == len(e.questions), joinOrNone(wantNums), joinOrNone(nums))
	for _, qe := range e.questions {
		var q *bank.Question
		for _, g := range v.questions {
			if g.Number == qe.n {
				q = g
				break
			}
		}
		c.question(qe, q)
	}
}

func (c *checker) question(qe qexpect, q *bank.Question) {
	qn := fmt.Sprintf("q%d", qe.n)
	if q == nil {
		// Every fact about a missing question fails, those that would
		// hold for an empty one ("no gaps") included.
		start := len(c.results)
		c.add(qe.line, "question", qn, false, "present", "missing")
		c.questionFacts(qn, qe, &bank.Question{})
		for i := start + 1; i < len(c.results); i++ {
			c.results[i].ok, c.results[i].got = false, "no question "+strconv.Itoa(qe.n)
		}
		return
	}
	c.add(qe.line, "question", qn, true, "present", "present")
	c.questionFacts(qn, qe, q)
}

// questionFacts checks the facts stated about one question.
func (c *checker) questionFacts(qn string, qe qexpect, q *bank.Question) {
	if s, ok := qe.keys["level"]; ok {
		got := q.Level.String()
		if q.LevelInferred {
			got += " (inferred)"
		}
		ok := q.Level.String() == s.val && !q.LevelInferred
		if s.val == "inferred" {
			ok = q.LevelInferred && q.Level != bank.LevelUnknown
		}
		c.add(s.line, "level", qn+" level", ok, s.val, got)
	}
	if s, ok := qe.keys["title"]; ok {
		ok := startsWith(q.Title, s.val)
		if s.val == "-" {
			ok = q.Title == ""
		}
		c.add(s.line, "title", qn+" title", ok, strconv.Quote(s.val), strconv.Quote(q.Title))
	}
	if s, ok := qe.keys["prompt"]; ok {
		c.add(s.line, "prompt", qn+" prompt", startsWith(q.Prompt, s.val), strconv.Quote(s.val+"…"), fmt.Sprintf("%.80q", q.Prompt))
	}
	if s, ok := qe.keys["response"]; ok {
		got := "no"
		if len(q.Response) > 0 {
			got = "yes"
		}
		c.add(s.line, "response", qn+" response", got == s.val, s.val, got)
	}
	// A model answer is always checked, as counted lists are: a question
	// has one unless its facts say "answer no".
	a := qe.keys["answer"]
	if a.val == "" {
		a.val = "yes"
	}
	got := "no"
	if len(q.Answer) > 0 || len(q.Diagrams) > 0 {
		got = "yes"
	}
	c.add(lineOr(a, qe.line), "answer", qn+" answer", got == a.val, a.val, got)
	if s, ok := qe.keys["score"]; ok {
		c.add(s.line, "score", qn+" score", strings.TrimSpace(q.Score) == s.val, strconv.Quote(s.val), strconv.Quote(q.Score))
	}

	s := qe.keys["strengths"]
	var strengths []string
	for _, g := range q.Strengths {
		strengths = append(strengths, g.Title)
	}
	c.matchList(lineOr(s, qe.line), "strength", qn+" strength", list(s.val), strengths, startsWith)

	s = qe.keys["gaps"]
	var gapTitles, wantGaps []string
	var wantPhrasing []bool
	for _, g := range q.Gaps {
		gapTitles = append(gapTitles, g.Title)
	}
	for _, w := range list(s.val) {
		title, phr := strings.CutSuffix(w, "[phrasing]")
		wantGaps, wantPhrasing = append(wantGaps, strings.TrimSpace(title)), append(wantPhrasing, phr)
	}
	idx := c.matchList(lineOr(s, qe.line), "gap", qn+" gap", wantGaps, gapTitles, startsWith)
	for i, w := range wantGaps {
		want, got := "no phrasing", "no such gap"
		if wantPhrasing[i] {
			want = "a phrasing"
		}
		ok := false
		if j := idx[i]; j >= 0 {
			has := q.Gaps[j].Phrasing != ""
			got = "no phrasing"
			if has {
				got = fmt.Sprintf("phrasing %.60q", q.Gaps[j].Phrasing)
			}
			ok = has == wantPhrasing[i]
		}
		c.add(lineOr(s, qe.line), "phrasing", fmt.Sprintf("%s gap %q phrasing", qn, w), ok, want, got)
	}

	s = qe.keys["samples"]
	var langs []string
	for _, g := range q.Samples {
		langs = append(langs, langOrPlain(g.Lang))
	}
	c.matchList(lineOr(s, qe.line), "sample", qn+" sample", list(s.val), langs, strings.EqualFold)

	s = qe.keys["diagrams"]
	langs = nil
	for _, g := range q.Diagrams {
		langs = append(langs, langOrPlain(g.Lang))
	}
	c.matchList(lineOr(s, qe.line), "diagram", qn+" diagram", list(s.val), langs, strings.EqualFold)
}

// lineOr is the line of s, or def when the key was left out.
func lineOr(s stmt, def int) int {
	if s.line == 0 {
		return def
	}
	return s.line
}

func langOrPlain(lang string) string {
	if lang == "" {
		return "plain"
	}
	return lang
}

func (c *checker) plan(e *expect, v *view) {
	var nums, wantNums []string
	for _, p := range v.plan {
		nums = append(nums, strconv.Itoa(p.Number))
	}
	for _, s := range e.plan {
		n, _, _ := strings.Cut(s.val, "|")
		wantNums = append(wantNums, strings.TrimSpace(n))
	}
	c.add(0, "plan count", "plan rows", len(v.plan) == len(e.plan), joinOrNone(wantNums), joinOrNone(nums))
	for _, s := range e.plan {
		parts := list(s.val)
		if len(parts) != 4 {
			c.add(s.line, "plan", "plan row", false, "NUMBER | TOPIC | STATUS | LABEL", s.val)
			continue
		}
		var row *bank.PlanEntry
		for i := range v.plan {
			if strconv.Itoa(v.plan[i].Number) == parts[0] {
				row = &v.plan[i]
				break
			}
		}
		name := "plan row " + parts[0]
		if row == nil {
			for _, what := range []string{"topic", "status", "label"} {
				c.add(s.line, "plan "+what, name+" "+what, false, "a row "+parts[0], "none")
			}
			continue
		}
		c.add(s.line, "plan topic", name+" topic", sameWords(row.Topic, parts[1]), strconv.Quote(parts[1]), strconv.Quote(row.Topic))
		c.add(s.line, "plan status", name+" status", row.Status.String() == parts[2], parts[2], row.Status.String())
		c.add(s.line, "plan label", name+" label", strings.TrimSpace(row.Label) == parts[3], strconv.Quote(parts[3]), strconv.Quote(row.Label))
	}
	if len(e.plan) == 0 {
		return
	}
	line := 0
	var cols []string
	if e.planCols != nil {
		line, cols = e.planCols.line, list(e.planCols.val)
	}
	for i, col := range cols {
		var bad []string
		for _, p := range v.plan {
			if i >= len(p.Fields) || !sameWords(p.Fields[i].Name, col) {
				bad = append(bad, strconv.Itoa(p.Number))
			}
		}
		got := "missing on rows " + joinOrNone(bad)
		if len(v.plan) == 0 {
			got = "no plan rows"
		}
		c.add(line, "plan column", fmt.Sprintf("plan column %d %q", i+1, col), len(v.plan) > 0 && len(bad) == 0, "on every row", got)
	}
	var extra []string
	for _, p := range v.plan {
		if len(p.Fields) > len(cols) {
			for _, f := range p.Fields[len(cols):] {
				extra = append(extra, fmt.Sprintf("row %d %s", p.Number, f.Name))
			}
		}
	}
	got := joinOrNone(extra)
	if len(v.plan) == 0 {
		got = "no plan rows"
	}
	c.add(line, "plan column count", "no other plan columns", len(v.plan) > 0 && len(extra) == 0, "none", got)
}

func (c *checker) note(s stmt, v *view) {
	inNotes := slices.ContainsFunc(v.notes, func(n string) bool { return containsWords(n, s.val) })
	var misplaced []string
	for _, q := range v.questions {
		text := words(q.Prompt + "\n" + blocksText(q.Response) + "\n" + blocksText(q.Answer))
		if containsWords(text, s.val) {
			misplaced = append(misplaced, fmt.Sprintf("q%d", q.Number))
		}
	}
	got := "in the notes"
	switch {
	case len(misplaced) > 0:
		got = "inside " + strings.Join(misplaced, ", ")
	case !inNotes:
		got = "not in the notes"
	}
	c.add(s.line, "note", fmt.Sprintf("note %q", s.val), inNotes && len(misplaced) == 0, "in the notes only", got)
}

// docScore is one document's checked facts.
type docScore struct {
	doc, style string
	results    []result
}

func (d docScore) right() int {
	n := 0
	for _, r := range d.results {
		if r.ok {
			n++
		}
	}
	return n
}

// scoreTable prints the scores per document and per kind of fact.
func scoreTable(scores []docScore) string {
	var s strings.Builder
	s.WriteString("# Style corpus scores\n\n")
	s.WriteString("Facts that hold when the parser reads each corpus document, from\n")
	s.WriteString("`go test ./parse -run TestCorpus` (`-v` lists each wrong fact,\n")
	s.WriteString("`-update` rewrites this file). The facts are in `*.facts.txt`.\n\n")
	s.WriteString("| document | style | right | facts |\n|---|---|---:|---:|\n")
	right, total := 0, 0
	type tally struct{ right, total int }
	kinds := map[string]*tally{}
	var order []string
	for _, d := range scores {
		style, _, _ := strings.Cut(d.style, ":")
		fmt.Fprintf(&s, "| `%s` | %s | %d | %d |\n", d.doc, style, d.right(), len(d.results))
		right += d.right()
		total += len(d.results)
		for _, r := range d.results {
			k := kinds[r.kind]
			if k == nil {
				k = &tally{}
				kinds[r.kind] = k
				order = append(order, r.kind)
			}
			k.total++
			if r.ok {
				k.right++
			}
		}
	}
	fmt.Fprintf(&s, "| **total** | | **%d** | **%d** |\n\n", right, total)
	fmt.Fprintf(&s, "facts right: %d of %d\n\n", right, total)
	s.WriteString("By kind of fact:\n\n| kind | right | facts |\n|---|---:|---:|\n")
	slices.Sort(order)
	for _, k := range order {
		fmt.Fprintf(&s, "| %s | %d | %d |\n", k, kinds[k].right, kinds[k].total)
	}
	return s.String()
}
