package anki

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bankgen/bankgen/bank"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func fileTimes(interview time.Time) map[string]time.Time {
	return map[string]time.Time{guideFile: t0, interviewFile: interview, pythonFile: t0.Add(-time.Hour)}
}

func write(t testing.TB, b *bank.Bank, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b, o); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func fieldsOf(n dbNote) []string { return strings.Split(n.flds, fieldSep) }

func TestWriteImportable(t *testing.T) {
	b := testBank(t)
	p := readPackage(t, write(t, b, Options{FileTimes: fileTimes(t0)}))
	checkImportable(t, p)

	// 4 questions, 5 gaps, 4 terms; 5 phrasings and 2 diagrams as
	// cards (no answer has two titled sections); one card each.
	kinds := map[int64]int{}
	for _, n := range p.notes {
		kinds[n.mid]++
	}
	want := map[int64]int{questionType.ID: 4, gapType.ID: 5, conceptType.ID: 4, cardType.ID: 7}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("notes per note type mismatch (-want +got):\n%s", diff)
	}
	if len(p.cards) != 20 {
		t.Errorf("%d cards, want 20", len(p.cards))
	}
	var deckNames []string
	for _, d := range p.decks {
		deckNames = append(deckNames, d["name"].(string))
	}
	slices.Sort(deckNames)
	if diff := cmp.Diff([]string{"Default", "Interview Prep", "Interview Prep::Kubernetes", "Interview Prep::Python 🐍"}, deckNames); diff != "" {
		t.Errorf("decks mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"0": fontFile}, p.media); diff != "" {
		t.Errorf("media mismatch (-want +got):\n%s", diff)
	}
	if !bytes.Contains([]byte(questionType.CSS), []byte(`url("`+fontFile+`")`)) {
		t.Error("the CSS does not load the shipped font")
	}

	// Tags: all under bankgen::, a kind and a topic each, a level and
	// a question on every card of a question.
	for _, n := range p.notes {
		tags := strings.Fields(n.tags)
		has := func(prefix string) bool {
			for _, tg := range tags {
				if strings.HasPrefix(tg, prefix) {
					return true
				}
			}
			return false
		}
		for _, tg := range tags {
			if !strings.HasPrefix(tg, "bankgen::") {
				t.Errorf("note %s: tag %q is not under bankgen::", n.guid, tg)
			}
		}
		if !has("bankgen::kind::") || !has("bankgen::topic::") {
			t.Errorf("note %s tags %q lack a kind or a topic", n.guid, n.tags)
		}
		if n.mid != conceptType.ID && (!has("bankgen::level::") || !has("bankgen::question::")) {
			t.Errorf("note %s tags %q lack a level or a question", n.guid, n.tags)
		}
	}

	// Note mod comes from the note's source file.
	for _, n := range p.notes {
		f := fieldsOf(n)
		wantMod := t0.Unix()
		if strings.Contains(n.tags, "::topic::python") {
			wantMod = t0.Add(-time.Hour).Unix()
		}
		if n.mod != wantMod {
			t.Errorf("note %s mod %d, want %d", f[0], n.mod, wantMod)
		}
	}
	if p.mod != t0.Unix()*1000 {
		t.Errorf("col mod %d, want the newest source time %d", p.mod, t0.Unix()*1000)
	}
	for _, e := range p.entries {
		if !e.modified.Equal(t0) {
			t.Errorf("zip entry %s modified %v, want %v", e.name, e.modified, t0)
		}
	}
}

func TestHostileText(t *testing.T) {
	p := readPackage(t, write(t, testBank(t), Options{}))
	all := ""
	for _, n := range p.notes {
		all += n.flds + "\n"
	}
	if strings.Contains(strings.ToLower(all), "<script") {
		t.Error("a field holds a raw <script> tag")
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",                  // shows as text
		"What is the GIL and why does it matter? &lt;script&gt;", // control characters dropped, CRLF kept as a space
		"{{Front}} &amp; &#91;sound:x.mp3]",                      // no template or media syntax left
		"=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)",
		"How would you run Spark and Flink on Kubernetes? 🎯",
		"../../etc/passwd", // a caption, nothing more
		"║  Desired: 10  ✅  Drift ❌   ║",
		"Autoscaling &lt;b&gt;on payday&lt;/b&gt;",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no field contains %q", want)
		}
	}
	for _, e := range p.entries {
		if strings.Contains(e.name, "..") || strings.Contains(e.name, "/") {
			t.Errorf("zip entry %q", e.name)
		}
	}
	for _, bad := range []string{"[sound:", "[latex]", "\x00", "\x07", "\r"} {
		if strings.Contains(all, bad) {
			t.Errorf("a field contains %q", bad)
		}
	}
}

