// Package pdf_test checks the PDF export end to end on the bank of the
// shipped sources, through a text projection of each PDF made with
// poppler: the outline (bookmarks with their pages, as pdftohtml reads
// them) and the text of every page (pdftotext -layout, so that diagrams
// and columns read as drawn). The PDF bytes are not stored. Run
// "go test ./golden/pdf -update" to rewrite the files in testdata, and
// review the diff before committing it.
package pdf_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bankgen/bankgen/export/pdf"
	"github.com/bankgen/bankgen/internal/goldentest"
	"github.com/bankgen/bankgen/internal/poppler"
	"github.com/bankgen/bankgen/internal/shipped"
)

// projection is the outline and the text of each page of a PDF.
func projection(t *testing.T, doc []byte) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("== outline ==\n")
	outline, _ := poppler.HTML(t, doc)
	for _, m := range outline {
		fmt.Fprintf(&b, "%s%s  (p. %d)\n", strings.Repeat("  ", m.Level), m.Title, m.Page)
	}
	for i, page := range poppler.Pages(t, doc, "-layout") {
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
	for name, doc := range goldentest.Render(t, files, err) {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", strings.TrimSuffix(name, ".pdf")+".txt")
			goldentest.Compare(t, path, []byte(projection(t, doc)))
		})
	}
}
