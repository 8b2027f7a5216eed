package pairs

import (
	"bytes"
	"encoding/binary"
	"maps"
	"slices"
)

// sampler tells which of a fixed set of patterns occur in a text without
// looking at every offset: it reads the four bytes (a quad) at every
// second offset of the text (a sample), looks each up in a table of
// anchors, and compares the text around a sample with a pattern only where
// an anchor says the pattern may lie there. Each sample costs one lookup.
//
// A pattern p anchors a window of two offsets j and j+1: of the positions
// start+j and start+j+1 of any occurrence one is even, so a sample falls on
// it and reads the quad p[j:j+4] there. A pattern of five bytes or more
// takes a window inside it (0 ≤ j ≤ len(p)-5); of those, the one whose
// anchors are estimated rarest in English prose, so that few samples need a
// closer look. A four-byte pattern ("tyre") has no such window: it takes
// j = -1 or j = 0, whose anchors stick out of it by one byte, and anchors
// every quad that byte can make (the byte before "tyr", or after "yre").
// Quads are hashed into their table, and a collision only costs a
// comparison.
//
// A shorter pattern ("£", "NHS") would stick out by two bytes: it is looked
// for on its own instead, by the byte of it estimated rarest, with
// bytes.IndexByte.
//
// A sampler is built once and is immutable afterwards.
type sampler struct {
	patterns []string
	// quads maps a quad's hash to the bucket of candidates the sample may
	// lie in, 1-based; 0 when no pattern has that anchor.
	quads   [1 << quadBits]uint8
	buckets [][]candidate
	// short are the patterns too short to sample, each with the offset of
	// its rarest byte.
	short []candidate
}

// quadBits is the size of the quad table's index: a table of 64 KiB,
// where the quads of common words seldom collide with an anchor.
const quadBits = 16

// quadLen is the length of an anchor, and of the shortest pattern sampled.
const quadLen = 4

// quadSlot is the quad table's index of the quad in the four low bytes of
// g (first byte lowest): a multiplicative hash of it.
func quadSlot(g uint64) uint32 {
	return uint32(g) * 0x9E3779B1 >> (32 - quadBits) //nolint:gosec // the higher bytes are not the quad's
}

// maxPatterns bounds the number of patterns (each's seen set).
const maxPatterns = 256

// candidate is a pattern a sample may lie in, and the sample's offset in
// it (-1 for a sample one byte before it); for a short pattern, the offset
// of its rarest byte.
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
	quads := map[uint32][]candidate{}
	for pi, p := range patterns {
		if len(p) < 2 {
			panic("pairs: sampler pattern shorter than two bytes: " + p)
		}
		if len(p) < quadLen {
			s.short = append(s.short, candidate{pattern: pi, offset: rarestByte(p)})
			continue
		}
		j := anchorWindow(p)
		for k := j; k < j+2; k++ {
			c := candidate{pattern: pi, offset: k}
			for _, g := range anchorQuads(p, k) {
				slot := quadSlot(g)
				quads[slot] = append(quads[slot], c)
			}
		}
	}
	for _, slot := range slices.Sorted(maps.Keys(quads)) {
		list := quads[slot]
		id := slices.IndexFunc(s.buckets, func(b []candidate) bool { return slices.Equal(b, list) })
		if id < 0 {
			if len(s.buckets) == 255 {
				panic("pairs: sampler needs more than 255 anchor buckets")
			}
			s.buckets = append(s.buckets, list)
			id = len(s.buckets) - 1
		}
		s.quads[slot] = uint8(id + 1) //nolint:gosec // id < 255, checked above
	}
	return s
}

// anchorWindow returns the first offset j of the anchor window of p, a
// pattern of at least quadLen bytes: the j in [0, len(p)-5] whose
// anchors p[j:j+4] and p[j+1:j+5] are estimated rarest, or for a pattern
// of four bytes the j in {-1, 0} whose anchors are.
func anchorWindow(p string) int {
	lo, hi := 0, len(p)-quadLen-1
	if len(p) == quadLen {
		lo, hi = -1, 0
	}
	best, bestCost := lo, 0.0
	for j := lo; j <= hi; j++ {
		cost := estimate(p, j) + estimate(p, j+1)
		if j == lo || cost < bestCost {
			best, bestCost = j, cost
		}
	}
	return best
}

