package judge

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestQuickPassIsExact holds quickPass to the exact path on random pairs of
// every unit of the catalogue, in every profile: where it certifies a pass,
// the exact judgement is that pass, field by field. It must also certify a
// good share of them (the corpus and the tables hold it through Judge; see
// judgeBoth and TestFastPathCorpus).
func TestQuickPassIsExact(t *testing.T) {
	cat := testCat()
	n := 40_000
	if testing.Short() || raceEnabled {
		n = 4_000
	}
	r := rand.New(rand.NewPCG(11, 12))
	judged, quick, passed, viaAlt := 0, 0, 0, 0
	for i := 0; judged < n; i++ {
		p, ok := randPair(t, r, cat)
		if !ok {
			continue
		}
		judged++
		tol := Tolerance(i % 3)
		opts := Options{Tolerance: tol, Catalogue: cat}
		want := judgeWith(p, opts, true)
		if want.Verdict == OK && want.from != nil {
			passed++
		}
		got, ok := quickPass(&p, profileFor(tol), cat)
		if !ok {
			continue
		}
		quick++
		if got.Unit != p.B.Unit || got.from != p.A.Unit {
			viaAlt++
		}
		if !assertSameResult(t, want, got, "#%d %s (%s) [%d]", i, p.A.Text, p.B.Text, tol) ||
			!assert.Equal(t, want.from, got.from) || !assert.Equal(t, want.src, got.src) || !assert.Equal(t, want.b, got.b) {
			return
		}
	}
	t.Logf("%d pairs, %d pass, %d certified by quickPass, %d of them under alternative units", judged, passed, quick, viaAlt)
	assert.Greater(t, quick, passed/3, "quickPass certifies a good share of the passing pairs")
	assert.Greater(t, viaAlt, quick/100, "and some under alternative units")
}

// TestQuickPassEdges: quickPass leaves to the full judgement the pairs it
// cannot certify (ties at the floor, the guard and half a step, the strict
// profile, a change's half degree, zeros, a range without a common step) and
// certifies the plain ones.
func TestQuickPassEdges(t *testing.T) {
	cat := testCat()
	cases := []struct {
		a, b   string
		ua, ub string
		cue    TempCue
		tol    Tolerance
		quick  bool
	}{
		{"1,000", "386", "km2", "mi2", TempUnknown, Standard, true},  // by the floor
		{"100", "62", "km", "mi", TempUnknown, Standard, true},       // by T1 (62.14)
		{"21", "70", "degC", "degF", TempUnknown, Standard, true},    // a reading by T1 (69.8)
		{"-40", "-40", "degC", "degF", TempReading, Standard, true},  // a reading by the floor
		{"0", "32", "degC", "degF", TempReading, Standard, true},     // a zero reading
		{"5-10", "3-6", "km", "mi", TempUnknown, Standard, true},     // a range by T1 with one step
		{"5-10", "3-6.5", "km", "mi", TempUnknown, Standard, false},  // no common step
		{"5-10", "3.1-6.2", "km", "mi", TempUnknown, Standard, true}, // a range within the floor
		{"1", "1.005", "m", "m", TempUnknown, Standard, false},       // exactly the floor
		{"800", "760", "m", "m", TempUnknown, Standard, false},       // exactly the 5 % guard
		{"35", "100", "degC", "degF", TempReading, Standard, false},  // exactly half a step
		{"100", "62", "km", "mi", TempUnknown, Strict, false},        // strict: pass may add INFO
		{"100", "62", "km", "mi", TempUnknown, Lenient, true},        // lenient
		{"10", "18", "degC", "degF", TempChange, Standard, true},     // a change comes first
		{"10", "18", "degC_change", "degF_change", TempUnknown, Standard, true},
		{"2", "4.05", "degC", "degF", TempChange, Standard, false},     // within half a degree only
		{"0", "0", "km", "mi", TempUnknown, Standard, false},           // zeros are not judged
		{"100", "45", "km", "mi", TempUnknown, Standard, false},        // fails
		{"1,000", "3,861", "km2", "mi2", TempUnknown, Standard, false}, // a slip
	}
	for _, c := range cases {
		p, _ := pairOf(op(t, cat, c.a, c.ua), op(t, cat, c.b, c.ub), c.cue)
		opts := Options{Tolerance: c.tol, Catalogue: cat}
		got, ok := quickPass(&p, profileFor(c.tol), cat)
		assert.Equal(t, c.quick, ok, "%s %s (%s %s) [%d]", c.a, c.ua, c.b, c.ub, c.tol)
		if ok {
			assertSameResult(t, judgeWith(p, opts, true), got, "%s (%s)", c.a, c.b)
		}
		judgeBoth(t, p, opts)
	}
}

