package fix

import (
	"io"
	"slices"
	"strings"
)

// DefaultMinConfidence is the confidence a repair needs to be made unless
// MinConfidence says otherwise: by default every repair the evidence
// supports is made, a rebuilt character with several plausible readings
// taking the likeliest one.
const DefaultMinConfidence = 0

// SuspectBelow is the confidence under which a repair that was made is
// still listed as suspect (see Repair.IsSuspect).
const SuspectBelow = 0.5

// maxRounds bounds the rounds of repair. Each round that changes the text
// shortens it, and text damaged more than three times is not seen in
// practice.
const maxRounds = 6

type config struct {
	normalizeNewlines bool
	replaceInvalid    bool
	minConf           float64
}

// Option configures Bytes and Copy.
type Option func(*config)

// NormalizeNewlines turns CRLF line endings into LF. By default line endings
// are kept as they are, so that clean text comes out byte-identical.
func NormalizeNewlines() Option { return func(c *config) { c.normalizeNewlines = true } }

// ReplaceInvalid turns each run of bytes that are not valid in the
// input's encoding into U+FFFD, so that the result is always valid UTF-8.
// By default such bytes are kept as they are. Either way they are
// reported as Undecodable, at their place in the input.
func ReplaceInvalid() Option { return func(c *config) { c.replaceInvalid = true } }

// MinConfidence sets the confidence a repair needs to be made (default
// DefaultMinConfidence). Places whose repair is less sure are left as they
// are and reported as Suspect, with the repair as their candidate.
func MinConfidence(c float64) Option { return func(o *config) { o.minConf = c } }

// A rule is one repair step over UTF-8 text. It returns the edits to make,
// sorted and not overlapping, and what the report says about them (and
// about places it left alone), with spans in the text it was given.
type rule interface {
	apply(text []byte, c *config) ([]edit, []finding)
}

// edit replaces text[start:end] with repl.
type edit struct {
	start, end int
	repl       []byte
}

// finding is a Repair in the making, its span in the text of the step that
// made it.
type finding struct {
	start, end int
	kind       Kind
	cp         string
	conf       float64
	cands      []string
	damaged    string // when the damage is not in the text (UTF-16 units dropped)
	step       int    // set by Bytes
	rounds     int
}

// The steps, in the order of each round (see Bytes).
var (
	utf16Step    rule = utf16Text{}
	bomStep      rule = stripBOM{}
	mojibakeStep rule = mojibake{}
	newlineStep  rule = crlfToLF{}
	invalidStep  rule = replaceInvalid{}
)

// Bytes repairs src and reports what it found and did. It never panics and
// never fails: what cannot be repaired is left as is and reported.
//
// When nothing needs doing the result is src itself, not a copy. The result
// is valid UTF-8 whenever src is valid UTF-8, UTF-16 or a legacy code page;
// invalid bytes in otherwise-UTF-8 input are kept. Repairing the result
// again changes nothing.
func Bytes(src []byte, opts ...Option) ([]byte, *Report) {
	c := config{minConf: DefaultMinConfidence}
	for _, f := range opts {
		f(&c)
	}
	text, enc, found := decodeEnvelope(src)
	rep := &Report{Encoding: enc, base: text, Newlines: countNewlines(text)}
	if enc == Legacy {
		rep.CodePage = legacyPage(src[bomPrefix(src):]).name
	}
	for i := range found {
		found[i].step = -1
	}
	all := found // the findings of every step

	cur := text
	run := func(r rule) bool {
		edits, found := r.apply(cur, &c)
		for i := range found {
			found[i].step = len(rep.steps)
		}
		if len(all) == 0 {
			all = found // a long document's hundred thousand, not copied
		} else {
			all = append(all, found...)
		}
		if len(edits) == 0 {
			return false
		}
		var m editMap
		cur, m = applyEdits(cur, edits)
		rep.steps = append(rep.steps, m)
		return true
	}
	// The rules run until the text settles: text damaged twice is
	// repaired in two rounds, each judged on its own, and what one rule
	// uncovers (UTF-16 under mojibake) the next round reads.
	settled := false
	for round := 1; round <= maxRounds; round++ {
		changed := run(utf16Step)
		changed = run(bomStep) || changed
		if run(mojibakeStep) {
			changed = true
			rep.Rounds++
		}
		if !changed {
			settled = true
			break
		}
	}
	if !settled {
		// Damage deeper than maxRounds (only ever seen in fuzzed input)
		// would be repaired a little further by every call; handing back a
		// half-way state would break "repairing twice equals repairing
		// once", so the rules' work is undone and reported.
		cur = undo(cur, rep.steps)
		rep.steps = nil
		kept := all[:0]
		for _, f := range all {
			if f.step < 0 {
				kept = append(kept, f)
			}
		}
		all = append(kept, finding{kind: Suspect, conf: 0, step: -1})
		rep.Rounds = 0
	}
	if c.normalizeNewlines && rep.Newlines.CRLF > 0 {
		run(newlineStep)
		rep.Newlines.Normalized = true
	}
	if c.replaceInvalid {
		run(invalidStep)
	}
	rep.places = merge(all, rep.steps)
	rep.out = cur
	rep.Changed = string(cur) != string(src)
	if !rep.Changed {
		cur = src
	}
	return cur, rep
}

