package anki_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/anki"
)

func exampleBank() *bank.Bank {
	b := &bank.Bank{Topics: []bank.Topic{{
		Name:  "Kubernetes",
		Guide: []bank.Term{{Term: "Pod", Definition: "The smallest deployable unit."}},
		Questions: []bank.Question{{
			Number: 1, Level: bank.WarmUp,
			Prompt: "What is a Pod?",
			Answer: []bank.Block{{Kind: bank.KindParagraph, Text: "A wrapper around one or more containers."}},
			Gaps:   []bank.Gap{{Title: "Shared network", Phrasing: "Containers in a pod share localhost."}},
		}},
	}}}
	b.AssignIDs()
	return b
}

func ExampleFiles() {
	files, err := anki.Files(exampleBank(), anki.Options{Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range files {
		fmt.Println(f.Name, f.Items)
	}
	var buf bytes.Buffer
	if err := files[0].Write(&buf); err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range zr.File {
		fmt.Println(" ", f.Name)
	}
	// Output:
	// interview-prep.apkg 4
	// interview-prep.anki-state.json 4
	//   collection.anki2
	//   0
	//   media
}

func ExampleWriteText() {
	err := anki.WriteText(os.Stdout, exampleBank(), anki.Options{}, anki.KindGap)
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// #separator:tab
	// #html:true
	// #notetype:bankgen Gap Drill
	// #deck column:8
	// #tags column:9
	// #guid column:10
	// #columns:Gap	Question	Topic	Level	Explanation	Phrasing	ID	Deck	Tags	GUID
	// "Shared network"	"What is a Pod?"	"Kubernetes"	"Warm-up"	""	"Containers in a pod share localhost."	"kubernetes/q1/gaps/shared-network"	"Interview Prep::Kubernetes"	"bankgen::kind::gap bankgen::level::warm-up bankgen::question::kubernetes::q1 bankgen::topic::kubernetes"	"xjPX!:K>cg"
}
