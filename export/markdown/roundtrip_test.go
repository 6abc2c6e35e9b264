package markdown_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/markdown"
	"github.com/bankgen/bankgen/parse"
	"github.com/bankgen/bankgen/source"
)

// equal compares banks the way the round trip promises: positions aside,
// nil and empty alike.
var equal = cmp.Options{cmpopts.IgnoreTypes(bank.Pos{}), cmpopts.EquateEmpty()}

// render writes every file of b's export into memory, as parse sources.
func render(t testing.TB, b *bank.Bank, opts markdown.Options) []parse.Source {
	t.Helper()
	files, err := markdown.Files(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	srcs := make([]parse.Source, len(files))
	for i, f := range files {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		srcs[i] = parse.Source{Name: f.Name, Data: buf.Bytes()}
	}
	return srcs
}

// roundTrip renders b, parses the result and reports any difference.
// It returns the diagnostics of the second parse.
// The bank is normalised first: parsing cleans every text (bank.Clean),
// so only a clean bank can come back equal.
func roundTrip(t testing.TB, b *bank.Bank, opts markdown.Options) bank.Diagnostics {
	t.Helper()
	b.Normalize()
	srcs := render(t, b, opts)
	got, diags := parse.Parse(srcs...)
	if diff := cmp.Diff(b, got, equal); diff != "" {
		for _, s := range srcs {
			t.Logf("--- %s\n%s", s.Name, s.Data)
		}
		t.Errorf("parse(render(bank)) differs (-bank +parsed):\n%s", diff)
	}
	return diags
}

// goldenBank loads the reviewed JSON of the shipped sources.
func goldenBank(t testing.TB) *bank.Bank { return bank.Default() }

// TestRoundTripShipped renders the bank of the shipped sources, both as
// parsed now and as reviewed in bank.Default, and parses it back.
func TestRoundTripShipped(t *testing.T) {
	t.Run("golden", func(t *testing.T) {
		diags := roundTrip(t, goldenBank(t), markdown.Options{})
		if err := diags.Err(); err != nil {
			t.Errorf("the rendered Markdown has errors:\n%v", err)
		}
		for _, d := range diags {
			t.Logf("%v", d)
		}
	})
	t.Run("parsed", func(t *testing.T) {
		srcs, err := parse.ReadFS(source.FS, "source/")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := parse.Parse(srcs...)
		roundTrip(t, b, markdown.Options{})
	})
}

// TestRoundTripFixture round-trips the hand-written bank of hostile text.
func TestRoundTripFixture(t *testing.T) {
	diags := roundTrip(t, testBank(), markdown.Options{})
	for _, d := range diags {
		t.Logf("%v", d)
	}
}

// randomBanks is how many random banks TestRoundTripRandom checks.
const randomBanks = 2000

// TestRoundTripRandom round-trips banks built at random (with fixed
// seeds, so failures repeat) from tokens that look like Markdown.
func TestRoundTripRandom(t *testing.T) {
	n := randomBanks
	if testing.Short() {
		n = 200
	}
	failed := 0
	seen := map[string]int{}
	for seed := uint64(1); seed <= uint64(n) && failed < 3; seed++ {
		b := newGen(seed).bank()
		features(b, seen)
		ok := t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			roundTrip(t, b, markdown.Options{Numbered: true})
		})
		if !ok {
			failed++
		}
	}
	// The banks must exercise every case the generator is meant to.
	want := []string{"term before notes", "term in a note", "topic extra", "plan", "phrasing", "prompt paragraphs",
		"diagram", "untitled diagram", "nested item", "empty item", "blank line in text",
		"level inferred", "level warm-up", "level stepping-up", "level lead", "question title", "response", "score",
		"pinned question", "diagram in a language", "plan fields", "tags",
		"question extra Question", "question extra Feedback First", "question extra What You Nailed",
		"question extra What to Tighten Up", "question extra Diagrams", "question extra unrecognised"}
	for _, k := range []bank.BlockKind{bank.KindHeading, bank.KindParagraph, bank.KindList, bank.KindTable, bank.KindQuote} {
		want = append(want, "note "+string(k), "answer "+string(k), "extra "+string(k))
	}
	want = append(want, "note code", "extra code", "answer sample")
	for l := 1; l <= 6; l++ {
		want = append(want, fmt.Sprint("heading level ", l))
	}
	for _, k := range want {
		if seen[k] == 0 {
			t.Errorf("no random bank has a %s", k)
		}
	}
	t.Logf("%d banks: %v", n, seen)
}
