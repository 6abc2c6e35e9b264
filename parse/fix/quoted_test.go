package fix

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/parse/fix/internal/damage"
	"golang.org/x/text/encoding/charmap"
)

// quotedNotes are clean notes about an encoding bug that quote the damage
// in prose, in the forms such notes take. Each comes back byte for byte,
// and lists each quote as suspect with its clean form as the candidate.
var quotedNotes = []struct {
	name, text string
	quotes     map[string]string // damaged text → the candidate it must be listed with
}{
	{"instead of",
		"# Incident\n\nThe welcome e-mail greeted customers as \"JosÃ©\" instead of \"José\", and\n" +
			"support sent us \"Dear JosÃ© GarcÃ\u00ada\" where it should say \"Dear José García\".\n",
		map[string]string{"Ã©": "é", "Ã\u00ad": "í"}},
	{"became",
		"# Notes\n\nThe loader read UTF-8 as Windows-1252, so é became Ã© and ü became Ã¼; the dash — turned into â€”.\n",
		map[string]string{"Ã©": "é", "Ã¼": "ü", "â€”": "—"}},
	{"two scripts",
		"# Launch\n\nRussian customers saw \"РџСЂРёРІРµС‚, РћР»СЊРіР°\" where \"Привет, Ольга\" belonged.\n",
		map[string]string{"РџСЂРёРІРµС‚": "Привет", "РћР»СЊРіР°": "Ольга"}},
	{"table in prose",
		"# Cheat sheet\n\n| you see | it was |\n|---|---|\n| Ã© | é |\n| MÃ¼ller | Müller |\n| â€œquotesâ€\u009d | “quotes” |\n",
		map[string]string{"Ã©": "é", "Ã¼": "ü", "â€œ": "“"}},
	{"list of pairs",
		"# Signs of mojibake\n\n- Ã© for é\n- Ã¤ for ä\n- â€™ for ’\n- Å¼Ã³Å‚w for żółw\n",
		map[string]string{"Ã©": "é", "Ã¤": "ä", "â€™": "’", "Å¼Ã³Å‚": "żół"}},
	{"German quotes",
		"# Fehlerbericht\n\nIm Export stand „GrÃ¼ÃŸe“ statt „Grüße“ — UTF‑8, als Windows‑1252 gelesen.\n",
		map[string]string{"Ã¼ÃŸ": "üß"}},
	{"Greek",
		"# Σημειώσεις\n\nΟ πελάτης είδε «Ξ³ΞµΞΉΞ¬ ΟƒΞΏΟ…» αντί για «γειά σου».\n",
		map[string]string{"Ξ³ΞµΞΉΞ¬": "γειά", "ΟƒΞΏΟ…": "σου"}},
	{"a customer's words",
		"## Bug 4711: names garbled\n\nCustomer wrote: \"My name shows as MÃ¼ller on the invoice.\"\n\n" +
			"Root cause: the PDF service decoded UTF-8 as Latin-1. Müller's invoice was re-sent.\n",
		map[string]string{"Ã¼": "ü"}},
	{"before and after",
		"# Why did our CSV say \"SÃ£o Paulo\"?\n\n- Before: `SÃ£o Paulo`, \"ZÃ¼rich\", \"KrakÃ³w\".\n\n" +
			"- After the fix: São Paulo, Zürich, Kraków.\n",
		map[string]string{"Ã£": "ã", "Ã¼": "ü", "Ã³": "ó"}},
	{"block quote beside the story",
		"# Postmortem\n\nThe e-mail greeted customers as \"JosÃ©\" instead of \"José\" and named García wrong too.\n\n" +
			"> Dear JosÃ© GarcÃ\u00ada, welcome aboard!\n\nThe fix was one line.\n",
		map[string]string{"Ã©": "é", "Ã\u00ad": "í"}},
	{"a customer's letter in a block quote",
		"# Postmortem: letters that came back garbled\n\n" +
			"Our CRM exported letters through a tool that read UTF-8 as Windows-1252. A complaint\nreached us like this:\n\n" +
			"> Sehr geehrte Damen und Herren, im MÃ¤rz habe ich zweimal geschrieben.\n" +
			"> Die Rechnung fÃ¼r das Abo Nr. 2â€‘17 ist leider immer noch falsch.\n" +
			"> Mit freundlichen GrÃ¼ÃŸen, JÃ¼rgen\n\n" +
			"Every umlaut turned into two characters: ü became Ã¼, and ß turning into ÃŸ was the giveaway.\n\n" +
			"| saw | should have been |\n|---|---|\n| Ã¤ | ä |\n| â€‘ | ‑ |\n\n" +
			"## What to watch for\n\n- The fix was a charset on the export step — one line.\n" +
			"- If you see \"Ã©\" or \"â€™\" in a ticket, suspect the same bug.\n",
		map[string]string{"Ã¤": "ä", "Ã¼ÃŸ": "üß", "â€‘": "‑", "Ã©": "é", "â€™": "’"}},
	{"examples side by side",
		"# Störung im März\n\nDie Kundenbriefe kamen verstümmelt an: aus „Grüße“ wurde „GrÃ¼ÃŸe“.\n\n" +
			"Wir haben die Vorlagen geprüft und den Zeichensatz im Exportschritt gesetzt. Danach stimmten Umlaute und ß.\n\n" +
			"- Merke: \"Ã©\" oder \"â€™\" in einem Ticket heißt fast immer dasselbe.\n",
		map[string]string{"Ã¼ÃŸ": "üß", "Ã©": "é", "â€™": "’"}},
}

