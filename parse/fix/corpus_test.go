package fix_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/internal/goldentest"
	"github.com/bankgen/bankgen/parse/fix"
	"github.com/bankgen/bankgen/parse/fix/internal/damage"
	"github.com/google/go-cmp/cmp"
)

// scoresFile is the golden score table TestCorpus writes.
const scoresFile = "testdata/corpus/scores.md"

// TestCorpus runs the repair over the clean corpus and every damaged
// variant of it, and compares the score table with testdata/corpus/scores.md.
// A clean document must come back byte for byte with no repair reported,
// as it is, with CRLF line endings and with a byte-order mark. A damaged
// file must be repaired exactly when no byte was lost; where bytes were
// lost, no line the damage left intact may change. Repairing a repair
// changes nothing. Beyond that, a damaged file that is not repaired exactly
// does not fail the test: the table is the record, and any change in
// quality shows in its diff.
func TestCorpus(t *testing.T) {
	docs := readCorpus(t)
	kinds := damage.Kinds()
	var clean []cleanResult
	scores := make([][]score, len(docs)) // [doc][kind]
	for i, d := range docs {
		out, rep := fix.Bytes(d.text)
		c := cleanResult{
			unchanged: bytes.Equal(out, d.text),
			repairs:   rep.Count(fix.Mojibake) + rep.Count(fix.Rebuilt) + rep.Count(fix.Removed),
			suspects:  suspects(rep),
		}
		if !c.unchanged || rep.Repaired() {
			t.Errorf("clean %s was changed or reported repaired:\n%s", d.name, rep)
		}
		clean = append(clean, c)
		crlf := bytes.ReplaceAll(d.text, []byte("\n"), []byte("\r\n"))
		for _, in := range [][]byte{crlf, append([]byte("\uFEFF"), d.text...)} {
			if out, rep := fix.Bytes(in); !bytes.Equal(out, bytes.TrimPrefix(in, []byte("\uFEFF"))) || rep.Repaired() {
				t.Errorf("clean %s, with CRLF or a BOM, was changed or reported repaired:\n%s", d.name, rep)
			}
		}
		for _, k := range kinds {
			damaged := k.Apply(d.text)
			if bytes.Equal(damaged, d.text) {
				t.Errorf("%s: %s left the document as it was", d.name, k.Name)
			}
			out, rep := fix.Bytes(damaged)
			if again, _ := fix.Bytes(out); !bytes.Equal(again, out) {
				t.Errorf("%s, %s: repairing the repair changed it", d.name, k.Name)
			}
			switch {
			case !k.Lossy && !bytes.Equal(out, d.text):
				t.Errorf("%s, %s: no byte was lost, but the repair is not exact (-want +got):\n%s", d.name, k.Name, cmp.Diff(string(d.text), string(out)))
			case k.Lossy:
				for _, line := range worsened(d.text, damaged, out) {
					t.Errorf("%s, %s: line %d was intact and changed", d.name, k.Name, line)
				}
			}
			scores[i] = append(scores[i], score{
				exact:    bytes.Equal(out, d.text),
				dist:     editDistance(string(d.text), string(out)),
				runes:    len([]rune(string(d.text))),
				suspects: suspects(rep),
				damaged:  rep.Count(fix.Undecodable),
			})
		}
	}
	table, summary := scoreTable(docs, kinds, clean, scores)
	table = append(table, wordsAlone(t)...)
	goldentest.Compare(t, scoresFile, table)
	compareReadme(t, summary)
}

// The repository README shows the summary of the score table between
// these lines; TestCorpus rewrites it there with -update.
const (
	readmeFile  = "../../README.md"
	readmeBegin = "<!-- corpus scores: written by go test ./parse/fix -run TestCorpus -update -->\n"
	readmeEnd   = "<!-- end of corpus scores -->\n"
)

// compareReadme checks that the README's copy of the summary is summary.
func compareReadme(t *testing.T, summary []byte) {
	readme, err := os.ReadFile(readmeFile)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok1 := bytes.Cut(readme, []byte(readmeBegin))
	_, after, ok2 := bytes.Cut(rest, []byte(readmeEnd))
	if !ok1 || !ok2 {
		t.Fatalf("%s has no section between %q and %q", readmeFile, readmeBegin, readmeEnd)
	}
	got := slices.Concat(before, []byte(readmeBegin), summary, []byte(readmeEnd), after)
	goldentest.Compare(t, readmeFile, got)
}

