package markdown_test

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
)

// gen builds random banks from a small vocabulary of tokens that look
// like Markdown syntax, within what the parser can produce: the limits
// listed in limits_test.go are respected by construction.
type gen struct {
	r *rand.Rand
}

func newGen(seed uint64) *gen { return &gen{r: rand.New(rand.NewPCG(seed, 0x6d61726b646f776e))} }

// tokens mixes words, non-ASCII text and every piece of Markdown and HTML
// syntax the renderer must escape.
var tokens = []string{
	"alpha", "Beta", "pod", "k8s", "x_y", "snake_case_name", "über", "naïve", "日本語",
	"🎯", "🐍", "✅", "❌", "═║╔╗╚╝", "─│┌┐",
	"*", "**", "***", "_", "__", "_x_", "*x*", "**x**", "`", "``", "```", "~~~", "~",
	"<", ">", "<b>", "</b>", "<!--", "-->", "<http://a.b>", "http://x.y/z?q=1&r=2",
	"[", "]", "[x](y)", "![i](j)", "[ref]:", "|", "||", `\`, `\*`, `\\`, `\n`,
	"&", "&amp;", "&#42;", "&#x2A;", "&copy;", "&nbsp", "&;", "#", "##", "#tag",
	"-", "--", "---", "+", "=", "===", "1.", "2)", "10.", ":", "::", ".", "..",
	"—", "–", `"`, "“", "”", "'", "’", "{{Front}}", "$x$", "%", "^", "@user",
	"\t", "\u200b", "\u00ad", "<script>alert(1)</script>", `=HYPERLINK("http://x","y")`, "../../etc/passwd",
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// text returns up to n tokens joined mostly by spaces, sometimes by
// nothing, line breaks or, when paras is set, blank lines; trimmed, as
// the parser trims all text.
func (g *gen) text(n int, breaks, paras bool) string {
	var b strings.Builder
	k := 1 + g.r.IntN(n)
	prev := ""
	for i := 0; i < k; i++ {
		tok := g.pick(tokens)
		if i > 0 {
			switch x := g.r.IntN(20); {
			case x == 0 && breaks:
				b.WriteString("\n")
			case x == 1 && paras:
				b.WriteString("\n\n")
			case x == 2 && isASCII(prev) && isASCII(tok):
				// Adjacent tokens; not non-ASCII ones, which could
				// read as mojibake ("’ü") and be repaired.
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString(tok)
		prev = tok
	}
	return strings.TrimSpace(b.String())
}

// nonEmpty is text that is not empty once trimmed.
func (g *gen) nonEmpty(n int, breaks, paras bool) string {
	for {
		if s := g.text(n, breaks, paras); s != "" {
			return s
		}
	}
}

// maybe returns text or, one time in four, "".
func (g *gen) maybe(n int, breaks, paras bool) string {
	if g.r.IntN(4) == 0 {
		return ""
	}
	return g.text(n, breaks, paras)
}

// block returns a random block that may stand in notes and extra
// sections: not a heading other than the bold level 4, and no sample.
func (g *gen) block() bank.Block {
	switch g.r.IntN(7) {
	case 0:
		// "H": not a number that would read as a question.
		return bank.Block{Kind: bank.KindHeading, Level: 4, Text: strings.TrimSpace("H " + g.text(5, true, false))}
	case 1:
		b := bank.Block{Kind: bank.KindList, Ordered: g.r.IntN(2) == 0}
		depth := -1
		for i := 0; i < 1+g.r.IntN(5); i++ {
			depth = g.r.IntN(depth + 2)
			b.Items = append(b.Items, strings.Repeat("  ", depth)+g.text(6, true, false))
		}
		return b
	case 2:
		b := bank.Block{Kind: bank.KindTable}
		cols := 1 + g.r.IntN(4)
		for i := 0; i < cols; i++ {
			b.Header = append(b.Header, g.text(3, true, false))
		}
		for i := 0; i < g.r.IntN(4); i++ {
			var row []string
			for j := 0; j < cols; j++ {
				row = append(row, g.text(3, true, false))
			}
			b.Rows = append(b.Rows, row)
		}
		return b
	case 3:
		return bank.Block{Kind: bank.KindQuote, Text: g.text(10, true, true)}
	case 4:
		return bank.Block{Kind: bank.KindCode, Lang: g.lang(), Code: g.code()}
	}
	return bank.Block{Kind: bank.KindParagraph, Text: g.nonEmpty(12, true, true)}
}

func (g *gen) lang() string {
	return g.pick([]string{"", "", "go", "bash", "c++", "a`b", "python", "~~~"})
}

// code returns fenced-code content: whole lines, no carriage returns,
// with runs of backticks and tildes that a fence must outlast. Its first
// line names no file, so the parser finds none.
func (g *gen) code() string {
	if g.r.IntN(8) == 0 {
		return ""
	}
	lines := []string{"x := 1", "```", "````go", "~~~", "    indented", "\ttabbed", "", "trailing   ", "# comment", "<b>&amp;</b> \\*"}
	var b strings.Builder
	b.WriteString("first line\n")
	for i := 0; i < g.r.IntN(6); i++ {
		b.WriteString(g.pick(lines) + "\n")
	}
	return b.String()
}

// blocks returns up to n blocks; the first is one that first(kind)
// accepts, when first is not nil.
func (g *gen) blocks(n int, first func(bank.Block) bool) []bank.Block {
	var bs []bank.Block
	for i := 0; i < n; i++ {
		b := g.block()
		for i == 0 && first != nil && !first(b) {
			b = g.block()
		}
		bs = append(bs, b)
	}
	return bs
}

// markLed reports whether a block is a list whose every top-level item
// opens with a mark ("✅ …", "❌ …", "+ …"), which the parser reads as
// feedback.
func markLed(b bank.Block) bool {
	if b.Kind != bank.KindList || len(b.Items) == 0 {
		return false
	}
	for _, it := range b.Items {
		if strings.HasPrefix(it, " ") {
			continue // a nested item; the top-level items decide
		}
		it = strings.TrimSpace(it)
		if !strings.HasPrefix(it, "✅") && !strings.HasPrefix(it, "❌") && !strings.HasPrefix(it, "+") {
			return false
		}
	}
	return true
}

// rubricLike reports whether a table reads as a rubric in a question's
// feedback: two rows or more, and a column whose every cell opens with
// a mark ("✅ …", "❌ …", "+"). A question's extra sections hold none.
func rubricLike(b bank.Block) bool {
	if b.Kind != bank.KindTable || len(b.Rows) < 2 {
		return false
	}
	for c := range b.Header {
		marked := true
		for _, row := range b.Rows {
			marked = marked && (strings.HasPrefix(row[c], "✅") || strings.HasPrefix(row[c], "❌") || strings.HasPrefix(row[c], "+"))
		}
		if marked {
			return true
		}
	}
	return false
}

func kindIn(kinds ...bank.BlockKind) func(bank.Block) bool {
	return func(b bank.Block) bool {
		for _, k := range kinds {
			if b.Kind == k {
				return true
			}
		}
		return false
	}
}

// levels pairs a heading's level wording with the level the parser maps
// it onto; the empty label is a level the parser infers from the
// question's place (set by topic).
var levels = []struct {
	label string
	level bank.Level
}{
	{"", bank.LevelUnknown}, {"Warm Up", bank.WarmUp}, {"Stepping Up", bank.SteppingUp},
	{"Lead Engineer Level", bank.Lead}, {"Medium difficulty", bank.SteppingUp}, {"Junior", bank.WarmUp},
}

// pin returns a pinned ID key, one time in six.
func (g *gen) pin() string {
	if g.r.IntN(6) > 0 {
		return ""
	}
	return g.pick([]string{"alpha", "beta-2", "über", "x_y"})
}

// extraTitles are the titles of a question's extra sections: those the
// parser gives content misplaced in a part (with the kinds of first block
// that part does not take), and unrecognised headings.
var extraTitles = []struct {
	title string
	first func(bank.Block) bool
}{
	{"Question", kindIn(bank.KindTable)},                                      // first only: later, its heading asks a new question
	{"Feedback First", kindIn(bank.KindTable, bank.KindCode, bank.KindQuote)}, // marked lists and scores are feedback
	{"What You Nailed", kindIn(bank.KindTable, bank.KindCode, bank.KindQuote)},
	{"What to Tighten Up", kindIn(bank.KindTable, bank.KindCode)},
	{"Diagrams", kindIn(bank.KindList, bank.KindTable, bank.KindQuote)}, // a line above code titles a diagram
	{"", nil}, // an unrecognised heading, titled at random
}

func (g *gen) question() bank.Question {
	lv := levels[g.r.IntN(len(levels))]
	q := bank.Question{Number: g.r.IntN(10000), Level: lv.level, Label: lv.label, Prompt: g.maybe(15, true, true), Pin: g.pin()}
	q.LevelInferred = lv.label == ""
	if g.r.IntN(4) == 0 && q.Prompt != "" {
		q.Title = g.pick([]string{"Rate limiting", "Pods and nodes", "x_y: z", "a — b", "Why?"})
	}
	if g.r.IntN(4) == 0 {
		q.Response = g.blocks(1+g.r.IntN(2), nil)
		for i := range q.Response {
			for markLed(q.Response[i]) {
				q.Response[i] = g.block() // a marked list is feedback
			}
		}
	}
	if g.r.IntN(4) == 0 {
		q.Score = g.pick([]string{"7/10", "8 / 10", "B+", "★★★☆☆", "Strong hire — 3/4"})
	}
	for i := 0; i < g.r.IntN(4); i++ {
		q.Strengths = append(q.Strengths, bank.Strength{Title: g.text(5, true, false), Detail: g.maybe(12, true, true), Pin: g.pin()})
	}
	for i := 0; i < g.r.IntN(4); i++ {
		q.Gaps = append(q.Gaps, bank.Gap{Title: g.text(5, true, false), Detail: g.maybe(12, true, true), Phrasing: g.maybe(12, true, true), Pin: g.pin()})
	}
	for i := 0; i < g.r.IntN(8); i++ {
		switch g.r.IntN(5) {
		case 0:
			q.Answer = append(q.Answer, bank.Block{Kind: bank.KindSample, Sample: len(q.Samples)})
			q.Samples = append(q.Samples, bank.Sample{Lang: g.lang(), Code: g.code(), Pin: g.pin()})
		case 1:
			lv := 1 + g.r.IntN(6)
			text := "H " + g.text(4, true, false) // "H": neither a section nor a question heading
			if lv == 4 && g.r.IntN(3) == 0 {
				text = "" // "####" with no text
			}
			q.Answer = append(q.Answer, bank.Block{Kind: bank.KindHeading, Level: lv, Text: strings.TrimSpace(text)})
		default:
			b := g.block()
			if b.Kind == bank.KindCode {
				continue // code in an answer is a sample
			}
			q.Answer = append(q.Answer, b)
		}
	}
	for i := 0; i < g.r.IntN(4); i++ {
		q.Diagrams = append(q.Diagrams, g.diagram(g.r.IntN(5) != 0))
	}
	for i := 0; i < g.r.IntN(4); i++ {
		x := extraTitles[g.r.IntN(len(extraTitles))]
		if x.title == "Question" && i > 0 {
			continue
		}
		title := x.title
		if title == "" {
			title = strings.TrimSpace("X " + g.text(4, true, false))
		}
		n := 1 + g.r.IntN(3)
		if title[0] == 'X' {
			n = g.r.IntN(3)
		}
		blocks := g.blocks(n, x.first)
		for i := range blocks {
			for rubricLike(blocks[i]) || i == 0 && x.first != nil && !x.first(blocks[i]) {
				blocks[i] = g.block()
			}
		}
		q.Extra = append(q.Extra, bank.Section{Title: title, Blocks: blocks})
	}
	return q
}

// diagram returns a diagram whose art lines all draw, so that none reads
// as a title; titles are words with at least two letters.
func (g *gen) diagram(titled bool) bank.Diagram {
	d := bank.Diagram{Pin: g.pin()}
	if g.r.IntN(5) == 0 {
		d.Lang = g.pick([]string{"mermaid", "plantuml", "dot"})
		d.Title = g.pick([]string{"", "Checkout flow", "A ─ B"})
		d.Art = g.pick([]string{"graph TD\n  A --> B", "@startuml\nA -> B\n@enduml", "digraph { a -> b }"})
		return d
	}
	if titled {
		d.Title = strings.ToUpper(g.pick([]string{"desired state", "flow — a to b", "pods & nodes", "x_y ✅ (v2)"}))
	}
	art := []string{"╔════╗", "║ ✅ ║   ", "╚════╝", "  ──▶ indented", "│```│", "┌~~~┐", "  ", ""}
	lines := []string{art[g.r.IntN(4)]}
	for i := 0; i < g.r.IntN(6); i++ {
		lines = append(lines, g.pick(art))
	}
	lines = append(lines, art[g.r.IntN(4)])
	d.Art = strings.Join(lines, "\n")
	return d
}

// topic returns topic number n. Its name starts with "T<n> " so that
// names never share a slug, and ends in a letter, as titles do.
func (g *gen) topic(n int) bank.Topic {
	t := bank.Topic{Name: fmt.Sprintf("T%d %s Z", n, g.text(4, false, false))}
	for i := 0; i < g.r.IntN(4); i++ {
		// "N<i> ": neither a section name nor a question heading.
		t.Notes = append(t.Notes, bank.Section{Title: strings.TrimSpace(fmt.Sprintf("N%d %s", i, g.text(3, true, false))), Blocks: g.blocks(g.r.IntN(4), nil)})
	}
	// Terms are filed in order: some before any note, then under notes
	// in the notes' order.
	sec := -1
	for i := 0; i < g.r.IntN(6); i++ {
		sec += g.r.IntN(2)
		if sec >= len(t.Notes) {
			break
		}
		term := bank.Term{Term: g.text(3, true, false), Definition: g.nonEmpty(10, true, true), Pin: g.pin()}
		if sec >= 0 {
			term.Section = t.Notes[sec].Title
		}
		t.Guide = append(t.Guide, term)
	}
	for i := 0; i < g.r.IntN(3); i++ {
		title := g.pick([]string{"What You Nailed", "Diagrams", "Model Answer ✅", "strengths:", "FEEDBACK"})
		t.Extra = append(t.Extra, bank.Section{Title: title, Blocks: g.blocks(g.r.IntN(3), nil)})
	}
	for i := 0; i < g.r.IntN(4); i++ {
		t.Questions = append(t.Questions, g.question())
	}
	for i := range t.Questions {
		if q := &t.Questions[i]; q.LevelInferred {
			q.Level = vocab.InferLevel(i, len(t.Questions))
		}
	}
	if g.r.IntN(4) == 0 {
		t.Tags = []string{"k8s", g.pick([]string{"ops", "a, b", `"quoted"`, "ünï"})}
	}
	t.Pin = g.pin()
	if len(t.Guide)+len(t.Questions) == 0 { // else the file is skipped as no study material
		t.Guide = append(t.Guide, bank.Term{Term: "Only", Definition: "term"})
	}
	return t
}

// bank returns a random bank of one to three topics and maybe a plan.
func (g *gen) bank() *bank.Bank {
	b := &bank.Bank{}
	for i := 0; i < 1+g.r.IntN(3); i++ {
		b.Topics = append(b.Topics, g.topic(i+1))
	}
	for i := 0; i < g.r.IntN(5); i++ {
		st := bank.Status(g.r.IntN(3))
		e := bank.PlanEntry{Number: g.r.IntN(30) - 5, Topic: g.text(3, true, false), Status: st}
		e.Label = g.pick(map[bank.Status][]string{bank.Done: {"✅ Done", "yes", "[x]"}, bank.Next: {"🔄 In progress", "⬜ Next"}, bank.Todo: {"⬜", "Not started", "[ ]"}}[st])
		if g.r.IntN(3) == 0 {
			e.Fields = []bank.Field{{Name: "Week", Value: fmt.Sprint(1 + g.r.IntN(9))}}
		}
		b.Plan = append(b.Plan, e)
	}
	b.AssignIDs()
	return b
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// features counts what a bank exercises, so that the random test can
// check that its banks cover every case it means to.
func features(b *bank.Bank, n map[string]int) {
	blocks := func(where string, bs []bank.Block) {
		for _, x := range bs {
			n[where+" "+string(x.Kind)]++
			if x.Kind == bank.KindHeading {
				n["heading level "+fmt.Sprint(x.Level)]++
			}
			for _, it := range x.Items {
				switch {
				case strings.HasPrefix(it, "  "):
					n["nested item"]++
				case it == "":
					n["empty item"]++
				}
			}
			if strings.Contains(x.Text, "\n\n") {
				n["blank line in text"]++
			}
		}
	}
	for _, t := range b.Topics {
		blocks("note", nil)
		for _, s := range t.Notes {
			blocks("note", s.Blocks)
		}
		for _, g := range t.Guide {
			if g.Section == "" {
				n["term before notes"]++
			} else {
				n["term in a note"]++
			}
		}
		for _, x := range t.Extra {
			n["topic extra"]++
			blocks("extra", x.Blocks)
		}
		for _, q := range t.Questions {
			n["level "+q.Level.String()]++
			if q.LevelInferred {
				n["level inferred"]++
			}
			if q.Title != "" {
				n["question title"]++
			}
			if len(q.Response) > 0 {
				n["response"]++
			}
			if q.Score != "" {
				n["score"]++
			}
			if q.Pin != "" {
				n["pinned question"]++
			}
			for _, d := range q.Diagrams {
				if d.Lang != "" {
					n["diagram in a language"]++
				}
			}
			blocks("answer", q.Answer)
			if strings.Contains(q.Prompt, "\n\n") {
				n["prompt paragraphs"]++
			}
			for _, g := range q.Gaps {
				if g.Phrasing != "" {
					n["phrasing"]++
				}
			}
			for _, d := range q.Diagrams {
				if d.Title == "" {
					n["untitled diagram"]++
				} else {
					n["diagram"]++
				}
			}
			for _, x := range q.Extra {
				title := x.Title
				if strings.HasPrefix(title, "X") {
					title = "unrecognised"
				}
				n["question extra "+title]++
				blocks("extra", x.Blocks)
			}
		}
	}
	if len(b.Plan) > 0 {
		n["plan"]++
	}
	for _, e := range b.Plan {
		if len(e.Fields) > 0 {
			n["plan fields"]++
		}
	}
	for _, t := range b.Topics {
		if len(t.Tags) > 0 {
			n["tags"]++
		}
	}
}
