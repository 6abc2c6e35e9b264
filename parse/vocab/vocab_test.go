package vocab

import (
	"strings"
	"testing"

	"github.com/bankgen/bankgen/bank"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"What You Nailed ✅":     "what you nailed",
		"what you nailed:":      "what you nailed",
		"  WHAT-YOU_NAILED  ":   "what you nailed",
		"Áreas de mejora":       "areas de mejora",
		"Candidate's answer":    "candidates answer",
		"axes d’amélioration":   "axes damelioration",
		"Stärken":               "starken",
		"✅":                     "✅",
		"✔️ ":                   "✔",
		"[ ]":                   "[]",
		"Lead Engineer Level 🚀": "lead engineer level",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteReadsBack checks that every heading and status the exporter
// writes is read back as what it stands for.
func TestWriteReadsBack(t *testing.T) {
	v := Default()
	w := v.Write
	if w.Interview == "" || w.Guide == "" || w.Question == "" || w.Separator == "" || w.Plan == "" {
		t.Fatalf("write section incomplete: %+v", w)
	}
	for _, r := range []Role{RolePrompt, RoleResponse, RoleFeedback, RoleStrengths, RoleGaps, RoleAnswer, RoleDiagrams, RoleScore} {
		h, ok := w.Headings[r]
		if !ok {
			t.Errorf("no heading written for role %s", r)
			continue
		}
		if got := v.Role(h); got != r {
			t.Errorf("heading %q reads as role %q, want %q", h, got, r)
		}
	}
	if got := v.Role(w.Plan); got != RolePlan {
		t.Errorf("plan title %q reads as %q", w.Plan, got)
	}
	for _, s := range bank.Statuses() {
		cell := w.Statuses[s]
		if got, ok := v.Status(cell); !ok || got != s {
			t.Errorf("status cell %q reads as %v (%v), want %v", cell, got, ok, s)
		}
	}
	if !v.IsQuestionWord(w.Question) {
		t.Errorf("question word %q is not read as one", w.Question)
	}
	for _, title := range []string{w.Interview + w.Separator + "Kafka", w.Guide + w.Separator + "Kafka"} {
		if got := v.TopicName(title); got != "Kafka" {
			t.Errorf("TopicName(%q) = %q, want Kafka", title, got)
		}
	}
}

func TestRole(t *testing.T) {
	v := Default()
	for in, want := range map[string]Role{
		"What You Nailed ✅":     RoleStrengths,
		"✅ Good":                RoleStrengths,
		"Areas to improve":      RoleGaps,
		"🔧 What to Tighten Up":  RoleGaps,
		"Missed":                RoleGaps,
		"Suggested answer":      RoleAnswer,
		"# Model Answer":        RoleAnswer,
		"Your answer:":          RoleResponse,
		"Score":                 RoleScore,
		"Overall assessment":    RoleNotes,
		"Puntos fuertes":        RoleStrengths,
		"Points à améliorer":    RoleGaps,
		"Musterantwort":         RoleAnswer,
		"Pontos de melhoria":    RoleGaps,
		"Key terms":             RoleGlossary,
		"Study plan":            RolePlan,
		"Feedback loop":         RoleNone,
		"The Architecture":      RoleNone,
		"Strengths of Kafka":    RoleNone,
		"Missing ReplicaSet":    RoleNone,
		"What is Kubernetes?":   RoleNone,
		"Pod — The Atomic Unit": RoleNone,
		"Lead Engineer Level 🚀": RoleNone,
	} {
		if got := v.Role(in); got != want {
			t.Errorf("Role(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLevel(t *testing.T) {
	v := Default()
	tests := []struct {
		in   string
		want bank.Level
		ok   bool
	}{
		{"Warm Up 🔥", bank.WarmUp, true},
		{"warm-up", bank.WarmUp, true},
		{"Easy", bank.WarmUp, true},
		{"Junior", bank.WarmUp, true},
		{"Stepping Up", bank.SteppingUp, true},
		{"Medium difficulty", bank.SteppingUp, true},
		{"Mid-level", bank.SteppingUp, true},
		{"Lead Engineer Level", bank.Lead, true},
		{"Senior", bank.Lead, true},
		{"Difficulty: Hard", bank.Lead, true},
		{"Avanzado", bank.Lead, true},
		{"Débutant", bank.WarmUp, true},
		{"midnight", bank.LevelUnknown, false},
		{"Kafka basics", bank.LevelUnknown, false},
		{"Leadership", bank.LevelUnknown, false},
		{"Rate limiting", bank.LevelUnknown, false},
		{"Level", bank.LevelUnknown, false},
	}
	for _, tt := range tests {
		got, ok := v.Level(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Level(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestStatus(t *testing.T) {
	v := Default()
	tests := []struct {
		in   string
		want bank.Status
		ok   bool
	}{
		{"✅ Done", bank.Done, true},
		{"✅", bank.Done, true},
		{"✔️ complete", bank.Done, true},
		{"⬜ Next", bank.Next, true},
		{"⬜", bank.Todo, true},
		{"🔄 In progress", bank.Next, true},
		{"Not started", bank.Todo, true},
		{"not done", bank.Todo, true},
		{"[x]", bank.Done, true},
		{"[ ]", bank.Todo, true},
		{"Yes", bank.Done, true},
		{"no", bank.Todo, true},
		{"En cours", bank.Next, true},
		{"Erledigt", bank.Done, true},
		{"Kafka", bank.Todo, false},
		{"", bank.Todo, false},
	}
	for _, tt := range tests {
		got, ok := v.Status(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Status(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTopicName(t *testing.T) {
	v := Default()
	for in, want := range map[string]string{
		"Mock Interview — Kubernetes":  "Kubernetes",
		"Mock Interview: Docker":       "Docker",
		"Kubernetes":                   "Kubernetes",
		"Kafka Study Guide":            "Kafka",
		"Kafka — Study Guide":          "Kafka",
		"Interview Prep - C++":         "C++",
		"🎯 Mock Interview — Go 🚀":      "Go",
		"Mock Interview":               "Mock Interview",
		"Entrevista simulada: Python":  "Python",
		"System Design Interview":      "System Design",
		"Concept Guide — Kubernetes ✅": "Kubernetes",
		// A side of a dash or colon that only names a kind of document.
		"Session export — OAuth":                "OAuth",
		"Kafka — practice session results":      "Kafka",
		"Proefgesprek: C#":                      "C#",
		"Sesión de práctica — Redis":            "Redis",
		"Entretien blanc : résultats — GraphQL": "GraphQL",
		"Kết quả phỏng vấn thử: Go":             "Go",
		// A side that names more than that is the topic.
		"Session management — notes": "Session management",
		"Export pipelines: a review": "Export pipelines",
	} {
		if got := v.TopicName(in); got != want {
			t.Errorf("TopicName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClosing(t *testing.T) {
	v := Default()
	for in, want := range map[string]bool{
		"Ready to move to the next topic?":        true,
		"EMR next — same format? 🎯":               true,
		"Want me to drill you on the gaps?":       true,
		"Ready for question 2?":                   true,
		"Why does the scheduler need this?":       false,
		"Kafka is ready for production.":          false,
		"Ready when you are, let's continue with": false,
	} {
		if got := v.IsClosing(in); got != want {
			t.Errorf("IsClosing(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestExtend(t *testing.T) {
	v, err := Default().Extend([]byte("roles:\n  strengths: [Shout outs, \"Props\"]\nlevels:\n  lead: Staff plus\nstatuses:\n  done: [shipped]\n"), "bankgen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if v.Role("Shout-outs") != RoleStrengths || v.Role("props:") != RoleStrengths {
		t.Error("added role names not read")
	}
	if l, ok := v.Level("Staff Plus"); !ok || l != bank.Lead {
		t.Error("added level not read")
	}
	if s, ok := v.Status("Shipped 🚀"); !ok || s != bank.Done {
		t.Error("added status not read")
	}
	if Default().Role("Shout outs") != RoleNone {
		t.Error("Extend changed the default vocabulary")
	}
}

// TestExtendPhrases adds names that share a first word with names of
// the default vocabulary ("in progress" and "in flight"), and names of several words,
// and checks that the copy reads them and the default still does not.
func TestExtendPhrases(t *testing.T) {
	v, err := Default().Extend([]byte("statuses:\n  next: [in flight]\nclosings: [see you soon]\ntitleWords: [crash course]\n"), "bankgen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		v        *Vocabulary
		review   bool
		closing  bool
		topicOf  string
		progress bool
	}{
		{v, true, true, "Kafka", true},
		{Default(), false, false, "Kafka Crash Course", true},
	} {
		if st, ok := tt.v.Status("In flight"); ok != tt.review || ok && st != bank.Next {
			t.Errorf("Status(In flight) = %v, %v; want next: %v", st, ok, tt.review)
		}
		if st, ok := tt.v.Status("In progress"); ok != tt.progress || st != bank.Next {
			t.Errorf("Status(In progress) = %v, %v", st, ok)
		}
		if got := tt.v.IsClosing("OK, see you soon!"); got != tt.closing {
			t.Errorf("IsClosing(see you soon) = %v, want %v", got, tt.closing)
		}
		if got := tt.v.TopicName("Kafka Crash Course"); got != tt.topicOf {
			t.Errorf("TopicName(Kafka Crash Course) = %q, want %q", got, tt.topicOf)
		}
	}
}

func TestExtendErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown key", "roles:\n  strengths: [a]\nrolse:\n  gaps: [b]\n", `bankgen.yaml:3:1: unknown key "rolse"`},
		{"unknown role", "roles:\n  strenghts: [a]\n", `bankgen.yaml:2:3: unknown role "strenghts"`},
		{"unknown level", "levels:\n  expert: [a]\n", `bankgen.yaml:2:3: unknown level "expert"`},
		{"unknown status", "statuses:\n  started: [a]\n", `bankgen.yaml:2:3: unknown status "started"`},
		{"not a name", "roles:\n  gaps:\n    - {a: b}\n", `bankgen.yaml:3:7: expected a name or a list of names`},
		{"not a mapping", "- a\n", `bankgen.yaml:1:1: expected a mapping`},
		{"syntax", "roles:\n  gaps: [a\n", `bankgen.yaml:`},
		{"write is ours", "write:\n  question: Q\n", `bankgen.yaml:1:1: unknown key "write"`},
	}
	for _, tt := range tests {
		_, err := Default().Extend([]byte(tt.in), "bankgen.yaml")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one starting %q", tt.name, err, tt.want)
		}
	}
}

func TestExtendFrontMatter(t *testing.T) {
	v, err := Default().ExtendFrontMatter([]byte("title: Kafka\ntags: [a]\nroles:\n  gaps: [Fix these]\n"), "k.md", 1)
	if err != nil {
		t.Fatal(err)
	}
	if v.Role("Fix these") != RoleGaps {
		t.Error("front matter role not read")
	}
	_, err = Default().ExtendFrontMatter([]byte("title: Kafka\nroles:\n  gapz: [x]\n"), "k.md", 1)
	if err == nil || !strings.HasPrefix(err.Error(), `k.md:4:3: unknown role "gapz"`) {
		t.Errorf("error %v, want one at k.md:4:3", err)
	}
}

func TestTextRules(t *testing.T) {
	for _, title := range []string{"Missing X", "Missing X.", "Etc...", "Why:", "a:b", "x.:"} {
		if got := TrimTitle(KeepTitle(title)); got != title {
			t.Errorf("TrimTitle(KeepTitle(%q)) = %q", title, got)
		}
	}
	for in, want := range map[string]string{
		`"Say this"`: "Say this", "“curly”": "curly", "'a' and 'b'": "'a' and 'b'", "«fr»": "fr", "「日本語」": "日本語", "『书名』": "书名", "plain": "plain",
	} {
		if got := Unquote(in); got != want {
			t.Errorf("Unquote(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"— x": "x", ": y": "y", "-z": "z", "plain": "plain"} {
		if got := TrimSeparator(in); got != want {
			t.Errorf("TrimSeparator(%q) = %q, want %q", in, got, want)
		}
	}
}
