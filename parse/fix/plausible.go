package fix

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// How plausible a stretch of text is, from Unicode properties alone: no
// word lists, no language model. Text costs the sum of each character's
// rarity and of each pair's transition cost; the lower, the more it reads
// like real text. A mojibake repair must lower the cost of its stretch:
// "cafÃ©" costs a capital after a small letter, a symbol inside a word and
// two rare characters, "café" one common letter.

// blockRarity gives the rarity of characters by block: about the negative
// natural log of how often a non-ASCII character of the block turns up in
// notes and documentation, in tiers. Characters not listed are rare (6).
// Letters of scripts bankgen's users write in (Latin, Greek, Cyrillic,
// Hebrew, Arabic, Indic, Thai, CJK) are common; the blocks that mojibake
// of them lands in when read the wrong way (IPA, spacing modifiers, Latin
// Extended-B, Syriac, NKo, rare CJK) are not.
var blockRarity = []struct {
	lo, hi rune
	cost   float64
}{
	{0x0080, 0x009F, 9},   // C1 controls: never in text
	{0x00A0, 0x00BF, 1.5}, // Latin-1 punctuation and symbols (see symbolRarity)
	{0x00C0, 0x00DE, 1},   // Latin-1 capitals
	{0x00DF, 0x00FF, 0.5}, // Latin-1 small letters
	{0x0100, 0x017F, 1},   // Latin Extended-A
	{0x0180, 0x0217, 3},   // Latin Extended-B
	{0x0218, 0x021B, 1},   // Ș ș Ț ț (Romanian)
	{0x021C, 0x024F, 3},   // Latin Extended-B
	{0x0250, 0x02AF, 4},   // IPA
	{0x02B0, 0x02FF, 3.5}, // spacing modifier letters
	{0x0300, 0x036F, 1.5}, // combining diacritics (see transition)
	{0x0370, 0x0385, 3},   // Greek signs
	{0x0386, 0x03CE, 0.7}, // Greek
	{0x03CF, 0x03FF, 3.5}, // Coptic in Greek, Greek symbols
	{0x0400, 0x040F, 1.5}, // Cyrillic Ѐ–Џ
	{0x0410, 0x044F, 0.7}, // Cyrillic А–я
	{0x0450, 0x045F, 1.5}, // Cyrillic ѐ–џ
	{0x0460, 0x048F, 4},   // historic Cyrillic
	{0x0490, 0x04FF, 2.5}, // Cyrillic for other languages
	{0x0500, 0x052F, 4},   // Cyrillic Supplement
	{0x0530, 0x058F, 2.5}, // Armenian
	{0x0590, 0x05CF, 2.5}, // Hebrew points
	{0x05D0, 0x05F4, 1},   // Hebrew letters
	{0x0600, 0x06FF, 1},   // Arabic
	{0x0700, 0x08FF, 4.5}, // Syriac, Arabic Supplement, Thaana, NKo, Samaritan, …
	{0x0900, 0x0DFF, 1.5}, // Indic scripts
	{0x0E00, 0x0E7F, 1.5}, // Thai
	{0x0E80, 0x0FFF, 3},   // Lao, Tibetan
	{0x1000, 0x109F, 2.5}, // Myanmar
	{0x10A0, 0x10FF, 2},   // Georgian
	{0x1100, 0x11FF, 4},   // Hangul Jamo
	{0x1200, 0x1DFF, 3.5}, // Ethiopic … phonetic extensions
	{0x1E00, 0x1EFF, 1.5}, // Latin Extended Additional (Vietnamese)
	{0x1F00, 0x1FFF, 2.5}, // Greek Extended
	{0x2000, 0x206F, 2.5}, // general punctuation (see symbolRarity)
	{0x2070, 0x209F, 1.5}, // super- and subscripts
	{0x20A0, 0x20CF, 2},   // currency
	{0x20D0, 0x20FF, 3},   // combining marks for symbols
	{0x2100, 0x214F, 2.5}, // letterlike symbols
	{0x2150, 0x218F, 2.5}, // number forms
	{0x2190, 0x21FF, 1.5}, // arrows
	{0x2200, 0x22FF, 2},   // mathematical operators
	{0x2300, 0x23FF, 3},   // miscellaneous technical (emoji among them: see rarity)
	{0x2400, 0x245F, 4.5}, // control pictures, OCR
	{0x2460, 0x24FF, 2.5}, // enclosed alphanumerics
	{0x2500, 0x257F, 1},   // box drawing
	{0x2580, 0x259F, 1.5}, // block elements
	{0x25A0, 0x25FF, 1.5}, // geometric shapes
	{0x2600, 0x2767, 1.5}, // miscellaneous symbols, dingbats
	{0x2768, 0x2775, 3},   // ornamental brackets
	{0x2776, 0x27BF, 1.5}, // dingbats
	{0x27C0, 0x2BFF, 2.5}, // mathematical symbols, arrows
	{0x2C00, 0x2DFF, 4.5}, // Glagolitic, Latin Extended-C, Coptic, …
	{0x2E00, 0x2E7F, 3},   // supplemental punctuation
	{0x2E80, 0x2FFF, 4},   // CJK radicals
	{0x3000, 0x303F, 1},   // CJK punctuation
	{0x3040, 0x30FF, 0.8}, // kana
	{0x3100, 0x33FF, 3.5}, // Bopomofo, compatibility jamo, enclosed and compatibility CJK
	{0x3400, 0x4DBF, 4.5}, // CJK Extension A
	{0x4DC0, 0x4DFF, 4.5}, // Yijing hexagrams
	{0x4E00, 0x9FFF, 3},   // CJK ideographs (the common ones: see rarity)
	{0xA000, 0xABFF, 4.5}, // Yi, Lisu, Vai, Cyrillic Extended-B, Bamum, …
	{0xAC00, 0xD7A3, 3},   // Hangul syllables (the common ones: see rarity)
	{0xF900, 0xFAFF, 4},   // CJK compatibility ideographs
	{0xFB00, 0xFB4F, 3.5}, // ligatures, Hebrew presentation forms
	{0xFB50, 0xFDFF, 3.5}, // Arabic presentation forms
	{0xFE00, 0xFE0F, 4},   // variation selectors (see transition)
	{0xFE10, 0xFE6F, 4},   // vertical, half-mark, small forms
	{0xFE70, 0xFEFE, 3.5}, // Arabic presentation forms
	{0xFEFF, 0xFEFF, 3},   // zero-width no-break space
	{0xFF00, 0xFFEF, 1.5}, // full- and halfwidth forms
	{0xFFFD, 0xFFFD, 3},   // replacement character
	{0x1D400, 0x1D7FF, 3}, // mathematical alphanumerics
	{0x1F000, 0x1F0FF, 3.5},
	{0x1F100, 0x1F2FF, 2.5}, // enclosed alphanumerics and ideographs, regional indicators
	{0x1F300, 0x1F6FF, 1.5}, // pictographs, emoticons, transport
	{0x1F700, 0x1F7FF, 4},   // alchemical, geometric extended
	{0x1F800, 0x1F8FF, 4},   // supplemental arrows
	{0x1F900, 0x1FAFF, 1.5}, // supplemental pictographs
	{0x20000, 0x3FFFF, 4.5}, // CJK Extensions B–H
	{0xE0020, 0xE007F, 2},   // tags (flag sequences)
}

