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
// card) does not give the answer away.
//
// The forms are the term itself and each part of a compound term. A
// term is split into parts at commas, "&", "/", ";", "+", parentheses
// and the words "and", "or", "vs" and "versus" ("Liveness and Readiness
// Probes", "ConfigMap & Secret", "Horizontal Pod Autoscaler (HPA)"), and
// words a part leaves for its neighbour are shared: "Liveness" there is
// also "Liveness Probes", and in "Resource Requests and Limits" the part
// "Limits" is also "Resource Limits"; the words a part does not share
// ("Readiness", "Requests") are masked too. A part is masked as a whole
// phrase, never word by word, so "Service Mesh" masks "service mesh" but
// not "service". A part of one word is masked alone only when it has at
// least three letters and is not an English function word ("the", "in",
// "not", …), or when it is an acronym of two or more capitals, so
// splitting never masks "a", "be" or "not" all over a definition.
//
// Each form matches as whole words, in any case, with its words run
// together or joined by spaces, hyphens, underscores, slashes or
// apostrophes ("ReplicaSet", "replica set", "Replica-Set"); its last word in the
// singular or plural, English ("Pods", "classes", "policies" ↔ "policy",
// "probes" ↔ "probe") or the regular -s, -es, -x and -aux plurals of
// French, Spanish and Portuguese ("réseaux", "luces"), and possessive
// ("Pod's"). A name of two or more words also matches its initials in
// capitals ("HPA", "RS"), and only in capitals, so "Infrastructure
// Management" never masks the word "im".
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

// termPattern returns a pattern of every form of the term (see Masked),
// or nil when the term has no word.
func termPattern(term string) *regexp.Regexp {
	var forms []string
	add := func(words []string) {
		if len(words) > 0 {
			forms = append(forms, phrasePattern(words))
		}
	}
	initials := func(words []string) {
		if len(words) < 2 {
			return
		}
		var b strings.Builder
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(unicode.ToUpper(r))
		}
		forms = append(forms, `(?-i:`+regexp.QuoteMeta(b.String())+`s?)`)
	}
	main, alts := parenthesised(term)
	for _, name := range append([]string{main}, alts...) {
		add(termWords(name))
		parts := listParts(name)
		if len(parts) < 2 {
			initials(termWords(name))
			continue
		}
		first, last := parts[0], parts[len(parts)-1]
		// head and tail count the words the first and the last part
		// share with shorter parts: "Resource" in "Resource Requests
		// and Limits", "Probes" in "Liveness and Readiness Probes".
		head, tail := 0, 0
		for i, p := range parts {
			if i < len(parts)-1 && len(p) < len(last) {
				tail = max(tail, len(last)-len(p))
			}
			if i > 0 && len(p) < len(first) {
				head = max(head, len(first)-len(p))
			}
		}
		if own := termWords(strings.Join(first[head:], " ")); head > 0 && len(own) > 0 && maskAlone(own) {
			add(own)
		}
		if own := termWords(strings.Join(last[:len(last)-tail], " ")); tail > 0 && len(own) > 0 && maskAlone(own) {
			add(own)
		}
		for i, p := range parts {
			words := termWords(strings.Join(p, " "))
			if len(words) == 0 {
				continue
			}
			if maskAlone(words) {
				add(words)
			}
			initials(words)
			// Words a part leaves for its neighbour: "Liveness [Probes]
			// and Readiness Probes", "Resource Requests and [Resource]
			// Limits".
			if i < len(parts)-1 && len(p) < len(last) {
				add(termWords(strings.Join(p, " ") + " " + strings.Join(last[len(p):], " ")))
			}
			if i > 0 && len(p) < len(first) {
				add(termWords(strings.Join(first[:len(first)-len(p)], " ") + " " + strings.Join(p, " ")))
			}
		}
	}
	if len(forms) == 0 {
		return nil
	}
	re := regexp.MustCompile(`(?i)(?:` + strings.Join(forms, "|") + `)(?:'s|’s)?`)
	re.Longest()
	return re
}

