package quantity

import (
	"encoding/binary"
	"math/bits"
)

// The hot loop reads the text 64 bytes at a time as two bitmaps (masks64:
// its letters, and the bytes where a number may begin) and visits only the
// set bits: the first letter of each word, a digit, a dot, the lead byte
// 0xC2 of ½ ¼ ¾. Plain prose then costs a few vector instructions per 64
// bytes and one table lookup per word, with no branch per byte. Words and
// bitmaps elsewhere are read eight bytes at a time as one uint64 (byte k
// in bits 8k to 8k+7, whatever the machine's byte order), with the marks
// in the top bit of each byte.
const (
	ones = 0x0101010101010101
	high = 0x80 * ones
)

// load8 returns the eight bytes at i, the ones past the end of text read
// as zero (which marks nothing).
func load8(text []byte, i int) uint64 {
	if i+8 <= len(text) {
		return binary.LittleEndian.Uint64(text[i:])
	}
	// byte by byte rather than by copy: a call here would make the hot
	// loop keep its values on the stack
	var x uint64
	for k, c := range text[i:] {
		x |= uint64(c) << (8 * k)
	}
	return x
}

// inRange marks the bytes of x in [lo, hi] (both below 0x80); the sums
// never carry from one byte into the next.
func inRange(x uint64, lo, hi byte) uint64 {
	y := x &^ high
	atLeastLo := y + uint64(0x80-lo)*ones
	pastHi := y + uint64(0x80-hi-1)*ones
	return atLeastLo &^ pastHi &^ x & high
}

// letterBits marks the ASCII letters of x (the test of isASCIILetter).
func letterBits(x uint64) uint64 { return inRange(x|0x20*ones, 'a', 'z') }

// wordEnd returns the end of the run of ASCII letters at i, eight bytes
// at a time.
func wordEnd(text []byte, i int) int {
	for i < len(text) {
		if m := letterBits(load8(text, i)) ^ high; m != 0 {
			return min(i+bits.TrailingZeros64(m)/8, len(text))
		}
		i += 8
	}
	return len(text)
}

// numberWordHash is a multiplier under which the number words of up to
// eight letters, read as little-endian uint64s, fall in distinct slots of
// numberWordSet (checked when the table is built).
const numberWordHash = 0x38de22f2a7da6df1

// numberWordSlot returns the slot in numberWordSet of the lower-case word
// v, read as a little-endian uint64.
func numberWordSlot(v uint64) uint64 { return v * numberWordHash >> 58 }

// numberWordSet holds each number word of up to eight letters, as a
// little-endian uint64, in its slot, with its value as a cardinal (0 for
// "a", "an", "half", "quarter"): a word is one when it equals what its
// slot holds.
var numberWordSet = func() (t [64]struct {
	word     uint64
	cardinal int64
}) {
	for _, w := range numberWords {
		if len(w) > 8 {
			continue
		}
		var v uint64
		for k := range len(w) {
			v |= uint64(w[k]) << (8 * k)
		}
		s := numberWordSlot(v)
		if t[s].word != 0 {
			panic("quantity: two number words share a slot of numberWordSet: " + w)
		}
		t[s].word, t[s].cardinal = v, cardinalOf(w)
	}
	return t
}()

// lowBytes[L] keeps the low L bytes of a uint64 (L from 0 to 8).
var lowBytes = func() (t [9]uint64) {
	for l := range 8 {
		t[l] = 1<<(8*l) - 1
	}
	t[8] = ^uint64(0)
	return t
}()

// packWord packs the word of l ASCII letters (0 to 8) that w, read by
// load8 at its first letter, starts with.
func packWord(w uint64, l int) packed { return packed((w | 0x20*ones) & lowBytes[l]) }

