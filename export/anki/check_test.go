package anki

import (
	"archive/zip"
	"bytes"
	"crypto/sha1"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// This file reads a written package back the way Anki's importer does
// (rslib import_export/package/apkg/import, storage/upgrades and the
// schema-11 serde structs) and checks everything that importer needs.

type zipEntry struct {
	name     string
	method   uint16
	modified time.Time
	data     []byte
}

type dbNote struct {
	id, mid, mod, usn, csum, flags int64
	guid, tags, flds, data         string
	sfld                           any
}

type dbCard struct {
	id, nid, did, ord, mod, usn, typ, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags int64
	data                                                                                             string
}

// apkg is a package as read back from its bytes.
type apkg struct {
	entries []zipEntry
	media   map[string]string

	crt, mod, scm, ver, dty, usn, ls int64
	conf                             map[string]any
	models, decks, dconf             map[string]map[string]any
	tags                             string
	rows                             int // rows in col

	notes   []dbNote // by id
	cards   []dbCard // by id
	columns map[string][]string
	indexes []string
	check   string // pragma integrity_check
}

func (p *apkg) entry(name string) *zipEntry {
	for i := range p.entries {
		if p.entries[i].name == name {
			return &p.entries[i]
		}
	}
	return nil
}

func decodeJSON(t testing.TB, what, s string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("col.%s is not valid JSON: %v\n%s", what, err, s)
	}
}

// readPackage opens the zip and the SQLite collection in it.
func readPackage(t testing.TB, data []byte) *apkg {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	p := &apkg{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("zip entry %s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc) // checks the CRC-32 too
		rc.Close()
		if err != nil {
			t.Fatalf("zip entry %s: %v", f.Name, err)
		}
		p.entries = append(p.entries, zipEntry{f.Name, f.Method, f.Modified, b})
	}
	if m := p.entry("media"); m == nil {
		t.Fatal("no media entry")
	} else if err := json.Unmarshal(m.data, &p.media); err != nil {
		t.Fatalf("media map: %v", err)
	}
	c := p.entry("collection.anki2")
	if c == nil {
		t.Fatal("no collection.anki2 entry")
	}
	path := filepath.Join(t.TempDir(), "collection.anki2")
	if err := os.WriteFile(path, c.data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	if err := db.QueryRow("pragma integrity_check").Scan(&p.check); err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	p.columns = map[string][]string{}
	for _, tbl := range []string{"col", "notes", "cards", "revlog", "graves"} {
		rows, err := db.Query("select name from pragma_table_info(?) order by cid", tbl)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n string
			rows.Scan(&n)
			p.columns[tbl] = append(p.columns[tbl], n)
		}
		rows.Close()
	}
	rows, err := db.Query("select name from sqlite_master where type = 'index' order by name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		p.indexes = append(p.indexes, n)
	}
	rows.Close()

	if err := db.QueryRow("select count(*) from col").Scan(&p.rows); err != nil {
		t.Fatal(err)
	}
	var conf, models, decks, dconf string
	if err := db.QueryRow("select crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags from col").
		Scan(&p.crt, &p.mod, &p.scm, &p.ver, &p.dty, &p.usn, &p.ls, &conf, &models, &decks, &dconf, &p.tags); err != nil {
		t.Fatalf("reading col: %v", err)
	}
	decodeJSON(t, "conf", conf, &p.conf)
	decodeJSON(t, "models", models, &p.models)
	decodeJSON(t, "decks", decks, &p.decks)
	decodeJSON(t, "dconf", dconf, &p.dconf)

	rows, err = db.Query("select id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data from notes order by id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n dbNote
		if err := rows.Scan(&n.id, &n.guid, &n.mid, &n.mod, &n.usn, &n.tags, &n.flds, &n.sfld, &n.csum, &n.flags, &n.data); err != nil {
			t.Fatal(err)
		}
		p.notes = append(p.notes, n)
	}
	rows.Close()
	rows, err = db.Query("select * from cards order by id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c dbCard
		if err := rows.Scan(&c.id, &c.nid, &c.did, &c.ord, &c.mod, &c.usn, &c.typ, &c.queue, &c.due, &c.ivl,
			&c.factor, &c.reps, &c.lapses, &c.left, &c.odue, &c.odid, &c.flags, &c.data); err != nil {
			t.Fatal(err)
		}
		p.cards = append(p.cards, c)
	}
	rows.Close()
	return p
}

// Anki's schema 11, column by column (rslib storage/schema11.sql).
var wantColumns = map[string][]string{
	"col":    {"id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf", "tags"},
	"notes":  {"id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data"},
	"cards":  {"id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "left", "odue", "odid", "flags", "data"},
	"revlog": {"id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type"},
	"graves": {"usn", "oid", "type"},
}

var wantIndexes = []string{"ix_cards_nid", "ix_cards_sched", "ix_cards_usn", "ix_notes_csum", "ix_notes_usn", "ix_revlog_cid", "ix_revlog_usn"}

// Keys that rslib's schema-11 structs require (no serde default).
var (
	modelKeys    = []string{"id", "name", "type", "mod", "usn", "sortf", "did", "tmpls", "flds", "css"}
	fieldKeys    = []string{"name", "ord", "sticky", "rtl", "font", "size"}
	templateKeys = []string{"name", "ord", "qfmt"}
	deckKeys     = []string{"id", "name", "usn", "lrnToday", "revToday", "newToday", "timeToday", "collapsed", "dyn", "conf"}
	dconfKeys    = []string{"id", "mod", "name", "usn", "maxTaken", "autoplay", "timer", "new", "rev", "lapse"}
	dconfSub     = map[string][]string{
		"new":   {"delays", "initialFactor", "ints", "order", "perDay"},
		"rev":   {"ease4", "ivlFct", "maxIvl", "perDay"},
		"lapse": {"delays", "leechAction", "leechFails", "minInt", "mult"},
	}
)

func requireKeys(t testing.TB, what string, m map[string]any, keys []string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks key %q", what, k)
		}
	}
}

