package cardhtml

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"golang.org/x/net/html"

	"github.com/bankgen/bankgen/bank"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

// hostile is source text that would run, or break out of its element,
// if it were not escaped.
const hostile = `<script>alert(1)</script><img src=x onerror="alert(2)"> a & b 'q' [sound:x.mp3] </pre></div>`

// fill sets every string reachable from v to s.
func fill(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() && v.Type() == reflect.TypeFor[string]() {
			v.SetString(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), s)
		}
	case reflect.Slice:
		for i := range v.Len() {
			fill(v.Index(i), s)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			fill(v.Elem(), s)
		}
	}
}

// hostileQuestion is a question with every kind of block and every
// string set to hostile text.
func hostileQuestion() *bank.Question {
	q := &bank.Question{
		Strengths: []bank.Strength{{}},
		Gaps:      []bank.Gap{{}},
		Answer: []bank.Block{
			{Kind: bank.KindHeading, Level: 2}, {Kind: bank.KindHeading, Level: 4}, {Kind: bank.KindHeading, Level: 6},
			{Kind: bank.KindParagraph}, {Kind: bank.KindList, Items: []string{""}}, {Kind: bank.KindList, Ordered: true, Items: []string{""}},
			{Kind: bank.KindTable, Header: []string{""}, Rows: [][]string{{""}}}, {Kind: bank.KindQuote},
			{Kind: bank.KindCode}, {Kind: bank.KindSample, Sample: 0}, {Kind: bank.KindRule},
		},
		Samples:  []bank.Sample{{Kinds: []string{""}}, {}},
		Diagrams: []bank.Diagram{{}},
		Extra:    []bank.Section{{Blocks: []bank.Block{{Kind: bank.KindParagraph}}}},
	}
	kinds := make([]bank.BlockKind, len(q.Answer))
	for i, b := range q.Answer {
		kinds[i] = b.Kind
	}
	fill(reflect.ValueOf(q).Elem(), hostile)
	for i := range q.Answer {
		q.Answer[i].Kind = kinds[i]
	}
	q.Extra[0].Blocks[0].Kind = bank.KindParagraph
	// Languages a lexer exists for, so highlighted code is checked too.
	q.Answer[8].Lang, q.Samples[0].Lang, q.Samples[1].Lang = "html", "yaml", "bash"
	return q
}

// allowedTags are the elements fragments may hold.
var allowedTags = map[string]bool{
	"p": true, "br": true, "h4": true, "h5": true, "h6": true, "ul": true, "ol": true, "li": true,
	"div": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"blockquote": true, "hr": true, "pre": true, "span": true, "b": true, "details": true, "summary": true,
}

// checkInert parses a fragment as a browser would and fails if it holds
// an element or attribute that source text could have made, or if the
// hostile text does not come back as text.
func checkInert(t *testing.T, name, frag string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(frag))
	var text strings.Builder
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			if !allowedTags[tok.Data] {
				t.Errorf("%s: element <%s>", name, tok.Data)
			}
			for _, a := range tok.Attr {
				if a.Key != "class" && a.Key != "style" {
					t.Errorf("%s: attribute %s=%q", name, a.Key, a.Val)
				}
			}
		case html.TextToken:
			text.WriteString(tok.Data)
		case html.CommentToken, html.DoctypeToken:
			t.Errorf("%s: %v token %q", name, tt, tok.Data)
		}
	}
	if !strings.Contains(text.String(), strings.TrimSpace(hostile)) && !strings.Contains(strings.ReplaceAll(text.String(), "\n", ""), strings.TrimSpace(hostile)) {
		t.Errorf("%s: the source text does not come back as text:\n%s", name, text.String())
	}
}

func TestEveryFieldEscaped(t *testing.T) {
	for _, brackets := range []bool{false, true} {
		r := New(Options{Brackets: brackets})
		q := hostileQuestion()
		for name, frag := range map[string]string{
			"Text":      r.Text(hostile),
			"Line":      r.Line(hostile),
			"Pre":       r.Pre("bg-art", hostile),
			"Code":      r.Code("html", "", hostile),
			"Sample":    r.Sample(&q.Samples[0]),
			"Blocks":    r.Blocks(q.Answer, q.Samples),
			"Answer":    r.Answer(q),
			"Gaps":      r.Gaps(q.Gaps),
			"Strengths": r.Strengths(q.Strengths),
			"Diagrams":  r.Diagrams(q.Diagrams),
			"Diagram":   r.Diagram(&q.Diagrams[0]),
			"Outline":   r.Outline(q),
			"Phrasings": r.Phrasings(q.Gaps),
			"Parts":     r.Parts(q.AnswerSections()[0].Parts),
		} {
			checkInert(t, name, frag)
			if brackets && strings.Contains(frag, "[") {
				t.Errorf("%s: Brackets left a [ in %q", name, frag)
			}
		}
	}
}

