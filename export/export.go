// Package export holds what every bankgen exporter shares: the File an
// exporter hands to the command that writes it.
//
// Each format lives in its own subpackage (export/json, export/anki, …)
// and never imports another. Exporters render into an io.Writer and know
// nothing of paths; the bankgen command chooses the directory and writes
// every File atomically.
package export

import "io"

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
