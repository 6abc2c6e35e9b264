package vocab

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/internal/goldentest"
)

// TestTable compiles the files in words/ and compares the result with
// the embedded words.tsv, which -update rewrites. Compiling reads each
// file as strictly as a bankgen.yaml (plus the "write" key), and fails
// when two files give one name different meanings: a word that is a
// strength in one language and a gap in another cannot be both.
func TestTable(t *testing.T) {
	got, err := compile(os.DirFS("words"))
	if err != nil {
		t.Fatal(err)
	}
	if goldentest.Update() {
		if err := os.WriteFile("words.tsv", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != table {
		t.Errorf("words.tsv is not the compiled words/ (%d lines, want %d); run go test ./parse/vocab -run TestTable -update",
			strings.Count(table, "\n"), strings.Count(got, "\n"))
	}
}

// compile reads the vocabulary files of dir, English first and then
// the others by name, and returns the table of their names.
func compile(dir fs.FS) (string, error) {
	names, err := fs.Glob(dir, "*.yaml")
	if err != nil {
		return "", err
	}
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "en.yaml":
			return -1
		case b == "en.yaml":
			return 1
		}
		return strings.Compare(a, b)
	})
	var b strings.Builder
	type first struct{ group, file string }
	seen := map[[2]string]first{}
	done := map[entry]bool{}
	var conflicts []string
	for _, name := range names {
		data, err := fs.ReadFile(dir, name)
		if err != nil {
			return "", err
		}
		entries, err := decode(data, "words/"+name, 0, true)
		if err != nil {
			return "", err
		}
		for _, e := range entries {
			if done[e] {
				continue
			}
			done[e] = true
			if groupsOf[e.key] != nil && e.key != "roleWords" {
				k := [2]string{e.key, e.name}
				if f, ok := seen[k]; ok && f.group != e.group {
					conflicts = append(conflicts, fmt.Sprintf("%s: %s %q is %s, but %s in %s", name, e.key, e.name, e.group, f.group, f.file))
					continue
				} else if !ok {
					seen[k] = first{e.group, name}
				}
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\n", e.key, e.group, e.name)
		}
	}
	if len(conflicts) > 0 {
		return "", fmt.Errorf("names with two meanings:\n%s", strings.Join(conflicts, "\n"))
	}
	return b.String(), nil
}

// TestTableLoads checks that the table reads back into the vocabulary
// the files describe: one name of each key, from the files, is found.
func TestTableLoads(t *testing.T) {
	v := Default()
	checks := []struct {
		what string
		ok   bool
	}{
		{"role", v.Role("Sterke punten") == RoleStrengths},
		{"role", v.Role("Mocne strony") == RoleStrengths},
		{"level", func() bool { l, ok := v.Level("Moeilijk"); return ok && l.String() == "lead" }()},
		{"status", func() bool { s, ok := v.Status("Tamamlandı"); return ok && s.String() == "done" }()},
		{"question word", v.IsQuestionWord("Vraag")},
		{"phrasing", v.IsPhrasingLabel("Probeer te zeggen")},
		{"not a term", v.IsNotTerm("Let op")},
		{"speaker", v.IsSpeaker("Assistant")},
		{"write", v.Write.Headings[RoleGaps] != ""},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s not read from the table", c.what)
		}
	}
}
