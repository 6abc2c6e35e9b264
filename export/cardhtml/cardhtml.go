// Package cardhtml plans the study cards of a question bank and renders
// their content as HTML fragments: an Anki note's fields, a self-study
// page's cards, any HTML output.
//
// Plan decides which cards a bank has, how each is keyed and, with
// Renderer.Faces, what goes on its front and back; every output that
// drills cards renders from it, so they hold the same cards.
//
// A Renderer turns bank items into fragments: structured text (Blocks),
// a question's model answer with its code samples in place (Answer), the
// gaps with their suggested phrasing (Gaps), what the learner nailed
// (Strengths), diagrams (Diagrams) and code (Code, Sample), highlighted
// with chroma. Every piece of source text is cleaned and HTML-escaped, so
// a source that holds "<script>" or an onerror attribute shows it as text
// and runs nothing. Fragments use the class names of CSS, a style sheet
// that works in light and dark themes: the host page sets the text and
// background colours, the fragments use translucent accents that read on
// both.
//
// Diagrams and code are set in a monospace <pre> that never wraps, so
// box-drawing art keeps its columns. Its font stack starts with "Bankgen
// Mono", which a host may define with @font-face (the Anki deck ships
// DejaVu Sans Mono under that name, which has every box-drawing glyph).
package cardhtml

import (
	"strings"

	"github.com/alecthomas/chroma/v2"

	"github.com/bankgen/bankgen/bank"
)

// Options configures a Renderer. The zero value is ready to use.
type Options struct {
	// Brackets escapes "[" as "&#91;" too, so that source text can never
	// form the markup of a program that reads brackets in HTML, such as
	// Anki's [sound:…], [anki:tts] and [latex] tags.
	Brackets bool
}

// A Renderer renders bank content as HTML fragments. It looks up lexers
// and highlights code only when a fragment holds code, and remembers
// what it highlighted, so the same sample shown twice costs once. A
// Renderer is not safe for concurrent use.
type Renderer struct {
	opts   Options
	lexers map[string]chroma.Lexer // nil until code is first rendered
	code   map[codeKey]string
}

type codeKey struct{ lexer, code string }

// New returns a Renderer with the given options. It does no work until
// a fragment is rendered.
func New(o Options) *Renderer {
	return &Renderer{opts: o}
}

// What escape does with newlines.
const (
	keepNL  = iota // leave them, as in <pre>
	brNL           // <br>
	spaceNL        // a space, for text that must stay on one line
)

// Text returns s, cleaned, as HTML text, with each newline as <br>.
func (r *Renderer) Text(s string) string {
	var b strings.Builder
	r.escape(&b, s, brNL)
	return b.String()
}

// Line returns s, cleaned, as HTML text on one line: newlines become
// spaces. Use it for titles, names and anything shown in one line.
func (r *Renderer) Line(s string) string {
	var b strings.Builder
	r.escape(&b, s, spaceNL)
	return b.String()
}

// escape writes s, cleaned (see bank.Clean), as HTML text: the five HTML specials are
// escaped, and "[" too with Options.Brackets. nl says what newlines
// become.
func (r *Renderer) escape(b *strings.Builder, s string, nl int) {
	s = bank.Clean(s)
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
		case '\'':
			rep = "&#39;"
		case '[':
			if !r.opts.Brackets {
				continue
			}
			rep = "&#91;"
		case '\n':
			switch nl {
			case brNL:
				rep = "<br>"
			case spaceNL:
				rep = " "
			default:
				continue
			}
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}
