package quantity

import "math/bits"

// The hot loop works on 64 bytes at a time as three bitmaps, bit k for
// byte k: the ASCII letters; the bytes where a number may begin (a digit,
// ".", "/", the lead byte 0xC2 of ½ ¼ ¾); and the initials, the letters
// a number word may start with, in either case. On amd64 with AVX2 an
// assembly kernel (masks_amd64.s) builds them 32 bytes per instruction;
// elsewhere, and for the last bytes of a text, masks64Generic does it
// eight bytes at a time with word operations. TestMasks64 holds every
// implementation to the byte tests they stand for.

// blockMasks are the bitmaps of 64 bytes of text.
type blockMasks struct {
	letters, numbers, initials uint64
}

// initialLetters are the lower-case letters number words start with.
var initialLetters = func() (set [26]bool) {
	for _, w := range numberWords {
		set[w[0]-'a'] = true
	}
	return set
}()

// isInitial reports whether the byte c is a letter a number word may
// start with, in either case.
func isInitial(c byte) bool { return isASCIILetter(c) && initialLetters[c|0x20-'a'] }

// initialNibbles is the lookup table of the assembly kernel: a lower-case
// letter c is an initial when lo[c&15] & hi[c>>4] is not zero (the
// letters' high nibbles are 6 and 7, given bits 1 and 2).
var initialNibbles = func() (t struct{ lo, hi [16]byte }) {
	for k, in := range initialLetters {
		if in {
			c := byte('a' + k)
			bit := byte(1) << (c>>4 - 6)
			t.lo[c&15] |= bit
			t.hi[c>>4] = bit
		}
	}
	return t
}()

// gatherBits moves the top bit of each byte of m (only those bits set)
// to bits 56 to 63: byte k's bit to bit 56+k.
func gatherBits(m uint64) uint64 { return (m >> 7) * 0x0102040810204080 >> 56 }

// masks64Generic returns the bitmaps of the 64 bytes at b.
func masks64Generic(b *[64]byte) blockMasks {
	var m blockMasks
	for k := range 8 {
		x := load8(b[:], 8*k)
		l := letterBits(x)
		d := inRange(x, '.', '9')
		if x&high != 0 {
			d |= equalBits(x, 0xC2)
		}
		var in uint64
		for ls := l; ls != 0; ls &= ls - 1 {
			if j := bits.TrailingZeros64(ls) / 8; isInitial(b[8*k+j]) {
				in |= 0x80 << (8 * j)
			}
		}
		m.letters |= gatherBits(l) << (8 * k)
		m.numbers |= gatherBits(d) << (8 * k)
		m.initials |= gatherBits(in) << (8 * k)
	}
	return m
}

// tailMasks returns the bitmaps of the bytes of text from i on, fewer
// than 64, the missing ones read as zero (which marks nothing).
func tailMasks(text []byte, i int) blockMasks {
	var b [64]byte
	copy(b[:], text[i:])
	return masks64Generic(&b)
}
