package parse

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Outline is one document as Parse read it: an entry per heading,
// label and block, in document order, saying what each was read as.
type Outline struct {
	File    string
	Entries []Entry
}

// Entry is one piece of a document and what Parse made of it.
type Entry struct {
	Pos bank.Pos
	// Block says what the source holds there: "heading 2", "label",
	// "paragraph", "list", "item", "table", "row", "code yaml", "quote",
	// "rule", "comment", "front matter", "definition".
	Block string
	// Text is the start of the block's text, on one line.
	Text string
	// Read is what it was read as.
	Read Reading
}

// What is what a piece of a document was read as.
type What string

// The readings of a piece of a document.
const (
	ReadFrontMatter What = "front matter" // title, topic, tags
	ReadTitle       What = "title"        // the document title; Name is the topic
	ReadQuestion    What = "question"     // a question opens
	ReadPart        What = "part"         // a part opens: Role says which
	ReadPrompt      What = "prompt"
	ReadResponse    What = "response"
	ReadStrength    What = "strength" // Name is its title
	ReadGap         What = "gap"      // Name is its title
	ReadPhrasing    What = "phrasing" // of the gap Name
	ReadScore       What = "score"
	ReadAnswer      What = "answer"
	ReadSample      What = "sample"  // Name is its language
	ReadDiagram     What = "diagram" // Name is its title
	ReadTerm        What = "term"    // Name is the term
	ReadPlan        What = "plan row"
	ReadNote        What = "note"    // concept-guide prose, under the section Name
	ReadNotes       What = "notes"   // remarks on the whole interview
	ReadClosing     What = "closing" // a closing chat line, kept as notes
	ReadExtra       What = "extra"   // kept, not understood: an extra section
	ReadPin         What = "pin"     // a pinned ID for the next item
	ReadTurn        What = "turn"    // a speaker's turn opens: Name is the speaker, Label "interviewer", "candidate" or "bystander"
	ReadRubric      What = "rubric"  // a table of criteria met or not: its rows are strengths and gaps
	ReadCard        What = "card"    // a spaced-repetition flashcard: a question and its answer
	ReadSkipped     What = "skipped" // a thematic break: no content
)

// Reading is what a piece of a document was read as. Fields other than
// As are set when they apply.
type Reading struct {
	As What
	// Question is the number of the question the piece belongs to.
	Question int
	// Level, LevelInferred and Label describe a question's level.
	Level         bank.Level
	LevelInferred bool
	Label         string
	// Role is the part a heading or label opens, or the part a piece
	// stands in.
	Role vocab.Role
	// Name is the term, the strength, gap or diagram title, the sample's
	// language, the plan row's topic, or the section a note or extra
	// content is filed under.
	Name string
	// Number and Status describe a plan row.
	Number int
	Status bank.Status
	// Warn is set when the piece was kept but may be misread, and a
	// warning says why.
	Warn bool
	// Pattern is set on a question found by the document's structure
	// (headings repeating a numbered pattern, or asking), not by a word
	// the vocabulary knows.
	Pattern bool
}

// Explain parses the sources as Parse does and returns, besides the bank
// and the diagnostics, the outline of each Markdown document: what every
// heading, label and block was read as, and what was kept without being
// understood.
func Explain(srcs ...Source) ([]Outline, *bank.Bank, bank.Diagnostics) {
	b, outlines, diags := run(srcs, true)
	return outlines, b, diags
}

// record adds an entry to the outline when explaining.
func (d *doc) record(pos bank.Pos, block, text string, r Reading) {
	if !d.explain {
		return
	}
	if r.As == ReadPlan {
		r.Number, r.Question = r.Question, 0
	}
	d.outline = append(d.outline, Entry{Pos: pos, Block: block, Text: excerptText(text), Read: r})
}

// recordItem records a list item.
func (d *doc) recordItem(it ast.Node, r Reading) {
	if d.explain {
		d.record(d.pos(it), "item", d.blockText(it), r)
	}
}

// excerpt returns the start of a block's text, for the outline.
func (d *doc) excerpt(n ast.Node) string {
	if !d.explain {
		return ""
	}
	return d.blockText(n)
}

// excerptText shortens text to its first line, at most 60 characters.
func excerptText(s string) string {
	s = strings.TrimSpace(firstLine(strings.TrimSpace(s)))
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:59]) + "…"
}

// headingBlock describes a heading: "heading 2".
func headingBlock(h *ast.Heading) string { return "heading " + strconv.Itoa(h.Level) }

// describeBlock names a block's kind for the outline.
func describeBlock(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Heading:
		return headingBlock(n)
	case *ast.Paragraph, *ast.TextBlock:
		return "paragraph"
	case *ast.List:
		return "list"
	case *ast.ListItem:
		return "item"
	case *east.DefinitionList:
		return "definition list"
	case *ast.FencedCodeBlock:
		return "code"
	case *ast.CodeBlock:
		return "indented code"
	case *east.Table:
		return "table"
	case *ast.Blockquote:
		return "quote"
	case *ast.HTMLBlock:
		return "html"
	case *ast.ThematicBreak:
		return "rule"
	}
	return strings.ToLower(n.Kind().String())
}
