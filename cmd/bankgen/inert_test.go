package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/export"
)

// TestHostileTextIsInert exports testdata/bad/hostile.md — HTML and
// script, spreadsheet formulas, Anki template syntax, control characters
// and a path-like title — in every format, and checks that each output
// keeps it as inert text and that no path comes from the content.
func TestHostileTextIsInert(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	src := filepath.Join("testdata", "bad", "hostile.md")
	for _, args := range [][]string{{"export", "--all", "-o", out, src}, {"export", "--anki", "--text", "-o", out, src}} {
		if code, _, errs := bankgen(t, args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}

	// Only the fixed file names, only inside out/.
	var names []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			names = append(names, rel)
		}
		return nil
	})
	sort.Strings(names)
	// The path-like title "../../etc/passwd" names the topic file only
	// as its slug.
	want := []string{export.ManifestName, "bank.json", "bank.xlsx", "cheat-sheet.pdf", "concepts.csv", "diagrams.csv", "etc-passwd.md", "gaps.csv",
		"interview-prep-cards.txt", "interview-prep-concepts.txt", "interview-prep-gaps.txt", "interview-prep-questions.txt",
		"interview-prep.anki-state.json", "interview-prep.apkg",
		"plan.csv", "questions.csv", "quiz.html", "samples.csv", "study-guide.pdf"}
	for i := range want {
		want[i] = filepath.Join("out", want[i])
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("files written:\n%s\nwant:\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}

	// Anki's import files are HTML: markup from the source is escaped.
	for _, name := range []string{"interview-prep-questions.txt", "interview-prep-gaps.txt"} {
		text := string(read(name))
		for _, raw := range []string{"<script", "<img src=x", "<svg"} {
			if strings.Contains(text, raw) {
				t.Errorf("%s holds raw %q", name, raw)
			}
		}
		if !strings.Contains(text, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s lacks the escaped script text", name)
		}
	}

	// The self-study page: source markup never appears raw; the page has
	// its own three scripts only (card data, scheduler, page).
	page := string(read("quiz.html"))
	for _, raw := range []string{"<img src=x", "<svg", "<iframe"} {
		if strings.Contains(page, raw) {
			t.Errorf("quiz.html holds raw %q", raw)
		}
	}
	if n := strings.Count(strings.ToLower(page), "<script"); n != 3 {
		t.Errorf("quiz.html has %d <script tags, want 3", n)
	}

	// CSV: a cell that a spreadsheet would evaluate starts with a quote.
	for _, name := range []string{"questions.csv", "gaps.csv", "samples.csv", "diagrams.csv", "concepts.csv", "plan.csv"} {
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(read(name), []byte("\ufeff"))))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: cell %q would be evaluated as a formula", name, cell)
				}
			}
		}
	}
	if !bytes.Contains(read("gaps.csv"), []byte("'@SUM(A1:A9)")) {
		t.Error("gaps.csv lacks the quoted @SUM cell")
	}

	// XLSX: no formula anywhere in the workbook.
	zr, err := zip.NewReader(bytes.NewReader(read("bank.xlsx")), int64(len(read("bank.xlsx"))))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(body, []byte("<f>")) || bytes.Contains(body, []byte("<f ")) {
			t.Errorf("%s holds a formula", f.Name)
		}
	}

	// The PDF shows the markup as text (pdftotext is from poppler-utils).
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is needed (apt-get install poppler-utils, as .ci/run does): %v", err)
	}
	text, err := exec.Command(pdftotext, "-enc", "UTF-8", filepath.Join(out, "study-guide.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(text, []byte("<script>alert(1)</script>")) {
		t.Error("the study guide does not show the script tag as text")
	}

	// JSON keeps the text exactly, but for the control characters the
	// bank drops (bank.Clean).
	js := string(read("bank.json"))
	for _, s := range []string{`<script>alert(1)</script> and {{Front}}`, `"id": "etc-passwd"`} {
		if !strings.Contains(js, s) {
			t.Errorf("bank.json lacks %q", s)
		}
	}
	if strings.ContainsRune(js, 0x07) || strings.ContainsRune(js, 0x1b) || strings.Contains(js, `\u0007`) {
		t.Error("bank.json holds control characters")
	}
}
