package parse

import (
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/yuin/goldmark/ast"
)

// PinPrefix opens the HTML comment that pins an item's ID key:
// "<!-- bankgen:id NAME -->" just before a question heading, a strength,
// gap or term (paragraph or list item), a sample or diagram fence, or
// the title. AssignIDs then keys the item by Slug(NAME) instead of its
// number or title, so the ID survives renumbering and retitling.
const PinPrefix = "bankgen:id"

// pinComment reads "<!-- bankgen:id NAME -->" and returns NAME.
func pinComment(s string) (string, bool) {
	s = strings.TrimSpace(s)
	body, ok := strings.CutPrefix(s, "<!--")
	if !ok {
		return "", false
	}
	body, ok = strings.CutSuffix(body, "-->")
	if !ok {
		return "", false
	}
	name, ok := strings.CutPrefix(strings.TrimSpace(body), PinPrefix)
	if !ok || (name != "" && name[0] != ' ' && name[0] != '\t') {
		return "", false
	}
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, "\n\r") {
		return "", false
	}
	return name, true
}

// blockPin returns the pin an HTML block holds when the block is nothing
// but a pinning comment.
func (d *doc) blockPin(n ast.Node) (string, bool) {
	h, ok := n.(*ast.HTMLBlock)
	if !ok {
		return "", false
	}
	return pinComment(d.htmlText(h))
}

// inlinePin returns the pin of a comment on a paragraph's first line,
// at its start or its end ("- <!-- bankgen:id x --> **Gap** — …", "-
// **Gap** — … <!-- bankgen:id x -->").
func (d *doc) inlinePin(p ast.Node) string {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.RawHTML); ok {
			if name, ok := pinComment(rawHTML(h, d.src)); ok {
				return name
			}
		}
		if endsWithBreak(c) {
			break
		}
	}
	return ""
}

// setPin records a pin read from a comment block, for the next item.
func (d *doc) setPin(name string, pos bank.Pos) {
	d.dropPin()
	d.pin, d.pinPos = name, pos
}

// takePin returns the pending pin, or the one p opens with, and clears
// the pending one.
func (d *doc) takePin(p ast.Node) string {
	name := d.pin
	d.pin = ""
	if p != nil {
		if own := d.inlinePin(p); own != "" {
			name = own
		}
	}
	return name
}

// dropPin reports a pending pin that no item took.
func (d *doc) dropPin() {
	if d.pin != "" {
		d.warn(d.pinPos, "pin %q is not followed by a question, strength, gap, term, sample or diagram; ignored", d.pin)
		d.pin = ""
	}
}
