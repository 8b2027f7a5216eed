package quantity

// The hot loop works on 64 bytes at a time as two bitmaps, bit k for byte
// k: the ASCII letters, and the bytes where a number may begin (a digit,
// ".", "/", the lead byte 0xC2 of ½ ¼ ¾). On amd64 an SSE2 kernel
// (masks_amd64.s) builds them sixteen bytes per instruction; elsewhere,
// and for the last bytes of a text, masks64Generic does it eight bytes at
// a time with the word operations below. TestMasks64 holds the two to
// each other and to the byte tests they stand for.

// gatherBits moves the top bit of each byte of m (only those bits set)
// to bits 56 to 63: byte k's bit to bit 56+k.
func gatherBits(m uint64) uint64 { return (m >> 7) * 0x0102040810204080 >> 56 }

// masks64Generic returns the letters and number-start bitmaps of the 64
// bytes at b.
func masks64Generic(b *[64]byte) (letters, numbers uint64) {
	for k := range 8 {
		x := load8(b[:], 8*k)
		l := letterBits(x)
		d := inRange(x, '.', '9')
		if x&high != 0 {
			d |= equalBits(x, 0xC2)
		}
		letters |= gatherBits(l) << (8 * k)
		numbers |= gatherBits(d) << (8 * k)
	}
	return letters, numbers
}

// tailMasks returns the bitmaps of the bytes of text from i on, fewer
// than 64, the missing ones read as zero (which marks nothing).
func tailMasks(text []byte, i int) (letters, numbers uint64) {
	var b [64]byte
	copy(b[:], text[i:])
	return masks64Generic(&b)
}