// anchorQuads returns the quads (first byte lowest) a sample at offset k of
// an occurrence of p reads: p[k:k+4], or, where it sticks out of p by a
// byte, every quad that byte can make.
func anchorQuads(p string, k int) []uint64 {
	var q [quadLen]byte
	out := 0 // the offset in q of the byte outside p
	switch {
	case k < 0:
		copy(q[1:], p)
	case k+quadLen > len(p):
		out = copy(q[:], p[k:])
	default:
		copy(q[:], p[k:])
		return []uint64{uint64(binary.LittleEndian.Uint32(q[:]))}
	}
	quads := make([]uint64, 0, 256)
	for b := range 256 {
		q[out] = byte(b)
		quads = append(quads, uint64(binary.LittleEndian.Uint32(q[:])))
	}
	return quads
}

// rarestByte returns the offset of the byte of p estimated rarest in
// English prose, the first of equals.
func rarestByte(p string) int {
	best := 0
	for k := 1; k < len(p); k++ {
		if byteFreq(p[k]) < byteFreq(p[best]) {
			best = k
		}
	}
	return best
}

// estimate is how often the quad at offset k of p is estimated to occur
// in English prose (a byte outside p, any): only its order matters, to
// choose anchors.
func estimate(p string, k int) float64 {
	f := 1.0
	for i := max(k, 0); i < min(k+quadLen, len(p)); i++ {
		f *= float64(byteFreq(p[i])) / 1000
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
	case b >= 0xC0:
		// a UTF-8 lead byte begins every character of its block: "£",
		// "°", "²" and the no-break space all begin with 0xC2
		return 2
	}
	return 1
}

// blockLen is the length of the text a block of four samples reads (by
// two eight-byte loads).
const blockLen = 12

// search is one run of a sampler over a text.
type search struct {
	s     *sampler
	text  []byte
	found func(int)
	seen  [maxPatterns / 64]uint64 // patterns already found
}

// each calls found once for each pattern that occurs in text, with its
// index, in no particular order.
func (s *sampler) each(text []byte, found func(int)) {
	for _, c := range s.short {
		if occursBy(text, s.patterns[c.pattern], c.offset) {
			found(c.pattern)
		}
	}
	r := search{s: s, text: text, found: found}
	t := text // the text from the next sample on
	for ; len(t) >= blockLen; t = t[8:] {
		b := (*[blockLen]byte)(t)
		w, x := binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[4:])
		q0, q1 := s.quads[quadSlot(w)], s.quads[quadSlot(w>>16)]
		q2, q3 := s.quads[quadSlot(x)], s.quads[quadSlot(x>>16)]
		if q0|q1|q2|q3 != 0 {
			i := len(text) - len(t)
			r.check(i, q0)
			r.check(i+2, q1)
			r.check(i+4, q2)
			r.check(i+6, q3)
		}
	}
	// the samples at the end, the bytes past it read as zeros: an anchor
	// that sticks out of its pattern may lie there
	for i := len(text) - len(t); i+1 < len(text); i += 2 {
		var q [quadLen]byte
		copy(q[:], text[i:])
		r.check(i, s.quads[quadSlot(uint64(binary.LittleEndian.Uint32(q[:])))])
	}
}

// check compares the text around the sample at i with the candidates of
// bucket (none when 0) not found yet.
func (r *search) check(i int, bucket uint8) {
	if bucket == 0 {
		return
	}
	for _, c := range r.s.buckets[bucket-1] {
		if r.seen[c.pattern/64]&(1<<(c.pattern%64)) != 0 {
			continue
		}
		p, pat := i-c.offset, r.s.patterns[c.pattern]
		if p >= 0 && p+len(pat) <= len(r.text) && string(r.text[p:p+len(pat)]) == pat {
			r.seen[c.pattern/64] |= 1 << (c.pattern % 64)
			r.found(c.pattern)
		}
	}
}

// occursBy reports whether p occurs in text, looking only where its byte
// at offset k does.
func occursBy(text []byte, p string, k int) bool {
	for i := k; i < len(text); i++ {
		n := bytes.IndexByte(text[i:], p[k])
		if n < 0 {
			return false
		}
		i += n
		if start := i - k; start+len(p) <= len(text) && string(text[start:start+len(p)]) == p {
			return true
		}
	}
	return false
}
