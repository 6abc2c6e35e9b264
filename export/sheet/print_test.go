package sheet

import (
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/internal/shipped"
)

// printBank is a bank whose every wrapped cell ends in a marker word
// ("zq0", "zq1", …), with text of every shape a sheet holds: short and
// long prose, several paragraphs, lists, words wider than their column,
// capitals, wide (CJK) characters and emoji, code with long lines, and
// box-drawing diagrams. It returns the markers too.
func printBank() (*bank.Bank, []string) {
	var marks []string
	mark := func(s string) string {
		m := fmt.Sprintf("zq%d", len(marks))
		marks = append(marks, m)
		if strings.HasSuffix(s, "\n") {
			return s + m
		}
		return s + " " + m
	}
	long := func(n int) string {
		words := strings.Fields("the scheduler places every pod on a node with enough CPU and memory, then the kubelet starts its containers and reports their status back")
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[i%len(words)])
		}
		return b.String()
	}
	code := strings.Repeat("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n", 4) +
		"  command: [\"/bin/sh\", \"-c\", \"" + strings.Repeat("echo waiting for the database; sleep 1; ", 4) + "\"]\n"
	art := "╔════════════════════════════════════════════════════════════════════════════╗\n" +
		"║  CONTROL PLANE  ──▶  API server  ──▶  scheduler  ──▶  controller manager  ✅ ║\n" +
		"╚════════════════════════════════════════════════════════════════════════════╝\n"
	b := &bank.Bank{}
	for ti, name := range []string{"Kubernetes", "分散システム"} {
		t := bank.Topic{Name: name}
		for i := range 4 {
			t.Guide = append(t.Guide, bank.Term{
				Term:       mark(strings.Repeat("Term ", i+1)),
				Definition: mark(long(8 + 30*i)),
				Section:    mark("Core Kubernetes Concepts in Plain English"),
			})
		}
		for qi := range 4 {
			q := bank.Question{
				Number: qi + 1, Level: bank.Levels()[qi%3],
				Prompt: mark([]string{
					"Why pods?",
					long(60),
					"ポッドとデプロイメントとサービスの違いを説明してください。" + strings.Repeat("コンテナ", 20),
					"WHAT HAPPENS WHEN A NODE FAILS DURING A ROLLING UPDATE OF A STATEFULSET WITH " + long(20) + " 🎯🔧✅",
				}[qi]),
				Strengths: []bank.Strength{{Title: "ok"}},
				Gaps: []bank.Gap{
					{Title: mark(long(4 + 6*qi)), Detail: mark(long(20 + 25*qi)), Phrasing: mark(long(30 + 20*qi))},
					{Title: mark("Supercalifragilisticexpialidocious-and-then-some-more-without-spaces-" + strings.Repeat("x", 10*qi)), Detail: mark("short"), Phrasing: mark("Multi\nline\n\nphrasing")},
				},
				Answer: []bank.Block{
					{Kind: bank.KindHeading, Level: 2, Text: "Overview"},
					{Kind: bank.KindParagraph, Text: long(40 * qi)},
					{Kind: bank.KindList, Items: []string{"Scaling", long(25), "Self-healing"}},
					{Kind: bank.KindParagraph, Text: mark("In short")},
				},
				Samples: []bank.Sample{{Lang: "yaml", File: "deploy.yaml", Kinds: []string{"Deployment"}, Code: mark(code[:len(code)*(qi+1)/4])}},
				Diagrams: []bank.Diagram{{
					Title: mark("HOW LABELS CONNECT ALL THREE OBJECTS"),
					Art:   mark(strings.Repeat(art, qi+1)),
				}},
			}
			q.Answer = append(q.Answer[:3], bank.Block{Kind: bank.KindSample, Sample: 0}, q.Answer[3])
			t.Questions = append(t.Questions, q)
		}
		b.Topics = append(b.Topics, t)
		b.Plan = append(b.Plan, bank.PlanEntry{Number: ti + 1, Topic: mark(long(3 + 12*ti)), Status: bank.Next})
	}
	b.AssignIDs()
	return b, marks
}

// pdfWord is one word of a PDF page as pdftotext -bbox places it.
type pdfWord struct {
	Text string  `xml:",chardata"`
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
}

type pdfPage struct {
	Words []pdfWord `xml:"word"`
}

