package fix

import "math"

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
	'„': 40, '‚': 20, '«': 30, '»': 30, '‹': 10, '›': 10, '⁄': 2,
	'ℝ': 10, 'ℕ': 10, 'ℤ': 10, 'ℚ': 5, 'ℂ': 5, 'ℓ': 3, '∞': 20, '∑': 10, '√': 10,
	'\uFE0F': 200, '\uFE0E': 20, '\u200D': 50, // variation selectors (emoji, text) and joiner (see emojiFactor)

	'😂': 100, '👍': 80, '🙏': 50, '😊': 60, '😍': 50, '😭': 40, '🔥': 80,
	'🚀': 80, '🎉': 60, '💡': 60, '📝': 40, '📌': 30, '👉': 40, '👀': 30,
	'🎯': 40, '🔧': 40, '🛠': 30, '🐍': 20, '🐳': 10, '🐛': 20, '🔒': 30,
	'🔑': 20, '📊': 30, '📈': 30, '📉': 10, '🧪': 20, '📦': 30, '🔍': 30,
	'💰': 20, '🏦': 10, '⏱': 10, '🕐': 5, '🤔': 30, '😅': 30, '🙂': 30,
	'🐯': 5, '🐝': 5, '🍍': 3, '🍯': 3, '🏁': 10, '🏯': 1, '🐹': 5, '🍹': 3,
	'🏹': 2, '🌍': 12, '🌎': 6, '🌏': 6, '🌐': 10, '🤝': 30, '👏': 30, '💪': 30, '🙌': 20,
}

// keywords links emoji to words that, near the damaged character, make it
// the likely original (a snake beside "Python"). Words are lower case;
// matching is by prefix of a word in the text, so "deploy" matches
// "deployment".
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
	'🐹': {"gopher", "golang", "hamster"},
	'❗': {"urgent", "important", "alert", "attention", "critical", "warning", "spike", "spiking"},
}

