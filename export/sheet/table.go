package sheet

import (
	"iter"
	"strings"

	"github.com/bankgen/bankgen/bank"
)

// colKind says what a column holds; it chooses the XLSX cell style.
type colKind uint8

const (
	colText   colKind = iota // prose, wrapped
	colShort                 // short text such as an ID or a name, not wrapped
	colNum                   // an integer
	colCode                  // code or a diagram, monospace and wrapped
	colLink                  // a question ID linking to its row on Questions
	colDate                  // a date the learner fills in
	colChoice                // a value from a drop-down list
)

// column is one column of a table.
type column struct {
	header string
	width  float64 // in characters of the default font
	kind   colKind
	list   []string // for colChoice: the drop-down values
}

// cell is one value of a row. A cell is a number when num is set, and
// text otherwise; link, when above zero, is the row on the Questions
// sheet that the cell links to.
type cell struct {
	text string
	num  int
	isN  bool
	link int
}

func txt(s string) cell { return cell{text: s} }
func num(n int) cell    { return cell{num: n, isN: true} }

// table is one sheet of the workbook, or one CSV file.
type table struct {
	name string // the sheet's name, such as "Questions"
	file string // the CSV file's name, such as "questions.csv"
	cols []column
	n    int // how many rows rows yields
	// rows yields the table's rows. Each row's slice is reused for the
	// next, so a consumer must not keep it.
	rows iter.Seq[[]cell]
}

// Sheet names, in workbook order.
const (
	SheetQuestions = "Questions"
	SheetGaps      = "Gaps"
	SheetConcepts  = "Concepts"
	SheetSamples   = "Samples"
	SheetDiagrams  = "Diagrams"
	SheetPlan      = "Plan"
)

// Values of the learner's columns. They are fixed, not taken from the
// bank, so the drop-down lists are the same in every workbook.
var (
	confidences = []string{"low", "medium", "high"}
	checkboxes  = []string{"☐", "☑"}
)

// Unchecked is the value of every cell in the Gaps sheet's Done column:
// an empty checkbox that the learner turns into ☑ from a drop-down.
const Unchecked = "☐"

func levelNames() []string {
	var out []string
	for _, l := range bank.Levels() {
		out = append(out, l.String())
	}
	return out
}

func statusNames() []string {
	var out []string
	for _, s := range bank.Statuses() {
		out = append(out, s.String())
	}
	return out
}

// questionRow is the 1-based row of the i-th question (counting every
// topic's questions in bank order) on the Questions sheet, below the
// header.
func questionRow(i int) int { return i + 2 }

