package parse

import (
	"io/fs"
	"math/rand"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/source"
	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/tools/txtar"
)

// walkCorpus returns Markdown to check the walk's helpers on: the shipped
// sources, every source in testdata, and the shipped sources damaged at
// random (Markdown syntax, separators, white space and stray bytes
// inserted, text cut out), the same every run.
func walkCorpus(t *testing.T) [][]byte {
	t.Helper()
	var shipped, out [][]byte
	names, err := fs.Glob(source.FS, "*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no shipped sources: %v", err)
	}
	for _, n := range names {
		data, err := fs.ReadFile(source.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		shipped = append(shipped, data)
	}
	out = append(out, shipped...)
	paths, _ := filepath.Glob("testdata/*.txtar")
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".md") {
				out = append(out, f.Data)
			}
		}
	}
	bits := []string{"**", "*", "_", "\n", "\n\n", "```", "`", "\\", "&amp;", "&#x41;", "[", "](http://x)", "<b>",
		"<https://a.b>", "|", "\n| a | b |\n|---|---|\n| 1 | 2 |\n", "## ", "# ", "- ", "1. ", "> ", "—", " — ", " – ", "-", ":",
		"\r", "\r\n", "\t", "    ", "\xff", "â€”", "\u00a0", "\u2003", "İ", "K", "ß", "Question 3 - Lead", "Q2: ",
		"## Diagrams\n\n```\nTitle\n┌─┐\n\n└─┘\n```\n", "```yaml\nkind: Pod\na: 1\na: 2\n```\n", "**Term** — def\n", "---\n",
		"[docs](https://k8s.io)", "[https://a.b](https://a.b)", "**Pod** — [ref](u) x", "**Term:** def", "*“quoted”*", "`code`", "<span>x</span>", "\\*"}
	r := rand.New(rand.NewSource(1))
	for _, base := range shipped {
		for range 40 {
			d := append([]byte(nil), base...)
			for range 1 + r.Intn(12) {
				at := r.Intn(len(d) + 1)
				switch r.Intn(3) {
				case 0:
					d = append(d[:at], append([]byte(bits[r.Intn(len(bits))]), d[at:]...)...)
				case 1:
					d = append(d[:at], d[min(at+r.Intn(40), len(d)):]...)
				default:
					if at < len(d) {
						d[at] = byte(r.Intn(256))
					}
				}
			}
			out = append(out, d)
		}
	}
	return out
}

// walkDocs parses each source of the corpus the way parseFile does and
// calls f with the doc and every node of its tree.
func walkDocs(t *testing.T, f func(d *doc, n ast.Node)) {
	t.Helper()
	for _, data := range walkCorpus(t) {
		var diags bank.Diagnostics
		src := repair("a.md", data, &diags)
		d := &doc{name: "a.md", src: src, lines: newLineTable("a.md", src), diags: &diags}
		root := markdown.Parser().Parse(text.NewReader(src))
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				f(d, n)
			}
			return ast.WalkContinue, nil
		})
	}
}

// TestPlainText checks plain, leadSplit and isGlossaryLead, which gather
// text in a reused buffer, against the strings.Builder versions they
// replaced (kept below), on every node of the corpus.
func TestPlainText(t *testing.T) {
	nodes, leads := 0, 0
	walkDocs(t, func(d *doc, n ast.Node) {
		nodes++
		if got, want := d.plain(n), refPlain(n, d.src); got != want {
			t.Errorf("plain(%s) = %q, want %q", n.Kind(), got, want)
		}
		lead, rest, ok := d.leadSplit(n)
		wLead, wRest, wOK := refLeadSplit(n, d.src)
		if lead != wLead || rest != wRest || ok != wOK {
			t.Errorf("leadSplit(%s) = %q, %q, %v; want %q, %q, %v", n.Kind(), lead, rest, ok, wLead, wRest, wOK)
		}
		if ok {
			leads++
		}
		if got, want := d.isGlossaryLead(n), refIsGlossaryLead(n, d.src); got != want {
			t.Errorf("isGlossaryLead(%s) = %v, want %v", n.Kind(), got, want)
		}
	})
	if nodes < 10000 || leads < 100 {
		t.Errorf("only %d nodes, %d bold leads checked", nodes, leads)
	}
}

func refPlain(n ast.Node, src []byte) string {
	var b strings.Builder
	refWriteChildren(&b, n, src)
	return strings.TrimSpace(b.String())
}

func refWriteChildren(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		refWriteInline(b, c, src)
	}
}

