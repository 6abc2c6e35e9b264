package fix

import (
	"sync"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Which CJK characters are common. The national character standards rank
// their ideographs: GB 2312 level 1 (3,755 hanzi), JIS X 0208 level 1
// (2,965 kanji) and Big5's frequently used set (5,401) hold the characters
// everyday text uses, and KS X 1001 the 2,350 Hangul syllables that do.
// The tables come from golang.org/x/text's encoders: a character is
// common when it encodes into the first level of one of them.

const (
	hanLo, hanHi       = 0x4E00, 0x9FFF
	hangulLo, hangulHi = 0xAC00, 0xD7A3
)

var commonCJK = sync.OnceValue(func() (set struct{ han, hangul []bool }) {
	set.han = make([]bool, hanHi-hanLo+1)
	set.hangul = make([]bool, hangulHi-hangulLo+1)
	gb, jis, big5, ks := simplifiedchinese.GBK.NewEncoder(), japanese.EUCJP.NewEncoder(),
		traditionalchinese.Big5.NewEncoder(), korean.EUCKR.NewEncoder()
	enc := func(e *encoding.Encoder, r rune) []byte {
		b, err := e.Bytes([]byte(string(r)))
		if err != nil || len(b) != 2 {
			return nil
		}
		return b
	}
	for r := rune(hanLo); r <= hanHi; r++ {
		common := false
		if b := enc(gb, r); b != nil && b[0] >= 0xB0 && b[0] <= 0xD7 && b[1] >= 0xA1 {
			common = true // GB 2312 rows 16–55
		} else if b := enc(jis, r); b != nil && b[0] >= 0xB0 && b[0] <= 0xCF && b[1] >= 0xA1 {
			common = true // JIS X 0208 rows 16–47
		} else if b := enc(big5, r); b != nil && (b[0] >= 0xA4 && b[0] < 0xC6 || b[0] == 0xC6 && b[1] <= 0x7E) {
			common = true // Big5 A440–C67E
		}
		set.han[r-hanLo] = common
	}
	for r := rune(hangulLo); r <= hangulHi; r++ {
		set.hangul[r-hangulLo] = enc(ks, r) != nil
	}
	return set
})

// cjkCommon reports whether r is a Han ideograph or Hangul syllable that
// everyday text uses, and whether r is one of those at all.
func cjkCommon(r rune) (common, cjk bool) {
	switch {
	case r >= hanLo && r <= hanHi:
		return commonCJK().han[r-hanLo], true
	case r >= hangulLo && r <= hangulHi:
		return commonCJK().hangul[r-hangulLo], true
	}
	return false, false
}
