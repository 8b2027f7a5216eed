package quantity

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestByteMasks holds the eight-byte masks to the byte tests they stand
// for, on every byte value in every position and on random words.
func TestByteMasks(t *testing.T) {
	check := func(x uint64) {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], x)
		var letters, digits uint64
		for k, c := range b {
			bit := uint64(0x80) << (8 * k)
			if isASCIILetter(c) {
				letters |= bit
			}
			if isDigit(c) {
				digits |= bit
			}
		}
		if got := letterBits(x); got != letters {
			t.Fatalf("letterBits(% x) = %x, want %x", b, got, letters)
		}
		if got := inRange(x, '0', '9'); got != digits {
			t.Fatalf("inRange(% x, 0, 9) = %x, want %x", b, got, digits)
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

// referenceCandidate is nextCandidate written byte by byte: the first
// place at or after i, before limit, holding a digit, a dot before a
// digit, the byte 0xC2, or the start of an ASCII word (not preceded by an
// ASCII letter) that is a number word in any case, with the word's length
// (0 for the others); limit and 0 when there is none.
func referenceCandidate(text []byte, i, limit int) (int, int) {
	for p := i; p < limit && p < len(text); p++ {
		c := text[p]
		switch {
		case isDigit(c), c == 0xC2, c == '.' && p+1 < len(text) && isDigit(text[p+1]):
			return p, 0
		case isASCIILetter(c) && (p == 0 || !isASCIILetter(text[p-1])):
			e := p
			for e < len(text) && isASCIILetter(text[e]) {
				e++
			}
			for _, w := range numberWords {
				if len(w) == e-p && hasPrefixFold(text[p:], w) {
					return p, e - p
				}
			}
		}
	}
	return limit, 0
}

// candidateAsCaller calls nextCandidate as scan does: a long word is
// read and, when it is no number word, the search goes on after it.
func candidateAsCaller(text []byte, i, limit int) (int, int) {
	for {
		p, l := nextCandidate(text, i, limit)
		if l != longWord || p >= limit {
			return p, l
		}
		e := wordEnd(text, p+1)
		if e-p < 9 {
			panic(fmt.Sprintf("nextCandidate(%q, %d, %d) = %d, longWord: the word there is %q", text, i, limit, p, text[p:e]))
		}
		if isNumberWord(text[p:e]) {
			return p, e - p
		}
		i = e
	}
}

// TestNextCandidate holds nextCandidate to referenceCandidate on random
// texts of number words, their near misses, digits, dots, glyphs and
// other words, from every start, to the end of the text and to a limit
// inside it.
func TestNextCandidate(t *testing.T) {
	pieces := append([]string{
		"the", "these", "there", "for", "fourteens", "fortyish", "fort", "form", "fi", "firs", "first", "half-way",
		"seventeens", "seventee", "Seventeen", "SEVENTEEN", "thirteen", "thirteens", "thousand",
		"eighteen", "twentyone", "tw", "t", "A", "An", "ann", "quarterly", "nine", "ninety",
		"5", "1,000", ".5", "...", "3.", "/", "½", "é", "\u00a0", "\xc2", "x1", "a2",
		" ", " ", " ", " ", "\n", "-", ",", "(",
	}, numberWords[:]...)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var text []byte
		for range rng.IntN(12) {
			text = append(text, pieces[rng.IntN(len(pieces))]...)
		}
		for i := 0; i <= len(text); i++ {
			for _, limit := range []int{len(text), min(len(text), i+rng.IntN(10))} {
				p, l := candidateAsCaller(text, i, limit)
				wantP, wantL := referenceCandidate(text, i, limit)
				if p >= limit { // past limit, what is there does not count
					p, l = limit, 0
				}
				if p != wantP || l != wantL {
					t.Fatalf("nextCandidate(%q, %d, %d) = %d, %d; want %d, %d", text, i, limit, p, l, wantP, wantL)
				}
			}
		}
	}
}

// FuzzNextCandidate holds nextCandidate (with the vector kernel where the
// processor has one) to referenceCandidate on any bytes: from a few
// starts, every candidate in turn to the end of the text.
func FuzzNextCandidate(f *testing.F) {
	for _, s := range []string{"", "a mile", "Seventeen 5.5km", "three-quarters of a", "x.5 ½ 1/2 an", strings.Repeat("the ", 40) + "two"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, start := range []int{0, 1, len(text) / 3, len(text) / 2, len(text) - 1} {
			for i := max(start, 0); i <= len(text); {
				p, l := candidateAsCaller(text, i, len(text))
				if p >= len(text) {
					p, l = len(text), 0
				}
				if wantP, wantL := referenceCandidate(text, i, len(text)); p != wantP || l != wantL {
					t.Fatalf("nextCandidate(%q, %d) = %d, %d; want %d, %d", text, i, p, l, wantP, wantL)
				}
				i = p + max(l, 1)
			}
		}
	})
}
