package anki

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"golang.org/x/text/unicode/norm"

	"github.com/bankgen/bankgen/bank"
)

// clean makes source text safe to store in an Anki field: invalid UTF-8
// becomes U+FFFD, line endings become "\n", the ASCII control characters
// that Anki strips from every field (all but tab and newline, rslib
// notes/mod.rs invalid_char_for_field) are removed, and the text is put
// in Unicode normal form C, as Anki does on import. Text that Anki would
// not change comes back unchanged, so a package reads the same after a
// round trip through Anki.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	return cleanSlow(s)
}

// inertRanges are runs of runes that are in normal form C on their own
// and never combine with the rune before them, so text made of them and
// ASCII is in NFC whatever their order. They cover what interview notes
// are made of (punctuation, arrows, box drawing, symbols, emoji), so the
// full NFC check is rarely needed. TestInertRanges checks every rune.
var inertRanges = [][2]rune{
	{0x00A0, 0x02FF}, // Latin-1, Latin Extended, IPA, spacing modifiers
	{0x2002, 0x200F}, // spaces, zero-width joiners
	{0x2010, 0x2027}, // dashes, quotes, bullets, ellipsis
	{0x2030, 0x205E}, // per mille, primes, more punctuation
	{0x20A0, 0x20C0}, // currency
	{0x2190, 0x22FF}, // arrows, mathematical operators
	{0x2300, 0x2328}, // technical symbols, up to the angle brackets
	{0x232B, 0x23FF},
	{0x2460, 0x24FF}, // enclosed alphanumerics
	{0x2500, 0x25FF}, // box drawing, block elements, geometric shapes
	{0x2600, 0x27BF}, // symbols, dingbats
	{0x27C0, 0x2ADB}, // more arrows and symbols, but U+2ADC
	{0x2ADD, 0x2BFF},
	{0xFE00, 0xFE0F},   // variation selectors
	{0x1F000, 0x1FAFF}, // emoji and pictographs
}

// inertBMP has a bit set for every inert rune below U+10000.
var inertBMP = func() *[1 << 16 / 64]uint64 {
	var m [1 << 16 / 64]uint64
	for _, rg := range inertRanges {
		for r := rg[0]; r <= rg[1] && r < 1<<16; r++ {
			m[r/64] |= 1 << (r % 64)
		}
	}
	return &m
}()

func inert(r rune) bool {
	if r < 1<<16 {
		return inertBMP[r/64]&(1<<(r%64)) != 0
	}
	return r >= 0x1F000 && r <= 0x1FAFF
}

// isClean reports whether clean would return s unchanged.
func isClean(s string) bool {
	i := 0
	for i < len(s) {
		c := s[i]
		if plainASCII[c] {
			i++
			continue
		}
		if c < 0x80 {
			return false // a control character
		}
		// A rune of two to four bytes; the common three-byte case
		// (punctuation, arrows, box drawing) is decoded inline.
		var r rune
		var size int
		if c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			size = 3
			if r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
				return false // overlong or a surrogate: invalid UTF-8
			}
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
		}
		if !inert(r) {
			// Rare: check the rest properly. s[i:] starts a rune that
			// is not inert, so the NFC check must see what precedes it.
			return utf8.ValidString(s[i:]) && isCleanASCII(s[i:]) && norm.NFC.IsNormalString(s)
		}
		i += size
	}
	return true
}

// plainASCII marks the ASCII bytes clean keeps as they are.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\n'], t['\t'] = true, true
	return t
}()

// isCleanASCII reports whether s has no control character Anki strips.
func isCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

func cleanSlow(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
	return norm.NFC.String(s)
}

// What escape does with newlines.
const (
	keepNL  = iota // leave them, as in <pre>
	brNL           // <br>
	spaceNL        // a space, for text that must stay on one line
)

