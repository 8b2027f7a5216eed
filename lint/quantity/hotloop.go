package quantity

import (
	"encoding/binary"
	"math/bits"
)

// The hot loop reads the text eight bytes at a time as one uint64 (byte k
// in bits 8k to 8k+7, whatever the machine's byte order) and marks, in the
// top bit of each byte, the places where something may begin: the first
// letter of a word, a digit, a dot, the lead byte 0xC2 of ½ ¼ ¾. Plain
// prose then costs a few word operations per eight bytes and one table
// lookup per word, with no branch per byte.
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

// equalBits marks the bytes of x equal to c.
func equalBits(x uint64, c byte) uint64 {
	const low = 0x7f * ones
	t := x ^ uint64(c)*ones // zero where equal
	return ^((t&low + low) | t | low)
}

// byteOf returns byte k (0 to 7) of x.
func byteOf(x uint64, k int) byte {
	return byte(x >> (8 * k)) //nolint:gosec // the low eight bits, on purpose
}

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

// nextCandidate returns the first place at or after i where a quantity
// may begin: a digit, a dot, the byte 0xC2, or the start of a word whose
// first two letters begin a number word, with the lengths such a word may
// have (numberWordLengths; 0 for the others). It reads eight bytes at a
// time and calls nothing, so that the loop over plain prose keeps its
// values in registers. The place may lie past limit, and is at least
// limit when there is none before it.
func nextCandidate(text []byte, i, limit int) (int, uint16) {
	n := len(text)
	// the top bit of the byte before i when it is a letter: a word
	// running on from there has no start at i
	var before uint64
	if i > 0 && i <= n && isASCIILetter(text[i-1]) {
		before = 0x80
	}
	for i < limit {
		x := load8(text, i)
		letters := letterBits(x)
		starts := letters &^ (letters<<8 | before)
		// digits and the dot in one range ("/" comes along, and is
		// dropped by the caller); 0xC2 only where a byte is not ASCII
		events := starts | inRange(x, '.', '9')
		if x&high != 0 {
			events |= equalBits(x, 0xC2)
		}
		for events != 0 {
			k := bits.TrailingZeros64(events) / 8
			bit := uint64(0x80) << (8 * k)
			events &^= bit
			if starts&bit == 0 {
				return i + k, 0
			}
			// a word: most are ruled out by their first two letters
			var c1 byte
			if k < 7 {
				if letters&(bit<<8) != 0 {
					c1 = byteOf(x, k+1)
				}
			} else if i+8 < n && isASCIILetter(text[i+8]) {
				c1 = text[i+8]
			}
			if lengths := numberWordLengths[prefixIndex(byteOf(x, k), c1)]; lengths != 0 {
				return i + k, lengths
			}
		}
		before = letters >> 56 // the last of these eight bytes
		i += 8
	}
	return i, 0
}

// scan appends to out the quantities of text that start at i or later,
// before limit (reading past limit to finish the last one), and returns
// where it stopped: at or past limit.
func (s *Scanner) scan(text []byte, i, limit int, out []Quantity, sc *scratch) ([]Quantity, int) {
	n := len(text)
	for i < limit {
		p, lengths := nextCandidate(text, i, limit)
		if p >= limit {
			return out, p
		}
		if lengths != 0 {
			e := wordEnd(text, p+1)
			if isNumberWord(text[p:e], lengths) && (p == 0 || !isWordByte(text[p-1])) {
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
		case '.':
			if p+1 >= n || !isDigit(text[p+1]) || (p > 0 && (isDigit(text[p-1]) || isWordByte(text[p-1]))) {
				i = p + 1
				continue
			}
		case 0xC2:
			if _, ok := fractionAt(text, p); !ok {
				i = p + 1
				continue
			}
		case '/':
			i = p + 1
			continue
		}
		q, end, ok := s.numeric(text, p, sc)
		if ok {
			out = appendQuantity(reserve(out, n), q)
		}
		i = max(end, p+1)
	}
	return out, i
}
