// Package sheet_test checks the spreadsheet export end to end on the
// bank of the shipped sources (../bank.json): the CSV files byte for
// byte, and the workbook through a text projection of its cells, styles,
// links and validations. Run "go test ./golden/sheet -update" to rewrite
// the files in testdata, and review the diff before committing it.
package sheet_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/internal/goldentest"
	"github.com/bankgen/bankgen/internal/shipped"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/sheet"
)

func export(t *testing.T, b *bank.Bank, opts sheet.Options) map[string][]byte {
	t.Helper()
	files, err := sheet.Files(b, opts)
	return goldentest.Render(t, files, err)
}

func TestCSVGolden(t *testing.T) {
	for name, data := range export(t, shipped.Bank(t), sheet.Options{Format: sheet.FormatCSV}) {
		goldentest.Compare(t, filepath.Join("testdata", name), data)
	}
}

func TestXLSXGolden(t *testing.T) {
	data := export(t, shipped.Bank(t), sheet.Options{})["bank.xlsx"]
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	goldentest.Compare(t, filepath.Join("testdata", "bank.xlsx.txt"), []byte(dump(t, f)))
}

func TestXLSXDeterministic(t *testing.T) {
	b := shipped.Bank(t)
	first := export(t, b, sheet.Options{})["bank.xlsx"]
	for i := 0; i < 3; i++ {
		if again := export(t, b, sheet.Options{})["bank.xlsx"]; !bytes.Equal(first, again) {
			t.Fatalf("run %d gave different bytes", i+2)
		}
	}
}

// TestShippedRows checks, independently of the golden files, that every
// question, gap, term, sample, diagram and plan row of the shipped bank
// is in its sheet, and that code and diagrams come out exactly.
func TestShippedRows(t *testing.T) {
	b := shipped.Bank(t)
	data := export(t, b, sheet.Options{})["bank.xlsx"]
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := map[string][][]string{}
	for _, s := range sheet.Sheets() {
		r, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		rows[s] = r[1:]
	}
	var qs, gaps, terms, samples, diagrams, plan [][]string
	for _, tp := range b.Topics {
		for _, g := range tp.Guide {
			terms = append(terms, []string{tp.Name, g.Term, g.Definition})
		}
		for _, q := range tp.Questions {
			qs = append(qs, []string{q.ID, tp.Name, fmt.Sprint(q.Number), q.Level.String(), q.Prompt})
			for _, g := range q.Gaps {
				gaps = append(gaps, []string{q.ID, g.Title, g.Detail, g.Phrasing})
			}
			for _, s := range q.Samples {
				samples = append(samples, []string{q.ID, s.Lang, s.File, strings.Join(s.Kinds, ", "), strings.TrimRight(s.Code, "\n")})
			}
			for _, d := range q.Diagrams {
				diagrams = append(diagrams, []string{q.ID, d.Title, d.Art})
			}
		}
	}
	for _, p := range b.Plan {
		plan = append(plan, []string{fmt.Sprint(p.Number), p.Topic, p.Status.String()})
	}
	cut := func(rows [][]string, n int) [][]string {
		var out [][]string
		for _, r := range rows {
			for len(r) < n {
				r = append(r, "")
			}
			out = append(out, r[:n])
		}
		return out
	}
	for _, tt := range []struct {
		sheet string
		want  [][]string
	}{
		{sheet.SheetQuestions, qs}, {sheet.SheetGaps, gaps}, {sheet.SheetConcepts, terms},
		{sheet.SheetSamples, samples}, {sheet.SheetDiagrams, diagrams}, {sheet.SheetPlan, plan},
	} {
		if len(tt.want) == 0 {
			t.Errorf("the shipped bank has no %s rows", tt.sheet)
		}
		if diff := cmp.Diff(tt.want, cut(rows[tt.sheet], len(tt.want[0]))); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", tt.sheet, diff)
		}
	}
}

// dump projects a workbook as text: per sheet, its columns, pane, filter,
// validations and links, then every cell with a summary of its style
// and its text, multi-line text indented under it.
func dump(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	p, _ := f.GetDocProps()
	fmt.Fprintf(&b, "title: %s\nsubject: %s\ncreator: %s\ncreated: %s\nmodified: %s\n",
		p.Title, p.Subject, p.Creator, p.Created, p.Modified)
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&b, "defined name: %s (%s) = %s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	for _, s := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== %s\n", s)
		cols, _ := f.GetCols(s)
		var widths []string
		for i := range max(len(cols), 1) {
			name, _ := excelize.ColumnNumberToName(i + 1)
			w, _ := f.GetColWidth(s, name)
			widths = append(widths, fmt.Sprintf("%s=%g", name, w))
		}
		fmt.Fprintf(&b, "widths: %s\n", strings.Join(widths, " "))
		pane, _ := f.GetPanes(s)
		fmt.Fprintf(&b, "pane: freeze=%v ySplit=%d topLeft=%s\n", pane.Freeze, pane.YSplit, pane.TopLeftCell)
		dvs, _ := f.GetDataValidations(s)
		for _, dv := range dvs {
			msg := ""
			if dv.Error != nil {
				msg = *dv.Error
			}
			fmt.Fprintf(&b, "validation: %s %s %s error=%q\n", dv.Sqref, dv.Type, dv.Formula1, msg)
		}
		links, _ := f.GetHyperLinkCells(s, "")
		slices.SortFunc(links, func(a, b string) int { return cellOrder(a) - cellOrder(b) })
		for _, c := range links {
			_, target, _ := f.GetCellHyperLink(s, c)
			fmt.Fprintf(&b, "link: %s -> %s\n", c, target)
		}
		rows, err := f.Rows(s)
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; rows.Next(); r++ {
			vals, err := rows.Columns()
			if err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(i+1, r)
				typ, _ := f.GetCellType(s, ref)
				if form, _ := f.GetCellFormula(s, ref); form != "" {
					fmt.Fprintf(&b, "%s FORMULA %q\n", ref, form)
				}
				lines := strings.Split(v, "\n")
				fmt.Fprintf(&b, "%s [%s %s] %s\n", ref, cellType(typ), styleTag(t, f, s, ref), lines[0])
				for _, l := range lines[1:] {
					fmt.Fprintf(&b, "    | %s\n", l)
				}
			}
		}
		rows.Close()
	}
	return b.String()
}

