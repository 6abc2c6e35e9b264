package fix

// Box-drawing continuity. A box-drawing character has up to four arms (left,
// right, up, down), each light, heavy or double. In a whole diagram every arm
// meets an arm of its neighbour; a rebuilt character that leaves an arm
// dangling, or ignores a neighbour's arm pointing at it, is unlikely.
//
// This is what settles `╚═══…═╝` (the last ═-looking character must be the
// corner: nothing continues to its right, and the wall above comes down into
// it) and `┌───┐`.

// Arm styles.
const (
	armNone = iota
	armLight
	armHeavy
	armDouble
)

// Directions, indexing arms.
const (
	dirLeft = iota
	dirRight
	dirUp
	dirDown
)

type arms [4]uint8

// boxSpec lists arms as left, right, up, down with '.' none, 'l' light,
// 'h' heavy, 'd' double.
var boxSpec = map[rune]string{
	'─': "ll..", '━': "hh..", '│': "..ll", '┃': "..hh",
	'┌': ".l.l", '┐': "l..l", '└': ".ll.", '┘': "l.l.",
	'├': ".lll", '┤': "l.ll", '┬': "ll.l", '┴': "lll.", '┼': "llll",
	'┏': ".h.h", '┓': "h..h", '┗': ".hh.", '┛': "h.h.",
	'┣': ".hhh", '┫': "h.hh", '┳': "hh.h", '┻': "hhh.", '╋': "hhhh",
	'┍': ".h.l", '┑': "h..l", '┕': ".hl.", '┙': "h.l.", '┝': ".hll", '┥': "h.ll",
	'┎': ".l.h", '┒': "l..h", '┖': ".lh.", '┚': "l.h.",
	'═': "dd..", '║': "..dd",
	'╔': ".d.d", '╗': "d..d", '╚': ".dd.", '╝': "d.d.",
	'╠': ".ddd", '╣': "d.dd", '╦': "dd.d", '╩': "ddd.", '╬': "dddd",
	'╒': ".d.l", '╕': "d..l", '╘': ".dl.", '╛': "d.l.", '╞': ".dll", '╡': "d.ll",
	'╤': "dd.l", '╧': "ddl.", '╪': "ddll",
	'╓': ".l.d", '╖': "l..d", '╙': ".ld.", '╜': "l.d.", '╟': ".ldd", '╢': "l.dd",
	'╥': "ll.d", '╨': "lld.", '╫': "lldd",
	'╭': ".l.l", '╮': "l..l", '╯': "l.l.", '╰': ".ll.",
	'╴': "l...", '╶': ".l..", '╵': "..l.", '╷': "...l",
	'╌': "ll..", '╍': "hh..", '╎': "..ll", '╏': "..hh",
	'┄': "ll..", '┅': "hh..", '┆': "..ll", '┇': "..hh",
	'┈': "ll..", '┉': "hh..", '┊': "..ll", '┋': "..hh",
}

// boxTable holds the arms of U+2500–U+257F, indexed by r-0x2500.
var boxTable, boxKnown = func() (t [128]arms, k [128]bool) {
	style := map[byte]uint8{'.': armNone, 'l': armLight, 'h': armHeavy, 'd': armDouble}
	for r, s := range boxSpec {
		for i := 0; i < 4; i++ {
			t[r-0x2500][i] = style[s[i]]
		}
		k[r-0x2500] = true
	}
	return t, k
}()

// boxArmsOf returns r's arms and whether r is a known box-drawing character.
func boxArmsOf(r rune) (arms, bool) {
	if r < 0x2500 || r > 0x257F {
		return arms{}, false
	}
	return boxTable[r-0x2500], boxKnown[r-0x2500]
}

func opposite(d int) int { return d ^ 1 }

// nbrs are the characters left, right, above and below a character (0 or
// a space for none).
type nbrs struct{ left, right, up, down rune }

// boxFactor scores candidate r against its neighbours in directions dirs
// (0 or a space means none): matching arms multiply by 3 (1.5 when their
// styles differ), a dangling arm or an ignored neighbour's arm by 0.3 (0.1
// for a horizontal arm into thin air). Non-box candidates get a penalty
// only for the neighbours' arms they ignore.
func boxFactor(r rune, nbs nbrs, dirs ...int) float64 {
	a, isBox := boxArmsOf(r)
	f := 1.0
	nb := [4]rune{nbs.left, nbs.right, nbs.up, nbs.down}
	for _, d := range dirs {
		n := nb[d]
		na, nBox := boxArmsOf(n)
		inward := nBox && na[opposite(d)] != armNone // neighbour points at us
		switch {
		case isBox && a[d] != armNone && inward:
			if na[opposite(d)] == a[d] {
				f *= 3
			} else {
				f *= 1.5
			}
		case isBox && a[d] != armNone && nBox:
			f *= 0.3 // we point into a box character that does not connect
		case isBox && a[d] != armNone && (n == 0 || n == ' '):
			if d == dirLeft || d == dirRight {
				f *= 0.1 // a horizontal run ends in a corner, not in thin air
			} else {
				f *= 0.3
			}
		case inward && (!isBox || a[d] == armNone):
			f *= 0.3
		}
	}
	return f
}
