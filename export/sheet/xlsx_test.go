package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/internal/synth"
	"github.com/bankgen/bankgen/parse"
)

// wantRows lays b out as the spec says each sheet should read, header
// included, written independently of tables(). Text is what cellText
// keeps of the source.
func wantRows(b *bank.Bank) map[string][][]string { return want(b, false) }

// wantCSV is wantRows with the CSV writer's quote before formula-like
// text.
func wantCSV(b *bank.Bank) map[string][][]string { return want(b, true) }

func want(b *bank.Bank, quote bool) map[string][][]string {
	c := func(s string) string {
		t, risky := cellText(s)
		if quote && risky {
			t = "'" + t
		}
		return t
	}
	n := strconv.Itoa
	w := map[string][][]string{
		SheetQuestions: {{"ID", "Topic", "Number", "Level", "Prompt", "Model answer", "Strengths", "Gaps", "Confidence", "Last practised"}},
		SheetGaps:      {{"Question ID", "Title", "Explanation", "Suggested phrasing", "Done"}},
		SheetConcepts:  {{"Topic", "Term", "Definition", "Section"}},
		SheetSamples:   {{"Question ID", "Language", "File name", "Kubernetes kind", "Code"}},
		SheetDiagrams:  {{"Question ID", "Title", "Art"}},
		SheetPlan:      {{"Number", "Topic", "Status"}},
	}
	for _, t := range b.Topics {
		for _, g := range t.Guide {
			w[SheetConcepts] = append(w[SheetConcepts], []string{c(t.Name), c(g.Term), c(g.Definition), c(g.Section)})
		}
		for _, q := range t.Questions {
			w[SheetQuestions] = append(w[SheetQuestions], []string{
				c(q.ID), c(t.Name), n(q.Number), q.Level.String(), c(q.Prompt), c(answerText(&q)),
				n(len(q.Strengths)), n(len(q.Gaps)), "", "",
			})
			for _, g := range q.Gaps {
				w[SheetGaps] = append(w[SheetGaps], []string{c(q.ID), c(g.Title), c(g.Detail), c(g.Phrasing), "☐"})
			}
			for _, s := range q.Samples {
				w[SheetSamples] = append(w[SheetSamples], []string{c(q.ID), c(s.Lang), c(s.File), c(strings.Join(s.Kinds, ", ")), c(strings.TrimRight(s.Code, "\n"))})
			}
			for _, d := range q.Diagrams {
				w[SheetDiagrams] = append(w[SheetDiagrams], []string{c(q.ID), c(d.Title), c(d.Art)})
			}
		}
	}
	for _, p := range b.Plan {
		w[SheetPlan] = append(w[SheetPlan], []string{n(p.Number), c(p.Topic), p.Status.String()})
	}
	return w
}

func writeBook(t testing.TB, b *bank.Bank, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, b, opts); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	return buf.Bytes()
}

func openBook(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// readRows returns every row of a sheet, padded to width cells (excelize
// drops trailing empty cells).
func readRows(t testing.TB, f *excelize.File, sheet string, width int) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("GetRows(%s): %v", sheet, err)
	}
	for i := range rows {
		for len(rows[i]) < width {
			rows[i] = append(rows[i], "")
		}
	}
	return rows
}

func TestXLSXRows(t *testing.T) {
	b := testBank()
	f := openBook(t, writeBook(t, b, Options{}))
	if diff := cmp.Diff(Sheets(), f.GetSheetList()); diff != "" {
		t.Errorf("sheet list mismatch (-want +got):\n%s", diff)
	}
	for sheet, want := range wantRows(b) {
		got := readRows(t, f, sheet, len(want[0]))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s rows mismatch (-want +got):\n%s", sheet, diff)
		}
	}
}

