package fix

import (
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

func TestBytes(t *testing.T) {
	tests := []struct {
		name, in, want string
		kind           Kind // of the first repair; 0: none
		codePage       string
	}{
		{"clean ASCII", "hello\n", "hello\n", 0, ""},
		{"em dash", "a â€” b", "a — b", Mojibake, "windows-1252"},
		{"check mark", "done âœ…", "done ✅", Mojibake, "windows-1252"},
		{"times", "2Ã—3 â€” ok", "2×3 — ok", Mojibake, "windows-1252"},
		{"cross, middle byte dropped", "failed âŒ â€”", "failed ❌ —", Rebuilt, "windows-1252"},
		{"box corner dropped", "â•”â•â•â•—\nâ•‘  â•‘\nâ•šâ•â•â•\n", "╔══╗\n║  ║\n╚══╝\n", Mojibake, "windows-1252"},
		{"light box corner dropped", "â”Œâ”€â”€â”\nâ””â”€â”€â”˜\n", "┌──┐\n└──┘\n", Rebuilt, "windows-1252"},
		{"windows-1254 wrench", "Tighten ğŸ”§", "Tighten 🔧", Mojibake, "windows-1254"},
		{"windows-1254 target, byte dropped", "next â€” ğŸ¯", "next — 🎯", Rebuilt, "windows-1254"},
		{"snake beside Python, two bytes dropped", "Python tooling ðŸ â€” scripts", "Python tooling 🐍 — scripts", Rebuilt, "windows-1252"},
		{"Mac Roman", "a ‚Äî b ‚úÖ", "a — b ✅", Mojibake, "macintosh"},
		{"windows-1251", "a вЂ” b", "a — b", Mojibake, "windows-1251"},
		{"Latin-1 C1 controls", "a \u00e2\u0080\u0094 b", "a — b", Mojibake, "iso-8859-1"},
		{"French stays", "château â côté", "château â côté", 0, ""},
		{"quoted CAFÉ stays", "“CAFÉ” et “IRMÃ”", "“CAFÉ” et “IRMÃ”", 0, ""},
		{"Russian stays", "Её ответ", "Её ответ", 0, ""},
		{"U+FFFD stays", "bad \uFFFD here", "bad \uFFFD here", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep := Bytes([]byte(tt.in))
			if string(got) != tt.want {
				t.Errorf("got %q, want %q\n%s", got, tt.want, rep)
			}
			if rep.Changed != (tt.in != tt.want) {
				t.Errorf("Changed = %v", rep.Changed)
			}
			if tt.kind == 0 {
				if n := rep.Count(Mojibake) + rep.Count(Rebuilt); n != 0 {
					t.Errorf("%d repairs reported for clean text", n)
				}
				return
			}
			if len(rep.Repairs) == 0 {
				t.Fatal("no repairs reported")
			}
			kinds, pages := map[Kind]bool{}, map[string]bool{}
			for _, r := range rep.Repairs {
				kinds[r.Kind] = true
				pages[r.CodePage] = true
				if r.Confidence <= 0 || r.Confidence > 1 {
					t.Errorf("confidence %v out of range", r.Confidence)
				}
			}
			if !pages[tt.codePage] {
				t.Errorf("no repair via %s:\n%s", tt.codePage, rep)
			}
			if !kinds[tt.kind] {
				t.Errorf("no repair of kind %v:\n%s", tt.kind, rep)
			}
		})
	}
}

func TestDoubleEncoded(t *testing.T) {
	clean := "It’s done — “really” ✅\n"
	twice := corrupt(corrupt(clean, charmap.Windows1252, true), charmap.Windows1252, true)
	got, rep := Bytes([]byte(twice))
	if string(got) != clean {
		t.Fatalf("got %q, want %q\n%s", got, clean, rep)
	}
	if rep.Rounds != 2 {
		t.Errorf("Rounds = %d, want 2", rep.Rounds)
	}
	for _, r := range rep.Repairs {
		if r.Rounds != 2 {
			t.Errorf("repair %v: Rounds = %d, want 2 (one repair per place)", r, r.Rounds)
		}
		if twice[r.Offset:r.Offset+len(r.Damaged)] != r.Damaged {
			t.Errorf("repair %v does not point into the input", r)
		}
	}
}

