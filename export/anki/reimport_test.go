package anki

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bankgen/bankgen/bank"
)

// A learner's collection, as Anki's importer keeps it (rslib
// import_export/package/apkg/import/notes.rs): note types matched by ID,
// which must keep their name and fields; notes matched by GUID, an
// existing note updated only when the incoming mod is newer, its review
// history kept; new notes added with their cards; notes missing from a
// package left as they are.
type collectionModel struct {
	noteTypes map[int64]string // ID → name and fields
	notes     map[string]*modelNote
}

type modelNote struct {
	mid     int64
	mod     int64
	fields  []string
	reviews int // review history: survives updates, never moves to another GUID
}

func newCollection() *collectionModel {
	return &collectionModel{noteTypes: map[int64]string{}, notes: map[string]*modelNote{}}
}

type importResult struct{ added, updated, skipped []string }

// importPackage imports an exported package, failing the test on what
// Anki would refuse or get wrong: a note type that changed its name or
// fields, a card with a blank front.
func (c *collectionModel) importPackage(t *testing.T, data []byte) importResult {
	t.Helper()
	p := readPackage(t, data)
	types := map[int64]*noteType{}
	for _, nt := range noteTypes {
		types[nt.ID] = nt
	}
	for key, m := range p.models {
		id := jsonInt(t, "model id", m["id"])
		desc := fmt.Sprint(m["name"], names(t, "model "+key+" flds", m["flds"], fieldKeys))
		if old, ok := c.noteTypes[id]; ok && old != desc {
			t.Errorf("note type %d changed from %s to %s: Anki would add a second one", id, old, desc)
		}
		c.noteTypes[id] = desc
	}
	var r importResult
	for _, n := range p.notes {
		fields := strings.Split(n.flds, fieldSep)
		nt := types[n.mid]
		front, _ := cardSides(t, nt, fields, 0)
		if strings.TrimSpace(stripHTML(front)) == "" {
			t.Errorf("note %s: card with a blank front", n.guid)
		}
		old, ok := c.notes[n.guid]
		switch {
		case !ok:
			c.notes[n.guid] = &modelNote{mid: n.mid, mod: n.mod, fields: fields}
			r.added = append(r.added, n.guid)
		case old.mid != n.mid:
			t.Errorf("note %s changed note type", n.guid)
		case n.mod > old.mod:
			old.mod, old.fields = n.mod, fields
			r.updated = append(r.updated, n.guid)
		default:
			r.skipped = append(r.skipped, n.guid)
		}
	}
	return r
}

// review gives every note a review history.
func (c *collectionModel) review() {
	for _, n := range c.notes {
		n.reviews++
	}
}

// exporter exports banks one after another, each time with the state
// the previous export wrote, as the command does.
type exporter struct {
	t     *testing.T
	state []byte
	opts  Options
}

func (x *exporter) export(b *bank.Bank, date time.Time) ([]byte, Report) {
	x.t.Helper()
	o := x.opts
	o.Date, o.Previous = date, x.state
	e, err := Build(b, o)
	if err != nil {
		x.t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range e.Files {
		var sb strings.Builder
		if err := f.Write(&sb); err != nil {
			x.t.Fatal(err)
		}
		files[f.Name] = []byte(sb.String())
	}
	x.state = files[StateName("")]
	return files["interview-prep.apkg"], e.Report
}

func titles(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Kind+": "+c.Title)
	}
	return out
}

// start exports the fixture bank, imports it into a fresh collection
// and reviews every card.
func start(t *testing.T, o Options) (*exporter, *collectionModel) {
	x := &exporter{t: t, opts: o}
	c := newCollection()
	data, rep := x.export(testBank(t), t0)
	if len(rep.Added) == 0 || len(rep.Updated)+len(rep.Unchanged)+len(rep.Orphaned) != 0 {
		t.Fatalf("first export: %s", rep.String())
	}
	c.importPackage(t, data)
	c.review()
	return x, c
}

func TestReimportUnchanged(t *testing.T) {
	x, c := start(t, Options{})
	// The same sources a day later: nothing to update.
	data, rep := x.export(testBank(t), t0.Add(24*time.Hour))
	if len(rep.Added)+len(rep.Updated)+len(rep.Orphaned) != 0 {
		t.Errorf("re-export of the same bank: %s", rep.String())
	}
	if r := c.importPackage(t, data); len(r.added)+len(r.updated) != 0 {
		t.Errorf("import of an unchanged export added %d and updated %d notes", len(r.added), len(r.updated))
	}
}

func TestReimportOneEdit(t *testing.T) {
	for _, pinned := range []bool{false, true} {
		t.Run(fmt.Sprint("pinned date ", pinned), func(t *testing.T) {
			x, c := start(t, Options{})
			b := testBank(t)
			b.Topics[0].Questions[1].Gaps[0].Detail = "Services find pods by their labels, not by name."
			// With a pinned date (SOURCE_DATE_EPOCH), the edit still arrives.
			date := t0.Add(time.Hour)
			if pinned {
				date = t0
			}
			data, rep := x.export(b, date)
			if diff := slices.Compare(titles(rep.Updated), []string{"gap: Missing labels and selectors."}); diff != 0 {
				t.Errorf("updated %v, want the one edited gap", titles(rep.Updated))
			}
			r := c.importPackage(t, data)
			if len(r.updated) != 1 || len(r.added) != 0 {
				t.Errorf("import updated %d notes and added %d, want 1 and 0", len(r.updated), len(r.added))
			}
		})
	}
}

