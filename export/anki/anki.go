// Package anki exports a question bank as an Anki deck.
//
// Build produces an Anki package (.apkg): a zip holding collection.anki2,
// an SQLite database in Anki's schema 11 that every current Anki imports,
// and the media map; and a small state file for the next export. The
// package has one parent deck ("Interview Prep") with a subdeck per topic
// ("Interview Prep::Kubernetes"). It holds one note, with one card, per
// card of cardhtml.Plan (which states the card design), reverse concept
// cards only with Options.Reverse. Four note types lay out their fields:
//
//   - bankgen Interview Question: the front shows the topic, the level
//     and the question; the back the outline, with the full model answer,
//     the phrasings, the diagrams and what the learner nailed each a tap
//     away.
//   - bankgen Gap Drill: the missing point → its explanation and the
//     phrasing to use.
//   - bankgen Concept: term → definition.
//   - bankgen Card: every single-idea card (answer sections, phrasings,
//     diagrams, reverse concepts): a title for the Browser, the cue, its
//     context, a chip naming its kind, and the back.
//
// Notes are tagged under one root: bankgen::kind::…, bankgen::level::…,
// bankgen::topic::… and bankgen::question::<topic>::<q> for every card of
// one question. Fields are rendered by export/cardhtml: all source text
// is HTML-escaped, and "[" too, so it never forms an Anki tag. Diagrams
// and code never wrap: wide ones are scaled to the card's width, with
// their natural size a tap away, in a font with every box-drawing glyph
// that ships in the package; code is highlighted with chroma.
//
// # Updating a deck
//
// Importing a newer export updates the notes in place and keeps the
// learner's review history, because Anki (rslib
// import_export/package/apkg/import/notes.rs) matches:
//
//   - notes by GUID; an existing note is updated only when the incoming
//     note's mod is newer;
//   - note types by ID, fixed forever here with their field and template
//     names (changing those makes Anki add a second note type); template
//     and CSS changes apply only when the note type's mod increases;
//   - decks by name.
//
// The state file (Options.Previous, StateName) keeps each note's GUID,
// IDs, mod and content hash. A note keeps its GUID when it is the same
// item (same key and content, same content under a new key, a key the
// source pins, or the same key with edited content) and its mod when its
// content is unchanged; an edited note gets a mod newer than both its
// old one and its source file. A GUID is never given to other content,
// even after its note is gone. The Report lists what was added,
// updated, unchanged and orphaned. A new note's ID is its source file's
// time in milliseconds, less its distance from the end of the deck, so
// Anki shows real creation dates in source order.
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
	"bytes"
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
	DefaultName = "interview-prep"
	DefaultDeck = "Interview Prep"
)

// Options configures the export. The zero value is ready to use.
type Options struct {
	// Name is the base name of the output files, without extension:
	// Name.apkg, or Name-questions.txt, Name-gaps.txt, Name-concepts.txt
	// and Name-cards.txt with Text; and the state file
	// Name.anki-state.json. It must not contain a path separator.
	// Default DefaultName.
	Name string
	// Deck is the parent deck; each topic becomes a subdeck
	// "Deck::Topic". It may itself be nested ("Study::Interview Prep").
	// Default DefaultDeck.
	Deck string
	// Date is when the sources were last changed; it dates the notes
	// whose file is not in FileTimes. The command passes
	// SOURCE_DATE_EPOCH when set, else the newest modification time of
	// the source files, or a recorded date for the embedded sources.
	// Zero means export.DefaultDate.
	Date time.Time
	// FileTimes maps a source file, as named in bank.Pos.File, to its
	// modification time. A new note gets its IDs from its file's time, and
	// an edited note a mod of at least that time. Files not in the map use
	// Date.
	FileTimes map[string]time.Time
	// Previous is the state file the previous export wrote
	// (Name.anki-state.json in the output folder), or nil for a first
	// export. With it notes keep their GUIDs and IDs across edits and
	// renames, and only notes whose content changed get a newer mod.
	Previous []byte
	// Reverse adds, for every glossary term, a card that shows the
	// definition with the term masked and asks for the term.
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
}

