package parse

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// planTable reads the learner's topic tracker, wherever it stands, and
// reports whether t was one. A tracker has a topic column and a status
// column, by their names ("Topic", "Focus area"; "Status", "Progress",
// "Done?") or, for the status, by cells that all read as statuses. Under
// a study-plan heading the first other column is the topic. The status
// is kept as written (Label) and read as done, next or todo; a column
// of shares done ("40%") is the status only when no other column holds
// status words. Every other column is kept in Fields. A table with
// dates or scores is a log of sessions unless a column is named as the
// status.
func (d *doc) planTable(t *east.Table) bool {
	tb := d.table(t)
	num, topic, status := d.planColumns(tb)
	if topic < 0 || status < 0 {
		return false
	}
	named := slices.ContainsFunc(tb.Header, func(h string) bool { return d.v.PlanColumn(h) == vocab.PlanStatus })
	if !named && d.logColumn(tb) >= 0 {
		// "| Date | Topic | Score | ✅ |": results of sessions, whose
		// marks say how each went, not how far a topic got.
		d.warn(d.pos(t), "table has a column of scores or dates (%q) and one of marks (%q) but no Status column: read as a log of sessions, not as the study plan; name the marks' column Status to make it one",
			tb.Header[d.logColumn(tb)], tb.Header[status])
		return false
	}
	d.record(d.pos(t), "table", d.excerpt(t), Reading{As: ReadPart, Role: vocab.RolePlan})
	rowPos := d.rowPositions(t)
	for i, row := range tb.Rows {
		e := bank.PlanEntry{Number: len(d.plan) + 1, Pos: rowPos[i]}
		numbered := false
		if num >= 0 && num < len(row) {
			if n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(row[num], "."))); err == nil {
				e.Number, numbered = n, true
			} else {
				d.warn(e.Pos, "plan row %d: %q is not a number; numbered by position", i+1, row[num])
			}
		}
		if topic < len(row) {
			e.Topic = row[topic]
		}
		if status < len(row) {
			d.setStatus(&e, row[status])
		}
		// Every other column is a field of every row, an empty cell
		// too, so that the rows keep the same columns in the same order.
		for c, name := range tb.Header {
			if c != num && c != topic && c != status {
				cell := ""
				if c < len(row) {
					cell = row[c]
				}
				e.Fields = append(e.Fields, bank.Field{Name: name, Value: cell})
			}
		}
		d.addPlanRow(e, numbered)
		d.record(e.Pos, "row", e.Topic, Reading{As: ReadPlan, Name: e.Topic, Status: e.Status, Question: e.Number})
	}
	return true
}

// hasTracker reports whether a top-level table of the document has a
// topic column and a status column, by their names or its cells.
func (d *doc) hasTracker(root ast.Node) bool {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if t, ok := n.(*east.Table); ok {
			if _, topic, status := d.planColumns(d.table(t)); topic >= 0 && status >= 0 {
				return true
			}
		}
	}
	return false
}

// addPlanRow adds a row to the document's plan. numbered says that the
// source numbered it; other rows are numbered after the rows before them
// and, across files, matched by topic rather than number.
func (d *doc) addPlanRow(e bank.PlanEntry, numbered bool) {
	d.plan = append(d.plan, e)
	d.planNumbered = append(d.planNumbered, numbered)
}

// planColumns finds a tracker's number, topic and status columns, -1
// for each one missing.
func (d *doc) planColumns(tb bank.Block) (num, topic, status int) {
	num, topic, status = -1, -1, -1
	for i, h := range tb.Header {
		switch d.v.PlanColumn(h) {
		case vocab.PlanNumber:
			if num < 0 {
				num = i
			}
		case vocab.PlanTopic:
			if topic < 0 {
				topic = i
			}
		case vocab.PlanStatus:
			if status < 0 {
				status = i
			}
		}
	}
	if status < 0 {
		for i := range tb.Header {
			if i != num && i != topic && d.statusColumn(tb.Rows, i) {
				status = i
				break
			}
		}
	}
	if status >= 0 && percentColumn(tb.Rows, status) {
		// "| Progress | Status |" with "40%" and "Ongoing": the column
		// of status words is the status, the shares done a field.
		for i, h := range tb.Header {
			if i != num && i != topic && i != status && !percentColumn(tb.Rows, i) &&
				(d.v.PlanColumn(h) == vocab.PlanStatus || d.statusColumn(tb.Rows, i)) {
				status = i
				break
			}
		}
	}
	if topic < 0 && status >= 0 && d.noteRole == vocab.RolePlan && d.q == nil {
		for i := range tb.Header {
			if i != num && i != status {
				topic = i
				break
			}
		}
	}
	return num, topic, status
}

// statusColumn reports whether every cell of column i reads as a status.
func (d *doc) statusColumn(rows [][]string, i int) bool {
	if len(rows) == 0 {
		return false
	}
	for _, row := range rows {
		if i >= len(row) {
			return false
		}
		if _, ok := d.status(row[i]); !ok {
			return false
		}
	}
	return true
}

// percentColumn reports whether column i holds shares done ("40%") and
// nothing else but empty cells.
func percentColumn(rows [][]string, i int) bool {
	seen := false
	for _, row := range rows {
		if i >= len(row) || strings.TrimSpace(row[i]) == "" {
			continue
		}
		if !strings.HasSuffix(strings.TrimSpace(row[i]), "%") {
			return false
		}
		seen = true
	}
	return seen
}

