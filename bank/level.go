package bank

import (
	"fmt"
	"strings"
	"unicode"
)

// Level is how hard a question is, as the interviewer staged it.
type Level uint8

const (
	// LevelUnknown is a question whose heading names no level.
	LevelUnknown Level = iota
	// WarmUp is the opening question ("Warm Up").
	WarmUp
	// SteppingUp is the middle question ("Stepping Up").
	SteppingUp
	// Lead is the hardest question ("Lead Engineer Level").
	Lead
)

var levelNames = [...]string{LevelUnknown: "unknown", WarmUp: "warm-up", SteppingUp: "stepping-up", Lead: "lead"}

// Levels lists the known levels from easiest to hardest.
func Levels() []Level { return []Level{WarmUp, SteppingUp, Lead} }

// String returns the level's canonical name: "warm-up", "stepping-up",
// "lead" or "unknown".
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", uint8(l))
}

// Title returns the level as a reader sees it: "Warm-up", "Stepping up", "Lead".
func (l Level) Title() string {
	switch l {
	case WarmUp:
		return "Warm-up"
	case SteppingUp:
		return "Stepping up"
	case Lead:
		return "Lead"
	}
	return "Unknown"
}

// ParseLevel returns the level named s: its canonical name or its
// Title, in any case, with spaces, hyphens or underscores between the
// words or none ("warm-up", "Warm Up", "WARM_UP", "warmup"). Synonyms
// that interviewers use ("easy", "senior") are the parser's business,
// not this function's.
func ParseLevel(s string) (Level, error) {
	key := nameKey(s)
	for i, n := range levelNames {
		if nameKey(n) == key {
			return Level(i), nil
		}
	}
	return LevelUnknown, fmt.Errorf("bank: unknown level %q (want warm-up, stepping-up or lead)", s)
}

// nameKey folds a name for comparison: lower case, without spaces,
// hyphens and underscores.
func nameKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\t':
			return -1
		}
		return unicode.ToLower(r)
	}, strings.TrimSpace(s))
}

// MarshalText encodes the level by its canonical name.
func (l Level) MarshalText() ([]byte, error) {
	if int(l) >= len(levelNames) {
		return nil, fmt.Errorf("bank: invalid level %d", uint8(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText decodes a canonical level name.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Status is where a topic stands in the learner's study plan.
type Status uint8

const (
	// Todo is a topic not yet started.
	Todo Status = iota
	// Next is the topic to study next.
	Next
	// Done is a finished topic.
	Done
)

var statusNames = [...]string{Todo: "todo", Next: "next", Done: "done"}

// Statuses lists every status in plan order.
func Statuses() []Status { return []Status{Done, Next, Todo} }

// String returns "todo", "next" or "done".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// ParseStatus returns the status named s ("todo", "next" or "done"), in
// any case, with spaces, hyphens or underscores anywhere ("To Do").
func ParseStatus(s string) (Status, error) {
	key := nameKey(s)
	for i, n := range statusNames {
		if n == key {
			return Status(i), nil
		}
	}
	return Todo, fmt.Errorf("bank: unknown status %q (want todo, next or done)", s)
}

// MarshalText encodes the status by its name.
func (s Status) MarshalText() ([]byte, error) {
	if int(s) >= len(statusNames) {
		return nil, fmt.Errorf("bank: invalid status %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a status name.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