// TestXLSXText checks cells whose text the writer must change or keep
// with care, by hand rather than through cellText.
func TestXLSXText(t *testing.T) {
	f := openBook(t, writeBook(t, testBank(), Options{}))
	tests := []struct{ sheet, cell, want string }{
		{SheetGaps, "B6", "Controlchars"},
		{SheetGaps, "C6", "tab\there\nCRLF"},
		{SheetGaps, "D6", "\tstarts with a tab"},
		{SheetGaps, "C4", hostileScript},
		{SheetGaps, "D4", "{{Front}}"},
		{SheetGaps, "C5", "../../etc/passwd"},
		{SheetQuestions, "E3", "Walk me through Pods, Deployments and Services 🎯."},
		{SheetQuestions, "B4", "Python 🐍"},
		{SheetDiagrams, "C2", testBank().Topics[0].Questions[0].Diagrams[0].Art},
		{SheetQuestions, "F3", "A Deployment manages ReplicaSets.\n\n" +
			"[Sample deployment.yaml — see the Samples sheet]\n\nkubectl get pods\n\n" +
			"[Sample bash — see the Samples sheet]"},
	}
	for _, tt := range tests {
		got, err := f.GetCellValue(tt.sheet, tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, got, tt.want)
		}
	}
}

// TestXLSXInert checks that formula-like source text is stored as an
// inert string cell in the Text format, and that the workbook holds no
// formula at all.
func TestXLSXInert(t *testing.T) {
	data := writeBook(t, testBank(), Options{})
	f := openBook(t, data)
	tests := []struct{ sheet, cell, want string }{
		{SheetGaps, "B4", hostileFormula},
		{SheetGaps, "D5", "+SUM(A1:A2)"},
		{SheetQuestions, "E4", "-How would you design a worker pool?"},
		{SheetQuestions, "F4", "@sum of parts.\n\n[Sample pool.py — see the Samples sheet]"},
		{SheetConcepts, "B4", "@mention"},
		{SheetConcepts, "C4", "-1 is not a formula; +1 neither."},
		{SheetPlan, "B13", "=1+1"},
		{SheetGaps, "D6", "\tstarts with a tab"},
	}
	for _, tt := range tests {
		ref := tt.sheet + "!" + tt.cell
		if got, _ := f.GetCellValue(tt.sheet, tt.cell); got != tt.want {
			t.Errorf("%s = %q, want %q", ref, got, tt.want)
		}
		if got, _ := f.GetCellFormula(tt.sheet, tt.cell); got != "" {
			t.Errorf("%s has formula %q", ref, got)
		}
		if typ, _ := f.GetCellType(tt.sheet, tt.cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s has type %v, want an inline string", ref, typ)
		}
		if nf := numFmt(t, f, tt.sheet, tt.cell); nf != textFormat {
			t.Errorf("%s has number format %d, want %d (Text)", ref, nf, textFormat)
		}
		if link, _, _ := f.GetCellHyperLink(tt.sheet, tt.cell); link {
			t.Errorf("%s is a hyperlink", ref)
		}
	}
	// Ordinary text does not get the Text format.
	if nf := numFmt(t, f, SheetGaps, "B3"); nf == textFormat {
		t.Errorf("Gaps!B3 (plain text) has the Text format")
	}
	for name, xml := range zipParts(t, data) {
		if strings.Contains(xml, "<f>") || strings.Contains(xml, "<f ") {
			t.Errorf("%s holds a formula element", name)
		}
	}
}

func numFmt(t *testing.T, f *excelize.File, sheet, cell string) int {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.NumFmt
}

// zipParts returns every part of the archive, by name.
func zipParts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		out[zf.Name] = string(b)
	}
	return out
}

