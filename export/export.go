// Package export holds what every bankgen exporter shares: the File an
// exporter returns, the date outputs carry when no date is given, and
// WriteAll, which writes Files into a folder the way the bankgen command
// does.
//
// Each format lives in its own subpackage (export/anki, export/pdf, …)
// and never imports another. Exporters render into an io.Writer and know
// nothing of paths. WriteAll writes every File atomically, records what
// it wrote in the folder's manifest (ManifestName), and never overwrites
// a file that bankgen did not write unless told to.
package export

import (
	"io"
	"time"
)

// DefaultDate is the date every exporter records when its Options.Date is
// zero: 1980-01-01 00:00:00 UTC, the start of the zip format's MS-DOS
// clock, so that output never depends on when it is made and every zip
// based format (decks, workbooks) can store it exactly.
var DefaultDate = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

// File is one output file of an exporter.
type File struct {
	// Name is the file's base name, such as "bank.json". It is chosen by
	// the exporter from its options, never from source content.
	Name string
	// Items is how many items the file holds (notes, rows, questions),
	// for the command's summary line.
	Items int
	// Write renders the file into w. It does not close w.
	Write func(w io.Writer) error
}
