// Package anki exports a question bank as an Anki deck.
//
// Write produces an Anki package (.apkg): a zip holding collection.anki2,
// an SQLite database in Anki's schema 11 that every current Anki imports,
// and the media map. The package has one parent deck ("Interview Prep")
// with a subdeck per topic ("Interview Prep::Kubernetes") and three note
// types:
//
//   - bankgen Interview Question: the front shows the topic, the level
//     and the question; the back the model answer with its code samples,
//     the gaps with their suggested phrasing, the diagrams and what the
//     learner nailed.
//   - bankgen Gap Drill: one note per "What to Tighten Up" item, the
//     learner's weak spots. The front names the missing concept, the back
//     explains it and gives the phrasing to use.
//   - bankgen Concept: one note per glossary term, term → definition, and
//     with Options.Reverse a definition → term card too.
//
// Notes are tagged kind::question|gap|concept, level::warm-up|… and
// topic::<topic ID>. Fields are rendered by export/cardhtml: all source
// text is HTML-escaped, and "[" too, so it never forms an Anki tag.
// Diagrams and code are set in a monospace <pre> that never wraps and
// scrolls sideways, in a font with every box-drawing glyph that ships in
// the package; code is highlighted with chroma using inline styles.
//
// # Updating a deck
//
// Importing a newer export updates the notes in place and keeps the
// learner's review history, because Anki (rslib
// import_export/package/apkg/import/notes.rs) matches:
//
//   - notes by GUID, derived here from the bank's stable IDs; an existing
//     note is updated only when the incoming note's mod is newer;
//   - note types by ID, fixed forever here with their field and template
//     names (changing those makes Anki add a second note type); template
//     and CSS changes apply only when the note type's mod increases;
//   - decks by name.
//
// A note's mod is the time of the source file it came from
// (Options.FileTimes, else Options.Time), so the same sources give the
// same bytes and an edited source gives newer notes. Editing one answer
// changes only that note's fields.
//
// WriteText writes the same notes in Anki's plain-text import format
// (File → Import), one file per note type, since a text file names one
// note type for all its rows ("#notetype"). Each row carries its deck
// ("#deck column", as every topic has its own subdeck), its tags ("#tags
// column") and its GUID ("#guid column"), so a text import updates the
// same notes a package import made. Anki's text import cannot create note
// types: the collection must have them, which importing the .apkg once
// does.
package anki

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
)

// Defaults of Options.
const (
	DefaultName  = "interview-prep"
	DefaultDeck  = "Interview Prep"
	DefaultStyle = "github-dark"
)

// DefaultTime is the source time used when Options.Time is zero. Notes
// only update on re-import when their time grows, so callers should pass
// the real time of the sources.
var DefaultTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Options configures the export. The zero value is ready to use.
type Options struct {
	// Name is the base name of the output files, without extension:
	// Name.apkg, or Name-questions.txt, Name-gaps.txt and
	// Name-concepts.txt with Text. It must not contain a path
	// separator. Default DefaultName.
	Name string
	// Deck is the parent deck; each topic becomes a subdeck
	// "Deck::Topic". It may itself be nested ("Study::Interview Prep").
	// Default DefaultDeck.
	Deck string
	// Time is when the sources were last changed; it becomes the mod
	// time of notes whose file is not in FileTimes. The command passes
	// SOURCE_DATE_EPOCH when set, else the newest modification time of
	// the source files, or a recorded date for the embedded sources.
	// Zero means DefaultTime.
	Time time.Time
	// FileTimes maps a source file, as named in bank.Pos.File, to its
	// modification time, so that only notes from an edited file become
	// newer. Files not in the map use Time. When SOURCE_DATE_EPOCH is
	// set, leave it empty so that every note gets that time.
	FileTimes map[string]time.Time
	// Reverse adds a definition → term card to every concept note.
	Reverse bool
	// Text makes Files return the plain-text import files instead of
	// the package.
	Text bool
	// NoFont leaves out the monospace font the package otherwise ships
	// (DejaVu Sans Mono, about 340 KB). Cards then fall back to the
	// device's monospace fonts.
	NoFont bool
	// Store writes the collection into the package uncompressed, as
	// the genanki reference generator does: faster to write, and about
	// four times larger. The default compresses it with DEFLATE.
	Store bool
	// Style is the chroma style of highlighted code; its own background
	// is kept, so code reads the same in light and night mode. Default
	// DefaultStyle.
	Style string
}

