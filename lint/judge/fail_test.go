package judge

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

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
