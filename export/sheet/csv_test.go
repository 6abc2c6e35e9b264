package sheet

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var csvNames = map[string]string{
	SheetQuestions: "questions.csv",
	SheetGaps:      "gaps.csv",
	SheetConcepts:  "concepts.csv",
	SheetSamples:   "samples.csv",
	SheetDiagrams:  "diagrams.csv",
	SheetPlan:      "plan.csv",
}

// csvFiles exports b as CSV and returns each file's bytes by name, in
// the order Files gave them.
func csvFiles(t *testing.T, opts Options) (names []string, data map[string][]byte) {
	t.Helper()
	opts.Format = FormatCSV
	files, err := Files(testBank(), opts)
	if err != nil {
		t.Fatal(err)
	}
	data = map[string][]byte{}
	for _, f := range files {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		names = append(names, f.Name)
		data[f.Name] = buf.Bytes()
	}
	return names, data
}

func readCSV(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0 // every record as wide as the header
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs
}

func TestCSVRows(t *testing.T) {
	b := testBank()
	names, data := csvFiles(t, Options{})
	var wantNames []string
	for _, s := range Sheets() {
		wantNames = append(wantNames, csvNames[s])
	}
	if diff := cmp.Diff(wantNames, names); diff != "" {
		t.Errorf("file names mismatch (-want +got):\n%s", diff)
	}
	for sheet, want := range wantCSV(b) {
		name := csvNames[sheet]
		raw := data[name]
		if !bytes.HasPrefix(raw, []byte(bom)) {
			t.Errorf("%s does not start with a BOM", name)
		}
		if !bytes.Contains(raw, []byte(strings.Join(want[0], ",")+"\r\n")) {
			t.Errorf("%s: header is not a CRLF-ended record", name)
		}
		got := readCSV(t, name, bytes.TrimPrefix(raw, []byte(bom)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
		}
	}
}

// TestCSVInert checks the quote prefix by hand, on both hostile text and
// numbers that must stay numbers.
func TestCSVInert(t *testing.T) {
	b := testBank()
	b.Plan[0].Number = -3
	var buf bytes.Buffer
	if err := WriteCSV(&buf, b, SheetPlan, Options{NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	plan := readCSV(t, "plan.csv", buf.Bytes())
	if got := plan[1][0]; got != "-3" {
		t.Errorf("plan number = %q, want -3 unprefixed", got)
	}
	if got := plan[12][1]; got != "'=1+1" {
		t.Errorf("plan topic = %q, want '=1+1", got)
	}
	_, data := csvFiles(t, Options{NoBOM: true})
	gaps := readCSV(t, "gaps.csv", data["gaps.csv"])
	tests := []struct {
		row, col int
		want     string
	}{
		{3, 1, "'" + hostileFormula},
		{3, 2, hostileScript},
		{4, 3, "'+SUM(A1:A2)"},
		{5, 3, "'\tstarts with a tab"},
		{5, 2, "tab\there\nCRLF"},
		{1, 1, "Desired state"},
	}
	for _, tt := range tests {
		if got := gaps[tt.row][tt.col]; got != tt.want {
			t.Errorf("gaps.csv [%d][%d] = %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
}

func TestCSVNoBOM(t *testing.T) {
	_, with := csvFiles(t, Options{})
	_, without := csvFiles(t, Options{NoBOM: true})
	for name, raw := range without {
		if bytes.HasPrefix(raw, []byte(bom)) {
			t.Errorf("%s starts with a BOM despite NoBOM", name)
		}
		if !bytes.Equal(append([]byte(bom), raw...), with[name]) {
			t.Errorf("%s: NoBOM changed more than the BOM", name)
		}
	}
}

func TestCSVGolden(t *testing.T) {
	_, data := csvFiles(t, Options{})
	for name, got := range data {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(want, got) {
			t.Errorf("%s differs from %s (run go test -update and review the diff)", name, path)
		}
	}
}

func TestFilesCSVItems(t *testing.T) {
	b := testBank()
	files, err := Files(b, Options{Format: FormatCSV})
	if err != nil {
		t.Fatal(err)
	}
	want := wantRows(b)
	for i, f := range files {
		if n := len(want[Sheets()[i]]) - 1; f.Items != n {
			t.Errorf("%s Items = %d, want %d", f.Name, f.Items, n)
		}
	}
	if err := WriteCSV(new(bytes.Buffer), b, "Nope", Options{}); err == nil {
		t.Error("WriteCSV accepted an unknown sheet")
	}
}