// letterFreq ranks the accented Latin, Greek and Cyrillic letters a dropped
// byte can hide (Windows-1252 drops the second byte of Ł Á Í Ï Ð Ý č ď ő ρ
// ύ с э я Н А …). Figures are rough per-mille frequencies in running text of
// the languages that use the letter, after the per-language tables of the
// Wikipedia article "Letter frequency" and the Russian National Corpus
// frequency list, and for Hindi rough figures of our own from running
// text; capitals are taken as a tenth of the small letter.
var letterFreq = map[rune]float64{
	// Latin.
	'é': 20, 'è': 3, 'ê': 2, 'ë': 1, 'à': 4, 'â': 1, 'á': 5, 'ã': 4, 'ä': 5,
	'å': 5, 'æ': 1, 'ç': 1, 'í': 5, 'ì': 1, 'î': 1, 'ï': 0.5, 'ñ': 3, 'ó': 6,
	'ò': 1, 'ô': 1, 'õ': 1, 'ö': 4, 'ø': 2, 'ú': 2, 'ù': 0.5, 'û': 0.5,
	'ü': 6, 'ý': 1, 'ß': 2, 'ð': 4, 'þ': 2, 'ı': 50, 'ş': 15, 'ğ': 10,
	'ł': 18, 'ś': 7, 'ą': 10, 'ę': 11, 'ć': 4, 'ń': 2, 'ź': 1, 'ż': 8,
	'č': 5, 'š': 7, 'ž': 7, 'ř': 4, 'ě': 10, 'ů': 2, 'ť': 1, 'ď': 1,
	'ň': 1, 'ő': 9, 'ű': 1, 'ā': 1, 'ē': 1, 'ī': 1, 'ō': 0.2, 'ū': 0.5,
	'ŏ': 0.05, 'ĝ': 0.2, 'ŝ': 0.3, 'đ': 2, 'ţ': 1, 'ț': 4, 'ș': 5, 'ă': 6,
	'É': 2, 'À': 0.4, 'Á': 0.5, 'Í': 0.5, 'Ó': 0.6, 'Ú': 0.2, 'Ö': 0.4,
	'Ü': 0.6, 'Ä': 0.5, 'Ç': 0.2, 'Ñ': 0.3, 'Ł': 1.8, 'Ś': 0.7, 'Ż': 0.8,
	'Č': 0.5, 'Š': 0.7, 'Ž': 0.7, 'Ř': 0.4, 'Ő': 0.9, 'Ş': 1.5, 'İ': 5,
	'Ğ': 0.2, 'Ð': 0.4, 'Ý': 0.1, 'Ï': 0.05, 'Đ': 0.2,
	// Greek.
	'α': 120, 'ο': 100, 'ι': 90, 'ε': 80, 'τ': 80, 'σ': 50, 'ς': 25, 'ν': 70,
	'ρ': 50, 'κ': 40, 'π': 40, 'μ': 35, 'λ': 30, 'υ': 30, 'η': 30, 'ω': 15,
	'ό': 20, 'ί': 20, 'ά': 20, 'έ': 15, 'ή': 12, 'ύ': 10, 'ώ': 8, 'γ': 20,
	'δ': 15, 'θ': 10, 'χ': 10, 'φ': 8, 'β': 5, 'ξ': 4, 'ψ': 2, 'ζ': 2,
	'Α': 12, 'Ο': 10, 'Ι': 9, 'Ε': 8, 'Τ': 8, 'Σ': 5, 'Ν': 7, 'Ρ': 5, 'Κ': 4,
	'Π': 4, 'Μ': 3.5, 'Λ': 3, 'Υ': 3, 'Η': 3, 'Ω': 1.5, 'Γ': 2, 'Δ': 1.5,
	'Θ': 1, 'Χ': 1, 'Φ': 0.8, 'Β': 0.5, 'Ξ': 0.4, 'Ψ': 0.2, 'Ζ': 0.2,
	'Ό': 0.2, 'Ί': 0.2, 'Ά': 0.2, 'Έ': 0.2, 'Ή': 0.1, 'Ύ': 0.1, 'Ώ': 0.1,
	'ϊ': 0.5, 'ϋ': 0.3, 'ΐ': 0.1, 'ΰ': 0.1,
	// Cyrillic (Russian).
	'о': 110, 'е': 85, 'а': 80, 'и': 74, 'н': 67, 'т': 63, 'с': 55, 'р': 47,
	'в': 45, 'л': 44, 'к': 35, 'м': 32, 'д': 30, 'п': 28, 'у': 26, 'я': 20,
	'ы': 19, 'ь': 17, 'г': 17, 'з': 16, 'б': 16, 'ч': 14, 'й': 12, 'х': 10,
	'ж': 9, 'ш': 7, 'ю': 6, 'ц': 5, 'щ': 4, 'э': 3, 'ф': 3, 'ъ': 0.4, 'ё': 1,
	'О': 11, 'Е': 8.5, 'А': 8, 'И': 7.4, 'Н': 6.7, 'Т': 6.3, 'С': 5.5, 'Р': 4.7,
	'В': 4.5, 'Л': 4.4, 'К': 3.5, 'М': 3.2, 'Д': 3, 'П': 2.8, 'У': 2.6, 'Я': 2,
	'Г': 1.7, 'З': 1.6, 'Б': 1.6, 'Ч': 1.4, 'Х': 1, 'Ж': 0.9, 'Ш': 0.7,
	'Ю': 0.6, 'Ц': 0.5, 'Щ': 0.4, 'Э': 0.3, 'Ф': 0.3, 'Ё': 0.1,
	'ѐ': 0.01, 'ѝ': 0.01, 'Ѐ': 0.01, 'Ѝ': 0.01,
	// Devanagari (Hindi), the letters and signs whose bytes a code page
	// drops alike (E0 A4 81 ँ, 8D ऍ, 8F ए, 90 ऐ, 9D झ; E0 A5 81 ु, 8D ्,
	// 8F ॏ, 90 ॐ, 9D U+095D ढ़): the virama of every conjunct is among the commonest.
	'्': 30, 'ु': 10, 'ए': 5, 'ँ': 2, 'ऐ': 1, 'झ': 1, 'ॐ': 0.05, 'ऍ': 0.05,
	'ॏ': 0.01, '\u095D': 0.05,
}

// prior returns the prior weight of r: the tables above, else a weight
// from how rare r's block is (see rarity).
func prior(r rune) float64 {
	if w, ok := priorTable[r]; ok {
		return w
	}
	if w, ok := letterFreq[r]; ok {
		return w
	}
	return 10 * math.Exp(-rarity(r))
}
