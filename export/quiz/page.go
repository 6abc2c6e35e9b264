package quiz

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"io"
	"regexp"
	"strings"
	"sync"

	_ "embed"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/cardhtml"
)

// The page's parts: its markup, style sheet and script, and the vendored
// scheduler.
var (
	//go:embed page/page.html
	pageHTML string
	//go:embed page/quiz.css
	pageCSS string
	//go:embed page/quiz.js
	pageJS string
	//go:embed vendor/ts-fsrs.umd.js
	fsrsJS string
)

// pageAssets are the page's parts ready to inline: the scheduler without
// its source map comment (the page ships no source map, so the comment
// is left out rather than have a browser's developer tools look for the
// file), the style sheet (the card renderer's, then the page's own) and
// the template. They are made on first use, so a program that links this
// package and never writes a page does not pay for them.
type pageAssets struct {
	fsrs, css string
	tmpl      *template.Template
}

var assets = sync.OnceValue(func() pageAssets {
	sourceMap := regexp.MustCompile(`(?m)^//# sourceMappingURL=.*\n?`)
	return pageAssets{
		fsrs: sourceMap.ReplaceAllString(fsrsJS, ""),
		css:  cardhtml.CSS + pageCSS,
		tmpl: template.Must(template.New("page").Parse(pageHTML)),
	}
})

// dataMark stands for the page's data while the template is executed.
// It holds "<", which the template escapes wherever text of the user's
// goes (the deck name), so only the data element can hold it.
const dataMark = "<bankgen-data>"

// writePage writes the page to w: the template, with d and the cards of
// b as its data. The cards are rendered and written one at a time, so
// that a large bank's page is never in memory whole.
func writePage(w io.Writer, b *bank.Bank, d *data) error {
	a := assets()
	var page bytes.Buffer
	err := a.tmpl.Execute(&page, map[string]any{
		"Deck":   d.Deck,
		"CSP":    csp(a),
		"CSS":    template.CSS(a.css),
		"Data":   template.JS(dataMark),
		"FSRS":   template.JS(a.fsrs),
		"Script": template.JS(pageJS),
	})
	if err != nil {
		panic(err) // the template and its data are fixed
	}
	head, tail, ok := bytes.Cut(page.Bytes(), []byte(dataMark))
	if !ok || bytes.Contains(tail, []byte(dataMark)) {
		panic("quiz: the page template must place the data once")
	}
	bw := bufio.NewWriter(w)
	bw.Write(head)
	if err := writeData(bw, b, d); err != nil {
		return err
	}
	bw.Write(tail)
	return bw.Flush()
}

// writeData writes d as JSON, with the cards of b (cardhtml.Plan) as its
// "cards" field, rendering one card at a time. encoding/json escapes
// "<", ">", "&", U+2028 and U+2029 in strings, so no text can end the
// script element or break out of the JSON.
func writeData(w *bufio.Writer, b *bank.Bank, d *data) error {
	js, err := json.Marshal(d)
	if err != nil {
		panic(err) // data holds only strings, ints and slices of them
	}
	w.Write(js[:len(js)-1]) // all but the closing brace: the cards follow
	w.WriteString(`,"cards":[`)
	r := cardhtml.New(cardhtml.Options{})
	for i, pc := range cardhtml.Plan(b) {
		if i > 0 {
			w.WriteByte(',')
		}
		js, err := json.Marshal(newCard(r, &pc))
		if err != nil {
			panic(err) // a card holds only strings and ints
		}
		if _, err := w.Write(js); err != nil {
			return err
		}
	}
	_, err = w.WriteString("]}")
	return err
}

// csp returns the page's Content-Security-Policy: nothing may be loaded
// or sent; the page's own scripts and style sheet run by their hashes.
func csp(a pageAssets) string {
	return strings.Join([]string{
		"default-src 'none'",
		"script-src " + hash(a.fsrs) + " " + hash(pageJS),
		"style-src-elem " + hash(a.css),
		// A wide diagram or code block carries its width (--cols) in a
		// style attribute.
		"style-src-attr 'unsafe-inline'",
		"img-src data:",
		"base-uri 'none'",
		"form-action 'none'",
	}, "; ")
}

// hash returns the CSP source expression of an inline script or style.
func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
}
