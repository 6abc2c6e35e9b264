package fix

import (
	"sync"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Which CJK characters are common. The national character standards rank
// their ideographs: GB 2312 level 1 (3,755 hanzi) and JIS X 0208 level 1
// (2,965 kanji) hold the characters everyday text uses, and KS X 1001 the
// 2,350 Hangul syllables that do.
// The tables come from golang.org/x/text's encoders: a character is
// common when it encodes into the first level of one of them.

const (
	hanLo, hanHi       = 0x4E00, 0x9FFF
	hangulLo, hangulHi = 0xAC00, 0xD7A3
)

var commonCJK = sync.OnceValue(func() (set struct {
	han    []int8
	hangul []bool
}) {
	set.han = make([]int8, hanHi-hanLo+1)
	set.hangul = make([]bool, hangulHi-hangulLo+1)
	gb, jis, ks := simplifiedchinese.GBK.NewEncoder(), japanese.EUCJP.NewEncoder(), korean.EUCKR.NewEncoder()
	enc := func(e *encoding.Encoder, r rune) []byte {
		b, err := e.Bytes([]byte(string(r)))
		if err != nil || len(b) != 2 {
			return nil
		}
		return b
	}
	for r := rune(hanLo); r <= hanHi; r++ {
		gbL1 := false
		if b := enc(gb, r); b != nil && b[0] >= 0xB0 && b[0] <= 0xD7 && b[1] >= 0xA1 {
			gbL1 = true // GB 2312 rows 16–55
		}
		jisL1 := false
		if b := enc(jis, r); b != nil && b[0] >= 0xB0 && b[0] <= 0xCF && b[1] >= 0xA1 {
			jisL1 = true // JIS X 0208 rows 16–47
		}
		set.han[r-hanLo] = b2i(gbL1) + b2i(jisL1)
	}
	for r := rune(hangulLo); r <= hangulHi; r++ {
		// KS X 1001 rows 16–40; the encoder also writes the rest of the
		// syllables, in CP949's extension, with a trail byte below 0xA1.
		b := enc(ks, r)
		set.hangul[r-hangulLo] = b != nil && b[0] >= 0xB0 && b[0] <= 0xC8 && b[1] >= 0xA1
	}
	return set
})

// cjkRarity returns the rarity of a Han ideograph or Hangul syllable, and
// whether r is one: a Han character everyday text in both Chinese and
// Japanese uses is common, one that only one of them uses less so (in
// Japanese notes, a simplified-only hanzi is unlikely, and the other way
// round), the rest rare.
func cjkRarity(r rune) (float64, bool) {
	switch {
	case r >= hanLo && r <= hanHi:
		return [3]float64{3.5, 1.5, 1}[commonCJK().han[r-hanLo]], true
	case r >= hangulLo && r <= hangulHi:
		if commonCJK().hangul[r-hangulLo] {
			return 1, true
		}
		return 3.5, true
	}
	return 0, false
}

func b2i(b bool) int8 {
	if b {
		return 1
	}
	return 0
}
