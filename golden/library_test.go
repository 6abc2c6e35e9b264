package golden_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bankgen/bankgen/internal/goldentest"

	"github.com/bankgen/bankgen/bank"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestDefaultMatchesSources fails when bank.Default's embedded JSON no
// longer matches what parsing the shipped sources gives: run
// "go generate ./bank".
func TestDefaultMatchesSources(t *testing.T) {
	var parsed, embedded bytes.Buffer
	if err := goldentest.Shipped(t).WriteJSON(&parsed); err != nil {
		t.Fatal(err)
	}
	if err := bank.Default().WriteJSON(&embedded); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(parsed.Bytes(), embedded.Bytes()) {
		t.Error("bank.Default() is stale: run go generate ./bank")
	}
}

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

// TestGoldenJSONMatchesSchema validates every bank JSON file under
// golden/ against the shipped JSON Schema.
func TestGoldenJSONMatchesSchema(t *testing.T) {
	s := compileSchema(t)
	var files []string
	filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return nil
	})
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(`"schema": "bankgen/v1"`)) {
			continue // not a bank document
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := s.Validate(doc); err != nil {
			t.Errorf("%s does not match the schema: %v", f, err)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no bank JSON found under golden/")
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
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goBin, "run", ".")
	cmd.Dir = dir
	// No network: the bank package needs nothing beyond the standard library.
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
