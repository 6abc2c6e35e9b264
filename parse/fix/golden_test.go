package fix_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bankgen/bankgen/internal/goldentest"
	"github.com/bankgen/bankgen/parse/fix"
)

// TestGoldenTranscript repairs the shipped damaged transcript. The golden
// files are its repaired text and its report, both reviewed by eye.
func TestGoldenTranscript(t *testing.T) {
	src, err := os.ReadFile("../../source/kubernetes-mock-interview.md")
	if err != nil {
		t.Fatal(err)
	}
	out, rep := fix.Bytes(src)
	if !utf8.Valid(out) {
		t.Fatal("output is not valid UTF-8")
	}
	for _, m := range []string{"â€", "â•", "â”", "âœ", "Ã", "Â", "ğŸ", "ðŸ", "\uFFFD"} {
		if i := bytes.Index(out, []byte(m)); i >= 0 {
			t.Errorf("mojibake %q left at line %d", m, bytes.Count(out[:i], []byte("\n"))+1)
		}
	}
	goldentest.Compare(t, "testdata/kubernetes-mock-interview.golden.md", out)
	var b strings.Builder
	if err := rep.Format(&b, "kubernetes-mock-interview.md"); err != nil {
		t.Fatal(err)
	}
	goldentest.Compare(t, "testdata/kubernetes-mock-interview.report.txt", []byte(b.String()))
	if again, rep2 := fix.Bytes(out); !bytes.Equal(again, out) || rep2.Changed {
		t.Errorf("repairing the repaired transcript changed it:\n%s", rep2)
	}
}

// TestConceptGuideUnchanged: the companion file is clean UTF-8 and must come
// out byte-identical, with nothing to report.
func TestConceptGuideUnchanged(t *testing.T) {
	src, err := os.ReadFile("../../source/kubernetes-concept-guide.md")
	if err != nil {
		t.Fatal(err)
	}
	out, rep := fix.Bytes(src)
	if !bytes.Equal(out, src) || rep.Changed || len(rep.Repairs()) != 0 {
		t.Errorf("clean guide changed:\n%s", rep)
	}
}
