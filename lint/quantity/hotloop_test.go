package quantity

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// TestByteMasks holds the eight-byte masks to the byte tests they stand
// for, on every byte value in every position and on random words.
func TestByteMasks(t *testing.T) {
	check := func(x uint64) {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], x)
		var letters, digits, dots, leads uint64
		for k, c := range b {
			bit := uint64(0x80) << (8 * k)
			if isASCIILetter(c) {
				letters |= bit
			}
			if isDigit(c) {
				digits |= bit
			}
			if c == '.' {
				dots |= bit
			}
			if c == 0xC2 {
				leads |= bit
			}
		}
		if got := letterBits(x); got != letters {
			t.Fatalf("letterBits(% x) = %x, want %x", b, got, letters)
		}
		if got := inRange(x, '0', '9'); got != digits {
			t.Fatalf("inRange(% x, 0, 9) = %x, want %x", b, got, digits)
		}
		if got := equalBits(x, '.'); got != dots {
			t.Fatalf("equalBits(% x, '.') = %x, want %x", b, got, dots)
		}
		if got := equalBits(x, 0xC2); got != leads {
			t.Fatalf("equalBits(% x, 0xC2) = %x, want %x", b, got, leads)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for c := range 256 {
		for k := range 8 {
			check(rng.Uint64()&^(0xff<<(8*k)) | uint64(c)<<(8*k))
			check(uint64(c) << (8 * k))
			check(uint64(c) * 0x0101010101010101)
		}
	}
	for range 100000 {
		check(rng.Uint64())
	}
}

func TestWordEnd(t *testing.T) {
	for _, c := range []struct {
		text string
		i    int
		want int
	}{
		{"", 0, 0},
		{"a", 0, 1},
		{"ab cd", 0, 2},
		{"ab cd", 3, 5},
		{"abcdefgh", 0, 8},
		{"abcdefghijklmnopq rest", 2, 17},
		{"abcdefgh1", 0, 8},
		{"café", 0, 3},
		{"x.y", 0, 1},
	} {
		if got := wordEnd([]byte(c.text), c.i); got != c.want {
			t.Errorf("wordEnd(%q, %d) = %d, want %d", c.text, c.i, got, c.want)
		}
	}
}