// escape writes s, cleaned, as HTML text. Besides the five HTML
// specials it escapes "[", so that text from the sources can never form
// one of Anki's own markup tags ([sound:…], [anki:tts], [latex], [$]).
// nl says what newlines become.
func escape(b *bytes.Buffer, s string, nl int) {
	s = clean(s)
	b.Grow(len(s) + len(s)/16)
	last := 0
	for i := 0; i < len(s); i++ {
		if !special[s[i]] {
			continue
		}
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
		case '\'':
			rep = "&#39;"
		case '[':
			rep = "&#91;"
		case '\n':
			switch nl {
			case brNL:
				rep = "<br>"
			case spaceNL:
				rep = " "
			default:
				continue
			}
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// special marks the bytes escape may replace.
var special = [256]bool{'&': true, '<': true, '>': true, '"': true, '\'': true, '[': true, '\n': true}

// A renderer turns bank content into the HTML of note fields. It is safe
// for concurrent use: code is highlighted once per distinct text and
// language, and the result shared.
type renderer struct {
	style *chroma.Style
	// preStyle is the inline style of a highlighted <pre>: the style's
	// own text and background colours, so code reads the same in light
	// and night mode.
	preStyle string

	mu     sync.Mutex
	cache  map[codeKey]*codeEntry
	lexers map[string]chroma.Lexer
}

type codeKey struct{ lexer, code string }

type codeEntry struct {
	once sync.Once
	html string
}

func newRenderer(styleName string) *renderer {
	st := styles.Get(styleName)
	if st == nil {
		st = styles.Fallback
	}
	bg := st.Get(chroma.Background)
	var ps strings.Builder
	if bg.Colour.IsSet() {
		ps.WriteString("color:" + bg.Colour.String() + ";")
	}
	if bg.Background.IsSet() {
		ps.WriteString("background-color:" + bg.Background.String() + ";")
	}
	return &renderer{style: st, preStyle: ps.String(), cache: map[codeKey]*codeEntry{}, lexers: map[string]chroma.Lexer{}}
}

// plainPre writes text, kept exactly, in a monospace <pre>. The newline
// after <pre> is there because HTML drops the first newline of a <pre>:
// this way text that starts with one keeps it.
func plainPre(b *bytes.Buffer, class, text string) {
	b.WriteString(`<pre class="bg-pre ` + class + `">` + "\n")
	escape(b, text, keepNL)
	b.WriteString("</pre>")
}

// maxHighlight is the longest code that is highlighted; longer code is
// left plain rather than risk a slow lexer.
const maxHighlight = 64 << 10

// code writes code in a <pre>, highlighted when a lexer is known for
// lang or, failing that, for the file name.
func (r *renderer) code(b *bytes.Buffer, lang, file, code string) {
	lx := r.lexer(lang, file)
	if lx == nil || len(code) > maxHighlight {
		plainPre(b, "bg-code", code)
		return
	}
	key := codeKey{lx.Config().Name, code}
	r.mu.Lock()
	e := r.cache[key]
	if e == nil {
		e = &codeEntry{}
		r.cache[key] = e
	}
	r.mu.Unlock()
	e.once.Do(func() { e.html = r.highlight(lx, code) })
	b.WriteString(e.html)
}

// langName and fileName are what a language name and a file name must
// look like to be looked up: chroma matches file names against every
// lexer's patterns, which is slow for long or odd names.
var (
	langName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_+#.-]{0,31}$`)
	fileName = regexp.MustCompile(`^[A-Za-z0-9_.+-]{1,64}$`)
)

// lexer returns the chroma lexer for a language name or, failing that,
// a file name, or nil to leave the code plain. Lookups are cached.
func (r *renderer) lexer(lang, file string) chroma.Lexer {
	lang = strings.TrimSpace(lang)
	key := lang + "\x00" + file
	r.mu.Lock()
	lx, ok := r.lexers[key]
	r.mu.Unlock()
	if ok {
		return lx
	}
	if langName.MatchString(lang) {
		lx = lexers.Get(lang)
	}
	if lx == nil && fileName.MatchString(file) {
		lx = lexers.Match(file)
	}
	if lx == nil || lx == lexers.Fallback || lx.Config().Name == "plaintext" {
		lx = nil
	}
	r.mu.Lock()
	r.lexers[key] = lx
	r.mu.Unlock()
	return lx
}

// highlight returns code as a highlighted <pre> with inline styles, so
// the card needs neither a stylesheet per theme nor a script. A lexer
// that fails (or panics) leaves the code plain.
func (r *renderer) highlight(lx chroma.Lexer, code string) (out string) {
	code = clean(code)
	defer func() {
		if recover() != nil {
			var b bytes.Buffer
			plainPre(&b, "bg-code", code)
			out = b.String()
		}
	}()
	it, err := chroma.Coalesce(lx).Tokenise(nil, code)
	if err != nil {
		var b bytes.Buffer
		plainPre(&b, "bg-code", code)
		return b.String()
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
	var b bytes.Buffer
	b.Grow(len(code) * 3)
	b.WriteString(`<pre class="bg-pre bg-code" style="` + r.preStyle + `">` + "\n")
	styles := map[chroma.TokenType]string{}
	for _, t := range tokens {
		st, ok := styles[t.Type]
		if !ok {
			st = r.tokenStyle(t.Type)
			styles[t.Type] = st
		}
		if st == "" || strings.TrimSpace(t.Value) == "" && !strings.Contains(st, "background") {
			// Colour on white space shows nothing.
			escape(&b, t.Value, keepNL)
			continue
		}
		b.WriteString(`<span style="` + st + `">`)
		escape(&b, t.Value, keepNL)
		b.WriteString("</span>")
	}
	b.WriteString("</pre>")
	return b.String()
}

// tokenStyle returns the inline CSS of a token type: only what differs
// from the <pre> itself.
func (r *renderer) tokenStyle(tt chroma.TokenType) string {
	e := r.style.Get(tt)
	bg := r.style.Get(chroma.Background)
	var parts []string
	if e.Colour.IsSet() && e.Colour != bg.Colour {
		parts = append(parts, "color:"+e.Colour.String())
	}
	if e.Background.IsSet() && e.Background != bg.Background {
		parts = append(parts, "background-color:"+e.Background.String())
	}
	if e.Bold == chroma.Yes {
		parts = append(parts, "font-weight:bold")
	}
	if e.Italic == chroma.Yes {
		parts = append(parts, "font-style:italic")
	}
	if e.Underline == chroma.Yes {
		parts = append(parts, "text-decoration:underline")
	}
	return strings.Join(parts, ";")
}

// blocks writes structured text. KindSample blocks place the question's
// samples; placed records which were placed.
func (r *renderer) blocks(b *bytes.Buffer, blocks []bank.Block, samples []bank.Sample, placed []bool) {
	for _, bl := range blocks {
		switch bl.Kind {
		case bank.KindHeading:
			tag := "h4"
			switch {
			case bl.Level == 4:
				tag = "h5"
			case bl.Level > 4:
				tag = "h6"
			}
			b.WriteString("<" + tag + ">")
			escape(b, bl.Text, brNL)
			b.WriteString("</" + tag + ">")
		case bank.KindList:
			tag := "ul"
			if bl.Ordered {
				tag = "ol"
			}
			b.WriteString("<" + tag + ">")
			for _, it := range bl.Items {
				b.WriteString("<li>")
				escape(b, it, brNL)
				b.WriteString("</li>")
			}
			b.WriteString("</" + tag + ">")
		case bank.KindTable:
			b.WriteString(`<div class="bg-table"><table>`)
			if len(bl.Header) > 0 {
				b.WriteString("<thead><tr>")
				for _, h := range bl.Header {
					b.WriteString("<th>")
					escape(b, h, brNL)
					b.WriteString("</th>")
				}
				b.WriteString("</tr></thead>")
			}
			b.WriteString("<tbody>")
			for _, row := range bl.Rows {
				b.WriteString("<tr>")
				for _, c := range row {
					b.WriteString("<td>")
					escape(b, c, brNL)
					b.WriteString("</td>")
				}
				b.WriteString("</tr>")
			}
			b.WriteString("</tbody></table></div>")
		case bank.KindCode:
			r.code(b, bl.Lang, "", bl.Code)
		case bank.KindSample:
			if bl.Sample >= 0 && bl.Sample < len(samples) {
				r.sample(b, &samples[bl.Sample])
				placed[bl.Sample] = true
			}
		case bank.KindQuote:
			b.WriteString("<blockquote>")
			escape(b, bl.Text, brNL)
			b.WriteString("</blockquote>")
		case bank.KindRule:
			b.WriteString("<hr>")
		default: // KindParagraph, and any kind this version does not know
			if bl.Text != "" {
				b.WriteString("<p>")
				escape(b, bl.Text, brNL)
				b.WriteString("</p>")
			}
		}
		b.WriteByte('\n')
	}
}

// sample writes a code sample under a caption naming its file, its
// Kubernetes kinds or its language.
func (r *renderer) sample(b *bytes.Buffer, s *bank.Sample) {
	caption := s.File
	if caption == "" && len(s.Kinds) > 0 {
		caption = strings.Join(s.Kinds, ", ")
	}
	if caption == "" {
		caption = s.Lang
	}
	if caption != "" {
		b.WriteString(`<div class="bg-cap">`)
		escape(b, caption, spaceNL)
		b.WriteString("</div>")
	}
	r.code(b, s.Lang, s.File, s.Code)
}

// answer writes a question's model answer: its blocks with the samples
// in place, then any sample the answer does not place, then the
// question's unrecognised sections, so that nothing is lost.
func (r *renderer) answer(b *bytes.Buffer, q *bank.Question) {
	placed := make([]bool, len(q.Samples))
	r.blocks(b, q.Answer, q.Samples, placed)
	for i := range q.Samples {
		if !placed[i] {
			r.sample(b, &q.Samples[i])
			b.WriteByte('\n')
		}
	}
	for _, s := range q.Extra {
		b.WriteString("<h4>")
		escape(b, s.Title, spaceNL)
		b.WriteString("</h4>\n")
		r.blocks(b, s.Blocks, nil, nil)
	}
}

// gaps writes "What to Tighten Up" for the back of a question card.
func gaps(b *bytes.Buffer, gaps []bank.Gap) {
	for _, g := range gaps {
		b.WriteString(`<div class="bg-gap"><div class="bg-gap-title">`)
		escape(b, g.Title, brNL)
		b.WriteString("</div>")
		if g.Detail != "" {
			b.WriteString(`<div class="bg-gap-detail">`)
			escape(b, g.Detail, brNL)
			b.WriteString("</div>")
		}
		if g.Phrasing != "" {
			b.WriteString(`<blockquote class="bg-phrasing">`)
			escape(b, g.Phrasing, brNL)
			b.WriteString("</blockquote>")
		}
		b.WriteString("</div>\n")
	}
}

// strengths writes "What You Nailed".
func strengths(b *bytes.Buffer, ss []bank.Strength) {
	if len(ss) == 0 {
		return
	}
	b.WriteString("<ul>")
	for _, s := range ss {
		b.WriteString("<li><b>")
		escape(b, s.Title, brNL)
		b.WriteString("</b>")
		if s.Detail != "" {
			b.WriteString(" — ")
			escape(b, s.Detail, brNL)
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
}

// diagrams writes each diagram, its art kept exactly, under its title.
func diagrams(b *bytes.Buffer, ds []bank.Diagram) {
	for i, d := range ds {
		title := d.Title
		if strings.TrimSpace(title) == "" {
			title = "Diagram " + strconv.Itoa(i+1)
		}
		b.WriteString(`<div class="bg-cap">`)
		escape(b, title, spaceNL)
		b.WriteString("</div>")
		plainPre(b, "bg-art", d.Art)
		b.WriteByte('\n')
	}
}
