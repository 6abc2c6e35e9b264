package sheet

import (
	"strings"
	"testing"
)

func TestWrappedLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		mono  bool
		want  int
	}{
		{"one short line", "a pod", 20, false, 1},
		{"line breaks count", "a\nb\n\nc", 20, false, 4},
		{"wraps at spaces", strings.Repeat("abcd ", 10), 11, false, 5}, // two words a line
		{"a word wider than the column is broken", strings.Repeat("x", 25), 11, false, 3},
		{"wide characters take two columns and more", strings.Repeat("ポ", 10), 11, false, 3}, // four to a line
		{"monospace is wider", strings.Repeat("0123456789 ", 4), 23, true, 4},
		{"counting stops at the most that can show", strings.Repeat("a\n", 500), 20, false, 100},
	}
	for _, tt := range tests {
		if got := wrappedLines(tt.text, tt.width, tt.mono, 100); got != tt.want {
			t.Errorf("%s: wrappedLines(%q, %v) = %d, want %d", tt.name, tt.text, tt.width, got, tt.want)
		}
	}
}

func TestRowHeight(t *testing.T) {
	cols := []column{{width: 20, kind: colShort}, {width: 20, kind: colText}, {width: 40, kind: colCode}}
	tests := []struct {
		texts []string
		want  float64
	}{
		{[]string{"", "", ""}, lineHeight},
		{[]string{"id", "one line", ""}, lineHeight + rowPadding},
		{[]string{"id", "a\nb\nc", ""}, 3*lineHeight + rowPadding},
		{[]string{"id", "", strings.Repeat("x\n", 9) + "x"}, 10*monoLineHeight + rowPadding},
		{[]string{"id", strings.Repeat("line\n", 100), ""}, maxRowHeight},
	}
	for _, tt := range tests {
		if got := rowHeight(cols, tt.texts); got != tt.want {
			t.Errorf("rowHeight(%q) = %v, want %v", tt.texts, got, tt.want)
		}
	}
}
