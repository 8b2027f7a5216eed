package pairs

import (
	"encoding/binary"
	"maps"
	"slices"
)

// sampler tells which of a fixed set of patterns occur in a text without
// looking at every offset: it reads the text at every second offset (a
// sample), looks the bytes there up in a table of anchors, and compares
// the text around a sample with a pattern only where an anchor says the
// pattern may lie there.
//
// An anchor is q bytes of a pattern: four (quad) for a pattern of five
// bytes or more, two (pair) for a shorter one. A pattern p anchors a
// window of two offsets j and j+1 (0 ≤ j ≤ len(p)-q-1). Of the positions
// start+j and start+j+1 of any occurrence one is even, so a sample falls
// on it and reads p[j:j+q] there. A two-byte pattern has no such window;
// it takes j = -1, whose anchors are every byte followed by p[0]. Of the
// windows a pattern allows, it takes the one whose anchors are estimated
// rarest in English prose, so that few samples need a closer look. Quads
// are hashed into their table, and a collision only costs a comparison.
//
// A sampler is built once and is immutable afterwards.
type sampler struct {
	patterns []string
	// quads maps a quad's hash, and pairs a byte pair (first byte low), to
	// the bucket of candidates the sample may lie in, 1-based; 0 when no
	// pattern has that anchor.
	quads   [1 << quadBits]uint8
	pairs   [1 << 16]uint8
	buckets [][]candidate
}

// quadBits is the size of the quad table's index.
const quadBits = 14

// quadSlot is the quad table's index of the four low bytes of g (first
// byte lowest): a multiplicative hash of them, taken from bits of the
// product that no higher byte of g reaches.
func quadSlot(g uint64) uint64 {
	return g * 0x9E3779B1 >> (32 - quadBits) & (1<<quadBits - 1)
}

// pairSlot is the pair table's index of the byte pair a, b.
func pairSlot(a, b byte) uint16 { return uint16(a) | uint16(b)<<8 }

// maxPatterns bounds the number of patterns (each's seen set).
const maxPatterns = 256

// candidate is a pattern a sample may lie in, and the sample's offset in
// it.
type candidate struct {
	pattern int
	offset  int
}

// newSampler builds the sampler for patterns, each at least two bytes
// long. It panics on a shorter pattern, on more than maxPatterns patterns
// or when the anchors need more than 255 buckets: the patterns are the
// package's own.
func newSampler(patterns []string) *sampler {
	if len(patterns) > maxPatterns {
		panic("pairs: too many sampler patterns")
	}
	s := &sampler{patterns: patterns}
	quads, pairs := map[uint64][]candidate{}, map[uint64][]candidate{}
	for pi, p := range patterns {
		if len(p) < 2 {
			panic("pairs: sampler pattern shorter than two bytes: " + p)
		}
		q, lists := 2, pairs
		if len(p) >= 5 {
			q, lists = 4, quads
		}
		j := anchorWindow(p, q)
		for k := j; k < j+2; k++ {
			c := candidate{pattern: pi, offset: k}
			switch {
			case q == 4:
				slot := quadSlot(uint64(binary.LittleEndian.Uint32([]byte(p[k:]))))
				lists[slot] = append(lists[slot], c)
			case k >= 0:
				slot := uint64(pairSlot(p[k], p[k+1]))
				lists[slot] = append(lists[slot], c)
			default:
				for b := range 256 {
					slot := uint64(pairSlot(byte(b), p[0]))
					lists[slot] = append(lists[slot], c)
				}
			}
		}
	}
	for slot, id := range s.bucketIDs(quads) {
		s.quads[slot] = id
	}
	for slot, id := range s.bucketIDs(pairs) {
		s.pairs[slot] = id
	}
	return s
}