func jsonInt(t testing.TB, what string, v any) int64 {
	t.Helper()
	n, ok := v.(json.Number)
	if !ok {
		t.Errorf("%s = %#v, want a number", what, v)
		return 0
	}
	i, err := n.Int64()
	if err != nil {
		t.Errorf("%s = %s, want an integer", what, n)
	}
	return i
}

func names(t testing.TB, what string, list any, keys []string) []string {
	t.Helper()
	items, ok := list.([]any)
	if !ok {
		t.Errorf("%s is %T, want a list", what, list)
		return nil
	}
	var out []string
	for i, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			t.Errorf("%s[%d] is %T, want an object", what, i, it)
			continue
		}
		requireKeys(t, fmt.Sprintf("%s[%d]", what, i), m, keys)
		if ord := jsonInt(t, what+".ord", m["ord"]); ord != int64(i) {
			t.Errorf("%s[%d].ord = %d", what, i, ord)
		}
		s, _ := m["name"].(string)
		out = append(out, s)
	}
	return out
}

// independentChecksum computes Anki's checksum the simple way, for
// first fields, which this package keeps free of tags.
func independentChecksum(first string) int64 {
	if strings.Contains(first, "&") {
		first = strings.ReplaceAll(html.UnescapeString(first), "\u00a0", " ")
	}
	sum := sha1.Sum([]byte(first))
	return int64(binary.BigEndian.Uint32(sum[:4]))
}

var mediaRef = regexp.MustCompile(`(?i)<img[^>]+src=|\[sound:`)

