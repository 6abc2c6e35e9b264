package pdf

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/internal/poppler"
)

// squash collapses all white space to single spaces.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

var footerRe = regexp.MustCompile(`^Page \d+ of \d+$`)

// body drops the running headers and page numbers from pdftotext output,
// so that text running on from one page to the next is found whole. d is
// the layout whose headers those are.
func body(text string, d *doc) string {
	headers := map[string]bool{}
	for _, p := range d.pages {
		headers[clean(p.header)] = true
	}
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(l, "\f"))
		if !headers[l] && !footerRe.MatchString(l) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestText extracts the text of both PDFs and finds every prompt, term,
// strength, gap, phrasing, sample and diagram title of the bank in the
// guide, and every prompt, gap and term in the cheat sheet.
func TestText(t *testing.T) {
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			guide, cheat := both(t, b, Options{Date: fixedDate})
			g, _ := Options{}.geometry()
			gt := squash(body(poppler.Text(t, guide), layoutGuide(b, g, Options{})))
			ct := squash(body(poppler.Text(t, cheat), layoutCheat(b, g, Options{})))
			find := func(doc, text, what, s string) {
				t.Helper()
				if want := clean(s); !strings.Contains(text, want) {
					t.Errorf("%s: %s %q not found", doc, what, want)
				}
			}
			for _, tp := range b.Topics {
				find("guide", gt, "topic", tp.Name)
				for _, term := range tp.Guide {
					find("guide", gt, "term", term.Term+" — "+term.Definition)
					find("cheat sheet", ct, "term", term.Term)
				}
				for _, q := range tp.Questions {
					find("guide", gt, "prompt", q.Prompt)
					find("cheat sheet", ct, "prompt", q.Prompt)
					for _, s := range q.Strengths {
						find("guide", gt, "strength", s.Title)
					}
					for _, g := range q.Gaps {
						find("guide", gt, "gap", g.Title)
						find("cheat sheet", ct, "gap", g.Title)
						find("guide", gt, "phrasing", g.Phrasing)
					}
					for _, s := range q.Samples {
						// Placed or not, every sample is shown with its caption.
						find("guide", gt, "sample caption", s.Caption())
						find("guide", gt, "sample's first word", strings.Fields(s.Code)[0])
					}
					for _, d := range q.Diagrams {
						find("guide", gt, "diagram title", d.Title)
					}
				}
			}
			for _, p := range b.Plan {
				find("guide", gt, "plan topic", p.Topic)
			}
			if strings.ContainsRune(gt+ct, '\uFFFD') {
				t.Error("extracted text holds U+FFFD")
			}
		})
	}
}

// TestDiagramText finds every line of every diagram, box drawing and
// all, on one line of the guide's text (spacing aside).
func TestDiagramText(t *testing.T) {
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			guide, _ := both(t, b, Options{Date: fixedDate})
			lines := map[string]bool{}
			for _, l := range strings.Split(poppler.Text(t, guide, "-layout"), "\n") {
				lines[squash(l)] = true
			}
			n := 0
			for _, tp := range b.Topics {
				for _, q := range tp.Questions {
					for _, d := range q.Diagrams {
						for _, l := range strings.Split(d.Art, "\n") {
							want := squash(sanitize(l, covMono, true, false))
							if want == "" {
								continue
							}
							n++
							if !lines[want] {
								t.Errorf("%s: diagram line %q not found as %q", d.ID, l, want)
							}
						}
					}
				}
			}
			if n == 0 {
				t.Fatal("no diagram lines in the bank")
			}
		})
	}
}

