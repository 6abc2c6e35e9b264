package parse

import (
	"io/fs"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/source"
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