// symbolRarity overrides blockRarity for punctuation and symbols that real
// text uses often (or, for a few, that only mojibake produces).
var symbolRarity = map[rune]float64{
	'\u00A0': 0.7, '«': 0.7, '»': 0.7, '°': 0.7, '©': 1, '®': 1, '±': 1, '·': 1,
	'§': 1, '¿': 1, '¡': 1, '£': 1, '¥': 1.2, '½': 1.2, '²': 1, '³': 1.2, 'µ': 1.5,
	'¬': 2.5, '¤': 3, '¦': 3, '¨': 3, '¯': 3, '´': 2.5, '¸': 3, '¹': 2, '¼': 2,
	'¾': 2, 'ª': 2, 'º': 1.5, '¶': 2, '\u00AD': 2.5, '×': 1, '÷': 1.5,
	'–': 0.3, '—': 0.3, '‘': 0.5, '’': 0.3, '“': 0.3, '”': 0.3, '„': 1, '‚': 1.5,
	'…': 0.5, '•': 0.7, '‹': 1.5, '›': 1.5, '†': 2, '‡': 2.5, '‰': 2, '′': 1.5,
	'″': 1.5, '\u202F': 1, '\u2009': 1.5, '\u200B': 1.5, '\u2011': 1.5, '‐': 1.5,
	'\u200D': 1, '\u200C': 1.5, '\u2060': 2, '€': 0.7, '™': 1, '№': 1, '→': 0.7,
	'←': 1, '↑': 1, '↓': 1, '↔': 1, '⇒': 1, '≤': 1, '≥': 1, '≠': 1, '≈': 1,
	'∞': 1.2, '−': 1, '✓': 1, '✔': 1, '✗': 1.5, '\uFE0F': 1, '\uFE0E': 1.5, 'ˆ': 3, '˜': 3,
	'ƒ': 3.5, 'Œ': 2, 'œ': 1.5, 'Š': 1.5, 'š': 1, 'Ž': 1.5, 'ž': 1, 'Ÿ': 3,
	'ÿ': 2.5,
}

