package markdown_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/markdown"
)

// TestFileNames checks that file names come from topic IDs reduced to
// [a-z0-9-], are unique, never clash with the plan file, and that
// Numbered prefixes positions.
func TestFileNames(t *testing.T) {
	b := &bank.Bank{
		Topics: []bank.Topic{
			{ID: "kubernetes"}, {ID: "../../etc/passwd"}, {ID: "Docker Compose"}, {ID: "日本語"},
			{ID: "kubernetes"}, {ID: "plan"}, {ID: strings.Repeat("x", 100)}, {ID: "a/b\\c"},
		},
		Plan: []bank.PlanEntry{{Number: 1, Topic: "x"}},
	}
	tests := []struct {
		opts markdown.Options
		want []string
	}{
		{markdown.Options{}, []string{
			"kubernetes.md", "etc-passwd.md", "docker-compose.md", "topic-4.md",
			"kubernetes-2.md", "plan-2.md", strings.Repeat("x", 64) + ".md", "a-b-c.md", "plan.md",
		}},
		{markdown.Options{Numbered: true, PlanName: "Tracker.markdown"}, []string{
			"01-kubernetes.md", "02-etc-passwd.md", "03-docker-compose.md", "04-topic-4.md",
			"05-kubernetes.md", "06-plan.md", "07-" + strings.Repeat("x", 64) + ".md", "08-a-b-c.md", "Tracker.markdown",
		}},
	}
	for _, tt := range tests {
		files, err := markdown.Files(b, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range files {
			got = append(got, f.Name)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%+v: names (-want +got):\n%s", tt.opts, diff)
		}
	}
	for _, bad := range []string{"../plan.md", "a/b.md", `a\b.md`, "plan.txt", ".md", "plan"} {
		if _, err := markdown.Files(b, markdown.Options{PlanName: bad}); !errors.Is(err, markdown.ErrPlanName) {
			t.Errorf("PlanName %q: got %v, want ErrPlanName", bad, err)
		}
	}
}

// TestFilesCounts checks the item counts and that a bank without a plan
// has no plan file.
func TestFilesCounts(t *testing.T) {
	b := testBank()
	files, err := markdown.Files(b, markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, f := range files {
		got = append(got, f.Items)
	}
	want := []int{len(b.Topics[0].Questions) + len(b.Topics[0].Guide), len(b.Topics[1].Questions) + len(b.Topics[1].Guide), len(b.Plan)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	b.Plan = nil
	files, _ = markdown.Files(b, markdown.Options{})
	if n := len(files); n != len(b.Topics) {
		t.Errorf("without a plan: %d files, want %d", n, len(b.Topics))
	}
}

// TestDeterministic renders the fixture twice and wants the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := render(t, testBank(), markdown.Options{}), render(t, testBank(), markdown.Options{})
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two renderings", a[i].Name)
		}
	}
}

// TestNumberedKeepsOrder round-trips topics that are not in ID order,
// which only numbered file names keep.
func TestNumberedKeepsOrder(t *testing.T) {
	b := testBank()
	b.Topics[0], b.Topics[1] = b.Topics[1], b.Topics[0]
	roundTrip(t, b, markdown.Options{Numbered: true})
}

// errWriter fails every write.
type errWriter struct{}

var errWrite = errors.New("write failed")

func (errWriter) Write([]byte) (int, error) { return 0, errWrite }

// TestWriteErrors checks that a failing writer's error comes back.
func TestWriteErrors(t *testing.T) {
	files, err := markdown.Files(testBank(), markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := f.Write(errWriter{}); !errors.Is(err, errWrite) {
			t.Errorf("%s: got %v, want the writer's error", f.Name, err)
		}
	}
}
