package fix

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// cleanFiles are the clean documents the round-trip tests damage: notes in
// many languages, a diagram-heavy English note and the shipped guide.
func cleanFiles(t *testing.T) map[string]string {
	return readFiles(t, "testdata/clean/*.md", "testdata/roundtrip/*.md", "../../source/kubernetes-concept-guide.md")
}

// TestCleanUnchanged: clean documents, as they are, with CRLF line endings
// and with a BOM, are not repaired and get nothing to report.
func TestCleanUnchanged(t *testing.T) {
	for name, text := range cleanFiles(t) {
		for _, in := range []string{text, strings.ReplaceAll(text, "\n", "\r\n"), "\uFEFF" + text} {
			got, rep := Bytes([]byte(in))
			if want := strings.TrimPrefix(in, "\uFEFF"); string(got) != want {
				t.Errorf("%s changed:\n%s%s", name, diffLines(want, string(got)), rep)
			}
			if rep.Repaired() || len(rep.Repairs()) != 0 {
				t.Errorf("%s: repairs reported on clean text:\n%s", name, rep)
			}
		}
	}
}

// damages are the ways the round-trip tests damage text.
var damages = []struct {
	name string
	f    func(string) string
	drop bool // bytes are lost: exact recovery is not always possible
}{
	{"windows-1252", func(s string) string { return corrupt(s, charmap.Windows1252, false) }, false},
	{"windows-1252-drop", func(s string) string { return corrupt(s, charmap.Windows1252, true) }, true},
	{"iso-8859-1", func(s string) string { return corrupt(s, charmap.ISO8859_1, false) }, false},
	{"windows-1250", func(s string) string { return corrupt(s, charmap.Windows1250, false) }, false},
	{"windows-1251", func(s string) string { return corrupt(s, charmap.Windows1251, false) }, false},
	{"windows-1253", func(s string) string { return corrupt(s, charmap.Windows1253, false) }, false},
	{"windows-1253-drop", func(s string) string { return corrupt(s, charmap.Windows1253, true) }, true},
	{"windows-1254", func(s string) string { return corrupt(s, charmap.Windows1254, false) }, false},
	{"windows-1254-drop", func(s string) string { return corrupt(s, charmap.Windows1254, true) }, true},
	{"macintosh", func(s string) string { return corrupt(s, charmap.Macintosh, false) }, false},
	{"windows-1252-twice", func(s string) string {
		return corrupt(corrupt(s, charmap.Windows1252, false), charmap.Windows1252, false)
	}, false},
	{"bom-too", func(s string) string { return corrupt("\uFEFF"+s, charmap.Windows1252, false) }, false},
}

// TestRoundTrip damages each clean document in every way and repairs it.
// Where no byte was lost the repair must be exact; where bytes were lost,
// no line that the damage left intact may get worse, and the share of
// lines recovered is logged.
func TestRoundTrip(t *testing.T) {
	for name, clean := range cleanFiles(t) {
		for _, dm := range damages {
			t.Run(fmt.Sprintf("%s/%s", name, dm.name), func(t *testing.T) {
				damaged := dm.f(clean)
				got, rep := Bytes([]byte(damaged))
				if again, _ := Bytes(got); string(again) != string(got) {
					t.Errorf("not idempotent:\n%s", diffLines(string(got), string(again)))
				}
				if !dm.drop {
					if string(got) != clean {
						t.Errorf("not recovered:\n%s", diffLines(clean, string(got)))
					}
					return
				}
				wl, dl, gl := strings.Split(clean, "\n"), strings.Split(damaged, "\n"), strings.Split(string(got), "\n")
				if len(gl) != len(wl) {
					t.Fatalf("line count %d, want %d", len(gl), len(wl))
				}
				ok := 0
				for i := range wl {
					if gl[i] == wl[i] {
						ok++
					} else if dl[i] == wl[i] {
						t.Errorf("line %d was intact and got damaged:\n%q", i+1, gl[i])
					}
				}
				t.Logf("%d of %d lines recovered exactly; %d suspect", ok, len(wl), rep.Suspects())
			})
		}
	}
}
