package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
)

// Default file names and title.
const (
	DefaultGuideName = "study-guide.pdf"
	DefaultCheatName = "cheat-sheet.pdf"
	DefaultTitle     = "Interview Study Guide"
)

// Paper sizes accepted by Options.Paper.
const (
	PaperA4     = "a4"
	PaperLetter = "letter"
)

// ErrPaper is returned for an Options.Paper that is not "a4" or "letter".
var ErrPaper = errors.New("pdf: unknown paper size")

// Options controls both PDFs. The zero value is valid: A4 paper, the
// default title and file names, and export.DefaultDate as the document
// date.
type Options struct {
	// Paper is the page size: "a4" (the default when empty) or "letter"
	// (US Letter). Case does not matter.
	Paper string
	// Title is the study guide's title, shown on its title page and in
	// both files' metadata. Empty means DefaultTitle.
	Title string
	// Author, if not empty, is written into the metadata.
	Author string
	// Date is written as the creation and modification date of both
	// files and printed on the study guide's title page. Pass a date
	// derived from the sources (such as their modification time), never
	// time.Now, so that the same bank gives the same bytes. The zero Date
	// writes export.DefaultDate into the metadata and prints no date: a
	// reader would take a printed 1 January 1980 for the sources' date.
	Date time.Time
	// GuideName and CheatName are the file names Files gives the study
	// guide and the cheat sheet. Empty means DefaultGuideName and
	// DefaultCheatName.
	GuideName, CheatName string
}

func (o Options) geometry() (geometry, error) {
	switch strings.ToLower(o.Paper) {
	case "", PaperA4:
		return geometry{w: 210, h: 297, left: 20, right: 20, top: 22, bottom: 20}, nil
	case PaperLetter:
		return geometry{w: 215.9, h: 279.4, left: 20, right: 20, top: 22, bottom: 20}, nil
	}
	return geometry{}, fmt.Errorf("%w %q (want %q or %q)", ErrPaper, o.Paper, PaperA4, PaperLetter)
}

func (o Options) title() string {
	if strings.TrimSpace(o.Title) == "" {
		return DefaultTitle
	}
	return o.Title
}

func (o Options) meta(subject string, b *bank.Bank) meta {
	var names []string
	for _, t := range b.Topics {
		names = append(names, t.Name)
	}
	date := o.Date.UTC()
	if o.Date.IsZero() {
		date = export.DefaultDate
	}
	return meta{
		title:    clean(o.title()),
		subject:  subject,
		author:   clean(o.Author),
		keywords: clean(strings.Join(names, ", ")),
		date:     date,
	}
}

// Files returns the two PDFs of b: the study guide and the cheat sheet,
// named by opts (by default study-guide.pdf and cheat-sheet.pdf). It
// checks opts at once; the PDFs are rendered when each File's Write is
// called. Items is the number of questions in each.
func Files(b *bank.Bank, opts Options) ([]export.File, error) {
	if _, err := opts.geometry(); err != nil {
		return nil, err
	}
	if err := loadFaces(); err != nil {
		return nil, err
	}
	n := b.Count().Questions
	guide, cheat := opts.GuideName, opts.CheatName
	if guide == "" {
		guide = DefaultGuideName
	}
	if cheat == "" {
		cheat = DefaultCheatName
	}
	return []export.File{
		{Name: guide, Items: n, Write: func(w io.Writer) error { return WriteGuide(w, b, opts) }},
		{Name: cheat, Items: n, Write: func(w io.Writer) error { return WriteCheatSheet(w, b, opts) }},
	}, nil
}

// WriteGuide writes the study guide of b to w as a PDF: a title page, a
// table of contents, each topic's concept notes and questions (prompt,
// what was nailed, what to tighten up, model answer, samples, diagrams),
// then the glossary and the study plan. The same bank and options give
// the same bytes. WriteGuide does not close w.
func WriteGuide(w io.Writer, b *bank.Bank, opts Options) error {
	g, err := opts.geometry()
	if err != nil {
		return err
	}
	if err := loadFaces(); err != nil {
		return err
	}
	return draw(w, layoutGuide(b, g, opts), opts.meta("Study guide", b))
}

// WriteCheatSheet writes the cheat sheet of b to w as a PDF: per topic,
// one or two pages in three columns with each question's prompt and the
// core of its answer, the gaps as a checklist, and the glossary. The
// same bank and options give the same bytes. WriteCheatSheet does not
// close w.
func WriteCheatSheet(w io.Writer, b *bank.Bank, opts Options) error {
	g, err := opts.geometry()
	if err != nil {
		return err
	}
	if err := loadFaces(); err != nil {
		return err
	}
	return draw(w, layoutCheat(b, g, opts), opts.meta("Cheat sheet", b))
}
