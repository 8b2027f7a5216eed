package quantity

import (
	"math/rand/v2"
	"testing"
)

// referenceMasks is masks64 written byte by byte.
func referenceMasks(b *[64]byte) blockMasks {
	var m blockMasks
	for k, c := range b {
		if isASCIILetter(c) {
			m.letters |= 1 << k
		}
		if c >= '.' && c <= '9' || c == 0xC2 {
			m.numbers |= 1 << k
		}
		if isInitial(c) {
			m.initials |= 1 << k
		}
	}
	return m
}

// TestMasks64 holds every implementation of masks64 this processor runs
// (maskKernels) to the byte tests, with every byte value in every
// position and on random blocks.
func TestMasks64(t *testing.T) {
	check := func(b *[64]byte) {
		want := referenceMasks(b)
		for name, f := range maskKernels() {
			if got := f(b); got != want {
				t.Fatalf("%s(% x) = %+v; want %+v", name, b[:], got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var b [64]byte
	for c := range 256 {
		for k := range 64 {
			for i := range b {
				b[i] = byte(rng.Uint32())
			}
			b[k] = byte(c)
			check(&b)
			clear(b[:])
			b[k] = byte(c)
			check(&b)
		}
		for i := range b {
			b[i] = byte(c)
		}
		check(&b)
	}
	const alphabet = " aZ.9/0\xc2\xbd\xc3é-,tThHqQ"
	for range 20000 {
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		check(&b)
	}
}

// TestTailMasks checks the bitmaps of the last bytes of a text.
func TestTailMasks(t *testing.T) {
	text := []byte("ab 1.5km ½")
	want := blockMasks{letters: 0b11000, numbers: 0b100_0111}
	if got := tailMasks(text, 3); got != want {
		t.Fatalf("tailMasks = %+v; want %+v", got, want)
	}
	want = blockMasks{letters: 0b1100_0011, initials: 0b1}
	if got := tailMasks(text, 0); got.letters != want.letters || got.initials != want.initials {
		t.Fatalf("tailMasks = %+v; want letters and initials %+v", got, want)
	}
}