// rarity is how unusual r is in text (0 for ASCII, 9 for what text never
// holds).
func rarity(r rune) float64 {
	if r < utf8.RuneSelf {
		if r < ' ' && r != '\t' && r != '\n' && r != '\r' || r == 0x7F {
			return 9
		}
		return 0
	}
	if c, ok := symbolRarity[r]; ok {
		return c
	}
	if c, cjk := cjkRarity(r); cjk {
		return c
	}
	if unicode.Is(extendedPictographic, r) {
		if !unicode.IsGraphic(r) && r > 0x1F000 {
			return 6 // reserved for future emoji
		}
		if unicode.Is(emojiPresentation, r) || unicode.Is(emojiVariationBase, r) {
			return 1.5
		}
		return 2.5
	}
	if !visible(r) {
		return 9
	}
	i := sort.Search(len(blockRarity), func(i int) bool { return blockRarity[i].hi >= r })
	if i < len(blockRarity) && blockRarity[i].lo <= r {
		return blockRarity[i].cost
	}
	return 6
}

// visible reports whether r may stand in text: an assigned, graphic or
// format character. Controls, private use, unassigned code points and
// noncharacters may not. Emoji newer than the standard library's
// tables count as assigned.
func visible(r rune) bool {
	if r >= 0x80 && r < 0xA0 {
		return false
	}
	if unicode.IsGraphic(r) || unicode.Is(extendedPictographic, r) && r < 0x1FC00 {
		return !(r >= 0xFDD0 && r <= 0xFDEF) && r&0xFFFE != 0xFFFE
	}
	// Format characters are invisible but real: joiners, marks and
	// isolates of direction, the soft hyphen, the tags of flag sequences.
	return unicode.Is(unicode.Cf, r)
}

// class is what the transition costs look at.
type class uint8

const (
	clSpace    class = iota // space, tab, line end, no-break spaces
	clLower                 // cased letters
	clUpper                 //
	clLetter                // uncased letters (CJK, Arabic, …) and modifier letters
	clMark                  // combining marks
	clDigit                 //
	clOpen                  // opening brackets and quotes
	clClose                 // closing brackets and quotes
	clPunct                 // other punctuation
	clSymbol                // math, modifier and other symbols
	clCurrency              //
	clEmoji                 // pictographs
	clOther                 // controls, format characters, unassigned
)

// classOf returns r's class.
func classOf(r rune) class {
	switch {
	case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0 || r == '\u00A0' || r == '\u202F' || r == '\u2009':
		return clSpace
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z':
			return clLower
		case 'A' <= r && r <= 'Z':
			return clUpper
		case '0' <= r && r <= '9':
			return clDigit
		case r == '(' || r == '[' || r == '{':
			return clOpen
		case r == ')' || r == ']' || r == '}':
			return clClose
		case r == '$':
			return clCurrency
		case r == '+' || r == '<' || r == '=' || r == '>' || r == '^' || r == '`' || r == '|' || r == '~':
			return clSymbol
		case r < ' ' || r == 0x7F:
			return clOther
		}
		return clPunct
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return clUpper
	case unicode.IsLower(r):
		return clLower
	case unicode.IsLetter(r):
		return clLetter
	case unicode.IsMark(r):
		return clMark
	case unicode.IsNumber(r):
		return clDigit
	case unicode.Is(unicode.Ps, r) || unicode.Is(unicode.Pi, r):
		return clOpen
	case unicode.Is(unicode.Pe, r) || unicode.Is(unicode.Pf, r):
		return clClose
	case unicode.IsPunct(r):
		return clPunct
	case unicode.Is(unicode.Sc, r):
		return clCurrency
	case unicode.Is(extendedPictographic, r) || r >= 0x1F3FB && r <= 0x1F3FF:
		return clEmoji
	case unicode.IsSymbol(r):
		return clSymbol
	}
	return clOther
}