func TestQuotedNotes(t *testing.T) {
	for _, tt := range quotedNotes {
		t.Run(tt.name, func(t *testing.T) {
			out, rep := Bytes([]byte(tt.text))
			if string(out) != tt.text || rep.Repaired() {
				t.Errorf("clean note changed:\n%s%s", diffLines(tt.text, string(out)), rep)
			}
			for damaged, want := range tt.quotes {
				found := false
				for _, r := range rep.Repairs() {
					if r.Kind == Suspect && r.Damaged == damaged && len(r.Candidates) > 0 && r.Candidates[0] == want {
						found = true
					}
				}
				if !found {
					t.Errorf("%q not listed as suspect with candidate %q:\n%s", damaged, want, rep)
				}
			}
		})
	}
}

// TestQuotedNotesDamaged: the same notes, damaged in every way that loses
// no byte, are repaired exactly: the quotes of damage in them come back
// as quotes, not as the characters they stand for.
func TestQuotedNotesDamaged(t *testing.T) {
	for _, tt := range quotedNotes {
		for _, k := range damage.Kinds() {
			if k.Name == "cp1252-dropped" || k.Name == "cp1252-paragraphs" {
				continue // bytes lost: not always exact
			}
			in := k.Apply([]byte(tt.text))
			out, rep := Bytes(in)
			if !bytes.Equal(out, []byte(tt.text)) {
				t.Errorf("%s, %s:\n%s%s", tt.name, k.Name, diffLines(tt.text, string(out)), rep)
			}
		}
	}
}

// TestDamagedParagraphBesideQuotes: in a note that quotes damage, a
// paragraph damaged along with others (no quotation marks round its
// damage) is still repaired.
func TestDamagedParagraphBesideQuotes(t *testing.T) {
	clean := "# Postmortem\n\nThe e-mail greeted customers as \"JosÃ©\" instead of \"José\".\n\n" +
		"The fix — one line — shipped the same day.\n"
	damaged := strings.Replace(clean, "The fix — one line —", "The fix â€” one line â€”", 1)
	out, rep := Bytes([]byte(damaged))
	if string(out) != clean {
		t.Errorf("got\n%s%s", diffLines(clean, string(out)), rep)
	}
}

// TestQuotedOnlyParagraphBesideOpenDamage: in a note about damage that is
// itself damaged in some paragraphs, a damaged paragraph whose damage all
// stands between quotation marks is repaired with the others when its
// quotes of damage, damaged again, repair to damage; a paragraph the
// damage left intact, quoting a customer's garbled letter, stays.
func TestQuotedOnlyParagraphBesideOpenDamage(t *testing.T) {
	table := "# Postmortem\n\n| saw | meant |\n|---|---|\n| JosÃ© | José |\n\n"
	letter := "> Sehr geehrte Damen und Herren, im MÃ¤rz kam die Rechnung fÃ¼r JÃ¼rgen doppelt.\n\n"
	p1 := "Support forwarded \"Dear JosÃ© GarcÃ\u00ada\" from Madrid.\n\n"
	p2 := "The fix — one line — shipped the same day.\n"
	clean := table + letter + p1 + p2
	damaged := table + letter + corrupt(p1, charmap.Windows1252, false) + corrupt(p2, charmap.Windows1252, false)
	out, rep := Bytes([]byte(damaged))
	if string(out) != clean {
		t.Errorf("got\n%s%s", diffLines(clean, string(out)), rep)
	}
	if out, rep := Bytes([]byte(clean)); string(out) != clean {
		t.Errorf("clean note changed:\n%s%s", diffLines(clean, string(out)), rep)
	}
}
