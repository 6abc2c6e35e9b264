package sheet

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Row heights. Spreadsheets size a row that holds wrapped text when they
// lay the sheet out, but LibreOffice does not for rows of an imported
// workbook that give no height: it prints their text over the rows below.
// So every row gets a height that fits its tallest cell, from an estimate
// of how the cell's text wraps in its column.
const (
	// lineHeight and monoLineHeight are the height of one line of text
	// in the default font (Calibri 11 pt) and in monoFont at 10 pt, in
	// points, as Excel lays them out; LibreOffice needs a little less.
	lineHeight     = 15.0
	monoLineHeight = 13.0
	// rowPadding is added to every row's lines.
	rowPadding = 3.0
	// maxRowHeight is the tallest row Excel allows, in points (about 27
	// lines). A cell that needs more shows its first lines; its whole
	// text is in the cell, and in the CSV export.
	maxRowHeight = 409.0
	// monoWidth is the width of a monoFont character at 10 pt, in the
	// unit of column widths (the width of "0" in the default font).
	monoWidth = 1.15
)

// rowHeight returns the height in points that fits the row's text cells,
// which hold text as written (after cellText).
func rowHeight(cols []column, texts []string) float64 {
	h := lineHeight
	for i, s := range texts {
		if s == "" {
			continue
		}
		c := cols[i]
		per, mono := lineHeight, false
		if c.kind == colCode {
			per, mono = monoLineHeight, true
		}
		most := int(maxRowHeight/per) + 1 // more lines cannot show
		lines := min(strings.Count(s, "\n")+1, most)
		if c.kind == colText || c.kind == colCode {
			lines = wrappedLines(s, c.width, mono, most)
		}
		h = max(h, float64(lines)*per+rowPadding)
	}
	return min(h, maxRowHeight)
}

// wrappedLines returns how many lines s takes in a column width units
// wide when the spreadsheet wraps it at spaces, and inside a word only
// when the word alone is wider than the column; it stops counting at
// most.
func wrappedLines(s string, width float64, mono bool, most int) int {
	room := width - 1 // the cell's margins
	space := charWidth(' ', mono)
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		n++
		x, gap := 0.0, 0.0 // no space before a line's first word
		for word := range strings.SplitSeq(line, " ") {
			if n >= most {
				return most
			}
			w := textWidth(word, mono)
			switch {
			case x+gap+w <= room:
				x += gap + w
			case w <= room:
				n++
				x = w
			default: // broken inside the word
				for _, r := range word {
					cw := charWidth(r, mono)
					if x+cw > room {
						n++
						x = 0
					}
					x += cw
				}
			}
			gap = space
		}
	}
	return min(n, most)
}

func textWidth(s string, mono bool) float64 {
	w := 0.0
	for _, r := range s {
		w += charWidth(r, mono)
	}
	return w
}

// charWidth estimates the width of r in column-width units, erring wide
// so that rows are never too short: wide (East Asian, emoji) characters
// take two columns, and in the proportional font capitals and m, w take
// more than a digit, spaces and thin letters less.
func charWidth(r rune, mono bool) float64 {
	if r < utf8.RuneSelf {
		switch {
		case mono:
			return monoWidth
		case r == ' ' || strings.ContainsRune("il.,;:'|!jtf()[]", r):
			return 0.55
		case r == 'm' || r == 'w' || r == 'M' || r == 'W':
			return 1.5
		case 'A' <= r && r <= 'Z':
			return 1.2
		}
		return 1.0
	}
	wide := 1.0
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		wide = 2
	}
	if r >= 0x1F000 { // emoji and pictographs outside the tables above
		wide = 2
	}
	if mono {
		return wide * monoWidth
	}
	return wide * 1.1
}
