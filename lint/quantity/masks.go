package quantity

// The hot loop works on 64 bytes at a time as three bitmaps, bit k for
// byte k: the ASCII letters; the bytes where a number may begin (a digit,
// ".", "/", the lead byte 0xC2 of ½ ¼ ¾); and the openings, the letters
// that, with the byte after them, may begin a number word ("tw", "th",
// "a " — see mayOpen). On amd64 with AVX2 an assembly kernel
// (masks_amd64.s) builds them 32 bytes per instruction; elsewhere, and
// for the last bytes of a text, masks64Generic does it byte by byte with
// the same tables. TestMasks64 holds every implementation to the byte
// tests they stand for.

// blockMasks are the bitmaps of 64 bytes of text.
type blockMasks struct {
	letters, numbers, openings uint64
}

// blockLen is how many bytes the bitmaps of a block are made from: its
// 64, and the one after them (the second letter of a word that starts at
// the block's last byte).
const blockLen = 65

// openingClasses group the first letters of number words into the eight
// bits of the kernel's tables; a class allows the second letters its
// words have (openingTables). Merged letters must share their high nibble
// and the classes' letters must cover every number word's first letter
// (checked when the tables are built).
var openingClasses = [8]string{"a", "h", "q", "o", "t", "f", "s", "en"}

// openingTables are the nibble tables of mayOpen and of the kernel: the
// lower-case letter c0 followed by the lower-case byte c1 may open a
// number word of two letters or more when
// first.lo[c0&15] & first.hi[c0>>4] & second.lo[c1&15] & second.hi[c1>>4]
// is not zero. A class's letters, and the letters it allows second, must
// each form a rectangle of nibbles to be tested exactly; where they do
// not ("t" allows w, h and e), the test lets through a few more pairs,
// which the exact comparison of the whole word then drops.
type openingTables struct {
	first, second struct{ lo, hi [16]byte }
}

// openings are the tables built from numberWords.
var openings = func() (t openingTables) {
	for bit, letters := range openingClasses {
		m := byte(1) << bit
		for _, c := range []byte(letters) {
			t.first.lo[c&15] |= m
			t.first.hi[c>>4] |= m
			if c>>4 != letters[0]>>4 {
				panic("quantity: an opening class merges letters of two high nibbles: " + letters)
			}
		}
	}
	for _, w := range numberWords {
		bit := -1
		for b, letters := range openingClasses {
			for _, c := range []byte(letters) {
				if c == w[0] {
					bit = b
				}
			}
		}
		if bit < 0 {
			panic("quantity: no opening class for the number word " + w)
		}
		if len(w) > 1 {
			t.second.lo[w[1]&15] |= 1 << bit
			t.second.hi[w[1]>>4] |= 1 << bit
		}
	}
	return t
}()

// mayOpen reports whether the ASCII letter c0 followed by the byte c1 may
// begin a number word, in any case: a single "a" (c1 is no letter), or a
// pair of letters the opening tables let through.
func mayOpen(c0, c1 byte) bool {
	c0, c1 = c0|0x20, c1|0x20
	if c0 == 'a' && !isASCIILetter(c1) {
		return true
	}
	t := &openings
	return t.first.lo[c0&15]&t.first.hi[c0>>4]&t.second.lo[c1&15]&t.second.hi[c1>>4] != 0
}

// masks64Generic returns the bitmaps of the 64 bytes at b (b[64] is the
// byte after them).
func masks64Generic(b *[blockLen]byte) blockMasks {
	var m blockMasks
	for k := range 64 {
		c := b[k]
		switch {
		case isASCIILetter(c):
			m.letters |= 1 << k
			if mayOpen(c, b[k+1]) {
				m.openings |= 1 << k
			}
		case c >= '.' && c <= '9' || c == 0xC2:
			m.numbers |= 1 << k
		}
	}
	return m
}

// tailMasks returns the bitmaps of the bytes of text from i on, fewer
// than blockLen, the missing ones read as zero (which marks nothing).
func tailMasks(text []byte, i int) blockMasks {
	var b [blockLen]byte
	copy(b[:], text[i:])
	return masks64Generic(&b)
}
