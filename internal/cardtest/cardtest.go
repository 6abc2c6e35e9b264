// Package cardtest checks study cards the way a learner reads them. Only
// tests import it.
package cardtest

import (
	"regexp"
	"strings"
)

// Leaks returns the names of term that text shows, in lower case: the
// term, and for a compound term ("Liveness and Readiness Probes",
// "ConfigMap & Secret") each part of three or more letters, and each
// part with the last word of the last part ("liveness probes"), each in
// the singular or plural, as whole words in any case. The front of a
// reverse card, which asks for the term, must show none of them.
//
// It is a plainer rule than the masking it checks: it splits at the
// usual list separators and knows only English -s plurals.
func Leaks(term, text string) []string {
	text = strings.ToLower(text)
	term = strings.ToLower(term)
	names := []string{term}
	parts := regexp.MustCompile(`\s*(?:[,&/;+()]|\band\b|\bor\b)\s*`).Split(term, -1)
	var kept []string
	for _, p := range parts {
		p = strings.TrimPrefix(strings.TrimSpace(p), "the ")
		if len([]rune(p)) >= 3 {
			kept = append(kept, p)
		}
	}
	if len(kept) > 1 {
		lastWords := strings.Fields(kept[len(kept)-1])
		shared := lastWords[len(lastWords)-1]
		for _, p := range kept {
			names = append(names, p)
			if !strings.HasSuffix(p, shared) {
				names = append(names, p+" "+shared)
			}
		}
	}
	var leaks []string
	for _, n := range names {
		stem := strings.TrimSuffix(n, "s")
		re := regexp.MustCompile(`(?:^|[^\pL\pN])` + regexp.QuoteMeta(stem) + `s?(?:$|[^\pL\pN])`)
		if re.MatchString(text) {
			leaks = append(leaks, n)
		}
	}
	return leaks
}