// wordsAlone repairs each word of the clean-text vocabulary alone in a
// file, the case with no context at all, and fails for each one that
// changes; the table records how many there are.
func wordsAlone(t *testing.T) []byte {
	words, _ := vocabulary(t)
	n := 0
	for _, w := range words {
		in := []byte(w + "\n")
		out, rep := fix.Bytes(in)
		if !bytes.Equal(out, in) || rep.Repaired() {
			n++
			t.Errorf("the word %q alone became %q:\n%s", w, bytes.TrimSuffix(out, []byte("\n")), rep)
		}
	}
	return fmt.Appendf(nil, `
## Words alone

Each of the %d words of the clean-text vocabulary (as FuzzCleanWords
takes them: the corpus's prose, the Declaration's words, symbols), alone
in a file, must come back unchanged (the test fails otherwise). Changed: %d.
`, len(words), n)
}

// worsened returns the lines (1-based) that damage left as they were in
// the clean text but the repair changed. Damage and repair keep lines
// where they are; a damaged file whose lines do not line up has none.
func worsened(clean, damaged, repaired []byte) []int {
	c, d, r := bytes.Split(clean, []byte("\n")), bytes.Split(damaged, []byte("\n")), bytes.Split(repaired, []byte("\n"))
	if len(d) != len(c) || len(r) != len(c) {
		return nil
	}
	var lines []int
	for i := range c {
		if bytes.Equal(d[i], c[i]) && !bytes.Equal(r[i], c[i]) {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// suspects counts the places rep lists as needing a person's eye: left
// as they were though they look damaged, rebuilt with more than one
// plausible candidate, or repaired with low confidence.
func suspects(rep *fix.Report) int {
	n := 0
	for _, r := range rep.Repairs() {
		if r.IsSuspect() {
			n++
		}
	}
	return n
}

type document struct {
	name string
	text []byte
}

func readCorpus(tb testing.TB) []document {
	tb.Helper()
	paths, err := filepath.Glob("testdata/corpus/clean/*.md")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no clean documents: %v", err)
	}
	var docs []document
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, document{filepath.Base(p), b})
	}
	return docs
}

// cleanResult is what the repair did to a clean document.
type cleanResult struct {
	unchanged         bool
	repairs, suspects int
}

// score is how well one damaged file was repaired.
type score struct {
	exact bool
	// dist is the edit distance from the clean text to the repair, in
	// runes; runes is the clean text's length in runes.
	dist, runes int
	// suspects and damaged count the places the report lists as Suspect
	// and as Undecodable.
	suspects, damaged int
}

// total sums scores.
type total struct {
	files, exact, dist, runes, suspects, silent int
}

func (s *total) add(sc score) {
	s.files++
	if sc.exact {
		s.exact++
	} else if sc.suspects+sc.damaged == 0 {
		s.silent++
	}
	s.dist += min(sc.dist, sc.runes)
	s.runes += sc.runes
	s.suspects += sc.suspects
}

// right is the share of characters right, 1 − distance/length, in percent,
// rounded down so that 100.00 means exactly right.
func right(dist, runes int) string {
	p := 100 * (1 - float64(min(dist, runes))/float64(runes))
	return fmt.Sprintf("%.2f", math.Floor(p*100)/100)
}

// scoreTable returns the score table and its summary for the README: the
// clean documents unchanged and the table by kind of damage.
func scoreTable(docs []document, kinds []damage.Kind, clean []cleanResult, scores [][]score) (table, summary []byte) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `# Encoding repair: scores on the multilingual corpus

Written by `+"`go test ./parse/fix -run TestCorpus -update`"+`; README.md beside this
file says how to read it. %d clean documents, %d kinds of damage, %d damaged files.

## Clean documents

A clean document must come back unchanged, with no repair reported (the
test fails otherwise). "suspects" counts the places its report still
flags.

| document | unchanged | repairs | suspects |
|---|---|---:|---:|
`, len(docs), len(kinds), len(docs)*len(kinds))
	unchanged := 0
	for i, d := range docs {
		c := clean[i]
		if c.unchanged {
			unchanged++
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d |\n", d.name, yesNo(c.unchanged), c.repairs, c.suspects)
	}
	fmt.Fprintf(&b, "| **all** | **%d/%d** | | |\n", unchanged, len(docs))

	b.WriteString(`
## By kind of damage

"exact": files repaired byte for byte. "characters right": 1 − edit
distance / length, over all the kind's files. "suspects": places the report
flags for a person's eye (Repair.IsSuspect: left as found though they look
damaged, rebuilt with more than one plausible candidate, or repaired with
low confidence). "silent": files not repaired exactly whose report flags
nothing and lists nothing undecodable.

`)
	var all total
	byKind := make([]total, len(kinds))
	byDoc := make([]total, len(docs))
	for i := range docs {
		for j := range kinds {
			byKind[j].add(scores[i][j])
			byDoc[i].add(scores[i][j])
			all.add(scores[i][j])
		}
	}
	var sum bytes.Buffer
	fmt.Fprintf(&sum, "Clean notes unchanged: **%d/%d** (the test fails if one changes).\n\n", unchanged, len(docs))
	writeTotals(&sum, "kind", func(i int) string { return kinds[i].Name }, byKind, all)
	writeTotals(&b, "kind", func(i int) string { return kinds[i].Name }, byKind, all)

	b.WriteString("\n## By document\n\n")
	writeTotals(&b, "document", func(i int) string { return docs[i].name }, byDoc, all)

	b.WriteString(`
## Every file

Characters right in percent; ✓ marks a file repaired exactly, and the
number of suspects listed follows in parentheses when there are any.

| document |`)
	for _, k := range kinds {
		fmt.Fprintf(&b, " %s |", k.Name)
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(kinds)) + "\n")
	for i, d := range docs {
		fmt.Fprintf(&b, "| %s |", d.name)
		for _, sc := range scores[i] {
			cell := right(sc.dist, sc.runes)
			if sc.exact {
				cell = "✓"
			}
			if sc.suspects > 0 {
				cell += fmt.Sprintf(" (%d)", sc.suspects)
			}
			fmt.Fprintf(&b, " %s |", cell)
		}
		b.WriteString("\n")
	}
	return b.Bytes(), sum.Bytes()
}

