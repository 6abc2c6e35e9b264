package fix

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// Quoted damage. A note about an encoding bug quotes the damage it is
// about, in prose as often as in code: greeted customers as "JosÃ©"
// instead of "José", é became Ã©. Such a run reads as damage on its own
// evidence, and a note that quotes many of them can hold more quoted
// damage than clean text, so counting cannot tell it from a damaged file.
// What tells them apart is where the clean form stands. Damage changes
// every non-ASCII character of the text it touches, whole files or whole
// paragraphs, so a damaged paragraph never holds, as clean text, what one
// of its runs would become. A run whose repair stands as clean text in
// its own region (as a run of non-ASCII characters, as the run itself
// does) is quoted: the region is one that talks about damage, and none of
// its runs is repaired. So is a region whose damage all stands quoted and
// whose clean form the document holds elsewhere. A document with such
// proof talks about damage, and the rest of its damage that stands
// quoted is quoted too: the customer's letter it shows in a block quote,
// the examples it gives in quotation marks (see findQuoted). Quoted runs
// in prose are listed as suspect, with the repair as their candidate, and
// count as clean text for the rest of the document.

// findQuoted marks the quoted runs (see above) and reports whether there
// are any. The runs that may be quoted are those that read as damage
// (accepted, or strong on their own); clean text is what no such run
// covers. Beside the regions that hold the clean form of their damage, a
// region is quoted when every such run of it stands quoted (in quotation
// marks, a block quote or inline code) and either becomes characters the
// document holds as clean text elsewhere (the note that says its customer
// wrote "My name shows as MÃ¼ller" says Müller too) or the document talks
// about damage. A paragraph damaged along with others would need the
// first by chance: its quotation marks, if not ASCII, are damaged too, and
// the rest of it is damaged as well. In a document that talks about
// damage and is damaged in some paragraphs (its prose holds damage in the
// open), a damaged paragraph may hold all its damage between quotation
// marks; what tells it is its quotes of damage, damaged again, which
// repair to damage. A quote of damage repairs to clean text.
//
// A quoted region has one verdict: its runs that stand quoted and read
// better repaired, even those too faint to count as damage alone, are
// quoted with the rest, so that "Ã©" or "â€™" in one sentence are both
// listed.
func (d *doc) findQuoted() bool {
	damage := func(ru *run) bool { return ru.best != nil && (ru.accept || d.strongRun(ru)) }
	d.quotedRegions(damage)
	// The other regions whose damage all stands quoted, and what their
	// runs would become.
	var regions [][2]int // runs i:j of a region
	for i := 0; i < len(d.runs); {
		j, all, any := i, true, false
		for ; j < len(d.runs) && d.runs[j].region == d.runs[i].region; j++ {
			if ru := &d.runs[j]; damage(ru) && !ru.quoted {
				any = true
				all = all && d.standsQuoted(ru)
			}
		}
		if any && all {
			regions = append(regions, [2]int{i, j})
			for k := i; k < j; k++ {
				if ru := &d.runs[k]; damage(ru) {
					d.repairID(ru)
				}
			}
		}
		i = j
	}
	// Which of those the clean text holds, by repair ID.
	held := make([]bool, len(d.rids))
	if len(regions) > 0 {
		d.cleanSeqs(0, len(d.text), d.runs, damage, func(seq []byte) {
			if id := d.seqID(seq); id >= 0 {
				held[id] = true
			}
		})
	}
	rest := regions[:0] // the regions not quoted yet
	for _, r := range regions {
		all := true
		for k := r[0]; all && k < r[1]; k++ {
			if ru := &d.runs[k]; damage(ru) {
				all = held[d.repairID(ru)]
			}
		}
		if all {
			d.quoteRegion(r[0], r[1], damage)
		} else {
			rest = append(rest, r)
		}
	}
	if !d.anyQuoted() {
		return false
	}
	// The document talks about damage. Damage standing in the open in its
	// prose means it is damaged in some paragraphs too, and a damaged
	// paragraph of it may hold its damage between quotation marks only:
	// its quotes of damage, damaged again, become damage when repaired,
	// which a quote of damage does not.
	open := false
	for i := range d.runs {
		if ru := &d.runs[i]; damage(ru) && !ru.quoted && ru.zone == prose && !d.standsQuoted(ru) {
			open = true
			break
		}
	}
	for _, r := range rest {
		if open && d.repairsToDamage(r[0], r[1], damage) {
			continue
		}
		d.quoteRegion(r[0], r[1], damage)
	}
	return true
}