// status reads a tracker's status cell (see vocab.Status).
func (d *doc) status(cell string) (bank.Status, bool) { return d.v.Status(cell) }

// logColumn returns the index of a column that makes a table a log of
// sessions: its header names a score, or its every cell is a score or a
// date; -1 for none.
func (d *doc) logColumn(tb bank.Block) int {
	for c, h := range tb.Header {
		if d.v.Role(h) == vocab.RoleScore {
			return c
		}
		all := len(tb.Rows) > 0
		for _, row := range tb.Rows {
			all = all && c < len(row) && (isScore(row[c]) && !strings.HasSuffix(strings.TrimSpace(row[c]), "%") || isDate(row[c]))
		}
		if all {
			return c
		}
	}
	return -1
}

// datePattern matches a date written in digits: "2025-03-14", "14/3",
// "3/14/2025", "14.03.2025".
var datePattern = regexp.MustCompile(`^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$`)

func isDate(cell string) bool { return datePattern.MatchString(strings.TrimSpace(cell)) }

// checkTracker warns about a table that looks like a tracker but was
// not read as one: it has a status column but no topic column, or a
// topic column and a column of scores or dates but no status.
func (d *doc) checkTracker(t *east.Table) {
	tb := d.table(t)
	_, topic, status := d.planColumns(tb)
	switch {
	case status >= 0 && topic < 0:
		d.warn(d.pos(t), "table has a status column (%q) but no topic column, so it is not read as the study plan; name a column Topic to make it one", tb.Header[status])
	case topic >= 0 && status < 0 && d.logColumn(tb) >= 0:
		d.warn(d.pos(t), "table has a topic column (%q) and one of scores or dates (%q) but no status column: read as a log, not as the study plan; add a Status column to make it one", tb.Header[topic], tb.Header[d.logColumn(tb)])
	}
}

// setStatus reads a status cell into a plan row, keeping it as written.
func (d *doc) setStatus(e *bank.PlanEntry, cell string) {
	e.Label = strings.TrimSpace(cell)
	st, ok := d.status(cell)
	if !ok && e.Label != "" {
		d.warn(e.Pos, "plan row %d: status %q is not one bankgen knows; read as todo (add it under statuses in %s)", e.Number, e.Label, vocab.ConfigName)
	}
	e.Status = st
}

// planList reads a list under a study-plan heading as the plan. An item
// is its status (a leading mark, "[x]", or a trailing "— done" or "(in
// progress)") and its topic. Elsewhere a checklist is a to-do list, not
// the plan.
func (d *doc) planList(l *ast.List) bool {
	if d.q != nil || d.noteRole != vocab.RolePlan {
		return false
	}
	inPlan := true
	type row struct {
		topic, label string
		pos          bank.Pos
	}
	var rows []row
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		text := firstLine(d.blockText(it))
		topic, label := d.splitStatus(text)
		if label == "" && !inPlan {
			return false
		}
		rows = append(rows, row{topic, label, d.pos(it)})
	}
	if len(rows) == 0 || !slices.ContainsFunc(rows, func(r row) bool { return !d.isStatus(r.topic) }) {
		// "- **Done** — finished and reviewed": a legend of the
		// plan's marks, read as notes, not rows.
		return false
	}
	d.record(d.pos(l), "list", d.excerpt(l), Reading{As: ReadPart, Role: vocab.RolePlan})
	for i, r := range rows {
		e := bank.PlanEntry{Number: len(d.plan) + 1, Topic: r.topic, Pos: r.pos}
		if l.IsOrdered() {
			e.Number = l.Start + i
		}
		checked := r.label == "[x]" || r.label == "[X]"
		if d.laneLabel != "" && (!checked || d.lane == bank.Done) {
			// A card in a Kanban lane has the lane's status.
			e.Status, e.Label = d.lane, d.laneLabel
		} else {
			d.setStatus(&e, r.label)
		}
		d.addPlanRow(e, l.IsOrdered())
		d.record(e.Pos, "item", e.Topic, Reading{As: ReadPlan, Name: e.Topic, Status: e.Status, Question: e.Number})
	}
	return true
}

// splitStatus splits a checklist item into its topic and its status as
// written: "✅ Scala", "[x] Kafka", "Kubernetes — in progress",
// "Docker (done)". label is "" when the item names no status.
func (d *doc) splitStatus(text string) (topic, label string) {
	text = strings.TrimSpace(text)
	for _, box := range []string{"[x]", "[X]", "[ ]"} {
		if rest, ok := strings.CutPrefix(text, box); ok {
			return strings.TrimSpace(rest), box
		}
	}
	if i := strings.IndexFunc(text, isWordStart); i > 0 {
		mark := strings.TrimSpace(text[:i])
		if _, ok := d.v.Status(mark); ok {
			return strings.TrimSpace(text[i:]), mark
		}
	}
	if open := strings.LastIndex(text, "("); open > 0 && strings.HasSuffix(text, ")") {
		if _, ok := d.v.Status(text[open+1 : len(text)-1]); ok {
			return strings.TrimSpace(text[:open]), text[open+1 : len(text)-1]
		}
	}
	for _, sep := range []string{" — ", " – ", " - ", ": "} {
		if i := strings.LastIndex(text, sep); i > 0 {
			if _, ok := d.v.Status(text[i+len(sep):]); ok {
				return strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+len(sep):])
			}
		}
	}
	return text, ""
}

func isWordStart(r rune) bool { return vocab.TrimDecoration(string(r)) != "" && r != '[' && r != '(' }