// numberWord looks the packed word v (not 0) up in numberWordSet: its
// value as a cardinal (0 for "a", "an", "half", "quarter"), and whether
// it is a number word at all.
func numberWord(v packed) (int64, bool) {
	e := &numberWordSet[numberWordSlot(uint64(v))]
	return e.cardinal, e.word == uint64(v)
}

// A candidate's word length, as nextCandidate returns it.
const (
	notAWord = 0  // a digit, a dot before a digit, or the byte 0xC2
	longWord = -1 // a word of nine letters or more that may be a number word
)

// nextCandidate returns the first place at or after i where a quantity
// may begin, and what is there: a digit, a dot followed by a digit, or the
// byte 0xC2 (length notAWord); a number word of up to eight letters, in
// any case (its length); or a longer word whose first letter and length
// may make it one ("seventeen": longWord, for the caller to read). It
// reads 64 bytes at a time (masks64) and visits only the number starts
// and the words that start as a number word may (their first two bytes:
// mayOpen); a word is
// measured on the letters bitmap and dropped by one hashed comparison of
// the whole word. The place may lie past limit, and is at least limit when there is none
// before it.
func nextCandidate(text []byte, i, limit int) (int, int) {
	n := len(text)
	// 1 when the byte before i is a letter: a word running on from there
	// has no start at i
	var before uint64
	if i > 0 && i <= n && isASCIILetter(text[i-1]) {
		before = 1
	}
	for i < limit {
		var m blockMasks
		if i+blockLen <= n {
			m = masks64((*[blockLen]byte)(text[i : i+blockLen]))
		} else {
			m = tailMasks(text, i)
		}
		letters := m.letters
		// the words that start here the way a number word does
		starts := letters &^ (letters<<1 | before) & m.openings
		events := starts | m.numbers
		for events != 0 {
			k := bits.TrailingZeros64(events)
			events &= events - 1
			p := i + k
			if starts>>k&1 == 0 {
				switch text[p] {
				case '/':
					continue
				case '.':
					// a full stop, unless a digit follows (".5")
					if p+1 >= n || !isDigit(text[p+1]) {
						continue
					}
				}
				return p, notAWord
			}
			// a word: its length from the bitmap (measured when it may run
			// on into the next block), then the word itself, hashed
			l := bits.TrailingZeros64(^(letters >> k))
			if k+l == 64 {
				l = wordEnd(text, p) - p
			}
			if l > 8 {
				if l == maxNumberWord && text[p]|0x20 == 's' { // "seventeen"
					return p, longWord
				}
				continue
			}
			if _, ok := numberWord(packWord(load8(text, p), l)); ok {
				return p, l
			}
		}
		before = letters >> 63
		i += 64
	}
	return i, notAWord
}

// scan appends to out the quantities of text that start at i or later,
// before limit (reading past limit to finish the last one), and returns
// where it stopped: at or past limit.
func (s *Scanner) scan(text []byte, i, limit int, out []Quantity, sc *scratch) ([]Quantity, int) {
	n := len(text)
	for i < limit {
		p, l := nextCandidate(text, i, limit)
		if p >= limit {
			return out, p
		}
		if l != notAWord {
			e := p + l
			isWord := true
			if l == longWord {
				e = wordEnd(text, p+1)
				isWord = isNumberWord(text[p:e])
			}
			if isWord && (p == 0 || !isWordByte(text[p-1])) {
				if q, end, ok := s.spelled(text, p, sc); ok {
					out = appendQuantity(reserve(out, n), q)
					i = end
					continue
				}
			}
			i = e
			continue
		}
		switch text[p] {
		case '.': // a digit follows
			if p > 0 && isWordByte(text[p-1]) {
				i = p + 1
				continue
			}
		case 0xC2:
			if _, ok := fractionAt(text, p); !ok {
				i = p + 1
				continue
			}
		}
		q, end, ok := s.numeric(text, p, sc)
		if ok {
			out = appendQuantity(reserve(out, n), q)
		}
		i = max(end, p+1)
	}
	return out, i
}