func TestAnswer(t *testing.T) {
	q := &bank.Question{
		Answer: []bank.Block{
			{Kind: bank.KindHeading, Level: 2, Text: "Pod — the atomic unit"},
			{Kind: bank.KindParagraph, Text: "A pod wraps\ncontainers."},
			{Kind: bank.KindSample, Sample: 1},
			{Kind: bank.KindSample, Sample: 7}, // out of range: skipped
		},
		Samples: []bank.Sample{
			{Lang: "txt", File: "notes.txt", Code: "unplaced"},
			{Kinds: []string{"Pod", "Service"}, Code: "kind: Pod"},
		},
		Extra: []bank.Section{{Title: "Follow-up\nquestions", Blocks: []bank.Block{{Kind: bank.KindRule}}}},
	}
	got := New(Options{}).Answer(q)
	want := "<h4>Pod — the atomic unit</h4>\n" +
		"<p>A pod wraps<br>containers.</p>\n" +
		`<div class="bg-cap">Pod, Service</div><pre class="bg-pre bg-code">` + "\nkind: Pod</pre>\n" +
		`<div class="bg-cap">notes.txt</div><pre class="bg-pre bg-code">` + "\nunplaced</pre>\n" +
		"<h4>Follow-up questions</h4>\n<hr>\n"
	if got != want {
		t.Errorf("Answer =\n%s\nwant\n%s", got, want)
	}
}

func TestDiagramsKeptExactly(t *testing.T) {
	art := "\n┌────┐   \n│ <a>│\t\n└────┘  "
	got := New(Options{}).Diagrams([]bank.Diagram{{Art: art}, {Title: "Flow", Art: "a"}})
	want := `<div class="bg-cap">Diagram 1</div><pre class="bg-pre bg-art">` + "\n\n┌────┐   \n│ &lt;a&gt;│\t\n└────┘  </pre>\n" +
		`<div class="bg-cap">Flow</div><pre class="bg-pre bg-art">` + "\na</pre>\n"
	if got != want {
		t.Errorf("Diagrams =\n%q\nwant\n%q", got, want)
	}
}

func TestHighlight(t *testing.T) {
	r := New(Options{})
	got := r.Code("yaml", "", "kind: Deployment # <x>\nspec:\n  replicas: 3\n")
	want := `<pre class="bg-pre bg-code bg-hl">` + "\n" +
		`<span class="bgc-nt">kind</span>: <span class="bgc-s">Deployment </span><span class="bgc-c"># &lt;x&gt;` + "\n" +
		`</span><span class="bgc-nt">spec</span>:` + "\n" +
		`  <span class="bgc-nt">replicas</span>: <span class="bgc-s">3</span></pre>`
	if got != want {
		t.Errorf("highlighted YAML =\n%s\nwant\n%s", got, want)
	}
	got = r.Code("python", "", "def run():\n    return \"a\"  # c\n")
	want = `<pre class="bg-pre bg-code bg-hl">` + "\n" +
		`<span class="bgc-k">def </span><span class="bgc-nf">run</span>():` + "\n" +
		`    <span class="bgc-k">return </span><span class="bgc-s">&quot;a&quot;  </span><span class="bgc-c"># c</span></pre>`
	if got != want {
		t.Errorf("highlighted Python =\n%s\nwant\n%s", got, want)
	}
	// A span with a background ends with its line's text.
	got = r.Code("diff", "", "-old\n+new\n same\n")
	want = `<pre class="bg-pre bg-code bg-hl">` + "\n" +
		`<span class="bgc-gd">-old` + "\n" + `</span><span class="bgc-gi">+new` + "\n" + `</span> same</pre>`
	if got != want {
		t.Errorf("highlighted diff =\n%s\nwant\n%s", got, want)
	}
	if strings.HasSuffix(got, "\n</pre>") {
		t.Errorf("highlighted code ends with a blank line:\n%s", got)
	}
	if got := r.Code("", "deployment.yaml", "kind: Deployment"); !strings.Contains(got, "<span") {
		t.Errorf("no lexer chosen from the file name:\n%s", got)
	}
	if got, want := r.Code("no-such-language", "", "a <b> [c]"), `<pre class="bg-pre bg-code">`+"\na &lt;b&gt; [c]</pre>"; got != want {
		t.Errorf("plain code = %q, want %q", got, want)
	}
	if got, want := New(Options{Brackets: true}).Code("", "", "[c]"), `<pre class="bg-pre bg-code">`+"\n&#91;c]</pre>"; got != want {
		t.Errorf("plain code with Brackets = %q, want %q", got, want)
	}
}

