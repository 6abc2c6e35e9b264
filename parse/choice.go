package parse

import (
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
)

// choices reads the options of a multiple-choice question on a quiz's
// results page: a paragraph whose every line, or a list whose every
// item, opens with an option mark ("○ ENV", "● RUN — *your answer*",
// "- [x] -v appdata:/data"), after the prompt; or a list of unmarked
// options, one of them noted as the candidate's ("- B. NAT gateway ←
// your answer"). The options, marks and
// notes left out, join the prompt as a list; the option marked as
// chosen (by a filled mark, or a note naming the candidate's answer) is
// the question's response. It reports whether n was such a block.
func (d *doc) choices(n ast.Node) bool {
	if d.q == nil || d.role != vocab.RoleNone && d.role != vocab.RolePrompt || d.q.Prompt == "" {
		return false
	}
	lines := d.optionLines(n)
	if len(lines) < 2 {
		return false
	}
	_, isList := n.(*ast.List)
	_, _, marked := d.v.Choice(lines[0])
	options := make([]string, 0, len(lines))
	var chosen []string
	for _, line := range lines {
		filled, rest, ok := d.v.Choice(line)
		switch {
		case marked && !ok:
			return false
		case !marked && (ok || !isList):
			return false // unmarked options are a list's items
		case !marked:
			rest = line
		}
		rest, noted := d.answerNote(rest)
		options = append(options, "- "+rest)
		if filled || noted {
			chosen = append(chosen, rest)
		}
	}
	if len(chosen) == 0 {
		return false
	}
	pos := d.pos(n)
	// The options go with the question, wherever it was asked: in the
	// heading too.
	d.titlePrompt = false
	d.q.Prompt = joinPara(d.q.Prompt, strings.Join(options, "\n"))
	for _, c := range chosen {
		d.q.Response = append(d.q.Response, bank.Block{Kind: bank.KindParagraph, Text: c, Pos: pos})
	}
	d.role, d.extra, d.roleDepth, d.chose = vocab.RoleResponse, nil, 0, true
	d.warn(pos, "options of a multiple-choice question: the one marked as chosen is read as question %d's response", d.q.Number)
	d.record(pos, describeBlock(n), strings.Join(chosen, " | "), d.inQuestion(ReadResponse))
	d.markWarn()
	return true
}

// optionLines returns the lines of a paragraph, or the text of each item
// of a flat list, that may be a question's options; nil for any other
// block, or a list with nested blocks.
func (d *doc) optionLines(n ast.Node) []string {
	switch n := n.(type) {
	case *ast.Paragraph:
		if n.Lines().Len() < 2 {
			return nil
		}
		text := d.plain(n)
		if _, _, ok := d.v.Choice(firstLine(text)); !ok {
			return nil // the common case: asked before splitting
		}
		return strings.Split(text, "\n")
	case *ast.List:
		var lines []string
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			if it.ChildCount() != 1 {
				return nil
			}
			text := d.blockText(it)
			if strings.Contains(text, "\n") {
				return nil
			}
			lines = append(lines, text)
		}
		return lines
	}
	return nil
}

// answerNote takes off the note that ends an option to say the
// candidate chose it ("RUN — *your answer*", "docker system df ← your
// answer", "-v appdata:/data (your answer)"), reporting whether there
// was one: the note names the candidate's answer in the vocabulary's
// words.
func (d *doc) answerNote(option string) (string, bool) {
	for _, sep := range []string{"←", "⬅", "⇐", "👈", "◀", "<-", "<=", "—", "–", " - ", "(", "·"} {
		i := strings.LastIndex(option, sep)
		if i <= 0 {
			continue
		}
		if d.v.Role(option[i+len(sep):]) == vocab.RoleResponse {
			return strings.TrimSpace(option[:i]), true
		}
	}
	return option, false
}

// quizVerdict reads the verdict on a multiple-choice question's chosen
// option ("✅ **Correct**", "❌ Incorrect. The right answer is: …",
// "Your answer is correct."): it opens the question's model answer,
// which the explanation below goes on with. It reports whether p was
// one.
func (d *doc) quizVerdict(p *ast.Paragraph) bool {
	if d.q == nil || !d.chose || len(d.q.Answer) > 0 || d.role != vocab.RoleResponse {
		return false
	}
	verdict, ok := d.verdictIn(strings.TrimSpace(trimEmoji(d.plain(p))))
	if !ok {
		return false
	}
	pos := d.pos(p)
	d.role, d.extra, d.roleDepth = vocab.RoleAnswer, nil, 0
	// A paragraph, though it may be all bold ("**Correct!**"): a
	// verdict, not a sub-heading of the answer.
	d.q.Answer = append(d.q.Answer, bank.Block{Kind: bank.KindParagraph, Text: strings.TrimSpace(d.plain(p)), Pos: pos})
	d.warn(pos, "verdict %q on the chosen option read as the start of question %d's model answer", strings.TrimSpace(verdict), d.q.Number)
	d.record(pos, "paragraph", d.excerpt(p), d.inQuestion(ReadAnswer))
	d.markWarn()
	return true
}

// verdictIn returns the verdict that opens text, or the text after a
// short label ("Result: Incorrect"): its first clause, when short, opens
// or ends with a verdict's name ("Correct — well done!", "Your answer is
// correct.", "Not quite: …").
func (d *doc) verdictIn(text string) (string, bool) {
	if head, rest, ok := cutColon(text); ok && len(strings.Fields(head)) <= 3 {
		if v, ok := d.verdictIn(strings.TrimSpace(trimEmoji(rest))); ok {
			return v, true // "Result: Incorrect — …"
		}
	}
	clause := text
	if i := strings.IndexAny(clause, ".!,;:—–(\n"); i >= 0 {
		clause = clause[:i]
	}
	words := strings.Fields(clause)
	if len(words) == 0 || len(words) > maxVerdictWords {
		return "", false
	}
	for i := range words {
		if d.v.Verdict(strings.Join(words[:len(words)-i], " ")) != vocab.RoleNone ||
			d.v.Verdict(strings.Join(words[i:], " ")) != vocab.RoleNone {
			return strings.TrimSpace(clause), true
		}
	}
	return "", false
}

// maxVerdictWords bounds the clause that gives a verdict: "Your answer
// is correct" is one, a sentence of explanation is not.
const maxVerdictWords = 6
