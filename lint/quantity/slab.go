package quantity

import (
	"strings"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
)

// slabSize is how many values one backing array of a slab holds.
const slabSize = 256

// slab hands out short slices cut from shared backing arrays, so that the
// one or two amounts and numbers of each quantity cost no allocation of
// their own. A slice it returns has no spare capacity: appending to it
// copies, and never writes into a neighbour's values.
type slab[T any] struct {
	buf []T
	n   int // the values handed out
}

// The backing arrays are cut by an index, not by slicing: a slice written
// to the slab costs a write barrier while the collector runs.

// take returns a new slice holding vs.
func (s *slab[T]) take(vs ...T) []T {
	out := s.alloc(len(vs))
	copy(out, vs)
	return out
}

// alloc returns a new slice of k zero values.
func (s *slab[T]) alloc(k int) []T {
	if len(s.buf)-s.n < k {
		s.buf = make([]T, max(slabSize, k))
		s.n = 0
	}
	n := s.n
	s.n += k
	return s.buf[n : n+k : n+k]
}

// textSlabSize is how many bytes one buffer of a textSlab holds.
const textSlabSize = 4096

// textSlab hands out strings copied into shared buffers, so that the
// written text of each number costs no allocation of its own. A
// strings.Builder only ever appends to its buffer, so the strings its
// String returned before stay as they are.
type textSlab struct{ b strings.Builder }

// of returns b as a string.
func (s *textSlab) of(b []byte) string {
	if s.b.Cap()-s.b.Len() < len(b) {
		s.b = strings.Builder{}
		s.b.Grow(max(textSlabSize, len(b)))
	}
	n := s.b.Len()
	s.b.Write(b)
	return s.b.String()[n:]
}

// scratch is the slabs of one scan.
type scratch struct {
	amounts slab[numeral.Amount]
	numbers slab[judge.NumberText]
	arena   numeral.Arena // the numbers' values
	text    textSlab      // the numbers' written texts
}

// numberTexts returns the texts of the numbers nums, resolved, cut
// from the slab.
func (sc *scratch) numberTexts(nums ...*number) []judge.NumberText {
	nts := sc.numbers.alloc(len(nums))
	for i, n := range nums {
		n.setText(&nts[i])
	}
	return nts
}
