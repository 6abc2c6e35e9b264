package quiz

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"regexp"
	"strings"
	"sync"

	_ "embed"

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

// page returns the HTML of the page for d.
func page(d *data) string {
	// encoding/json escapes "<", ">", "&", U+2028 and U+2029 in strings,
	// so no text can end the script element or break out of the JSON.
	js, err := json.Marshal(d)
	if err != nil {
		panic(err) // data holds only strings, ints and slices of them
	}
	a := assets()
	var b bytes.Buffer
	err = a.tmpl.Execute(&b, map[string]any{
		"Deck":   d.Deck,
		"CSP":    csp(a),
		"CSS":    template.CSS(a.css),
		"Data":   template.JS(js),
		"FSRS":   template.JS(a.fsrs),
		"Script": template.JS(pageJS),
	})
	if err != nil {
		panic(err) // the template and its data are fixed
	}
	return b.String()
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
