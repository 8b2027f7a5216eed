package judge

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// judgeBoth judges a pair on the fast path (Judge) and on the exact path
// alone, asserts the two Results are the same, and returns it. The tests
// judge through it, so every table also holds the paths together.
func judgeBoth(t testing.TB, p Pair, opts Options) Result {
	t.Helper()
	got := Judge(p, opts)
	assertSameResult(t, judgeWith(p, opts, true), got, "%s (%s)", p.A.Text, p.B.Text)
	return got
}

// assertSameResult asserts two Results are equal field by field (the exact
// values by value, RelErr to the bit).
func assertSameResult(t testing.TB, want, got Result, msgAndArgs ...any) bool {
	t.Helper()
	ok := assert.Equal(t, want.Verdict.String(), got.Verdict.String(), msgAndArgs...) &&
		assert.Equal(t, want.Cause, got.Cause, msgAndArgs...) &&
		assert.Equal(t, ratStrings(want.Exact()), ratStrings(got.Exact()), msgAndArgs...) &&
		assert.Equal(t, unitID(want.Unit), unitID(got.Unit), msgAndArgs...) &&
		assert.Equal(t, want.Change, got.Change, msgAndArgs...) &&
		assert.Equal(t, math.Float64bits(want.RelErr()), math.Float64bits(got.RelErr()), msgAndArgs...) &&
		assert.Equal(t, want.Explanation, got.Explanation, msgAndArgs...) &&
		assert.Equal(t, want.Fix, got.Fix, msgAndArgs...) &&
		assert.Equal(t, want.FixText, got.FixText, msgAndArgs...)
	return ok
}

// ratStrings writes rationals exactly.
func ratStrings(xs []*big.Rat) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.RatString()
	}
	return out
}

// unitID returns u's ID, or "" for nil.
func unitID(u *units.Unit) string {
	if u == nil {
		return ""
	}
	return u.ID
}

// randPair draws a pair of any two units of the catalogue: mostly of one
// dimension (temperature readings also against changes), at times of two;
// A random with 1–4 figures, B its exact conversion scaled by a factor that
// is often 1 and written with random figures, at times negative or a range;
// random hedges, cues and generic families as Alt. ok is false when the
// draw makes no pair.
func randPair(t testing.TB, r *rand.Rand, cat *units.Catalogue) (Pair, bool) {
	us := cat.Units()
	ua := us[r.IntN(len(us))]
	var ub *units.Unit
	switch {
	case r.IntN(20) == 0:
		ub = us[r.IntN(len(us))]
	case ua.Dim == units.Temperature && r.IntN(3) == 0:
		ub = cat.Change(cat.Unit([]string{"degC", "degF", "K"}[r.IntN(3)]))
	default:
		var same []*units.Unit
		for _, u := range us {
			if u.Dim == ua.Dim {
				same = append(same, u)
			}
		}
		ub = same[r.IntN(len(same))]
	}
	minExp, maxExp := -2, 6
	if ua.Dim == units.Temperature {
		minExp, maxExp = 0, 2
	}
	aTexts := []string{randNumber(r, minExp, maxExp)}
	if ua.Dim == units.Temperature && r.IntN(4) == 0 {
		aTexts[0] = "-" + aTexts[0]
	}
	if r.IntN(5) == 0 && !strings.HasPrefix(aTexts[0], "-") {
		hi, _ := new(big.Rat).SetString(strings.ReplaceAll(aTexts[0], ",", ""))
		hi.Mul(hi, big.NewRat(int64(11+r.IntN(30)), 10))
		aTexts = append(aTexts, writeLikeCopy(hi, 1+r.IntN(3)))
	}
	factors := []float64{1, 1, 1, 1, 1.01, 0.99, 1.04, 0.96, 1.12, 0.88, 0.62, 1.61, 10, 0.001, 2.3, -1}
	var bTexts []string
	for _, at := range aTexts {
		av, _ := new(big.Rat).SetString(strings.ReplaceAll(at, ",", ""))
		from, to := ua, ub
		switch {
		case ua.Dim == units.Temperature && ub.Dim == units.TemperatureChange:
			from = cat.Change(ua)
		case !compatible(ua, ub):
			from = ub
		}
		c, err := units.Convert(av, from, to)
		if err != nil || c.Sign() == 0 {
			return Pair{}, false
		}
		c.Mul(c, new(big.Rat).SetFloat64(factors[r.IntN(len(factors))]))
		bt := writeLikeCopy(c, 1+r.IntN(4))
		if strings.Trim(bt, "-0.,") == "" || (len(aTexts) > 1 && strings.HasPrefix(bt, "-")) {
			return Pair{}, false
		}
		bTexts = append(bTexts, bt)
	}
	hedges := []Hedge{HedgeNone, HedgeNone, HedgeNone, HedgeApprox, HedgeLower, HedgeUpper}
	a := op(t, cat, strings.Join(aTexts, "–"), ua.ID, hedged(hedges[r.IntN(len(hedges))]), spelled(ua.Symbol))
	b := op(t, cat, strings.Join(bTexts, "–"), ub.ID, spelled(ub.Symbol))
	if r.IntN(10) == 0 {
		b.Hedge = hedges[r.IntN(len(hedges))]
	}
	if r.IntN(4) == 0 {
		for _, fam := range []string{"gallon", "ton", "mpg", "pint", "floz"} {
			members := cat.Family(fam)
			if memberOf(ua, members) {
				a.Alt = members
			}
			if memberOf(ub, members) {
				b.Alt = members
			}
		}
	}
	p, _ := pairOf(a, b, TempCue(r.IntN(4)))
	return p, true
}