// TestQuickPassAlt: a pair that passes only under an alternative unit is
// certified when one alternative certainly passes and the others certainly
// fail.
func TestQuickPassAlt(t *testing.T) {
	cat := testCat()
	cases := []struct {
		a, b   string
		ua, ub string
		altA   []string
		altB   []string
		quick  bool
		unit   string
	}{
		{"2,500,000", "550,000", "L", "gal_us", nil, []string{"gal_us", "gal_imp"}, true, "gal_imp"},
		{"2,500,000", "660,000", "L", "gal_us", nil, []string{"gal_us", "gal_imp"}, true, "gal_us"}, // passes as written
		{"100", "22", "L", "gal_us", nil, []string{"gal_us", "gal_imp"}, true, "gal_imp"},
		{"100", "40", "L", "gal_us", nil, []string{"gal_us", "gal_imp"}, false, ""},      // fails under both
		{"100", "24", "L", "gal_us", nil, []string{"gal_us", "gal_imp"}, false, ""},      // between the two: a guard passes
		{"10", "9", "t", "ton_short", nil, []string{"ton_short", "ton_long"}, false, ""}, // the long ton within the guard
	}
	for _, c := range cases {
		a, b := op(t, cat, c.a, c.ua), op(t, cat, c.b, c.ub, alt(cat, c.altB...))
		if c.altA != nil {
			a = op(t, cat, c.a, c.ua, alt(cat, c.altA...))
		}
		p, _ := pairOf(a, b, TempUnknown)
		opts := Options{Catalogue: cat}
		got, ok := quickPass(&p, profileFor(Standard), cat)
		assert.Equal(t, c.quick, ok, "%s %s (%s %s)", c.a, c.ua, c.b, c.ub)
		if ok {
			assert.Equal(t, c.unit, unitID(got.Unit))
			assertSameResult(t, judgeWith(p, opts, true), got, "%s (%s)", c.a, c.b)
		}
		judgeBoth(t, p, opts)
	}
}

// TestQuickPassAllocates nothing.
func TestQuickPassAllocates(t *testing.T) {
	cat := testCat()
	p, _ := pairOf(op(t, cat, "100", "km"), op(t, cat, "62", "mi"), TempUnknown)
	opts := Options{Catalogue: cat}
	assert.Zero(t, testing.AllocsPerRun(100, func() { Judge(p, opts) }))
}

// TestQuickLevelOfIsExact holds quickLevelOf, which a fix's re-check and the
// typo diagnosis use on the fast path, to the full evaluation on random
// pairs with B as written and rounded or scaled: clean only where the
// evaluation is clean, failing only where it is not.
func TestQuickLevelOfIsExact(t *testing.T) {
	cat := testCat()
	n := 30_000
	if testing.Short() || raceEnabled {
		n = 3_000
	}
	r := rand.New(rand.NewPCG(31, 32))
	counts := map[quickOutcome]int{}
	for i := 0; counts[quickClean]+counts[quickFails]+counts[quickUnknown] < n; i++ {
		p, ok := randPair(t, r, cat)
		if !ok {
			continue
		}
		var j judgement
		if !j.init(p, Options{Tolerance: Tolerance(i % 3), Catalogue: cat}) {
			continue
		}
		ms := j.models(p.A.Unit, p.B.Unit, false)
		for _, m := range ms.list() {
			j.fast = true
			got := j.quickLevelOf(m, p.B.Amounts)
			j.fast = false
			counts[got]++
			ev, ok := j.evaluate(m)
			clean := ok && ev.lvl == levelClean
			switch got {
			case quickClean:
				if !assert.True(t, clean, "#%d %s (%s): certified clean", i, p.A.Text, p.B.Text) {
					return
				}
			case quickFails:
				if !assert.False(t, clean, "#%d %s (%s): certified failing", i, p.A.Text, p.B.Text) {
					return
				}
			}
		}
	}
	t.Logf("outcomes: %v", counts)
	assert.Greater(t, counts[quickClean], n/10)
	assert.Greater(t, counts[quickFails], n/10)
}
