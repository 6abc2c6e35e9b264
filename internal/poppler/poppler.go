// Package poppler reads PDFs back with the command-line tools of
// poppler-utils (pdftotext, pdftohtml, pdfinfo, pdffonts), so that tests
// check what a PDF viewer shows rather than what the writer meant to
// write. Only tests import it.
//
// Each function writes the PDF to a temporary file and runs one tool on
// it. Anything a tool reports on standard error (poppler reports syntax
// errors there) fails the test, and a missing tool fails it with a
// message naming the Debian package to install.
package poppler

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Package is the Debian package that provides the tools.
const Package = "poppler-utils"

// run runs tool on pdf with args, in which "PDF" stands for the file.
func run(t testing.TB, pdf []byte, tool string, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(tool)
	if err != nil {
		t.Fatalf("%s not found: these tests need %s (apt-get install %s)", tool, Package, Package)
	}
	path := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	argv := make([]string, len(args))
	for i, a := range args {
		argv[i] = a
		if a == "PDF" {
			argv[i] = path
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, argv...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s reports:\n%s", tool, stderr.String())
	}
	return stdout.String()
}

// Text returns the text of pdf as pdftotext extracts it with the given
// options (such as "-layout"); pages end with a form feed.
func Text(t testing.TB, pdf []byte, options ...string) string {
	t.Helper()
	return run(t, pdf, "pdftotext", append(slices.Clone(options), "PDF", "-")...)
}

// Pages returns the text of each page of pdf, as Text extracts it.
func Pages(t testing.TB, pdf []byte, options ...string) []string {
	t.Helper()
	return strings.Split(strings.TrimSuffix(Text(t, pdf, options...), "\f"), "\f")
}

// Info returns pdfinfo's report on pdf, with dates in ISO 8601.
func Info(t testing.TB, pdf []byte) string {
	t.Helper()
	return run(t, pdf, "pdfinfo", "-isodates", "PDF")
}

// Fonts returns pdffonts' table of the fonts in pdf.
func Fonts(t testing.TB, pdf []byte) string {
	t.Helper()
	return run(t, pdf, "pdffonts", "PDF")
}

// Bookmark is an entry of a PDF's outline.
type Bookmark struct {
	Title string
	Level int // 0 at the top
	Page  int // the page it leads to, from 1
}

// Run is a run of text in one font, as pdftohtml reads it.
type Run struct {
	Page int    // from 1
	Font string // the font's name in the PDF
	Text string
	Link int // the page a link on the run leads to; 0 for none
}

// HTML reads pdf as pdftohtml -xml does: its bookmarks in document
// order, and the runs of text on its pages with their fonts.
func HTML(t testing.TB, pdf []byte) ([]Bookmark, []Run) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(run(t, pdf, "pdftohtml", "-xml", "-i", "-stdout", "-q", "PDF")))
	dec.Strict = false
	var (
		marks []Bookmark
		runs  []Run
		fonts = map[string]string{}
		depth = -1
		page  int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("pdftohtml: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
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
				fonts[attr("id")] = attr("family")
			case "outline":
				depth++
			case "item":
				p, _ := strconv.Atoi(attr("page"))
				text, _ := inner(t, dec)
				marks = append(marks, Bookmark{Title: text, Level: depth, Page: p})
			case "text":
				text, link := inner(t, dec)
				runs = append(runs, Run{Page: page, Font: fonts[attr("font")], Text: text, Link: link})
			}
		case xml.EndElement:
			if el.Name.Local == "outline" {
				depth--
			}
		}
	}
	return marks, runs
}

// inner reads the element just started: its text, markup inside it (<b>,
// <a>) aside, and the page an <a href="file.html#N"> inside it leads to.
func inner(t testing.TB, dec *xml.Decoder) (text string, link int) {
	t.Helper()
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("pdftohtml: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			for _, a := range tok.Attr {
				if _, n, ok := strings.Cut(a.Value, ".html#"); tok.Name.Local == "a" && a.Name.Local == "href" && ok {
					link, _ = strconv.Atoi(n)
				}
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(tok)
		}
	}
	return b.String(), link
}

// Word is a word on a page with its bounding box, in points from the
// page's top left corner.
type Word struct {
	Page                   int // from 1
	XMin, YMin, XMax, YMax float64
	Text                   string
}

// Words returns the words of pdf with their boxes, as pdftotext -bbox
// finds them.
func Words(t testing.TB, pdf []byte) []Word {
	t.Helper()
	var doc struct {
		Pages []struct {
			Words []struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(Text(t, pdf, "-bbox")))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var out []Word
	for i, p := range doc.Pages {
		for _, w := range p.Words {
			out = append(out, Word{Page: i + 1, XMin: w.XMin, YMin: w.YMin, XMax: w.XMax, YMax: w.YMax, Text: w.Text})
		}
	}
	return out
}
