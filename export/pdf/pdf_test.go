package pdf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/bankgen/bankgen/bank"
)

// tool returns the path of a poppler-utils command, failing the test
// with how to install it if it is missing.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found: these tests need poppler-utils (apt-get install poppler-utils)", name)
	}
	return p
}

// run runs a poppler command on pdf and returns its output. Anything on
// stderr (poppler reports syntax errors there) fails the test.
func run(t testing.TB, pdf []byte, name string, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(tool(t, name), append(args, path, "-")...)
	if name == "pdfinfo" || name == "pdffonts" {
		cmd = exec.Command(tool(t, name), append(args, path)...)
	}
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s reports:\n%s", name, stderr.String())
	}
	return stdout.String()
}

// both renders b's study guide and cheat sheet.
func both(t testing.TB, b *bank.Bank, opts Options) (guide, cheat []byte) {
	t.Helper()
	var g, c bytes.Buffer
	if err := WriteGuide(&g, b, opts); err != nil {
		t.Fatal(err)
	}
	if err := WriteCheatSheet(&c, b, opts); err != nil {
		t.Fatal(err)
	}
	return g.Bytes(), c.Bytes()
}

// banks returns the banks to test with: the fixture, and the shipped
// bank once golden/bank.json exists.
func banks(t *testing.T) map[string]*bank.Bank {
	m := map[string]*bank.Bank{"fixture": testBank()}
	if b := shippedBank(t); b != nil {
		m["shipped"] = b
	} else {
		t.Log("golden/bank.json not found: testing the fixture bank only")
	}
	return m
}

// squash collapses all white space to single spaces.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

var footerRe = regexp.MustCompile(`^Page \d+ of \d+$`)

// body drops the running headers and footers from pdftotext output, so
// that text running on from one page to the next is found whole. d is the
// layout whose headers those are.
func body(text string, d *doc) string {
	headers := map[string]bool{}
	for _, p := range d.pages {
		headers[clean(p.header)] = true
	}
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimPrefix(l, "\f")
		if !headers[strings.TrimSpace(l)] && !footerRe.MatchString(strings.TrimSpace(l)) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// pages splits pdftotext output into pages.
func pages(text string) []string {
	return strings.Split(strings.TrimSuffix(text, "\f"), "\f")
}

// TestText extracts the text of both PDFs and finds every prompt, term,
// strength, gap and sample file name of the bank in the guide, and every
// prompt, gap and term in the cheat sheet.
func TestText(t *testing.T) {
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			guide, cheat := both(t, b, Options{Date: fixedDate})
			g, _ := Options{}.geometry()
			gt := squash(body(run(t, guide, "pdftotext"), layoutGuide(b, g, Options{})))
			ct := squash(body(run(t, cheat, "pdftotext"), layoutCheat(b, g, Options{})))
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
						find("guide", gt, "sample file", s.File)
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
			for _, l := range strings.Split(run(t, guide, "pdftotext", "-layout"), "\n") {
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

// outlineEntry is a bookmark read back from a PDF.
type outlineEntry struct {
	Title string
	Level int
	Page  int // 1-based
}

var outlineRe = regexp.MustCompile(`(?s)(\d+) 0 obj\n<</Title \((.*?)\)\n/Parent (\d+) 0 R\n.*?/Dest \[(\d+) 0 R `)

// outline reads the bookmarks of a PDF written by fpdf: objects with
// /Title, /Parent and /Dest (never compressed).
func outline(t testing.TB, pdf []byte) []outlineEntry {
	t.Helper()
	var out []outlineEntry
	level := map[int]int{}
	for _, m := range outlineRe.FindAllSubmatch(pdf, -1) {
		num, _ := strconv.Atoi(string(m[1]))
		parent, _ := strconv.Atoi(string(m[3]))
		dest, _ := strconv.Atoi(string(m[4]))
		l := 0
		if pl, ok := level[parent]; ok {
			l = pl + 1
		}
		level[num] = l
		out = append(out, outlineEntry{Title: pdfString(t, m[2]), Level: l, Page: (dest - 1) / 2})
	}
	return out
}

// pdfString decodes a literal string written by fpdf: escapes, and
// UTF-16BE after a byte order mark.
func pdfString(t testing.TB, b []byte) string {
	var raw []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			i++
			switch b[i] {
			case 'r':
				raw = append(raw, '\r')
			case 'n':
				raw = append(raw, '\n')
			default:
				raw = append(raw, b[i])
			}
			continue
		}
		raw = append(raw, b[i])
	}
	if !bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return string(raw)
	}
	raw = raw[2:]
	u := make([]uint16, len(raw)/2)
	for i := range u {
		u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
	}
	return string(utf16.Decode(u))
}

