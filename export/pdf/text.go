package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// fallback maps characters the DejaVu fonts lack, mostly emoji, to a
// glyph they have. Every replacement is a single rune present in all four
// embedded faces (sans regular, bold, oblique and mono); TestFallback
// checks that. Emoji are double-width in terminals, and diagram authors
// align their boxes assuming so: in monospace text, sanitize pads each
// replacement with spaces up to the original's terminal width, so ✅
// becomes "✔ " and the box's right border stays in its column.
//
// A character not in this table and not in the font is first decomposed
// (NFKD: "⑪" → "11", "Ａ" → "A", accents dropped if need be), unless
// that would widen monospace text; failing that it becomes placeholder
// (◆). Flags (pairs of regional indicators)
// become ⚑, and emoji ZWJ sequences count as one character.
var fallback = map[rune]string{
	'✅':      "✔", // check mark button
	'❌':      "✘", // cross mark
	'❎':      "✘",
	'❗':      "!", // exclamation marks
	'❕':      "!",
	'❓':      "?", // question marks (the real character, not a decoding error)
	'❔':      "?",
	'⬜':      "☐", // white large square: an open to-do
	'⬛':      "■",
	'🔲':      "☐",
	'🔳':      "☐",
	'🎯':      "◎", // direct hit
	'🔧':      "⚙", // wrench
	'🔨':      "⚒",
	'🛠':      "⚒",
	'💡':      "☀", // idea
	'🔥':      "✹", // fire
	'⭐':      "★",
	'🌟':      "★",
	'✨':      "✧",
	'🚀':      "➚", // rocket
	'📈':      "➚",
	'📉':      "➘",
	'📌':      "✦", // pin
	'📍':      "✦",
	'📝':      "✎", // memo
	'👉':      "☞", // pointing hands
	'👈':      "☜",
	'👆':      "☝",
	'👇':      "☟",
	'👍':      "✔",
	'👎':      "✘",
	'🟢':      "●", // coloured circles
	'🟡':      "●",
	'🟠':      "●",
	'🔴':      "●",
	'🔵':      "●",
	'🟣':      "●",
	'⚪':      "○",
	'⚫':      "●",
	'🟩':      "■", // coloured squares
	'🟨':      "■",
	'🟥':      "■",
	'🟦':      "■",
	'⛔':      "⊘", // prohibited
	'🚫':      "⊘",
	'⏱':      "◷", // clocks
	'⏰':      "◷",
	'⌛':      "◷",
	'⏳':      "◷",
	'⌚':      "◷",
	'🕐':      "◷",
	'💬':      "✉",
	'📧':      "✉",
	'📦':      "▣", // package
	'🗂':      "▤",
	'📁':      "▤",
	'📂':      "▤",
	'📄':      "▤",
	'📊':      "▥",
	'📋':      "▤",
	'🏆':      "★",
	'🎉':      "✧",
	'🔁':      "↻",
	'🔄':      "↻",
	'🔃':      "↻",
	'➕':      "+",
	'➖':      "−",
	'➗':      "÷",
	'🆗':      "✔",
	'🆕':      "✦",
	'🧠':      "✱",
	'👀':      "◉",
	'🔍':      "◉",
	'🔎':      "◉",
	'🐍':      "◆",
	'\uFFFD': "◆", // decoding damage shows as a placeholder, never as "?"
}

// placeholder stands for a character that neither the fonts nor the
// fallback table can show. It is no tofu box and no question mark.
const placeholder = "◆"

// tabStop is the column multiple a tab advances to in monospace text, as
// in CommonMark.
const tabStop = 4

// sanitize returns s with every character replaced by ones that the faces
// of cov can draw: fallback applied, control and formatting characters
// dropped, tabs expanded. Newlines are kept only when keepNL is true;
// otherwise they become spaces. In monospace text (mono true) each
// character occupies as many columns as it would in a terminal, so
// diagrams keep their alignment. s is expected to be clean (bank.Clean:
// composed, with no C0 controls but tab and newline), as a bank's text
// is; a combining mark left over is dropped.
//
// The result never contains a rune above U+FFFF nor one missing from cov:
// fpdf cannot draw the former and would draw a tofu box for the latter.
func sanitize(s string, cov *coverage, mono, keepNL bool) string {
	if isPlain(s, cov, keepNL) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	col := 0 // column in the current line, for tabs in mono
	put := func(out string, cells int) {
		b.WriteString(out)
		n := utf8.RuneCountInString(out)
		col += n
		if mono {
			for ; n < cells; n++ {
				b.WriteByte(' ')
				col++
			}
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\n':
			if keepNL {
				b.WriteByte('\n')
				col = 0
			} else {
				put(" ", 1)
			}
			continue
		case r == '\t':
			if mono {
				put(" ", tabStop-col%tabStop)
			} else {
				put(" ", 1)
			}
			continue
		case r == '\u200D': // zero-width joiner: the next rune is part of this emoji
			if i+1 < len(rs) {
				i++
			}
			continue
		case isRegional(r):
			if i+1 < len(rs) && isRegional(rs[i+1]) {
				i++
			}
			put("⚑", 2)
			continue
		case ignorable(r):
			continue
		}
		cells := cellWidth(r)
		if rep, ok := fallback[r]; ok {
			put(rep, cells)
			continue
		}
		if cov.has(r) {
			put(string(r), cells)
			continue
		}
		rep := decompose(r, cov)
		if mono && utf8.RuneCountInString(rep) > cells {
			rep = placeholder // "⑪" → "11" would push the columns after it
		}
		put(rep, cells)
	}
	return b.String()
}

// isPlain reports whether s needs no change at all, the common case,
// checked without allocating: it halves the time layout takes.
func isPlain(s string, cov *coverage, keepNL bool) bool {
	for _, r := range s {
		if r == '\n' && keepNL || r >= ' ' && r < 0x7F {
			continue
		}
		if !cov.isPlain(r) {
			return false
		}
	}
	return true
}

// decompose returns the covered characters of r's compatibility
// decomposition, or the placeholder.
func decompose(r rune, cov *coverage) string {
	d := norm.NFKD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		switch {
		case cov.has(c) && fallback[c] == "":
			b.WriteRune(c)
		case unicode.Is(unicode.Mn, c):
			// a combining accent the font cannot place: drop it
		default:
			return placeholder
		}
	}
	if b.Len() == 0 {
		return placeholder
	}
	return b.String()
}

// ignorable reports whether r draws nothing and can be dropped:
// control and format characters, variation selectors, emoji modifiers and
// tags, combining marks left over after NFC.
func ignorable(r rune) bool {
	switch {
	case r < ' ' || r == 0x7F || r >= 0x80 && r < 0xA0:
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF: // skin tones
		return true
	case r == 0x20E3: // combining enclosing keycap: "1️⃣" reads as "1"
		return true
	case r == '\u00AD':
		return true
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// cellWidth is the number of terminal columns r takes: 2 for East Asian
// wide and fullwidth characters (which include most emoji), else 1.
func cellWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
