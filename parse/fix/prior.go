package fix

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/runenames"
	"golang.org/x/text/width"
)

// The prior: how likely a character is to appear in the kind of text bankgen
// reads (Markdown notes, transcripts, diagrams), before looking at context.
// It only ranks the candidates for a dropped byte against each other, so only
// ratios matter.
//
// Where the figures come from. They are hand-set tiers, not measured
// probabilities:
//   - Emoji: the order of Unicode's published emoji frequency ranking
//     (unicode.org/emoji/emoji-frequency, data from 2019–2021), where 😂 ❤ 👍
//     🙏 🔥 ✨ rank near the top and animals, food and buildings (🐯 🍯 🏯)
//     far below; technical-writing emoji (✅ ❌ ⚠ 🎯 🔧 🚀 🐍 💡) were raised
//     by our judgment of README and note-taking usage.
//   - Box drawing, arrows and marks: a count over the ~760 Markdown files on
//     the development machine (npm, Node.js, Go module and JDK docs, Nov 2026)
//     in which ─ │ ║ └ ├ ┌ ┘ → ✅ ⚠ ❌ were the most frequent non-ASCII
//     symbols after the dashes and curly quotes; the double-line set (═ ║ ╔ ╗
//     ╚ ╝) is the usual choice for ASCII-art banners. Rounded to tiers.
//   - Anything not listed gets a default by class in classPrior.
var priorTable = map[rune]float64{
	// Typography.
	'—': 300, '–': 200, '“': 300, '”': 300, '‘': 200, '’': 300, '…': 150,
	'•': 150, '·': 60, '€': 80, '™': 40, '©': 40, '®': 40, '°': 60, '×': 60,
	'±': 30, '≤': 40, '≥': 40, '≠': 30, '≈': 30, '−': 30, '\u00a0': 40,

	// Arrows and geometric shapes.
	'→': 150, '←': 60, '↑': 50, '↓': 50, '↔': 30, '⇒': 30, '⇐': 10, '➡': 20,
	'▼': 40, '▲': 40, '►': 40, '◄': 30, '▶': 30, '◀': 20, '●': 60, '○': 30,
	'■': 30, '□': 30, '◆': 20, '★': 30, '☆': 20, '█': 30, '░': 20, '▒': 10,
	'▓': 10,

	// Box drawing: light, heavy, double, rounded.
	'─': 300, '│': 300, '┌': 150, '┐': 150, '└': 150, '┘': 150, '├': 80,
	'┤': 80, '┬': 80, '┴': 80, '┼': 60, '━': 20, '┃': 20, '┏': 10, '┓': 10,
	'┗': 10, '┛': 10, '═': 200, '║': 200, '╔': 100, '╗': 100, '╚': 100,
	'╝': 100, '╠': 30, '╣': 30, '╦': 30, '╩': 30, '╬': 20, '╭': 20, '╮': 20,
	'╯': 20, '╰': 20,

	// Marks.
	'✅': 200, '❌': 150, '✔': 80, '✓': 80, '✗': 30, '✘': 20, '⚠': 100,
	'❗': 40, '❓': 30, '❕': 5, '❔': 5, '⭐': 60, '⬜': 20, '⬛': 20, '✨': 60,
	'⚡': 30, '❤': 100, '☑': 20, '☐': 20, '✏': 10,

	// Emoji.
	'😂': 100, '👍': 80, '🙏': 50, '😊': 60, '😍': 50, '😭': 40, '🔥': 80,
	'🚀': 80, '🎉': 60, '💡': 60, '📝': 40, '📌': 30, '👉': 40, '👀': 30,
	'🎯': 40, '🔧': 40, '🛠': 30, '🐍': 20, '🐳': 10, '🐛': 20, '🔒': 30,
	'🔑': 20, '📊': 30, '📈': 30, '📉': 10, '🧪': 20, '📦': 30, '🔍': 30,
	'💰': 20, '🏦': 10, '⏱': 10, '🕐': 5, '🤔': 30, '😅': 30, '🙂': 30,
	'🐯': 5, '🐝': 5, '🍍': 3, '🍯': 3, '🏁': 10, '🏯': 1,
}

