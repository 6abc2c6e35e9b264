package sheet

import (
	"fmt"
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

// buildXLSX renders the tables into a workbook and returns its bytes as
// excelize zips them.
func buildXLSX(tabs []table, opts Options) (data []byte, err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("sheet: %w", cerr)
		}
	}()
	if err := f.SetSheetName("Sheet1", tabs[0].name); err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	for _, t := range tabs[1:] {
		if _, err := f.NewSheet(t.name); err != nil {
			return nil, fmt.Errorf("sheet: %w", err)
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, fmt.Errorf("sheet: styles: %w", err)
	}
	for _, t := range tabs {
		if err := writeSheet(f, t, st, opts); err != nil {
			return nil, fmt.Errorf("sheet: %s: %w", t.name, err)
		}
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
		return nil, fmt.Errorf("sheet: %w", err)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "bankgen"}); err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	return buf.Bytes(), nil
}

// writeSheet streams one table into its sheet: column widths, a frozen
// header row, the rows, links to questions, an autofilter over the
// whole table and drop-down lists.
func writeSheet(f *excelize.File, t table, st *styleSet, opts Options) error {
	sw, err := f.NewStreamWriter(t.name)
	if err != nil {
		return err
	}
	last, err := excelize.ColumnNumberToName(len(t.cols))
	if err != nil {
		return err
	}
	// excelize puts each column set last in front of the others; going
	// from the last column to the first leaves them in ascending order,
	// which Excel requires.
	for i := len(t.cols) - 1; i >= 0; i-- {
		c := t.cols[i]
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
		if c.kind == colDate {
			if err := sw.SetColStyle(i+1, i+1, st.date); err != nil {
				return err
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	head := make([]any, len(t.cols))
	for i, c := range t.cols {
		head[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	links := opts.maxLinks()
	row := 1
	vals := make([]any, len(t.cols))
	for cells := range t.rows {
		row++
		for i, c := range cells {
			vals[i] = value(c, t.cols[i].kind, st)
		}
		if err := sw.SetRow("A"+strconv.Itoa(row), vals); err != nil {
			return err
		}
		for i, c := range cells {
			if c.link > 0 && links > 0 {
				ref, _ := excelize.CoordinatesToCellName(i+1, row)
				target := fmt.Sprintf("%s!A%d", SheetQuestions, c.link)
				if err := f.SetCellHyperLink(t.name, ref, target, "Location"); err != nil {
					return err
				}
				links--
			}
		}
	}
	if err := f.AutoFilter(t.name, fmt.Sprintf("A1:%s%d", last, row), nil); err != nil {
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

// value turns a cell into what the stream writer stores: a number, or
// text as an inline string (never a formula) with the column's style, in
// the Text format when the text is formula-like. Empty text writes no
// cell.
func value(c cell, k colKind, st *styleSet) any {
	if c.isN {
		return excelize.Cell{StyleID: st.cell[k][0], Value: c.num}
	}
	if c.text == "" {
		return nil
	}
	s, risky := cellText(c.text)
	v := 0
	if risky {
		v = 1
	}
	return excelize.Cell{StyleID: st.cell[k][v], Value: s}
}