// printPDF prints each workbook to PDF with LibreOffice, as a user's
// "soffice --headless --convert-to pdf bank.xlsx" does, and returns the
// words of each PDF, page by page.
func printPDF(t *testing.T, books map[string][]byte) map[string][]pdfPage {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("LibreOffice is needed to print the workbook (apt-get install libreoffice-calc-nogui, as .ci/run does): %v", err)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is needed to read the printed workbook (apt-get install poppler-utils, as .ci/run does): %v", err)
	}
	dir := t.TempDir()
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir}
	for name, data := range books {
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pages := map[string][]pdfPage{}
	for name := range books {
		out, err := exec.Command(pdftotext, "-bbox", filepath.Join(dir, name+".pdf"), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		var doc struct {
			Pages []pdfPage `xml:"body>doc>page"`
		}
		d := xml.NewDecoder(strings.NewReader(string(out)))
		d.Strict = false
		d.AutoClose = xml.HTMLAutoClose
		d.Entity = xml.HTMLEntity
		if err := d.Decode(&doc); err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		if len(doc.Pages) == 0 || len(doc.Pages[0].Words) == 0 || doc.Pages[0].Words[0].YMax == 0 {
			t.Fatalf("%s: no words with positions read from the PDF", name)
		}
		pages[name] = doc.Pages
	}
	return pages
}

// overlaps returns the pairs of words on a page that are printed over
// each other: their boxes meet across and cover each other for more than
// a third of a line's height. Words of neighbouring lines of one cell
// meet by a point or two, never that much.
func overlaps(p pdfPage) []string {
	w := slices.Clone(p.Words)
	slices.SortFunc(w, func(a, b pdfWord) int {
		switch {
		case a.YMin < b.YMin:
			return -1
		case a.YMin > b.YMin:
			return 1
		}
		return 0
	})
	var out []string
	for i, a := range w {
		for _, b := range w[i+1:] {
			if b.YMin >= a.YMax {
				break
			}
			across := min(a.XMax, b.XMax) - max(a.XMin, b.XMin)
			down := min(a.YMax, b.YMax) - max(a.YMin, b.YMin)
			if across > 0.5 && down > min(a.YMax-a.YMin, b.YMax-b.YMin)/3 {
				out = append(out, fmt.Sprintf("%q at (%.0f,%.0f) over %q at (%.0f,%.0f)", b.Text, b.XMin, b.YMin, a.Text, a.XMin, a.YMin))
			}
		}
	}
	return out
}

// fitRows cuts the long texts of b (model answers, code, diagrams) to
// what a row of the tallest height can show, keeping their shape: the
// first blocks of each answer, the first lines of code and art.
func fitRows(b *bank.Bank) *bank.Bank {
	head := func(s string, lines, chars int) string {
		l := strings.SplitAfter(s, "\n")
		s = strings.Join(l[:min(lines, len(l))], "")
		if len(s) > chars {
			if i := strings.LastIndexByte(s[:chars], ' '); i > 0 {
				s = s[:i]
			}
		}
		return s
	}
	for ti := range b.Topics {
		for qi := range b.Topics[ti].Questions {
			q := &b.Topics[ti].Questions[qi]
			q.Answer = q.Answer[:min(4, len(q.Answer))]
			for i := range q.Answer {
				bl := &q.Answer[i]
				bl.Text = head(bl.Text, 4, 300)
				bl.Code = head(bl.Code, 4, 300)
				bl.Items = bl.Items[:min(3, len(bl.Items))]
				bl.Rows = bl.Rows[:min(3, len(bl.Rows))]
			}
			for i := range q.Samples {
				q.Samples[i].Code = head(q.Samples[i].Code, 20, 2000)
			}
			for i := range q.Diagrams {
				q.Diagrams[i].Art = head(q.Diagrams[i].Art, 20, 4000)
			}
		}
	}
	return b
}

// TestPrintedRowsFit prints workbooks with LibreOffice and reads the
// PDF back: no text may be printed over other text (wrapped cells
// overflowing into the rows below), and every cell of the crafted bank
// must show its last word (rows tall enough for their text).
//
// The shipped bank's model answers and some of its samples are taller
// than a row may be (409 points), so LibreOffice cuts them at the row's
// edge, through a line whose box then meets the next row's: pdftotext
// cannot tell that from text printed over text. So the shipped bank is
// printed with those texts cut to what a row can show (fitRows).
func TestPrintedRowsFit(t *testing.T) {
	crafted, marks := printBank()
	books := map[string][]byte{
		"crafted": writeBook(t, crafted, Options{}),
		"shipped": writeBook(t, fitRows(shipped.Bank(t)), Options{}),
	}
	pdfs := printPDF(t, books)
	for name, pages := range pdfs {
		for i, p := range pages {
			for _, o := range overlaps(p) {
				t.Errorf("%s, page %d: %s", name, i+1, o)
			}
		}
	}
	seen := map[string]bool{}
	for _, p := range pdfs["crafted"] {
		for _, w := range p.Words {
			seen[strings.Trim(w.Text, ".,;:!?\"'")] = true
		}
	}
	for _, m := range marks {
		if !seen[m] {
			t.Errorf("crafted: %s is not printed: its row is too short for its text", m)
		}
	}
}
