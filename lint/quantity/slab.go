package quantity

import (
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
)

// slabSize is how many values one backing array of a slab holds.
const slabSize = 256

// slab hands out short slices cut from shared backing arrays, so that the
// one or two amounts and numbers of each quantity cost no allocation of
// their own. A slice it returns has no spare capacity: appending to it
// copies, and never writes into a neighbour's values.
type slab[T any] struct{ buf []T }

// take returns a new slice holding vs.
func (s *slab[T]) take(vs ...T) []T {
	if cap(s.buf)-len(s.buf) < len(vs) {
		s.buf = make([]T, 0, max(slabSize, len(vs)))
	}
	n := len(s.buf)
	s.buf = append(s.buf, vs...)
	return s.buf[n:len(s.buf):len(s.buf)]
}

// scratch is the slabs of one scan.
type scratch struct {
	amounts slab[numeral.Amount]
	numbers slab[judge.NumberText]
	arena   numeral.Arena // the numbers' values
}