// checkImportable checks a package against the rules of Anki's importer.
func checkImportable(t *testing.T, p *apkg) {
	t.Helper()
	// The zip: collection, media map, and one entry per media file.
	if p.entry("collection.anki2") == nil || p.entry("media") == nil {
		t.Fatalf("entries %v lack collection.anki2 or media", p.entries)
	}
	if p.entry("meta") != nil || p.entry("collection.anki21") != nil {
		t.Error("a legacy schema-11 package must have no meta or collection.anki21")
	}
	for num, name := range p.media {
		if p.entry(num) == nil {
			t.Errorf("media %q -> %q: no zip entry %q", num, name, num)
		}
		if strings.ContainsAny(name, `/\`) || name == "" || name == "." || name == ".." {
			t.Errorf("media name %q is not a plain file name", name)
		}
		if !strings.HasPrefix(name, "_") {
			t.Errorf("media %q is referenced only from CSS, so its name must start with _", name)
		}
	}

	// The database.
	if p.check != "ok" {
		t.Errorf("integrity_check: %s", p.check)
	}
	for tbl, want := range wantColumns {
		if !slices.Equal(p.columns[tbl], want) {
			t.Errorf("table %s columns = %v, want %v", tbl, p.columns[tbl], want)
		}
	}
	if !slices.Equal(p.indexes, wantIndexes) {
		t.Errorf("indexes = %v, want %v", p.indexes, wantIndexes)
	}
	if p.rows != 1 || p.ver != 11 {
		t.Errorf("col has %d rows, ver %d; want 1 row, ver 11", p.rows, p.ver)
	}
	if p.crt <= 0 || p.mod <= 0 || p.scm <= 0 {
		t.Errorf("col crt %d, mod %d, scm %d", p.crt, p.mod, p.scm)
	}

	// Note types: the map key is the id; required keys; unique names.
	type model struct {
		fields, templates []string
		sortf             int64
	}
	models := map[int64]model{}
	for key, m := range p.models {
		requireKeys(t, "model "+key, m, modelKeys)
		id := jsonInt(t, "model id", m["id"])
		if fmt.Sprint(id) != key {
			t.Errorf("models key %s != id %d", key, id)
		}
		if typ := jsonInt(t, "model type", m["type"]); typ != 0 {
			t.Errorf("model %s type %d, want 0 (standard)", key, typ)
		}
		if _, ok := m["css"].(string); !ok {
			t.Errorf("model %s css is %T", key, m["css"])
		}
		mo := model{
			fields:    names(t, "model "+key+" flds", m["flds"], fieldKeys),
			templates: names(t, "model "+key+" tmpls", m["tmpls"], templateKeys),
			sortf:     jsonInt(t, "sortf", m["sortf"]),
		}
		if len(mo.fields) == 0 || len(mo.templates) == 0 || mo.sortf < 0 || mo.sortf >= int64(len(mo.fields)) {
			t.Errorf("model %s: %d fields, %d templates, sortf %d", key, len(mo.fields), len(mo.templates), mo.sortf)
		}
		for _, list := range [][]string{mo.fields, mo.templates} {
			seen := map[string]bool{}
			for _, n := range list {
				if n == "" || seen[strings.ToLower(n)] || strings.ContainsAny(n, `:{}"`) {
					t.Errorf("model %s: bad or repeated name %q", key, n)
				}
				seen[strings.ToLower(n)] = true
			}
		}
		models[id] = mo
	}

	// Decks: key is the id, collapsed is a JSON bool, unique names.
	decks := map[int64]string{}
	deckNames := map[string]bool{}
	for key, d := range p.decks {
		requireKeys(t, "deck "+key, d, deckKeys)
		id := jsonInt(t, "deck id", d["id"])
		if fmt.Sprint(id) != key {
			t.Errorf("decks key %s != id %d", key, id)
		}
		if _, ok := d["collapsed"].(bool); !ok {
			t.Errorf("deck %s collapsed is %#v, want a JSON bool", key, d["collapsed"])
		}
		if dyn := jsonInt(t, "deck dyn", d["dyn"]); dyn != 0 {
			t.Errorf("deck %s is filtered", key)
		}
		name, _ := d["name"].(string)
		for _, c := range strings.Split(name, "::") {
			if strings.TrimSpace(c) == "" {
				t.Errorf("deck name %q has an empty component", name)
			}
		}
		if deckNames[strings.ToLower(name)] {
			t.Errorf("deck name %q repeated", name)
		}
		deckNames[strings.ToLower(name)] = true
		if conf := jsonInt(t, "deck conf", d["conf"]); p.dconf[fmt.Sprint(conf)] == nil {
			t.Errorf("deck %s uses options group %d, which is missing", key, conf)
		}
		decks[id] = name
	}
	for name := range deckNames {
		comps := strings.Split(name, "::")
		if parent := strings.Join(comps[:len(comps)-1], "::"); len(comps) > 1 && !deckNames[parent] {
			t.Errorf("deck %q has no parent deck in the package", name)
		}
		for _, c := range comps {
			if strings.HasPrefix(c, ":") || strings.HasSuffix(c, ":") {
				t.Errorf("deck %q has a component with a colon at its end", name)
			}
		}
	}
	for key, c := range p.dconf {
		requireKeys(t, "dconf "+key, c, dconfKeys)
		for sub, keys := range dconfSub {
			m, _ := c[sub].(map[string]any)
			requireKeys(t, "dconf "+key+"."+sub, m, keys)
		}
	}

	// Notes.
	guids := map[string]bool{}
	notes := map[int64]dbNote{}
	for _, n := range p.notes {
		mo, ok := models[n.mid]
		if !ok {
			t.Errorf("note %d: note type %d missing", n.id, n.mid)
			continue
		}
		if n.id <= 0 || n.id >= 1<<53 {
			t.Errorf("note id %d out of range", n.id)
		}
		if n.guid == "" || guids[n.guid] {
			t.Errorf("note %d: empty or repeated guid %q", n.id, n.guid)
		}
		guids[n.guid] = true
		fields := strings.Split(n.flds, fieldSep)
		if len(fields) != len(mo.fields) {
			t.Errorf("note %s has %d fields, its note type %d", n.guid, len(fields), len(mo.fields))
			continue
		}
		for i, f := range fields {
			if strings.IndexFunc(f, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f }) >= 0 {
				t.Errorf("note %s field %s holds a control character Anki would strip: %q", n.guid, mo.fields[i], f)
			}
		}
		if strings.Contains(fields[0], "<") {
			t.Errorf("note %s: first field holds a tag: %q", n.guid, fields[0])
		}
		if want := independentChecksum(fields[0]); n.csum != want {
			t.Errorf("note %s: csum %d, want %d", n.guid, n.csum, want)
		}
		if got, want := fmt.Sprint(n.sfld), stripHTML(fields[mo.sortf]); got != want {
			t.Errorf("note %s: sfld %q, want %q", n.guid, got, want)
		}
		if !strings.HasPrefix(n.tags, " ") || !strings.HasSuffix(n.tags, " ") || strings.Contains(n.tags, "  ") {
			t.Errorf("note %s: tags %q not in Anki's stored form", n.guid, n.tags)
		}
		if n.mod <= 0 {
			t.Errorf("note %s: mod %d", n.guid, n.mod)
		}
		if mediaRef.MatchString(n.flds) {
			t.Errorf("note %s refers to media; the package ships none for fields", n.guid)
		}
		notes[n.id] = n
	}

	// Cards point at existing notes and decks, and at templates.
	cardIDs := map[int64]bool{}
	ords := map[[2]int64]bool{}
	cardsOf := map[int64]int{}
	for _, c := range p.cards {
		if cardIDs[c.id] || c.id <= 0 || c.id >= 1<<53 {
			t.Errorf("card id %d repeated or out of range", c.id)
		}
		cardIDs[c.id] = true
		n, ok := notes[c.nid]
		if !ok {
			t.Errorf("card %d: note %d missing", c.id, c.nid)
			continue
		}
		cardsOf[c.nid]++
		if _, ok := decks[c.did]; !ok {
			t.Errorf("card %d: deck %d missing", c.id, c.did)
		}
		if c.ord < 0 || c.ord >= int64(len(models[n.mid].templates)) {
			t.Errorf("card %d: ord %d, note type has %d templates", c.id, c.ord, len(models[n.mid].templates))
		}
		if ords[[2]int64{c.nid, c.ord}] {
			t.Errorf("card %d: note %d has two cards of ord %d", c.id, c.nid, c.ord)
		}
		ords[[2]int64{c.nid, c.ord}] = true
		if c.typ != 0 || c.queue != 0 || c.due <= 0 || c.odid != 0 {
			t.Errorf("card %d is not a plain new card: type %d queue %d due %d", c.id, c.typ, c.queue, c.due)
		}
	}
	for id, n := range notes {
		if cardsOf[id] == 0 {
			t.Errorf("note %s has no card", n.guid)
		}
	}
}