// tables lays the bank out as the workbook's sheets, in order. Rows are
// produced on demand, so a large bank is never held twice in memory.
func tables(b *bank.Bank) []table {
	n := b.Count()
	// each calls f for every question with its row on Questions.
	each := func(f func(t *bank.Topic, q *bank.Question, row int) bool) {
		i := 0
		for ti := range b.Topics {
			t := &b.Topics[ti]
			for qi := range t.Questions {
				if !f(t, &t.Questions[qi], questionRow(i)) {
					return
				}
				i++
			}
		}
	}
	return []table{
		{
			name: SheetQuestions, file: "questions.csv", n: n.Questions,
			cols: []column{
				{header: "ID", width: 20, kind: colShort},
				{header: "Topic", width: 16, kind: colShort},
				{header: "Number", width: 9, kind: colNum},
				{header: "Level", width: 13, kind: colChoice, list: levelNames()},
				{header: "Prompt", width: 50, kind: colText},
				{header: "Model answer", width: 90, kind: colText},
				{header: "Strengths", width: 11, kind: colNum},
				{header: "Gaps", width: 8, kind: colNum},
				{header: "Confidence", width: 13, kind: colChoice, list: confidences},
				{header: "Last practised", width: 15, kind: colDate},
			},
			rows: func(yield func([]cell) bool) {
				cells := make([]cell, 0, 10)
				each(func(t *bank.Topic, q *bank.Question, _ int) bool {
					return yield(append(cells[:0],
						txt(q.ID), txt(t.Name), num(q.Number), txt(q.Level.String()),
						txt(q.Prompt), txt(answerText(q)),
						num(len(q.Strengths)), num(len(q.Gaps)), cell{}, cell{},
					))
				})
			},
		},
		{
			name: SheetGaps, file: "gaps.csv", n: n.Gaps,
			cols: []column{
				{header: "Question ID", width: 20, kind: colLink},
				{header: "Title", width: 40, kind: colText},
				{header: "Explanation", width: 60, kind: colText},
				{header: "Suggested phrasing", width: 70, kind: colText},
				{header: "Done", width: 8, kind: colChoice, list: checkboxes},
			},
			rows: func(yield func([]cell) bool) {
				cells := make([]cell, 0, 5)
				each(func(_ *bank.Topic, q *bank.Question, row int) bool {
					for _, g := range q.Gaps {
						if !yield(append(cells[:0],
							cell{text: q.ID, link: row}, txt(g.Title), txt(g.Detail), txt(g.Phrasing), txt(Unchecked),
						)) {
							return false
						}
					}
					return true
				})
			},
		},
		{
			name: SheetConcepts, file: "concepts.csv", n: n.Terms,
			cols: []column{
				{header: "Topic", width: 16, kind: colShort},
				{header: "Term", width: 26, kind: colText},
				{header: "Definition", width: 80, kind: colText},
				{header: "Section", width: 26, kind: colText},
			},
			rows: func(yield func([]cell) bool) {
				cells := make([]cell, 0, 4)
				for _, t := range b.Topics {
					for _, g := range t.Guide {
						if !yield(append(cells[:0], txt(t.Name), txt(g.Term), txt(g.Definition), txt(g.Section))) {
							return
						}
					}
				}
			},
		},
		{
			name: SheetSamples, file: "samples.csv", n: n.Samples,
			cols: []column{
				{header: "Question ID", width: 20, kind: colLink},
				{header: "Language", width: 11, kind: colShort},
				{header: "File name", width: 26, kind: colShort},
				{header: "Kubernetes kind", width: 20, kind: colText},
				{header: "Code", width: 100, kind: colCode},
			},
			rows: func(yield func([]cell) bool) {
				cells := make([]cell, 0, 5)
				each(func(_ *bank.Topic, q *bank.Question, row int) bool {
					for _, s := range q.Samples {
						if !yield(append(cells[:0],
							cell{text: q.ID, link: row}, txt(s.Lang), txt(s.File),
							txt(strings.Join(s.Kinds, ", ")), txt(strings.TrimRight(s.Code, "\n")),
						)) {
							return false
						}
					}
					return true
				})
			},
		},
		{
			name: SheetDiagrams, file: "diagrams.csv", n: n.Diagrams,
			cols: []column{
				{header: "Question ID", width: 20, kind: colLink},
				{header: "Title", width: 36, kind: colText},
				{header: "Art", width: 110, kind: colCode},
			},
			rows: func(yield func([]cell) bool) {
				cells := make([]cell, 0, 3)
				each(func(_ *bank.Topic, q *bank.Question, row int) bool {
					for _, d := range q.Diagrams {
						if !yield(append(cells[:0], cell{text: q.ID, link: row}, txt(d.Title), txt(d.Art))) {
							return false
						}
					}
					return true
				})
			},
		},
		{
			name: SheetPlan, file: "plan.csv", n: n.PlanRows,
			cols: []column{
				{header: "Number", width: 9, kind: colNum},
				{header: "Topic", width: 50, kind: colText},
				{header: "Status", width: 10, kind: colChoice, list: statusNames()},
			},
			rows: func(yield func([]cell) bool) {
				cells := make([]cell, 0, 3)
				for _, p := range b.Plan {
					if !yield(append(cells[:0], num(p.Number), txt(p.Topic), txt(p.Status.String()))) {
						return
					}
				}
			},
		},
	}
}
