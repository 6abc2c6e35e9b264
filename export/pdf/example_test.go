package pdf_test

import (
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/pdf"
)

// ExampleFiles renders the two PDFs of a small bank, as the bankgen
// command does before writing them to files.
func ExampleFiles() {
	b := &bank.Bank{Topics: []bank.Topic{{
		Name:  "Kubernetes",
		Guide: []bank.Term{{Term: "Pod", Definition: "The smallest deployable unit."}},
		Questions: []bank.Question{{
			Number: 1, Level: bank.WarmUp,
			Prompt: "What is a Pod? ✅",
			Gaps:   []bank.Gap{{Title: "Name the shared network namespace", Phrasing: "Containers in a pod share an IP."}},
			Answer: []bank.Block{{Kind: bank.KindParagraph, Text: "A Pod wraps one or more containers."}},
		}},
	}}}
	b.AssignIDs()
	files, err := pdf.Files(b, pdf.Options{Paper: "letter", Date: time.Date(2025, 11, 24, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range files {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			log.Fatal(err)
		}
		fmt.Println(f.Name, f.Items, bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")))
	}
	// Output:
	// study-guide.pdf 1 true
	// cheat-sheet.pdf 1 true
}