func TestDiagramKeptExactly(t *testing.T) {
	p := readPackage(t, write(t, testBank(t), Options{}))
	for _, n := range p.notes {
		if n.mid != questionType.ID {
			continue
		}
		f := fieldsOf(n)
		if !strings.Contains(f[qDiagrams], "Desired state") {
			continue
		}
		// The art, trailing spaces included, sits in a <pre> exactly.
		want := `<pre class="bg-pre bg-art">` + "\n" + boxArt + "</pre>"
		if !strings.Contains(f[qDiagrams], want) {
			t.Errorf("diagram not kept exactly:\n%s", f[qDiagrams])
		}
		return
	}
	t.Fatal("no question with the diagram")
}

func TestDeterministic(t *testing.T) {
	b := testBank(t)
	o := Options{FileTimes: fileTimes(t0), Reverse: true}
	first := write(t, b, o)
	if second := write(t, b, o); !bytes.Equal(first, second) {
		t.Fatal("two runs gave different bytes")
	}
	// The collection itself is deterministic, not only the zip.
	c1 := readPackage(t, first).entry("collection.anki2").data
	d, err := build(testBank(t), &Options{FileTimes: fileTimes(t0), Reverse: true, Deck: DefaultDeck})
	if err != nil {
		t.Fatal(err)
	}
	c2, err := collection(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(c1, c2) {
		t.Fatal("two builds of the collection differ")
	}
}

// TestStore checks that Store changes only how the collection is kept
// in the zip.
func TestStore(t *testing.T) {
	b := testBank(t)
	deflated := readPackage(t, write(t, b, Options{}))
	stored := readPackage(t, write(t, b, Options{Store: true}))
	d, s := deflated.entry("collection.anki2"), stored.entry("collection.anki2")
	if !bytes.Equal(d.data, s.data) {
		t.Error("Store changed the collection")
	}
	if d.method != zip.Deflate || s.method != zip.Store {
		t.Errorf("methods %d and %d, want deflate and store", d.method, s.method)
	}
}

func TestFiles(t *testing.T) {
	b := testBank(t)
	files, err := Files(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Name != "interview-prep.apkg" || files[0].Items != 20 || files[1].Name != "interview-prep.anki-state.json" {
		t.Fatalf("Files = %+v", files)
	}
	var buf bytes.Buffer
	if err := files[0].Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), write(t, b, Options{})) {
		t.Error("File.Write differs from Write")
	}
	// The package is made once and kept: writing it again gives it again.
	var again bytes.Buffer
	if err := files[0].Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Error("a second File.Write differs from the first")
	}

	files, err = Files(b, Options{Name: "k8s", Text: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, fmt.Sprintf("%s %d", f.Name, f.Items))
	}
	if diff := cmp.Diff([]string{"k8s-questions.txt 4", "k8s-gaps.txt 5", "k8s-concepts.txt 4", "k8s-cards.txt 7", "k8s.anki-state.json 20"}, got); diff != "" {
		t.Errorf("text files mismatch (-want +got):\n%s", diff)
	}

	for _, name := range []string{"a/b", `a\b`, "..", ".", "x\ny"} {
		if _, err := Files(b, Options{Name: name}); !errors.Is(err, ErrName) {
			t.Errorf("Name %q: err %v, want ErrName", name, err)
		}
	}
	for _, deck := range []string{"a::::b", " :: x", "::", ":", "a:: : ::b"} {
		if _, err := Files(b, Options{Deck: deck}); err == nil {
			t.Errorf("Deck %q accepted", deck)
		}
	}
	p := readPackage(t, write(t, b, Options{Deck: " Study :: Interview  Prep "}))
	checkImportable(t, p)
	found := false
	for _, d := range p.decks {
		found = found || d["name"] == "Study::Interview Prep::Kubernetes"
	}
	if !found {
		t.Errorf("nested parent deck not used: %v", p.decks)
	}
}

