package fix

import (
	"fmt"
	"github.com/bankgen/bankgen/parse/fix/internal/damage"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestBytes(t *testing.T) {
	tests := []struct {
		name, in, want string
		kind           Kind   // of some repair; 0: none may be made
		codePage       string // of that repair
	}{
		{"clean ASCII", "hello\n", "hello\n", 0, ""},
		{"em dash", "a â€” b", "a — b", Mojibake, "windows-1252"},
		{"check mark", "done âœ…", "done ✅", Mojibake, "windows-1252"},
		{"accents in words", "cafÃ© crÃ¨me brÃ»lÃ©e", "café crème brûlée", Mojibake, "windows-1252"},
		{"cross, middle byte dropped", "failed âŒ â€”", "failed ❌ —", Rebuilt, "windows-1252"},
		{"box corner dropped", "â•”â•â•â•—\nâ•‘  â•‘\nâ•šâ•â•â•\n", "╔══╗\n║  ║\n╚══╝\n", Rebuilt, "windows-1252"},
		{"light box corner dropped", "â”Œâ”€â”€â”\nâ””â”€â”€â”˜\n", "┌──┐\n└──┘\n", Rebuilt, "windows-1252"},
		{"windows-1254 wrench", "Tighten ğŸ”§ â€” now", "Tighten 🔧 — now", Mojibake, "windows-1254"},
		{"snake beside Python, two bytes dropped", "Python tooling ðŸ â€” scripts", "Python tooling 🐍 — scripts", Rebuilt, "windows-1252"},
		{"Mac Roman", "a ‚Äî b ‚úÖ ‚Äú√©‚Äù", "a — b ✅ “é”", Mojibake, "macintosh"},
		{"windows-1251", "a вЂ” b", "a — b", Mojibake, "windows-1251"},
		{"windows-1251 Russian", "РїСЂРёРІРµС‚, РјРёСЂ", "привет, мир", Mojibake, "windows-1251"},
		{"windows-1253 Greek", "Ξ³ΞµΞΉΞ¬ ΟƒΞΏΟ…", "γειά σου", Mojibake, "windows-1253"},
		{"windows-1250 Polish", "ZaĹĽĂłĹ‚Ä‡ gÄ™Ĺ›lÄ… jaĹşĹ„", "Zażółć gęślą jaźń", Mojibake, "windows-1250"},
		{"Latin-1 C1 controls", "a \u00e2\u0080\u0094 b", "a — b", Mojibake, "windows-1252"},
		{"Portuguese capitals", "NÃƒO Ã‰ A ÃREA", "NÃO É A ÁREA", Rebuilt, "windows-1252"},
		{"damaged twice", "Itâ€™s Ã¢â‚¬â€œ done", "It’s – done", Mojibake, "windows-1252"},
		{"damaged BOM", "ï»¿a â€” b", "a — b", Mojibake, "windows-1252"},

		// Clean text in many languages stays byte for byte.
		{"French", "château â côté « ça »", "château â côté « ça »", 0, ""},
		{"quoted CAFÉ", "“CAFÉ” et “IRMÃ”", "“CAFÉ” et “IRMÃ”", 0, ""},
		{"Spanish quote", "dijo «ñ» y ya", "dijo «ñ» y ya", 0, ""},
		{"French no-break spaces", "«\u00A0ça\u00A0»", "«\u00A0ça\u00A0»", 0, ""},
		{"Turkish quote", "“İ” harfi", "“İ” harfi", 0, ""},
		{"micro seconds", "10\u00A0µs", "10\u00A0µs", 0, ""},
		{"French apostrophe", "C’était l’été", "C’était l’été", 0, ""},
		{"Portuguese", "NÃO É A ÁREA DO SÃO JOÃO", "NÃO É A ÁREA DO SÃO JOÃO", 0, ""},
		{"Russian", "Её ответ — «всё» и ещё", "Её ответ — «всё» и ещё", 0, ""},
		{"Ukrainian", "Рік і її Єва", "Рік і її Єва", 0, ""},
		{"Greek", "Η ψυχή μου — ναι", "Η ψυχή μου — ναι", 0, ""},
		{"U+FFFD stays", "bad \uFFFD here", "bad \uFFFD here", 0, ""},
		{"mojibake quoted in code in a clean note", "Le é devient `Ã©` — voilà.", "Le é devient `Ã©` — voilà.", 0, ""},
		{"mojibake in a fence in a clean note", "Voilà:\n\n```\nÃ© → é\n```\n", "Voilà:\n\n```\nÃ© → é\n```\n", 0, ""},
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
				if rep.Repaired() || rep.Suspects() > 0 {
					t.Errorf("clean text reported:\n%s", rep)
				}
				return
			}
			found := false
			for _, r := range rep.Repairs() {
				if r.Confidence <= 0 || r.Confidence > 1 {
					t.Errorf("confidence %v out of range", r.Confidence)
				}
				if r.Kind == tt.kind && r.CodePage == tt.codePage {
					found = true
				}
			}
			if !found {
				t.Errorf("no %v repair via %s:\n%s", tt.kind, tt.codePage, rep)
			}
		})
	}
}

