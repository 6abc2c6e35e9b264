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
