package anki

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"html"
	"regexp"
	"strings"
	"sync"
)

// Identity. What Anki recognises an item by across imports comes from
// the bank's stable IDs, the source times and the previous state (see
// state.go), never from the clock:
//
//   - a new note's GUID from the stable ID of the item it holds, and
//     after that from the state file;
//   - a new note's ID (and its card's, the same number) from its source
//     file's time and its place in the deck, in milliseconds, like the
//     IDs Anki gives, so that Anki shows real creation dates in source
//     order; after that from the state file;
//   - deck IDs from the deck name (Anki matches decks by name);
//   - note-type IDs are constants (see model.go).

// base91 is the alphabet Anki writes GUIDs in.
const base91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"

// hash64 returns 64 bits of the SHA-256 of the parts, each followed by a
// NUL byte so that ("ab", "c") and ("a", "bc") differ.
func hash64(parts ...string) uint64 {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	return binary.BigEndian.Uint64(h.Sum(sum[:0]))
}

// guidFor returns the GUID derived from a stable ID, written in Anki's
// base-91 alphabet like the GUIDs Anki makes itself.
func guidFor(stableID string) string {
	n := hash64("bankgen note", stableID)
	if n == 0 {
		return "a"
	}
	var buf [11]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = base91[n%91]
		n /= 91
	}
	return string(buf[i:])
}

// idBase and idSpan bound the deck IDs this package derives: like the
// millisecond timestamps Anki uses, they lie between 2001 and 2036, and
// they stay below 2^53 so that JavaScript reads them exactly.
const (
	idBase = 1_000_000_000_000
	idSpan = 1 << 40
)

// derivedID maps the parts onto a positive ID in [idBase, idBase+idSpan).
func derivedID(parts ...string) int64 {
	return idBase + int64(hash64(parts...)%idSpan)
}

// deckID returns the ID of the deck with the given full name. Anki
// compares deck names without regard to case, so neither does this.
func deckID(name string) int64 {
	return derivedID("bankgen deck", strings.ToLower(name))
}

// idSet hands out IDs that are unique within one package: on the rare
// collision it moves on to the next free number, so the result depends
// only on the order of the requests.
type idSet map[int64]bool

func (s idSet) take(id int64) int64 {
	for s[id] {
		id++
	}
	s[id] = true
	return id
}

// Anki's sort field and checksum. Anki computes both from a field with
// its HTML stripped: media tags are replaced by their file names, then
// comments, style and script elements and every other tag are removed,
// then, if any "&" is left, HTML entities are decoded and no-break spaces
// become spaces (rslib text.rs decode_entities). The
// checksum is the first four bytes of the SHA-1 of the stripped first
// field, big-endian (rslib notes/mod.rs field_checksum).
//
// The patterns are compiled on first use, so a program that links this
// package and never exports a deck does not pay for them.
var htmlTags = sync.OnceValues(func() (media, any *regexp.Regexp) {
	return regexp.MustCompile(`(?is)<img[^>]+src=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))`),
		regexp.MustCompile(`(?is)<!--.*?-->|<style.*?>.*?</style>|<script.*?>.*?</script>|<.*?>`)
})

// stripHTML returns a field as Anki stores it in the sort field column,
// and as it hashes it for the checksum.
func stripHTML(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		mediaTag, anyTag := htmlTags()
		s = mediaTag.ReplaceAllString(s, " ${1}${2}${3} ")
		s = anyTag.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '&') >= 0 {
		// Anki decodes only text that has an entity, and only then
		// turns no-break spaces into spaces.
		s = strings.ReplaceAll(html.UnescapeString(s), "\u00a0", " ")
	}
	return s
}

// fieldChecksum returns Anki's checksum of a note's first field.
func fieldChecksum(first string) int64 {
	sum := sha1.Sum([]byte(stripHTML(first)))
	return int64(binary.BigEndian.Uint32(sum[:4]))
}