func cellOrder(ref string) int {
	c, r, _ := excelize.CellNameToCoordinates(ref)
	return r*100 + c
}

func cellType(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeInlineString:
		return "str"
	case excelize.CellTypeUnset:
		return "num"
	}
	return fmt.Sprintf("type%d", t)
}

// styleTag summarises a cell's style: bold, fill, font, underline, wrap,
// alignment and number format.
func styleTag(t *testing.T, f *excelize.File, s, ref string) string {
	id, err := f.GetCellStyle(s, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	if ft := st.Font; ft != nil {
		if ft.Bold {
			tags = append(tags, "bold")
		}
		if ft.Family != "" {
			tags = append(tags, "font="+strings.ReplaceAll(ft.Family, " ", "_"))
		}
		if ft.Color != "" {
			tags = append(tags, "color="+ft.Color)
		}
		if ft.Underline != "" {
			tags = append(tags, "underline")
		}
	}
	if len(st.Fill.Color) > 0 {
		tags = append(tags, "fill="+st.Fill.Color[0])
	}
	if a := st.Alignment; a != nil {
		if a.WrapText {
			tags = append(tags, "wrap")
		}
		if a.Vertical != "" {
			tags = append(tags, "v="+a.Vertical)
		}
		if a.Horizontal != "" {
			tags = append(tags, "h="+a.Horizontal)
		}
	}
	if st.NumFmt != 0 {
		tags = append(tags, fmt.Sprintf("numfmt=%d", st.NumFmt))
	}
	return strings.Join(tags, " ")
}

// TestLibreOffice converts the workbook to CSV with LibreOffice, one file
// per sheet, and wants back the rows of sheet's own CSV export (which
// differ only in the quote before formula-like text). LibreOffice comes
// from Debian's libreoffice-calc-nogui, which .ci/run installs.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("LibreOffice is needed to open the workbook (apt-get install libreoffice-calc-nogui, as .ci/run does): %v", err)
	}
	b := shipped.Bank(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "bank.xlsx")
	if err := os.WriteFile(xlsx, export(t, b, sheet.Options{})["bank.xlsx"], 0o644); err != nil {
		t.Fatal(err)
	}
	// Filter options: comma, double quote, UTF-8, first line 1, no cell
	// formats, …, quote all text, detect special numbers off, save cell
	// contents as shown, export formulas off, …, and -1: every sheet to
	// its own file, bank-Sheet.csv.
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
		"--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	ours := export(t, b, sheet.Options{Format: sheet.FormatCSV, NoBOM: true})
	names := map[string]string{
		sheet.SheetQuestions: "questions.csv", sheet.SheetGaps: "gaps.csv", sheet.SheetConcepts: "concepts.csv",
		sheet.SheetSamples: "samples.csv", sheet.SheetDiagrams: "diagrams.csv", sheet.SheetPlan: "plan.csv",
	}
	for _, s := range sheet.Sheets() {
		got := readCSV(t, filepath.Join(dir, "bank-"+s+".csv"), nil)
		want := readCSV(t, names[s], ours[names[s]])
		for _, r := range want {
			for i, v := range r {
				r[i] = strings.TrimPrefix(v, "'") // LibreOffice's CSV has no quote prefix
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: LibreOffice's rows differ (-want +got):\n%s", s, diff)
		}
	}
}

func readCSV(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	if data == nil {
		var err error
		if data, err = os.ReadFile(name); err != nil {
			t.Fatal(err)
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	// LibreOffice writes lines up to the last non-empty cell of the sheet,
	// and normalises line ends; compare trimmed of trailing empty fields.
	for i, rec := range recs {
		for len(rec) > 0 && rec[len(rec)-1] == "" {
			rec = rec[:len(rec)-1]
		}
		for j := range rec {
			rec[j] = strings.ReplaceAll(rec[j], "\r\n", "\n")
		}
		recs[i] = rec
	}
	return recs
}
