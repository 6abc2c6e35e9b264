package parse

import (
	"cmp"
	"slices"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
)

// Many documents name the sections of a question in their own words,
// and repeat the same names under every question. A name that repeats
// so is a section, not content, even when the vocabulary does not know
// it: inferSections gives it a part by three kinds of evidence, in
// order.
//
//  1. Its words: the vocabulary's sectionWords say which words lean to
//     which part ("slipped" to the gaps, "said" to the response).
//  2. Its content: a list of points is feedback, code or a long text an
//     answer, a short text the candidate's response.
//  3. Its place: the response comes before the feedback, strengths
//     before gaps, the answer last.
//
// Every section read so is reported with a warning at its label, and
// marked in the outline; a name no evidence places stays an extra
// section, reported as such.

// inference is the part inferred for a repeated section name, and why.
type inference struct {
	role vocab.Role
	why  string
}

// sectionUse is one place a section name stands under a question.
type sectionUse struct {
	key    string
	order  int        // its rank among the question's section names
	blocks []ast.Node // the blocks under it, up to the next name
}

// repeatedSection gathers what the uses of one unknown name show.
type repeatedSection struct {
	key       string
	questions int
	order     float64 // mean rank
	lists     int     // uses holding a list
	long      int     // uses holding code or more than 60 words
	uses      int
}

// inferSections reads the sections under the questions that start at
// the given top-level block indexes.
func (d *doc) inferSections(blocks []ast.Node, starts []int) {
	if len(starts) < 2 {
		return
	}
	byKey := map[string]*repeatedSection{}
	var order []*repeatedSection
	known := map[vocab.Role]float64{} // the mean rank of each part named outright
	knownUses := map[vocab.Role]int{}
	for k, start := range starts {
		next := -1
		if k+1 < len(starts) {
			next = starts[k+1]
		}
		level := 7
		if h, ok := blocks[start].(*ast.Heading); ok {
			level = h.Level
		}
		seen := map[string]bool{}
		for _, u := range d.sectionUses(d.span(blocks, &candidate{index: start, level: level}, next), level) {
			if role := d.v.Role(u.key); role != vocab.RoleNone {
				known[role] += float64(u.order)
				knownUses[role]++
				continue
			}
			s := byKey[u.key]
			if s == nil {
				s = &repeatedSection{key: u.key}
				byKey[u.key] = s
				order = append(order, s)
			}
			if !seen[u.key] {
				s.questions++
				seen[u.key] = true
			}
			s.uses++
			s.order += float64(u.order)
			s.lists, s.long = s.lists+d.holdsList(u.blocks), s.long+d.holdsLong(u.blocks)
		}
	}
	for r, sum := range known {
		known[r] = sum / float64(knownUses[r])
	}
	var unknown []*repeatedSection
	for _, s := range order {
		if s.questions >= 2 && s.key != "" {
			s.order /= float64(s.uses)
			unknown = append(unknown, s)
		}
	}
	slices.SortStableFunc(unknown, func(a, b *repeatedSection) int { return cmp.Compare(a.order, b.order) })
	d.placeSections(unknown, known)
}

// placeSections gives each repeated unknown name its part: by its words
// first, then by its content and place among the parts already placed.
func (d *doc) placeSections(unknown []*repeatedSection, placed map[vocab.Role]float64) {
	taken := func(r vocab.Role) bool { _, ok := placed[r]; return ok }
	set := func(s *repeatedSection, r vocab.Role, why string) {
		d.structure.inferred[s.key] = inference{role: r, why: why}
		delete(d.structure.sections, s.key)
		placed[r] = s.order
	}
	var rest []*repeatedSection
	for _, s := range unknown {
		r := d.v.SectionRole(s.key)
		if r == vocab.RoleNone {
			r = d.v.RoleByWords(s.key)
		}
		if r.InQuestion() && r != vocab.RolePrompt && !taken(r) {
			set(s, r, "its words")
			continue
		}
		rest = append(rest, s)
	}
	// The feedback starts at the first part of it placed, or at the
	// first unknown list.
	feedbackAt := func() float64 {
		at := 1e9
		for _, r := range []vocab.Role{vocab.RoleFeedback, vocab.RoleStrengths, vocab.RoleGaps, vocab.RoleScore} {
			if o, ok := placed[r]; ok {
				at = min(at, o)
			}
		}
		for _, s := range rest {
			if 2*s.lists >= s.uses {
				at = min(at, s.order)
			}
		}
		return at
	}
	var lists []*repeatedSection
	for _, s := range rest {
		if 2*s.lists >= s.uses {
			lists = append(lists, s)
		}
	}
	var points []vocab.Role
	for _, r := range []vocab.Role{vocab.RoleStrengths, vocab.RoleGaps} {
		if !taken(r) {
			points = append(points, r)
		}
	}
	switch {
	case len(lists) == 1 && len(points) == 2:
		set(lists[0], vocab.RoleFeedback, "its content, a list of points, and its place")
	case len(lists) <= len(points):
		for i, s := range lists {
			set(s, points[i], "its content, a list of points, and its place")
		}
	}
	for _, s := range rest {
		if _, done := d.structure.inferred[s.key]; done || 2*s.lists >= s.uses {
			continue
		}
		before := s.order < feedbackAt()
		switch {
		case before && !taken(vocab.RoleResponse) && !taken(vocab.RoleAnswer):
			set(s, vocab.RoleResponse, "its place, before the feedback")
		case !before && 2*s.long >= s.uses && !taken(vocab.RoleAnswer):
			set(s, vocab.RoleAnswer, "its place after the feedback and its content, code or a long text")
		case !before && !taken(vocab.RoleAnswer) && s == rest[len(rest)-1]:
			set(s, vocab.RoleAnswer, "its place, last after the feedback")
		}
	}
}

