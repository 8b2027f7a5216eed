package judge

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// genPair is a unit pair the property test draws from.
type genPair struct {
	a, b     string // unit IDs
	cue      TempCue
	compound [2]string // B's major and minor unit when B is compound
}

// genPairs covers every dimension, inverse units, temperature readings and
// changes, compounds, and units of different dimensions.
func genPairs() []genPair {
	return []genPair{
		{a: "km", b: "mi"}, {a: "mi", b: "km"}, {a: "m", b: "ft"}, {a: "ft", b: "m"}, {a: "in", b: "cm"},
		{a: "km2", b: "mi2"}, {a: "mi2", b: "km2"}, {a: "ha", b: "acre"}, {a: "m2", b: "ft2"},
		{a: "L", b: "gal_us"}, {a: "gal_imp", b: "L"}, {a: "m3", b: "ft3"}, {a: "bbl", b: "L"},
		{a: "kg", b: "lb"}, {a: "t", b: "ton_short"}, {a: "ton_long", b: "t"}, {a: "oz_troy", b: "g"},
		{a: "mph", b: "km/h"}, {a: "kn", b: "mph"}, {a: "m/s", b: "mph"},
		{a: "degC", b: "degF", cue: TempReading}, {a: "degF", b: "degC", cue: TempReading},
		{a: "degC", b: "degF", cue: TempChange}, {a: "degC", b: "degF"}, {a: "degF", b: "degC", cue: TempBoth},
		{a: "psi", b: "bar"}, {a: "hPa", b: "inHg"}, {a: "kW", b: "hp"}, {a: "kWh", b: "MJ"},
		{a: "mpg_us", b: "L/100km"}, {a: "L/100km", b: "mpg_imp"},
		{a: "per_km2", b: "per_mi2"}, {a: "Nm", b: "lb_ft"},
		{a: "mi2", b: "km"}, {a: "lb", b: "km"}, {a: "km", b: "mi2"}, {a: "m3", b: "ft2"},
		{a: "m", compound: [2]string{"ft", "in"}}, {a: "kg", compound: [2]string{"lb", "oz"}},
		{a: "kg", compound: [2]string{"st", "lb"}},
	}
}

// randNumber writes a random positive number with 1–4 significant figures
// and a random magnitude, its digit string as copy writes it.
func randNumber(r *rand.Rand, minExp, maxExp int) string {
	sig := 1 + r.IntN(4)
	mant := r.IntN(9*int(math.Pow10(sig-1))) + int(math.Pow10(sig-1))
	exp := minExp + r.IntN(maxExp-minExp+1)
	v := new(big.Rat).Mul(big.NewRat(int64(mant), 1), numeral.Pow10(exp-sig+1))
	d := max(0, sig-1-exp)
	return numeral.Format(v, d, numeral.Style{}, true)
}

// writeLikeCopy writes v with sig significant figures, grouped by ",".
func writeLikeCopy(v *big.Rat, sig int) string {
	d := numeral.DecimalsForSig(v, sig)
	s := numeral.Format(v, d, numeral.Style{}, true)
	if strings.HasPrefix(s, "-") && strings.Trim(s, "-0.,") == "" {
		return strings.TrimPrefix(s, "-")
	}
	return s
}

// compoundRe reads "6ft 9in".
var compoundRe = regexp.MustCompile(`^([\d,]+)([^\d,]+) (\d+(?:\.\d+)?)(\D+)$`)

// reparseB reads B's text after a fix: numbers (a "-" range), an optional
// scale word and a unit found with Catalogue.Match; or a compound.
func reparseB(t *testing.T, cat *units.Catalogue, old Operand, text string) Operand {
	t.Helper()
	if old.Major != nil {
		m := compoundRe.FindStringSubmatch(text)
		require.NotNil(t, m, "compound %q", text)
		return compound(t, cat, m[1], old.Major.ID, m[3], old.Unit.ID)
	}
	numPart, rest, ok := strings.Cut(text, " ")
	require.True(t, ok, "fix text %q", text)
	if w, r2, ok := strings.Cut(rest, " "); ok {
		if _, isScale := scaleWords[w]; isScale {
			numPart, rest = numPart+" "+w, r2
		}
	}
	ms := cat.Match([]byte(rest))
	require.NotEmpty(t, ms, "unit in %q", text)
	require.Equal(t, len(rest), ms[0].Len, "whole unit text %q", rest)
	u := ms[0].Spelling.Unit
	return op(t, cat, numPart, u.ID, spelled(rest))
}