// TestFastPathIsExact holds the float64 path of Judge to the exact path on
// random pairs of every unit of the catalogue, in every profile: the same
// Result, field by field. (The tables of the other tests judge through
// judgeBoth, the corpus through TestFastPathCorpus.)
func TestFastPathIsExact(t *testing.T) {
	cat := testCat()
	n := 100_000
	if testing.Short() || raceEnabled {
		n = 5_000
	}
	r := rand.New(rand.NewPCG(3, 4))
	judged, fallbacks := 0, 0
	for i := 0; judged < n; i++ {
		p, ok := randPair(t, r, cat)
		if !ok {
			continue
		}
		judged++
		opts := Options{Tolerance: Tolerance(i % 3), Catalogue: cat}
		var j judgement
		if !j.init(p, opts) || !j.canFast() {
			continue // Judge takes the exact path itself
		}
		got, decided := j.runFast()
		if !decided {
			fallbacks++
			continue // Judge falls back to the exact path
		}
		if !assertSameResult(t, judgeWith(p, opts, true), got, "#%d %s (%s) [%d]", i, p.A.Text, p.B.Text, opts.Tolerance) {
			return
		}
	}
	t.Logf("%d pairs, %d judged exactly after an undecided comparison", judged, fallbacks)
	assert.Less(t, fallbacks, n/200, "the fast path decides almost every pair")
}

