package sheet

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// Fonts of the workbook. Courier New is on Windows and macOS, and
// LibreOffice maps it to the metric-compatible Liberation Mono, so
// diagrams keep their columns.
const (
	monoFont = "Courier New"
	linkBlue = "0563C1"
	headFill = "1F4E78"
)

// textFormat is the built-in "@" (Text) number format. Formula-like text
// gets it so that a spreadsheet keeps the cell as text even after the
// learner edits it.
const textFormat = 49

// maxTextFormat is the longest text given the Text format: some versions
// of Excel show a Text-format cell of more than 255 characters as "####".
const maxTextFormat = 255

// styleSet holds the workbook's cell style IDs: header, and per column
// kind a plain and a formula-like (Text format) variant.
type styleSet struct {
	header int
	cell   map[colKind][2]int // [0] plain, [1] formula-like
	date   int
}

func newStyles(f *excelize.File) (*styleSet, error) {
	top := func(wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Vertical: "top", WrapText: wrap}
	}
	base := map[colKind]excelize.Style{
		colText:   {Alignment: top(true)},
		colShort:  {Alignment: top(false)},
		colNum:    {Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}},
		colCode:   {Alignment: top(true), Font: &excelize.Font{Family: monoFont, Size: 10}},
		colLink:   {Alignment: top(false), Font: &excelize.Font{Color: linkBlue, Underline: "single"}},
		colChoice: {Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}},
		colDate:   {Alignment: top(false)},
	}
	s := &styleSet{cell: map[colKind][2]int{}}
	var err error
	s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headFill}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 2}},
	})
	if err != nil {
		return nil, err
	}
	// Create styles in a fixed order so their IDs are the same every run.
	for k := colText; k <= colChoice; k++ {
		st := base[k]
		plain, err := f.NewStyle(&st)
		if err != nil {
			return nil, err
		}
		st.NumFmt = textFormat
		risky, err := f.NewStyle(&st)
		if err != nil {
			return nil, err
		}
		s.cell[k] = [2]int{plain, risky}
	}
	ymd := "yyyy-mm-dd"
	s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &ymd, Alignment: top(false)})
	return s, err
}

// buildXLSX renders the tables into a workbook and writes it to dst as
// excelize zips it.
func buildXLSX(dst io.Writer, tabs []table, opts Options) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("sheet: %w", cerr)
		}
	}()
	if err := f.SetSheetName("Sheet1", tabs[0].name); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	for _, t := range tabs[1:] {
		if _, err := f.NewSheet(t.name); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("sheet: styles: %w", err)
	}
	if err := writeSheets(f, tabs, st, opts.maxLinks()); err != nil {
		return err
	}
	date := opts.date().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          opts.title(),
		Subject:        opts.subject(),
		Creator:        "bankgen",
		LastModifiedBy: "bankgen",
		Created:        date,
		Modified:       date,
	}); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "bankgen"}); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	// The first sheet is the active one, as in every new excelize file;
	// SetActiveSheet would parse every sheet's XML back to say so again.
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	_, err = buf.WriteTo(dst)
	return err
}

// setPrint sets up a sheet for printing as a table: landscape, every
// column on one page width (as many pages down as it takes; startSheet
// turns fitting on), and the header row repeated at the top of every
// page.
func setPrint(f *excelize.File, sheet string) error {
	landscape, wide, tall := "landscape", 1, 0 // tall 0: no limit
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet,
	})
}

// writeSheets streams each table into its sheet, one sheet after the
// other: excelize does not document its stream writers or
// SetCellHyperLink as safe to use concurrently on one workbook.
func writeSheets(f *excelize.File, tabs []table, st *styleSet, links int) error {
	for _, t := range tabs {
		if err := writeSheet(f, t, st, links); err != nil {
			return fmt.Errorf("sheet: %s: %w", t.name, err)
		}
	}
	return nil
}

