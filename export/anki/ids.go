package anki

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"html"
	"regexp"
	"strings"
)

// Stable identity. Everything Anki uses to recognise an item across
// imports is derived from the bank's stable IDs or from names, never from
// a clock or a counter:
//
//   - a note's GUID from the ID of the question, gap or term it holds;
//   - note and card IDs from the GUID (Anki matches notes by GUID, and
//     only uses the IDs to pick free ones, but stable IDs keep the file
//     the same bytes from run to run);
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

// noteIdentity is everything a note's identity derives from: the
// SHA-256 of its stable ID, whose four 64-bit words give its GUID, its
// note ID and the IDs of its two possible cards.
type noteIdentity [4]uint64

func identityOf(stableID string) noteIdentity {
	h := sha256.New()
	h.Write([]byte("bankgen note\x00"))
	h.Write([]byte(stableID))
	h.Write([]byte{0})
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	var id noteIdentity
	for i := range id {
		id[i] = binary.BigEndian.Uint64(sum[8*i:])
	}
	return id
}

// guid returns the note's GUID, written in Anki's base-91 alphabet like
// the GUIDs Anki makes itself.
func (id noteIdentity) guid() string {
	n := id[0]
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

// noteID returns the note's ID, before collisions are resolved.
func (id noteIdentity) noteID() int64 { return idBase + int64(id[1]%idSpan) }

// cardID returns the ID of the note's card of template ord (0 or 1),
// before collisions are resolved.
func (id noteIdentity) cardID(ord int) int64 { return idBase + int64(id[2+ord%2]%idSpan) }

// guidFor returns the GUID of the note that holds the bank item with the
// given stable ID.
func guidFor(stableID string) string { return identityOf(stableID).guid() }

// idBase and idSpan bound the IDs this package derives: like the
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
var (
	mediaTag = regexp.MustCompile(`(?is)<img[^>]+src=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))`)
	anyTag   = regexp.MustCompile(`(?is)<!--.*?-->|<style.*?>.*?</style>|<script.*?>.*?</script>|<.*?>`)
)

// stripHTML returns a field as Anki stores it in the sort field column,
// and as it hashes it for the checksum.
func stripHTML(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
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