func isLetterClass(c class) bool { return c == clLower || c == clUpper || c == clLetter }

// char is a character with the properties the costs read, worked out
// once: a rebuilt character's candidates are weighed beside many
// neighbours, and a document's few hundred characters read over and over.
type char struct {
	r      rune
	rarity float64 // see rarity
	class  class
	script int8  // index of the letter's script in scriptTables (see scriptOf), -1 for none
	emoji  uint8 // emojiPict, emojiVSBase, emojiModBase
	form   uint8 // formFinal, formMedial
	vis    bool  // see visible
}

// Emoji properties of a char (see emojidata.go).
const (
	emojiPict      = 1 << iota // Extended_Pictographic
	emojiVSBase                // U+FE0F or U+FE0E may follow
	emojiModBase               // a skin tone may follow
	emojiZWJBefore             // stands before a joiner in some ZWJ sequence
	emojiZWJAfter              // stands after a joiner in some ZWJ sequence
	emojiTagBase               // starts a tag sequence
	emojiPres                  // shows as an emoji by default (Emoji_Presentation)
)

// Letter forms: final forms end a word, and only they do.
const (
	formFinal  = 1 // Hebrew ך ם ן ף ץ, Greek ς
	formMedial = 2 // Hebrew כ מ נ פ צ, Greek σ
)

// emojiProps are the emoji properties of a char and their tables.
var emojiProps = []struct {
	bit   uint8
	table *unicode.RangeTable
}{
	{emojiPict, extendedPictographic},
	{emojiVSBase, emojiVariationBase},
	{emojiModBase, emojiModifierBase},
	{emojiZWJBefore, zwjBefore},
	{emojiZWJAfter, zwjAfter},
	{emojiTagBase, tagBase},
	{emojiPres, emojiPresentation},
}

// charOf returns r with its properties.
func charOf(r rune) char {
	c := char{r: r, rarity: rarity(r), class: classOf(r), script: -1, vis: visible(r)}
	if isLetterClass(c.class) {
		c.script = scriptOf(r)
	}
	if r >= 0x80 {
		for _, p := range emojiProps {
			if unicode.Is(p.table, r) {
				c.emoji |= p.bit
			}
		}
		switch r {
		case 'ך', 'ם', 'ן', 'ף', 'ץ', 'ς':
			c.form = formFinal
		case 'כ', 'מ', 'נ', 'פ', 'צ', 'σ':
			c.form = formMedial
		}
	}
	return c
}

// scriptOf returns the index in scriptTables of a letter's script,
// folding the scripts that mix freely in CJK text into Han, or -1 for
// none.
func scriptOf(r rune) int8 {
	if r == 'μ' {
		return -1 // the micro prefix of Latin units (μs, μm) as often as a Greek letter
	}
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return scriptLatin
		}
		return -1
	}
	for i, t := range scriptTables {
		if unicode.Is(t, r) {
			if t == unicode.Hiragana || t == unicode.Katakana || t == unicode.Hangul {
				return scriptHan
			}
			return int8(i)
		}
	}
	return -1
}

var scriptTables = []*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Han, unicode.Hiragana, unicode.Katakana,
	unicode.Hangul, unicode.Arabic, unicode.Hebrew, unicode.Armenian, unicode.Devanagari, unicode.Thai,
	unicode.Georgian, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Bengali, unicode.Tamil,
	unicode.Coptic, unicode.Ethiopic,
}

// Indexes in scriptTables.
const (
	scriptLatin = 0
	scriptHan   = 3
)

// transition is the cost of b following a.
func transition(a, b rune) float64 { return step(charOf(a), charOf(b)) }