func TestReimportRenames(t *testing.T) {
	x, c := start(t, Options{Reverse: true})
	before := map[string]int{}
	for g, n := range c.notes {
		before[g] = n.reviews
	}
	b := testBank(t)
	q := &b.Topics[0].Questions[1]
	q.Gaps[0].Title = "Labels and selectors are missing."
	b.Topics[0].Guide[0].Term = "Pods"
	b.AssignIDs()
	data, rep := x.export(b, t0.Add(time.Hour))
	if len(rep.Added) != 0 || len(rep.Orphaned) != 0 {
		t.Errorf("renames added or orphaned notes:\n%s", rep.String())
	}
	r := c.importPackage(t, data)
	if len(r.added) != 0 {
		t.Errorf("renames added %d notes", len(r.added))
	}
	for g, n := range c.notes {
		if n.reviews != before[g] {
			t.Errorf("note %s lost its history", g)
		}
	}
	found := false
	for _, n := range c.notes {
		found = found || n.mid == gapType.ID && strings.Contains(n.fields[gGap], "Labels and selectors are missing.")
	}
	if !found {
		t.Error("the renamed gap's note was not updated")
	}
}

func TestReimportDeleteAndRenumber(t *testing.T) {
	x, c := start(t, Options{})
	// Which prompt each GUID held when it was reviewed.
	prompt := map[string]string{}
	for g, n := range c.notes {
		if n.mid == questionType.ID || n.mid == gapType.ID {
			prompt[g] = n.fields[map[int64]int{questionType.ID: qQuestion, gapType.ID: gQuestion}[n.mid]]
		}
	}
	b := testBank(t)
	qs := b.Topics[0].Questions
	deleted := qs[1]
	qs = append(qs[:1], qs[2:]...)
	qs[1].Number = 2 // Q3 becomes Q2
	b.Topics[0].Questions = qs
	b.AssignIDs()
	data, rep := x.export(b, t0.Add(time.Hour))
	orphaned := titles(rep.Orphaned)
	for _, want := range []string{"question: Q2 · " + deleted.Prompt, "gap: " + deleted.Gaps[0].Title} {
		if !slices.Contains(orphaned, want) {
			t.Errorf("orphaned %v lacks %q", orphaned, want)
		}
	}
	if len(rep.Added) != 0 {
		t.Errorf("renumbering added notes: %v", titles(rep.Added))
	}
	c.importPackage(t, data)
	for g, n := range c.notes {
		if p, ok := prompt[g]; ok && n.mid == questionType.ID && n.fields[qQuestion] != p {
			t.Errorf("note %s held %q and now holds %q: its history moved to other content", g, p, n.fields[qQuestion])
		}
	}
}

func TestReimportReverseToggle(t *testing.T) {
	x, c := start(t, Options{})
	x.opts.Reverse = true
	data, rep := x.export(testBank(t), t0)
	if got := len(rep.Added); got != 4 {
		t.Errorf("turning --reverse on added %d notes, want 4 reverse cards", got)
	}
	c.importPackage(t, data) // fails on any blank card
	x.opts.Reverse = false
	data, rep = x.export(testBank(t), t0)
	if got := len(rep.Orphaned); got != 4 || len(rep.Updated) != 0 {
		t.Errorf("turning --reverse off: %s", rep.String())
	}
	c.importPackage(t, data)
	// Back on: the reverse notes come back under new GUIDs, never the
	// retired ones.
	x.opts.Reverse = true
	_, rep = x.export(testBank(t), t0)
	for _, a := range rep.Added {
		if c.notes[a.GUID] != nil {
			t.Errorf("GUID %s given again to %q", a.GUID, a.Title)
		}
	}
}

func TestReimportPinned(t *testing.T) {
	x, c := start(t, Options{})
	b := testBank(t)
	// A pinned question keeps its note through a new number and prompt.
	q := &b.Topics[0].Questions[2]
	q.Pin = "spark-flink"
	b.AssignIDs()
	x.export(b, t0) // the pin is recorded under the new key
	b = testBank(t)
	q = &b.Topics[0].Questions[2]
	q.Pin, q.Number, q.Prompt = "spark-flink", 9, "Run Spark and Flink on Kubernetes."
	b.AssignIDs()
	data, rep := x.export(b, t0.Add(time.Hour))
	if len(rep.Added) != 0 {
		t.Errorf("pinned question added notes: %v", titles(rep.Added))
	}
	r := c.importPackage(t, data)
	if len(r.added) != 0 {
		t.Errorf("import added %d notes", len(r.added))
	}
}

// TestIDsFromTime checks that new notes are dated by their source file,
// never after it, in source order.
func TestIDsFromTime(t *testing.T) {
	d, err := build(testBank(t), &Options{FileTimes: fileTimes(t0), Deck: DefaultDeck})
	if err != nil {
		t.Fatal(err)
	}
	last := map[int64]int64{}
	for _, n := range d.notes {
		if n.id > n.source*1000 || n.id < (n.source-60)*1000 {
			t.Errorf("%s %q: ID %d is not just before its source time %d", n.kind, n.title, n.id, n.source*1000)
		}
		if n.id <= last[n.source] {
			t.Errorf("%s %q: ID %d not after the previous note of its file", n.kind, n.title, n.id)
		}
		last[n.source] = n.id
	}
}
