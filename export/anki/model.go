package anki

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
	// Req is the schema-11 card requirement of each template: the fields
	// of which any (or all) must be non-empty for the card to exist.
	Req []requirement
}

type template struct {
	Name  string
	Front string
	Back  string
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
	ID:   1795478400101,
	Name: "bankgen Interview Question",
	Mod:  1795485000,
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
<h3 class="bg-h">Model answer</h3>
<div class="bg-answer">{{Answer}}</div>
{{#Gaps}}<h3 class="bg-h">What to tighten up</h3>
<div class="bg-gaps">{{Gaps}}</div>{{/Gaps}}
{{#Diagrams}}<h3 class="bg-h">Diagrams</h3>
<div class="bg-diagrams">{{Diagrams}}</div>{{/Diagrams}}
{{#Strengths}}<details class="bg-strengths"><summary>What you nailed</summary>{{Strengths}}</details>{{/Strengths}}
<div class="bg-source">{{ID}}</div>
</div>`,
	}},
	CSS: css,
	Req: []requirement{{"any", []int{qQuestion}}},
}

var gapType = noteType{
	ID:   1795478400102,
	Name: "bankgen Gap Drill",
	Mod:  1795485000,
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
	}},
	CSS: css,
	Req: []requirement{{"any", []int{gGap}}},
}

var conceptType = noteType{
	ID:   1795478400103,
	Name: "bankgen Concept",
	Mod:  1795485000,
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
	}, {
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

// noteTypes lists every note type in the order they are written.
var noteTypes = []*noteType{&questionType, &gapType, &conceptType}

// css is shared by every note type. Light and night mode are both set
// explicitly (Anki marks night mode with the nightMode or night_mode
// class). Preformatted text never wraps, scrolls sideways, and uses a
// monospace stack whose first font, shipped in the package, has every
// box-drawing glyph, so diagrams keep their columns on desktop and phone;
// diagrams are set solid, so vertical box lines join up.
// Highlighted code carries its own colours and background inline.
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
.bg { max-width: 46em; margin: 0 auto; padding: 0 4px; }
.bg-meta { font-size: 13px; margin-bottom: .5em; }
.bg-chip {
  display: inline-block;
  padding: 0 8px;
  margin: 0 4px 4px 0;
  border: 1px solid rgba(127, 127, 127, .5);
  border-radius: 10px;
}
.bg-kind { opacity: .7; }
.bg-prompt { font-size: 1.1em; font-weight: 600; }
.bg-context { font-size: .9em; opacity: .8; margin-bottom: .5em; }
.bg-h {
  font-size: 13px;
  text-transform: uppercase;
  letter-spacing: .05em;
  opacity: .75;
  margin: 1.4em 0 .4em;
}
.bg h4, .bg h5, .bg h6 { margin: 1em 0 .3em; }
.bg-gap, .bg-gap-title {
  border-left: 4px solid #d4a72c;
  background: rgba(212, 167, 44, .12);
  border-radius: 0 6px 6px 0;
  padding: .4em .8em;
  margin: .6em 0;
}
.bg-gap-title { font-weight: 600; }
.bg-ask { font-size: .9em; opacity: .8; margin: .6em 0 .2em; }
.bg-drill { font-size: 1.1em; }
.bg-gap .bg-gap-title { border: 0; background: none; padding: 0; margin: 0; }
.bg-phrasing {
  border-left: 3px solid #2da44e;
  background: rgba(45, 164, 78, .12);
  border-radius: 0 6px 6px 0;
  padding: .4em .8em;
  margin: .5em 0;
  font-style: italic;
}
.bg blockquote { margin: .6em 0; padding: 0 .8em; border-left: 3px solid rgba(127, 127, 127, .5); }
.bg-pre {
  font-family: "Bankgen Mono", "DejaVu Sans Mono", Menlo, Monaco, Consolas, "Liberation Mono", "Noto Sans Mono", "Droid Sans Mono", "Courier New", monospace;
  font-size: 13px;
  line-height: 1.25;
  text-align: left;
  white-space: pre;
  word-wrap: normal;
  overflow-wrap: normal;
  word-break: normal;
  overflow-x: auto;
  -webkit-overflow-scrolling: touch;
  tab-size: 4;
  -moz-tab-size: 4;
  font-variant-ligatures: none;
  font-kerning: none;
  letter-spacing: 0;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
  margin: .5em 0;
  padding: .6em .8em;
  border: 1px solid rgba(127, 127, 127, .35);
  border-radius: 6px;
  background-color: rgba(127, 127, 127, .08);
}
.bg-pre span { font-family: inherit; }
.bg-art { line-height: 1.15; }
.bg-cap { font-size: 13px; font-weight: 600; opacity: .8; margin-top: .8em; }
.bg-table { overflow-x: auto; margin: .5em 0; }
.bg-table table { border-collapse: collapse; font-size: .9em; }
.bg-table th, .bg-table td { border: 1px solid rgba(127, 127, 127, .45); padding: 2px 6px; vertical-align: top; }
.bg-strengths { margin-top: 1.2em; }
.bg-strengths summary { cursor: pointer; opacity: .8; }
.bg-source { margin-top: 1.5em; font-size: 11px; opacity: .5; }
`
