package pdf

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteSamples writes the PDFs of the fixture bank and of the shipped
// bank into the directory named by $PDF_SAMPLES, for looking at them
// (pdftoppm -png renders pages). It does nothing without $PDF_SAMPLES.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("PDF_SAMPLES")
	if dir == "" {
		t.Skip("set PDF_SAMPLES=dir to write sample PDFs")
	}
	for name, b := range banks(t) {
		for _, paper := range []string{"a4", "letter"} {
			for _, f := range mustFiles(t, b, Options{Paper: paper, Date: fixedDate}) {
				out, err := os.Create(filepath.Join(dir, name+"-"+paper+"-"+f.Name))
				if err != nil {
					t.Fatal(err)
				}
				if err := f.Write(out); err != nil {
					t.Fatal(err)
				}
				if err := out.Close(); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
