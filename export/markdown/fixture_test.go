package markdown_test

import (
	"fmt"

	"github.com/bankgen/bankgen/bank"
)

// Hostile strings every exporter is tested with.
const (
	script    = "<script>alert(1)</script>"
	formula   = `=HYPERLINK("http://x","y")`
	template  = "{{Front}}"
	traversal = "../../etc/passwd"
	controls  = "bell\x07 escape\x1b delete\x7f"
	astral    = "🎯🐍"
)

// testBank builds, by hand, a bank that uses every block kind and every
// place the parser distinguishes, full of text that looks like Markdown.
// It holds only what the parser can produce (see limits_test.go), so the
// round trip must give it back exactly.
func testBank() *bank.Bank {
	yaml := bank.Sample{
		Lang:  "yaml",
		File:  "fraud-deployment.yaml",
		Kinds: []string{"Deployment", "Service"},
		Code: "# fraud-deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fraud   # ``` not a fence\n" +
			"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: fraud\n",
	}
	bash := bank.Sample{
		Lang: "bash",
		Code: "kubectl get pods | grep -v '*' \\\n  && echo \"done\" # <b>&amp;</b>\n```\n````\n",
	}
	plainCode := bank.Sample{Code: "   indented first line\n\ttab\n\n  trailing spaces   \n"}
	b := &bank.Bank{
		Topics: []bank.Topic{
			{
				Name: "Docker & Compose (v2)",
				Notes: []bank.Section{
					{Title: "Images", Blocks: []bank.Block{
						{Kind: bank.KindParagraph, Text: "An image is *not* a container_image; see `docker build`."},
						{Kind: bank.KindList, Items: []string{"layers", "  cached **per** step", "    deeper_still", "tags"}},
					}},
					{Title: "Where # signs & pipes | live", Blocks: []bank.Block{
						{Kind: bank.KindHeading, Level: 4, Text: "Bold sub-heading:"},
						{Kind: bank.KindTable, Header: []string{"Flag", "Meaning | pipe"}, Rows: [][]string{
							{"-d", "detach"},
							{"`-p`", "publish 8080:80 \\ backslash"},
							{"", "empty first cell"},
						}},
						{Kind: bank.KindQuote, Text: "Quoted wisdom.\n\n# not a heading\n> not a quote"},
						{Kind: bank.KindCode, Lang: "dockerfile", Code: "FROM alpine\nRUN echo '# hi'\n"},
						{Kind: bank.KindParagraph, Text: "<div class=\"note\">\n*not emphasis* & <b>raw</b>\n</div>"},
						{Kind: bank.KindParagraph, Text: "<details>\n<summary>More</summary>\n\nnot one HTML block\n</details>"},
					}},
				},
				Guide: []bank.Term{
					{Term: "Image", Definition: "a read-only template — built from a Dockerfile.", Section: ""},
					{Term: "Layer:", Definition: "one step's diff; the colon is part of the term", Section: "Images"},
					{Term: "Tag", Definition: "- a name that starts with a dash\nand runs on", Section: "Images"},
					{Term: "Pipe | Term", Definition: script + " " + formula, Section: "Where # signs & pipes | live"},
				},
				Questions: []bank.Question{
					{
						Number: 1, Level: bank.WarmUp, Label: "Warm Up",
						Prompt:    "What is a container?",
						Strengths: []bank.Strength{{Title: "Named namespaces", Detail: "and cgroups."}},
					},
				},
			},
			{
				Name: "Kubernetes",
				Tags: []string{"k8s", "ops: \"prod\""},
				Pin:  "k8s",
				Notes: []bank.Section{
					{Title: "Mock Interview — Kubernetes", Blocks: []bank.Block{
						{Kind: bank.KindParagraph, Text: "Same rules — answer in the room."},
					}},
					{Title: "Core Concepts"},
					{Title: "Empty section"},
				},
				Guide: []bank.Term{
					{Term: "Pod", Definition: "the smallest deployable unit " + astral, Section: "Core Concepts"},
					{Term: "Node", Definition: "a machine: ╔═╗ ║ ╚═╝ ─│┌┐", Section: "Core Concepts"},
				},
				Extra: []bank.Section{
					{Title: "What You Nailed", Blocks: []bank.Block{
						{Kind: bank.KindParagraph, Text: "Praise before any question."},
					}},
				},
				Questions: []bank.Question{
					{
						Number: 1, Level: bank.WarmUp, Label: "Warm Up",
						Prompt: `Can you explain what Kubernetes is, and why "desired state" matters?` + "\n\nTake your time.",
						Strengths: []bank.Strength{
							{Title: `"Smart manager for your app's boxes"`, Detail: "perfect opening analogy."},
							{Title: "Ends with a full stop.", Detail: "the stop is part of the title"},
							{Title: "No detail"},
							{Title: "Two paragraphs", Detail: "first *starred* part\n\nsecond part with `code`"},
						},
						Gaps: []bank.Gap{
							{
								Title:    "Missing the reconciliation loop",
								Detail:   "This is the key concept:",
								Phrasing: `The core innovation is "desired state" — you say what you want.` + "\n\nSecond paragraph of phrasing.",
							},
							{Title: "Dash first", Detail: "- starts with a dash", Phrasing: "'single quoted'"},
							{Title: "Only a title."},
							{Title: "Line starts", Detail: "ok\n# hash\n1. one\n2) two\n- dash\n+ plus\n> quote\n---\n===\n~~~\n    four spaces"},
						},
						Answer: []bank.Block{
							{Kind: bank.KindParagraph, Text: `"Kubernetes is a container orchestration platform — <b>not</b> magic & not &amp; either.`},
							{Kind: bank.KindHeading, Level: 4, Text: "The Origin — Why Google Built It:"},
							{Kind: bank.KindHeading, Level: 2, Text: "Pod — The Atomic Unit #"},
							{Kind: bank.KindHeading, Level: 3, Text: "Level three ###"},
							{Kind: bank.KindSample, Sample: 0},
							{Kind: bank.KindList, Ordered: true, Items: []string{"first", "second\ncontinued", "  nested under second", "third"}},
							{Kind: bank.KindList, Ordered: true, Items: []string{"a separate ordered list"}},
							{Kind: bank.KindList, Items: []string{"bullet", "* star text", "1. looks numbered"}},
							{Kind: bank.KindList, Items: []string{"a separate bullet list"}},
							{Kind: bank.KindSample, Sample: 1},
							{Kind: bank.KindTable, Header: []string{"Spark", "Flink"}, Rows: [][]string{{"batch", "stream"}, {"a\\|b", "c&#124;d"}}},
							{Kind: bank.KindQuote, Text: "A quote\nwith two lines"},
							{Kind: bank.KindSample, Sample: 2},
							{Kind: bank.KindHeading, Level: 1, Text: "Level one, not a title"},
							{Kind: bank.KindHeading, Level: 5, Text: "Level five"},
							{Kind: bank.KindHeading, Level: 6, Text: "Level six"},
							{Kind: bank.KindParagraph, Text: "Backslashes: C:\\Users\\x \\* \\\\ and a trailing one \\"},
							{Kind: bank.KindParagraph, Text: template + " " + traversal + " " + controls},
						},
						Samples: []bank.Sample{yaml, bash, plainCode},
						Diagrams: []bank.Diagram{
							{Title: "THE CORE KUBERNETES CONCEPT — DESIRED STATE", Art: "╔══════╗   \n║ 10 ✅ ║   \n╚══════╝\n\n   indented after a blank   "},
							{Title: "WITH FENCES", Art: "┌───┐\n│```│\n└───┘"},
						},
						Extra: []bank.Section{
							{Title: "Question", Blocks: []bank.Block{
								{Kind: bank.KindTable, Header: []string{"Unexpected"}, Rows: [][]string{{"table under the prompt"}}},
							}},
							{Title: "What You Nailed", Blocks: []bank.Block{
								{Kind: bank.KindParagraph, Text: "<!-- reviewer: an HTML comment after the strengths -->"},
							}},
							{Title: "Diagrams", Blocks: []bank.Block{
								{Kind: bank.KindParagraph, Text: "Prose among the diagrams."},
								{Kind: bank.KindCode, Code: "code after the diagrams' prose\n"},
							}},
							{Title: "Follow-up", Blocks: []bank.Block{
								{Kind: bank.KindParagraph, Text: "An unrecognised section after everything."},
							}},
						},
					},
					{
						Number: 2, Level: bank.SteppingUp, Label: "Stepping Up",
						Prompt: "Explain Pods, Deployments, and Services.",
						Extra: []bank.Section{
							{Title: "Hints", Blocks: []bank.Block{{Kind: bank.KindParagraph, Text: "A section before the feedback."}}},
							{Title: "Feedback First", Blocks: []bank.Block{{Kind: bank.KindParagraph, Text: "Text under the divider."}}},
						},
						Strengths: []bank.Strength{{Title: "Labels connect everything", Detail: "correct."}},
						Gaps:      []bank.Gap{{Title: "Missing ReplicaSet", Phrasing: "There's a layer between Deployment and Pod."}},
						Answer: []bank.Block{
							{Kind: bank.KindParagraph, Text: "Answer without samples."},
						},
					},
					{
						Number: 3, Level: bank.Lead, Label: "Lead Engineer Level",
						Prompt: "Design Spark and Flink on Kubernetes.",
						Extra: []bank.Section{
							{Title: "What to Tighten Up", Blocks: []bank.Block{
								{Kind: bank.KindCode, Lang: "text", Code: "code where a gap was expected\n"},
							}},
						},
						Diagrams: []bank.Diagram{{Title: "", Art: "untitled ─── art"}, {Title: "TITLED AFTER", Art: "│"},
							{Title: "Checkout flow", Lang: "mermaid", Art: "sequenceDiagram\n  A->>B: pay", Pin: "checkout"}},
					},
					{Number: 4, Level: bank.SteppingUp, LevelInferred: true, Prompt: "A question with no level and nothing else."},
					{Number: 12, Level: bank.Lead, Label: "Senior level", Title: "Curly: quotes", Pin: "curly",
						Prompt:   "“Already curly quoted”",
						Response: []bank.Block{{Kind: bank.KindParagraph, Text: "My answer, as I gave it."}, {Kind: bank.KindQuote, Text: "A quoted transcript."}},
						Score:    "7/10",
						Gaps:     []bank.Gap{{Title: "Pinned gap", Detail: "kept by its pin", Pin: "the-gap"}},
						Extra:    []bank.Section{{Title: "Score", Blocks: []bank.Block{{Kind: bank.KindParagraph, Text: "solid"}}}},
					},
				},
			},
		},
	}
	for i := 1; i <= 12; i++ {
		st := bank.Todo
		switch {
		case i < 7:
			st = bank.Done
		case i == 7:
			st = bank.Next
		}
		topic := []string{"Scala", "Kafka / Streaming", "NoSQL — MongoDB | Cassandra", script, formula, template, traversal, "Kubernetes", astral, "C:\\temp\\*", "# not a heading", "&amp; literally"}[i-1]
		e := bank.PlanEntry{Number: i, Topic: topic, Status: st, Label: map[bank.Status]string{bank.Done: "✅ Complete", bank.Next: "🔄 In progress", bank.Todo: "⬜"}[st]}
		if i%3 == 0 {
			e.Fields = []bank.Field{{Name: "Notes", Value: "row " + topic}, {Name: "Week", Value: fmt.Sprint(i / 3)}}
		} else if i%2 == 0 {
			e.Fields = []bank.Field{{Name: "Notes", Value: "even"}}
		}
		b.Plan = append(b.Plan, e)
	}
	b.AssignIDs()
	return b
}