// TestCodeFollowsProse: code is repaired when the prose around it is
// damaged through the same code page, and kept when it is not.
func TestCodeFollowsProse(t *testing.T) {
	damaged := "Le cafÃ© est prÃªt â€” voilÃ\u00a0.\n\n`rÃ©sumÃ©` et\n\n```\nnaÃ¯ve\n```\n"
	want := "Le café est prêt — voilà.\n\n`résumé` et\n\n```\nnaïve\n```\n"
	if got, rep := Bytes([]byte(damaged)); string(got) != want {
		t.Errorf("damaged document:\n%s%s", diffLines(want, string(got)), rep)
	}
	clean := "Le café est prêt — voilà.\n\n`rÃ©sumÃ©` is how “résumé” reads through Windows-1252.\n"
	if got, rep := Bytes([]byte(clean)); string(got) != clean || rep.Suspects() > 0 {
		t.Errorf("clean document:\n%s%s", diffLines(clean, string(got)), rep)
	}
}

// TestQuotedMojibake: a clean README that shows mojibake in prose, beside
// the character it stands for, is not repaired; the place is reported.
func TestQuotedMojibake(t *testing.T) {
	in := "# Notes\n\nThe “smart” quotes — and the dashes — came out as â€” in Notepad.\n\nCafé, résumé, naïve.\n"
	got, rep := Bytes([]byte(in))
	if string(got) != in {
		t.Errorf("changed:\n%s%s", diffLines(in, string(got)), rep)
	}
	if rep.Repaired() {
		t.Errorf("reported as repaired:\n%s", rep)
	}
}