// parenthesised returns a term without its parenthesised groups, and
// the groups: other names of the same thing ("Horizontal Pod Autoscaler
// (HPA)").
func parenthesised(term string) (main string, alts []string) {
	var b, alt strings.Builder
	depth := 0
	for _, r := range term {
		switch {
		case r == '(':
			depth++
			b.WriteRune(' ')
		case r == ')' && depth > 0:
			depth--
			if depth == 0 {
				alts = append(alts, alt.String())
				alt.Reset()
			}
		case depth > 0:
			alt.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	if alt.Len() > 0 {
		alts = append(alts, alt.String())
	}
	return b.String(), alts
}

// listParts splits a name at commas, "&", "/", ";", "+" and the words
// "and", "or", "vs" and "versus" into parts, each a list of
// space-separated tokens without a leading article.
func listParts(name string) [][]string {
	var parts [][]string
	var cur []string
	flush := func() {
		for len(cur) > 1 && isArticle(cur[0]) {
			cur = cur[1:]
		}
		if len(cur) > 0 {
			parts = append(parts, cur)
		}
		cur = nil
	}
	for piece := range strings.FieldsFuncSeq(name, func(r rune) bool { return strings.ContainsRune(",&/;+", r) }) {
		for tok := range strings.FieldsSeq(piece) {
			switch strings.ToLower(tok) {
			case "and", "or", "vs", "vs.", "versus":
				flush()
			default:
				cur = append(cur, tok)
			}
		}
		flush()
	}
	return parts
}

func isArticle(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an":
		return true
	}
	return false
}

// isFunctionWord reports whether w is an English function word (an
// article, preposition, conjunction, pronoun or auxiliary), which a
// part of one word never masks on its own.
func isFunctionWord(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "as", "from", "into", "onto", "via", "per",
		"and", "or", "nor", "but", "not", "no", "yes", "if", "then", "than", "so", "vs", "versus",
		"is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "has", "have", "had",
		"it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "me", "my", "our", "your", "their", "them",
		"all", "any", "each", "some", "one", "two", "more", "most", "less", "very", "only", "also", "just", "new", "old":
		return true
	}
	return false
}

// maskAlone reports whether a part may be masked on its own: a part of
// two or more words always; one word when it has three or more letters
// and is not a function word, or is an acronym of two or more capitals.
func maskAlone(words []string) bool {
	if len(words) > 1 {
		return true
	}
	w := words[0]
	n := utf8.RuneCountInString(w)
	if n >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
		return true
	}
	return n >= 3 && !isFunctionWord(w)
}

// phrasePattern returns the pattern of a phrase: its words run together
// or joined by spaces, hyphens, underscores, slashes or apostrophes, the last in any
// of its number forms (see wordForms).
func phrasePattern(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words[:len(words)-1] {
		quoted[i] = regexp.QuoteMeta(w)
	}
	var alts []string
	for _, f := range wordForms(words[len(words)-1]) {
		alts = append(alts, regexp.QuoteMeta(f))
	}
	quoted[len(words)-1] = "(?:" + strings.Join(alts, "|") + ")"
	return strings.Join(quoted, `[\s_/'’-]*`)
}

// wordForms returns a word in the singular and plural forms Masked
// matches, the word itself first.
func wordForms(w string) []string {
	lw := strings.ToLower(w)
	forms := []string{w, w + "s", w + "es"}
	has := func(suffix string) bool { return strings.HasSuffix(lw, suffix) }
	cut := func(n int) string { return w[:len(w)-n] }
	switch {
	case has("ies") && len(lw) > 4:
		forms = append(forms, cut(3)+"y", cut(3)+"ie")
	case has("sses") || has("xes") || has("zes") || has("ches") || has("shes"):
		forms = append(forms, cut(2))
	case has("aux") && len(lw) > 4:
		forms = append(forms, cut(1), cut(3)+"al")
	case has("s") && !has("ss") && len(lw) > 3:
		forms = append(forms, cut(1))
	}
	switch {
	case has("y") && len(lw) > 2 && !strings.ContainsAny(lw[len(lw)-2:len(lw)-1], "aeiou"):
		forms = append(forms, cut(1)+"ies")
	case has("au") || has("eu"):
		forms = append(forms, w+"x")
	case has("al"):
		forms = append(forms, cut(2)+"aux")
	case has("z"):
		forms = append(forms, cut(1)+"ces")
	}
	return forms
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
