package anki

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bankgen/bankgen/internal/goldentest"
)

// TestNoteTypesFrozen pins what Anki matches note types by. Changing a
// note type's ID, or the names or number of its fields or templates,
// makes Anki add a second note type on import, and every note the
// learner already has conflicts. Do not edit this table to make the test
// pass: add a new note type (new ID and name) instead.
func TestNoteTypesFrozen(t *testing.T) {
	type frozen struct {
		ID        int64
		Name      string
		Fields    []string
		Templates []string
	}
	want := []frozen{
		{1795478400101, "bankgen Interview Question",
			[]string{"Question", "Topic", "Level", "Answer", "Gaps", "Diagrams", "Strengths", "ID"},
			[]string{"Interview Question"}},
		{1795478400102, "bankgen Gap Drill",
			[]string{"Gap", "Question", "Topic", "Level", "Explanation", "Phrasing", "ID"},
			[]string{"Gap Drill"}},
		{1795478400103, "bankgen Concept",
			[]string{"Term", "Definition", "Topic", "Section", "Reverse", "ID"},
			[]string{"Term to Definition", "Definition to Term"}},
		{1795478400104, "bankgen Card",
			[]string{"Title", "Front", "Context", "Topic", "Level", "Kind", "Back", "More", "ID"},
			[]string{"Card"}},
	}
	var got []frozen
	for _, nt := range noteTypes {
		f := frozen{ID: nt.ID, Name: nt.Name, Fields: nt.Fields}
		for _, tm := range nt.Templates {
			f.Templates = append(f.Templates, tm.Name)
		}
		got = append(got, f)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("note types changed (-frozen +now); version them instead:\n%s", diff)
	}
}

// noteTypeHash hashes everything of a note type that Anki applies only
// when the note type's mod grows: templates, CSS, and the rest.
func noteTypeHash(nt *noteType) string {
	h := sha256.New()
	fmt.Fprintf(h, "%q\n%q\n%q\n", nt.Name, nt.Fields, nt.CSS)
	for _, tm := range nt.Templates {
		fmt.Fprintf(h, "%q\n%q\n%q\n%q\n%q\n", tm.Name, tm.Front, tm.Back, tm.BrowserFront, tm.BrowserBack)
	}
	fmt.Fprintf(h, "%d\n", nt.Sort)
	fmt.Fprintf(h, "%v\n", nt.Req)
	return hex.EncodeToString(h.Sum(nil))
}

const noteTypesGolden = "testdata/notetypes.txt"

// TestNoteTypeModRaised fails when a note type's templates or CSS change
// but its Mod does not: Anki would then keep the learner's old templates.
// testdata/notetypes.txt records each note type's mod and content hash;
// -update rewrites it, but only for note types whose mod went up (or
// whose content is unchanged).
func TestNoteTypeModRaised(t *testing.T) {
	type record struct {
		mod  int64
		hash string
	}
	recorded := map[int64]record{}
	if f, err := os.Open(noteTypesGolden); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			var id, mod int64
			var hash string
			if _, err := fmt.Sscan(line, &id, &mod, &hash); err != nil {
				t.Fatalf("%s: %q: %v", noteTypesGolden, line, err)
			}
			recorded[id] = record{mod, hash}
		}
		f.Close()
	} else if !goldentest.Update() {
		t.Fatalf("%v (run go test -update to record the note types)", err)
	}

	var out strings.Builder
	out.WriteString("# note type id, mod, SHA-256 of its templates and CSS; see TestNoteTypeModRaised.\n")
	ok := true
	for _, nt := range noteTypes {
		hash := noteTypeHash(nt)
		rec, known := recorded[nt.ID]
		switch {
		case !known:
			if !goldentest.Update() {
				t.Errorf("note type %s (%d) is not recorded; run go test -update", nt.Name, nt.ID)
			}
		case nt.Mod < rec.mod:
			t.Errorf("note type %s: Mod %d went back from %d", nt.Name, nt.Mod, rec.mod)
			ok = false
		case nt.Mod == rec.mod && hash != rec.hash:
			t.Errorf("note type %s: templates or CSS changed but Mod is still %d; raise Mod (Anki applies the change only to a newer note type), then run go test -update", nt.Name, nt.Mod)
			ok = false
		case nt.Mod > rec.mod && !goldentest.Update():
			t.Errorf("note type %s: Mod raised to %d; run go test -update to record it", nt.Name, nt.Mod)
		}
		out.WriteString(strconv.FormatInt(nt.ID, 10) + " " + strconv.FormatInt(nt.Mod, 10) + " " + hash + "\n")
	}
	if goldentest.Update() && ok {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(noteTypesGolden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestNoteTypeHashCoversContent makes sure the hash above would notice a
// change to a template or to the CSS.
func TestNoteTypeHashCoversContent(t *testing.T) {
	nt := questionType
	base := noteTypeHash(&nt)
	nt.CSS += " "
	if noteTypeHash(&nt) == base {
		t.Error("a CSS change leaves the hash alone")
	}
	nt = questionType
	nt.Templates = []template{{Name: nt.Templates[0].Name, Front: nt.Templates[0].Front + "x", Back: nt.Templates[0].Back}}
	if noteTypeHash(&nt) == base {
		t.Error("a template change leaves the hash alone")
	}
}