// sectionUses splits the blocks under a question at its section names
// (as sectionNames finds them).
func (d *doc) sectionUses(body []ast.Node, level int) []sectionUse {
	var uses []sectionUse
	for _, n := range body {
		if _, turn := d.structure.turns[n]; turn {
			continue // a speaker's name opens a turn, not a section
		}
		if key, ok := d.sectionName(n, level); ok {
			uses = append(uses, sectionUse{key: key, order: len(uses)})
			continue
		}
		if len(uses) > 0 {
			u := &uses[len(uses)-1]
			u.blocks = append(u.blocks, n)
		}
	}
	return uses
}

// sectionName returns the key of the section name block n is under a
// question's heading at level: a sub-heading, or a bold label alone on
// its line or ending in a colon.
func (d *doc) sectionName(n ast.Node, level int) (string, bool) {
	switch n := n.(type) {
	case *ast.Heading:
		if n.Level >= level || level == 7 {
			return vocab.Key(d.plain(n)), true
		}
	case *ast.Paragraph:
		if l, ok := d.label(n); ok && l.emph == 2 && (l.rest == "" || l.colon) && !d.isLink(n) {
			return vocab.Key(l.text), true
		}
	}
	return "", false
}

// holdsList reports (as 1) whether blocks hold a list.
func (d *doc) holdsList(blocks []ast.Node) int {
	for _, n := range blocks {
		if _, ok := n.(*ast.List); ok {
			return 1
		}
	}
	return 0
}

// holdsLong reports (as 1) whether blocks hold code, or prose of more
// than 60 words: an answer's shape rather than a remark's.
func (d *doc) holdsLong(blocks []ast.Node) int {
	words := 0
	for _, n := range blocks {
		switch n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			return 1
		case *ast.Paragraph, *ast.Blockquote:
			words += len(strings.Fields(d.blockText(n)))
		}
	}
	if words > 60 {
		return 1
	}
	return 0
}

// inferredSection opens the part inferSections gave a repeated section
// name, with a warning at its heading or label. It reports whether the
// name had one.
func (d *doc) inferredSection(name string, pos bank.Pos, n ast.Node, rest string) bool {
	inf, ok := d.structure.inferred[vocab.Key(name)]
	if !ok {
		return false
	}
	d.warn(pos, "label %q read as %s (inferred from %s), a section every question repeats; to be sure, name it under roles in %s", vocab.TrimDecoration(name), inf.role, inf.why, vocab.ConfigName)
	depth := 0
	if h, ok := n.(*ast.Heading); ok {
		depth = h.Level
	}
	d.openRole(inf.role, rest, depth, pos, name, n)
	d.markWarn()
	return true
}

// markWarn marks the outline's last entry as read with a warning.
func (d *doc) markWarn() {
	if d.explain && len(d.outline) > 0 {
		d.outline[len(d.outline)-1].Read.Warn = true
	}
}

// namesHost reports whether a heading names the interviewer of the
// dialogue: "Alex's take", "Notes from Alex".
func (d *doc) namesHost(text string) bool {
	host := d.structure.host
	if host == "" || len(strings.Fields(vocab.Key(text))) > 6 {
		return false
	}
	first, _, _ := strings.Cut(host, " ")
	for _, w := range strings.Fields(vocab.Key(text)) {
		if w == first || w == first+"s" {
			return true
		}
	}
	return false
}
