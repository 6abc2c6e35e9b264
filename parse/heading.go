package parse

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bankgen/bankgen/bank"
)

// section is the part of an interview a heading opens.
type section uint8

const (
	secNone      section = iota // not a known section heading
	secFeedback                 // "Feedback First": a divider with no content of its own
	secStrengths                // "What You Nailed"
	secGaps                     // "What to Tighten Up"
	secAnswer                   // "Model Answer"
	secDiagrams                 // "Diagrams"
)

// sectionNames maps a heading's normalised words onto a section. The
// sources come from a generator whose wording drifts, so synonyms that
// such generators use are listed too.
var sectionNames = map[string]section{
	"feedback first":        secFeedback,
	"feedback":              secFeedback,
	"what you nailed":       secStrengths,
	"what you got right":    secStrengths,
	"what went well":        secStrengths,
	"strengths":             secStrengths,
	"what to tighten up":    secGaps,
	"what to tighten":       secGaps,
	"tighten up":            secGaps,
	"what to improve":       secGaps,
	"areas to improve":      secGaps,
	"gaps":                  secGaps,
	"model answer":          secAnswer,
	"the model answer":      secAnswer,
	"ideal answer":          secAnswer,
	"sample answer":         secAnswer,
	"diagrams":              secDiagrams,
	"diagram":               secDiagrams,
	"visual diagrams":       secDiagrams,
	"diagrams and visuals":  secDiagrams,
	"architecture diagrams": secDiagrams,
}

// words lower-cases s and keeps only its letters, digits and single
// spaces, so "What You Nailed ✅" and "what you nailed:" compare equal.
func words(s string) string { return string(appendWords(nil, s)) }

// appendWords appends words(s) to b.
func appendWords(b []byte, s string) []byte {
	start := len(b)
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return b
}

// sectionOf looks a heading up in sectionNames. Its words go into a
// buffer on the stack: every heading is looked up, and the map lookup
// does not copy them.
func sectionOf(heading string) section {
	var buf [64]byte
	return sectionNames[string(appendWords(buf[:0], heading))]
}

// questionHeading recognises "Question 2 — Stepping Up", "Q2: Stepping
// Up", "question 3 - Lead Engineer Level 🚀" and returns the number and
// the level wording ("Stepping Up"; "" when there is none).
func questionHeading(heading string) (n int, label string, ok bool) {
	s := strings.TrimSpace(heading)
	// Only "q" and "Q" lower-case to "q"; most headings stop here, before
	// the copy that ToLower makes.
	if s == "" || s[0]|0x20 != 'q' {
		return 0, "", false
	}
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "question"):
		s = s[len("question"):]
	case strings.HasPrefix(lower, "q") && len(s) > 1 && s[1] >= '0' && s[1] <= '9':
		s = s[1:]
	default:
		return 0, "", false
	}
	s = strings.TrimLeft(s, " #.")
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits > 4 {
		return 0, "", false
	}
	n, _ = strconv.Atoi(s[:digits])
	rest := s[digits:]
	if rest != "" && !strings.ContainsAny(rest[:1], " :.-—–)") && !strings.HasPrefix(rest, "—") && !strings.HasPrefix(rest, "–") {
		return 0, "", false // "Question 2b", "Q2x": not a question heading
	}
	return n, trimDecoration(trimSeparator(strings.TrimSpace(strings.TrimLeft(rest, ".)")))), true
}

// trimDecoration drops trailing emoji, symbols and punctuation
// ("Lead Engineer Level 🚀" → "Lead Engineer Level").
func trimDecoration(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ')'
	})
}

// levelWords maps words of a level label onto a level, checked in order.
var levelWords = []struct {
	word  string
	level bank.Level
}{
	{"warm", bank.WarmUp},
	{"easy", bank.WarmUp},
	{"basic", bank.WarmUp},
	{"intro", bank.WarmUp},
	{"opening", bank.WarmUp},
	{"step", bank.SteppingUp},
	{"intermediate", bank.SteppingUp},
	{"medium", bank.SteppingUp},
	{"mid", bank.SteppingUp},
	{"lead", bank.Lead},
	{"senior", bank.Lead},
	{"staff", bank.Lead},
	{"principal", bank.Lead},
	{"advanced", bank.Lead},
	{"expert", bank.Lead},
	{"hard", bank.Lead},
}

// levelOf maps a heading's level wording onto a Level.
func levelOf(label string) bank.Level {
	w := " " + words(label)
	for _, lw := range levelWords {
		if strings.Contains(w, " "+lw.word) {
			return lw.level
		}
	}
	return bank.LevelUnknown
}

// topicName turns a document title into a topic name:
// "Mock Interview — Kubernetes" → "Kubernetes".
func topicName(title string) string {
	s := strings.TrimSpace(title)
	lower := strings.ToLower(s)
	for _, p := range []string{"mock interview", "interview prep", "interview", "concept guide", "study guide", "cheat sheet"} {
		if strings.HasPrefix(lower, p) {
			rest := strings.TrimSpace(trimSeparator(strings.TrimSpace(s[len(p):])))
			if rest != "" {
				return trimDecoration(rest)
			}
		}
	}
	for _, p := range []string{"mock interview", "interview", "concept guide", "study guide"} {
		if strings.HasSuffix(lower, p) {
			rest := strings.TrimSpace(s[:len(s)-len(p)])
			rest = strings.TrimSpace(strings.TrimRight(rest, "—–-: "))
			if rest != "" {
				return trimDecoration(rest)
			}
		}
	}
	return trimDecoration(s)
}