// TestText reads each text file the way Anki's text importer does: "#"
// header lines, then tab-separated rows through a CSV reader that skips
// lines starting with "#".
func TestText(t *testing.T) {
	b := testBank(t)
	o := Options{FileTimes: fileTimes(t0), Reverse: true}
	p := readPackage(t, write(t, b, o))
	byGUID := map[string]dbNote{}
	for _, n := range p.notes {
		byGUID[n.guid] = n
	}
	deckOf := map[int64]string{}
	for _, c := range p.cards {
		for _, d := range p.decks {
			if jsonInt(t, "deck id", d["id"]) == c.did {
				deckOf[c.nid] = d["name"].(string)
			}
		}
	}
	d, err := build(b, &Options{FileTimes: fileTimes(t0), Reverse: true, Deck: DefaultDeck, Name: DefaultName})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, nt := range noteTypes {
		k := nt.Name
		var buf bytes.Buffer
		if err := writeText(&buf, d, nt); err != nil {
			t.Fatal(err)
		}
		text := buf.String()
		var header []string
		rest := text
		for strings.HasPrefix(rest, "#") {
			line, after, _ := strings.Cut(rest, "\n")
			header = append(header, line)
			rest = after
		}
		n := len(nt.Fields)
		want := []string{
			"#separator:tab", "#html:true", "#notetype:" + nt.Name,
			fmt.Sprintf("#deck column:%d", n+1), fmt.Sprintf("#tags column:%d", n+2), fmt.Sprintf("#guid column:%d", n+3),
			"#columns:" + strings.Join(nt.Fields, "\t") + "\tDeck\tTags\tGUID",
		}
		if diff := cmp.Diff(want, header); diff != "" {
			t.Errorf("%s header mismatch (-want +got):\n%s", k, diff)
		}
		r := csv.NewReader(strings.NewReader(text))
		r.Comma, r.Comment, r.FieldsPerRecord = '\t', '#', n+3
		rows := 0
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", k, err)
			}
			rows++
			guid := rec[n+2]
			note, ok := byGUID[guid]
			if !ok {
				t.Errorf("%s: row GUID %q is not in the package", k, guid)
				continue
			}
			if note.mid != nt.ID {
				t.Errorf("%s: row %q has note type %d in the package", k, guid, note.mid)
			}
			if diff := cmp.Diff(fieldsOf(note), rec[:n]); diff != "" {
				t.Errorf("%s %s fields differ from the package (-apkg +text):\n%s", k, guid, diff)
			}
			if rec[n] != deckOf[note.id] || rec[n+1] != strings.TrimSpace(note.tags) {
				t.Errorf("%s %s: deck %q tags %q, package has %q %q", k, guid, rec[n], rec[n+1], deckOf[note.id], note.tags)
			}
		}
		if rows != d.count(nt) {
			t.Errorf("%s: %d rows, want %d", k, rows, d.count(nt))
		}
		seen += rows
	}
	if seen != len(p.notes) {
		t.Errorf("text files hold %d notes, the package %d", seen, len(p.notes))
	}
}

