package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

func TestRun(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "a.md"), []byte("# A — ✅\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout strings.Builder
	if err := run([]string{"-o", out, "-kind", "cp1252-dropped,utf16be", in}, &stdout); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"cp1252-dropped/a.md": "# A â€” âœ…\n",
		"utf16be/a.md":        "\x00#\x00 \x00A\x00 \x20\x14\x00 \x27\x05\x00\n",
	} {
		got, err := os.ReadFile(filepath.Join(out, path))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if n := strings.Count(stdout.String(), "\n"); n != 2 {
		t.Errorf("stdout has %d lines, want one per kind:\n%s", n, stdout.String())
	}
}

func TestRunRefuses(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{dir},                             // no -o
		{"-o", dir, dir},                  // output is the input
		{"-o", dir, "-kind", "nope", dir}, // unknown kind
	} {
		if err := run(args, &strings.Builder{}); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
