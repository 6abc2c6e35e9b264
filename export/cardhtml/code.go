package cardhtml

import (
	"regexp"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"

	"github.com/bankgen/bankgen/bank"
)

// maxHighlight is the longest code that is highlighted; longer code is
// left plain rather than risk a slow lexer.
const maxHighlight = 64 << 10

// names returns what a language name and a file name must look like to
// be looked up: chroma matches file names against every lexer's
// patterns, which is slow for long or odd names. They are compiled on
// first use, so a program that never renders code never pays for them.
var names = sync.OnceValues(func() (lang, file *regexp.Regexp) {
	return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_+#.-]{0,31}$`),
		regexp.MustCompile(`^[A-Za-z0-9_.+-]{1,64}$`)
})

// Pre returns text, kept exactly, in a monospace <pre> of the given
// extra class ("bg-art" for diagrams, "bg-code" for code), at its
// natural size. It never wraps.
func (r *Renderer) Pre(class, text string) string {
	var b strings.Builder
	r.pre(&b, class, text)
	return b.String()
}

// pre writes a plain <pre>. The newline after <pre> is there because
// HTML drops the first newline of a <pre>: this way text that starts
// with one keeps it.
func (r *Renderer) pre(b *strings.Builder, class, text string) {
	b.WriteString(`<pre class="bg-pre ` + class + `">` + "\n")
	r.escape(b, text, keepNL)
	b.WriteString("</pre>")
}

// Code returns code in a <pre>, highlighted when chroma knows a lexer
// for lang or, failing that, for the file name; otherwise plain. Code
// wider than FitColumns is scaled to fit, with its natural size a tap
// away.
func (r *Renderer) Code(lang, file, code string) string {
	var b strings.Builder
	r.writeCode(&b, lang, file, code)
	return b.String()
}

// writeCode writes code as Code does, scaled to fit when it is wide.
func (r *Renderer) writeCode(b *strings.Builder, lang, file, code string) {
	fit(b, r.codePre(lang, file, code), Columns(code))
}

// codePre returns code in a <pre>, highlighted when a lexer is known.
func (r *Renderer) codePre(lang, file, code string) string {
	lx := r.lexer(lang, file)
	if lx == nil || len(code) > maxHighlight {
		return r.Pre("bg-code", code)
	}
	key := codeKey{lx.Config().Name, code}
	html, ok := r.code[key]
	if !ok {
		html = r.highlight(lx, code)
		if r.code == nil {
			r.code = map[codeKey]string{}
		}
		r.code[key] = html
	}
	return html
}

// lexer returns the chroma lexer for a language name or, failing that,
// a file name, or nil to leave the code plain.
func (r *Renderer) lexer(lang, file string) chroma.Lexer {
	lang = strings.TrimSpace(lang)
	key := lang + "\x00" + file
	if lx, ok := r.lexers[key]; ok {
		return lx
	}
	langRE, fileRE := names()
	var lx chroma.Lexer
	if langRE.MatchString(lang) {
		lx = lexers.Get(lang)
	}
	if lx == nil && fileRE.MatchString(file) {
		lx = lexers.Match(file)
	}
	if lx == nil || lx == lexers.Fallback || lx.Config().Name == "plaintext" {
		lx = nil
	}
	if r.lexers == nil {
		r.lexers = map[string]chroma.Lexer{}
	}
	r.lexers[key] = lx
	return lx
}

// highlight returns code as a highlighted <pre>: each token in a span
// whose class (see tokenClass) CSS colours, so fragments carry no
// colours of their own and no script. A lexer that fails (or panics)
// leaves the code plain.
func (r *Renderer) highlight(lx chroma.Lexer, code string) (out string) {
	code = bank.Clean(code)
	plain := func() string {
		var b strings.Builder
		r.pre(&b, "bg-code", code)
		return b.String()
	}
	defer func() {
		if recover() != nil {
			out = plain()
		}
	}()
	it, err := chroma.Coalesce(lx).Tokenise(nil, code)
	if err != nil {
		return plain()
	}
	tokens := it.Tokens()
	// Lexers may add a final newline; the <pre> needs none.
	for len(tokens) > 0 {
		last := &tokens[len(tokens)-1]
		last.Value = strings.TrimRight(last.Value, "\n")
		if last.Value != "" {
			break
		}
		tokens = tokens[:len(tokens)-1]
	}
	var b strings.Builder
	b.WriteString(`<pre class="bg-pre bg-code bg-hl">` + "\n")
	open := "" // the class of the open span
	for _, t := range tokens {
		class := tokenClass(t.Type)
		// Colour on white space shows nothing, so white space stays in
		// the open span, unless that span has a background.
		blank := strings.TrimSpace(t.Value) == "" && open != "bgc-gd" && open != "bgc-gi"
		if class != open && (class != "" || !blank) {
			if open != "" {
				b.WriteString("</span>")
			}
			if class != "" {
				b.WriteString(`<span class="` + class + `">`)
			}
			open = class
		}
		r.escape(&b, t.Value, keepNL)
	}
	if open != "" {
		b.WriteString("</span>")
	}
	b.WriteString("</pre>")
	return b.String()
}

// tokenClass returns the class CSS colours a token of type tt with, or
// "" for text in the code's own colour.
func tokenClass(tt chroma.TokenType) string {
	switch {
	case tt == chroma.KeywordConstant || tt == chroma.KeywordType:
		return "bgc-kc"
	case tt.InCategory(chroma.Keyword) || tt == chroma.OperatorWord:
		return "bgc-k"
	case tt == chroma.NameFunction || tt == chroma.NameFunctionMagic || tt == chroma.NameDecorator:
		return "bgc-nf"
	case tt == chroma.NameClass || tt == chroma.NameException:
		return "bgc-nc"
	case tt == chroma.NameTag:
		return "bgc-nt"
	case tt == chroma.NameAttribute || tt == chroma.NameConstant || tt == chroma.NameEntity ||
		tt == chroma.NameProperty || tt.InSubCategory(chroma.NameVariable) || tt.InSubCategory(chroma.NameBuiltin):
		return "bgc-nv"
	case tt.InCategory(chroma.Literal):
		return "bgc-s"
	case tt.InCategory(chroma.Operator):
		return "bgc-o"
	case tt.InCategory(chroma.Comment) || tt == chroma.GenericPrompt || tt == chroma.GenericOutput:
		return "bgc-c"
	case tt == chroma.GenericDeleted: // with a background, as is bgc-gi
		return "bgc-gd"
	case tt == chroma.GenericInserted:
		return "bgc-gi"
	case tt == chroma.GenericHeading || tt == chroma.GenericSubheading:
		return "bgc-gh"
	case tt == chroma.Error || tt == chroma.GenericError:
		return "bgc-e"
	}
	return ""
}
