// Package damage damages clean UTF-8 text the ways real tools do, so that
// the encoding repair in parse/fix can be measured on text whose original
// is known.
//
// Each Kind is one way a document gets damaged on its way to bankgen: its
// UTF-8 bytes read through a single-byte code page and the result saved
// again as UTF-8 (mojibake), the same done twice or to some paragraphs
// only, a byte-order mark damaged with the text, or the text saved as
// UTF-16. Kinds lists them in a fixed order; Kind.Apply damages a document.
// Everything here is deterministic: the same input gives the same bytes,
// and nothing is random.
//
// # Bytes a code page leaves undefined
//
// Code pages do not define every byte from 0x80 to 0xFF, and tools differ
// in what they do with an undefined one. Two behaviours are modelled:
//
//   - Drop: the byte is lost for good, as with Python's
//     errors="ignore" or iconv's //IGNORE. "═" (E2 95 90) through
//     Windows-1252 becomes "â•", the 0x90 gone.
//   - Keep: an undefined byte from 0x80 to 0x9F becomes the C1 control
//     of the same value (U+0081 for 0x81), as Windows' converters and the
//     WHATWG Encoding Standard that browsers follow decode it, so no
//     information is lost. An undefined byte above 0x9F (Windows-1253 has
//     three: 0xAA, 0xD2, 0xFF) has no such reading and becomes U+FFFD,
//     as in a WHATWG decoder.
//
// Windows-1252 is damaged both ways (kinds "cp1252-dropped" and
// "cp1252-kept"); Windows-1250, 1251, 1253 and 1254 are damaged with Keep,
// the behaviour of the Windows and browser decoders that produce these
// mis-readings. ISO 8859-1 and Mac Roman define every byte.
package damage

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Undefined says what a code-page reading does with a byte the code page
// does not define.
type Undefined int

const (
	// Drop loses the byte.
	Drop Undefined = iota + 1
	// Keep turns a byte from 0x80 to 0x9F into the C1 control of the same
	// value and any other undefined byte into U+FFFD.
	Keep
)