// TestOutline reads the bookmarks back: topic → question → section, an
// entry per question leading to the page that shows it, and the
// contents, glossary and plan.
func TestOutline(t *testing.T) {
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			guide, cheat := both(t, b, Options{Date: fixedDate})
			outline, _ := poppler.HTML(t, guide)
			pages := poppler.Pages(t, guide)
			byTitle := map[string]poppler.Bookmark{}
			for _, m := range outline {
				if _, dup := byTitle[m.Title]; !dup {
					byTitle[m.Title] = m // the first: topics come before the glossary's
				}
			}
			for _, want := range []string{"Contents", "Glossary", "Study plan"} {
				if m, ok := byTitle[want]; !ok || m.Level != 0 {
					t.Errorf("no top-level bookmark %q (%+v)", want, m)
				}
			}
			questions := 0
			for i, m := range outline {
				if !strings.HasPrefix(m.Title, "Q") || m.Level != 1 {
					continue
				}
				questions++
				if i+1 >= len(outline) || outline[i+1].Level != 2 {
					t.Errorf("bookmark %q has no sections under it", m.Title)
				}
			}
			for _, tp := range b.Topics {
				if m, ok := byTitle[clean(tp.Name)]; !ok || m.Level != 0 {
					t.Errorf("no top-level bookmark for topic %q", tp.Name)
				}
				for _, q := range tp.Questions {
					title := questionLabel(&q) + ": " + truncate(clean(q.Prompt), 90)
					m, ok := byTitle[title]
					switch {
					case !ok:
						t.Errorf("no bookmark %q", title)
					case m.Level != 1:
						t.Errorf("bookmark %q at level %d, want 1", title, m.Level)
					case m.Page < 1 || m.Page > len(pages) || !strings.Contains(pages[m.Page-1], "QUESTION "+strconv.Itoa(q.Number)):
						t.Errorf("bookmark %q leads to page %d, which does not show the question", title, m.Page)
					}
				}
			}
			if n := b.Count().Questions; questions != n {
				t.Errorf("%d question bookmarks, want %d", questions, n)
			}
			if outline, _ := poppler.HTML(t, cheat); len(outline) != len(b.Topics) {
				t.Errorf("cheat sheet has %d bookmarks, want one per topic (%d)", len(outline), len(b.Topics))
			}
		})
	}
}

// TestContents checks the table of contents: it lists the outline's
// topics, concept guides, questions, glossary and plan in order, each
// with the page number its bookmark leads to, and each line links there.
func TestContents(t *testing.T) {
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			guide, _ := both(t, b, Options{Date: fixedDate})
			outline, runs := poppler.HTML(t, guide)
			var want []int
			parent := ""
			for _, m := range outline {
				switch {
				case m.Level == 0:
					parent = m.Title
					if m.Title != "Contents" {
						want = append(want, m.Page)
					}
				case m.Level == 1 && parent != "Glossary" && m.Title != "Other notes":
					want = append(want, m.Page)
				}
			}
			contents := slices.IndexFunc(outline, func(m poppler.Bookmark) bool { return m.Title == "Contents" })
			if contents < 0 {
				t.Fatal("no Contents bookmark")
			}
			first, end := outline[contents].Page, outline[contents+1].Page
			// The contents end each entry with its page number, a run of
			// its own after the dot leaders.
			var shown []int
			for _, r := range runs {
				if r.Page < first || r.Page >= end || r.Text == "Contents" || footerRe.MatchString(r.Text) {
					continue // the title, the running header and the page number
				}
				if r.Link == 0 {
					t.Errorf("page %d: contents text %q links nowhere", r.Page, r.Text)
				}
				if n, err := strconv.Atoi(strings.TrimSpace(r.Text)); err == nil {
					shown = append(shown, n)
					if r.Link != n {
						t.Errorf("page %d: the number %d links to page %d", r.Page, n, r.Link)
					}
				}
			}
			if diff := gocmp.Diff(want, shown); diff != "" {
				t.Errorf("contents page numbers mismatch (-outline +shown):\n%s", diff)
			}
		})
	}
}

// TestDeterministic renders twice and compares bytes, and checks the
// documents' dates.
func TestDeterministic(t *testing.T) {
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			g1, c1 := both(t, b, Options{Date: fixedDate})
			g2, c2 := both(t, b, Options{Date: fixedDate})
			if !bytes.Equal(g1, g2) {
				t.Error("study guide differs between runs")
			}
			if !bytes.Equal(c1, c2) {
				t.Error("cheat sheet differs between runs")
			}
		})
	}
}