// keywords links emoji to words that, near the damaged character, make it
// the likely original (a snake beside "Python"). Words are lower case;
// matching is by prefix of a word in the text, so "deploy" matches
// "deployment". Unicode names (runenames) are used as a weaker fallback.
var keywords = map[rune][]string{
	'🐍': {"python", "snake", "pip", "django", "flask"},
	'🎯': {"target", "goal", "aim", "focus", "next", "objective", "bullseye", "priority"},
	'🔧': {"fix", "tool", "tighten", "config", "wrench", "tune", "setup", "improve"},
	'🚀': {"launch", "deploy", "release", "ship", "rocket", "fast"},
	'🐳': {"docker", "whale", "container"},
	'🐛': {"bug", "debug"},
	'🔒': {"security", "secure", "lock", "encrypt"},
	'📊': {"chart", "metric", "stats", "dashboard"},
	'🧪': {"test", "experiment", "lab"},
	'🐯': {"tiger"},
	'🍯': {"honey"},
	'🏯': {"castle", "japan"},
	'🐝': {"bee", "honey"},
	'🍍': {"pineapple", "fruit"},
	'💡': {"idea", "tip", "insight", "hint"},
	'🔥': {"hot", "fire"},
}

// prior returns the prior weight of r.
func prior(r rune) float64 {
	if w, ok := priorTable[r]; ok {
		return w
	}
	return classPrior(r)
}

// classPrior is the default for characters not in priorTable: letters of the
// scripts mojibake usually hides and the common symbol blocks above
// everything else.
func classPrior(r rune) float64 {
	switch {
	case r >= 0x2500 && r <= 0x257F: // box drawing
		return 5
	case r >= 0x2580 && r <= 0x259F, r >= 0x2190 && r <= 0x21FF: // blocks, arrows
		return 5
	case r >= 0xC0 && r <= 0x17F && unicode.IsLetter(r): // Latin-1, Latin Extended-A
		return 20
	case r >= 0x370 && r <= 0x4FF && unicode.IsLetter(r): // Greek, Cyrillic
		return 10
	case r >= 0x2000 && r <= 0x206F: // general punctuation
		return 3
	case r >= 0x1F300 && r <= 0x1FAFF: // emoji
		return 2
	case unicode.IsLetter(r):
		return 2
	}
	return 1
}

// plausible reports whether r may be the result of undoing mojibake: an
// assigned, visible character or one of the few invisible ones real text
// uses. It rejects controls, private use, unassigned code points and
// noncharacters.
func plausible(r rune) bool {
	if unicode.IsGraphic(r) {
		return !(r >= 0xFDD0 && r <= 0xFDEF) && r&0xFFFE != 0xFFFE
	}
	switch r {
	case '\u00AD', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060':
		return true
	}
	return false
}

// isEmoji approximates "shown as an emoji": wide symbols.
func isEmoji(r rune) bool {
	return runeWidth(r) == 2 && unicode.Is(unicode.So, r)
}

// runeWidth is the display width of r in a terminal or monospace editor:
// 2 for East Asian wide and fullwidth characters (which includes most emoji),
// 0 for combining marks and zero-width format characters, else 1 (ambiguous
// width counts as 1, as in Western locales).
func runeWidth(r rune) int {
	if r < 0x300 {
		return 1
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// nameWords returns the words of r's Unicode name, lower case, longer than 3
// letters ("SNAKE" → ["snake"], "DIRECT HIT" → ["direct"]).
func nameWords(r rune) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(runenames.Name(r))) {
		if len(w) > 3 && w != "with" && w != "sign" && w != "symbol" {
			out = append(out, w)
		}
	}
	return out
}
