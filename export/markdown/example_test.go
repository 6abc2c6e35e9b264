package markdown_test

import (
	"fmt"
	"os"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export/markdown"
)

func ExampleWriteTopic() {
	t := bank.Topic{
		Name:  "Docker",
		Notes: []bank.Section{{Title: "Basics"}},
		Guide: []bank.Term{{Term: "Image", Definition: "a read-only *template*", Section: "Basics"}},
		Questions: []bank.Question{{
			Number: 1, Level: bank.WarmUp, Label: "Warm Up",
			Prompt:    "What is a container?",
			Strengths: []bank.Strength{{Title: "Namespaces", Detail: "named them."}},
			Gaps:      []bank.Gap{{Title: "Missing cgroups", Detail: "Limits matter:", Phrasing: "cgroups cap CPU and memory."}},
			Answer: []bank.Block{
				{Kind: bank.KindParagraph, Text: "# A container is a process."},
				{Kind: bank.KindSample, Sample: 0},
			},
			Samples: []bank.Sample{{Lang: "bash", Code: "docker run --rm alpine echo hi\n"}},
		}},
	}
	if err := markdown.WriteTopic(os.Stdout, &t); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Mock Interview — Docker
	//
	// ## Basics
	//
	// **Image** — a read-only \*template\*
	//
	// ---
	//
	// ## Question 1 — Warm Up
	//
	// **"What is a container?"**
	//
	// # Feedback First
	//
	// ---
	//
	// ## What You Nailed ✅
	//
	// **Namespaces** — named them.
	//
	// ---
	//
	// ## What to Tighten Up 🔧
	//
	// **Missing cgroups.** Limits matter:
	//
	// *"cgroups cap CPU and memory."*
	//
	// ---
	//
	// # Model Answer
	//
	// ---
	//
	// \# A container is a process.
	//
	// ```bash
	// docker run --rm alpine echo hi
	// ```
}

func ExampleFiles() {
	b := &bank.Bank{
		Topics: []bank.Topic{{Name: "Kubernetes"}, {Name: "Docker"}},
		Plan:   []bank.PlanEntry{{Number: 1, Topic: "Kubernetes", Status: bank.Next}},
	}
	b.AssignIDs()
	files, err := markdown.Files(b, markdown.Options{Numbered: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range files {
		fmt.Println(f.Name)
	}
	if err := markdown.WritePlan(os.Stdout, b.Plan); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 01-kubernetes.md
	// 02-docker.md
	// plan.md
	// # Study Plan
	//
	// | # | Topic | Status |
	// |---|---|---|
	// | 1 | Kubernetes | ⬜ Next |
}