// TestDate checks the metadata dates and the date on the title page: the
// given date, else export.DefaultDate in the metadata and none printed.
func TestDate(t *testing.T) {
	b := testBank()
	for _, tt := range []struct {
		name      string
		opts      Options
		meta      string
		titlePage string // "" for no date
	}{
		{"given", Options{Date: fixedDate}, "2025-11-24T07:06:00Z", "24 November 2025"},
		{"zero", Options{}, "1980-01-01T00:00:00Z", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			guide, cheat := both(t, b, tt.opts)
			for _, doc := range [][]byte{guide, cheat} {
				info := poppler.Info(t, doc)
				for _, field := range []string{"CreationDate:    ", "ModDate:         "} {
					if !strings.Contains(info, field+tt.meta+"\n") {
						t.Errorf("pdfinfo lacks %q:\n%s", field+tt.meta, info)
					}
				}
			}
			title := poppler.Pages(t, guide)[0]
			if tt.titlePage != "" && !strings.Contains(title, tt.titlePage) {
				t.Errorf("title page lacks the date %q:\n%s", tt.titlePage, title)
			}
			if tt.titlePage == "" && regexp.MustCompile(`\b\d{4}\b`).MatchString(title) {
				t.Errorf("title page prints a date:\n%s", title)
			}
		})
	}
}

