package anki

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// The collection is an SQLite database in Anki's schema 11, which every
// Anki since 2.1 opens and upgrades (rslib storage/schema11.sql and
// storage/upgrades). It is built in memory, in a fixed order, on one
// connection, and then serialized; the same deck gives the same bytes.

// schema11 is Anki's schema-11 table layout. Indexes are created after
// the rows are in, which is faster than keeping them up to date.
const schema11 = `
create table col (
    id integer primary key, crt integer not null, mod integer not null,
    scm integer not null, ver integer not null, dty integer not null,
    usn integer not null, ls integer not null, conf text not null,
    models text not null, decks text not null, dconf text not null,
    tags text not null
);
create table notes (
    id integer primary key, guid text not null, mid integer not null,
    mod integer not null, usn integer not null, tags text not null,
    flds text not null, sfld integer not null, csum integer not null,
    flags integer not null, data text not null
);
create table cards (
    id integer primary key, nid integer not null, did integer not null,
    ord integer not null, mod integer not null, usn integer not null,
    type integer not null, queue integer not null, due integer not null,
    ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null,
    odid integer not null, flags integer not null, data text not null
);
create table revlog (
    id integer primary key, cid integer not null, usn integer not null,
    ease integer not null, ivl integer not null, lastIvl integer not null,
    factor integer not null, time integer not null, type integer not null
);
create table graves (
    usn integer not null, oid integer not null, type integer not null
);
`

const schema11Indexes = `
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`

// collectionCreated is the collection's creation time (col.crt), in
// Unix seconds. Anki counts scheduling days from it; new cards do not
// depend on it, and a fixed date in the past keeps the file stable.
const collectionCreated = 1704067200 // 2024-01-01

// pageSize is the SQLite page size. Fields of a few kilobytes fit
// several to a page, which keeps the file small and the build fast.
const pageSize = 16384

// fieldSep separates the fields of a note in notes.flds.
const fieldSep = "\x1f"

// collection builds the SQLite file of a rendered deck.
func collection(d *deck) ([]byte, error) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, fmt.Errorf("anki: opening database: %w", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("anki: opening database: %w", err)
	}
	closeAll := func() {
		conn.Close()
		db.Close()
	}
	if err := fillCollection(ctx, conn, d); err != nil {
		closeAll()
		return nil, fmt.Errorf("anki: writing collection: %w", err)
	}
	var data []byte
	err = conn.Raw(func(dc any) error {
		s, ok := dc.(interface{ Serialize() ([]byte, error) })
		if !ok {
			return fmt.Errorf("sqlite driver %T cannot serialize", dc)
		}
		data, err = s.Serialize()
		return err
	})
	if err != nil {
		closeAll()
		return nil, fmt.Errorf("anki: serializing collection: %w", err)
	}
	closeAll()
	return data, nil
}

func fillCollection(ctx context.Context, conn *sql.Conn, d *deck) error {
	for _, p := range []string{
		"pragma page_size = " + strconv.Itoa(pageSize),
		"pragma journal_mode = off",
		"pragma synchronous = off",
		"pragma locking_mode = exclusive",
		"pragma temp_store = memory",
	} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return err
		}
	}
	if _, err := conn.ExecContext(ctx, schema11); err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	col, err := colRow(d)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `insert into col values (1,?,?,?,11,0,0,0,?,?,?,?,'{}')`,
		collectionCreated, d.mod*1000, d.mod*1000, col.conf, col.models, col.decks, col.dconf); err != nil {
		return err
	}

	insNote, err := tx.PrepareContext(ctx, `insert into notes values (?,?,?,?,-1,?,?,?,?,0,'')`)
	if err != nil {
		return err
	}
	defer insNote.Close()
	insCard, err := tx.PrepareContext(ctx, `insert into cards values (?,?,?,?,?,-1,0,0,?,0,0,0,0,0,0,0,0,'')`)
	if err != nil {
		return err
	}
	defer insCard.Close()

	// Rows go in by key, which SQLite appends fastest, packing pages
	// full. Every note has one card, with the note's ID.
	byID := make([]*note, len(d.notes))
	for i := range d.notes {
		byID[i] = &d.notes[i]
	}
	slices.SortFunc(byID, func(a, b *note) int { return cmp.Compare(a.id, b.id) })
	for _, n := range byID {
		if _, err := insCard.ExecContext(ctx, n.id, n.id, d.decks[n.deck].id, 0, n.mod, n.due); err != nil {
			return err
		}
	}
	for _, n := range byID {
		if _, err := insNote.ExecContext(ctx, n.id, n.guid, noteTypeOf(n.kind).ID, n.mod, n.tags,
			strings.Join(n.fields, fieldSep), n.sfld, n.csum); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, schema11Indexes); err != nil {
		return err
	}
	return tx.Commit()
}

// colJSON holds the JSON columns of the col row.
type colJSON struct {
	conf, models, decks, dconf string
}

func colRow(d *deck) (colJSON, error) {
	var c colJSON
	var err error
	parentID := d.decks[d.parent].id
	nextPos := 1
	if len(d.notes) > 0 {
		nextPos = d.notes[len(d.notes)-1].due + 1
	}
	c.conf, err = marshal(map[string]any{
		"activeDecks":   []int64{1},
		"addToCur":      true,
		"collapseTime":  1200,
		"curDeck":       1,
		"curModel":      questionType.ID,
		"dueCounts":     true,
		"estTimes":      true,
		"newSpread":     0,
		"nextPos":       nextPos,
		"schedVer":      2,
		"sortBackwards": false,
		"sortType":      "noteFld",
		"timeLim":       0,
	})
	if err != nil {
		return c, err
	}

	models := map[string]jsonModel{}
	for _, nt := range noteTypes {
		models[strconv.FormatInt(nt.ID, 10)] = modelJSON(nt, parentID)
	}
	if c.models, err = marshal(models); err != nil {
		return c, err
	}

	decks := map[string]jsonDeck{"1": newDeckJSON(1, "Default", 0, "")}
	for i, dk := range d.decks {
		desc := ""
		if i == d.parent {
			desc = d.desc
		}
		decks[strconv.FormatInt(dk.id, 10)] = newDeckJSON(dk.id, dk.name, d.mod, desc)
	}
	if c.decks, err = marshal(decks); err != nil {
		return c, err
	}
	c.dconf, err = marshal(map[string]any{"1": defaultDeckConf()})
	return c, err
}