func writeTotals(b *bytes.Buffer, what string, name func(int) string, rows []total, all total) {
	fmt.Fprintf(b, "| %s | exact | characters right | suspects | silent |\n|---|---:|---:|---:|---:|\n", what)
	row := func(n string, s total) {
		fmt.Fprintf(b, "| %s | %d/%d | %s %% | %d | %d |\n", n, s.exact, s.files, right(s.dist, s.runes), s.suspects, s.silent)
	}
	for i, s := range rows {
		row(name(i), s)
	}
	row("**all**", all)
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

// editDistance is the Levenshtein distance between want and got in runes,
// computed line by line: lines equal in both are matched first (a longest
// common subsequence of lines), and each run of unmatched lines between two
// matches is compared rune by rune, line against line when both sides have
// the same number of lines, else as one text. The result is never below
// the true distance, and equals it when the differences stay within lines,
// as encoding damage and its repair do (neither touches a newline).
func editDistance(want, got string) int {
	if want == got {
		return 0
	}
	w, g := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	// lcs[i][j] is the LCS length of w[i:] and g[j:].
	lcs := make([][]int, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	dist := 0
	i, j := 0, 0
	i0, j0 := 0, 0 // start of the current unmatched run
	flush := func() {
		dist += runDistance(w[i0:i], g[j0:j])
	}
	for i < len(w) && j < len(g) {
		switch {
		case w[i] == g[j] && lcs[i][j] == lcs[i+1][j+1]+1:
			flush()
			i++
			j++
			i0, j0 = i, j
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	i, j = len(w), len(g)
	flush()
	return dist
}

// runDistance compares two runs of unmatched lines.
func runDistance(w, g []string) int {
	if len(w) == len(g) {
		d := 0
		for k := range w {
			d += levenshtein([]rune(w[k]), []rune(g[k]))
		}
		return d
	}
	return levenshtein([]rune(strings.Join(w, "")), []rune(strings.Join(g, "")))
}

// levenshtein is the edit distance between a and b: the fewest rune
// insertions, deletions and substitutions that turn a into b.
func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestEditDistance pins the scoring's distance on cases worked out by hand.
func TestEditDistance(t *testing.T) {
	tests := []struct {
		want, got string
		dist      int
	}{
		{"", "", 0},
		{"abc\n", "abc\n", 0},
		{"kitten", "sitting", 3},
		{"a — b\n", "a â€” b\n", 3},                         // one rune became three
		{"═══\n", "â•â•â•\n", 6},                            // each rune became two
		{"x\ny\nz\n", "x\nz\n", 2},                          // a line lost: "y\n"
		{"x\ny\nz\n", "x\ny\nq\nz\n", 2},                    // a line added: "q\n"
		{"é\nsame\nü\n", "Ã©\nsame\nÃ¼\n", 4},               // two runs around a matched line
		{"ab\ncd\n", "a\x00b\x00\n\x00c\x00d\x00\n\x00", 6}, // UTF-16 LE read as bytes
	}
	for _, tt := range tests {
		if got := editDistance(tt.want, tt.got); got != tt.dist {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.want, tt.got, got, tt.dist)
		}
	}
}