// withDefaults returns o with every empty field defaulted.
func (o Options) withDefaults() Options {
	if o.Name == "" {
		o.Name = DefaultName
	}
	if o.Deck == "" {
		o.Deck = DefaultDeck
	}
	if o.Style == "" {
		o.Style = DefaultStyle
	}
	return o
}

// ErrName is wrapped by the error for an Options.Name that is not a
// plain file name.
var ErrName = errors.New("anki: invalid file name")

func checkName(name string) error {
	if name == "." || name == ".." || strings.ContainsAny(name, `/\`) ||
		strings.IndexFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0 {
		return fmt.Errorf("%w %q", ErrName, name)
	}
	return nil
}

// Files returns the files of the export: Name.apkg, or with Text one
// text file per note type (questions, gaps, concepts, in that order).
// Nothing is rendered until a file's Write is called; the files of one
// call share the rendering. Items counts the notes in each file.
func Files(b *bank.Bank, opts Options) ([]export.File, error) {
	o := opts.withDefaults()
	if err := checkName(o.Name); err != nil {
		return nil, err
	}
	if _, err := parentDeck(o.Deck); err != nil {
		return nil, err
	}
	counts := countNotes(b)
	if !o.Text {
		return []export.File{{
			Name:  o.Name + ".apkg",
			Items: counts[KindQuestion] + counts[KindGap] + counts[KindConcept],
			Write: func(w io.Writer) error { return Write(w, b, opts) },
		}}, nil
	}
	var once sync.Once
	var d *deck
	var err error
	shared := func() (*deck, error) {
		once.Do(func() { d, err = build(b, &o) })
		return d, err
	}
	var files []export.File
	for _, k := range Kinds() {
		files = append(files, export.File{
			Name:  o.Name + "-" + textSuffix[k] + ".txt",
			Items: counts[k],
			Write: func(w io.Writer) error {
				d, err := shared()
				if err != nil {
					return err
				}
				return writeText(w, d, k)
			},
		})
	}
	return files, nil
}

var textSuffix = map[Kind]string{KindQuestion: "questions", KindGap: "gaps", KindConcept: "concepts"}

func countNotes(b *bank.Bank) map[Kind]int {
	c := map[Kind]int{}
	for _, t := range b.Topics {
		c[KindConcept] += len(t.Guide)
		for _, q := range t.Questions {
			c[KindQuestion]++
			c[KindGap] += len(q.Gaps)
		}
	}
	return c
}

// Write writes the bank as an Anki package to w. The same bank and
// options give the same bytes. Write does not close w. It fails if two
// notes would share an identity (a bank that passes bank.Validate never
// does) or if Options.Deck is not a valid deck name.
func Write(w io.Writer, b *bank.Bank, opts Options) error {
	o := opts.withDefaults()
	d, err := build(b, &o)
	if err != nil {
		return err
	}
	col, err := collection(d)
	if err != nil {
		return err
	}
	return writePackage(w, col, !o.NoFont, o.Store, time.Unix(d.mod, 0))
}

// WriteText writes the notes of kind k in Anki's plain-text import
// format: "#separator:tab", "#html:true", "#notetype:<note type>",
// "#deck column", "#tags column", "#guid column" and "#columns" headers,
// then one row per note. A text file can only name one note type, and
// text import can only use note types the collection already has; the
// fields are the same as in the package, and so are the GUIDs, so a text
// import updates notes a package import added.
func WriteText(w io.Writer, b *bank.Bank, opts Options, k Kind) error {
	o := opts.withDefaults()
	d, err := build(b, &o)
	if err != nil {
		return err
	}
	return writeText(w, d, k)
}