// withDefaults returns o with every empty field defaulted.
func (o Options) withDefaults() Options {
	if o.Name == "" {
		o.Name = DefaultName
	}
	if o.Deck == "" {
		o.Deck = DefaultDeck
	}
	return o
}

// StateName returns the name of the state file of an export named name
// (Options.Name; "" for the default).
func StateName(name string) string {
	if name == "" {
		name = DefaultName
	}
	return name + ".anki-state.json"
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

// Export is a deck built from a bank: its files and what importing them
// changes in a collection that has the previous export.
type Export struct {
	// Files are Name.apkg (or, with Text, one text file per note type),
	// then the state file for the next export.
	Files []export.File
	// Report lists the notes added, updated, unchanged and orphaned
	// since Options.Previous.
	Report Report
}

// Build renders the deck of a bank. It fails if Options.Name or
// Options.Deck is not valid, if Options.Previous is not a state file, or
// if two notes would share an identity (a bank that passes
// bank.Validate never does).
func Build(b *bank.Bank, opts Options) (*Export, error) {
	o := opts.withDefaults()
	if err := checkName(o.Name); err != nil {
		return nil, err
	}
	d, err := build(b, &o)
	if err != nil {
		return nil, err
	}
	state, err := stateJSON(d.state)
	if err != nil {
		return nil, err
	}
	e := &Export{Report: d.report}
	if !o.Text {
		// The package is made when it is first written, and kept: the
		// rendered notes are then let go, so they do not stay in memory
		// while the files of other formats are written.
		pkg := sync.OnceValues(func() ([]byte, error) {
			var b bytes.Buffer
			err := writeDeck(&b, d, &o)
			return b.Bytes(), err
		})
		e.Files = append(e.Files, export.File{
			Name:  o.Name + ".apkg",
			Items: len(d.notes),
			Write: func(w io.Writer) error {
				data, err := pkg()
				if err != nil {
					return err
				}
				_, err = w.Write(data)
				return err
			},
		})
	} else {
		for _, nt := range noteTypes {
			e.Files = append(e.Files, export.File{
				Name:  o.Name + "-" + nt.TextName + ".txt",
				Items: d.count(nt),
				Write: func(w io.Writer) error { return writeText(w, d, nt) },
			})
		}
	}
	e.Files = append(e.Files, export.File{
		Name:  StateName(o.Name),
		Items: len(d.notes),
		Write: func(w io.Writer) error { _, err := w.Write(state); return err },
	})
	return e, nil
}

// count returns how many notes of a note type the deck holds.
func (d *deck) count(nt *noteType) int {
	n := 0
	for i := range d.notes {
		if noteTypeOf(d.notes[i].kind) == nt {
			n++
		}
	}
	return n
}

// Files returns the files of Build.
func Files(b *bank.Bank, opts Options) ([]export.File, error) {
	e, err := Build(b, opts)
	if err != nil {
		return nil, err
	}
	return e.Files, nil
}

// Write writes the bank as an Anki package to w. The same bank and
// options give the same bytes. Write does not close w. It fails as
// Build does.
func Write(w io.Writer, b *bank.Bank, opts Options) error {
	o := opts.withDefaults()
	d, err := build(b, &o)
	if err != nil {
		return err
	}
	return writeDeck(w, d, &o)
}

func writeDeck(w io.Writer, d *deck, o *Options) error {
	col, err := collection(d)
	if err != nil {
		return err
	}
	return writePackage(w, col, !o.NoFont, o.Store, time.Unix(d.mod, 0))
}

// WriteText writes the notes of note type of kind k in Anki's
// plain-text import format: "#separator:tab", "#html:true",
// "#notetype:<note type>", "#deck column", "#tags column", "#guid
// column" and "#columns" headers, then one row per note. A text file
// can only name one note type, and text import can only use note types
// the collection already has; the fields are the same as in the
// package, and so are the GUIDs, so a text import updates notes a
// package import added.
func WriteText(w io.Writer, b *bank.Bank, opts Options, k Kind) error {
	o := opts.withDefaults()
	d, err := build(b, &o)
	if err != nil {
		return err
	}
	return writeText(w, d, noteTypeOf(k))
}
