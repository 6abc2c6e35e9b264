package cardhtml

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maskHTML stands for a masked term on the front of a reverse card.
const maskHTML = `<span class="bg-mask">_____</span>`

// Masked returns text as Text does, with every form of term masked, so
// that the front of a card that asks for the term (a definition → term
// card) does not give the answer away. The forms are the term itself
// and, for "Horizontal Pod Autoscaler (HPA)", both the name and the
// acronym in parentheses; the initials of a name of two or more words
// ("HPA"); each matched whole word, in any case, with its words run
// together or joined by spaces, hyphens or underscores ("ReplicaSet",
// "replica set", "Replica-Set"), and with a plural or possessive ending
// ("Pods", "Pod's", "classes").
func (r *Renderer) Masked(text, term string) string {
	re := termPattern(term)
	if re == nil {
		return r.Text(text)
	}
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(text, -1) {
		if !wordEdge(text, m[0], true) || !wordEdge(text, m[1], false) {
			continue
		}
		b.WriteString(r.Text(text[last:m[0]]))
		b.WriteString(maskHTML)
		last = m[1]
	}
	b.WriteString(r.Text(text[last:]))
	return b.String()
}

// wordEdge reports whether i in s is a word boundary: the rune before
// (at a start) or after (at an end) is not a letter or digit.
func wordEdge(s string, i int, start bool) bool {
	var r rune
	if start {
		if i == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(s[:i])
	} else {
		if i == len(s) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// termPattern returns a case-insensitive pattern of every form of the
// term (see Masked), longest first, or nil when the term has no word.
func termPattern(term string) *regexp.Regexp {
	var forms []string
	name, abbr := term, ""
	if i := strings.LastIndex(term, "("); i > 0 && strings.HasSuffix(strings.TrimSpace(term), ")") {
		name = term[:i]
		abbr = strings.TrimSuffix(strings.TrimSpace(term[i+1:]), ")")
	}
	for _, f := range []string{name, abbr} {
		words := termWords(f)
		if len(words) == 0 {
			continue
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = regexp.QuoteMeta(w)
		}
		forms = append(forms, strings.Join(quoted, `[\s_-]*`))
		if len(words) >= 2 && f == name {
			var initials strings.Builder
			for _, w := range words {
				r, _ := utf8.DecodeRuneInString(w)
				initials.WriteRune(r)
			}
			forms = append(forms, regexp.QuoteMeta(initials.String()))
		}
	}
	if len(forms) == 0 {
		return nil
	}
	return regexp.MustCompile(`(?i)(?:` + strings.Join(forms, "|") + `)(?:'s|’s|es|s)?`)
}

// termWords splits a term into words: runs of letters and digits,
// split again where a lower-case letter meets an upper-case one
// ("ReplicaSet" is "Replica", "Set").
func termWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(cur) > 0 && unicode.IsUpper(r) && unicode.IsLower(cur[len(cur)-1]) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return words
}
