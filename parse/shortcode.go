package parse

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// emojiShortcodes are the emoji names chat apps (Slack, Discord,
// Mattermost, GitHub) write in plain-text exports instead of the emoji
// itself, for the emoji that mark feedback and status: ":x:" is "❌".
// Each emoji is no longer in bytes than its name.
var emojiShortcodes = map[string]string{
	":white_check_mark:":            "✅",
	":heavy_check_mark:":            "✔️",
	":ballot_box_with_check:":       "☑️",
	":x:":                           "❌",
	":heavy_multiplication_x:":      "✖️",
	":negative_squared_cross_mark:": "❎",
	":warning:":                     "⚠️",
	":bulb:":                        "💡",
	":book:":                        "📖",
	":books:":                       "📚",
	":open_book:":                   "📖",
	":memo:":                        "📝",
	":pencil:":                      "📝",
	":speech_balloon:":              "💬",
	":+1:":                          "👍",
	":thumbsup:":                    "👍",
	":-1:":                          "👎",
	":thumbsdown:":                  "👎",
	":muscle:":                      "💪",
	":star:":                        "⭐",
	":star2:":                       "🌟",
	":wrench:":                      "🔧",
	":hammer_and_wrench:":           "🛠️",
	":triangular_flag_on_post:":     "🚩",
	":heavy_plus_sign:":             "➕",
	":heavy_minus_sign:":            "➖",
	":green_circle:":                "🟢",
	":large_green_circle:":          "🟢",
	":yellow_circle:":               "🟡",
	":large_yellow_circle:":         "🟡",
	":orange_circle:":               "🟠",
	":large_orange_circle:":         "🟠",
	":red_circle:":                  "🔴",
	":question:":                    "❓",
	":grey_question:":               "❔",
	":exclamation:":                 "❗",
	":dart:":                        "🎯",
	":mag:":                         "🔍",
	":pushpin:":                     "📌",
	":trophy:":                      "🏆",
	":tada:":                        "🎉",
	":fire:":                        "🔥",
	":rocket:":                      "🚀",
	":arrows_counterclockwise:":     "🔄",
	":hourglass_flowing_sand:":      "⏳",
	":white_large_square:":          "⬜",
	":construction:":                "🚧",
	":point_right:":                 "👉",
	":robot_face:":                  "🤖",
	":robot:":                       "🤖",
}

// leadingShortcodes writes the emoji shortcodes that open a line
// (after its indentation, quote markers and list marker, among other
// emoji) as the emoji they name, padded with spaces to the shortcode's
// length so that every position stays where it was: ":x: **Missed**"
// reads as "❌ **Missed**", a feedback mark like any other. A shortcode
// inside the text, and every line of fenced code, is left as written.
// src is copied before the first change.
func leadingShortcodes(src []byte) []byte {
	if bytes.IndexByte(src, ':') < 0 {
		return src
	}
	out := src
	var fence []byte // the open fence's marker run, nil outside code
	for off := 0; off < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		start := off + lineLead(src[off:end])
		off = end
		if f, isFence := fenceMarker(src[start:end]); isFence {
			switch {
			case fence == nil:
				fence = f
			case bytes.HasPrefix(f, fence):
				fence = nil
			}
			continue
		}
		if fence != nil {
			continue
		}
		for i := start; i < end; {
			name, ok := shortcodeAt(src[i:end])
			if !ok {
				r, size := utf8.DecodeRune(src[i:end])
				if r == ' ' || r == '\t' || r == '\uFE0F' || unicode.Is(unicode.So, r) {
					i += size // another emoji, or the space between
					continue
				}
				break
			}
			if &out[0] == &src[0] {
				out = bytes.Clone(src)
			}
			pad(out[i:i+len(name)], emojiShortcodes[name])
			i += len(name)
		}
	}
	return out
}

// lineLead returns the length of what opens a line before its text: indentation,
// quote markers and a list marker ("> - ", "  • ").
func lineLead(line []byte) int {
	i := 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && line[i+1] == ' ':
			i += 2
		case bytes.HasPrefix(line[i:], []byte("• ")):
			i += len("• ")
		default:
			return i
		}
	}
	return i
}

// fenceMarker reports whether a line (its lead removed) opens or closes
// fenced code, and returns its run of backticks or tildes.
func fenceMarker(line []byte) ([]byte, bool) {
	if !bytes.HasPrefix(line, []byte("```")) && !bytes.HasPrefix(line, []byte("~~~")) {
		return nil, false
	}
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	return line[:n], true
}

// shortcodeAt returns the known shortcode that b starts with.
func shortcodeAt(b []byte) (string, bool) {
	if len(b) < 3 || b[0] != ':' {
		return "", false
	}
	end := bytes.IndexByte(b[1:], ':')
	if end < 0 || end > 40 {
		return "", false
	}
	name := string(b[:end+2])
	_, ok := emojiShortcodes[name]
	return name, ok
}
