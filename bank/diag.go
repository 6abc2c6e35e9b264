package bank

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a Diagnostic stops a bank from being used.
type Severity uint8

const (
	// Warning marks content that was kept but not understood, or is suspicious.
	Warning Severity = iota
	// Error marks a bank that must not be exported as it is.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one positioned problem found while parsing or validating.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

// String formats the diagnostic as "file:line:col: severity: msg".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Msg)
}

// Diagnostics is a list of problems. Like go/scanner's ErrorList, it is
// collected in full rather than stopping at the first problem. It is not
// itself an error, since it may hold only warnings: Err returns the
// error it amounts to.
type Diagnostics []Diagnostic

// Add appends a diagnostic at pos.
func (l *Diagnostics) Add(pos Pos, sev Severity, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by position, then severity and message, so output
// is the same on every run.
func (l Diagnostics) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		return a.Msg < b.Msg
	})
}

// Errors returns only the diagnostics of severity Error.
func (l Diagnostics) Errors() Diagnostics { return l.filter(Error) }

// Warnings returns only the diagnostics of severity Warning.
func (l Diagnostics) Warnings() Diagnostics { return l.filter(Warning) }

func (l Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// String joins every diagnostic, one per line.
func (l Diagnostics) String() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Err returns the errors among l as an error that wraps ErrInvalid, or nil
// when there are none. Warnings alone do not make an error.
func (l Diagnostics) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	return &InvalidError{List: errs}
}

// ErrInvalid is wrapped by every error that Validate returns.
var ErrInvalid = errors.New("bank: invalid bank")

// InvalidError is the error returned for a bank with problems. It lists
// every problem, sorted by position.
type InvalidError struct {
	List Diagnostics
}

// Error prints one problem per line.
func (e *InvalidError) Error() string { return e.List.String() }

// Unwrap lets errors.Is(err, ErrInvalid) succeed.
func (e *InvalidError) Unwrap() error { return ErrInvalid }