func TestPositions(t *testing.T) {
	in := "line one\nsay â€” twice: â€”\r\n"
	got, rep := Bytes([]byte(in))
	var lines []string
	for _, r := range rep.Repairs() {
		lines = append(lines, r.String())
	}
	want := []string{
		`2:5: mojibake via windows-1252: "â€”" → "—" (confidence 0.99)`,
		`2:21: mojibake via windows-1252: "â€”" → "—" (confidence 0.99)`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	var b strings.Builder
	if err := rep.Format(&b, "notes.md"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "notes.md:2:5: mojibake") || !strings.HasPrefix(b.String(), "notes.md: encoding utf-8, mixed line endings") {
		t.Errorf("Format:\n%s", b.String())
	}
	// "twice" in the output is where the input has it.
	off := strings.Index(string(got), "twice")
	if l, c := rep.Position(off); l != 2 || c != strings.Index("say â€” twice", "twice")+1 {
		t.Errorf("Position(%d) = %d:%d", off, l, c)
	}
}

// TestPositionsThroughRounds: the repairs of text damaged twice point into
// the input, one Repair per place.
func TestPositionsThroughRounds(t *testing.T) {
	clean := "It’s done — “really” ✅\n"
	twice := corrupt(corrupt(clean, cp1252, false), cp1252, false)
	got, rep := Bytes([]byte(twice))
	if string(got) != clean {
		t.Fatalf("got %q, want %q\n%s", got, clean, rep)
	}
	if rep.Rounds != 2 {
		t.Errorf("Rounds = %d, want 2", rep.Rounds)
	}
	for _, r := range rep.Repairs() {
		if r.Rounds != 2 {
			t.Errorf("%v: Rounds = %d, want 2", r, r.Rounds)
		}
		if twice[r.Offset:r.Offset+len(r.Damaged)] != r.Damaged {
			t.Errorf("%v does not point into the input", r)
		}
	}
}

func TestEncodings(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		enc  Encoding
		bad  int  // Undecodable entries
		rep  bool // Repaired
	}{
		{"plain ASCII", []byte("hello\n"), "hello\n", UTF8, 0, false},
		{"plain UTF-8", []byte("héllo — ok\n"), "héllo — ok\n", UTF8, 0, false},
		{"CRLF", []byte("a\r\nb — c\r\n"), "a\r\nb — c\r\n", UTF8, 0, false},
		{"BOM stripped", []byte("\uFEFFhé\n"), "hé\n", UTF8BOM, 0, false},
		{"BOM and mojibake", []byte("\uFEFFa â€” b"), "a — b", UTF8BOM, 0, true},
		{"two BOMs", []byte("\uFEFF\uFEFFhi"), "hi", UTF8BOM, 0, true},
		{"UTF-16LE", utf16Bytes("héllo 🚀\r\n", false, true), "héllo 🚀\r\n", UTF16LE, 0, false},
		{"UTF-16BE", utf16Bytes("a — b", true, true), "a — b", UTF16BE, 0, false},
		{"UTF-16LE without BOM", utf16Bytes("# Notes\nhéllo — привет 🚀\n", false, false), "# Notes\nhéllo — привет 🚀\n", UTF16LENoBOM, 0, false},
		{"UTF-16BE without BOM", utf16Bytes("# Notes\nhéllo — ok\n", true, false), "# Notes\nhéllo — ok\n", UTF16BENoBOM, 0, false},
		{"UTF-16 holding mojibake", utf16Bytes("a â€” b", false, true), "a — b", UTF16LE, 0, true},
		{"UTF-16 read as Windows-1252", []byte(corrupt(string(utf16Bytes("# Notes\nhéllo — ok\n", false, true)), cp1252, false)), "# Notes\nhéllo — ok\n", UTF8, 0, true},
		{"UTF-16BE read as Windows-1252", []byte(corrupt(string(utf16Bytes("Plain notes, café.\n", true, false)), cp1252, false)), "Plain notes, café.\n", UTF8, 0, true},
		{"UTF-16 lone surrogate and odd byte", append(append(utf16Bytes("ab", false, true), 0x00, 0xD8), 'c', 0, 'x'), "abc", UTF16LE, 2, false},
		{"Windows-1252 file", []byte("caf\xe9 cr\xe8me \x93quoted\x94 \x80 5"), "café crème “quoted” € 5", Legacy, 0, false},
		{"Windows-1251 file", []byte("\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xdd\xf2\xee \xf2\xe5\xf1\xf2."), "Привет, мир! Это тест.", Legacy, 0, false},
		{"Windows-1252 undefined byte", []byte("a\x81b\xe9"), "a\u0081bé", Legacy, 1, false},
		{"invalid bytes kept", []byte("ok \xff\xfe then â€”"), "ok \xff\xfe then —", UTF8, 1, true},
		{"truncated sequence kept", []byte("box \xe2\x94 end é"), "box \xe2\x94 end é", UTF8, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep := Bytes(tt.in)
			if string(got) != tt.want {
				t.Errorf("got %q, want %q\n%s", got, tt.want, rep)
			}
			if rep.Encoding != tt.enc {
				t.Errorf("encoding %q, want %q", rep.Encoding, tt.enc)
			}
			if n := rep.Count(Undecodable); n != tt.bad {
				t.Errorf("%d undecodable, want %d\n%s", n, tt.bad, rep)
			}
			if rep.Repaired() != tt.rep {
				t.Errorf("Repaired() = %v, want %v\n%s", rep.Repaired(), tt.rep, rep)
			}
			if again, _ := Bytes(got); string(again) != string(got) {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestInvalidBytePosition(t *testing.T) {
	_, rep := Bytes([]byte("é\nab \xff cd"))
	if len(rep.Repairs()) != 1 {
		t.Fatalf("repairs: %v", rep.Repairs())
	}
	if r := rep.Repairs()[0]; r.Kind != Undecodable || r.Line != 2 || r.Col != 4 {
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
	if string(got) != "x\ny\n" || !rep.Changed || rep.Repaired() || rep.Newlines.LF != 1 || rep.Newlines.CRLF != 1 {
		t.Errorf("clean normalized: %q %+v", got, rep)
	}
}

func TestMinConfidence(t *testing.T) {
	in := "CPU > 80% â— and â€” Itâ€™s the cafÃ© â€” naÃ¯ve\n"
	got, rep := Bytes([]byte(in), MinConfidence(0.9))
	if string(got) != "CPU > 80% â— and — It’s the café — naïve\n" {
		t.Errorf("got %q\n%s", got, rep)
	}
	if rep.Count(Suspect) != 1 {
		t.Fatalf("want one suspect:\n%s", rep)
	}
	for _, r := range rep.Repairs() {
		if r.Kind == Suspect && (r.Damaged != "â—" || len(r.Candidates) == 0) {
			t.Errorf("suspect %v: want the damaged text and its candidate", r)
		}
	}
}

// TestAmbiguousRebuildIsSuspect: a rebuilt character with more than one
// plausible reading is listed with its candidates and counted as suspect.
func TestAmbiguousRebuildIsSuspect(t *testing.T) {
	// я and с both lose their second byte through Windows-1252.
	in := corrupt("Это было 12 апреля, я помню.\n", cp1252, true)
	_, rep := Bytes([]byte(in))
	n := 0
	for _, r := range rep.Repairs() {
		if r.Kind == Rebuilt && len(r.Candidates) > 1 {
			n++
		}
	}
	if n == 0 || rep.Suspects() < n {
		t.Errorf("no ambiguous rebuild reported as suspect:\n%s", rep)
	}
}

// TestFlagged: Flagged lists exactly the places of Repairs a person should
// look at (undecodable bytes and suspects), in order and built the same.
func TestFlagged(t *testing.T) {
	in := corrupt("Это было 12 апреля, я помню.\n", cp1252, true) + "bad \xff byte, CPU > 80% â— and â€” cafÃ©\n"
	_, rep := Bytes([]byte(in), MinConfidence(0.9))
	var want []Repair
	for _, r := range rep.Repairs() {
		if r.Kind == Undecodable || r.IsSuspect() {
			want = append(want, r)
		}
	}
	if len(want) < 3 || len(want) == len(rep.Repairs()) {
		t.Fatalf("the input should have undecodable bytes, suspects and sure repairs:\n%s", rep)
	}
	if got := rep.Flagged(); !reflect.DeepEqual(got, want) {
		t.Errorf("Flagged() = %v\nwant %v", got, want)
	}
	if _, clean := Bytes([]byte("a — b\n")); clean.Flagged() != nil {
		t.Errorf("clean text flagged: %v", clean.Flagged())
	}
}

func TestCopy(t *testing.T) {
	var b strings.Builder
	rep, err := Copy(&b, strings.NewReader("a â€” b"))
	if err != nil || b.String() != "a — b" || !rep.Changed {
		t.Errorf("Copy: %q %v %v", b.String(), rep, err)
	}
}

// TestRebuildFromUnicode: bytes lost through Windows-1252 are rebuilt as
// Unicode's data says they must be: a skin tone after a hand that takes
// one, a joiner between the emoji of a ZWJ sequence, U+FE0F after a
// character that has an emoji presentation, an emoji rather than an APL
// symbol in prose, a common ideograph rather than a rare one, the emoji
// of a ZWJ or tag sequence Unicode lists rather than one that starts none.
func TestRebuildFromUnicode(t *testing.T) {
	for _, clean := range []string{
		"Deal closed 🤝🏽 with the team, ⏳ waiting for the offer.\n",
		"Dev 👨‍💻 on call: step 1️⃣ then ⚠️ check, ❤️ it.\n",
		"面接の準備をしました。面接官は親切でした。\n",
		"Pirates 🏴\u200d☠\ufe0f ahoy, the 🏳\ufe0f\u200d🌈 flag, the Scottish team's 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F too.\n",
	} {
		damaged := corrupt(clean, cp1252, true)
		got, rep := Bytes([]byte(damaged))
		if string(got) != clean {
			t.Errorf("%q: got %q\n%s", clean, got, rep)
		}
	}
}

// TestReplaceInvalid: with ReplaceInvalid, each run of invalid bytes
// becomes U+FFFD, is still reported where the input has it, and positions
// after it map back to the input.
func TestReplaceInvalid(t *testing.T) {
	in := "ok \xff\xfe then â€” and \xc3 end\n"
	got, rep := Bytes([]byte(in), ReplaceInvalid())
	if want := "ok \uFFFD then — and \uFFFD end\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var undecodable []string
	for _, r := range rep.Repairs() {
		if r.Kind == Undecodable {
			undecodable = append(undecodable, fmt.Sprintf("%d:%d %q", r.Line, r.Col, r.Damaged))
		}
	}
	if want := []string{`1:4 "\xff\xfe"`, `1:25 "\xc3"`}; !slices.Equal(undecodable, want) {
		t.Errorf("undecodable %q, want %q", undecodable, want)
	}
	off := strings.Index(string(got), "end")
	if l, c := rep.Position(off); l != 1 || c != strings.Index(in, "end")+1 {
		t.Errorf("Position(%d) = %d:%d, want 1:%d", off, l, c, strings.Index(in, "end")+1)
	}
}

// TestTextPresentation: U+FE0E (text presentation) after a character
// Unicode lists with both presentations (emoji-variation-sequences) comes
// back exactly from every damage that loses no byte, twice over and behind
// a damaged BOM, and is never taken for U+FE0F plus a stray letter.
func TestTextPresentation(t *testing.T) {
	clean := "# Review\n\n- Back ↩\ufe0e to the list, done ✔\ufe0e, warning ⚠\ufe0e, and the emoji ones ⚠\ufe0f ✔\ufe0f — all fine.\n"
	if out, rep := Bytes([]byte(clean)); string(out) != clean || rep.Repaired() {
		t.Errorf("clean text changed: %q\n%s", out, rep)
	}
	for _, k := range damage.Kinds() {
		if k.Lossy {
			continue
		}
		out, rep := Bytes(k.Apply([]byte(clean)))
		if string(out) != clean {
			t.Errorf("%s: got %q\n%s", k.Name, out, rep)
		}
	}
}
