package numeral

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMulAdd holds the int64 arithmetic of compound totals to big.Rat,
// on small values and at the edges of an int64.
func TestMulAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	vals := []int64{0, 1, -1, 2, 6, 11, 1 << 31, -(1 << 31), math.MaxInt64, math.MinInt64 + 1, math.MaxInt64 / 12, math.MaxInt64/12 + 1}
	for range 300 {
		vals = append(vals, rng.Int64N(1<<uint(rng.IntN(62)+1))*int64(1-2*rng.IntN(2)))
	}
	dens := []int64{1, 2, 4, 10, 1000, 1 << 31, math.MaxInt64}
	for i, a := range vals {
		for _, k := range []int64{12, 14, 16} {
			b, c, d := dens[i%len(dens)], vals[(i*7+3)%len(vals)], dens[(i*3+1)%len(dens)]
			x, y := new(big.Rat).SetFrac64(a, b), new(big.Rat).SetFrac64(c, d)
			want := new(big.Rat).Mul(x, big.NewRat(k, 1))
			want.Add(want, y)
			num, den, ok := mulAdd64(x, k, y)
			if !ok {
				continue
			}
			require.Positive(t, den)
			require.Equal(t, want.String(), new(big.Rat).SetFrac64(num, den).String(), "%s × %d + %s", x, k, y)
		}
	}
	_, _, ok := mulAdd64(big.NewRat(math.MaxInt64, 1), 12, big.NewRat(1, 1))
	assert.False(t, ok, "overflow")
}