func TestXLSXLayout(t *testing.T) {
	b := testBank()
	data := writeBook(t, b, Options{})
	f := openBook(t, data)
	want := wantRows(b)
	parts := zipParts(t, data)
	for i, sheet := range Sheets() {
		rows := want[sheet]
		last, _ := excelize.ColumnNumberToName(len(rows[0]))

		// A styled header row.
		id, _ := f.GetCellStyle(sheet, "A1")
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 || st.Fill.Color[0] != headFill {
			t.Errorf("%s!A1 header style = %+v, want bold on fill %s", sheet, st, headFill)
		}

		// Frozen below the header.
		p, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("%s panes = %+v, want frozen at A2", sheet, p)
		}

		// An autofilter over the whole table.
		ref := fmt.Sprintf("$A$1:$%s$%d", last, len(rows))
		xml := parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)]
		if !strings.Contains(xml, `<autoFilter ref="`+ref+`"`) {
			t.Errorf("%s: no autoFilter over %s", sheet, ref)
		}

		// <col> elements in ascending order, as Excel requires.
		var mins []int
		for _, m := range colMin.FindAllStringSubmatch(xml, -1) {
			n, _ := strconv.Atoi(m[1])
			mins = append(mins, n)
		}
		if len(mins) != len(rows[0]) || !slices.IsSorted(mins) {
			t.Errorf("%s: <col> elements for columns %v, want 1…%d in order", sheet, mins, len(rows[0]))
		}

		// Column widths as declared, code in a monospace font.
		for ci, c := range tableByName(b, sheet).cols {
			col, _ := excelize.ColumnNumberToName(ci + 1)
			if w, _ := f.GetColWidth(sheet, col); w != c.width {
				t.Errorf("%s column %s width = %v, want %v", sheet, col, w, c.width)
			}
			if c.kind == colCode && len(rows) > 1 {
				id, _ := f.GetCellStyle(sheet, col+"2")
				st, _ := f.GetStyle(id)
				if st.Font == nil || st.Font.Family != monoFont {
					t.Errorf("%s!%s2 font = %+v, want %s", sheet, col, st.Font, monoFont)
				}
			}
			if c.kind == colText && len(rows) > 1 && rows[1][ci] != "" {
				id, _ := f.GetCellStyle(sheet, col+"2")
				st, _ := f.GetStyle(id)
				if st.Alignment == nil || !st.Alignment.WrapText {
					t.Errorf("%s!%s2 is not wrapped", sheet, col)
				}
			}
		}
	}
	// Per sheet: the autofilter's database and the header row printed at
	// the top of every page.
	names := map[string]string{}
	for _, d := range f.GetDefinedName() {
		names[d.Scope+" "+d.Name] = d.RefersTo
	}
	for _, sheet := range Sheets() {
		if _, ok := names[sheet+" _xlnm._FilterDatabase"]; !ok {
			t.Errorf("%s has no filter database", sheet)
		}
		if got, want := names[sheet+" _xlnm.Print_Titles"], "'"+sheet+"'!$1:$1"; got != want {
			t.Errorf("%s prints %q at the top of every page, want %q", sheet, got, want)
		}
	}
	if got := len(names); got != 2*len(Sheets()) {
		t.Errorf("%d defined names, want %d", got, 2*len(Sheets()))
	}
}

var colMin = regexp.MustCompile(`<col min="(\d+)"`)

func tableByName(b *bank.Bank, name string) table {
	for _, t := range tables(b) {
		if t.name == name {
			return t
		}
	}
	panic("no table " + name)
}

func TestXLSXValidations(t *testing.T) {
	f := openBook(t, writeBook(t, testBank(), Options{}))
	all := fmt.Sprintf("%d", excelize.TotalRows)
	want := map[string][]string{
		SheetQuestions: {"D2:D" + all + ` "warm-up,stepping-up,lead"`, "I2:I" + all + ` "low,medium,high"`},
		SheetGaps:      {"E2:E" + all + ` "☐,☑"`},
		SheetPlan:      {"C2:C" + all + ` "done,next,todo"`},
	}
	for _, sheet := range Sheets() {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, dv := range dvs {
			if dv.Type != "list" {
				t.Errorf("%s %s: type %q, want list", sheet, dv.Sqref, dv.Type)
			}
			got = append(got, dv.Sqref+" "+dv.Formula1)
		}
		if diff := cmp.Diff(want[sheet], got); diff != "" {
			t.Errorf("%s validations mismatch (-want +got):\n%s", sheet, diff)
		}
	}
}

