// Package fix repairs text-encoding damage in the Markdown bankgen reads.
//
// # Mojibake
//
// The usual damage: UTF-8 text was decoded with a Windows code page and the
// result saved again as UTF-8. Each byte of a multi-byte character became a
// character of its own: "—" (E2 80 94) reads "â€”" through Windows-1252,
// "✅" reads "âœ…". Repairing means mapping each such character back to the
// byte the code page decodes to it and reading the bytes as UTF-8 again.
// Bytes does this per run of non-ASCII characters, trying Windows-1252,
// Windows-1254, Windows-1250, Windows-1251, ISO 8859-1 and Mac Roman (tables
// from golang.org/x/text/encoding/charmap), so that one document may mix code
// pages line by line. Text damaged twice is repaired in up to four rounds.
//
// # Dropped bytes
//
// Worse, the bytes a code page leaves undefined (in Windows-1252: 81 8D 8F
// 90 9D) were dropped, so plain reversal fails: "═" (E2 95 90) and "╝"
// (E2 95 9D) both come out as "â•", "❌" (E2 9D 8C) as "âŒ". For such a
// truncated sequence the candidates are every character obtained by putting
// one or two of the code page's undefined bytes back at any position; the
// choice among them multiplies a prior (prior.go: a small, documented table
// of how common symbols and emoji are) by context: the character appearing
// intact elsewhere in the document, box-drawing continuity in diagrams (a
// "═══" run ends in a corner, a wall continues the wall above it), the column
// of a diagram's closing border on the lines around, and for emoji the words
// nearby (a snake beside "Python").
//
// # Never harming good text
//
// Clean UTF-8 is returned byte-identical: a fast scan looks for the one mark
// every mojibake run carries, a character that a code page maps to a UTF-8
// lead byte followed by one mapped to a continuation byte; without one the
// input is returned as is. Where there is one, a repair needs evidence: three
// or four characters that decode together ("â€”") almost never occur in real
// text, but two sometimes do ("É”" in “CAFÉ”), and these are repaired only
// with other damage on the same line, the lines next to it, or in the
// document through the same code page. Each Repair carries a Confidence in
// [0,1]; weak cases left alone in a damaged document are reported as Suspect.
// Repairing twice gives the same as repairing once.
//
// # Speed
//
// Clean UTF-8 costs one pass that checks it and looks for the mark together,
// skipping ASCII 32 bytes at a time, and the count of its line endings: a
// few times slower than copying it. In a damaged document each run of
// non-ASCII is cut into groups once per round (a repeated run, such as a
// diagram border, is copied from its first cut); groups are compact and
// pointer-free and are decided in few passes; a rebuilt character's choice
// is memoized by its candidates and neighbours; line views are kept from
// one pass to the next; the report's strings are cut from one buffer. A
// pooled repairer keeps its buffers from call to call, so Bytes allocates
// little beyond its result. All of this leaves the result and the report
// exactly as the plain algorithm gives them.
//
// # Policies
//
//   - A UTF-8 BOM is stripped (Report.Encoding is "utf-8+bom"); so are
//     extra BOMs and the mojibake of a BOM ("ï»¿") at the start.
//   - UTF-16 with a BOM is decoded to UTF-8; unpaired surrogates are dropped
//     and reported.
//   - Input with no valid multi-byte UTF-8 sequence at all but with bytes
//     ≥ 0x80 is plain Windows-1252 and is decoded (its five undefined bytes
//     become the C1 controls of the same value, as in browsers, and are
//     reported).
//   - Invalid bytes in otherwise-UTF-8 input are kept as they are and
//     reported; U+FFFD is never produced (a U+FFFD in the input stays).
//   - Line endings are preserved (CRLF, LF or mixed; counted in the report)
//     unless NormalizeNewlines is given, which turns CRLF into LF.
//   - Positions in the report are 1-based lines and byte columns of the input
//     as decoded to UTF-8 (after the BOM and any UTF-16 or Windows-1252
//     decoding), which for ordinary UTF-8 files are the file's own.
//
// Bytes is the pure step and Copy its stream form (it reads the whole
// input: context spans lines). Writing files is left to the caller, as
// "bankgen fix -w" does with an atomic replace.
package fix
