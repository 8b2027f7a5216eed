package quantity

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// referenceMasks is masks64 written byte by byte.
func referenceMasks(b *[blockLen]byte) blockMasks {
	var m blockMasks
	for k, c := range b[:64] {
		if isASCIILetter(c) {
			m.letters |= 1 << k
			if mayOpen(c, b[k+1]) {
				m.openings |= 1 << k
			}
		}
		if c >= '.' && c <= '9' || c == 0xC2 {
			m.numbers |= 1 << k
		}
	}
	return m
}

// TestMayOpen checks the opening filter: every number word passes, in any
// case and followed by anything that ends it, and the commonest words that
// are none are dropped by their first two bytes.
func TestMayOpen(t *testing.T) {
	for _, w := range numberWords {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			next := byte(' ')
			if len(v) > 1 {
				next = v[1]
			}
			if !mayOpen(v[0], next) {
				t.Errorf("mayOpen(%q, %q) = false for the number word %q", v[0], next, v)
			}
			if len(v) == 1 {
				for _, c := range []byte(" ,.-)\n5\xc2") {
					if !mayOpen(v[0], c) {
						t.Errorf("mayOpen(%q, %q) = false", v[0], c)
					}
				}
			}
		}
	}
	for _, w := range []string{"of", "to", "in", "is", "it", "be", "was", "said", "by", "at", "as", "he", "his", "we", "ab", "Of", "TO"} {
		if mayOpen(w[0], w[1]) {
			t.Errorf("mayOpen(%q, %q) = true: %q opens no number word", w[0], w[1], w)
		}
	}
}

// TestMasks64 holds masks64 (the AVX2 kernel on a processor with AVX2)
// and masks64Generic to the byte tests, with every byte value in every
// position and on random blocks.
func TestMasks64(t *testing.T) {
	check := func(b *[blockLen]byte) {
		want := referenceMasks(b)
		for name, f := range map[string]func(*[blockLen]byte) blockMasks{
			"masks64Generic": masks64Generic, "masks64": masks64, // the AVX2 kernel where the processor has it
		} {
			if got := f(b); got != want {
				t.Fatalf("%s(% x) = %+v; want %+v", name, b[:], got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var b [blockLen]byte
	for c := range 256 {
		for k := range blockLen {
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
	const alphabet = " aZ.9/0\xc2\xbd\xc3é-,tThHqQwonNeifsulA"
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
	text = []byte("a two-mile")
	want = blockMasks{letters: 0b11_1101_1101, numbers: 0, openings: 0b101}
	if got := tailMasks(text, 0); got != want {
		t.Fatalf("tailMasks(%q) = %+v; want %+v", text, got, want)
	}
}
