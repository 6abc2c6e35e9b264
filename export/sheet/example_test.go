package sheet_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/sheet"
)

func exampleBank() *bank.Bank {
	b := &bank.Bank{
		Topics: []bank.Topic{{
			Name: "Kubernetes",
			Questions: []bank.Question{{
				Number: 1, Level: bank.WarmUp,
				Prompt: "What is a Pod?",
				Gaps:   []bank.Gap{{Title: "=HYPERLINK(\"http://x\",\"y\")", Phrasing: "A Pod wraps one or more containers."}},
				Answer: []bank.Block{{Kind: bank.KindParagraph, Text: "The smallest deployable unit."}},
			}},
		}},
		Plan: []bank.PlanEntry{{Number: 1, Topic: "Kubernetes", Status: bank.Next}},
	}
	b.AssignIDs()
	return b
}

// Files names the files of an export; the command writes them.
func ExampleFiles() {
	for _, format := range []sheet.Format{sheet.FormatXLSX, sheet.FormatCSV} {
		files, err := sheet.Files(exampleBank(), sheet.Options{Format: format})
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, f := range files {
			fmt.Printf("%s: %d rows\n", f.Name, f.Items)
		}
	}
	// Output:
	// bank.xlsx: 3 rows
	// questions.csv: 1 rows
	// gaps.csv: 1 rows
	// concepts.csv: 0 rows
	// samples.csv: 0 rows
	// diagrams.csv: 0 rows
	// plan.csv: 1 rows
}

// Formula-like text from the sources gets a leading quote in CSV, so a
// spreadsheet opening the file shows it as text. Records end in CRLF.
func ExampleWriteCSV() {
	var buf bytes.Buffer
	err := sheet.WriteCSV(&buf, exampleBank(), sheet.SheetGaps, sheet.Options{NoBOM: true})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Print(strings.ReplaceAll(buf.String(), "\r\n", "\n"))
	// Output:
	// Question ID,Title,Explanation,Suggested phrasing,Done
	// kubernetes/q1,"'=HYPERLINK(""http://x"",""y"")",,A Pod wraps one or more containers.,☐
}