// repairsToDamage reports whether the repair of one of runs i:j that read
// as damage reads as damage itself.
func (d *doc) repairsToDamage(i, j int, damage func(*run) bool) bool {
	var repl []byte
	for k := i; k < j; k++ {
		ru := &d.runs[k]
		if !damage(ru) {
			continue
		}
		repl = ru.repair(repl[:0])
		spans, any := scanRuns(repl)
		if !any {
			continue
		}
		// A document of its own, so that every table a reading fills
		// exists; the characters at hand are shared.
		sub := newDoc(repl, d.c)
		sub.chars = d.chars
		for _, sp := range spans {
			if sp.lone {
				continue
			}
			for _, rd := range sub.readRun(&run{start: sp.start, end: sp.end, pages: sp.pages}) {
				if strong(rd) {
					return true
				}
			}
		}
	}
	return false
}

// quoteRegion marks runs i:j, a region, as quoted: those that read as
// damage, and those that stand quoted and read better repaired.
func (d *doc) quoteRegion(i, j int, damage func(*run) bool) {
	for k := i; k < j; k++ {
		ru := &d.runs[k]
		if damage(ru) || ru.best != nil && ru.best.delta > 0 && d.standsQuoted(ru) {
			ru.quoted = true
		}
	}
}

// standsQuoted reports whether ru stands quoted: in inline code, or in
// prose between quotation marks or in a block quote.
func (d *doc) standsQuoted(ru *run) bool {
	return ru.zone == inline || ru.zone == prose && d.inQuotes(ru)
}

// inQuotes reports whether ru stands in a block quote, or between
// quotation marks on its line: after an odd number of ASCII double quotes,
// or after an opening mark its closing mark does not follow.
func (d *doc) inQuotes(ru *run) bool {
	ln := d.lay.lines[ru.line]
	before := d.text[ln.start:ru.start]
	if t := bytes.TrimLeft(before, " \t"); len(t) > 0 && t[0] == '>' {
		return true
	}
	ascii := false
	var open [len(quotePairs)]bool
	for i := 0; i < len(before); i++ {
		switch c := before[i]; {
		case c == '"':
			ascii = !ascii
		case c >= utf8.RuneSelf:
			for p, q := range quotePairs {
				switch {
				case bytes.HasPrefix(before[i:], []byte(q[0])):
					open[p] = true
				case bytes.HasPrefix(before[i:], []byte(q[1])):
					open[p] = false
				}
			}
		}
	}
	return ascii || slices.Contains(open[:], true)
}

// quotePairs are the opening and closing quotation marks of the languages
// bankgen's users write in.
var quotePairs = [...][2]string{{"“", "”"}, {"„", "“"}, {"«", "»"}, {"「", "」"}, {"『", "』"}, {"‘", "’"}}

func (d *doc) anyQuoted() bool {
	for i := range d.runs {
		if d.runs[i].quoted {
			return true
		}
	}
	return false
}

