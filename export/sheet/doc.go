// Package sheet exports a bank as a spreadsheet: one Excel workbook
// (bank.xlsx, written with excelize) or one UTF-8 CSV file per sheet.
//
// # Sheets
//
// The workbook has six sheets, in this order; each CSV file holds the
// same rows as its sheet, with the same header.
//
//	Questions  questions.csv  ID, Topic, Number, Level, Prompt, Model answer,
//	                          Strengths, Gaps, Confidence, Last practised
//	Gaps       gaps.csv       Question ID, Title, Explanation,
//	                          Suggested phrasing, Done
//	Concepts   concepts.csv   Topic, Term, Definition, Section
//	Samples    samples.csv    Question ID, Language, File name,
//	                          Kubernetes kind, Code
//	Diagrams   diagrams.csv   Question ID, Title, Art
//	Plan       plan.csv       Number, Topic, Status
//
// Rows follow the bank's order: topics, then their questions, then each
// question's gaps, samples or diagrams. Level and Status hold the bank's
// canonical names ("warm-up", "stepping-up", "lead"; "done", "next",
// "todo"), so bank.ParseLevel and bank.ParseStatus read them back. The
// model answer is plain text (see the Model answer column below).
// Strengths and Gaps are counts. Confidence and Last practised are empty
// for the learner to fill in; every Done cell starts as "☐". A sample's
// Kubernetes kinds are joined with ", "; its code loses trailing newlines.
//
// In the workbook every sheet has a bold, filled header row that stays
// frozen while scrolling, an autofilter over the whole table, wrapped
// text in fixed column widths, and code and diagrams in a monospace font.
// Every row is given a height that fits its wrapped text (estimated from
// the text and the column widths, erring tall), because LibreOffice does
// not size the rows of an imported workbook and would print wrapped text
// over the rows below; a row is at most 409 points (Excel's limit, about
// 27 lines), so a longer cell, such as a long model answer, shows its
// first lines and keeps its whole text. Each sheet prints landscape,
// all columns on one page width, with the header row on every page.
// Level, Confidence (low, medium, high), Done (☐, ☑) and Status have
// drop-down lists. Each Question ID on Gaps, Samples and Diagrams links
// to its question's row on Questions (up to Options.MaxLinks rows per
// sheet). The title, subject, author and dates of the document
// properties are set, and the same bank and Options give the same bytes.
//
// The Model answer column renders the answer's blocks one after another,
// separated by a blank line: headings, paragraphs and quotes as their
// text, list items one per line after "• " or "1. ", table rows one per
// line with cells joined by " | ", code as is, and each code sample as
// "[Sample deployment.yaml — see the Samples sheet]" (named by
// bank.Sample.Caption), samples the answer never placed at its end
// (bank.Question.ModelAnswer).
//
// # Formula injection
//
// Text from the sources is data and is never evaluated. A cell whose text
// starts with '=', '+', '-', '@', a tab or a carriage return could be
// taken for a formula, so such text is treated specially, by one rule for
// both formats:
//
//   - In the workbook every text cell is a string cell (an inline string);
//     only <f> elements are formulas in XLSX, and none is written, so
//     nothing is evaluated on opening. Formula-like text of up to 255
//     characters also gets the Text ("@") number format, so that if the
//     learner edits the cell and presses Enter, Excel and LibreOffice
//     keep it as text. (excelize offers no way to set the quotePrefix
//     style attribute, which would do the same.) Longer text and other
//     cells keep the General format, because some versions of Excel
//     show a Text-format cell of more than 255 characters as "####".
//   - In CSV, which has no types, formula-like text is written with a
//     leading single quote: "=HYPERLINK(…)" becomes "'=HYPERLINK(…)", the
//     defence OWASP recommends. The cost is that the quote is part of the
//     value: Excel shows it, and a program reading the CSV must strip it.
//     Numbers this package writes itself (question and plan numbers,
//     counts) are never prefixed.
//
// # Text limits
//
// A cell holds at most MaxCell (32,767) UTF-16 code units. Longer text is
// cut to fit and ends with a visible marker, "… [cut by bankgen: N more
// characters]", instead of being rejected or cut silently; CSV files are
// cut the same way so that they open in Excel too. Text goes through
// bank.Clean (valid UTF-8, LF line ends, no control characters but tab
// and newline), and the noncharacters U+FFFE and U+FFFF, which XML cannot
// carry, become U+FFFD, in both formats.
//
// # CSV
//
// Each CSV file is UTF-8, starts with a byte order mark (Excel needs it to
// read UTF-8; Options.NoBOM drops it), quotes fields as RFC 4180 says
// (encoding/csv) and ends records with CRLF. Line breaks inside a field
// are written as CRLF, which CSV readers turn back into LF.
//
// # Size
//
// Rows are streamed through excelize's StreamWriter, so a sheet of
// 100,000 rows is not held as cells in memory: excelize moves a sheet's
// XML to a temporary file each time 16 MiB of it are buffered. It keeps
// each sheet's buffer, though, until the workbook is written, so a
// workbook needs about 20 MiB per large sheet besides the bank. The
// compressed workbook is built in memory, then copied to the writer with
// its entries in canonical order.
package sheet
