//go:build amd64 && !purego

package quantity

import "golang.org/x/sys/cpu"

// hasAVX2 says whether the processor runs the AVX2 kernel; read-only
// after the package is initialised.
var hasAVX2 = cpu.X86.HasAVX2

// masks64 returns the bitmaps of the 64 bytes at b (b[64] is the byte
// after them).
func masks64(b *[blockLen]byte) blockMasks {
	if !hasAVX2 {
		return masks64Generic(b)
	}
	var k kernelMasks
	masks64AVX2(b, &openings, &k)
	// a single "a": an a whose next byte is no letter
	next := k.letters>>1 | uint64(boolBit(isASCIILetter(b[64])))<<63
	return blockMasks{letters: k.letters, numbers: k.numbers, openings: k.pairs | k.as&^next}
}

// kernelMasks are the bitmaps masks64AVX2 writes: the letters, the number
// starts, the letter pairs the opening tables let through, and the a's.
type kernelMasks struct {
	letters, numbers, pairs, as uint64
}

// boolBit returns 1 for true.
func boolBit(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// masks64AVX2 writes the bitmaps of the 65 bytes at b to m, the letter
// pairs looked up in t (masks_amd64.s; the processor must have AVX2).
//
//go:noescape
func masks64AVX2(b *[blockLen]byte, t *openingTables, m *kernelMasks)
