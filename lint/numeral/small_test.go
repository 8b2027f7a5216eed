package numeral

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// smallCases returns rationals for the small paths: random fractions of
// every size an int64 holds, ties (halves at every scale), powers of ten
// and their neighbours, the int64 limits, and values beyond them.
func smallCases() []*big.Rat {
	r := rand.New(rand.NewPCG(1, 2))
	var vs []*big.Rat
	for e := range 19 {
		p := smallPow10[e]
		for _, n := range []int64{p, p - 1, p + 1, -p, 5 * p, 25 * p, 15 * p} {
			vs = append(vs, big.NewRat(n, 1), big.NewRat(n, 10), big.NewRat(n, 2*p), big.NewRat(1, max(p, 1)))
		}
	}
	vs = append(vs, big.NewRat(math.MaxInt64, 1), big.NewRat(math.MinInt64+1, 1), big.NewRat(math.MaxInt64, math.MaxInt64-1),
		big.NewRat(1, math.MaxInt64), new(big.Rat).SetFrac(new(big.Int).Lsh(big.NewInt(1), 70), big.NewInt(3)),
		new(big.Rat).SetFrac(big.NewInt(7), new(big.Int).Lsh(big.NewInt(1), 70)))
	for range 20_000 {
		num := r.Int64N(1<<r.IntN(63)+1) - r.Int64N(1<<r.IntN(62)+1)
		den := r.Int64N(1<<r.IntN(63)+1) + 1
		if r.IntN(3) == 0 {
			den = smallPow10[r.IntN(19)] * int64(1+r.IntN(4))
		}
		vs = append(vs, big.NewRat(num, den))
	}
	return vs
}

// TestSmallPathsMatchBig holds Round, Format and Magnitude, which take the
// 64-bit paths where the numbers fit, to the math/big code on every case.
func TestSmallPathsMatchBig(t *testing.T) {
	styles := []Style{{}, {Group: ","}, {Group: " ", Decimal: ","}, {Decimal: ","}, {LeadingDot: true}, {Group: "\u202f", LeadingDot: true}}
	r := rand.New(rand.NewPCG(3, 4))
	fast, all := 0, 0
	for i, v := range smallCases() {
		if v.Sign() != 0 && !assert.Equal(t, magnitudeBig(v), Magnitude(v), "Magnitude(%s)", v.RatString()) {
			return
		}
		for _, d := range []int{r.IntN(41) - 20, r.IntN(7) - 3, 0, -Magnitude(v) + r.IntN(5)} {
			if !assert.Equal(t, roundBig(v, d).RatString(), Round(v, d).RatString(), "Round(%s, %d)", v.RatString(), d) {
				return
			}
			all++
			if n, den, ok := small(v); ok {
				if _, ok := roundSmall(n, den, d); ok {
					fast++
				}
			}
			st := styles[i%len(styles)]
			for _, group := range []bool{false, true} {
				if !assert.Equal(t, formatBig(v, d, st, group), Format(v, d, st, group), "Format(%s, %d, %+v, %v)", v.RatString(), d, st, group) {
					return
				}
			}
		}
	}
	assert.Greater(t, fast, all/2, "most cases take the small paths")
}

// TestSmallPathsAllocate: formatting a small value allocates its string
// alone.
func TestSmallPathsAllocate(t *testing.T) {
	v := big.NewRat(386102, 1000)
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { _ = Format(v, 1, Style{}, true) }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = Magnitude(v) }))
}

// FuzzSmallPaths holds Round, Format and Magnitude to the math/big code on
// fuzzed fractions and decimals.
func FuzzSmallPaths(f *testing.F) {
	f.Add(int64(386102), int64(1000), 1, true)
	f.Add(int64(-5), int64(10), 0, false)
	f.Add(int64(math.MaxInt64), int64(3), -18, true)
	f.Add(int64(1), int64(math.MaxInt64), 18, false)
	f.Fuzz(func(t *testing.T, n, d int64, decimals int, group bool) {
		if d == 0 || decimals < -40 || decimals > 40 {
			return
		}
		v := new(big.Rat).SetFrac64(n, d)
		if v.Sign() != 0 && Magnitude(v) != magnitudeBig(v) {
			t.Fatalf("Magnitude(%s) = %d, want %d", v.RatString(), Magnitude(v), magnitudeBig(v))
		}
		if got, want := Round(v, decimals), roundBig(v, decimals); got.Cmp(want) != 0 {
			t.Fatalf("Round(%s, %d) = %s, want %s", v.RatString(), decimals, got.RatString(), want.RatString())
		}
		for _, st := range []Style{{}, {Group: " ", Decimal: ","}, {LeadingDot: true}} {
			if got, want := Format(v, decimals, st, group), formatBig(v, decimals, st, group); got != want {
				t.Fatalf("Format(%s, %d, %+v, %v) = %q, want %q", v.RatString(), decimals, st, group, got, want)
			}
		}
	})
}
