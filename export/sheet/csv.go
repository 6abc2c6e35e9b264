package sheet

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
)

// bom is the UTF-8 byte order mark. Excel reads a CSV file as UTF-8 only
// when it starts with one.
const bom = "\uFEFF"

// writeCSV writes a table as CSV: a header row, then one record per row,
// quoted as RFC 4180 says, each ending in CRLF. Numbers are written as
// digits; text goes through cellText and gets a leading "'" when it is
// formula-like. Link cells hold the question ID.
func writeCSV(w io.Writer, t table, opts Options) error {
	bw := bufio.NewWriter(w)
	if !opts.NoBOM {
		if _, err := bw.WriteString(bom); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	rec := make([]string, len(t.cols))
	for i, c := range t.cols {
		rec[i] = c.header
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for cells := range t.rows {
		for i, c := range cells {
			rec[i] = csvField(c)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvField is the text of c in a CSV file.
func csvField(c cell) string {
	if c.isN {
		return strconv.Itoa(c.num)
	}
	s, risky := cellText(c.text)
	if risky {
		return "'" + s
	}
	return s
}
