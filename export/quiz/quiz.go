// Package quiz exports a question bank as one self-contained HTML page
// for drilling with spaced repetition: quiz.html works offline, from
// file://, on a laptop or a phone, with no server and no network.
//
// The page holds the cards of cardhtml.Plan, the same cards as the Anki
// deck (which states the card design), rendered by the shared card
// renderer so deck and page look alike. It shows the front of the next due card; Space or a tap reveals
// the back; keys 1–4 (or the buttons) grade Again, Hard, Good or Easy.
// Scheduling is FSRS, from the ts-fsrs library, vendored in vendor/ (see
// vendor/VERSION and vendor/update.sh) and inlined into the page.
//
// Progress lives in the browser's localStorage under a key made of the
// deck name, one entry per card keyed by the bank's stable IDs, so a page
// rebuilt from edited sources keeps the learner's history. The page
// exports and imports progress as a JSON file and can reset it.
//
// # Safety
//
// The cards are embedded as JSON inside <script type="application/json">
// with "<", ">", "&", U+2028 and U+2029 escaped; every piece of source
// text in a card's HTML is escaped by the card renderer. A
// Content-Security-Policy meta tag allows no network at all
// (default-src 'none'): the two inline scripts and the style sheet are
// allowed by their SHA-256 hashes, computed when the page is built, so
// no other script can run, injected or not. Inline style attributes are
// allowed (style-src-attr 'unsafe-inline') because a wide diagram or
// code block carries its width in columns in one, to be scaled to fit;
// a style attribute cannot run script, and source text never reaches an
// attribute unescaped.
//
// The same bank and options give the same bytes: the page holds no date
// and nothing from the build machine.
package quiz

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
	"github.com/bankgen/bankgen/export/cardhtml"
)

// Defaults of Options.
const (
	DefaultName = "quiz"
	DefaultDeck = "Interview Prep"
)

// Options configures the page. The zero value is ready to use.
type Options struct {
	// Name is the base name of the file, without ".html". It must not
	// contain a path separator. Default DefaultName.
	Name string
	// Deck names the page (its title) and its progress: pages with the
	// same deck name share the learner's progress in a browser, so a
	// rebuilt page keeps it. Default DefaultDeck.
	Deck string
}

func (o Options) withDefaults() Options {
	if o.Name == "" {
		o.Name = DefaultName
	}
	if strings.TrimSpace(o.Deck) == "" {
		o.Deck = DefaultDeck
	}
	return o
}

// ErrName is wrapped by the error for an Options.Name that is not a
// plain file name.
var ErrName = errors.New("quiz: invalid file name")

// Files returns the page as one file, Name.html. Items counts its cards.
// Nothing is rendered until the file's Write is called.
func Files(b *bank.Bank, opts Options) ([]export.File, error) {
	o := opts.withDefaults()
	if o.Name == "." || o.Name == ".." || strings.ContainsAny(o.Name, "/\\\x00") {
		return nil, fmt.Errorf("%w %q", ErrName, o.Name)
	}
	return []export.File{{
		Name:  o.Name + ".html",
		Items: len(cardhtml.Plan(b)),
		Write: func(w io.Writer) error { return Write(w, b, opts) },
	}}, nil
}

// Write writes the page for b to w. The same bank and options give the
// same bytes. Write does not close w.
func Write(w io.Writer, b *bank.Bank, opts Options) error {
	o := opts.withDefaults()
	return writePage(w, b, build(b, &o))
}
