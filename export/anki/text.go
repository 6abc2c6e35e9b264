package anki

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// writeText writes the notes of one kind in Anki's plain-text import
// format (File → Import, rslib import_export/text/csv): a header of
// "#key:value" lines, then one tab-separated row per note.
//
// A text file names one note type for all its rows ("#notetype"), so
// each kind gets its own file. The rows carry their deck in a column,
// since every topic has its own subdeck, and their GUID, so importing a
// newer file updates the notes instead of adding copies. "#columns"
// names the columns after the note type's fields, so Anki maps them by
// name. Text import cannot create note types: the note types must be in
// the collection already (importing the .apkg once adds them).
//
// Every value is quoted: Anki reads rows with a CSV reader for which a
// line starting with "#" is a comment, and a GUID may start with "#".
func writeText(w io.Writer, d *deck, nt *noteType) error {
	bw := bufio.NewWriter(w)
	nf := len(nt.Fields)
	cols := append(append([]string(nil), nt.Fields...), "Deck", "Tags", "GUID")
	bw.WriteString("#separator:tab\n")
	bw.WriteString("#html:true\n")
	bw.WriteString("#notetype:" + nt.Name + "\n")
	bw.WriteString("#deck column:" + strconv.Itoa(nf+1) + "\n")
	bw.WriteString("#tags column:" + strconv.Itoa(nf+2) + "\n")
	bw.WriteString("#guid column:" + strconv.Itoa(nf+3) + "\n")
	bw.WriteString("#columns:" + strings.Join(cols, "\t") + "\n")
	row := make([]string, 0, len(cols))
	for i := range d.notes {
		n := &d.notes[i]
		if noteTypeOf(n.kind) != nt {
			continue
		}
		row = append(row[:0], n.fields...)
		row = append(row, d.decks[n.deck].name, strings.TrimSpace(n.tags), n.guid)
		for j, v := range row {
			if j > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteByte('"')
			bw.WriteString(strings.ReplaceAll(v, `"`, `""`))
			bw.WriteByte('"')
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
