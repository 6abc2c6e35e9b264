package bank

// BlockKind says what a Block holds.
type BlockKind string

// The kinds of Block. Each uses only some of Block's fields.
const (
	// KindHeading is a sub-heading: Text, and Level (1–6; 4 marks a
	// paragraph that is bold throughout, the sources' usual sub-heading).
	KindHeading BlockKind = "heading"
	// KindParagraph is running text: Text.
	KindParagraph BlockKind = "paragraph"
	// KindList is a bullet or numbered list: Items, Ordered.
	KindList BlockKind = "list"
	// KindTable is a table: Header and Rows.
	KindTable BlockKind = "table"
	// KindCode is fenced code kept in place: Lang and Code.
	KindCode BlockKind = "code"
	// KindSample marks where a question's sample stands in its answer:
	// Sample indexes Question.Samples.
	KindSample BlockKind = "sample"
	// KindQuote is a block quote: Text.
	KindQuote BlockKind = "quote"
	// KindRule is a thematic break (---) that the parser could not absorb
	// into the document structure; it has no fields.
	KindRule BlockKind = "rule"
)

// Block is one piece of structured text: a paragraph, a list, a table, a
// sub-heading or code. Text is plain: Markdown emphasis is removed, but
// line breaks inside a paragraph are kept as "\n".
type Block struct {
	Kind    BlockKind  `json:"kind"`
	Level   int        `json:"level,omitempty"`
	Text    string     `json:"text,omitempty"`
	Items   []string   `json:"items,omitempty"`
	Ordered bool       `json:"ordered,omitempty"`
	Header  []string   `json:"header,omitempty"`
	Rows    [][]string `json:"rows,omitempty"`
	Lang    string     `json:"lang,omitempty"`
	Code    string     `json:"code,omitempty"`
	Sample  int        `json:"sample,omitempty"`
	Pos     Pos        `json:"pos"`
}

// Section is a titled run of blocks. Sections the parser does not
// recognise are kept as Sections (Topic.Extra, Question.Extra) so that no
// content is lost.
type Section struct {
	Title  string  `json:"title"`
	Blocks []Block `json:"blocks,omitempty"`
	Pos    Pos     `json:"pos"`
}
