package markdown

import "testing"

// TestInline pins down how little gets escaped: prose stays as it is,
// syntax is escaped where goldmark would read it. That the escaped text
// parses back to the same is the round-trip tests' business.
func TestInline(t *testing.T) {
	tests := []struct {
		in   string
		o    textOpts
		want string
	}{
		{"Plain prose, with punctuation: (a) 50% off! \"quoted\" 'too' — dash.", textOpts{}, "Plain prose, with punctuation: (a) 50% off! \"quoted\" 'too' — dash."},
		{"snake_case_name and x_1", textOpts{}, "snake_case_name and x_1"},
		{"_lead and trail_ and a _ b", textOpts{}, `\_lead and trail\_ and a \_ b`},
		{"a * b ** c `d` [e](f) <g> h|i \\ j", textOpts{}, "a \\* b \\*\\* c \\`d\\` \\[e](f) \\<g> h\\|i \\\\ j"},
		{"AT&T, &amp; &#42; &x; &nbsp", textOpts{}, "AT&T, &amp;amp; &amp;#42; &amp;x; &nbsp"},
		{"# h\n> q\n- l\n+ p\n* s\n1. o\n2) p\n10. x\n---\n===\n~~~\n:-:\n-x\nx # y", textOpts{},
			"\\# h\n\\> q\n\\- l\n\\+ p\n\\* s\n1\\. o\n2\\) p\n10\\. x\n\\---\n\\===\n\\~~~\n\\:-:\n-x\nx # y"},
		{"# h", textOpts{inLine: true}, "# h"},
		{"1234567890. not a list", textOpts{}, "1234567890. not a list"},
		{"a\n  b\nc  \nd", textOpts{}, "a\n&#32; b\nc &#32;\nd"},
		{"a\n\nb\n\n\nc", textOpts{}, "a&#10;&#10;b&#10;&#10;&#10;c"},
		{"a\nb", textOpts{indent: "  "}, "a\n  b"},
		{"a\nb", textOpts{oneLine: true}, "a&#10;b"},
		{"bell\a tab\tdel\x7f", textOpts{}, "bell&#7; tab\tdel&#127;"},
		{"Title ##", textOpts{oneLine: true, heading: true, inLine: true}, `Title \#\#`},
		{"C# and F#s", textOpts{oneLine: true, heading: true, inLine: true}, `C# and F#s`},
		{"#", textOpts{oneLine: true, heading: true, inLine: true}, `\#`},
		{"🎯 ╔═╗ 日本語", textOpts{}, "🎯 ╔═╗ 日本語"},
	}
	for _, tt := range tests {
		if got := inline(tt.in, tt.o); got != tt.want {
			t.Errorf("inline(%q, %+v)\n got %q\nwant %q", tt.in, tt.o, got, tt.want)
		}
	}
}

func TestFence(t *testing.T) {
	tests := []struct{ info, code, want string }{
		{"go", "x\n", "```go\nx\n```"},
		{"", "", "```\n```"},
		{"", "no newline", "```\nno newline\n```"},
		{"md", "```\ninner\n```\n", "````md\n```\ninner\n```\n````"},
		{"a`b", "~~~~\n", "~~~~~a`b\n~~~~\n~~~~~"},
	}
	for _, tt := range tests {
		if got := fence(tt.info, tt.code); got != tt.want {
			t.Errorf("fence(%q, %q)\n got %q\nwant %q", tt.info, tt.code, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a", []string{"a"}},
		{"a\n\nb", []string{"a", "b"}},
		{"a\n\n\n\nb", []string{"a", "", "b"}},
		{"a\n\n b", []string{"a\n\n b"}},
		{"a \n\nb\n\nc", []string{"a \n\nb", "c"}},
		{"a\n\n\nb", []string{"a\n\n\nb"}},
		{"a\n\n\n\n\nb", []string{"a\n\n\n\n\nb"}},
		{"a\n\n\n\n\n\nb", []string{"a", "", "", "b"}},
		{"\n\nb", []string{"", "b"}},
	}
	for _, tt := range tests {
		got := paragraphs(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}
