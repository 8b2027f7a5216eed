package pairs

import (
	"bytes"
	"encoding/binary"
	"maps"
	"math/bits"
	"slices"
)

// sampler tells which of a fixed set of patterns occur in a text without
// looking at every offset: it reads the three bytes (a trigram) at every
// third offset of the text (a sample), looks each up in a table of
// anchors, and compares the text around a sample with a pattern only where
// an anchor says the pattern may lie there. Each sample costs one lookup,
// and a text of n bytes n/3 samples.
//
// A pattern p anchors a window of three offsets j, j+1 and j+2: of the
// positions start+j, start+j+1 and start+j+2 of any occurrence one is a
// multiple of three, so a sample falls on it and reads the trigram
// p[k:k+3] there. A pattern of five bytes or more takes a window inside it
// (0 ≤ j ≤ len(p)-5); of those, the one whose anchors are estimated rarest
// in English prose, so that few samples need a closer look. A pattern of
// three or four bytes ("NHS", "tyre") has no such window: its window
// sticks out of it by one byte, before or after, and an anchor that does
// so anchors every trigram that byte can make (256 of them).
//
// Trigrams are hashed into the table. A sample that hits an occupied slot
// (an anchor's trigram, or one that collides with it) costs a comparison
// of the eight bytes where each candidate pattern would start with the
// pattern's first eight, which settles most. Most of the table's occupied
// slots are the sticking-out anchors'; the table is large enough (128 KiB)
// that few samples of prose collide with one. Where trigrams are common in
// English ("ter" of "meter", "ent" of "center"), a few in a hundred
// samples hit.
//
// A two-byte pattern ("£") is too short for a window of three: it is
// looked for on its own, by its rarest byte, with bytes.IndexByte.
//
// A sampler is built once and is immutable afterwards.
type sampler struct {
	patterns []string
	// cands are the candidates of every bucket, bucket by bucket: those of
	// bucket id (1-based) are cands[bounds[id-1]:bounds[id]].
	cands  []candidate
	bounds [256]uint16
	// short are the two-byte patterns, each with the offset of its rarest
	// byte.
	short []candidate
	// slots maps a trigram's hash to the bucket of candidates the sample
	// may lie in, 1-based; 0 when no anchor hashes there. It comes last:
	// the garbage collector scans the sampler only up to its last pointer.
	slots [1 << slotBits]uint8
}

// slotBits is the size of the table's index: a table of 128 KiB.
const slotBits = 17

// gramLen is the length of an anchor; stride the distance between samples.
const (
	gramLen = 3
	stride  = 3
)

// slot is the table's index of the trigram in the three low bytes of q
// (first byte lowest; a sample loads four bytes and hashes three): the top
// bits of its product with a large odd constant, to which every byte of
// the trigram contributes. (Multiplying q by the constant shifted left by
// eight bits would spare the mask, but then the trigram's last byte would
// move only the index's top eight bits: the 256 trigrams an anchor
// sticking out of its pattern at the end stands for would share the rest,
// as would whole families of prose trigrams, which collide with them all.)
func slot(q uint32) uint32 {
	return q & 0xFFFFFF * 0x9E3779B1 >> (32 - slotBits)
}

// maxPatterns bounds the number of patterns (each's seen set).
const maxPatterns = 256

// candidate is a pattern a sample may lie in, and the sample's offset in
// it (-1 for a sample one byte before it); for a short pattern, the offset
// of its rarest byte. head holds the pattern's first eight bytes (first
// byte lowest; fewer for a shorter pattern, the rest zero) and headMask
// has the bytes of head inside the pattern set: one load and compare
// tells most samples from the pattern, and settles a pattern of eight
// bytes or fewer.
type candidate struct {
	head, headMask  uint64
	pattern, offset int32
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
	slots := map[uint32][]candidate{}
	for pi, p := range patterns {
		if len(p) < 2 {
			panic("pairs: sampler pattern shorter than two bytes: " + p)
		}
		if len(p) < gramLen {
			s.short = append(s.short, candidate{pattern: int32(pi), offset: int32(rarestByte(p))}) //nolint:gosec // pi < maxPatterns, the offset < len(p)
			continue
		}
		j := anchorWindow(p)
		var head [8]byte
		n := copy(head[:], p)
		headMask := uint64(1)<<(8*n) - 1 // all ones for n = 8
		for k := j; k < j+stride; k++ {
			gram, mask := anchorOf(p, k)
			c := candidate{head: binary.LittleEndian.Uint64(head[:]), headMask: headMask,
				pattern: int32(pi), offset: int32(k)} //nolint:gosec // pi < maxPatterns, |k| < len(p)
			// every value of the byte outside the pattern, if any (a one
			// in that byte of unit)
			unit := ^mask & 0x010101
			for b := range uint32(256) {
				h := slot(gram | b*unit)
				if !slices.Contains(slots[h], c) {
					slots[h] = append(slots[h], c)
				}
				if unit == 0 {
					break
				}
			}
		}
	}
	var buckets [][]candidate
	for _, h := range slices.Sorted(maps.Keys(slots)) {
		list := slots[h]
		id := slices.IndexFunc(buckets, func(b []candidate) bool { return slices.Equal(b, list) })
		if id < 0 {
			if len(buckets) == 255 {
				panic("pairs: sampler needs more than 255 anchor buckets")
			}
			buckets = append(buckets, list)
			id = len(buckets) - 1
		}
		s.slots[h] = uint8(id + 1) //nolint:gosec // id < 255, checked above
	}
	for id, b := range buckets {
		s.cands = append(s.cands, b...)
		s.bounds[id+1] = uint16(len(s.cands)) //nolint:gosec // a few hundred candidates
	}
	return s
}