// step is the cost of b following a.
func step(a, b char) float64 {
	// Emoji sequences: what may follow what is Unicode's to say.
	switch {
	case b.r == '\uFE0F' || b.r == '\uFE0E':
		// emoji-variation-sequences lists both presentations, emoji
		// (U+FE0F) and text (U+FE0E), for each of its characters.
		if a.emoji&emojiVSBase != 0 {
			return 0
		}
		return 4
	case isSkinTone(b.r):
		if a.emoji&emojiModBase != 0 {
			return -1 // an emoji modifier sequence
		}
		return 4
	case b.r == '\u20E3': // keycap
		if a.r == '\uFE0F' || a.r == '#' || a.r == '*' || '0' <= a.r && a.r <= '9' {
			return 0
		}
		return 4
	case b.r == '\u200D': // zero-width joiner: between emoji, or in a script that joins
		switch {
		case a.emoji&emojiZWJBefore != 0:
			return -1 // an emoji ZWJ sequence goes on
		case a.emoji&emojiPict != 0 || a.r == '\uFE0F' || isSkinTone(a.r):
			return 1 // an emoji, but no sequence Unicode lists goes on from it
		case isLetterClass(a.class) && a.r >= 0x0600:
			return 0
		}
		return 3
	case a.r == '\u200D':
		switch {
		case b.emoji&emojiZWJAfter != 0:
			return -1
		case b.emoji&emojiPict != 0:
			return 1
		case isLetterClass(b.class) && b.r >= 0x0600:
			return 0
		}
		return 3
	case isTag(b.r): // the tags of a flag: after its black flag, or another tag
		if a.emoji&emojiTagBase != 0 || isTag(a.r) {
			return -1
		}
		return 4
	}
	ca, cb := a.class, b.class
	// Final forms end a word, and only they do.
	if a.form == formFinal && isLetterClass(cb) || a.form == formMedial && !isLetterClass(cb) && cb != clMark {
		return 3
	}
	if a.form == formFinal && !isLetterClass(cb) && cb != clMark {
		return -1 // where a word ends, a final form is what belongs
	}
	switch {
	case isLetterClass(ca) && isLetterClass(cb):
		sa, sb := a.script, b.script
		if sa != sb && sa >= 0 && sb >= 0 {
			if sa == scriptHan || sb == scriptHan {
				return 0.3 // Latin words in CJK text
			}
			return 3
		}
		if ca == clLower && cb == clUpper {
			if a.r < utf8.RuneSelf && b.r < utf8.RuneSelf {
				return 0.3 // camelCase
			}
			return 2
		}
		if sa == scriptLatin && a.r >= utf8.RuneSelf && b.r >= utf8.RuneSelf {
			return 0.7 // Latin words carry their accents one at a time
		}
		return 0
	case cb == clMark:
		if isLetterClass(ca) || ca == clMark {
			return 0
		}
		return 3
	case isLetterClass(ca) && (cb == clSymbol || cb == clCurrency):
		return 1.5
	case (ca == clSymbol || ca == clCurrency) && isLetterClass(cb):
		return 1.5
	case ca == clCurrency && (cb == clClose || cb == clPunct || cb == clSymbol):
		return 1
	case ca == clOpen && cb == clSpace && a.r != '«' && a.r != '¿' && a.r != '¡':
		return 1
	case ca == clSpace && cb == clClose && b.r != '»':
		return 1
	case isLetterClass(ca) && cb == clOpen && b.r != '(' && b.r != '[' && b.r != '«':
		return 1
	case ca == clClose && isLetterClass(cb) && b.r >= utf8.RuneSelf && a.r != '’':
		return 1
	case (ca == clEmoji || ca == clSymbol) && isLetterClass(cb):
		return 0.8
	case ca == clEmoji && (cb == clOpen || cb == clClose), (ca == clOpen || ca == clClose) && cb == clEmoji:
		return 0.5 // quotes go round words, not between emoji
	}
	return 0
}

func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

func isTag(r rune) bool { return r >= 0xE0020 && r <= 0xE007F }

// cost is the implausibility of runes, with before and after the
// characters around them (0 for none).
func (d *doc) cost(before rune, runes []rune, after rune) float64 {
	c := 0.0
	var prev char
	if before != 0 {
		prev = d.char(before)
	}
	for i, r := range runes {
		cur := d.char(r)
		c += cur.rarity
		if i > 0 || before != 0 {
			c += step(prev, cur)
		}
		prev = cur
	}
	if after != 0 && len(runes) > 0 {
		c += step(prev, d.char(after))
	}
	return c
}
