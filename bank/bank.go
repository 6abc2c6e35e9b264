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
	// ID is a stable slug of the name, such as "kubernetes", or of Pin.
	ID   string `json:"id"`
	Name string `json:"name"`
	// Pin, when set, is the ID key the source pins for the topic; see
	// AssignIDs.
	Pin string `json:"pin,omitempty"`
	// Tags are the tags the source gives the topic (in its front
	// matter), in source order.
	Tags []string `json:"tags,omitempty"`
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
	Pin        string `json:"pin,omitempty"`
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
	// Label is the status as the tracker writes it ("🔄 In progress");
	// Status is what it maps onto.
	Label string `json:"label,omitempty"`
	// Fields are the tracker's other columns, in column order, so that
	// none is lost.
	Fields []Field `json:"fields,omitempty"`
	Pos    Pos     `json:"pos"`
}

// Field is one named value, such as a tracker column ("Week", "3").
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Question is one mock-interview question with the feedback on the
// learner's answer, a model answer, code samples and diagrams.
type Question struct {
	// ID is the topic ID and the question number, "kubernetes/q2", or
	// the topic ID and Pin.
	ID     string `json:"id"`
	Pin    string `json:"pin,omitempty"`
	Number int    `json:"number"`
	Level  Level  `json:"level"`
	// LevelInferred reports that the source names no level: Level was
	// inferred from the question's position in its document.
	LevelInferred bool `json:"levelInferred,omitempty"`
	// Label is the source's own wording of the level, such as
	// "Lead Engineer Level"; Level is what it maps onto.
	Label string `json:"label,omitempty"`
	// Title is a title the question's heading gives besides its number
	// and level ("Rate limiting" in "### 2. Rate limiting (Senior)").
	Title  string `json:"title,omitempty"`
	Prompt string `json:"prompt"`
	// Response is the candidate's own answer, as the transcript gives
	// it. It is not the prompt and not the model answer.
	Response []Block `json:"response,omitempty"`
	// Score is a score the feedback gives the answer, as written ("7/10").
	Score string `json:"score,omitempty"`
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
	Pin    string `json:"pin,omitempty"`
	Title  string `json:"title"`
	Detail string `json:"detail,omitempty"`
	Pos    Pos    `json:"pos"`
}

// Gap is one point the learner missed, with the phrasing the interviewer
// suggests using instead.
type Gap struct {
	ID     string `json:"id"`
	Pin    string `json:"pin,omitempty"`
	Title  string `json:"title"`
	Detail string `json:"detail,omitempty"`
	// Phrasing is the suggested answer, quoted in italics in the source.
	Phrasing string `json:"phrasing,omitempty"`
	Pos      Pos    `json:"pos"`
}

// Sample is fenced code from a model answer.
type Sample struct {
	ID  string `json:"id"`
	Pin string `json:"pin,omitempty"`
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
	Pin   string `json:"pin,omitempty"`
	Title string `json:"title"`
	// Lang is the diagram language of a diagram written as code
	// ("mermaid", "plantuml", "dot"), or "" for text art.
	Lang string `json:"lang,omitempty"`
	Art  string `json:"art"`
	Pos  Pos    `json:"pos"`
}
