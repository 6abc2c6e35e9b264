package quiz

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"regexp"
	"strings"

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

// sourceMap matches the comment that points a browser's developer tools
// at a source map file. The page ships none, so the comment is left out
// rather than have the tools look for the file.
var sourceMap = regexp.MustCompile(`(?m)^//# sourceMappingURL=.*\n?`)

var (
	fsrsScript = sourceMap.ReplaceAllString(fsrsJS, "")
	// styleSheet is the card renderer's style sheet, then the page's own.
	styleSheet = cardhtml.CSS + pageCSS
	pageTmpl   = template.Must(template.New("page").Parse(pageHTML))
)

// page returns the HTML of the page for d.
func page(d *data) string {
	// encoding/json escapes "<", ">", "&", U+2028 and U+2029 in strings,
	// so no text can end the script element or break out of the JSON.
	js, err := json.Marshal(d)
	if err != nil {
		panic(err) // data holds only strings, ints and slices of them
	}
	var b bytes.Buffer
	err = pageTmpl.Execute(&b, map[string]any{
		"Deck":   d.Deck,
		"CSP":    csp(),
		"CSS":    template.CSS(styleSheet),
		"Data":   template.JS(js),
		"FSRS":   template.JS(fsrsScript),
		"Script": template.JS(pageJS),
	})
	if err != nil {
		panic(err) // the template and its data are fixed
	}
	return b.String()
}

// csp returns the page's Content-Security-Policy: nothing may be loaded
// or sent; the page's own scripts and style sheet run by their hashes.
func csp() string {
	return strings.Join([]string{
		"default-src 'none'",
		"script-src " + hash(fsrsScript) + " " + hash(pageJS),
		"style-src-elem " + hash(styleSheet),
		// Highlighted code carries its colours in style attributes.
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