// quotedRegions marks the runs of the regions that hold, as clean text,
// what one of their damaged runs would become.
func (d *doc) quotedRegions(damage func(*run) bool) {
	var in []int // by repair ID: 1 + the last region with a run that becomes it
	for i := 0; i < len(d.runs); {
		region := d.runs[i].region
		j := i
		for j < len(d.runs) && d.runs[j].region == region {
			j++
		}
		runs := d.runs[i:j]
		i = j
		if !d.hasDamage(runs, damage) {
			continue
		}
		for k := range runs {
			if ru := &runs[k]; damage(ru) {
				id := d.repairID(ru)
				for len(in) <= id {
					in = append(in, 0)
				}
				in[id] = region + 1
			}
		}
		// The region's clean text, as its maximal runs of non-ASCII
		// characters.
		start, end := d.lay.regionSpan(runs[0].line)
		quoted := false
		d.cleanSeqs(start, end, runs, damage, func(seq []byte) {
			if id := d.seqID(seq); id >= 0 && id < len(in) && in[id] == region+1 {
				quoted = true
			}
		})
		if !quoted {
			continue
		}
		for k := range runs {
			if ru := &runs[k]; damage(ru) {
				ru.quoted = true
			}
		}
	}
}

// repairID returns a number for what ru's reading becomes, the same for
// every run that becomes the same characters: a long document's hundred
// thousand runs become a few hundred strings. It is kept with the reading,
// which runs that read alike share; the choices of rebuild groups are not
// made yet.
func (d *doc) repairID(ru *run) int {
	if ru.best.rid > 0 {
		return ru.best.rid - 1
	}
	repl := ru.best.repaired()
	id, ok := d.rids[string(repl)]
	if !ok {
		id = len(d.rids)
		d.rids[string(repl)] = id
	}
	ru.best.rid = id + 1
	return id
}

// seqID returns the repair ID of seq, or -1 when no run has become it.
func (d *doc) seqID(seq []byte) int {
	if id, ok := d.rids[string(seq)]; ok {
		return id
	}
	return -1
}

func (d *doc) hasDamage(runs []run, damage func(*run) bool) bool {
	for k := range runs {
		if damage(&runs[k]) {
			return true
		}
	}
	return false
}

// repair appends what the groups of ru's reading become to b: the
// characters from the first group to the last, with the choices made.
func (ru *run) repair(b []byte) []byte {
	if ru.choices == nil {
		return append(b, ru.best.repaired()...)
	}
	for i := ru.best.first; i <= ru.best.last; i++ {
		b = utf8.AppendRune(b, ru.x(i))
	}
	return b
}

// repaired returns what the groups of rd become, the characters from the
// first group to the last as the reading has them (a rebuild group's
// likeliest candidate on the run's path). It is made once and kept with
// the reading, which runs that read alike share.
func (rd *reading) repaired() []byte {
	if rd.text == nil {
		for _, it := range rd.items[rd.first : rd.last+1] {
			rd.text = utf8.AppendRune(rd.text, it.x)
		}
	}
	return rd.text
}

// cleanSeqs calls f with each maximal run of non-ASCII characters of
// text[lo:hi] that no damage run covers, and with each run of letters and
// each run of other characters in it ("«γειά" gives "γειά" too): runs are
// the runs there, in order.
func (d *doc) cleanSeqs(lo, hi int, runs []run, damage func(*run) bool, f func(seq []byte)) {
	text := d.text
	k := 0 // next run
	for i := lo; i < hi; {
		if text[i] < utf8.RuneSelf {
			i = skipASCII(text[:hi], i)
			continue
		}
		for k < len(runs) && (runs[k].end <= i || !damage(&runs[k])) {
			k++
		}
		if k < len(runs) && runs[k].start <= i {
			i = runs[k].end
			continue
		}
		stop := hi
		if k < len(runs) {
			stop = min(hi, runs[k].start)
		}
		j := i
		for j < stop && text[j] >= utf8.RuneSelf {
			j++
		}
		seq := text[i:j]
		f(seq)
		for len(seq) > 0 {
			n := 0
			letter := isWordRune(firstRune(seq))
			for n < len(seq) && isWordRune(firstRune(seq[n:])) == letter {
				_, size := utf8.DecodeRune(seq[n:])
				n += size
			}
			if n < j-i {
				f(seq[:n])
			}
			seq = seq[n:]
		}
		i = j
	}
}

func firstRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}
