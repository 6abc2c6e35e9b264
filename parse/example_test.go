package parse_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"testing/fstest"

	"github.com/bankgen/bankgen/parse"
)

// A folder of notes (here in memory; os.DirFS("notes") for a real one)
// becomes a bank, written as JSON into a file.
func Example() {
	notes := fstest.MapFS{
		"kafka.md": {Data: []byte(`# Mock Interview: Kafka

### Question 1 (Easy): Consumer groups

What is a consumer group?

**Strengths:**
- Named partitions as the unit of parallelism

**Areas to improve:**
- **Offsets.** You never said where progress is stored.
  Try saying: "Offsets are committed per group and partition."

**Model answer:** A set of consumers that split a topic's partitions.
`)},
		"glossary.md": {Data: []byte("# Kafka\n\n**Partition** — an ordered, append-only log.\n")},
	}
	srcs, err := parse.ReadFS(notes, "notes")
	if err != nil {
		log.Fatal(err)
	}
	b, diags := parse.Parse(srcs...)
	for _, d := range diags {
		fmt.Println(d.String())
	}
	if err := diags.Err(); err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(os.TempDir(), "bank.json")
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(path)
	if err := b.WriteJSON(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	q := b.Topics[0].Questions[0]
	fmt.Println(q.ID, q.Level, q.Title, "|", q.Prompt)
	fmt.Println(q.Gaps[0].Title, "|", q.Gaps[0].Phrasing)
	fmt.Println(b.Topics[0].Guide[0].ID)
	// Output:
	// kafka/q1 warm-up Consumer groups | What is a consumer group?
	// Offsets | Offsets are committed per group and partition.
	// kafka/terms/partition
}