// undo returns the text before steps, given the text after them.
func undo(text []byte, steps []editMap) []byte {
	for i := len(steps) - 1; i >= 0; i-- {
		text = steps[i].revert(text)
	}
	return text
}

// merge turns the findings of every step into the places of the report,
// in input order: spans mapped back into the decoded input, and the
// rounds of one place merged into one.
func merge(all []finding, steps []editMap) []finding {
	for i := range all {
		f := &all[i]
		for s := f.step - 1; s >= 0; s-- {
			f.start, f.end = steps[s].back(f.start, false), steps[s].back(f.end, true)
		}
		f.rounds = 1
	}
	byPlace := func(a, b finding) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end // the larger (later round) first
	}
	if !slices.IsSortedFunc(all, byPlace) { // one round's findings are in order
		slices.SortStableFunc(all, byPlace)
	}
	// Merge the rounds of one place: a later round's repair covers the
	// earlier ones inside it. A suspect that a later repair covers was
	// repaired after all.
	merged := all[:0] // merged in place: it only ever drops findings
	for _, f := range all {
		if n := len(merged); n > 0 && f.start < merged[n-1].end && f.kind != Undecodable {
			m := &merged[n-1]
			switch {
			case isMade(m.kind) && isMade(f.kind):
				if f.kind == Rebuilt {
					m.kind = Rebuilt
					if len(f.cands) > len(m.cands) {
						m.cands = f.cands
					}
				}
				m.rounds = max(m.rounds, f.rounds+1)
				m.conf = min(m.conf, f.conf)
				continue
			case isMade(m.kind) && f.kind == Suspect && f.step < m.step:
				continue
			case m.kind == Suspect && f.kind == Suspect && f.start == m.start && f.end == m.end:
				continue
			}
		}
		merged = append(merged, f)
	}
	for i := range merged {
		merged[i].conf = round2(merged[i].conf)
	}
	return merged
}

// Repairs lists, in input order, every repair and every place left
// damaged (Kind Undecodable or Suspect). The list is made when first
// asked for: a long document has a hundred thousand repairs, and a
// summary needs only their counts.
func (r *Report) Repairs() []Repair {
	if r.repairs != nil || len(r.places) == 0 {
		return r.repairs
	}
	r.repairs = r.build(r.places)
	return r.repairs
}

// Flagged lists, in input order, the places of Repairs that a person
// should look at: bytes left Undecodable and every place Repair.IsSuspect
// reports. Only those are built: a document with a thousand repairs
// usually has a handful flagged.
func (r *Report) Flagged() []Repair {
	var places []finding
	for _, f := range r.places {
		if f.kind == Undecodable || isSuspect(f.kind, len(f.cands), f.conf) {
			places = append(places, f)
		}
	}
	if len(places) == 0 {
		return nil
	}
	return r.build(places)
}

// build makes the Repairs of places, some of r.places in order.
func (r *Report) build(places []finding) []Repair {
	// The texts are cut from one string rather than allocated one by one.
	n := 0
	for _, f := range places {
		n += 2*(f.end-f.start) + len(f.damaged)
	}
	var texts strings.Builder
	texts.Grow(n)
	spans := make([][2]span, len(places)) // damaged, replacement
	for i, f := range places {
		d := span{texts.Len(), 0}
		if f.damaged != "" {
			texts.WriteString(f.damaged)
		} else {
			texts.Write(r.base[f.start:f.end])
		}
		d.e = texts.Len()
		rp := d
		if isMade(f.kind) {
			a, b := f.start, f.end
			for _, m := range r.steps {
				a, b = m.fwd(a, false), m.fwd(b, true)
			}
			rp.s = texts.Len()
			texts.Write(r.out[a:b])
			rp.e = texts.Len()
		}
		if f.kind == Removed {
			rp = span{d.e, d.e}
		}
		spans[i] = [2]span{d, rp}
	}
	joined := texts.String()
	repairs := make([]Repair, 0, len(places))
	for i, f := range places {
		p := Repair{Offset: f.start, Kind: f.kind, CodePage: f.cp, Confidence: f.conf, Rounds: f.rounds, Candidates: f.cands}
		p.Damaged = joined[spans[i][0].s:spans[i][0].e]
		p.Replacement = joined[spans[i][1].s:spans[i][1].e]
		p.Line, p.Col = r.locate(f.start)
		repairs = append(repairs, p)
	}
	return repairs
}

func isMade(k Kind) bool { return k == Mojibake || k == Rebuilt }

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// Copy reads all of r, repairs it and writes the result to w. It reads the
// whole input first: the evidence for a repair (the code page used through
// the document, a diagram's other lines) spans the document.
func Copy(w io.Writer, r io.Reader, opts ...Option) (*Report, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	out, rep := Bytes(src, opts...)
	_, err = w.Write(out)
	return rep, err
}