func refWriteInline(b *strings.Builder, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(src)
		if !n.IsRaw() {
			v = unescape(v)
		}
		b.Write(v)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte('\n')
		}
	case *ast.String:
		v := n.Value
		if !n.IsRaw() && !n.IsCode() {
			v = unescape(v)
		}
		b.Write(v)
	case *ast.CodeSpan:
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				b.Write(t.Value(src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
	case *ast.Link:
		start := b.Len()
		refWriteChildren(b, n, src)
		if dest := string(n.Destination); dest != "" && b.String()[start:] != dest {
			b.WriteString(" (" + dest + ")")
		}
	case *ast.AutoLink:
		b.Write(n.URL(src))
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(src))
		}
	default:
		refWriteChildren(b, n, src)
	}
}

func refIsBlankText(n ast.Node, src []byte) bool {
	t, ok := n.(*ast.Text)
	return ok && strings.TrimSpace(string(t.Value(src))) == ""
}

func refLeadSplit(p ast.Node, src []byte) (lead, rest string, ok bool) {
	first := p.FirstChild()
	for first != nil && refIsBlankText(first, src) {
		first = first.NextSibling()
	}
	if first == nil || !isStrong(first) {
		return "", "", false
	}
	var b strings.Builder
	for c := first.NextSibling(); c != nil; c = c.NextSibling() {
		refWriteInline(&b, c, src)
	}
	return refPlain(first, src), trimSeparator(strings.TrimSpace(b.String())), true
}

func refIsGlossaryLead(p ast.Node, src []byte) bool {
	first := p.FirstChild()
	for first != nil && refIsBlankText(first, src) {
		first = first.NextSibling()
	}
	if first == nil {
		return false
	}
	if strings.HasSuffix(refPlain(first, src), ":") {
		return true
	}
	next := first.NextSibling()
	if next == nil {
		return false
	}
	var b strings.Builder
	refWriteInline(&b, next, src)
	rest := strings.TrimSpace(b.String())
	return trimSeparator(rest) != rest
}

// spacey is text to compare string and byte versions of the helpers on:
// separators, Unicode white space, letters whose case mapping changes
// their length, and bytes that are not UTF-8.
var spacey = []string{
	"", " ", "\n", "—", "— x", "—x", " — x", "–  y ", "- z", "-", ":", ": a:", "::", "-—", "—\u00a0x", "\u2003—\u2003x\u2003",
	"x — y", "\xff", "—\xff", "\xe2\x80", "\u0085x\u0085", "İx", "Kx", "a\tb", "Q", "q1", "Question", "QUESTİON 2", "Kelvin",
}