func TestXLSXLinks(t *testing.T) {
	b := testBank()
	wants := wantRows(b)
	qrow := map[string]int{}
	for i, r := range wants[SheetQuestions][1:] {
		qrow[r[0]] = i + 2
	}
	for _, max := range []int{0, 1, -1} {
		t.Run(fmt.Sprintf("MaxLinks=%d", max), func(t *testing.T) {
			f := openBook(t, writeBook(t, b, Options{MaxLinks: max}))
			for _, sheet := range []string{SheetGaps, SheetSamples, SheetDiagrams} {
				for i, r := range wants[sheet][1:] {
					cell := fmt.Sprintf("A%d", i+2)
					ok, target, err := f.GetCellHyperLink(sheet, cell)
					if err != nil {
						t.Fatal(err)
					}
					wantLink := max == 0 || max > 0 && i < max
					if ok != wantLink {
						t.Errorf("%s!%s link = %v, want %v", sheet, cell, ok, wantLink)
						continue
					}
					if want := fmt.Sprintf("Questions!A%d", qrow[r[0]]); ok && target != want {
						t.Errorf("%s!%s links to %q, want %q", sheet, cell, target, want)
					}
				}
			}
			// Questions has no links, nor does any other column.
			for _, sheet := range Sheets() {
				cells, _ := f.GetHyperLinkCells(sheet, "")
				for _, c := range cells {
					if !strings.HasPrefix(c, "A") || sheet == SheetQuestions || sheet == SheetConcepts || sheet == SheetPlan {
						t.Errorf("unexpected link at %s!%s", sheet, c)
					}
				}
			}
		})
	}
}

func TestXLSXProps(t *testing.T) {
	date := time.Date(2025, 3, 4, 5, 6, 8, 0, time.UTC)
	data := writeBook(t, testBank(), Options{Title: "My bank", Subject: "Kubernetes", Date: date})
	f := openBook(t, data)
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	got := []string{p.Title, p.Subject, p.Creator, p.Created, p.Modified}
	want := []string{"My bank", "Kubernetes", "bankgen", "2025-03-04T05:06:08Z", "2025-03-04T05:06:08Z"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("doc props mismatch (-want +got):\n%s", diff)
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		if !zf.Modified.Equal(date) {
			t.Errorf("%s modified %v, want %v", zf.Name, zf.Modified, date)
		}
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] >= names[i] {
			t.Errorf("zip entries out of order: %q before %q", names[i-1], names[i])
		}
	}

	// Zip times outside 1980–2107 are clamped; the properties keep the date.
	for _, tt := range []struct{ date, zip time.Time }{
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)},
	} {
		data := writeBook(t, testBank(), Options{Date: tt.date})
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if got := zr.File[0].Modified; !got.Equal(tt.zip) {
			t.Errorf("date %v: zip time %v, want %v", tt.date, got, tt.zip)
		}
		p, _ := openBook(t, data).GetDocProps()
		if want := tt.date.Format(time.RFC3339); p.Created != want {
			t.Errorf("date %v: created %q, want %q", tt.date, p.Created, want)
		}
	}

	// The defaults.
	f = openBook(t, writeBook(t, testBank(), Options{}))
	p, _ = f.GetDocProps()
	if p.Title != "Interview question bank" || p.Created != "1980-01-01T00:00:00Z" {
		t.Errorf("default props: title %q, created %q", p.Title, p.Created)
	}
}

