package anki

import "github.com/bankgen/bankgen/export/cardhtml"

// The note types of a deck. Anki matches an imported note type to one in
// the collection by its ID; if the names or the number of its fields or
// templates differ, Anki adds a second note type and every note of the
// old one conflicts. So the IDs, field names and template names below are
// fixed forever: change them only by adding a new note type with a new ID
// (and a new name, such as "… v2").
//
// Anki applies a changed template or CSS only when the note type's mod is
// newer than the one in the collection. Whenever a template or the CSS
// changes, raise that note type's Mod; TestNoteTypeModRaised fails if the
// content changes while Mod stays the same.

// A noteType is one Anki note type (a "model" in schema 11).
type noteType struct {
	ID   int64
	Name string
	// Mod is the note type's modification time in Unix seconds. Raise it
	// whenever Templates or CSS change.
	Mod       int64
	Fields    []string
	Templates []template
	CSS       string
	// Sort is the index of the field the Browser sorts by.
	Sort int
	// TextName names the note type's plain-text file: Name-TextName.txt.
	TextName string
	// Req is the schema-11 card requirement of each template: the fields
	// of which any (or all) must be non-empty for the card to exist.
	Req []requirement
}

type template struct {
	Name  string
	Front string
	Back  string
	// BrowserFront and BrowserBack are what the Browser's Question and
	// Answer columns show.
	BrowserFront, BrowserBack string
}

type requirement struct {
	Kind   string // "any" or "all"
	Fields []int
}

// The fields of each note type, by index.
const (
	qQuestion = iota
	qTopic
	qLevel
	qAnswer
	qGaps
	qDiagrams
	qStrengths
	qID
	qFields
)

const (
	gGap = iota
	gQuestion
	gTopic
	gLevel
	gExplanation
	gPhrasing
	gID
	gFields
)

const (
	kTitle = iota
	kFront
	kContext
	kTopic
	kLevel
	kKind
	kBack
	kMore
	kID
	kFields
)

const (
	cTerm = iota
	cDefinition
	cTopic
	cSection
	cReverse
	cID
	cFields
)

// fontFile is the media name of the monospace font the CSS loads. It
// starts with "_" because Anki imports a media file that no field refers
// to (this one is referenced only from CSS) only when its name does.
const fontFile = "_bankgen-DejaVuSansMono.ttf"

var questionType = noteType{
	ID:       1795478400101,
	Name:     "bankgen Interview Question",
	TextName: "questions",
	Mod:      1796100003,
	Fields: []string{
		qQuestion:  "Question",
		qTopic:     "Topic",
		qLevel:     "Level",
		qAnswer:    "Answer",
		qGaps:      "Gaps",
		qDiagrams:  "Diagrams",
		qStrengths: "Strengths",
		qID:        "ID",
	},
	Templates: []template{{
		Name: "Interview Question",
		Front: `<div class="bg">
<div class="bg-meta"><span class="bg-chip">{{Topic}}</span>{{#Level}}<span class="bg-chip">{{Level}}</span>{{/Level}}<span class="bg-chip bg-kind">Interview question</span></div>
<div class="bg-prompt">{{Question}}</div>
</div>`,
		Back: `{{FrontSide}}
<hr id="answer">
<div class="bg">
{{#Answer}}<h3 class="bg-h">Key points</h3>
<div class="bg-answer">{{Answer}}</div>{{/Answer}}
{{#Gaps}}<details class="bg-full"><summary>Say it like this</summary>
<div class="bg-gaps">{{Gaps}}</div></details>{{/Gaps}}
{{#Diagrams}}<details class="bg-full"><summary>Diagrams</summary>
<div class="bg-diagrams">{{Diagrams}}</div></details>{{/Diagrams}}
{{#Strengths}}<details class="bg-strengths"><summary>What you nailed</summary>{{Strengths}}</details>{{/Strengths}}
<div class="bg-source">{{ID}}</div>
</div>`,
		BrowserFront: `{{Question}}`,
		BrowserBack:  `{{Topic}} · {{Level}}`,
	}},
	CSS: css,
	Req: []requirement{{"any", []int{qQuestion}}},
}

var gapType = noteType{
	ID:       1795478400102,
	Name:     "bankgen Gap Drill",
	TextName: "gaps",
	Mod:      1796100002,
	Fields: []string{
		gGap:         "Gap",
		gQuestion:    "Question",
		gTopic:       "Topic",
		gLevel:       "Level",
		gExplanation: "Explanation",
		gPhrasing:    "Phrasing",
		gID:          "ID",
	},
	Templates: []template{{
		Name: "Gap Drill",
		Front: `<div class="bg">
<div class="bg-meta"><span class="bg-chip">{{Topic}}</span>{{#Level}}<span class="bg-chip">{{Level}}</span>{{/Level}}<span class="bg-chip bg-kind">Gap drill</span></div>
{{#Question}}<div class="bg-context">Asked: {{Question}}</div>{{/Question}}
<div class="bg-ask">Your answer missed this. Explain it the way you would in the interview:</div>
<div class="bg-gap-title bg-drill">{{Gap}}</div>
</div>`,
		Back: `{{FrontSide}}
<hr id="answer">
<div class="bg">
{{#Explanation}}<div class="bg-explanation">{{Explanation}}</div>{{/Explanation}}
{{#Phrasing}}<h3 class="bg-h">Say it like this</h3>
<blockquote class="bg-phrasing">{{Phrasing}}</blockquote>{{/Phrasing}}
<div class="bg-source">{{ID}}</div>
</div>`,
		BrowserFront: `{{Gap}}`,
		BrowserBack:  `{{Question}}`,
	}},
	CSS: css,
	Req: []requirement{{"any", []int{gGap}}},
}

