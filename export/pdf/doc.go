// Package pdf exports a bank as two printable PDFs: a study guide and a
// cheat sheet.
//
// The study guide (WriteGuide) has a title page, a table of contents with
// page numbers and links, and bookmarks for every topic, question and
// section. Each topic opens with its concept notes; each question
// follows on fresh pages with its level and prompt, what the learner
// nailed, what to tighten up (the suggested phrasing set apart), the
// model answer with its headings, lists, tables and code samples (those
// the answer does not place come at its end), and its diagrams. The glossary and the study plan close the guide. Pages
// carry the topic as a running header and a page number.
//
// The cheat sheet (WriteCheatSheet) gives each topic one page, or two if
// it must, in three columns: each question's prompt with the first
// sentence of its model answer, its gaps as a checklist, and the
// glossary with short definitions. The type is as large as fits, from
// 10 pt down to 6 pt.
//
// Files returns both as export.Files for the bankgen command.
//
// # Text and fonts
//
// Text is set in DejaVu Sans and DejaVu Sans Mono, embedded in the binary
// (github.com/go-fonts/dejavu) and subset to the glyphs used. Their
// licence is FontLicense. Every string, including bookmarks, metadata,
// headers and footers, is sanitized first, so that every rune that
// reaches the PDF exists in the font that draws it:
//
//   - emoji and other characters the fonts lack are replaced by a similar
//     glyph they have, from a fixed table: ✅ → ✔, ❌ → ✘, ❗ → !, ⬜ → ☐,
//     🎯 → ◎, 🔧 → ⚙, 👍 → ✔, 🔴 → ●, … (see fallback in text.go);
//   - failing that, by the character's compatibility decomposition
//     ("ﬁ" → "fi"), and failing that by ◆;
//   - flags become ⚑, emoji sequences joined with U+200D count as one
//     character, variation selectors, skin tones, control and format
//     characters are dropped, tabs become spaces;
//   - in monospace text (code, diagrams) a replacement is padded with
//     spaces to the terminal width of what it replaces (2 columns for
//     emoji), so box borders stay aligned.
//
// No character is ever drawn as a tofu box or a question mark. fpdf
// cannot draw characters above U+FFFF at all; none reach it.
//
// Diagrams are set in monospace at the size that makes the widest line
// fit the text width, with a line height equal to the font's height so
// that box-drawing lines join, and are moved to the next page rather
// than split when they fit on one.
//
// # How a PDF is made
//
// Layout comes first: the content is broken into lines and pages of
// drawing operations (text, rectangles, rules, links, bookmarks), so that
// the table of contents can show the numbers of pages laid out after it,
// and the cheat sheet can try several type sizes before it keeps one. The
// pages are then drawn with fpdf (codeberg.org/go-pdf/fpdf), which
// subsets and embeds the fonts, compresses the pages and writes the file.
// The package starts no goroutines; WriteGuide and WriteCheatSheet may
// run concurrently.
//
// # Output
//
// Output is deterministic: the same bank and Options give the same
// bytes. The creation date is Options.Date, never the clock; objects and
// fonts are written in a fixed order. The exporter writes to an
// io.Writer, nothing when rendering fails; choosing paths and writing
// files atomically is the caller's job.
package pdf