func TestTrimSeparatorBytes(t *testing.T) {
	for _, s := range spacey {
		if got, want := string(trimSeparatorBytes([]byte(s))), trimSeparator(s); got != want {
			t.Errorf("trimSeparatorBytes(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestRepairValid checks that repair hands on valid UTF-8 whatever the
// input: it only checks the text when fix.Bytes reports bytes it could
// not decode, trusting fix to keep invalid bytes nowhere else.
func TestRepairValid(t *testing.T) {
	inputs := [][]byte{
		[]byte("plain"), []byte("a \xff b"), []byte("\xef\xbb\xbfBOM \xff"), []byte("â€” and \xe2\x80"),
		{0xFF, 0xFE, 'a', 0, 0x00, 0xD8, 'b', 0}, {0xFE, 0xFF, 0xD8, 0x00, 0, 'a', 1},
		[]byte("caf\xe9 na\xefve"), []byte("caf\xe9 \x81\x8d\x8f"), []byte("Ã©\xff"), []byte("\xc3"), []byte("ï»¿x\xfe"),
	}
	r := rand.New(rand.NewSource(2))
	for _, base := range walkCorpus(t)[:2] {
		for range 200 {
			d := append([]byte(nil), base...)
			for range 1 + r.Intn(8) {
				d[r.Intn(len(d))] = byte(0x80 + r.Intn(128))
			}
			inputs = append(inputs, d)
		}
	}
	undecodable := 0
	for _, in := range inputs {
		var diags bank.Diagnostics
		if out := repair("a.md", in, &diags); !utf8.Valid(out) {
			t.Errorf("repair(%.40q) is not valid UTF-8: %.40q", in, out)
		}
		for _, d := range diags {
			if strings.Contains(d.Msg, "undecodable") {
				undecodable++
				break
			}
		}
	}
	if undecodable < 100 {
		t.Errorf("only %d of %d inputs had undecodable bytes", undecodable, len(inputs))
	}
}

// TestDiagramsSplit compares diagrams, which reads the lines of a block
// in place, with the strings.SplitAfter version it replaced (kept
// below), on every code block of the corpus and on made-up blocks of
// titles, art, blank lines and odd line endings.
func TestDiagramsSplit(t *testing.T) {
	check := func(d *doc, n ast.Node) {
		if !isFence(n) {
			return
		}
		var gotDiags, wantDiags bank.Diagnostics
		got, want := &bank.Question{}, &bank.Question{}
		d.q, d.diags = got, &gotDiags
		d.diagrams(n)
		d.q, d.diags = want, &wantDiags
		refDiagrams(d, n)
		d.q = nil
		if diff := cmp.Diff(want.Diagrams, got.Diagrams); diff != "" {
			t.Errorf("diagrams of %q mismatch (-want +got):\n%s", codeText(n, d.src), diff)
		}
		if diff := cmp.Diff(wantDiags, gotDiags); diff != "" {
			t.Errorf("diagnostics for %q mismatch (-want +got):\n%s", codeText(n, d.src), diff)
		}
	}
	walkDocs(t, check)

	pieces := []string{"Title Line", "  indented art", "┌──┐", "│ab│", "└──┘", "", " ", "\t", "x", "A → B", "Stacks"}
	ends := []string{"\n", "\n", "\n", "\r\n", "\r\r\n", "\r"}
	r := rand.New(rand.NewSource(3))
	for range 3000 {
		var b strings.Builder
		b.WriteString("```\n")
		for range r.Intn(10) {
			b.WriteString(pieces[r.Intn(len(pieces))])
			b.WriteString(ends[r.Intn(len(ends))])
		}
		if r.Intn(4) > 0 {
			b.WriteString("```\n")
		}
		src := []byte(b.String())
		d := &doc{name: "a.md", src: src, lines: newLineTable("a.md", src)}
		root := markdown.Parser().Parse(text.NewReader(src))
		for n := root.FirstChild(); n != nil; n = n.NextSibling() {
			check(d, n)
		}
	}
}

func refDiagrams(d *doc, n ast.Node) {
	segs := n.Lines()
	code := codeText(n, d.src)
	lines := strings.SplitAfter(code, "\n")
	if len(lines) > segs.Len() {
		lines = lines[:segs.Len()]
	}
	var cur *bank.Diagram
	start, end, cr, pending := -1, -1, false, false
	flush := func() {
		if cur != nil {
			if start >= 0 {
				cur.Art = code[start:end]
				if cr {
					cur.Art = trimLineEnds(cur.Art)
				}
			}
			d.q.Diagrams = append(d.q.Diagrams, *cur)
		}
		cur, start, end, cr, pending = nil, -1, -1, false, false
	}
	afterBlank := true
	off := 0
	for i, line := range lines {
		lineStart := off
		off += len(line)
		body := strings.TrimRight(line, "\r\n")
		odd := len(line) != len(body)+1
		if strings.TrimSpace(body) == "" {
			pending = pending || odd
			afterBlank = true
			continue
		}
		if afterBlank && isTitleLine(body) && i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			flush()
			cur = &bank.Diagram{Title: strings.TrimSpace(body), Pos: d.lines.pos(segs.At(i).Start)}
			afterBlank = false
			continue
		}
		if cur == nil {
			cur = &bank.Diagram{Pos: d.lines.pos(segs.At(i).Start)}
			d.warn(cur.Pos, "diagram has no title line")
		}
		if start < 0 {
			start = lineStart
		} else {
			cr = cr || pending
		}
		end, pending = lineStart+len(body), odd
		afterBlank = false
	}
	flush()
}

func TestIsBlankLine(t *testing.T) {
	for _, s := range append(spacey, "\u3000\u2028 \v\f\r", "\u200b", " \u00a0 x \u00a0 ") {
		if got, want := isBlankLine(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("isBlankLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestHeadingWords checks sectionOf and questionHeading, which skip
// copies, against the versions they replaced, and that "q" and "Q" are
// the only runes that lower-case to "q", which questionHeading's early
// exit relies on.
func TestHeadingWords(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if unicode.ToLower(r) == 'q' && r != 'q' && r != 'Q' {
			t.Errorf("%U lower-cases to q", r)
		}
	}
	headings := append([]string{}, spacey...)
	for name := range sectionNames {
		headings = append(headings, name, strings.ToUpper(name)+" ✅", "  "+name+":", "İ"+name, strings.Repeat(name+" ", 5))
	}
	headings = append(headings, "Question 2 — Stepping Up", "Q2: Stepping Up", "q3", "question 3 - Lead Engineer Level 🚀",
		"QUESTION 12) Warm-Up", "Question 2b", "Q", "q", "Qx", "Quick one", "\xffQuestion 1", " q7 ")
	walkDocs(t, func(d *doc, n ast.Node) {
		if h, ok := n.(*ast.Heading); ok {
			headings = append(headings, d.plain(h))
		}
	})
	for _, h := range headings {
		if got, want := sectionOf(h), sectionNames[refWords(h)]; got != want {
			t.Errorf("sectionOf(%q) = %v, want %v", h, got, want)
		}
		if got, want := words(h), refWords(h); got != want {
			t.Errorf("words(%q) = %q, want %q", h, got, want)
		}
		n, label, ok := questionHeading(h)
		wn, wlabel, wok := refQuestionHeading(h)
		if n != wn || label != wlabel || ok != wok {
			t.Errorf("questionHeading(%q) = %d, %q, %v; want %d, %q, %v", h, n, label, ok, wn, wlabel, wok)
		}
	}
}

func refWords(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return b.String()
}

func refQuestionHeading(heading string) (n int, label string, ok bool) {
	s := strings.TrimSpace(heading)
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "question"):
		s = s[len("question"):]
	case strings.HasPrefix(lower, "q") && len(s) > 1 && s[1] >= '0' && s[1] <= '9':
		s = s[1:]
	default:
		return 0, "", false
	}
	s = strings.TrimLeft(s, " #.")
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits > 4 {
		return 0, "", false
	}
	n, _ = strconv.Atoi(s[:digits])
	rest := s[digits:]
	if rest != "" && !strings.ContainsAny(rest[:1], " :.-—–)") && !strings.HasPrefix(rest, "—") && !strings.HasPrefix(rest, "–") {
		return 0, "", false
	}
	return n, trimDecoration(trimSeparator(strings.TrimSpace(strings.TrimLeft(rest, ".)")))), true
}

// TestLineTable compares lineTable, which counts newlines from the last
// position it found, with a table of line starts searched by sort.Search
// (its former self), for offsets asked in order, in reverse, at random
// and past the end of the text.
func TestLineTable(t *testing.T) {
	texts := []string{"", "\n", "\n\n", "a", "a\n", "ab\ncd", "ab\n\ncd\n", "\r\n\r\nx\ry\n"}
	r := rand.New(rand.NewSource(4))
	for range 200 {
		var b strings.Builder
		for range r.Intn(200) {
			b.WriteString([]string{"\n", "x", "yy", "—", "\r\n", "\n\n"}[r.Intn(6)])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		src := []byte(s)
		var offs []int
		for i := -1; i <= len(src)+2; i++ {
			offs = append(offs, i)
		}
		for i := len(src) + 2; i >= -1; i-- {
			offs = append(offs, i)
		}
		for range 100 {
			offs = append(offs, r.Intn(len(src)+4)-1)
		}
		tab := newLineTable("a.md", src)
		for _, off := range offs {
			if got, want := tab.pos(off), refPos("a.md", src, off); got != want {
				t.Fatalf("in %q, pos(%d) = %v, want %v", s, off, got, want)
			}
		}
	}
}

func refPos(file string, src []byte, off int) bank.Pos {
	if off < 0 {
		return bank.Pos{File: file}
	}
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	return bank.Pos{File: file, Line: i + 1, Col: off - starts[i] + 1}
}

// TestAnswerRoom checks that the room answerSize reserves for a model
// answer is what the answer takes, within the allocator's rounding: the
// bank keeps any slack.
func TestAnswerRoom(t *testing.T) {
	var srcs []Source
	for i, data := range walkCorpus(t)[:2] {
		srcs = append(srcs, Source{Name: strconv.Itoa(i) + ".md", Data: data})
	}
	b, _ := Parse(srcs...)
	answers := 0
	for _, tp := range b.Topics {
		for _, q := range tp.Questions {
			if len(q.Answer) == 0 {
				continue
			}
			answers++
			if n := len(q.Answer); cap(q.Answer) > n+n/8+1 {
				t.Errorf("question %s: %d answer blocks, room for %d", q.ID, n, cap(q.Answer))
			}
			if n := len(q.Samples); cap(q.Samples) > n+n/4+1 {
				t.Errorf("question %s: %d samples, room for %d", q.ID, n, cap(q.Samples))
			}
		}
	}
	if answers == 0 {
		t.Error("no model answers in the shipped sources")
	}
}
