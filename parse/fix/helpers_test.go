package fix

import (
	"flag"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

var update = flag.Bool("update", false, "rewrite golden files")

// corrupt makes mojibake of text the way the damage happens: its UTF-8 bytes
// are decoded one by one through cm and the result written as UTF-8. Bytes
// cm does not define are dropped when drop is set, else they become the C1
// control of the same value (as lenient decoders do).
func corrupt(text string, cm *charmap.Charmap, drop bool) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			continue
		}
		r := cm.DecodeByte(c)
		if r == utf8.RuneError {
			if drop {
				continue
			}
			r = rune(c)
		}
		b.WriteRune(r)
	}
	return b.String()
}
