package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

const goldenDir = "../../golden/fix"

// mojibakeMarks are sequences that only occur in damaged text.
var mojibakeMarks = []string{"â€", "â•", "â”", "â–", "âœ", "âŒ", "â—", "Ã", "Â", "ğŸ", "ðŸ", "ï»¿", "\uFFFD"}

// checkGolden compares got with the golden file name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, diffLines(string(want), string(got)))
	}
}

// TestGoldenKubernetes repairs the real damaged transcript. The golden files
// are its repaired text and its report, both reviewed by eye.
func TestGoldenKubernetes(t *testing.T) {
	src, err := os.ReadFile("../../source/kubernetes-mock-interview.md")
	if err != nil {
		t.Fatal(err)
	}
	out, rep := Bytes(src)
	if !utf8.Valid(out) {
		t.Fatal("output is not valid UTF-8")
	}
	for _, m := range mojibakeMarks {
		if i := bytes.Index(out, []byte(m)); i >= 0 {
			t.Errorf("mojibake %q left at line %d", m, bytes.Count(out[:i], []byte("\n"))+1)
		}
	}
	if n := rep.Count(Suspect) + rep.Count(Undecodable); n != 0 {
		t.Errorf("%d places left damaged", n)
	}
	// Every line of a ╔═╗ box closes with ║ and the box's bottom is whole.
	checkBoxes(t, string(out))
	checkGolden(t, "kubernetes-mock-interview.md", out)
	var b strings.Builder
	if err := rep.Format(&b, "kubernetes-mock-interview.md"); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "kubernetes-mock-interview.report.txt", []byte(b.String()))

	if again, rep2 := Bytes(out); !bytes.Equal(again, out) || rep2.Changed {
		t.Errorf("repairing the repaired transcript changed it")
	}
}

// checkBoxes verifies that every double-line box opened by ╔ is closed: its
// lines start with ║ (or ╠), and its last line is ╚═…═╝ with only ═ between
// the corners and as wide as the top.
func checkBoxes(t *testing.T, text string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	boxes := 0
	for i := 0; i < len(lines); i++ {
		top := lines[i]
		if !strings.HasPrefix(top, "╔") {
			continue
		}
		boxes++
		if strings.Trim(top, "╔═╗") != "" || !strings.HasSuffix(top, "╗") {
			t.Errorf("line %d: broken top border %q", i+1, top)
		}
		j := i + 1
		for ; j < len(lines) && !strings.HasPrefix(lines[j], "╚"); j++ {
			l := strings.TrimRight(lines[j], " ")
			if !strings.HasPrefix(l, "║") && !strings.HasPrefix(l, "╠") || !strings.HasSuffix(l, "║") && !strings.HasSuffix(l, "╣") {
				t.Errorf("line %d: box line not closed: %q", j+1, l)
			}
		}
		if j == len(lines) {
			t.Errorf("line %d: box never closed", i+1)
			continue
		}
		bottom := lines[j]
		if strings.Trim(bottom, "╚═╝") != "" || !strings.HasSuffix(bottom, "╝") ||
			utf8.RuneCountInString(bottom) != utf8.RuneCountInString(top) {
			t.Errorf("line %d: broken bottom border %q", j+1, bottom)
		}
		i = j
	}
	if boxes == 0 {
		t.Error("no boxes found")
	}
}

// TestConceptGuideUnchanged: the companion file is clean UTF-8 and must come
// out byte-identical.
func TestConceptGuideUnchanged(t *testing.T) {
	src, err := os.ReadFile("../../source/kubernetes-concept-guide.md")
	if err != nil {
		t.Fatal(err)
	}
	out, rep := Bytes(src)
	if !bytes.Equal(out, src) || rep.Changed || len(rep.Repairs) != 0 {
		t.Errorf("clean guide changed:\n%s", rep)
	}
}
