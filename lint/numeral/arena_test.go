package numeral

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestArenaFrac(t *testing.T) {
	var a Arena
	cases := [][2]int64{
		{0, 1}, {0, 7}, {1, 1}, {-1, 1}, {386, 1}, {-40, 1}, {5, 10}, {-3, 4}, {25, 1000},
		{math.MaxInt64, 1}, {math.MinInt64, 1}, {math.MinInt64 + 1, 3}, {6, 4}, {7, math.MaxInt64},
	}
	var got []*big.Rat
	for _, c := range cases {
		r := a.Frac(c[0], c[1])
		want := new(big.Rat).SetFrac64(c[0], c[1])
		assert.Equal(t, want.String(), r.String(), "%d/%d", c[0], c[1])
		assert.Equal(t, want.IsInt(), r.IsInt(), "%d/%d", c[0], c[1])
		assert.Equal(t, want.Denom().String(), r.Denom().String(), "%d/%d", c[0], c[1])
		got = append(got, r)
	}
	// each rational owns its words: changing one leaves its neighbours be
	got[4].Mul(got[4], big.NewRat(1_000_000_000_000, 3))
	got[5].Neg(got[5])
	got[6].Add(got[6], big.NewRat(1, 3))
	assert.Equal(t, "386000000000000/3", got[4].String())
	assert.Equal(t, "40/1", got[5].String())
	assert.Equal(t, "5/6", got[6].String())
	for i, c := range cases {
		if i >= 4 && i <= 6 {
			continue
		}
		assert.Equal(t, new(big.Rat).SetFrac64(c[0], c[1]).String(), got[i].String(), "%d/%d after the others changed", c[0], c[1])
	}
	var none *Arena
	assert.Equal(t, "-3/4", none.Frac(-3, 4).String())
}

func TestArenaAllocations(t *testing.T) {
	var a Arena
	a.Frac(1, 1) // the first block
	assert.Zero(t, testing.AllocsPerRun(100, func() { a.Frac(386, 1) }), "an integer")
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { a.Frac(3, 4) }), 1.0, "a fraction")
}

// TestExactSigMatchesExactQuotient holds the float shortcut of exactSig to
// the exact quotient it stands for, on random and edge values.
func TestExactSigMatchesExactQuotient(t *testing.T) {
	reference := func(v, fine *big.Rat) int {
		sig := 1
		if v.Sign() != 0 && fine.Sign() != 0 {
			f, _ := new(big.Rat).Quo(new(big.Rat).Abs(v), fine).Float64()
			for f >= 10 {
				sig++
				f /= 10
			}
		}
		return sig
	}
	vals := []int64{0, 1, -1, 3, 9, 10, 99, 100, 999, 1000, 12345, -40, 1 << 52, 1<<53 - 1, 1 << 53, 1<<53 + 1, 1 << 62, math.MaxInt64, 999_999_999_999_999_999}
	dens := []int64{1, 2, 3, 4, 10, 100, 7, 1000, 1 << 30, 1 << 53, math.MaxInt64}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		vals = append(vals, rng.Int64N(1<<uint(rng.IntN(62)+1)))
	}
	for i, a := range vals {
		for _, b := range dens {
			for _, c := range []int64{1, 5, 100, 1000, 1 << 40} {
				d := dens[(i+int(c))%len(dens)]
				v, fine := new(big.Rat).SetFrac64(a, b), new(big.Rat).SetFrac64(c, d)
				if got, want := exactSig(v, fine), reference(v, fine); got != want {
					t.Fatalf("exactSig(%s, %s) = %d, want %d", v, fine, got, want)
				}
			}
		}
	}
}
