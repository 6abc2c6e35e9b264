package bank

// Schema names the version of the JSON form of a Bank. Within v1, fields
// are only ever added.
const Schema = "bankgen/v1"

// Bank is a whole question bank: topics with their questions and concept
// guides, and the learner's study plan.
type Bank struct {
	Topics []Topic     `json:"topics"`
	Plan   []PlanEntry `json:"plan"`
}

// Topic is one subject of study, such as Kubernetes. Its content may come
// from several source files (a concept guide and a mock interview).
type Topic struct {
	// ID is a stable slug of the name, such as "kubernetes".
	ID   string `json:"id"`
	Name string `json:"name"`
	// Guide is the glossary of the topic's concept guide, in source order.
	Guide []Term `json:"guide"`
	// Notes are the concept guide's prose sections, kept as structured
	// text. Glossary entries are in Guide, not here.
	Notes     []Section  `json:"notes,omitempty"`
	Questions []Question `json:"questions"`
	// Extra holds sections of the sources that belong to no question and
	// were not recognised. Each was reported as a warning.
	Extra []Section `json:"extra,omitempty"`
	Pos   Pos       `json:"pos"`
}

// Term is one glossary entry of a concept guide: "**Pod** — the smallest …".
type Term struct {
	// ID is stable: topic ID, "/terms/", and a slug of the term.
	ID         string `json:"id"`
	Term       string `json:"term"`
	Definition string `json:"definition"`
	// Section is the title of the guide section the term appears under.
	Section string `json:"section,omitempty"`
	Pos     Pos    `json:"pos"`
}

// PlanEntry is one row of the learner's topic tracker.
type PlanEntry struct {
	Number int    `json:"number"`
	Topic  string `json:"topic"`
	Status Status `json:"status"`
	Pos    Pos    `json:"pos"`
}

// Question is one mock-interview question with the feedback on the
// learner's answer, a model answer, code samples and diagrams.
type Question struct {
	// ID is the topic ID and the question number: "kubernetes/q2".
	ID     string `json:"id"`
	Number int    `json:"number"`
	Level  Level  `json:"level"`
	// Label is the heading's own wording of the level, such as
	// "Lead Engineer Level"; Level is what it maps onto.
	Label  string `json:"label,omitempty"`
	Prompt string `json:"prompt"`
	// Strengths is "What You Nailed".
	Strengths []Strength `json:"strengths"`
	// Gaps is "What to Tighten Up": the learner's weak spots.
	Gaps []Gap `json:"gaps"`
	// Answer is the model answer, in order. Code in it is in Samples, and
	// a KindSample block marks where each sample stands.
	Answer   []Block   `json:"answer"`
	Samples  []Sample  `json:"samples"`
	Diagrams []Diagram `json:"diagrams"`
	// Extra holds the question's sections that were not recognised.
	Extra []Section `json:"extra,omitempty"`
	Pos   Pos       `json:"pos"`
}

// Strength is one point the learner got right.
type Strength struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Detail string `json:"detail,omitempty"`
	Pos    Pos    `json:"pos"`
}

// Gap is one point the learner missed, with the phrasing the interviewer
// suggests using instead.
type Gap struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Detail string `json:"detail,omitempty"`
	// Phrasing is the suggested answer, quoted in italics in the source.
	Phrasing string `json:"phrasing,omitempty"`
	Pos      Pos    `json:"pos"`
}

// Sample is fenced code from a model answer.
type Sample struct {
	ID string `json:"id"`
	// Lang is the fence's info string ("yaml", "bash"), or "" when none.
	Lang string `json:"lang,omitempty"`
	// File is the file name the code's first comment gives, if any.
	File string `json:"file,omitempty"`
	// Kinds lists the Kubernetes kinds of a YAML manifest, per document.
	Kinds []string `json:"kinds,omitempty"`
	Code  string   `json:"code"`
	Pos   Pos      `json:"pos"`
}

// Diagram is one titled text diagram, usually drawn with box-drawing
// characters. Art is kept exactly, trailing spaces included, because
// columns matter.
type Diagram struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Art   string `json:"art"`
	Pos   Pos    `json:"pos"`
}