// TestFixProperty: for many generated pairs (random values, unit pairs
// across dimensions, random written precisions, ranges, compounds, hedges),
// every pair that is not OK has a fix, and the fixed pair judged again is
// OK, in every profile; fixing twice changes nothing.
func TestFixProperty(t *testing.T) {
	cat := testCat()
	r := rand.New(rand.NewPCG(1, 2))
	pairs := genPairs()
	hedges := []Hedge{HedgeNone, HedgeNone, HedgeNone, HedgeApprox, HedgeLower, HedgeUpper}
	counts := map[Verdict]int{}
	n := 3000
	if testing.Short() {
		n = 600
	}
	for i := range n {
		g := pairs[r.IntN(len(pairs))]
		tol := []Tolerance{Standard, Strict, Lenient}[i%3]
		a, b, ok := genOperands(t, cat, r, g)
		if !ok {
			continue
		}
		a.Hedge = hedges[r.IntN(len(hedges))]
		p, doc := pairOf(a, b, g.cue)
		res := judgeBoth(t, p, Options{Tolerance: tol, Catalogue: cat})
		counts[res.Verdict]++
		desc := fmt.Sprintf("#%d %s [%d, cue %d, hedge %d]: %s %s", i, doc, tol, g.cue, a.Hedge, res.Verdict, res.Explanation)
		if res.Verdict == OK {
			assert.Empty(t, res.Fix, desc)
			continue
		}
		if !assert.NotEmpty(t, res.Fix, desc) {
			continue
		}
		fixedDoc := applyEdits(t, doc, res.Fix)
		assert.Equal(t, a.Text+" ("+res.FixText+")", fixedDoc, desc)
		b2 := reparseB(t, cat, b, res.FixText)
		p2, _ := pairOf(a, b2, g.cue)
		again := judgeBoth(t, p2, Options{Tolerance: tol, Catalogue: cat})
		if assert.Equal(t, OK.String(), again.Verdict.String(), "%s\n  fixed %q: %s", desc, res.FixText, again.Explanation) {
			assert.Empty(t, again.Fix)
		}
		if res.Cause != CauseWrongUnit && len(res.Exact()) == 1 && b.Major == nil && res.Exact()[0].Sign() != 0 {
			v := float(b2.Amounts[0].Value)
			assert.InDelta(t, 0, v/float(res.Exact()[0])-1, 0.02, "%s: fix %q within 2%%", desc, res.FixText)
		}
	}
	t.Logf("verdicts: %v", counts)
	// Every threshold scales with n, so that -short (600 pairs) and the full
	// run (3,000) check the same proportions.
	for _, v := range []Verdict{OK, Warning, Error} {
		assert.Greater(t, counts[v], n/20, "verdict %s is exercised", v)
	}
	assert.Greater(t, counts[Info], n/60, "info is exercised")
}

// genOperands draws A and B for a unit pair: A random, B its exact
// conversion scaled by a random factor (often 1) written with random
// figures; a quarter of simple pairs become ranges.
func genOperands(t *testing.T, cat *units.Catalogue, r *rand.Rand, g genPair) (Operand, Operand, bool) {
	ua := cat.Unit(g.a)
	require.NotNil(t, ua, g.a)
	minExp, maxExp := -1, 5
	if isTemperature(ua) {
		minExp, maxExp = 0, 2
	}
	aText := randNumber(r, minExp, maxExp)
	if isTemperature(ua) && r.IntN(4) == 0 {
		aText = "-" + aText
	}
	target := g.b
	if g.compound[0] != "" {
		target = g.compound[1]
	}
	ub := cat.Unit(target)
	require.NotNil(t, ub, target)
	isRange := g.compound[0] == "" && r.IntN(4) == 0 && !strings.HasPrefix(aText, "-")
	aTexts := []string{aText}
	if isRange {
		hi, _ := new(big.Rat).SetString(strings.ReplaceAll(aText, ",", ""))
		hi.Mul(hi, big.NewRat(int64(12+r.IntN(30)), 10))
		aTexts = append(aTexts, writeLikeCopy(hi, 1+r.IntN(3)))
	}
	conv := func(x *big.Rat) (*big.Rat, bool) {
		from, to := ua, ub
		if !compatible(ua, ub) {
			return x, true // another dimension: any number will do
		}
		if g.cue == TempChange && cat.Change(ua) != ua {
			from, to = cat.Change(ua), cat.Change(ub)
		}
		c, err := units.Convert(x, from, to)
		return c, err == nil && c.Sign() != 0
	}
	factors := []float64{1, 1, 1, 1.04, 0.96, 1.12, 0.88, 0.62, 1.61, 10, 0.001, 2.3}
	f := factors[r.IntN(len(factors))]
	var bTexts []string
	for _, at := range aTexts {
		av, _ := new(big.Rat).SetString(strings.ReplaceAll(at, ",", ""))
		c, ok := conv(av)
		if !ok {
			return Operand{}, Operand{}, false
		}
		fr := new(big.Rat)
		fr.SetFloat64(f)
		bTexts = append(bTexts, writeLikeCopy(mul(c, fr), 1+r.IntN(4)))
	}
	a := op(t, cat, strings.Join(aTexts, "-"), g.a)
	if g.compound[0] != "" {
		major := cat.Unit(g.compound[0])
		v, _ := new(big.Rat).SetString(strings.ReplaceAll(bTexts[0], ",", ""))
		if v.Sign() <= 0 {
			return Operand{}, Operand{}, false
		}
		per := quo(major.Factor, ub.Factor).Num().Int64()
		total := numeral.Round(v, 0).Num().Int64()
		return a, compound(t, cat, fmt.Sprint(total/per), major.ID, fmt.Sprint(total%per), ub.ID), true
	}
	for _, bt := range bTexts {
		if strings.HasPrefix(bt, "-") && len(bTexts) > 1 {
			return Operand{}, Operand{}, false
		}
	}
	return a, op(t, cat, strings.Join(bTexts, "-"), g.b), true
}
