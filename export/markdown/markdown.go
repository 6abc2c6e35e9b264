package markdown

import (
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
)

// Words come from the vocabulary in words (topic.go).

// DefaultPlanName is the name of the study-plan file when
// Options.PlanName is empty.
const DefaultPlanName = "plan.md"

// Options configure an export. The zero value names each topic file after
// the topic's ID and the plan file plan.md.
type Options struct {
	// Numbered puts each topic's position in the bank before its file
	// name ("01-kubernetes.md"), so that parsing the files back, which
	// reads them in name order, gives the topics in the bank's order.
	// Without it topics come back in the order of their IDs.
	Numbered bool
	// PlanName is the study-plan file's name, a base name ending in .md
	// or .markdown; "" means DefaultPlanName.
	PlanName string
}

// ErrPlanName is returned for an Options.PlanName that is not a plain
// Markdown file name.
var ErrPlanName = errors.New("markdown: plan file name must be a base name ending in .md")

func (o Options) planName() (string, error) {
	name := o.PlanName
	if name == "" {
		return DefaultPlanName, nil
	}
	ext := strings.ToLower(path.Ext(name))
	if strings.ContainsAny(name, `/\`) || name == ext || (ext != ".md" && ext != ".markdown") {
		return "", fmt.Errorf("%w: %q", ErrPlanName, name)
	}
	return name, nil
}

// Files returns the files of a Markdown export of b: one per topic, in
// the bank's order, then the study plan's when the bank has a plan.
// Topic files are named after the topic's ID, reduced to lower-case
// ASCII letters, digits and dashes ("topic-N" when nothing is left), and
// made unique with "-2", "-3", …; no name ever holds a path separator.
// Each file counts its questions and glossary terms, the plan its rows.
// Write renders afresh from b each time it is called, so b must not
// change until the files are written.
func Files(b *bank.Bank, opts Options) ([]export.File, error) {
	planName, err := opts.planName()
	if err != nil {
		return nil, err
	}
	taken := map[string]bool{strings.ToLower(planName): true}
	width := max(2, len(strconv.Itoa(len(b.Topics))))
	var files []export.File
	for i := range b.Topics {
		t := &b.Topics[i]
		base := fileBase(t.ID)
		if base == "" {
			base = "topic-" + strconv.Itoa(i+1)
		}
		if opts.Numbered {
			base = fmt.Sprintf("%0*d-%s", width, i+1, base)
		}
		name := base + ".md"
		for n := 2; taken[name]; n++ {
			name = base + "-" + strconv.Itoa(n) + ".md"
		}
		taken[name] = true
		files = append(files, export.File{
			Name:  name,
			Items: len(t.Questions) + len(t.Guide),
			Write: func(w io.Writer) error { return WriteTopic(w, t) },
		})
	}
	if len(b.Plan) > 0 {
		files = append(files, export.File{
			Name:  planName,
			Items: len(b.Plan),
			Write: func(w io.Writer) error { return WritePlan(w, b.Plan) },
		})
	}
	return files, nil
}

// fileBase reduces an ID to lower-case ASCII letters and digits, with
// single dashes between runs, at most 64 bytes long.
func fileBase(id string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(id) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 64 {
				break
			}
			continue
		}
		dash = true
	}
	return b.String()
}

// WriteTopic writes one topic as a Markdown document to w: its title,
// its concept guide (notes and glossary), its extra sections and its
// questions. It does not close w.
func WriteTopic(w io.Writer, t *bank.Topic) error {
	var r renderer
	r.topic(t)
	_, err := io.WriteString(w, r.String())
	return err
}

// WritePlan writes the study plan to w as a titled tracker: number,
// topic and status (as the tracker wrote it when the bank kept that),
// then one column per field, rows in the plan's order. Rows that name
// the same fields in the same order share a table, so that each row
// reads back with exactly its own fields (an empty value included); a
// run of rows with other fields starts a new table. It does not close w.
func WritePlan(w io.Writer, plan []bank.PlanEntry) error {
	var r renderer
	r.add(atx(1, words.Write.Plan))
	for len(plan) > 0 {
		n := 1
		for n < len(plan) && sameFieldNames(plan[n].Fields, plan[0].Fields) {
			n++
		}
		header := []string{"#", "Topic", "Status"}
		for _, f := range plan[0].Fields {
			header = append(header, f.Name)
		}
		rows := make([][]string, n)
		for i, e := range plan[:n] {
			row := []string{strconv.Itoa(e.Number), e.Topic, statusCell(e)}
			for _, f := range e.Fields {
				row = append(row, f.Value)
			}
			rows[i] = row
		}
		r.add(table(header, rows))
		plan = plan[n:]
	}
	_, err := io.WriteString(w, r.String())
	return err
}

// sameFieldNames reports whether two rows name the same fields in the
// same order.
func sameFieldNames(a, b []bank.Field) bool {
	return slices.EqualFunc(a, b, func(x, y bank.Field) bool { return x.Name == y.Name })
}

// statusCell writes a row's status: as the tracker wrote it when that
// reads back as the same status (or as written when no vocabulary knows
// it and it was read as to do), else in the words of the vocabulary.
func statusCell(e bank.PlanEntry) string {
	if st, ok := words.Status(e.Label); ok && st == e.Status || !ok && e.Status == bank.Todo && strings.TrimSpace(e.Label) != "" {
		// A label no vocabulary knows reads back as it was, to do
		// (and warned about), as in the tracker it came from.
		return e.Label
	}
	return words.Write.Statuses[e.Status]
}