// TestLazy checks that a Renderer sets up the highlighter only once a
// fragment holds code.
func TestLazy(t *testing.T) {
	r := New(Options{})
	r.Answer(&bank.Question{Answer: []bank.Block{{Kind: bank.KindParagraph, Text: "no code"}}})
	r.Diagrams([]bank.Diagram{{Art: "┌┐"}})
	if r.lexers != nil || r.code != nil {
		t.Error("the highlighter was set up for fragments without code")
	}
	r.Code("yaml", "", "a: 1")
	if r.lexers == nil || r.code == nil {
		t.Error("the highlighter was not set up for code")
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain":            "plain",
		"tab\tand\nnl":     "tab\tand\nnl",
		"a\x00b\x07c\x7fd": "abcd",
		"crlf\r\ncr\r":     "crlf\ncr\n",
		"bad \xff":         "bad \uFFFD",
		"e\u0301":          "\u00e9",
	} {
		if got := New(Options{}).Line(in); got != strings.ReplaceAll(want, "\n", " ") {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOutline(t *testing.T) {
	q := &bank.Question{Answer: []bank.Block{
		{Kind: bank.KindParagraph, Text: "Kubernetes keeps the desired state. It reconciles."},
		{Kind: bank.KindHeading, Level: 2, Text: "Pod — the atomic unit:"},
		{Kind: bank.KindParagraph, Text: "A pod wraps containers, e.g. a sidecar. More detail."},
		{Kind: bank.KindHeading, Level: 3, Text: "Deeper"},
		{Kind: bank.KindHeading, Level: 2, Text: "Service"},
		{Kind: bank.KindList, Items: []string{"Selects pods <by label>! Then more.", "Second"}},
		{Kind: bank.KindHeading, Level: 2, Text: "Code only"},
		{Kind: bank.KindCode, Code: "x"},
	}}
	got := New(Options{}).Outline(q)
	want := `<p class="bg-lead">Kubernetes keeps the desired state.</p>` +
		`<ul class="bg-outline"><li><b>Pod — the atomic unit</b> — A pod wraps containers, e.g. a sidecar.</li>` +
		`<li><b>Service</b> — Selects pods &lt;by label&gt;!</li><li><b>Code only</b></li></ul>`
	if got != want {
		t.Errorf("Outline =\n%s\nwant\n%s", got, want)
	}
	if got := New(Options{}).Outline(&bank.Question{}); got != "" {
		t.Errorf("Outline of no answer = %q", got)
	}
}

func TestColumnsAndFit(t *testing.T) {
	for _, tt := range []struct {
		text string
		cols int
	}{
		{"", 0}, {"abc\nde", 3}, {"╔══╗", 4}, {"a\tb", 6}, {"✅ ok", 5}, {"🎯x", 3}, {"漢字", 4},
	} {
		if got := Columns(tt.text); got != tt.cols {
			t.Errorf("Columns(%q) = %d, want %d", tt.text, got, tt.cols)
		}
	}
	r := New(Options{})
	narrow, wide := strings.Repeat("═", FitColumns), strings.Repeat("═", FitColumns+1)
	if got := r.Diagram(&bank.Diagram{Art: narrow}); strings.Contains(got, "bg-zoom") {
		t.Errorf("a diagram of %d columns is scaled: %s", FitColumns, got)
	}
	got := r.Diagram(&bank.Diagram{Art: wide})
	want := `<details class="bg-zoom"><summary><div class="bg-fit" style="--cols:41">` +
		`<pre class="bg-pre bg-art">` + "\n" + wide + `</pre></div></summary></details>`
	if got != want {
		t.Errorf("wide diagram =\n%s\nwant\n%s", got, want)
	}
}

// TestTokenClassesStyled checks that CSS colours every class a token of
// any chroma type gets, and that keywords, names, literals, operators
// and comments get one.
func TestTokenClassesStyled(t *testing.T) {
	classes := map[string]bool{}
	for _, tt := range chroma.TokenTypeValues() {
		if c := tokenClass(tt); c != "" {
			classes[c] = true
			if !regexp.MustCompile(`\.` + c + `\b[^-]`).MatchString(CSS) {
				t.Errorf("CSS does not colour .%s (%s)", c, tt)
			}
		}
	}
	for _, tt := range []chroma.TokenType{chroma.Keyword, chroma.NameFunction, chroma.LiteralString, chroma.LiteralNumber, chroma.Operator, chroma.Comment} {
		if tokenClass(tt) == "" {
			t.Errorf("%s tokens are not coloured", tt)
		}
	}
}
