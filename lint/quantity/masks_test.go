package quantity

import (
	"math/rand/v2"
	"testing"
)

// referenceMasks is masks64 written byte by byte.
func referenceMasks(b *[64]byte) (letters, numbers uint64) {
	for k, c := range b {
		if isASCIILetter(c) {
			letters |= 1 << k
		}
		if c >= '.' && c <= '9' || c == 0xC2 {
			numbers |= 1 << k
		}
	}
	return letters, numbers
}

// TestMasks64 holds masks64 (the SSE2 kernel on amd64) and
// masks64Generic to the byte tests, with every byte value in every
// position and on random blocks.
func TestMasks64(t *testing.T) {
	check := func(b *[64]byte) {
		wantL, wantN := referenceMasks(b)
		if l, n := masks64(b); l != wantL || n != wantN {
			t.Fatalf("masks64(% x) = %x, %x; want %x, %x", b[:], l, n, wantL, wantN)
		}
		if l, n := masks64Generic(b); l != wantL || n != wantN {
			t.Fatalf("masks64Generic(% x) = %x, %x; want %x, %x", b[:], l, n, wantL, wantN)
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
	const alphabet = " aZ.9/0\xc2\xbd\xc3é-,"
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
	l, n := tailMasks(text, 3)
	if wantL, wantN := uint64(0b11000), uint64(0b100_0111); l != wantL || n != wantN {
		t.Fatalf("tailMasks = %b, %b; want %b, %b", l, n, wantL, wantN)
	}
}
