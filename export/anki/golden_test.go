package anki

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/internal/goldentest"
)

// TestGolden compares a text projection of the fixture bank's package
// (zip entries, collection, decks, note types, then every note with its
// card, tags and fields) and its state file with the golden file. Run
// go test -update to rewrite it, and review the diff.
func TestGolden(t *testing.T) {
	e, err := Build(testBank(t), Options{FileTimes: fileTimes(t0), Reverse: true})
	files := goldentest.Render(t, e.Files, err)
	got := project(readPackage(t, files["interview-prep.apkg"])) + "\n# interview-prep.anki-state.json\n" + string(files["interview-prep.anki-state.json"])
	goldentest.Compare(t, "testdata/fixture.txt", []byte(got))
}

// project describes a package as reviewable text, in a fixed order.
func project(p *apkg) string {
	var b strings.Builder
	b.WriteString("# Text projection of the Anki package of the export/anki test fixture bank.\n")
	b.WriteString("# Written by TestGolden in export/anki; rewrite with go test ./export/anki -update, then review.\n\n")
	for _, e := range p.entries {
		sum := sha256.Sum256(e.data)
		fmt.Fprintf(&b, "zip %-16s method=%d modified=%s", e.name, e.method, e.modified.UTC().Format("2006-01-02T15:04:05Z"))
		switch e.name {
		case "media":
			fmt.Fprintf(&b, " %s\n", e.data)
		case "collection.anki2":
			b.WriteString("\n")
		default:
			fmt.Fprintf(&b, " %d bytes sha256=%s\n", len(e.data), hex.EncodeToString(sum[:8]))
		}
	}
	fmt.Fprintf(&b, "\ncol ver=%d crt=%d mod=%d scm=%d dty=%d usn=%d ls=%d tags=%s\n", p.ver, p.crt, p.mod, p.scm, p.dty, p.usn, p.ls, p.tags)
	fmt.Fprintf(&b, "conf %s\n", sortedJSON(p.conf))

	deckName := map[string]string{}
	var decks []string
	for id, d := range p.decks {
		name := d["name"].(string)
		deckName[id] = name
		decks = append(decks, fmt.Sprintf("deck %q id=%s conf=%v desc=%q", name, id, d["conf"], d["desc"]))
	}
	slices.Sort(decks)
	b.WriteString("\n" + strings.Join(decks, "\n") + "\n")
	for _, id := range slices.Sorted(maps.Keys(p.dconf)) {
		fmt.Fprintf(&b, "dconf %s %s\n", id, sortedJSON(p.dconf[id]))
	}

	modelName := map[string]string{}
	for _, id := range slices.Sorted(maps.Keys(p.models)) {
		m := p.models[id]
		modelName[id] = m["name"].(string)
		css := sha256.Sum256([]byte(m["css"].(string)))
		fmt.Fprintf(&b, "\nmodel %q id=%s mod=%v sortf=%v css-sha256=%s\n", m["name"], id, m["mod"], m["sortf"], hex.EncodeToString(css[:8]))
		for _, tm := range m["tmpls"].([]any) {
			tm := tm.(map[string]any)
			fmt.Fprintf(&b, "  browser %v %q %q\n", tm["ord"], tm["bqfmt"], tm["bafmt"])
		}
		for _, f := range m["flds"].([]any) {
			fmt.Fprintf(&b, "  field %v %q\n", f.(map[string]any)["ord"], f.(map[string]any)["name"])
		}
		for _, tm := range m["tmpls"].([]any) {
			tm := tm.(map[string]any)
			sum := sha256.Sum256([]byte(fmt.Sprint(tm["qfmt"], "\x00", tm["afmt"])))
			fmt.Fprintf(&b, "  template %v %q sha256=%s\n", tm["ord"], tm["name"], hex.EncodeToString(sum[:8]))
		}
		fmt.Fprintf(&b, "  req %s\n", sortedJSON(m["req"]))
	}

	// Notes in the order a learner meets them: by their first card's due.
	cards := map[int64][]dbCard{}
	fmt.Fprintf(&b, "\n%d notes, %d cards\n", len(p.notes), len(p.cards))
	for _, c := range p.cards {
		cards[c.nid] = append(cards[c.nid], c)
	}
	notes := slices.Clone(p.notes)
	slices.SortFunc(notes, func(a, b dbNote) int { return int(cards[a.id][0].due - cards[b.id][0].due) })
	for _, n := range notes {
		mid := fmt.Sprint(n.mid)
		fmt.Fprintf(&b, "\nnote %s id=%d model=%q mod=%d usn=%d tags=%q csum=%d sfld=%q\n",
			n.guid, n.id, modelName[mid], n.mod, n.usn, n.tags, n.csum, fmt.Sprint(n.sfld))
		cs := cards[n.id]
		slices.SortFunc(cs, func(a, b dbCard) int { return int(a.ord - b.ord) })
		for _, c := range cs {
			fmt.Fprintf(&b, "  card id=%d ord=%d deck=%q due=%d mod=%d\n", c.id, c.ord, deckName[fmt.Sprint(c.did)], c.due, c.mod)
		}
		var fieldNames []string
		for _, f := range p.models[mid]["flds"].([]any) {
			fieldNames = append(fieldNames, f.(map[string]any)["name"].(string))
		}
		for i, f := range strings.Split(n.flds, fieldSep) {
			name := fmt.Sprint(i)
			if i < len(fieldNames) {
				name = fieldNames[i]
			}
			fmt.Fprintf(&b, "  %s: %s\n", name, strings.ReplaceAll(f, "\n", "\n    | "))
		}
	}
	return b.String()
}

// sortedJSON prints decoded JSON with sorted object keys.
func sortedJSON(v any) string {
	switch v := v.(type) {
	case map[string]any:
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(v)) {
			parts = append(parts, fmt.Sprintf("%q:%s", k, sortedJSON(v[k])))
		}
		return "{" + strings.Join(parts, ",") + "}"
	case []any:
		var parts []string
		for _, e := range v {
			parts = append(parts, sortedJSON(e))
		}
		return "[" + strings.Join(parts, ",") + "]"
	case string:
		return fmt.Sprintf("%q", v)
	default:
		return fmt.Sprint(v)
	}
}
