package anki

import (
	"regexp"
	"strings"
	"testing"
)

// A small renderer of Anki's template language, enough for the templates
// of this package: {{Field}}, {{#Field}}…{{/Field}}, {{^Field}}…{{/Field}}
// and {{FrontSide}}. Anki substitutes field text as it is and never
// renders it again, and so does this.
var tagRE = regexp.MustCompile(`\{\{([#^/]?)([^{}]*)\}\}`)

func renderTemplate(t testing.TB, tmpl string, fields map[string]string) string {
	t.Helper()
	var out strings.Builder
	var stack []string
	skip := 0 // depth of the innermost section being skipped, 0 if none
	last := 0
	for _, m := range tagRE.FindAllStringSubmatchIndex(tmpl, -1) {
		if skip == 0 {
			out.WriteString(tmpl[last:m[0]])
		}
		last = m[1]
		kind, name := tmpl[m[2]:m[3]], strings.TrimSpace(tmpl[m[4]:m[5]])
		value, ok := fields[name]
		if !ok {
			t.Errorf("template refers to unknown field %q", name)
		}
		switch kind {
		case "#", "^":
			stack = append(stack, name)
			empty := strings.TrimSpace(value) == ""
			if skip == 0 && (kind == "#") == empty {
				skip = len(stack)
			}
		case "/":
			if len(stack) == 0 || stack[len(stack)-1] != name {
				t.Errorf("template closes %q, open sections %v", name, stack)
				return out.String()
			}
			if skip == len(stack) {
				skip = 0
			}
			stack = stack[:len(stack)-1]
		default:
			if skip == 0 {
				out.WriteString(value)
			}
		}
	}
	if len(stack) > 0 {
		t.Errorf("template leaves sections %v open", stack)
	}
	if skip == 0 {
		out.WriteString(tmpl[last:])
	}
	return out.String()
}

// cardSides renders the question and answer of template ord of a note.
func cardSides(t testing.TB, nt *noteType, fields []string, ord int) (front, back string) {
	t.Helper()
	m := map[string]string{}
	for i, name := range nt.Fields {
		m[name] = fields[i]
	}
	front = renderTemplate(t, nt.Templates[ord].Front, m)
	m["FrontSide"] = front
	back = renderTemplate(t, nt.Templates[ord].Back, m)
	return front, back
}

// TestTemplates renders every card of the fixture deck: templates name
// only real fields, every card has a non-empty front, and the reverse
// concept card exists exactly when Reverse is set (Anki makes a card only
// when its front is not empty).
func TestTemplates(t *testing.T) {
	// Anki refuses a note type whose templates share a front, or whose
	// front names no field (rslib notetype/mod.rs check_templates).
	for _, nt := range noteTypes {
		fronts := map[string]bool{}
		for _, tm := range nt.Templates {
			if fronts[tm.Front] {
				t.Errorf("%s: two templates share a front", nt.Name)
			}
			fronts[tm.Front] = true
			named := false
			for _, m := range tagRE.FindAllStringSubmatch(tm.Front, -1) {
				named = named || m[1] == "" && m[2] != "FrontSide"
			}
			if !named || strings.Contains(tm.Front, "{{FrontSide}}") {
				t.Errorf("%s %s: the front must show a field, and not FrontSide", nt.Name, tm.Name)
			}
		}
	}
	for _, reverse := range []bool{false, true} {
		o := Options{Reverse: reverse}.withDefaults()
		d, err := build(testBank(t), &o)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range d.notes {
			nt := noteTypeOf(n.kind)
			// Every note ships one card, of its first template.
			for ord := range nt.Templates {
				front, back := cardSides(t, nt, n.fields, ord)
				shipped := ord == 0
				if empty := strings.TrimSpace(front) == ""; empty == shipped {
					t.Errorf("%s %s template %d: front empty %v, card shipped %v", n.kind, n.guid, ord, empty, shipped)
				}
				if shipped && !strings.Contains(back, front) {
					t.Errorf("%s %s: the back does not repeat the front", n.kind, n.guid)
				}
			}
		}
	}
}
