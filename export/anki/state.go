package anki

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The state file keeps, between exports, what Anki knows each note by:
// its GUID, its note ID and its mod, with a hash of its content. With it
// an export changes a note's mod only when the note's own content
// changed, so that Anki's importer (which updates a note only when the
// incoming mod is newer) leaves unchanged notes, and the learner's own
// edits and tags on them, alone.

// StateSchema names the format of the state file.
const StateSchema = "bankgen-anki-state/v1"

// State is the identity of every note of an export, for the next one.
type State struct {
	Schema string      `json:"schema"`
	Notes  []StateNote `json:"notes"`
	// Retired lists the GUIDs of notes that were in an export and are
	// gone: the learner's collection may still hold them, so they are
	// never given to other content.
	Retired []string `json:"retired"`
}

// StateNote is the identity of one note.
type StateNote struct {
	GUID  string `json:"guid"`
	Kind  string `json:"kind"`
	Key   string `json:"key"`   // the stable ID of what it holds
	ID    int64  `json:"id"`    // note ID, and its card's ID
	Mod   int64  `json:"mod"`   // Unix seconds
	Hash  string `json:"hash"`  // of its note type, fields, tags and deck
	Match string `json:"match"` // of what identifies its content across renames
	Title string `json:"title"`
}

// ReadState decodes a state file. Empty data gives an empty state.
func ReadState(data []byte) (*State, error) {
	s := &State{Schema: StateSchema}
	if len(bytes.TrimSpace(data)) == 0 {
		return s, nil
	}
	if err := json.Unmarshal(data, s); err != nil {
		return nil, fmt.Errorf("anki: reading the previous state: %w", err)
	}
	if s.Schema != StateSchema {
		return nil, fmt.Errorf("anki: the previous state is %q, not %q", s.Schema, StateSchema)
	}
	return s, nil
}

// Report says what an export changes in a learner's collection, note
// by note, compared with the previous export (Options.Previous).
type Report struct {
	Added, Updated, Unchanged []Change
	// Orphaned are notes of the previous export that are gone now. A
	// collection keeps them, and schedules them, until the learner
	// deletes them (in the Browser, search for their GUID, nid:ID or
	// the tag).
	Orphaned []Change
}

// Change is one note of a Report.
type Change struct {
	Kind  string // "question", "gap", …
	Title string
	GUID  string
}

// String returns the report as it is printed: one line of counts, then
// one line per added, updated or orphaned note.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "anki: %d added, %d updated, %d unchanged, %d orphaned\n",
		len(r.Added), len(r.Updated), len(r.Unchanged), len(r.Orphaned))
	for _, l := range []struct {
		what string
		cs   []Change
	}{{"added", r.Added}, {"updated", r.Updated}, {"orphaned", r.Orphaned}} {
		for _, c := range l.cs {
			fmt.Fprintf(&b, "  %-8s %-8s %s\n", l.what, c.Kind, oneLine(c.Title))
		}
	}
	return b.String()
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 100 {
		s = string(r[:99]) + "…"
	}
	return s
}