func TestStripHTML(t *testing.T) {
	// Anki's own cases (rslib text.rs tests), and entities.
	for in, want := range map[string]string{
		"test":                              "test",
		"t<b>e</b>st":                       "test",
		"so<SCRIPT>t<b>e</b>st</script>me":  "some",
		"<img src=foo.jpg>":                 " foo.jpg ",
		"<img src='foo.jpg'><html>":         " foo.jpg ",
		"<html>":                            "",
		"a<!-- x -->b<style>p{}</style>c":   "abc",
		"&lt;script&gt; &amp;&nbsp;&#91;x]": "<script> & [x]",
		"no\u00a0entity":                    "no\u00a0entity",
		"an\u00a0&amp;":                     "an &",
	} {
		if got := stripHTML(in); got != want {
			t.Errorf("stripHTML(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGUIDs(t *testing.T) {
	g := guidFor("kubernetes/q2")
	if g != guidFor("kubernetes/q2") || g == guidFor("kubernetes/q3") {
		t.Error("GUIDs are not a function of the stable ID")
	}
	for _, r := range g {
		if !strings.ContainsRune(base91, r) {
			t.Errorf("GUID %q has %q, outside Anki's alphabet", g, r)
		}
	}
	s := idSet{}
	if a, b := s.take(5), s.take(5); a != 5 || b != 6 {
		t.Errorf("idSet gave %d, %d", a, b)
	}
}

// TestNoPanic feeds banks that are odd or invalid; Write must return an
// error or a package, never panic.
func TestNoPanic(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(b *bank.Bank)
		wantErr bool
	}{
		{"empty bank", func(b *bank.Bank) { *b = bank.Bank{} }, false},
		{"topic without content", func(b *bank.Bank) { b.Topics = []bank.Topic{{Name: "X", ID: "x"}} }, false},
		{"sample out of range", func(b *bank.Bank) { b.Topics[0].Questions[1].Answer[1].Sample = 99 }, false},
		{"negative sample", func(b *bank.Bank) { b.Topics[0].Questions[1].Answer[1].Sample = -1 }, false},
		{"unknown block kind", func(b *bank.Bank) { b.Topics[0].Questions[0].Answer[0].Kind = "marquee" }, false},
		{"ragged table", func(b *bank.Bank) { b.Topics[0].Questions[0].Answer[4].Rows[0] = nil }, false},
		{"invalid UTF-8", func(b *bank.Bank) { b.Topics[0].Questions[0].Prompt = "bad \xff\xfe bytes"; b.Topics[0].Name = "\xc3" }, false},
		{"bad level", func(b *bank.Bank) { b.Topics[0].Questions[0].Level = 77 }, false},
		{"topic name of colons", func(b *bank.Bank) { b.Topics[0].Name = ":: :: ::" }, false},
		{"topic name and ID of colons", func(b *bank.Bank) { b.Topics[0].Name, b.Topics[0].ID = ":", "a::b" }, false},
		{"duplicate IDs", func(b *bank.Bank) { b.Topics[1].Guide[0].ID = b.Topics[0].Guide[0].ID }, true},
		{"no IDs", func(b *bank.Bank) { b.Topics[0].Questions[0].ID = "" }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := testBank(t)
			tt.edit(b)
			var buf bytes.Buffer
			err := Write(&buf, b, Options{})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil {
				checkImportable(t, readPackage(t, buf.Bytes()))
			}
			for _, k := range Kinds() {
				err := WriteText(io.Discard, b, Options{}, k)
				if (err != nil) != tt.wantErr {
					t.Errorf("WriteText: err = %v, want error %v", err, tt.wantErr)
				}
			}
		})
	}
}

// TestShippedBank exports the bank of the sources that ship with
// bankgen.
func TestShippedBank(t *testing.T) {
	b := bank.Default()
	if err := b.Validate(); err != nil {
		t.Fatalf("the shipped bank does not validate: %v", err)
	}
	data := write(t, b, Options{Reverse: true})
	p := readPackage(t, data)
	checkImportable(t, p)
	c := b.Count()
	if len(p.notes) < c.Questions+c.Gaps+2*c.Terms+c.Diagrams {
		t.Errorf("%d notes, want at least a question, gap, concept, reverse and diagram note each: %+v", len(p.notes), c)
	}
	if !bytes.Equal(data, write(t, b, Options{Reverse: true})) {
		t.Error("two runs gave different bytes")
	}
}

// TestRandomText fills every string of the fixture bank with random
// text (control characters, invalid UTF-8, combining marks, HTML, Anki
// markup) and checks that a bank that still validates always gives an
// importable package.
func TestRandomText(t *testing.T) {
	pieces := []string{"a", "Z", " ", "\n", "\r\n", "\t", "\x00", "\x1f", "\x7f", "\xff", "\xe2\x94", "é", "e\u0301",
		"\u2126", "╔", "║", "✅", "🎯", "<", ">", "&", "&amp;", "\"", "'", "[", "]", "{{", "}}", "::", "/", "\\",
		"<script>", "[sound:a.mp3]", "<img src=x>", "\u00a0", "\u2028", "\ufeff"}
	rng := rand.New(rand.NewPCG(3, 4))
	randText := func() string {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	valid := 0
	for i := range 30 {
		b := testBank(t)
		mutateStrings(reflect.ValueOf(b).Elem(), randText)
		b.AssignIDs()
		if b.Validate() != nil {
			continue
		}
		valid++
		var buf bytes.Buffer
		o := Options{Reverse: i%2 == 0}
		if err := Write(&buf, b, o); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		p := readPackage(t, buf.Bytes())
		checkImportable(t, p)
		for _, k := range Kinds() {
			if err := WriteText(io.Discard, b, o, k); err != nil {
				t.Fatalf("run %d: WriteText: %v", i, err)
			}
		}
		if t.Failed() {
			t.Fatalf("run %d failed", i)
		}
	}
	if valid < 10 {
		t.Errorf("only %d of 30 random banks validated", valid)
	}
}

// mutateStrings replaces every string reachable from v with gen().
func mutateStrings(v reflect.Value, gen func() string) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() && v.Type() != reflect.TypeFor[bank.BlockKind]() {
			v.SetString(gen())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			mutateStrings(v.Field(i), gen)
		}
	case reflect.Slice:
		for i := range v.Len() {
			mutateStrings(v.Index(i), gen)
		}
	}
}
