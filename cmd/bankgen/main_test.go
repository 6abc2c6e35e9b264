package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
)

// bankgen runs the command line and returns its exit status and output.
func bankgen(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExportJSONMatchesGolden(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := bankgen(t, "export", "--json", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got, err := os.ReadFile(filepath.Join(dir, "bank.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := bank.Default().WriteJSON(&want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("bankgen export --json differs from bank.Default()")
	}
	// One summary line per file: path, items, size.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], filepath.Join(dir, "bank.json")) || !strings.Contains(lines[0], "3 items") || !strings.Contains(lines[0], "KiB") {
		t.Errorf("summary = %q, want one line with the path, 3 items and a size", out)
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() != export.ManifestName || entries[1].Name() != "bank.json" {
		t.Errorf("output directory holds %v, want only the manifest and bank.json", entries)
	}
}

// TestExportIsByteIdentical exports every format twice, a second apart,
// and wants the same files with the same bytes.
func TestExportIsByteIdentical(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for i, dir := range []string{a, b} {
		if i == 1 {
			time.Sleep(1100 * time.Millisecond) // a clock in any output would now differ
		}
		if code, _, errs := bankgen(t, "export", "--all", "-o", dir); code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
	}
	entries, err := os.ReadDir(a)
	if err != nil || len(entries) < len(formats) {
		t.Fatalf("only %d files written (%v)", len(entries), err)
	}
	for _, e := range entries {
		x, _ := os.ReadFile(filepath.Join(a, e.Name()))
		y, err := os.ReadFile(filepath.Join(b, e.Name()))
		if err != nil || len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two exports of the same sources", e.Name())
		}
	}
}

const badInterview = `# Mock Interview — Go

## Question 1 — Warm Up

## What You Nailed

**Goroutines** — fine.
`

func TestCheckReportsPositionedErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "go.md")
	if err := os.WriteFile(path, []byte(badInterview), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := bankgen(t, "check", path)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	for _, want := range []string{path + ":3:1: error: question go/q1 has no prompt", path + ":3:1: warning: question go/q1 has no model answer: its card shows the feedback alone"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
}

func TestExportWritesNothingOnErrors(t *testing.T) {
	src := filepath.Join(t.TempDir(), "go.md")
	if err := os.WriteFile(src, []byte(badInterview), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	code, _, errs := bankgen(t, "export", "-o", dir, src)
	if code != exitError || !strings.Contains(errs, "has no prompt") {
		t.Errorf("exit %d, stderr %q: want exit 1 naming the error", code, errs)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("export created %s despite errors", dir)
	}
}

func TestCheckShippedSourcesHasNoErrors(t *testing.T) {
	code, out, errs := bankgen(t, "check")
	if code != exitOK {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
	if !strings.Contains(errs, "2 files: 0 errors") {
		t.Errorf("summary = %q", errs)
	}
}

func TestHelpExplainsEveryCommand(t *testing.T) {
	for _, c := range newRootCmd().Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if c.Example == "" || c.Long == "" {
			t.Errorf("command %q has no example or long help", c.Name())
		}
	}
	code, out, _ := bankgen(t, "--help")
	if code != exitOK || !strings.Contains(out, "export") || !strings.Contains(out, "check") || !strings.Contains(out, "fix") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
	code, out, _ = bankgen(t, "--version")
	if code != exitOK || !strings.Contains(out, "bankgen version") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	if code, _, _ := bankgen(t, "export", "--no-such-flag"); code != exitUsage {
		t.Errorf("unknown flag: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := bankgen(t, "fix"); code != exitUsage {
		t.Errorf("fix without files: exit %d, want %d", code, exitUsage)
	}
}

func TestFixRepairsAndRewrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "k.md")
	damaged := "# Mock Interview â€” Kubernetes\n\nâœ… done\n"
	clean := "# Mock Interview — Kubernetes\n\n✅ done\n"
	if err := os.WriteFile(path, []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := bankgen(t, "fix", path)
	if code != exitOK || out != clean {
		t.Fatalf("fix: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if got, _ := os.ReadFile(path); string(got) != damaged {
		t.Fatal("fix without -w changed the file")
	}
	if code, _, errs := bankgen(t, "fix", "-w", "--backup", path); code != exitOK {
		t.Fatalf("fix -w: exit %d: %s", code, errs)
	}
	got, _ := os.ReadFile(path)
	orig, _ := os.ReadFile(path + ".orig")
	if string(got) != clean || string(orig) != damaged {
		t.Errorf("after fix -w --backup: file %q, backup %q", got, orig)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("fix -w changed the mode to %v", info.Mode().Perm())
	}
}

func TestUnwritableOutputDir(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores directory permissions; use a path under a file instead.
		file := filepath.Join(t.TempDir(), "file")
		os.WriteFile(file, nil, 0o644)
		code, _, errs := bankgen(t, "export", "--json", "-o", filepath.Join(file, "out"))
		if code != exitError || !strings.Contains(errs, "not a directory") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
		return
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	code, _, errs := bankgen(t, "export", "--json", "-o", dir)
	if code != exitError || !strings.Contains(errs, "permission denied") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestSchemaPrintsTheShippedSchema(t *testing.T) {
	code, out, _ := bankgen(t, "schema")
	if code != exitOK || !strings.Contains(out, `"$schema": "https://json-schema.org/draft/2020-12/schema"`) || !strings.Contains(out, `"const": "bankgen/v1"`) {
		t.Errorf("schema: exit %d, output starts %.80q", code, out)
	}
}

func TestLicensesShipsTheFontNotice(t *testing.T) {
	code, out, _ := bankgen(t, "licenses")
	if code != exitOK || !strings.Contains(out, "Bitstream Vera") || !strings.Contains(out, "DejaVu") {
		t.Errorf("licenses: exit %d, output %.200q", code, out)
	}
}