// TestOutline reads the bookmarks back: topic → question → section, an
// entry per question leading to the page that shows it, and the
// contents, glossary and plan.
func TestOutline(t *testing.T) {
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			guide, cheat := both(t, b, Options{Date: fixedDate})
			ol := outline(t, guide)
			text := pages(run(t, guide, "pdftotext"))
			byTitle := map[string]outlineEntry{}
			for _, e := range ol {
				if _, dup := byTitle[e.Title]; !dup {
					byTitle[e.Title] = e // the first: topics come before the glossary's
				}
			}
			for _, want := range []string{"Contents", "Glossary", "Study plan"} {
				if e, ok := byTitle[want]; !ok || e.Level != 0 {
					t.Errorf("no top-level bookmark %q (%+v)", want, e)
				}
			}
			questions := 0
			for i, e := range ol {
				if !strings.HasPrefix(e.Title, "Q") || e.Level != 1 {
					continue
				}
				questions++
				// The question's sections follow it, one level down.
				if i+1 >= len(ol) || ol[i+1].Level != 2 {
					t.Errorf("bookmark %q has no sections under it", e.Title)
				}
			}
			for _, tp := range b.Topics {
				te, ok := byTitle[clean(tp.Name)]
				if !ok || te.Level != 0 {
					t.Errorf("no top-level bookmark for topic %q", tp.Name)
				}
				for _, q := range tp.Questions {
					title := questionLabel(&q) + ": " + truncate(clean(q.Prompt), 90)
					e, ok := byTitle[title]
					if !ok {
						t.Errorf("no bookmark %q", title)
						continue
					}
					if e.Level != 1 {
						t.Errorf("bookmark %q at level %d, want 1", title, e.Level)
					}
					if e.Page < 1 || e.Page > len(text) || !strings.Contains(text[e.Page-1], "QUESTION "+strconv.Itoa(q.Number)) {
						t.Errorf("bookmark %q leads to page %d, which does not show the question", title, e.Page)
					}
				}
			}
			n := 0
			for _, tp := range b.Topics {
				n += len(tp.Questions)
			}
			if questions != n {
				t.Errorf("%d question bookmarks, want %d", questions, n)
			}
			if got := len(outline(t, cheat)); got != len(b.Topics) {
				t.Errorf("cheat sheet has %d bookmarks, want one per topic (%d)", got, len(b.Topics))
			}
		})
	}
}

// TestContents checks the table of contents: the page numbers it shows
// are the pages its entries lead to, in order, and they are links.
func TestContents(t *testing.T) {
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			guide, _ := both(t, b, Options{Date: fixedDate})
			layout := pages(run(t, guide, "pdftotext", "-layout"))
			// Entries end in a run of dot leaders and the page number.
			num := regexp.MustCompile(`\.\s+(\d+)\s*$`)
			var shown []int
			for _, p := range layout[1:] {
				if !strings.Contains(p, "Contents") {
					break
				}
				for _, l := range strings.Split(p, "\n") {
					if m := num.FindStringSubmatch(l); m != nil {
						n, _ := strconv.Atoi(m[1])
						shown = append(shown, n)
					}
				}
			}
			// The outline has the same entries in the same order, plus
			// the contents itself, the glossary's topics, topics' other
			// notes and the question sections.
			var want []int
			parent := ""
			for _, e := range outline(t, guide) {
				switch {
				case e.Level == 0:
					parent = e.Title
					if e.Title != "Contents" {
						want = append(want, e.Page)
					}
				case e.Level == 1 && parent != "Glossary" && e.Title != "Other notes":
					want = append(want, e.Page)
				}
			}
			if diff := cmp.Diff(want, shown); diff != "" {
				t.Errorf("contents page numbers mismatch (-outline +shown):\n%s", diff)
			}
			// One link annotation per contents line at least.
			if n := bytes.Count(guide, []byte("/Subtype /Link")); n < len(want) {
				t.Errorf("%d links, want at least %d", n, len(want))
			}
		})
	}
}