// anchorWindow returns the first offset j of the anchor window of p, a
// pattern of at least three bytes: the j in [0, len(p)-5] whose anchors
// p[j:j+3], p[j+1:j+4] and p[j+2:j+5] are estimated rarest or, for a
// pattern of three or four bytes, the j in [-1, len(p)-4] whose anchors
// are (each sticking out of p by at most one byte).
func anchorWindow(p string) int {
	lo, hi := 0, len(p)-gramLen-stride+1
	if hi < 0 {
		lo, hi = -1, len(p)-gramLen-stride+2
	}
	best, bestCost := lo, 0.0
	for j := lo; j <= hi; j++ {
		cost := 0.0
		for k := j; k < j+stride; k++ {
			cost += estimate(p, k)
		}
		if j == lo || cost < bestCost {
			best, bestCost = j, cost
		}
	}
	return best
}

// anchorOf returns the trigram (first byte lowest) a sample at offset k of
// an occurrence of p reads, its byte outside p zero, and the mask of its
// bytes inside p. k lies in [-1, len(p)-2].
func anchorOf(p string, k int) (gram, mask uint32) {
	for i := range gramLen {
		if k+i >= 0 && k+i < len(p) {
			gram |= uint32(p[k+i]) << (8 * i)
			mask |= 0xFF << (8 * i)
		}
	}
	return gram, mask
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

// estimate is how often the trigram at offset k of p is estimated to
// occur in English prose (a byte outside p, any): only its order matters,
// to choose anchors.
func estimate(p string, k int) float64 {
	f := 1.0
	for i := max(k, 0); i < min(k+gramLen, len(p)); i++ {
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

// blockLen is the length of the text a block of four samples reads (a
// four-byte load at each); blockStep is how far a block advances.
const (
	blockLen  = 3*stride + 4
	blockStep = 4 * stride
)

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
		if occursBy(text, s.patterns[c.pattern], int(c.offset)) {
			found(int(c.pattern))
		}
	}
	r := search{s: s, text: text, found: found}
	le := binary.LittleEndian
	i := 0 // the next block
	for {
		n, ids := s.skip(text[i:])
		if i += n; ids == 0 {
			break
		}
		// a block one of whose samples may lie in a pattern: ids holds
		// the bucket of each (the first sample's in its low byte)
		for ids != 0 {
			k := bits.TrailingZeros32(ids) / 8
			id := ids >> (8 * k) & 0xFF
			ids &^= 0xFF << (8 * k)
			at := i + k*stride
			cs := s.bucket(id)
			for j := range cs {
				c := &cs[j]
				// most samples differ from the pattern's first eight
				// bytes (a pattern near the text's ends: check settles)
				if p := at - int(c.offset); p < 0 || p > len(text)-8 ||
					le.Uint64(text[p:p+8])&c.headMask == c.head {
					r.check(at, c)
				}
			}
		}
		i += blockStep
	}
	// the samples at the end, the bytes past it read as zeros: an anchor
	// that sticks out of its pattern may lie there
	for ; i < len(text); i += stride {
		var q [4]byte
		copy(q[:], text[i:])
		cs := s.bucket(uint32(s.slots[slot(le.Uint32(q[:]))]))
		for j := range cs {
			r.check(i, &cs[j])
		}
	}
}

// bucket returns the candidates of bucket id (none for 0).
func (s *sampler) bucket(id uint32) []candidate {
	if id == 0 {
		return nil
	}
	return s.cands[s.bounds[id-1]:s.bounds[id]]
}

// skip returns the offset in text of its first block of samples one of
// which an anchor may lie in, and the bucket of each sample of that block
// (the first's in the low byte); the offset of the first block shorter
// than blockLen, and zero, when none does.
func (s *sampler) skip(text []byte) (int, uint32) {
	le, slots := binary.LittleEndian, &s.slots
	t := text
	for ; len(t) >= blockLen; t = t[blockStep:] {
		b := (*[blockLen]byte)(t)
		b0, b1 := slots[slot(le.Uint32(b[0:]))], slots[slot(le.Uint32(b[stride:]))]
		b2, b3 := slots[slot(le.Uint32(b[2*stride:]))], slots[slot(le.Uint32(b[3*stride:]))]
		if b0|b1|b2|b3 != 0 {
			return len(text) - len(t), uint32(b0) | uint32(b1)<<8 | uint32(b2)<<16 | uint32(b3)<<24
		}
	}
	return len(text) - len(t), 0
}

// check reports the candidate c of the sample at i if its pattern lies
// there and was not found yet.
func (r *search) check(i int, c *candidate) {
	p, pat := i-int(c.offset), r.s.patterns[c.pattern]
	if p < 0 || p+len(pat) > len(r.text) || string(r.text[p:p+len(pat)]) != pat {
		return
	}
	if bit := uint64(1) << (c.pattern % 64); r.seen[c.pattern/64]&bit == 0 {
		r.seen[c.pattern/64] |= bit
		r.found(int(c.pattern))
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