// TestConcurrent renders both files of a bank on several goroutines at
// once, as a program embedding the package may; run with -race. Each
// document must come out as it does alone.
func TestConcurrent(t *testing.T) {
	b := testBank()
	want, _ := both(t, b, Options{Date: fixedDate})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := WriteGuide(&buf, b, Options{Date: fixedDate}); err != nil {
				errs <- err
			} else if !bytes.Equal(buf.Bytes(), want) {
				errs <- errors.New("concurrent render differs")
			}
			if err := WriteCheatSheet(io.Discard, b, Options{Paper: "letter"}); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestPaper checks the page sizes and the paper option.
func TestPaper(t *testing.T) {
	b := testBank()
	for _, tt := range []struct{ paper, want string }{
		{"", "595.28 x 841.89 pts (A4)"},
		{"A4", "595.28 x 841.89 pts (A4)"},
		{"letter", "612 x 792 pts (letter)"},
	} {
		guide, cheat := both(t, b, Options{Paper: tt.paper})
		for _, doc := range [][]byte{guide, cheat} {
			if info := poppler.Info(t, doc); !strings.Contains(info, "Page size:       "+tt.want) {
				t.Errorf("paper %q: pdfinfo says\n%s\nwant page size %s", tt.paper, info, tt.want)
			}
		}
	}
	if _, err := Files(b, Options{Paper: "a5"}); !errors.Is(err, ErrPaper) {
		t.Errorf("paper a5: error %v, want ErrPaper", err)
	}
	if err := WriteGuide(io.Discard, b, Options{Paper: "legal"}); !errors.Is(err, ErrPaper) {
		t.Errorf("paper legal: error %v, want ErrPaper", err)
	}
}

func TestFiles(t *testing.T) {
	b := testBank()
	fs, err := Files(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s %d", f.Name, f.Items))
	}
	if diff := gocmp.Diff([]string{"study-guide.pdf 4", "cheat-sheet.pdf 4"}, got); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	fs, _ = Files(b, Options{GuideName: "g.pdf", CheatName: "c.pdf"})
	if fs[0].Name != "g.pdf" || fs[1].Name != "c.pdf" {
		t.Errorf("names %q, %q; want g.pdf, c.pdf", fs[0].Name, fs[1].Name)
	}
	for _, f := range fs {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		if info := poppler.Info(t, buf.Bytes()); !strings.Contains(info, "Pages:") {
			t.Errorf("%s is not a PDF pdfinfo reads:\n%s", f.Name, info)
		}
	}
}

// TestMetadata checks title, author, keywords and creator, sanitized.
func TestMetadata(t *testing.T) {
	b := testBank()
	guide, cheat := both(t, b, Options{Title: "Prep 🎯 <b>", Author: "Ada ✅", Date: fixedDate})
	for name, doc := range map[string][]byte{"guide": guide, "cheat": cheat} {
		info := poppler.Info(t, doc)
		for _, want := range []string{"Title:           Prep ◎ <b>", "Author:          Ada ✔", "Keywords:        Kubernetes, Kafka", "Creator:         bankgen"} {
			if !strings.Contains(info, want+"\n") {
				t.Errorf("%s: pdfinfo lacks %q:\n%s", name, want, info)
			}
		}
	}
}

// TestFonts checks that the four faces are embedded, and subset: the
// fonts alone weigh 2 MB.
func TestFonts(t *testing.T) {
	guide, cheat := both(t, testBank(), Options{})
	for name, doc := range map[string][]byte{"guide": guide, "cheat": cheat} {
		out := poppler.Fonts(t, doc)
		if n := strings.Count(out, "CID TrueType      Identity-H       yes"); n != int(numStyles) {
			t.Errorf("%s: %d embedded fonts, want %d:\n%s", name, n, numStyles, out)
		}
		if len(doc) > 200_000 {
			t.Errorf("%s is %d bytes: fonts not subset?", name, len(doc))
		}
	}
}

// fontCoverage maps the fonts' names in the PDF to the runes they draw.
func fontCoverage(t testing.TB, font string) *coverage {
	t.Helper()
	switch font {
	case "utf8sans", "utf8sansB", "utf8sansI":
		return covSans
	case "utf8mono":
		return covMono
	}
	t.Fatalf("text in unknown font %q", font)
	return nil
}

// TestDrawnRunes reads the text of the PDFs back with its fonts: every
// rune is one the font that draws it has, so none shows as a tofu box.
func TestDrawnRunes(t *testing.T) {
	mustFaces(t)
	for name, b := range banks(t) {
		guide, cheat := both(t, b, Options{Date: fixedDate})
		for doc, pdf := range map[string][]byte{"guide": guide, "cheat": cheat} {
			_, runs := poppler.HTML(t, pdf)
			n := 0
			for _, r := range runs {
				cov := fontCoverage(t, r.Font)
				for _, c := range r.Text {
					n++
					if c != ' ' && !cov.has(c) {
						t.Errorf("%s %s, page %d: %U drawn in %s, which lacks it", name, doc, r.Page, c, r.Font)
					}
				}
			}
			if n < 1000 {
				t.Errorf("%s %s: only %d runes drawn", name, doc, n)
			}
		}
	}
}

// TestCheckRunes makes sure the last guard works: text with a rune the
// font lacks is refused rather than drawn.
func TestCheckRunes(t *testing.T) {
	mustFaces(t)
	for _, tt := range []struct {
		st style
		s  string
	}{
		{sans, "target 🎯"}, // above U+FFFF
		{mono, "⬤"},        // in sans, not in mono
	} {
		d := newDoc(geometry{w: 210, h: 297, left: 20, right: 20, top: 20, bottom: 20})
		d.newPage()
		d.text(tt.st, 10, black, 20, 30, tt.s)
		var buf bytes.Buffer
		if err := draw(&buf, d, meta{}); err == nil {
			t.Errorf("drawing %q in face %d did not fail", tt.s, tt.st)
		}
		if buf.Len() > 0 {
			t.Errorf("drawing %q failed after writing %d bytes", tt.s, buf.Len())
		}
	}
}

// TestEmptyBank renders a bank with nothing in it, and one whose
// question has nothing but a prompt.
func TestEmptyBank(t *testing.T) {
	for name, b := range map[string]*bank.Bank{
		"empty":  {},
		"sparse": {Topics: []bank.Topic{{Name: "T", Questions: []bank.Question{{Number: 1, Prompt: "Why?"}}}}},
	} {
		guide, cheat := both(t, b, Options{})
		if !strings.Contains(poppler.Text(t, guide), "Interview Study Guide") {
			t.Errorf("%s: no title in the guide", name)
		}
		poppler.Text(t, cheat)
	}
}

// textLine is a line of text read back from a PDF: its words joined by
// single spaces, and the box around them, in points.
type textLine struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

// textLines groups the words of pdf into lines, words on one page whose
// boxes start at the same height, in order down the pages. pdftotext
// lists a column apart, such as a box's right border, after the rest.
func textLines(t *testing.T, pdf []byte) []textLine {
	type key struct {
		page int
		y    float64
	}
	words := map[key][]poppler.Word{}
	for _, w := range poppler.Words(t, pdf) {
		k := key{w.Page, w.YMin}
		words[k] = append(words[k], w)
	}
	var out []textLine
	for k, ws := range words {
		slices.SortFunc(ws, func(a, b poppler.Word) int { return cmp.Compare(a.XMin, b.XMin) })
		l := textLine{page: k.page, xMin: ws[0].XMin, yMin: k.y, xMax: ws[0].XMax, yMax: ws[0].YMax, text: ws[0].Text}
		for _, w := range ws[1:] {
			l.text += " " + w.Text
			l.xMax, l.yMax = max(l.xMax, w.XMax), max(l.yMax, w.YMax)
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b textLine) int {
		return cmp.Or(cmp.Compare(a.page, b.page), cmp.Compare(a.yMin, b.yMin))
	})
	return out
}

// TestDiagramLayout reads diagrams back from the guide: each is kept on
// one page when it fits on one, wherever the text before it ends, and
// breaks between lines when it does not; its widest line fits the text
// width unwrapped; a narrow one is not blown up; and its lines touch, so
// that box-drawing verticals join.
func TestDiagramLayout(t *testing.T) {
	mustFaces(t)
	g, _ := Options{}.geometry()
	box := func(lines int, width int) string {
		var b strings.Builder
		b.WriteString("╔" + strings.Repeat("═", width-2) + "╗\n")
		for i := range lines - 2 {
			l := fmt.Sprintf("║ line %03d ✅", i) // the emoji takes two columns
			b.WriteString(l + strings.Repeat(" ", width-2-len([]rune(l))) + "║\n")
		}
		b.WriteString("╚" + strings.Repeat("═", width-2) + "╝")
		return b.String()
	}
	const pt = 72 / 25.4 // points per millimetre
	for _, tt := range []struct {
		name         string
		lines, width int
		minPages     int   // and at most this many when the diagram fits on a page
		paragraphs   []int // before the diagrams
	}{
		{"fits, kept whole", 30, 73, 1, []int{2, 5, 8, 11}},
		{"narrow", 10, 20, 1, []int{11}},
		{"wide, scaled", 12, 140, 1, []int{11}},
		{"taller than a page", 140, 73, 3, []int{11}},
	} {
		for _, paragraphs := range tt.paragraphs {
			t.Run(fmt.Sprintf("%s after %d paragraphs", tt.name, paragraphs), func(t *testing.T) {
				var filler []bank.Block
				for range paragraphs {
					filler = append(filler, bank.Block{Kind: bank.KindParagraph, Text: strings.Repeat("Filler text to push the diagram down the page. ", 6)})
				}
				art := box(tt.lines, tt.width)
				b := &bank.Bank{Topics: []bank.Topic{{Name: "T", Questions: []bank.Question{{
					Number: 1, Prompt: "P", Answer: filler,
					// A small diagram first: the section heading is kept with
					// it, so the one under test is kept by its own rule.
					Diagrams: []bank.Diagram{{Title: "Small", Art: "┌───┐\n│ s │\n└───┘"}, {Title: "D", Art: art}},
				}}}}}
				guide, _ := both(t, b, Options{})
				want := map[string]bool{}
				for _, l := range strings.Split(art, "\n") {
					want[squash(sanitize(l, covMono, true, false))] = true
				}
				var found []textLine
				for _, l := range textLines(t, guide) {
					if want[l.text] {
						found = append(found, l)
					}
				}
				if len(found) != tt.lines {
					t.Fatalf("%d diagram lines found whole, want %d", len(found), tt.lines)
				}
				pages := map[int]bool{}
				for i, l := range found {
					pages[l.page] = true
					if right := (g.w - g.right) * pt; l.xMax > right+0.1 {
						t.Errorf("line %d ends at %.1f pt, beyond the text width (%.1f pt)", i, l.xMax, right)
					}
					if i > 0 && found[i-1].page == l.page && l.yMin-found[i-1].yMax > 0.05 {
						t.Errorf("a gap of %.2f pt above line %d: verticals would not join", l.yMin-found[i-1].yMax, i)
					}
				}
				if n := len(pages); n < tt.minPages || tt.minPages == 1 && n > 1 {
					t.Errorf("diagram on %d pages, want %d", n, tt.minPages)
				}
				if w, most := found[0].xMax-found[0].xMin, float64(tt.width)*monoAdvance*diagramMax; w > most+0.1 {
					t.Errorf("diagram %.1f pt wide, more than %d columns at %.1f pt", w, tt.width, diagramMax)
				}
			})
		}
	}
}

// TestCheatSheetFits checks the cheat sheet's promise on the banks: one
// or two pages per topic.
func TestCheatSheetFits(t *testing.T) {
	for name, b := range banks(t) {
		for _, tp := range b.Topics {
			_, cheat := both(t, &bank.Bank{Topics: []bank.Topic{tp}}, Options{})
			if n := len(poppler.Pages(t, cheat)); n < 1 || n > 2 {
				t.Errorf("%s: topic %q takes %d cheat-sheet pages", name, tp.Name, n)
			}
		}
	}
}
