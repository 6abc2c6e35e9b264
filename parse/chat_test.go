package parse

import (
	"testing"
)

func TestEmojiShortcodesFit(t *testing.T) {
	for name, emoji := range emojiShortcodes {
		if len(emoji) > len(name) {
			t.Errorf("%s is written as %q, %d bytes longer than its name", name, emoji, len(emoji)-len(name))
		}
	}
}

func TestLeadingShortcodes(t *testing.T) {
	tests := []struct{ in, want string }{
		{":x: **Missed**\n", "❌ **Missed**\n"},
		{"> :white_check_mark: *What landed*\n", "> ✅                *What landed*\n"},
		{"• :warning: :bulb: tip\n", "• ⚠️    💡   tip\n"},
		{"- :+1: good\n", "- 👍 good\n"},
		// Inside the text, unknown, or in code: as written.
		{"Great :tada: work\n", "Great :tada: work\n"},
		{":not_a_code: text\n", ":not_a_code: text\n"},
		{"```\n:x: in code\n```\n:x: out\n", "```\n:x: in code\n```\n❌ out\n"},
		{"> ```\n> :x: quoted code\n> ```\n", "> ```\n> :x: quoted code\n> ```\n"},
	}
	for _, tt := range tests {
		if got := string(leadingShortcodes([]byte(tt.in))); got != tt.want {
			t.Errorf("leadingShortcodes(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := leadingShortcodes([]byte(tt.in)); len(got) != len(tt.in) {
			t.Errorf("leadingShortcodes(%q) changed the length", tt.in)
		}
	}
}

func TestMessageHeaderLines(t *testing.T) {
	tests := []struct {
		line, name, said string
		ok               bool
	}{
		{"lena_dev — 09/03/2025 19:04", "lena_dev", "", true},
		{"Sam Lee 10:14 AM", "Sam Lee", "", true},
		{"Drillbot APP — Today at 10:02", "Drillbot", "", true},
		{"[10:14] Sam: What is a pod?", "Sam", "What is a pod?", true},
		{"[09/03/2025, 19:02] Mock Coach: Question 1", "Mock Coach", "Question 1", true},
		{"09/03/2025, 19:02 - Ana: hi all", "Ana", "hi all", true},
		{"Dana K, [09.03.25 19:03]", "Dana K", "", true},
		{"Week 3", "", "", false},
		{"Updated in 2025 by the team", "", "", false},
		{"The deploy ran at 10:14 and failed", "", "", false},
		{"[link] Sam: text", "", "", false},
	}
	for _, tt := range tests {
		name, said, ok := stampedLine(tt.line)
		if !ok {
			name, ok = namedTimeLine(tt.line)
		}
		if ok != tt.ok || name != tt.name || said != tt.said {
			t.Errorf("header %q = %q, %q, %v; want %q, %q, %v", tt.line, name, said, ok, tt.name, tt.said, tt.ok)
		}
	}
}

func TestIsReactions(t *testing.T) {
	for s, want := range map[string]bool{
		"👍 3 · 🐇 1":     true,
		"🔥 2":           true,
		"🎉3 ❤️ 12":      true,
		"👍":             false, // no count: a mark, not reactions
		"3️⃣":           false,
		"7/10 👍":        false,
		"Score 7 👍":     false,
		"1. 👍 good one": false,
	} {
		if got := isReactions(s); got != want {
			t.Errorf("isReactions(%q) = %v, want %v", s, got, want)
		}
	}
}
