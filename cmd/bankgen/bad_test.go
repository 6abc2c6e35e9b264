package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/export"
)

// TestBadInput runs "bankgen export" (every format) on each damaged or
// hostile input in testdata/bad. Every case must end with a clear,
// positioned message and the right exit status, never a panic, and an
// error must leave no output behind.
func TestBadInput(t *testing.T) {
	huge := filepath.Join(t.TempDir(), "huge.md")
	block := strings.Repeat("## Question 1 — Warm Up\n\n**\"Why?\"**\n\n# Model Answer\n\nBecause.\n\n", 1<<10)
	if err := os.WriteFile(huge, []byte(strings.Repeat(block, 50<<20/len(block)+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := func(name string) string { return filepath.Join("testdata", "bad", name) }
	tests := []struct {
		name     string
		sources  []string
		wantCode int
		// wantMsg must all appear in stdout+stderr.
		wantMsg []string
	}{
		{"empty file", []string{bad("empty.md")}, exitError,
			[]string{bad("empty.md") + ":1:1: error: file is empty"}},
		{"binary file", []string{bad("binary.md")}, exitError,
			[]string{bad("binary.md") + ":1:1: error: file is binary, not Markdown text"}},
		{"50 MB file", []string{huge}, exitError,
			[]string{huge + ": file is 50.0 MiB, over the 16.0 MiB limit"}},
		{"invalid UTF-8", []string{bad("invalid-utf8.md")}, exitOK,
			[]string{bad("invalid-utf8.md") + `:9:9: warning: encoding: undecodable bytes "\xff\xfe" read as U+FFFD`}},
		{"UTF-16 with a BOM", []string{bad("utf16.md")}, exitOK, nil},
		{"code fence never closed", []string{bad("unclosed-fence.md")}, exitError,
			[]string{bad("unclosed-fence.md") + ":21:1: error: code fence is never closed"}},
		{"question with no prompt", []string{bad("no-prompt.md")}, exitError,
			[]string{bad("no-prompt.md") + ":3:1: error: question rust/q1 has no prompt"}},
		{"not an interview", []string{bad("not-interview.md")}, exitError,
			[]string{bad("not-interview.md") + ":1:1: error: not an interview transcript or a concept guide"}},
		{"same question in two files", []string{bad("dup-a.md"), bad("dup-b.md")}, exitError,
			[]string{bad("dup-b.md") + `:3:1: error: duplicate ID "dup/q1" (first defined at ` + bad("dup-a.md") + ":3:1)"}},
		{"hostile text", []string{bad("hostile.md")}, exitOK, nil},
		{"missing file", []string{bad("no-such-file.md")}, exitError,
			[]string{"no-such-file.md: no such file or directory"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			code, stdout, stderr := bankgen(t, append([]string{"export", "-o", out}, tt.sources...)...)
			all := stdout + stderr
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\n%s", code, tt.wantCode, all)
			}
			for _, m := range tt.wantMsg {
				if !strings.Contains(all, m) {
					t.Errorf("output lacks %q:\n%s", m, all)
				}
			}
			if strings.Contains(all, "panic") || strings.Contains(all, "goroutine ") {
				t.Errorf("output shows a panic:\n%s", all)
			}
			entries, _ := os.ReadDir(out)
			if code != exitOK && len(entries) > 0 {
				t.Errorf("a failed export left %d files in %s", len(entries), out)
			}
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") && e.Name() != export.ManifestName {
					t.Errorf("temporary file %s left behind", e.Name())
				}
			}
		})
	}
}

// failingWriter accepts n bytes, then fails as a full disk does.
type failingWriter struct{ n int }

var errDiskFull = errors.New("no space left on device")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestEveryFormatReportsWriteErrors renders every format of the shipped
// bank into a writer that fails part way, as a full disk would: each
// must return the error, not panic or claim success.
func TestEveryFormatReportsWriteErrors(t *testing.T) {
	src, err := loadSources(nil, loadOptions{maxFileSize: defaultMaxFileSize})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := src.build()
	for _, f := range formats {
		files, err := f.files(b, &exportOptions{src: src})
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		for _, file := range files {
			var full bytes.Buffer
			if err := file.Write(&full); err != nil {
				t.Fatalf("%s %s: %v", f.name, file.Name, err)
			}
			// Fill the disk at the start, half way, and one byte short.
			for _, after := range []int{0, full.Len() / 2, full.Len() - 1} {
				if err := file.Write(&failingWriter{n: after}); err == nil {
					t.Errorf("%s %s (%d bytes): writing into a disk full after %d bytes reported success", f.name, file.Name, full.Len(), after)
				}
			}
		}
	}
}