// TestFastPathEdges holds the fast path to the exact one where the float64
// decision is closest to a threshold: exact ties of the guard, the floor,
// a rounding step and half a degree, zero readings, and values that are not
// decimals (which the fast path leaves to the exact one).
func TestFastPathEdges(t *testing.T) {
	cat := testCat()
	cases := []struct {
		a, b         string
		ua, ub       string
		cue          TempCue
		wantFallback bool // Judge needs the exact path
	}{
		// exact ties the exact test decides where they arise
		{"100", "212", "degC", "degF", TempReading, false},               // c = 100 exactly (reverse): a power of ten
		{"10", "18.09", "degC_change", "degF_change", TempChange, false}, // |b − c| exactly at the 0.5 % floor
		{"800", "760", "m", "m", TempUnknown, false},                     // |b − c| exactly the 5 % guard
		{"5", "9.5", "degC_change", "degF_change", TempChange, false},    // within 0.5° exactly
		{"35", "100", "degC", "degF", TempReading, false},                // b exactly half a step of 10 from c (rule of thumb)
		{"1", "1.005", "m", "m", TempUnknown, false},                     // exactly the floor
		{"32", "0", "degF", "degC", TempReading, false},                  // c is exactly 0
		{"10", "18.9", "degC_change", "degF_change", TempChange, false},  // |b − c| exactly 5 % of c
		// a tie that sends the pair to the exact path
		{"0", "37", "degC", "degF", TempReading, true}, // 5 °F off exactly: the WARNING line
		// decided on the fast path
		{"20", "18.9", "degC_change", "degF_change", TempChange, false},
		{"1,000", "386", "km2", "mi2", TempUnknown, false},
	}
	for _, c := range cases {
		t.Run(c.a+" "+c.ua+" ("+c.b+" "+c.ub+")", func(t *testing.T) {
			p, _ := pairOf(op(t, cat, c.a, c.ua), op(t, cat, c.b, c.ub), c.cue)
			for _, tol := range []Tolerance{Standard, Strict, Lenient} {
				opts := Options{Tolerance: tol, Catalogue: cat}
				var j judgement
				require.True(t, j.init(p, opts))
				require.True(t, j.canFast())
				_, decided := j.runFast()
				if tol == Standard {
					assert.Equal(t, !c.wantFallback, decided, "decided on the fast path")
				}
				judgeBoth(t, p, opts)
			}
		})
	}
	t.Run("a third is no decimal: exact path only", func(t *testing.T) {
		a := op(t, cat, "1", "ft")
		a.Amounts[0] = numeral.Exact(big.NewRat(4, 3), big.NewRat(1, 3))
		p, _ := pairOf(a, op(t, cat, "0.41", "m"), TempUnknown)
		var j judgement
		require.True(t, j.init(p, Options{Catalogue: cat}))
		assert.False(t, j.canFast())
		r := judgeBoth(t, p, Options{Catalogue: cat})
		assert.Equal(t, OK, r.Verdict, r.Explanation)
	})
}

// TestRoundsCloseIsExact holds roundsClose's float64 decision to the exact
// test, on random decimals and on values at the edges: ties, and roundings
// exactly 1.9 % off.
func TestRoundsCloseIsExact(t *testing.T) {
	exact := func(v *big.Rat, d int) bool {
		return relWithin(numeral.Round(v, d), v, fixMaxRelErr.rat())
	}
	vals := []*big.Rat{
		big.NewRat(105, 100), big.NewRat(-105, 100), big.NewRat(115, 100), big.NewRat(25, 1),
		big.NewRat(1019, 1000), big.NewRat(1, 3), big.NewRat(2, 3), big.NewRat(10190, 10000),
		big.NewRat(5263, 100), // 52.63: rounds to 50 by 5.0 %, to 53 by 0.7 %
		big.NewRat(1, 1_000_000_000_000), big.NewRat(123456789012345678, 1),
	}
	// values 1.9 % away from a rounding: r·(1 ± 19/1000) and r/(1 ± 19/1000)
	for _, r := range []int64{1, 2, 5, 10, 40, 100} {
		for _, f := range []*big.Rat{big.NewRat(1019, 1000), big.NewRat(981, 1000), big.NewRat(1000, 1019), big.NewRat(1000, 981)} {
			vals = append(vals, mul(big.NewRat(r, 1), f))
		}
	}
	rng := rand.New(rand.NewPCG(5, 7))
	for range 3000 {
		vals = append(vals, big.NewRat(rng.Int64N(2_000_000)-1_000_000, int64(math.Pow10(rng.IntN(7)))))
	}
	for _, v := range vals {
		if v.Sign() == 0 {
			continue
		}
		for d := -8; d <= 8; d++ {
			assert.Equal(t, exact(v, d), roundsClose(v, d), "%s to %d decimals", v.RatString(), d)
		}
	}
}
