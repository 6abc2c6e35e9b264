package golden_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/bankgen/bankgen/bank"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(bank.JSONSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// TestBankJSONMatchesSchema validates, against the shipped JSON Schema,
// the shipped bank and a bank that sets every optional field.
func TestBankJSONMatchesSchema(t *testing.T) {
	s := compileSchema(t)
	full := bank.Default()
	top := &full.Topics[0]
	top.Pin, top.Tags = "k8s", []string{"cloud", "containers"}
	q := &top.Questions[0]
	q.Pin, q.LevelInferred, q.Title, q.Score = "basics", true, "Basics", "7/10"
	q.Response = []bank.Block{{Kind: bank.KindParagraph, Text: "It runs containers."}}
	q.Gaps[0].Pin, q.Strengths[0].Pin, top.Guide[0].Pin = "g", "s", "t"
	q.Diagrams[0].Pin, q.Diagrams[0].Lang = "d", "mermaid"
	full.Plan[0].Label = "✅ Complete"
	full.Plan[0].Fields = []bank.Field{{Name: "Week", Value: "3"}, {Name: "Confidence", Value: ""}}
	full.AssignIDs()
	if err := full.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string]*bank.Bank{"shipped": bank.Default(), "every field": full} {
		var buf bytes.Buffer
		if err := b.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := s.Validate(doc); err != nil {
			t.Errorf("%s bank does not match the schema: %v", name, err)
		}
	}
}

// TestSchemaRejectsBrokenBanks makes sure the schema is not vacuous.
func TestSchemaRejectsBrokenBanks(t *testing.T) {
	s := compileSchema(t)
	var buf bytes.Buffer
	if err := bank.Default().WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	breakers := map[string]func(m map[string]any){
		"wrong schema":  func(m map[string]any) { m["schema"] = "bankgen/v2" },
		"no plan":       func(m map[string]any) { delete(m, "plan") },
		"bad level":     func(m map[string]any) { question(m)["level"] = "expert" },
		"no prompt":     func(m map[string]any) { delete(question(m), "prompt") },
		"bad status":    func(m map[string]any) { m["plan"].([]any)[0].(map[string]any)["status"] = "later" },
		"bad kind":      func(m map[string]any) { question(m)["answer"].([]any)[0].(map[string]any)["kind"] = "video" },
		"string number": func(m map[string]any) { question(m)["number"] = "1" },
		"string tags":   func(m map[string]any) { m["topics"].([]any)[0].(map[string]any)["tags"] = "a,b" },
		"field no name": func(m map[string]any) {
			m["plan"].([]any)[0].(map[string]any)["fields"] = []any{map[string]any{"value": "3"}}
		},
	}
	for name, breakIt := range breakers {
		var m map[string]any
		if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		breakIt(m)
		if err := s.Validate(m); err == nil {
			t.Errorf("%s: the schema accepted it", name)
		}
	}
}

func question(m map[string]any) map[string]any {
	return m["topics"].([]any)[0].(map[string]any)["questions"].([]any)[0].(map[string]any)
}

// TestUsableFromAnotherModule builds a program in a module of its own
// that imports bank, the way a "go get" user does (a replace directive
// points at this checkout), and runs it.
func TestUsableFromAnotherModule(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed: %v", err)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/quiz\n\ngo 1.26\n\nrequire github.com/bankgen/bankgen v0.0.0\n\nreplace github.com/bankgen/bankgen => " + root + "\n",
		"main.go": `package main

import (
	"fmt"

	"github.com/bankgen/bankgen/bank"
)

func main() {
	for _, q := range bank.Default().Questions(bank.Query{}) {
		fmt.Println(q.ID, q.Level)
	}
}
`,
	}
	// The checksums of bank's own dependencies (golang.org/x/text), as a
	// "go get" would record them.
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files["go.sum"] = string(sum)
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goBin, "run", ".")
	cmd.Dir = dir
	// No network: the bank package needs nothing beyond the standard
	// library and golang.org/x/text, which the module cache holds.
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run in an outside module: %v\n%s", err, out)
	}
	want := "kubernetes/q1 warm-up\nkubernetes/q2 stepping-up\nkubernetes/q3 lead\n"
	if string(out) != want {
		t.Errorf("output = %q, want %q", out, want)
	}
}
