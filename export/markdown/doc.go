// Package markdown writes a bank back to Markdown in the style of the
// sources it was parsed from: one file per topic, plus the study plan.
// Parsing the files with package parse gives back an equal bank,
// positions aside, so the files are also the repaired, normalised sources
// a learner can keep editing.
//
// A topic's file holds its concept guide, then its questions as a
// mock-interview transcript:
//
//	# Mock Interview — Kubernetes
//
//	## Core Concepts
//
//	**Pod** — the smallest deployable unit…
//
//	---
//
//	## Question 1 — Warm Up
//
//	**"Can you explain what Kubernetes is…?"**
//
//	# Feedback First
//
//	---
//
//	## What You Nailed ✅
//
//	**Desired state** — named the reconciliation loop.
//
//	---
//
//	## What to Tighten Up 🔧
//
//	**Missing the Pod concept.** The interview will ask about pods:
//
//	*"The smallest deployable unit is a Pod…"*
//
//	---
//
//	# Model Answer
//
//	---
//
//	…paragraphs, **bold sub-headings**, lists, tables, fenced samples…
//
//	---
//
//	# Diagrams
//
//	```
//	DESIRED STATE
//	╔══════╗ …
//	```
//
// A topic with no questions is titled "# Concept Guide — Name". Sections
// the parser kept as extra content go back where the parser will file
// them again: content it found misplaced in a part of a question (a table
// under the prompt, prose among the diagrams) after that part's own
// content, unrecognised sections under their own heading. The plan file
// holds a title and the tracker table (#, Topic, Status), which the
// parser reads as the study plan and nothing else.
//
// # Escaping
//
// Bank text is plain: the parser removed emphasis and resolved escapes
// and character references. The writer escapes just enough that goldmark
// reads the same text back: a backslash before '\', '*', '`', '<', '[',
// '|' and '_' (the last not inside a word), and before what would open a
// block at the start of a line ('#', '>', "- ", "1. ", "---", …);
// "&amp;" for an '&' that would start a reference; references such as
// "&#32;" and "&#10;" for white space at the ends of a line, control
// characters and line breaks where no real one can stand. A paragraph
// that the parser took from an HTML block is written back as raw HTML
// when it provably parses as the same block. Fences are longer than any
// run of backticks inside them.
//
// The words (headings, statuses, separators, the title's "Mock
// Interview —") come from package parse/vocab, the vocabulary the parser
// reads with, so that what is written reads back as what it was. A
// question's title goes in its heading ("## Question 2 (Stepping Up):
// Rate limiting"), its response under "## Your Answer", its score as
// "**Score:** 7/10" under the feedback heading, a topic's tags (and the
// name of a topic with only notes, which would otherwise read as no
// study material) in YAML front matter, a pinned ID as "<!-- bankgen:id NAME -->" before its
// item, a diagram in a diagram language as its own fence under its title
// in bold, and the tracker's status as written and its other columns in
// the plan file.
//
// # Limits
//
// Some banks cannot come back unchanged because the parser could never
// have produced them; they are written as well as they can be:
//   - an empty topic, a topic name ending in an emoji, two topics whose
//     names share a slug (they merge), topics out of ID order unless
//     Options.Numbered is set;
//   - a question numbered outside 0–9999, an unknown level, a level the
//     bank marks inferred that the question's place would not give, a
//     level label ending in a symbol or disagreeing with the level, a
//     title without a prompt or reading as a level;
//   - a note titled like a section ("Diagrams") or a question, a topic
//     extra section not titled like a section, a glossary term filed
//     under no note or out of the notes' order;
//   - headings other than bold level 4 outside a model answer, an answer
//     heading titled like a section, a bold line reading as a question
//     ("**10. …**") or a part, a closing chat line ("Ready for the next
//     topic?") in an answer, thematic breaks (the parser drops them),
//     plain code in a model answer (it becomes a sample, or a diagram
//     when it is drawn), samples not named once each, in order, by the
//     answer;
//   - code not ending in a line break, table rows not as wide as the
//     header, a table with Topic and Status columns (it is the plan), a
//     plan row without its status as written, plan rows whose fields come
//     in different orders or are named like the plan's own columns;
//   - diagrams whose titles do not read as titles or whose art reads as
//     several diagrams, an untitled diagram in a diagram language whose
//     code gives a title, diagram code ending in a line break;
//   - a question's extra section titled like a section that takes its
//     first block ("What You Nailed" opening with a paragraph or a list),
//     an extra "Question" section after the question's other parts, a
//     list of marked points or a score under "Feedback First", a line
//     above code among the diagrams;
//   - text with white space at either end, invalid UTF-8, a NUL, or
//     text that the encoding repair reads as mojibake ("cafÃ© â€” naÃ¯ve").
package markdown
