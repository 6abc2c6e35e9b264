package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckExplain runs check --explain on a small interview and checks
// that the outline names each piece as it was read, and marks what was
// kept without being understood.
func TestCheckExplain(t *testing.T) {
	dir := t.TempDir()
	src := "# Mock Interview — Go\n\n## Question 1 (Easy): Channels\n\nWhat is a channel?\n\n" +
		"**Your answer:** A pipe.\n\n**Strengths:**\n\n- Named the pipe\n\n**Areas to improve:**\n\n" +
		"- Buffering — you skipped it.\n  Try saying: \"A buffered channel decouples sender and receiver.\"\n\n" +
		"### Trivia\n\nUnplaced prose.\n\n### Model answer\n\nA typed conduit.\n\nReady for the next topic?\n"
	path := filepath.Join(dir, "go.md")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	cmd := newRootCmd()
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs([]string{"check", "--explain", path})
	_ = cmd.Execute()
	got := out.String()
	for _, want := range []string{
		"== " + path,
		`title: topic "Go"`,
		`question 1 · warm-up ("Easy") · title "Channels"`,
		"q1 prompt",
		"q1 opens response",
		`q1 strength "Named the pipe"`,
		`q1 gap "Buffering"`,
		"q1 opens answer",
		`NOT UNDERSTOOD: q1 kept in extra section "Trivia"`,
		"closing chat line: kept in the topic's notes",
		`section "Trivia" of question 1 names no part bankgen knows`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("outline lacks %q:\n%s", want, got)
		}
	}
}

// TestConfigBesideFile checks that a bankgen.yaml beside a file given on
// the command line extends the vocabulary it is read with, and that a
// typo in it is an error at its line.
func TestConfigBesideFile(t *testing.T) {
	dir := t.TempDir()
	doc := "# Mock Interview — Go\n\n## Question 1 — Warm Up\n\nWhat is a goroutine?\n\n## Bravo corner\n\n- Named the scheduler\n\n## Model Answer\n\nA cheap thread.\n"
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.md", doc)
	run := func() string {
		var out, errOut bytes.Buffer
		cmd := newRootCmd()
		cmd.SetOut(&out)
		cmd.SetErr(&errOut)
		cmd.SetArgs([]string{"check", "--explain", filepath.Join(dir, "go.md")})
		_ = cmd.Execute()
		return out.String()
	}
	if got := run(); !strings.Contains(got, `section "Bravo corner" of question 1 names no part`) {
		t.Fatalf("without a bankgen.yaml, Bravo corner should be unknown:\n%s", got)
	}
	write("bankgen.yaml", "roles:\n  strengths: [Bravo corner]\n")
	if got := run(); !strings.Contains(got, `q1 strength "Named the scheduler"`) {
		t.Errorf("bankgen.yaml beside the file not applied:\n%s", got)
	}
	write("bankgen.yaml", "roles:\n  strenghts: [Bravo corner]\n")
	if got, want := run(), "bankgen.yaml:2:3: error: unknown role \"strenghts\""; !strings.Contains(got, want) {
		t.Errorf("a typo in bankgen.yaml should be reported as %q:\n%s", want, got)
	}
}