// marshal encodes v as compact JSON, leaving <, > and & as they are.
// Map keys come out sorted.
func marshal(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// jsonModel is a note type as schema 11 stores it in col.models
// (rslib notetype/schema11.rs NotetypeSchema11). Every key without a
// serde default there is present here, plus the keys Anki 2.1's older
// Python code read (tags, vers, req).
type jsonModel struct {
	ID        int64          `json:"id"`
	Name      string         `json:"name"`
	Type      int            `json:"type"`
	Mod       int64          `json:"mod"`
	Usn       int            `json:"usn"`
	Sortf     int            `json:"sortf"`
	Did       int64          `json:"did"`
	Tmpls     []jsonTemplate `json:"tmpls"`
	Flds      []jsonField    `json:"flds"`
	CSS       string         `json:"css"`
	LatexPre  string         `json:"latexPre"`
	LatexPost string         `json:"latexPost"`
	Latexsvg  bool           `json:"latexsvg"`
	Req       [][]any        `json:"req"`
	Tags      []string       `json:"tags"`
	Vers      []any          `json:"vers"`
}

type jsonTemplate struct {
	Name  string `json:"name"`
	Ord   int    `json:"ord"`
	Qfmt  string `json:"qfmt"`
	Afmt  string `json:"afmt"`
	Bqfmt string `json:"bqfmt"`
	Bafmt string `json:"bafmt"`
	Did   *int64 `json:"did"`
	Bfont string `json:"bfont"`
	Bsize int    `json:"bsize"`
}

type jsonField struct {
	Name        string   `json:"name"`
	Ord         int      `json:"ord"`
	Sticky      bool     `json:"sticky"`
	Rtl         bool     `json:"rtl"`
	Font        string   `json:"font"`
	Size        int      `json:"size"`
	Media       []string `json:"media"`
	Description string   `json:"description"`
}

const (
	latexPre = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n" +
		"\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n" +
		"\\setlength{\\parindent}{0in}\n\\begin{document}\n"
	latexPost = "\\end{document}"
)

func modelJSON(nt *noteType, did int64) jsonModel {
	m := jsonModel{
		ID: nt.ID, Name: nt.Name, Type: 0, Mod: nt.Mod, Usn: -1, Sortf: nt.Sort, Did: did,
		CSS: nt.CSS, LatexPre: latexPre, LatexPost: latexPost,
		Tags: []string{}, Vers: []any{},
	}
	for i, t := range nt.Templates {
		m.Tmpls = append(m.Tmpls, jsonTemplate{Name: t.Name, Ord: i, Qfmt: t.Front, Afmt: t.Back,
			Bqfmt: t.BrowserFront, Bafmt: t.BrowserBack})
	}
	for i, f := range nt.Fields {
		m.Flds = append(m.Flds, jsonField{Name: f, Ord: i, Font: "Arial", Size: 20, Media: []string{}})
	}
	for i, r := range nt.Req {
		m.Req = append(m.Req, []any{i, r.Kind, r.Fields})
	}
	return m
}

// jsonDeck is a normal deck as schema 11 stores it in col.decks (rslib
// decks/schema11.rs NormalDeckSchema11): collapsed must be a JSON bool,
// and the four "today" pairs have no default.
type jsonDeck struct {
	ID               int64  `json:"id"`
	Mod              int64  `json:"mod"`
	Name             string `json:"name"`
	Usn              int    `json:"usn"`
	LrnToday         [2]int `json:"lrnToday"`
	RevToday         [2]int `json:"revToday"`
	NewToday         [2]int `json:"newToday"`
	TimeToday        [2]int `json:"timeToday"`
	Collapsed        bool   `json:"collapsed"`
	BrowserCollapsed bool   `json:"browserCollapsed"`
	Desc             string `json:"desc"`
	Dyn              int    `json:"dyn"`
	Conf             int64  `json:"conf"`
	ExtendNew        int    `json:"extendNew"`
	ExtendRev        int    `json:"extendRev"`
}

func newDeckJSON(id int64, name string, mod int64, desc string) jsonDeck {
	return jsonDeck{ID: id, Mod: mod, Name: name, Usn: -1, Desc: desc, Conf: 1}
}

// defaultDeckConf returns Anki's default deck options group (id 1), with the
// keys rslib deckconfig/schema11.rs requires. Anki keeps the
// collection's own group 1 on import, so these values never override a
// learner's settings.
func defaultDeckConf() map[string]any {
	return map[string]any{
		"id": 1, "mod": 0, "name": "Default", "usn": 0,
		"maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
		"new": map[string]any{
			"bury": false, "delays": []float64{1, 10}, "initialFactor": 2500,
			"ints": []int{1, 4, 0}, "order": 1, "perDay": 20, "separate": true,
		},
		"rev": map[string]any{
			"bury": false, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1, "maxIvl": 36500,
			"minSpace": 1, "perDay": 200, "hardFactor": 1.2,
		},
		"lapse": map[string]any{
			"delays": []float64{10}, "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0,
		},
	}
}