// bucketIDs adds the candidate lists of a table's slots to the buckets
// and returns each slot's bucket, 1-based. Identical lists (the 256 pairs
// of a j = -1 anchor) share a bucket.
func (s *sampler) bucketIDs(lists map[uint64][]candidate) map[uint64]uint8 {
	ids := make(map[uint64]uint8, len(lists))
	for _, slot := range slices.Sorted(maps.Keys(lists)) {
		list := lists[slot]
		id := slices.IndexFunc(s.buckets, func(b []candidate) bool { return slices.Equal(b, list) })
		if id < 0 {
			if len(s.buckets) == 255 {
				panic("pairs: sampler needs more than 255 anchor buckets")
			}
			s.buckets = append(s.buckets, list)
			id = len(s.buckets) - 1
		}
		ids[slot] = uint8(id + 1) //nolint:gosec // id < 255, checked above
	}
	return ids
}

// anchorWindow returns the first offset j of the anchor window of p for
// anchors of q bytes: -1 when p is too short for a window inside it,
// otherwise the j in [0, len(p)-q-1] whose anchors p[j:j+q] and
// p[j+1:j+q+1] are estimated rarest.
func anchorWindow(p string, q int) int {
	if len(p) < q+1 {
		return -1
	}
	best, bestCost := 0, 0.0
	for j := 0; j+q+1 <= len(p); j++ {
		cost := estimate(p[j:j+q]) + estimate(p[j+1:j+q+1])
		if j == 0 || cost < bestCost {
			best, bestCost = j, cost
		}
	}
	return best
}

// estimate is how often the bytes s are estimated to occur in English
// prose: only its order matters, to choose anchors.
func estimate(s string) float64 {
	f := 1.0
	for i := 0; i < len(s); i++ {
		f *= float64(byteFreq(s[i])) / 1000
	}
	return f
}

// letterFreq is the frequency of each lower-case letter in English text,
// per thousand letters.
var letterFreq = [26]int{
	82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, // a–m
	67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1, // n–z
}

// byteFreq estimates how often b occurs in English prose, per thousand
// bytes: only its order matters, to choose anchors.
func byteFreq(b byte) int {
	switch {
	case 'a' <= b && b <= 'z':
		return letterFreq[b-'a']
	case b == ' ':
		return 180
	case b == '.' || b == ',':
		return 10
	case 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return 3
	}
	return 1
}

// each calls found once for each pattern that occurs in text, with its
// index, in no particular order.
func (s *sampler) each(text []byte, found func(int)) {
	var seen [maxPatterns / 64]uint64 // patterns already found
	check := func(i int, bucket uint8) {
		for _, c := range s.buckets[bucket-1] {
			if seen[c.pattern/64]&(1<<(c.pattern%64)) != 0 {
				continue
			}
			p, pat := i-c.offset, s.patterns[c.pattern]
			if p >= 0 && p+len(pat) <= len(text) && string(text[p:p+len(pat)]) == pat {
				seen[c.pattern/64] |= 1 << (c.pattern % 64)
				found(c.pattern)
			}
		}
	}
	for i := 0; i+1 < len(text); {
		// four samples at a time where two eight-byte loads cover them
		if i+12 <= len(text) {
			w, x := binary.LittleEndian.Uint64(text[i:]), binary.LittleEndian.Uint64(text[i+4:])
			g0, g1, g2, g3 := w, w>>16, x, x>>16
			if s.quads[quadSlot(g0)]|s.quads[quadSlot(g1)]|s.quads[quadSlot(g2)]|s.quads[quadSlot(g3)]|
				s.pairs[g0&0xFFFF]|s.pairs[g1&0xFFFF]|s.pairs[g2&0xFFFF]|s.pairs[g3&0xFFFF] == 0 {
				i += 8
				continue
			}
		}
		// one sample; a quad anchor lies inside its pattern, so only the
		// pairs are left near the end
		if i+4 <= len(text) {
			if q := s.quads[quadSlot(uint64(binary.LittleEndian.Uint32(text[i:])))]; q != 0 {
				check(i, q)
			}
		}
		if p := s.pairs[pairSlot(text[i], text[i+1])]; p != 0 {
			check(i, p)
		}
		i += 2
	}
}
