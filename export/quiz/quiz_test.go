package quiz_test

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
)

// pageData is the JSON the page embeds, as its script reads it.
type pageData struct {
	Deck   string       `json:"deck"`
	Topics []pageOption `json:"topics"`
	Levels []pageOption `json:"levels"`
	Kinds  []pageOption `json:"kinds"`
	Cards  []pageCard   `json:"cards"`
}

type pageOption struct{ ID, Label string }

type pageCard struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Topic int    `json:"topic"`
	Level string `json:"level"`
	Title string `json:"title"`
	Front string `json:"front"`
	Back  string `json:"back"`
}

var dataScript = regexp.MustCompile(`(?s)<script id="bankgen-data" type="application/json">(.*?)</script>`)

// embedded returns the card data a page embeds.
func embedded(t testing.TB, page []byte) *pageData {
	t.Helper()
	m := dataScript.FindSubmatch(page)
	if m == nil {
		t.Fatal("the page embeds no card data")
	}
	var d pageData
	dec := json.NewDecoder(bytes.NewReader(m[1]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("the page's card data: %v", err)
	}
	return &d
}

var tags = regexp.MustCompile(`<[^>]*>`)

// plainText returns the text a browser shows for card HTML, as
// textContent gives it, trimmed.
func plainText(h string) string {
	return strings.TrimSpace(html.UnescapeString(tags.ReplaceAllString(h, "")))
}
