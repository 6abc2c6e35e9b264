package quiz

import (
	"html"
	"strings"

	"github.com/bankgen/bankgen/export/cardhtml"
)

// faces lays out a card's faces (see cardhtml.Faces) as the page shows
// them, each a .bg fragment styled by cardhtml.CSS. The front asks what
// to do, shows the cue and where it comes from; a cue that asks by
// itself (a question's prompt, a concept's term) is set as a prompt. The
// back shows what recall is graded against, a gap's phrasing set apart,
// and the parts a tap away folded.
func faces(f cardhtml.Faces) (front, back string) {
	var b strings.Builder
	b.WriteString(`<div class="bg">`)
	if f.Ask != "" {
		b.WriteString(`<div class="bg-ask">` + html.EscapeString(f.Ask) + `</div><div class="bg-drill">` + f.Front + `</div>`)
	} else {
		b.WriteString(`<div class="bg-prompt">` + f.Front + `</div>`)
	}
	if f.Context != "" {
		b.WriteString(`<div class="bg-context">` + f.Context + `</div>`)
	}
	b.WriteString(`</div>`)
	front = b.String()

	b.Reset()
	b.WriteString(`<div class="bg">`)
	if f.Back != "" {
		if f.Heading != "" {
			b.WriteString(`<h3 class="bg-h">` + html.EscapeString(f.Heading) + `</h3>`)
		}
		b.WriteString(`<div class="bg-back">` + f.Back + `</div>`)
	}
	if f.Phrasing != "" {
		b.WriteString(`<h3 class="bg-h">Say it like this</h3><blockquote class="bg-phrasing">` + f.Phrasing + `</blockquote>`)
	}
	for _, m := range f.More {
		if m.HTML == "" {
			continue
		}
		b.WriteString(`<details class="bg-full"><summary>` + html.EscapeString(m.Summary) + `</summary>` + m.HTML + `</details>`)
	}
	b.WriteString(`</div>`)
	return front, b.String()
}