// Decode reads src byte by byte through the single-byte code page cm and
// returns the characters as UTF-8: what a tool writes when it opens UTF-8
// text as cm and saves it as UTF-8. ASCII bytes are kept as they are; u
// says what happens to the bytes cm does not define.
func Decode(src []byte, cm *charmap.Charmap, u Undefined) []byte {
	out := make([]byte, 0, 2*len(src))
	for _, c := range src {
		if c < utf8.RuneSelf {
			out = append(out, c)
			continue
		}
		r := cm.DecodeByte(c)
		if r == utf8.RuneError {
			switch {
			case u == Drop:
				continue
			case c <= 0x9F:
				r = rune(c)
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// UTF16 encodes UTF-8 src as UTF-16 in the byte order order, with a
// byte-order mark first when bom is set. Invalid UTF-8 bytes become U+FFFD.
func UTF16(src []byte, order binary.AppendByteOrder, bom bool) []byte {
	units := utf16.Encode([]rune(string(src)))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		out = order.AppendUint16(out, u)
	}
	return out
}

// Paragraphs applies f to every other paragraph of src, the second, fourth
// and so on, and keeps the rest as they are. A paragraph is a run of
// non-blank lines; blank lines (empty or only spaces and tabs) separate
// them and are kept. The first paragraph, usually the title, stays clean,
// so the document starts as undamaged text.
func Paragraphs(src []byte, f func([]byte) []byte) []byte {
	var out []byte
	n := 0 // paragraphs begun so far
	inPara := false
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line = src[:i+1]
		}
		src = src[len(line):]
		blank := len(bytes.Trim(line, " \t\r\n")) == 0
		switch {
		case blank:
			inPara = false
		case !inPara:
			inPara = true
			n++
		}
		if !blank && n%2 == 0 {
			out = append(out, f(line)...)
		} else {
			out = append(out, line...)
		}
	}
	return out
}

// bom is the UTF-8 byte-order mark.
var bom = []byte("\uFEFF")

// A Kind is one way a document gets damaged.
type Kind struct {
	// Name identifies the kind in file names and tables, as
	// "cp1252-dropped".
	Name string
	// Doc says in one line what happened to the text, and which tools do
	// it.
	Doc string
	// Lossy reports whether bytes are lost (dropped, or turned into
	// U+FFFD): the original cannot always be told from the damaged text.
	Lossy bool
	apply func([]byte) []byte
}

// Apply returns src damaged as k says. src is not modified.
func (k Kind) Apply(src []byte) []byte {
	return k.apply(bytes.Clone(src))
}

func codepage(cm *charmap.Charmap, u Undefined) func([]byte) []byte {
	return func(b []byte) []byte { return Decode(b, cm, u) }
}

// kinds is the list Kinds returns, in table order: the code pages first,
// then the compound damage, then the UTF-16 envelopes.
var kinds = []Kind{
	{"cp1252-dropped", "UTF-8 read as Windows-1252, the five undefined bytes 81 8D 8F 90 9D dropped, saved as UTF-8", true,
		codepage(charmap.Windows1252, Drop)},
	{"cp1252-kept", "UTF-8 read as Windows-1252, undefined bytes kept as C1 controls (U+0081…), saved as UTF-8", false,
		codepage(charmap.Windows1252, Keep)},
	{"latin1", "UTF-8 read as ISO 8859-1 (bytes 80–9F become C1 controls), saved as UTF-8", false,
		codepage(charmap.ISO8859_1, Keep)},
	{"cp1250", "UTF-8 read as Windows-1250 (Central European), undefined bytes kept as C1 controls", false,
		codepage(charmap.Windows1250, Keep)},
	{"cp1251", "UTF-8 read as Windows-1251 (Cyrillic), the undefined 98 kept as U+0098", false,
		codepage(charmap.Windows1251, Keep)},
	{"cp1253", "UTF-8 read as Windows-1253 (Greek), undefined 80–9F kept as C1 controls, AA D2 FF become U+FFFD", true,
		codepage(charmap.Windows1253, Keep)},
	{"cp1254", "UTF-8 read as Windows-1254 (Turkish), undefined bytes kept as C1 controls", false,
		codepage(charmap.Windows1254, Keep)},
	{"macroman", "UTF-8 read as Mac OS Roman (every byte defined), saved as UTF-8", false,
		codepage(charmap.Macintosh, Keep)},
	{"cp1252-twice", "cp1252-kept applied twice: damaged text damaged again", false,
		func(b []byte) []byte {
			return Decode(Decode(b, charmap.Windows1252, Keep), charmap.Windows1252, Keep)
		}},
	{"cp1252-paragraphs", "cp1252-dropped applied to every other paragraph (the 2nd, 4th, …); the rest stays clean", true,
		func(b []byte) []byte { return Paragraphs(b, codepage(charmap.Windows1252, Drop)) }},
	{"bom-cp1252", "a UTF-8 BOM added, then everything read as Windows-1252 (kept) and saved: the text starts with ï»¿", false,
		func(b []byte) []byte { return Decode(append(bytes.Clone(bom), b...), charmap.Windows1252, Keep) }},
	{"utf16le-bom", "saved as UTF-16 little-endian with a BOM (an envelope, not damage)", false,
		func(b []byte) []byte { return UTF16(b, binary.LittleEndian, true) }},
	{"utf16le", "saved as UTF-16 little-endian without a BOM", false,
		func(b []byte) []byte { return UTF16(b, binary.LittleEndian, false) }},
	{"utf16be-bom", "saved as UTF-16 big-endian with a BOM", false,
		func(b []byte) []byte { return UTF16(b, binary.BigEndian, true) }},
	{"utf16be", "saved as UTF-16 big-endian without a BOM", false,
		func(b []byte) []byte { return UTF16(b, binary.BigEndian, false) }},
	{"utf16le-cp1252", "saved as UTF-16 LE without a BOM, then read as Windows-1252 (kept) and saved as UTF-8: a NUL after every ASCII letter", false,
		func(b []byte) []byte { return Decode(UTF16(b, binary.LittleEndian, false), charmap.Windows1252, Keep) }},
}

// Kinds returns every kind of damage, in a fixed order. The caller may
// modify the returned slice.
func Kinds() []Kind {
	return append([]Kind(nil), kinds...)
}

// Lookup returns the kind named name.
func Lookup(name string) (Kind, bool) {
	for _, k := range kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}