var conceptType = noteType{
	ID:       1795478400103,
	Name:     "bankgen Concept",
	TextName: "concepts",
	Mod:      1796100002,
	Fields: []string{
		cTerm:       "Term",
		cDefinition: "Definition",
		cTopic:      "Topic",
		cSection:    "Section",
		cReverse:    "Reverse",
		cID:         "ID",
	},
	Templates: []template{{
		Name: "Term to Definition",
		Front: `<div class="bg">
<div class="bg-meta"><span class="bg-chip">{{Topic}}</span>{{#Section}}<span class="bg-chip">{{Section}}</span>{{/Section}}<span class="bg-chip bg-kind">Concept</span></div>
<div class="bg-prompt">{{Term}}</div>
</div>`,
		Back: `{{FrontSide}}
<hr id="answer">
<div class="bg">
<div class="bg-definition">{{Definition}}</div>
<div class="bg-source">{{ID}}</div>
</div>`,
		BrowserFront: `{{Term}}`,
		BrowserBack:  `{{Definition}}`,
	}, {
		// Kept so that the note type stays the one learners have; bankgen
		// leaves Reverse empty, so it makes no card. Reverse cards are
		// Card notes, which never leave a blank card behind when
		// Options.Reverse is turned off.
		Name: "Definition to Term",
		Front: `{{#Reverse}}<div class="bg">
<div class="bg-meta"><span class="bg-chip">{{Topic}}</span>{{#Section}}<span class="bg-chip">{{Section}}</span>{{/Section}}<span class="bg-chip bg-kind">Which term?</span></div>
<div class="bg-definition">{{Definition}}</div>
</div>{{/Reverse}}`,
		Back: `{{FrontSide}}
<hr id="answer">
<div class="bg">
<div class="bg-prompt">{{Term}}</div>
<div class="bg-source">{{ID}}</div>
</div>`,
	}},
	CSS: css,
	Req: []requirement{{"any", []int{cTerm}}, {"all", []int{cReverse}}},
}

// cardType holds the cards of one idea each: a section of a model
// answer, the phrasing of a gap, a diagram, a term asked for from its
// definition. Its first field is a plain title, for the Browser.
var cardType = noteType{
	ID:       1795478400104,
	Name:     "bankgen Card",
	TextName: "cards",
	Mod:      1796100002,
	Fields: []string{
		kTitle:   "Title",
		kFront:   "Front",
		kContext: "Context",
		kTopic:   "Topic",
		kLevel:   "Level",
		kKind:    "Kind",
		kBack:    "Back",
		kMore:    "More",
		kID:      "ID",
	},
	Templates: []template{{
		Name: "Card",
		Front: `<div class="bg">
<div class="bg-meta"><span class="bg-chip">{{Topic}}</span>{{#Level}}<span class="bg-chip">{{Level}}</span>{{/Level}}<span class="bg-chip bg-kind">{{Kind}}</span></div>
{{#Context}}<div class="bg-context">{{Context}}</div>{{/Context}}
<div class="bg-prompt">{{Front}}</div>
</div>`,
		Back: `{{FrontSide}}
<hr id="answer">
<div class="bg">
<div class="bg-back">{{Back}}</div>
{{#More}}<details class="bg-full"><summary>More</summary>{{More}}</details>{{/More}}
<div class="bg-source">{{ID}}</div>
</div>`,
		BrowserFront: `{{Title}}`,
		BrowserBack:  `{{Kind}}`,
	}},
	CSS: css,
	Req: []requirement{{"any", []int{kFront}}},
}

// noteTypes lists every note type in the order they are written.
var noteTypes = []*noteType{&questionType, &gapType, &conceptType, &cardType}

// css is shared by every note type. Light and night mode are both set
// explicitly (Anki marks night mode with the nightMode or night_mode
// class). Preformatted text never wraps, scrolls sideways, and uses a
// monospace stack whose first font, shipped in the package, has every
// box-drawing glyph, so diagrams keep their columns on desktop and phone;
// diagrams are set solid, so vertical box lines join up; highlighted
// code is light on dark in both modes (see cardhtml.CSS).
const css = `@font-face {
  font-family: "Bankgen Mono";
  src: url("` + fontFile + `");
}
.card {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 18px;
  line-height: 1.5;
  text-align: left;
  color: #1f2328;
  background-color: #ffffff;
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  color: #e6edf3;
  background-color: #1d2025;
}
` + cardhtml.CSS
