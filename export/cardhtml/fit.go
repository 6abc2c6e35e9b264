package cardhtml

import (
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// FitColumns is the widest diagram or code, in columns, that is shown
// at its natural size: about what a phone shows across at 13 px. Wider
// ones are scaled to the width of their container (see fit).
const FitColumns = 40

// Columns returns the width of the widest line of text in monospace
// columns: East Asian wide and full-width characters and emoji count as
// two, tabs as four.
func Columns(text string) int {
	most := 0
	for line := range strings.SplitSeq(text, "\n") {
		n := 0
		for _, r := range line {
			switch {
			case r == '\t':
				n += 4
			case r >= 0x1F000:
				n += 2
			default:
				switch width.LookupRune(r).Kind() {
				case width.EastAsianWide, width.EastAsianFullwidth:
					n += 2
				default:
					n++
				}
			}
		}
		most = max(most, n)
	}
	return most
}

// fit writes a <pre> so that it fits the card on any screen. A <pre>
// of at most FitColumns columns is written as it is. A wider one is
// written once, as the summary of an otherwise empty <details>: closed,
// it is scaled to the width of its container (the CSS sets its font size
// from the --cols property and the container's width, so lines are
// never cut or wrapped and columns stay aligned); tapped open, the CSS
// sets it at its natural size, scrolling sideways. The toggle needs no
// script, so it works wherever a card is shown (Anki on desktop and
// phones, a page with scripts off).
func fit(b *strings.Builder, pre string, cols int) {
	if cols <= FitColumns {
		b.WriteString(pre)
		return
	}
	b.WriteString(`<details class="bg-zoom"><summary><div class="bg-fit" style="--cols:` + strconv.Itoa(cols) + `">`)
	b.WriteString(pre)
	b.WriteString(`</div></summary></details>`)
}
