package restate

import (
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/quantity"
)

// TestMarkMatchesBinarySearch holds mark's forward steps to a binary
// search over every quantity, for starts in order and out of order,
// present and absent, repeated and past the end.
func TestMarkMatchesBinarySearch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		qs := make([]quantity.Quantity, r.IntN(12))
		at := 0
		for i := range qs {
			at += r.IntN(3) // equal starts too
			qs[i].Start = at
		}
		got, want := make([]bool, len(qs)), make([]bool, len(qs))
		from := 0
		for range r.IntN(20) {
			start := r.IntN(at + 3)
			if r.IntN(3) > 0 && len(qs) > 0 {
				start = qs[r.IntN(len(qs))].Start
			}
			mark(qs, got, start, &from)
			if i := sort.Search(len(qs), func(i int) bool { return qs[i].Start >= start }); i < len(qs) && qs[i].Start == start {
				want[i] = true
			}
			require.Equal(t, want, got)
		}
	}
}