// TestXLSXDeterministic writes the workbook several times: excelize
// zips the stream writer's sheets in map order, so without sorting the
// six sheets would come out in varying order.
func TestXLSXDeterministic(t *testing.T) {
	srcs, _ := synth.Generate(synth.Options{Topics: 20, Questions: 3, Seed: 2})
	big, diags := parse.Parse(srcs...)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	for _, b := range []*bank.Bank{testBank(), big} {
		first := writeBook(t, b, Options{})
		for i := 0; i < 3; i++ {
			if again := writeBook(t, b, Options{}); !bytes.Equal(first, again) {
				t.Fatalf("%d topics: run %d differs from the first", len(b.Topics), i+2)
			}
		}
	}
}

func TestXLSXLongCells(t *testing.T) {
	b := testBank()
	q := &b.Topics[0].Questions[0]
	q.Prompt = strings.Repeat("a", 40000)
	q.Gaps[0].Detail = strings.Repeat("🎯", 20000) // 40,000 UTF-16 units
	q.Gaps[0].Title = "=" + strings.Repeat("b", 32766)
	f := openBook(t, writeBook(t, b, Options{}))
	marker := regexp.MustCompile(`\n… \[cut by bankgen: (\d+) more characters\]$`)
	tests := []struct {
		sheet, cell string
		keep        string // what the cell must start with
		total       int    // characters in the source
	}{
		{SheetQuestions, "E2", "aaaa", 40000},
		{SheetGaps, "C2", "🎯🎯", 20000},
		{SheetGaps, "B2", "=bbb", 32767},
	}
	// Long formula-like text stays an inert string, without the Text
	// format that would show it as "####".
	if typ, _ := f.GetCellType(SheetGaps, "B2"); typ != excelize.CellTypeInlineString {
		t.Errorf("Gaps!B2 has type %v, want an inline string", typ)
	}
	if form, _ := f.GetCellFormula(SheetGaps, "B2"); form != "" {
		t.Errorf("Gaps!B2 has formula %.20q", form)
	}
	if nf := numFmt(t, f, SheetGaps, "B2"); nf == textFormat {
		t.Errorf("Gaps!B2 (long) has the Text format")
	}
	for _, tt := range tests {
		v, _ := f.GetCellValue(tt.sheet, tt.cell)
		if n := utf16Len(v); n > MaxCell {
			t.Errorf("%s!%s holds %d UTF-16 units", tt.sheet, tt.cell, n)
		}
		m := marker.FindStringSubmatch(v)
		if m == nil || !strings.HasPrefix(v, tt.keep) {
			t.Errorf("%s!%s = %.20q…%q, want a cut marker", tt.sheet, tt.cell, v, v[max(0, len(v)-60):])
			continue
		}
		dropped, _ := strconv.Atoi(m[1])
		kept := len([]rune(strings.TrimSuffix(v, m[0])))
		if kept+dropped != tt.total {
			t.Errorf("%s!%s kept %d + dropped %d, want %d", tt.sheet, tt.cell, kept, dropped, tt.total)
		}
	}
}

func TestFilesXLSX(t *testing.T) {
	b := testBank()
	files, err := Files(b, Options{Name: "kube.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Name != "kube.xlsx" {
		t.Fatalf("files = %+v, want one kube.xlsx", files)
	}
	rows := 0
	for _, r := range wantRows(b) {
		rows += len(r) - 1
	}
	if files[0].Items != rows {
		t.Errorf("Items = %d, want %d data rows", files[0].Items, rows)
	}
	var buf bytes.Buffer
	if err := files[0].Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), writeBook(t, b, Options{})) {
		t.Error("File.Write differs from WriteXLSX")
	}
	if _, err := Files(b, Options{Format: "ods"}); err == nil {
		t.Error("Files accepted format ods")
	}
}

func TestXLSXEmptyBank(t *testing.T) {
	f := openBook(t, writeBook(t, &bank.Bank{}, Options{}))
	for _, sheet := range Sheets() {
		rows, _ := f.GetRows(sheet)
		if len(rows) != 1 {
			t.Errorf("%s has %d rows, want the header only", sheet, len(rows))
		}
	}
}
