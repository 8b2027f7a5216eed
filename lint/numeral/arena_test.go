package numeral

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
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
	million := big.NewRat(1_000_000, 1)
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		n := Number{Value: a.Decimal(3, 0), Sig: 1}
		n.TakeAmount(million) // "3 million"
	}), "a scaled integer")
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() {
		n := Number{Value: a.Decimal(25, 1), Decimals: 1, Sig: 2}
		n.TakeAmount(million) // "2.5 million": the fraction's word only
	}), 1.0, "a scaled decimal")
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

// TestTakeAmountScaleInPlace holds the int64 path of TakeAmount with a
// power-of-ten scale to the exact product, on values cut from an arena
// (whose neighbours must not change) and allocated ones, with every
// power of ten, up to and past an int64's range.
func TestTakeAmountScaleInPlace(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	mants := []int64{0, 1, -1, 5, 25, 386, -40, 999_999_999_999_999_999, math.MaxInt64, math.MinInt64 + 1, 1 << 62}
	for range 3000 {
		mants = append(mants, rng.Int64N(1<<uint(rng.IntN(62)+1))*int64(1-2*rng.IntN(2)))
	}
	var a Arena
	for i, m := range mants {
		for e := 0; e <= maxInt64Digits; e++ {
			decimals := (i + e) % (maxInt64Digits + 1)
			var v *big.Rat
			if e%2 == 0 {
				v = a.Decimal(m, decimals)
			} else {
				v = new(big.Rat).SetFrac(big.NewInt(m), pow10(decimals).Num())
			}
			before := a.Decimal(7, 1) // a neighbour in the arena
			want := new(big.Rat).Mul(v, pow10(e))
			n := Number{Value: v, Decimals: decimals}
			got := n.TakeAmount(pow10(e))
			assert.Same(t, v, got.Value, "the amount takes the value")
			if got.Value.Cmp(want) != 0 || got.Value.String() != want.String() {
				t.Fatalf("%d/10^%d × 10^%d = %s, want %s", m, decimals, e, got.Value, want)
			}
			assert.Equal(t, want.IsInt(), got.Value.IsInt())
			// the value is normalized: arithmetic on it agrees with a fresh copy
			fresh, _ := new(big.Rat).SetString(want.String())
			assert.Equal(t, new(big.Rat).Add(fresh, big.NewRat(1, 3)).String(), new(big.Rat).Add(got.Value, big.NewRat(1, 3)).String())
			assert.Equal(t, "7/10", before.String(), "a neighbour changed")
		}
	}
}

// TestArenaDecimal holds Decimal to the value ParseLocale reads.
func TestArenaDecimal(t *testing.T) {
	var a Arena
	for _, s := range []string{"0", "0.0", "1", "1.50", "386", "0.001", "999999999999999999", "12.000", ".5", "100"} {
		n, err := Parse(s)
		if !assert.NoError(t, err) {
			continue
		}
		digits := strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "")
		m, err := strconv.ParseInt(digits, 10, 64)
		assert.NoError(t, err)
		assert.Equal(t, n.Value.String(), a.Decimal(m, n.Decimals).String(), s)
	}
}
