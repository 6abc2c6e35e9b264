package export_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/export"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

var errDiskFull = errors.New("no space left on device")

// TestWriteFileLeavesNothingOnFailure fills the "disk" half way through
// a file: the error comes back, and neither the file nor a temporary
// file is left; an older file of the same name survives untouched.
func TestWriteFileLeavesNothingOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deck.apkg")
	half := func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("x"), 1<<17)); err != nil {
			return err
		}
		return errDiskFull
	}
	if err := export.WriteFile(path, 0o644, half); !errors.Is(err, errDiskFull) {
		t.Fatalf("WriteFile = %v, want the disk-full error", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a failed write left %d entries", len(entries))
	}
	if err := os.WriteFile(path, []byte("old deck"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := export.WriteFile(path, 0o644, half); err == nil {
		t.Fatal("second failing write reported no error")
	}
	if got, _ := os.ReadFile(path); string(got) != "old deck" {
		t.Errorf("the old file was damaged: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("want only the old file, found %d entries", len(entries))
	}
}

func file(name, content string) export.File {
	return export.File{Name: name, Items: 1, Write: func(w io.Writer) error {
		_, err := io.WriteString(w, content)
		return err
	}}
}

// dirState maps every file in dir to its content.
func dirState(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = string(data)
	}
	return got
}

func manifestNames(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, export.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m export.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range m.Files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func TestWriteAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	written, err := export.WriteAll(dir, []export.File{file("a.json", "A1"), file("b.md", "B1")}, export.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 2 || written[0].Path != filepath.Join(dir, "a.json") || written[0].Size != 2 || written[1].Items != 1 {
		t.Errorf("written = %+v", written)
	}
	if got := manifestNames(t, dir); !slices.Equal(got, []string{"a.json", "b.md"}) {
		t.Errorf("manifest lists %q", got)
	}

	// Files bankgen wrote, unchanged, are overwritten; a later export of
	// other files keeps the earlier ones in the manifest.
	if _, err := export.WriteAll(dir, []export.File{file("a.json", "A2")}, export.WriteOptions{}); err != nil {
		t.Fatalf("overwriting bankgen's own file: %v", err)
	}
	if _, err := export.WriteAll(dir, []export.File{file("c.csv", "C1")}, export.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := manifestNames(t, dir); !slices.Equal(got, []string{"a.json", "b.md", "c.csv"}) {
		t.Errorf("manifest lists %q", got)
	}
	want := map[string]string{"a.json": "A2", "b.md": "B1", "c.csv": "C1"}
	if got := dirStateOK(t, dir); !equalFiles(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}

	// A file the user owns (never written by bankgen) or edited since
	// stops the whole export before anything is written.
	if err := os.WriteFile(filepath.Join(dir, "mine.md"), []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.md"), []byte("B1 edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := dirState(t, dir)
	_, err = export.WriteAll(dir, []export.File{file("a.json", "A3"), file("b.md", "B3"), file("mine.md", "M3"), file("new.txt", "N")}, export.WriteOptions{})
	var exists *export.ExistsError
	if !errors.As(err, &exists) || !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err = %v, want an *ExistsError", err)
	}
	if wantPaths := []string{filepath.Join(dir, "b.md"), filepath.Join(dir, "mine.md")}; !slices.Equal(exists.Paths, wantPaths) {
		t.Errorf("paths in the way = %q, want %q", exists.Paths, wantPaths)
	}
	if !strings.Contains(err.Error(), "mine.md") || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("message %q does not name the file and say nothing was written", err)
	}
	if after := dirState(t, dir); !equalFiles(before, after) {
		t.Errorf("a refused export changed the folder:\nbefore %q\nafter  %q", before, after)
	}

	// Force overwrites them, and from then on they are bankgen's.
	if _, err := export.WriteAll(dir, []export.File{file("b.md", "B4"), file("mine.md", "M4")}, export.WriteOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := export.WriteAll(dir, []export.File{file("mine.md", "M5")}, export.WriteOptions{}); err != nil {
		t.Errorf("after --force, the file is bankgen's: %v", err)
	}

	// A listed file that is gone leaves the manifest.
	os.Remove(filepath.Join(dir, "c.csv"))
	if _, err := export.WriteAll(dir, []export.File{file("a.json", "A6")}, export.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := manifestNames(t, dir); slices.Contains(got, "c.csv") {
		t.Errorf("manifest still lists a removed file: %q", got)
	}
}

func dirStateOK(t *testing.T, dir string) map[string]string {
	m := dirState(t, dir)
	delete(m, export.ManifestName)
	return m
}

func equalFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestWriteAllRejectsBadNames(t *testing.T) {
	for _, files := range [][]export.File{
		{file("../x", "")},
		{file(".hidden", "")},
		{file("", "")},
		{file("a/b", "")},
		{file("x.md", "1"), file("x.md", "2")},
	} {
		dir := filepath.Join(t.TempDir(), "out")
		if _, err := export.WriteAll(dir, files, export.WriteOptions{}); err == nil {
			t.Errorf("%q: no error", files[0].Name)
		}
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%q: the folder was created", files[0].Name)
		}
	}
}

// TestWriteAllRecordsPartialWrites fails the second of three files: the
// first is written and recorded, so the next run may overwrite it.
func TestWriteAllRecordsPartialWrites(t *testing.T) {
	dir := t.TempDir()
	failing := export.File{Name: "b.pdf", Write: func(w io.Writer) error { return errDiskFull }}
	written, err := export.WriteAll(dir, []export.File{file("a.json", "A"), failing, file("c.csv", "C")}, export.WriteOptions{})
	if !errors.Is(err, errDiskFull) || len(written) != 1 {
		t.Fatalf("written %v, err %v", written, err)
	}
	if got := manifestNames(t, dir); !slices.Equal(got, []string{"a.json"}) {
		t.Errorf("manifest lists %q", got)
	}
	if got := dirStateOK(t, dir); !equalFiles(got, map[string]string{"a.json": "A"}) {
		t.Errorf("files = %q", got)
	}
}

func TestManifestOwns(t *testing.T) {
	dir := t.TempDir()
	if _, err := export.WriteAll(dir, []export.File{file("k.md", "# K\n")}, export.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	m := export.ReadManifest(dir)
	if !m.Owns("k.md", []byte("# K\n")) || m.Owns("k.md", []byte("# K edited\n")) || m.Owns("other.md", []byte("# K\n")) {
		t.Error("Owns is true only for a listed file with the content written")
	}
	if err := os.WriteFile(filepath.Join(dir, export.ManifestName), []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if export.ReadManifest(dir).Owns("k.md", []byte("# K\n")) {
		t.Error("a damaged manifest owns files")
	}
}
