// Package fix repairs text-encoding damage in the Markdown bankgen reads,
// and never harms clean text.
//
// # The steps
//
// Bytes works in steps, each a small rule with one job (see the rule type
// in fix.go); every step records its edits, so that each place in the
// report points at the input as the user sees it (Report.Position maps any
// offset of the output back):
//
//  1. The envelope (envelope.go): how the bytes encode characters. UTF-8
//     with or without a BOM (the file's own BOM is not text: editors do
//     not show it); UTF-16 in either byte order, with a BOM or
//     recognised by the NUL (or other control) byte in every other
//     position; or, for input with no multi-byte UTF-8 at all, a legacy
//     code page (Windows-1252 unless another reads clearly better). UTF-16
//     is never read as a code page. Invalid bytes in otherwise-UTF-8
//     input are kept and reported as Undecodable.
//  2. UTF-16 read as a code page (utf16text.go): a NUL after every letter
//     and "ÿþ" in front are UTF-16 that went through Windows-1252 and was
//     saved as UTF-8; the characters are taken back to bytes and decoded.
//  3. BOMs (bom.go): a second BOM is Removed; a BOM damaged along with
//     the text ("ï»¿") is Mojibake.
//  4. Mojibake (mojibake.go), in rounds until the text settles, so that
//     text damaged twice is repaired in two rounds, each judged on its own.
//  5. Line endings, with NormalizeNewlines only; invalid bytes, with
//     ReplaceInvalid only.
//
// # Mojibake
//
// The usual damage: UTF-8 was read through a code page and saved again as
// UTF-8, so each byte of a multi-byte character became a character of its
// own: "—" (E2 80 94) reads "â€”" through Windows-1252. The code pages
// tried are Windows-1252 (and with it ISO 8859-1, whose C1 controls are
// taken back to their bytes), Windows-1254, -1250, -1251, -1253 and Mac
// Roman, from golang.org/x/text/encoding/charmap.
//
// Each run of non-ASCII characters is read through every code page
// (reading.go), and the reading is judged by plausibility (plausible.go):
// a cost from Unicode properties alone, the rarity of each character's
// block and the cost of each pair (a capital after a small letter, a
// symbol inside a word, two scripts in one word, a C1 control, U+FE0F
// after a character that has no emoji presentation). A repair must make
// its run clearly more plausible, and the decision is the document's
// (mojibake.go): damage comes in whole files or paragraphs, so the runs
// that are damage on their own evidence and the clean non-ASCII text are
// counted per region (paragraph or fenced block) and for the document, and
// a run is repaired when its own evidence plus theirs, less its code
// page's prior, says so. A code page's prior counts twice for a run that
// nothing else in the document's prose reads as damage through it, and a
// reading that must rebuild lost bytes pays for it: one word alone
// ("paměť", Ewe "ƒãa") is never repaired on its own faint evidence. So
// "«ñ»" in Spanish notes stays (its Mac Roman reading "ǖ»" is no more
// plausible, and Mac Roman needs much stronger evidence than
// Windows-1252), and "Ã©" in a paragraph of such damage is repaired.
//
// Damage quoted on purpose is left alone (quoted.go): a note about an
// encoding bug that says greeted customers as "JosÃ©" instead of "José"
// holds the clean form of the damage in the same paragraph, which damage,
// changing every non-ASCII character of the paragraphs it touches, never
// does. A document with such proof talks about damage, and what else of
// its damage stands quoted (a customer's garbled letter in a block quote,
// examples in quotation marks) is quoted too, unless it repairs to damage
// again in a document whose prose holds damage in the open: there it is a
// quote of damage in a paragraph damaged along with others. Such places are reported as Suspect, with the
// repair as their candidate, and the rest of the document is judged as
// one that speaks about damage. Code is quoted material: inline
// code and fenced blocks lend no evidence and are repaired only when the
// prose of the document is damaged through the same code page (a fenced
// block may speak for itself only in a document whose prose has no
// non-ASCII text; in a document damaged in some paragraphs only, inline
// code follows the prose of its own paragraph).
//
// # Lost bytes
//
// Worse, the bytes a code page leaves undefined (in Windows-1252: 81 8D 8F
// 90 9D) were dropped: "═" (E2 95 90) and "╝" (E2 95 9D) both came out as
// "â•". The candidates are every character that putting such bytes back
// gives. A run's candidates are first chosen together (the best path of
// prior and transitions through the run, so that a skin tone goes with a
// hand that takes one and a joiner with the emoji around it), then each
// again with the lines around it (rebuild.go), weighing what Unicode says
// of the candidate beside its neighbours (emoji sequences, the script and
// case of the word), how common it is (prior.go; CJK by the national
// standards' first levels, cjk.go), characters found intact in the
// document, a word the document holds elsewhere as clean text, box-drawing
// continuity in diagrams (boxdraw.go), the column of a diagram's right
// border, and words near an emoji. The emoji properties come from
// Unicode's emoji data (emojidata.go, generated by internal/gen). What
// no data can settle (я or с, both of which Windows-1252 reads as "Ñ") is
// a best guess listed with its candidates.
//
// # The report
//
// Every repair has a Confidence. A place that looks damaged but was not
// repaired (too little evidence, or a repair below MinConfidence) is a
// Suspect, with what it may be as Candidates; so is a rebuilt character
// with more than one plausible candidate, and a repair made with a
// confidence below SuspectBelow (see Repair.IsSuspect). The summary line
// counts them. Report.Repaired tells a repair from merely reading the file
// (a BOM, UTF-16, CRLF line endings).
//
// # Policies
//
//   - Clean UTF-8 comes back byte for byte, and so does the result of a
//     repair: repairing twice gives what repairing once gives.
//   - U+FFFD is never produced but where it was in the original text.
//   - Line endings are kept unless NormalizeNewlines is given.
//   - Positions are 1-based lines and byte columns of the input as decoded
//     to UTF-8, after the file's BOM, which for UTF-8 files are the file's
//     own as an editor shows them.
//
// Bytes is the pure step and Copy its stream form (it reads the whole
// input: the evidence spans the document). Writing files is left to the
// caller, as "bankgen fix -w" does with an atomic replace.
package fix