func TestPositions(t *testing.T) {
	in := "line one\nsay â€” twice: â€”\r\n"
	_, rep := Bytes([]byte(in))
	var got []string
	for _, r := range rep.Repairs {
		got = append(got, r.String())
	}
	want := []string{
		`2:5: mojibake via windows-1252: "â€”" → "—" (confidence 0.99)`,
		`2:21: mojibake via windows-1252: "â€”" → "—" (confidence 0.99)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var b strings.Builder
	if err := rep.Format(&b, "notes.md"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "notes.md:2:5: mojibake") || !strings.HasPrefix(b.String(), "notes.md: encoding utf-8, mixed line endings") {
		t.Errorf("Format:\n%s", b.String())
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	} else {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestEncodings(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		enc  Encoding
		bad  int // Undecodable entries
	}{
		{"plain ASCII", []byte("hello\n"), "hello\n", UTF8, 0},
		{"plain UTF-8", []byte("héllo — ok\n"), "héllo — ok\n", UTF8, 0},
		{"UTF-8 with mojibake", []byte("a â€” b"), "a — b", UTF8, 0},
		{"BOM stripped", []byte("\uFEFFhé\n"), "hé\n", UTF8BOM, 0},
		{"BOM and mojibake", []byte("\uFEFFa â€” b"), "a — b", UTF8BOM, 0},
		{"BOM mojibake stripped", []byte("ï»¿hi"), "hi", UTF8, 0},
		{"UTF-16LE", utf16Bytes("héllo 🚀\r\n", false), "héllo 🚀\r\n", UTF16LE, 0},
		{"UTF-16BE", utf16Bytes("a — b", true), "a — b", UTF16BE, 0},
		{"UTF-16 holding mojibake", utf16Bytes("a â€” b", false), "a — b", UTF16LE, 0},
		{"UTF-16 lone surrogate and odd byte", append(append(utf16Bytes("ab", false), 0x00, 0xD8), 'c', 0, 'x'), "abc", UTF16LE, 2},
		{"plain Windows-1252", []byte("caf\xe9 cr\xe8me \x93quoted\x94 \x80 5"), "café crème “quoted” € 5", Windows1252, 0},
		{"Windows-1252 undefined byte", []byte("a\x81b\xe9"), "a\u0081bé", Windows1252, 1},
		{"invalid bytes kept", []byte("é ok \xff\xfe then â€”"), "é ok \xff\xfe then —", UTF8, 1},
		{"truncated sequence kept", []byte("box \xe2\x94 end é"), "box \xe2\x94 end é", UTF8, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep := Bytes(tt.in)
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if rep.Encoding != tt.enc {
				t.Errorf("encoding %q, want %q", rep.Encoding, tt.enc)
			}
			if n := rep.Count(Undecodable); n != tt.bad {
				t.Errorf("%d undecodable, want %d\n%s", n, tt.bad, rep)
			}
			if again, _ := Bytes(got); string(again) != string(got) {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestInvalidBytePosition(t *testing.T) {
	_, rep := Bytes([]byte("é\nab \xff cd"))
	if len(rep.Repairs) != 1 {
		t.Fatalf("repairs: %v", rep.Repairs)
	}
	if r := rep.Repairs[0]; r.Kind != Undecodable || r.Line != 2 || r.Col != 4 {
		t.Errorf("got %v, want undecodable at 2:4", r)
	}
}

func TestNewlines(t *testing.T) {
	in := "a â€” b\r\nc\r\n"
	got, rep := Bytes([]byte(in))
	if string(got) != "a — b\r\nc\r\n" || rep.Newlines.CRLF != 2 || rep.Newlines.Normalized {
		t.Errorf("default: %q %+v", got, rep.Newlines)
	}
	got, rep = Bytes([]byte(in), NormalizeNewlines())
	if string(got) != "a — b\nc\n" || !rep.Newlines.Normalized {
		t.Errorf("normalized: %q %+v", got, rep.Newlines)
	}
	clean := []byte("x\r\ny\n")
	got, rep = Bytes(clean, NormalizeNewlines())
	if string(got) != "x\ny\n" || !rep.Changed || rep.Newlines.LF != 1 || rep.Newlines.CRLF != 1 {
		t.Errorf("clean normalized: %q %+v", got, rep)
	}
}

func TestMinConfidence(t *testing.T) {
	in := "CPU > 80% â—\n"
	got, rep := Bytes([]byte(in), MinConfidence(0.99))
	if string(got) != in || rep.Count(Suspect) != 1 {
		t.Errorf("got %q\n%s", got, rep)
	}
}

func TestFalsePositiveCorpus(t *testing.T) {
	for name, text := range readFiles(t, "testdata/clean/*.md", "testdata/roundtrip/*.md", "../../source/kubernetes-concept-guide.md") {
		for _, in := range []string{text, strings.ReplaceAll(text, "\n", "\r\n")} {
			got, rep := Bytes([]byte(in))
			if string(got) != in || rep.Changed {
				t.Errorf("%s changed:\n%s%s", name, diffLines(in, string(got)), rep)
			}
			if n := rep.Count(Mojibake) + rep.Count(Rebuilt) + rep.Count(Suspect); n != 0 {
				t.Errorf("%s: %d repairs reported on clean text", name, n)
			}
		}
	}
}

func TestCopyAndFile(t *testing.T) {
	var b strings.Builder
	rep, err := Copy(&b, strings.NewReader("a â€” b"))
	if err != nil || b.String() != "a — b" || !rep.Changed {
		t.Errorf("Copy: %q %v %v", b.String(), rep, err)
	}
}

// TestBrief checks that Brief changes only what Report.Repairs lists: the
// text, the counts and the places left damaged are those of a full
// report, over the shipped damaged transcript and the test cases.
func TestBrief(t *testing.T) {
	inputs := []string{
		"a â€” b ✅ and âŒ and \xff\xfe there",
		"“CAFÉ” et “IRMÃ” â€” done âœ…",
		strings.Repeat("â•”â•â•â•—\nâ•‘  â•‘\nâ•šâ•â•â•\n", 3),
	}
	shipped, err := os.ReadFile("../../source/kubernetes-mock-interview.md")
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, string(shipped))
	listed := 0
	for i, in := range inputs {
		full, frep := Bytes([]byte(in), NormalizeNewlines())
		brief, brep := Bytes([]byte(in), NormalizeNewlines(), Brief())
		if string(full) != string(brief) {
			t.Errorf("input %d: Brief changed the text", i)
		}
		if frep.Summary() != brep.Summary() {
			t.Errorf("input %d: summary\n full: %s\nbrief: %s", i, frep.Summary(), brep.Summary())
		}
		var damaged []Repair
		for _, r := range frep.Repairs {
			if r.Kind == Undecodable || r.Kind == Suspect {
				damaged = append(damaged, r)
			}
		}
		listed += len(damaged)
		if diff := cmp.Diff(damaged, brep.Repairs); diff != "" {
			t.Errorf("input %d: Brief's repairs are not the full report's damaged places (-want +got):\n%s", i, diff)
		}
		if i == len(inputs)-1 && frep.Count(Mojibake) == 0 {
			t.Error("the shipped transcript reported no mojibake: the test compares nothing")
		}
	}
	if listed == 0 {
		t.Error("no input left a damaged place: the test compares no list")
	}
}