// contentHash hashes everything Anki would update in a note.
func contentHash(n *note, deck string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d\x00%s\x00%s\x00", noteTypeOf(n.kind).ID, n.tags, deck)
	for _, f := range n.fields {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// matchHash hashes what identifies a note's content, ignoring case and
// spacing.
func matchHash(kind Kind, s string) string {
	sum := sha256.Sum256([]byte(kind.String() + "\x00" + strings.ToLower(strings.Join(strings.Fields(s), " "))))
	return hex.EncodeToString(sum[:12])
}

// identify gives every note its GUID, IDs and mod, carrying them over
// from the previous state where the note is the same one, and fills in
// the report and the new state.
//
// A note is the same one as a previous note of its kind when, in this
// order: its key is pinned in the source and equal; its key and content
// match; its content matches exactly one previous note that nothing else
// claimed (a renamed gap, a renumbered question); its key is equal and
// the previous note is not claimed. Anything else is a new note, with a
// GUID no previous or retired note has.
func (d *deck) identify(prev *State, fallback int64) error {
	type prevNote struct {
		*StateNote
		claimed bool
	}
	prevs := make([]prevNote, len(prev.Notes))
	byKey := map[string][]int{}
	byMatch := map[string][]int{}
	taken := map[string]bool{}
	for i := range prev.Notes {
		p := &prev.Notes[i]
		prevs[i] = prevNote{StateNote: p}
		k := p.Kind + "\x00" + p.Key
		byKey[k] = append(byKey[k], i)
		byMatch[p.Kind+"\x00"+p.Match] = append(byMatch[p.Kind+"\x00"+p.Match], i)
		taken[p.GUID] = true
	}
	for _, g := range prev.Retired {
		taken[g] = true
	}
	for i := range d.notes {
		n := &d.notes[i]
		n.match = matchHash(n.kind, n.match)
	}
	owner := make([]int, len(d.notes))
	for i := range owner {
		owner[i] = -1
	}
	claim := func(i, p int) {
		owner[i] = p
		prevs[p].claimed = true
	}
	passes := []func(n *note) (int, bool){
		func(n *note) (int, bool) { // pinned key
			if !n.pinned {
				return 0, false
			}
			for _, p := range byKey[n.kind.String()+"\x00"+n.key] {
				if !prevs[p].claimed {
					return p, true
				}
			}
			return 0, false
		},
		func(n *note) (int, bool) { // key and content
			for _, p := range byKey[n.kind.String()+"\x00"+n.key] {
				if !prevs[p].claimed && prevs[p].Match == n.match {
					return p, true
				}
			}
			return 0, false
		},
		func(n *note) (int, bool) { // content alone, when unambiguous
			var free []int
			for _, p := range byMatch[n.kind.String()+"\x00"+n.match] {
				if !prevs[p].claimed {
					free = append(free, p)
				}
			}
			if len(free) == 1 {
				return free[0], true
			}
			return 0, false
		},
		func(n *note) (int, bool) { // key alone
			for _, p := range byKey[n.kind.String()+"\x00"+n.key] {
				if !prevs[p].claimed {
					return p, true
				}
			}
			return 0, false
		},
	}
	for _, pass := range passes {
		for i := range d.notes {
			if owner[i] < 0 {
				if p, ok := pass(&d.notes[i]); ok {
					claim(i, p)
				}
			}
		}
	}

	// IDs: a note keeps its previous ID; a new one is dated by its
	// source file, in source order, and never later than that time.
	noteIDs := idSet{}
	guids := map[string]string{}
	for i := range d.notes {
		if p := owner[i]; p >= 0 {
			noteIDs[prevs[p].ID] = true
		}
	}
	d.state = &State{Schema: StateSchema}
	d.mod = fallback
	for i := range d.notes {
		n := &d.notes[i]
		change := Change{Kind: n.kind.String(), Title: n.title}
		if p := owner[i]; p >= 0 {
			pn := prevs[p]
			n.guid, n.id = pn.GUID, pn.ID
			if pn.Hash == n.hash {
				n.mod = pn.Mod
				change.GUID = n.guid
				d.report.Unchanged = append(d.report.Unchanged, change)
			} else {
				n.mod = max(n.source, pn.Mod+1)
				change.GUID = n.guid
				d.report.Updated = append(d.report.Updated, change)
			}
		} else {
			n.guid = freshGUID(n.key, taken)
			n.id = noteIDs.take(n.source*1000 - int64(len(d.notes)) + int64(i))
			n.mod = n.source
			change.GUID = n.guid
			d.report.Added = append(d.report.Added, change)
		}
		taken[n.guid] = true
		if prevKey, dup := guids[n.guid]; dup {
			return fmt.Errorf("%w: %q and %q", ErrDuplicateID, prevKey, n.key)
		}
		guids[n.guid] = n.key
		d.mod = max(d.mod, n.mod)
		d.state.Notes = append(d.state.Notes, StateNote{
			GUID: n.guid, Kind: n.kind.String(), Key: n.key, ID: n.id, Mod: n.mod,
			Hash: n.hash, Match: n.match, Title: n.title,
		})
	}
	retired := slices.Clone(prev.Retired)
	for _, p := range prevs {
		if !p.claimed {
			d.report.Orphaned = append(d.report.Orphaned, Change{Kind: p.Kind, Title: p.Title, GUID: p.GUID})
			retired = append(retired, p.GUID)
		}
	}
	slices.Sort(retired)
	d.state.Retired = slices.Compact(retired)
	if d.state.Retired == nil {
		d.state.Retired = []string{}
	}
	if d.state.Notes == nil {
		d.state.Notes = []StateNote{}
	}
	return nil
}

// freshGUID returns the GUID of a new note with the given key: derived
// from the key, or from the key and a counter when that GUID is taken.
func freshGUID(key string, taken map[string]bool) string {
	g := guidFor(key)
	for i := 1; taken[g]; i++ {
		g = guidFor(fmt.Sprintf("%s\x00%d", key, i))
	}
	return g
}

// stateJSON encodes the state, one note a line, so that a diff of two
// state files shows which notes changed.
func stateJSON(s *State) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\n  \"schema\": ")
	enc := func(v any) error {
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(data)
		return nil
	}
	if err := enc(s.Schema); err != nil {
		return nil, err
	}
	b.WriteString(",\n  \"notes\": [")
	for i, n := range s.Notes {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		if err := enc(n); err != nil {
			return nil, err
		}
	}
	b.WriteString("\n  ],\n  \"retired\": ")
	if err := enc(s.Retired); err != nil {
		return nil, err
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}