// TestDeterministic renders twice, and with one CPU, and compares bytes.
func TestDeterministic(t *testing.T) {
	for name, b := range banks(t) {
		t.Run(name, func(t *testing.T) {
			g1, c1 := both(t, b, Options{Date: fixedDate})
			g2, c2 := both(t, b, Options{Date: fixedDate})
			prev := runtime.GOMAXPROCS(1)
			g3, c3 := both(t, b, Options{Date: fixedDate})
			runtime.GOMAXPROCS(prev)
			if !bytes.Equal(g1, g2) || !bytes.Equal(g1, g3) {
				t.Error("study guide differs between runs")
			}
			if !bytes.Equal(c1, c2) || !bytes.Equal(c1, c3) {
				t.Error("cheat sheet differs between runs")
			}
			if !bytes.Contains(g1, []byte("D:20251124070600")) {
				t.Error("creation date is not Options.Date")
			}
		})
	}
}

// TestConcurrent renders both files of two banks at once; run with -race.
func TestConcurrent(t *testing.T) {
	b := testBank()
	want, _ := both(t, b, Options{Date: fixedDate})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			if err := WriteGuide(&buf, b, Options{Date: fixedDate}); err != nil {
				errs <- err
			} else if !bytes.Equal(buf.Bytes(), want) {
				errs <- errors.New("concurrent render differs")
			}
			if err := WriteCheatSheet(io.Discard, b, Options{Paper: "letter"}); err != nil {
				errs <- err
			}
		}()
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
		for _, pdf := range [][]byte{guide, cheat} {
			if info := run(t, pdf, "pdfinfo"); !strings.Contains(info, "Page size:       "+tt.want) {
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
	if diff := cmp.Diff([]string{"study-guide.pdf 4", "cheat-sheet.pdf 4"}, got); diff != "" {
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
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(buf.Bytes(), []byte("%%EOF\n")) {
			t.Errorf("%s is not a PDF", f.Name)
		}
	}
}

// TestMetadata checks title, subject and keywords, sanitized.
func TestMetadata(t *testing.T) {
	b := testBank()
	guide, cheat := both(t, b, Options{Title: "Prep 🎯 <b>", Author: "Ada ✅", Date: fixedDate})
	for name, pdf := range map[string][]byte{"guide": guide, "cheat": cheat} {
		info := run(t, pdf, "pdfinfo")
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
	for name, pdf := range map[string][]byte{"guide": guide, "cheat": cheat} {
		out := run(t, pdf, "pdffonts")
		if n := strings.Count(out, "CID TrueType      Identity-H       yes"); n != int(numStyles) {
			t.Errorf("%s: %d embedded fonts, want %d:\n%s", name, n, numStyles, out)
		}
		if len(pdf) > 200_000 {
			t.Errorf("%s is %d bytes: fonts not subset?", name, len(pdf))
		}
	}
}

// drawnText is a run of text in one font as poppler's pdftohtml reads it
// back from a PDF.
type drawnText struct {
	Page   int
	Family string // the font's name in the PDF: utf8sans, utf8sansB, utf8sansI, utf8mono
	Size   int    // pdftohtml's rounded font size
	Top    int
	Left   int
	Text   string
}

// drawn returns every run of text in pdf, page by page, with its font.
func drawn(t testing.TB, pdf []byte) []drawnText {
	t.Helper()
	type fontspec struct {
		ID     string `xml:"id,attr"`
		Size   int    `xml:"size,attr"`
		Family string `xml:"family,attr"`
	}
	var out []drawnText
	fonts := map[string]fontspec{}
	dec := xml.NewDecoder(strings.NewReader(run(t, pdf, "pdftohtml", "-xml", "-i", "-stdout", "-q")))
	dec.Strict = false
	page := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := func(name string) string {
			for _, a := range el.Attr {
				if a.Name.Local == name {
					return a.Value
				}
			}
			return ""
		}
		switch el.Name.Local {
		case "page":
			page, _ = strconv.Atoi(attr("number"))
		case "fontspec":
			var fs fontspec
			if err := dec.DecodeElement(&fs, &el); err != nil {
				t.Fatal(err)
			}
			fonts[fs.ID] = fs
		case "text":
			fs := fonts[attr("font")]
			top, _ := strconv.Atoi(attr("top"))
			left, _ := strconv.Atoi(attr("left"))
			var text strings.Builder
			for depth := 1; depth > 0; {
				tok, err := dec.Token()
				if err != nil {
					t.Fatal(err)
				}
				switch tok := tok.(type) {
				case xml.StartElement:
					depth++
				case xml.EndElement:
					depth--
				case xml.CharData:
					text.Write(tok)
				}
			}
			out = append(out, drawnText{Page: page, Family: fs.Family, Size: fs.Size, Top: top, Left: left, Text: text.String()})
		}
	}
	return out
}

// familyCoverage maps the fonts' names in the PDF to the runes they draw.
func familyCoverage(t testing.TB, family string) *coverage {
	switch family {
	case "utf8sans", "utf8sansB", "utf8sansI":
		return covSans
	case "utf8mono":
		return covMono
	}
	t.Fatalf("text in unknown font %q", family)
	return nil
}

// TestDrawnRunes reads the text of the PDFs back with its fonts: every
// rune is one the font that draws it has, so none shows as a tofu box.
func TestDrawnRunes(t *testing.T) {
	mustFaces(t)
	for name, b := range banks(t) {
		guide, cheat := both(t, b, Options{Date: fixedDate})
		for doc, pdf := range map[string][]byte{"guide": guide, "cheat": cheat} {
			n := 0
			for _, d := range drawn(t, pdf) {
				cov := familyCoverage(t, d.Family)
				for _, r := range d.Text {
					n++
					if r != ' ' && !cov.has(r) {
						t.Errorf("%s %s, page %d: %U drawn in %s, which lacks it", name, doc, d.Page, r, d.Family)
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
	d := newDoc(geometry{w: 210, h: 297, left: 20, right: 20, top: 20, bottom: 20})
	d.newPage()
	d.text(sans, 10, black, 20, 30, "target 🎯")
	if err := draw(io.Discard, d, meta{}); err == nil {
		t.Error("drawing U+1F3AF did not fail")
	}
	d = newDoc(d.g)
	d.newPage()
	d.text(mono, 10, black, 20, 30, "⬤") // in sans, not in mono
	if err := draw(io.Discard, d, meta{}); err == nil {
		t.Error("drawing a rune the mono face lacks did not fail")
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
		if !strings.Contains(run(t, guide, "pdftotext"), "Interview Study Guide") {
			t.Errorf("%s: no title in the guide", name)
		}
		run(t, cheat, "pdftotext")
	}
}

// diagramOps returns the ops of d that draw monospace text at the size of
// the first, and the pages they are on.
func diagramOps(d *doc, first string) (ops []op, pageNums []int) {
	var size float64
	for i, p := range d.pages {
		for _, o := range p.ops {
			if o.kind != opText || o.st != mono {
				continue
			}
			if size == 0 && o.s == first {
				size = o.size
			}
			if size != 0 && o.size == size {
				ops = append(ops, o)
				pageNums = append(pageNums, i)
			}
		}
	}
	return ops, pageNums
}

// TestDiagramLayout checks that a diagram keeps to one page when it fits
// on one, breaks between lines when it does not, and is scaled so that
// its widest line fits the text width, unwrapped.
func TestDiagramLayout(t *testing.T) {
	mustFaces(t)
	g, _ := Options{}.geometry()
	box := func(lines int, width int) string {
		var b strings.Builder
		b.WriteString("╔" + strings.Repeat("═", width-2) + "╗\n")
		for i := range lines - 2 {
			l := fmt.Sprintf("║ line %d ✅", i)
			b.WriteString(l + strings.Repeat(" ", width-1-termWidth(l)) + "║\n")
		}
		b.WriteString("╚" + strings.Repeat("═", width-2) + "╝")
		return b.String()
	}
	filler := []bank.Block{}
	for range 12 {
		filler = append(filler, bank.Block{Kind: bank.KindParagraph, Text: strings.Repeat("Filler text to push the diagram down the page. ", 6)})
	}
	for _, tt := range []struct {
		name         string
		lines, width int
		wantPages    int
	}{
		{"fits, kept whole", 30, 73, 1},
		{"narrow", 10, 20, 1},
		{"wide, scaled", 12, 140, 1},
		{"taller than a page", 140, 73, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			art := box(tt.lines, tt.width)
			b := &bank.Bank{Topics: []bank.Topic{{Name: "T", Questions: []bank.Question{{
				Number: 1, Prompt: "P", Answer: filler,
				Diagrams: []bank.Diagram{{Title: "D", Art: art}},
			}}}}}
			d := layoutGuide(b, g, Options{})
			first := sanitize(strings.Split(art, "\n")[0], covMono, true, false)
			ops, pageNums := diagramOps(d, first)
			if len(ops) != tt.lines {
				t.Fatalf("%d diagram lines drawn, want %d (one op per line, none wrapped)", len(ops), tt.lines)
			}
			for i, o := range ops {
				if want := strings.TrimRight(sanitize(strings.Split(art, "\n")[i], covMono, true, false), " "); o.s != want {
					t.Errorf("line %d = %q, want %q", i, o.s, want)
				}
				if right := float64(o.x) + textW(mono, float64(o.size), o.s); right > g.w-g.right+1e-6 {
					t.Errorf("line %d ends at %.2f mm, beyond the text width (%.2f)", i, right, g.w-g.right)
				}
				if float64(o.size) > diagramMax {
					t.Errorf("size %.2f above %.2f", o.size, diagramMax)
				}
			}
			if got := len(slices.Compact(slices.Clone(pageNums))); got != tt.wantPages {
				t.Errorf("diagram on %d pages, want %d", got, tt.wantPages)
			}
			// Verticals join: line pitch equals the font's height.
			if len(ops) > 1 && pageNums[0] == pageNums[1] {
				f := faces[mono]
				pitch := float64(ops[1].y - ops[0].y)
				if h := float64(ops[0].size) * ptmm * (f.ascent + f.descent) / 1000; pitch > h+1e-4 {
					t.Errorf("line pitch %.3f mm above the font height %.3f mm: verticals would not join", pitch, h)
				}
			}
			if tt.width == 140 {
				if size := ops[0].size; size >= 8 {
					t.Errorf("a 140-column diagram at %.2f pt cannot fit", size)
				}
			}
		})
	}
}

// TestCheatSheetFits checks the cheat sheet's promise on the banks: one
// or two pages per topic.
func TestCheatSheetFits(t *testing.T) {
	mustFaces(t)
	for name, b := range banks(t) {
		g, _ := Options{}.geometry()
		for i := range b.Topics {
			tp := &b.Topics[i]
			n := len(layoutCheat(&bank.Bank{Topics: []bank.Topic{*tp}}, g, Options{}).pages)
			if n < 1 || n > 2 {
				t.Errorf("%s: topic %q takes %d cheat-sheet pages", name, tp.Name, n)
			}
		}
	}
}
