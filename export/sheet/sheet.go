package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
)

// Format is the kind of file an export writes.
type Format string

// The formats. The zero Format means FormatXLSX.
const (
	// FormatXLSX is one Excel workbook, bank.xlsx, with a sheet per table.
	FormatXLSX Format = "xlsx"
	// FormatCSV is one UTF-8 CSV file per sheet: questions.csv, gaps.csv,
	// concepts.csv, samples.csv, diagrams.csv and plan.csv.
	FormatCSV Format = "csv"
)

// DefaultMaxLinks is the number of rows per sheet that get a hyperlink to
// their question when Options.MaxLinks is zero.
const DefaultMaxLinks = 5000

// maxLinks is the most hyperlinks excelize lets a worksheet hold (Excel
// itself stops at 65,530).
const maxLinks = 65529

// Options configure an export. The zero value writes bank.xlsx.
type Options struct {
	// Format selects the output: FormatXLSX (the default) or FormatCSV.
	Format Format
	// Name is the workbook's file name; "" means "bank.xlsx". It is not
	// used for CSV, whose file names are fixed (see FormatCSV).
	Name string
	// Title and Subject are the workbook's document properties; "" means
	// "Interview question bank" and "Questions, gaps, concepts, samples,
	// diagrams and study plan".
	Title, Subject string
	// Date is the creation and modification time recorded in the
	// workbook's document properties and on its zip entries. The zero
	// value means export.DefaultDate; either way the same bank gives the same
	// bytes. Zip entries can only record 1980 to 2107, to two seconds;
	// times outside that range are recorded as export.DefaultDate or the end of
	// 2107.
	Date time.Time
	// MaxLinks caps how many rows of each of the Gaps, Samples and
	// Diagrams sheets get a hyperlink to their question; rows past the cap
	// still show the question ID. Zero means DefaultMaxLinks; a negative
	// value means no links. excelize adds each link in time linear in the
	// links already there, so the cap keeps large banks fast; it cannot
	// exceed 65,529, excelize's limit, and larger values are reduced.
	MaxLinks int
	// NoBOM leaves out the byte order mark that starts every CSV file.
	// The mark is there so that Excel reads the files as UTF-8; tools
	// that do not expect one may want it off.
	NoBOM bool
}

// ErrFormat is returned for an Options.Format this package does not know.
var ErrFormat = errors.New("sheet: unknown format")

func (o Options) format() (Format, error) {
	switch o.Format {
	case "", FormatXLSX:
		return FormatXLSX, nil
	case FormatCSV:
		return FormatCSV, nil
	}
	return "", fmt.Errorf("%w %q (want %q or %q)", ErrFormat, o.Format, FormatXLSX, FormatCSV)
}

func (o Options) name() string {
	if o.Name != "" {
		return o.Name
	}
	return "bank.xlsx"
}

func (o Options) title() string {
	if o.Title != "" {
		return o.Title
	}
	return "Interview question bank"
}

func (o Options) subject() string {
	if o.Subject != "" {
		return o.Subject
	}
	return "Questions, gaps, concepts, samples, diagrams and study plan"
}

func (o Options) date() time.Time {
	if o.Date.IsZero() {
		return export.DefaultDate
	}
	return o.Date.UTC()
}

func (o Options) maxLinks() int {
	switch {
	case o.MaxLinks == 0:
		return DefaultMaxLinks
	case o.MaxLinks < 0:
		return 0
	}
	return min(o.MaxLinks, maxLinks)
}

// Files returns the files of an export of b in the format opts selects:
// one workbook for FormatXLSX, six CSV files, in sheet order, for
// FormatCSV. File names come from opts, never from the bank. A
// workbook's Items is the number of data rows over all its sheets; a CSV
// file's is its number of data rows. Nothing is rendered until a File's
// Write is called, and each call renders afresh from b, so b must not
// change in between.
func Files(b *bank.Bank, opts Options) ([]export.File, error) {
	f, err := opts.format()
	if err != nil {
		return nil, err
	}
	tabs := tables(b)
	if f == FormatXLSX {
		n := 0
		for _, t := range tabs {
			n += t.n
		}
		return []export.File{{
			Name:  opts.name(),
			Items: n,
			Write: func(w io.Writer) error { return WriteXLSX(w, b, opts) },
		}}, nil
	}
	var files []export.File
	for _, t := range tabs {
		files = append(files, export.File{
			Name:  t.file,
			Items: t.n,
			Write: func(w io.Writer) error { return writeCSV(w, t, opts) },
		})
	}
	return files, nil
}

// Sheets returns the names of the workbook's sheets, in order.
func Sheets() []string {
	return []string{SheetQuestions, SheetGaps, SheetConcepts, SheetSamples, SheetDiagrams, SheetPlan}
}

// WriteCSV writes one sheet of b, named as in Sheets, to w as CSV. It
// returns an error for a name that is not a sheet.
func WriteCSV(w io.Writer, b *bank.Bank, sheet string, opts Options) error {
	for _, t := range tables(b) {
		if t.name == sheet {
			return writeCSV(w, t, opts)
		}
	}
	return fmt.Errorf("sheet: no sheet named %q", sheet)
}

// WriteXLSX writes b to w as an Excel workbook; w is not closed. The
// sheets' rows go through excelize's stream writer, which moves a sheet
// to a temporary file 16 MiB at a time (but keeps a buffer of about
// 20 MiB per large sheet until the end); the compressed workbook is
// built in memory, then copied to w with its parts in canonical order.
func WriteXLSX(w io.Writer, b *bank.Bank, opts Options) error {
	var book bytes.Buffer
	if err := buildXLSX(&book, tables(b), opts); err != nil {
		return err
	}
	return canonicalZip(w, bytes.NewReader(book.Bytes()), int64(book.Len()), opts.date())
}
