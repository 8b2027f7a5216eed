package judge

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// TestFailShortcuts holds the shortcuts of a failing pair's explanation to
// the computations they stand for, on the evaluations of random pairs:
// signKept (B with its sign turned round cannot pass) and relErrFloat (the
// float64 nearest to relErr).
func TestFailShortcuts(t *testing.T) {
	cat := testCat()
	n := 20_000
	if testing.Short() || raceEnabled {
		n = 2_000
	}
	r := rand.New(rand.NewPCG(21, 22))
	kept, evaluated := 0, 0
	for i := 0; evaluated < n; i++ {
		p, ok := randPair(t, r, cat)
		if !ok {
			continue
		}
		if r.IntN(3) == 0 { // B with the other sign, at times
			for k := range p.B.Amounts {
				a := p.B.Amounts[k]
				a.Value = new(big.Rat).Neg(a.Value)
				p.B.Amounts[k] = a
			}
		}
		var j judgement
		if !j.init(p, Options{Tolerance: Tolerance(i % 3), Catalogue: cat}) {
			continue
		}
		ms := j.models(p.A.Unit, p.B.Unit, false)
		for _, m := range ms.list() {
			ev, ok := j.evaluate(m)
			if !ok {
				continue
			}
			evaluated++
			if j.signKept(&ev) {
				kept++
				if !assert.Empty(t, j.flippedWords(&ev), "#%d %s (%s)", i, p.A.Text, p.B.Text) {
					return
				}
			}
			want := math.Abs(float(j.relErr(&ev)))
			if !assert.Equal(t, math.Float64bits(want), math.Float64bits(j.relErrFloat(&ev)), "#%d %s (%s)", i, p.A.Text, p.B.Text) {
				return
			}
		}
	}
	assert.Greater(t, kept, n/4, "signKept decides many")
}

// TestSiblingFamilies: each family siblingHypotheses tries exists under
// every house style, and all its members have the dimension
// siblingFamilies gives it (which siblingHypotheses relies on to skip it).
func TestSiblingFamilies(t *testing.T) {
	for _, g := range []units.Gallon{units.GallonUS, units.GallonImperial} {
		for _, tn := range []units.Ton{units.TonShort, units.TonLong, units.TonMetric} {
			cat := units.New(units.Style{Gallon: g, Ton: tn})
			for _, fam := range siblingFamilies {
				members := cat.Family(fam.name)
				assert.NotEmpty(t, members, fam.name)
				for _, u := range members {
					assert.Equal(t, fam.dim, u.Dim, "%s: %s", fam.name, u.ID)
				}
			}
		}
	}
}

// TestFloatAndMag holds float's, mag's and ratApprox's shortcuts for small
// fractions to big.Rat.Float64, to the exact floor(log10|x|) and to x
// (within the shadow's bound), on random fractions of every size (beyond
// 2^53 and int64 too) and powers of ten.
func TestFloatAndMag(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	var xs []*big.Rat
	for e := -20; e <= 20; e++ {
		p := pow10(e)
		xs = append(xs, p, new(big.Rat).Neg(p), add(p, ratio(1, 1_000_000_007)), sub(p, ratio(1, 1_000_000_007)))
	}
	// a random integer of up to 64 bits, at times shifted beyond them
	randInt := func() *big.Int {
		x := new(big.Int).SetUint64(r.Uint64() >> r.IntN(64))
		if r.IntN(4) == 0 {
			x.Lsh(x, uint(r.IntN(16)))
		}
		return x
	}
	for range 20_000 {
		num, den := randInt(), randInt()
		den.Add(den, big.NewInt(1))
		if r.IntN(2) == 0 {
			num.Neg(num)
		}
		xs = append(xs, new(big.Rat).SetFrac(num, den))
	}
	for _, x := range xs {
		want, _ := x.Float64()
		if !assert.Equal(t, math.Float64bits(want), math.Float64bits(float(x)), x.RatString()) {
			return
		}
		// ratApprox's shadow holds x within its bound
		a := ratApprox(x)
		v, bound := new(big.Rat).SetFloat64(a.v), new(big.Rat).SetFloat64(a.e)
		if !assert.True(t, dist(v, x).Cmp(bound) <= 0, "ratApprox(%s) = %v ± %v", x.RatString(), a.v, a.e) {
			return
		}
		if x.Sign() == 0 {
			continue
		}
		e := 0 // exact floor(log10|x|): 10^e ≤ |x| < 10^(e+1)
		for abs(x).Cmp(numeral.Pow10(e)) < 0 {
			e--
		}
		for abs(x).Cmp(numeral.Pow10(e+1)) >= 0 {
			e++
		}
		if !assert.Equal(t, e, mag(x), x.RatString()) {
			return
		}
	}
}
