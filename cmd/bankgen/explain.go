package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/bankgen/bankgen/parse"
)

// writeOutlines prints what bankgen read in each document: one line per
// heading, label and block, with its line number, what the source holds
// there, the start of its text, and what it was read as. Content kept
// without being understood is marked, so that a user sees at a glance
// what was and was not read.
func writeOutlines(w io.Writer, outlines []parse.Outline) {
	for i, o := range outlines {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "== %s\n", o.File)
		for _, e := range o.Entries {
			indent := ""
			if e.Block == "item" || e.Block == "row" {
				indent = "  "
			}
			text := e.Text
			if text != "" {
				text = fmt.Sprintf("%q", text)
			}
			fmt.Fprintf(w, "%5d  %-14s %-48s → %s\n", e.Pos.Line, indent+e.Block, text, reading(e.Read))
		}
	}
}

// reading says what a piece of a document was read as, in words.
func reading(r parse.Reading) string {
	q := ""
	if r.Question > 0 {
		q = fmt.Sprintf("q%d ", r.Question)
	}
	var s string
	switch r.As {
	case parse.ReadFrontMatter:
		s = "front matter (title, topic, tags; not content)"
	case parse.ReadTitle:
		s = fmt.Sprintf("title: topic %q", r.Name)
		if r.Role != "" {
			s += fmt.Sprintf(", a %s", r.Role)
		}
	case parse.ReadQuestion:
		s = fmt.Sprintf("question %d · %s", r.Question, r.Level)
		switch {
		case r.LevelInferred:
			s += " (inferred from its position: no level given)"
		case r.Label != "":
			s += fmt.Sprintf(" (%q)", r.Label)
		}
		if r.Name != "" {
			s += fmt.Sprintf(" · title %q", r.Name)
		}
		if r.Pattern {
			s += " · found by the headings' pattern"
		}
	case parse.ReadPart:
		s = q + "opens " + string(r.Role)
	case parse.ReadStrength, parse.ReadGap, parse.ReadDiagram:
		s = fmt.Sprintf("%s%s %q", q, r.As, r.Name)
	case parse.ReadPhrasing:
		s = fmt.Sprintf("%sphrasing of gap %q", q, r.Name)
		if r.Name == "" {
			s = q + "phrasings of the gaps they name"
		}
	case parse.ReadScore:
		s = q + "score"
		if r.Name == "comment" {
			s = q + "comment on the score, kept in the question's section \"Score\""
		}
	case parse.ReadRubric:
		s = q + "rubric: criteria met are strengths, the others gaps"
	case parse.ReadCard:
		s = fmt.Sprintf("flashcard: question %d %q, its back the model answer", r.Question, r.Name)
	case parse.ReadSample:
		lang := r.Name
		if lang == "" {
			lang = "no language"
		}
		s = fmt.Sprintf("%ssample (%s)", q, lang)
	case parse.ReadTerm:
		s = fmt.Sprintf("glossary term %q", r.Name)
	case parse.ReadPlan:
		s = fmt.Sprintf("plan row %d %q: %s", r.Number, r.Name, r.Status)
	case parse.ReadNote:
		s = fmt.Sprintf("note under %q", r.Name)
	case parse.ReadNotes:
		s = fmt.Sprintf("notes on the whole interview (%q)", r.Name)
	case parse.ReadClosing:
		s = "closing chat line: kept in the topic's notes"
	case parse.ReadExtra:
		s = fmt.Sprintf("NOT UNDERSTOOD: %skept in extra section %q", q, r.Name)
	case parse.ReadPin:
		s = fmt.Sprintf("pins the next item's ID to %q", r.Name)
	case parse.ReadTurn:
		switch r.Label {
		case "interviewer":
			s = fmt.Sprintf("%s's turn (the interviewer's): read as any text", r.Name)
		case "bystander":
			s = fmt.Sprintf("%s's turn (another member of the chat): kept in the topic's notes", r.Name)
		default:
			s = fmt.Sprintf("%s's turn (the candidate's): the response to the question asked", r.Name)
		}
	case parse.ReadSkipped:
		s = "separator (skipped)"
	default:
		s = q + string(r.As)
	}
	if r.Warn {
		s += " (see the warning)"
	}
	return strings.TrimSpace(s)
}
