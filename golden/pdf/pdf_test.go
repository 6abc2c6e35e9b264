// Package pdf_test checks the PDF export end to end on the bank of the
// shipped sources (../bank.json), through a text projection of each PDF
// made with poppler: the outline (bookmarks with their pages, as
// pdftohtml reads them) and the text of every page (pdftotext -layout,
// so that diagrams and columns read as drawn). The PDF
// bytes are not stored. Run "go test ./golden/pdf -update" to rewrite the
// files in testdata, and review the diff before committing it.
package pdf_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bankgen/bankgen/internal/goldentest"
	"github.com/bankgen/bankgen/internal/shipped"

	"github.com/google/go-cmp/cmp"

	"github.com/bankgen/bankgen/export/pdf"
)

// poppler runs a poppler-utils command on the PDF at path. Anything it
// reports on stderr fails the test.
func poppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found: this test needs poppler-utils (apt-get install poppler-utils)", name)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(p, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s reports:\n%s", name, stderr.String())
	}
	return stdout.String()
}

// item is a bookmark in pdftohtml's XML.
type item struct {
	Page  int    `xml:"page,attr"`
	Title string `xml:",chardata"`
}

// outline renders pdftohtml's nested <outline> as indented lines.
func outline(t *testing.T, x string) string {
	t.Helper()
	var b strings.Builder
	dec := xml.NewDecoder(strings.NewReader(x))
	dec.Strict = false
	depth := -1
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "outline":
				depth++
			case "item":
				var it item
				if err := dec.DecodeElement(&it, &el); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&b, "%s%s  (p. %d)\n", strings.Repeat("  ", depth), it.Title, it.Page)
			}
		case xml.EndElement:
			if el.Name.Local == "outline" {
				depth--
			}
		}
	}
	return b.String()
}

// projection is the outline and the text of each page of a PDF.
func projection(t *testing.T, pdfBytes []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdfBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("== outline ==\n")
	b.WriteString(outline(t, poppler(t, "pdftohtml", "-xml", "-i", "-stdout", "-q", path)))
	text := strings.TrimSuffix(poppler(t, "pdftotext", "-layout", path, "-"), "\f")
	for i, page := range strings.Split(text, "\f") {
		fmt.Fprintf(&b, "\n== page %d ==\n", i+1)
		for _, l := range strings.Split(strings.TrimRight(page, "\n"), "\n") {
			b.WriteString(strings.TrimRight(l, " ") + "\n")
		}
	}
	return b.String()
}

// TestShipped compares the projections of the study guide and the cheat
// sheet of the shipped bank with the reviewed ones in testdata.
func TestShipped(t *testing.T) {
	b := shipped.Bank(t)
	files, err := pdf.Files(b, pdf.Options{Date: time.Date(2025, 11, 24, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(f.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			got := projection(t, buf.Bytes())
			path := filepath.Join("testdata", strings.TrimSuffix(f.Name, ".pdf")+".txt")
			if goldentest.Update() {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./golden/pdf -update, then review the file)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}