// writeSheet streams one table into its sheet.
func writeSheet(f *excelize.File, t table, st *styleSet, links int) error {
	sw, err := startSheet(f, t, st)
	if err != nil {
		return err
	}
	last, err := writeRows(f, sw, t, st, links)
	if err != nil {
		return err
	}
	return finishSheet(f, sw, t, last)
}

// startSheet opens a stream writer on the table's sheet and writes what
// comes before the rows: column widths, the frozen pane and the header.
func startSheet(f *excelize.File, t table, st *styleSet) (*excelize.StreamWriter, error) {
	// The stream writer writes the sheet's properties as it opens.
	fit := true
	if err := f.SetSheetProps(t.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(t.name)
	if err != nil {
		return nil, err
	}
	// excelize puts each column set last in front of the others; going
	// from the last column to the first leaves them in ascending order,
	// which Excel requires.
	for i := len(t.cols) - 1; i >= 0; i-- {
		c := t.cols[i]
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, err
		}
		if c.kind == colDate {
			if err := sw.SetColStyle(i+1, i+1, st.date); err != nil {
				return nil, err
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return nil, err
	}
	head := make([]any, len(t.cols))
	for i, c := range t.cols {
		head[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	return sw, sw.SetRow("A1", head, excelize.RowOpts{Height: 20})
}

// writeRows writes the table's rows below the header, each as tall as
// its text needs (see rowHeight), linking the first links link cells to
// their question's row, and returns the number of the last row written.
func writeRows(f *excelize.File, sw *excelize.StreamWriter, t table, st *styleSet, links int) (int, error) {
	cells := make([]excelize.Cell, len(t.cols))
	vals := make([]any, len(t.cols))
	texts := make([]string, len(t.cols))
	row := 1
	for cs := range t.rows {
		row++
		for i, c := range cs {
			vals[i], texts[i] = nil, ""
			if setValue(&cells[i], c, t.cols[i].kind, st) {
				vals[i] = &cells[i]
				texts[i], _ = cells[i].Value.(string)
			}
		}
		ref := "A" + strconv.Itoa(row)
		if err := sw.SetRow(ref, vals, excelize.RowOpts{Height: rowHeight(t.cols, texts)}); err != nil {
			return row, err
		}
		for j, c := range cs {
			if c.link > 0 && links > 0 {
				ref, _ := excelize.CoordinatesToCellName(j+1, row)
				loc := SheetQuestions + "!A" + strconv.Itoa(c.link)
				if err := f.SetCellHyperLink(t.name, ref, loc, "Location"); err != nil {
					return row, err
				}
				links--
			}
		}
	}
	return row, nil
}

// finishSheet adds an autofilter over rows 1 to last and the drop-down
// lists, and ends the sheet's stream.
func finishSheet(f *excelize.File, sw *excelize.StreamWriter, t table, last int) error {
	col, err := excelize.ColumnNumberToName(len(t.cols))
	if err != nil {
		return err
	}
	if err := f.AutoFilter(t.name, fmt.Sprintf("A1:%s%d", col, last), nil); err != nil {
		return err
	}
	if err := setPrint(f, t.name); err != nil {
		return err
	}
	for i, c := range t.cols {
		if c.kind != colChoice {
			continue
		}
		name, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s%d", name, name, excelize.TotalRows))
		if err := dv.SetDropList(c.list); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.header, "Choose one of the listed values.")
		if err := f.AddDataValidation(t.name, dv); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// setValue sets v to what the stream writer stores for c: a number, or
// text as an inline string (never a formula) with the column's style, in
// the Text format when the text is formula-like and at most
// maxTextFormat long. It reports false for empty text, which writes no
// cell.
func setValue(v *excelize.Cell, c cell, k colKind, st *styleSet) bool {
	if c.isN {
		*v = excelize.Cell{StyleID: st.cell[k][0], Value: c.num}
		return true
	}
	if c.text == "" {
		return false
	}
	s, risky := cellText(c.text)
	i := 0
	if risky && utf16Len(s) <= maxTextFormat {
		i = 1
	}
	*v = excelize.Cell{StyleID: st.cell[k][i], Value: s}
	return true
}
