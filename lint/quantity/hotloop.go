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
	var buf [8]byte
	copy(buf[:], text[i:])
	return binary.LittleEndian.Uint64(buf[:])
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

// scan appends to out the quantities of text that start at i or later,
// before limit (reading past limit to finish the last one), and returns
// where it stopped: at or past limit.
func (s *Scanner) scan(text []byte, i, limit int, out []Quantity, sc *scratch) ([]Quantity, int) {
	n := len(text)
	// before is the top bit of the byte before i when it is a letter, so
	// that a word running on from the eight bytes before has no start here
	var before uint64
	if i > 0 && isASCIILetter(text[i-1]) {
		before = 0x80
	}
	for i < limit {
		x := load8(text, i)
		letters := letterBits(x)
		starts := letters &^ (letters<<8 | before)
		// digits and the dot in one range ("/" comes along, and is
		// dropped below); 0xC2 only where a byte is not ASCII
		events := starts | inRange(x, '.', '9')
		if x&high != 0 {
			events |= equalBits(x, 0xC2)
		}
		next := i + 8 // where to read on when nothing here moves the scan
	events:
		for events != 0 {
			k := bits.TrailingZeros64(events) / 8
			events &= events - 1
			p := i + k
			if p >= limit {
				return out, p
			}
			switch c := byteOf(x, k); {
			case letters&(0x80<<(8*k)) != 0:
				// most words are ruled out by their first two letters; a
				// word that runs on past these eight bytes needs no look
				// at its end: the next eight start inside it, no word start
				var c1 byte
				if k < 7 {
					if letters&(0x80<<(8*(k+1))) != 0 {
						c1 = byteOf(x, k+1)
					}
				} else if p+1 < n && isASCIILetter(text[p+1]) {
					c1 = text[p+1]
				}
				lengths := numberWordLengths[prefixIndex(c, c1)]
				if lengths == 0 {
					continue
				}
				var e int
				if m := (letters ^ high) & (^uint64(0) << (8 * (k + 1))); m != 0 {
					e = min(i+bits.TrailingZeros64(m)/8, n)
				} else {
					e = wordEnd(text, next)
				}
				if isNumberWord(text[p:e], lengths) && (p == 0 || !isWordByte(text[p-1])) {
					if q, end, ok := s.spelled(text, p, sc); ok {
						out = appendQuantity(reserve(out, n), q)
						next = end
						break events
					}
				}
				continue
			case c == '.':
				if p+1 >= n || !isDigit(text[p+1]) || (p > 0 && (isDigit(text[p-1]) || isWordByte(text[p-1]))) {
					continue
				}
			case c == 0xC2:
				if _, ok := fractionAt(text, p); !ok {
					continue
				}
			case c == '/':
				continue
			}
			q, end, ok := s.numeric(text, p, sc)
			if ok {
				out = appendQuantity(reserve(out, n), q)
			}
			next = max(end, p+1)
			break
		}
		if next == i+8 {
			before = letters >> 56 // the last of these eight bytes
		} else {
			before = 0
			if next > 0 && next <= n && isASCIILetter(text[next-1]) {
				before = 0x80
			}
		}
		i = next
	}
	return out, i
}
