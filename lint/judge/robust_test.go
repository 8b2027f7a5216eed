package judge

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// randRat returns a random rational: zero, negative, tiny or huge at times.
func randRat(r *rand.Rand) *big.Rat {
	switch r.IntN(8) {
	case 0:
		return new(big.Rat)
	case 1:
		return big.NewRat(-r.Int64N(1000), 1+r.Int64N(10))
	case 2:
		return new(big.Rat).Mul(big.NewRat(1+r.Int64N(9), 1), numeral.Pow10(r.IntN(40)-20))
	}
	return big.NewRat(1+r.Int64N(100000), 1+r.Int64N(1000))
}

// randAmount returns an amount that may be inconsistent or incomplete.
func randAmount(r *rand.Rand) numeral.Amount {
	a := numeral.Amount{Value: randRat(r), Fine: randRat(r), Coarse: randRat(r), Sig: r.IntN(6) - 1}
	switch r.IntN(10) {
	case 0:
		a.Value = nil
	case 1:
		a.Fine = nil
	case 2:
		a.Coarse = nil
	case 3, 4, 5:
		a.Fine, a.Coarse = big.NewRat(1, 1), big.NewRat(10, 1)
	}
	return a
}

// randText returns a number text that may be garbage.
func randText(r *rand.Rand) NumberText {
	texts := []string{"", "12", "1,000", "1 000", ".5", "-4", "−4", "two", "3.50", "1,9", "x", "12,3,4"}
	nt := NumberText{Start: r.IntN(40) - 5, Text: texts[r.IntN(len(texts))]}
	nt.End = nt.Start + r.IntN(8) - 1
	if r.IntN(3) == 0 {
		nt.Scale = randRat(r)
	}
	if r.IntN(4) == 0 {
		nt.Style = numeral.Style{Group: " ", Decimal: ",", LeadingDot: r.IntN(2) == 0}
	}
	nt.Spelled = r.IntN(6) == 0
	return nt
}

// randOperand returns an arbitrary operand.
func randOperand(r *rand.Rand, us []*units.Unit) Operand {
	pick := func() *units.Unit {
		if r.IntN(12) == 0 {
			return nil
		}
		return us[r.IntN(len(us))]
	}
	o := Operand{Unit: pick(), Hedge: Hedge(r.IntN(5)), Text: []string{"", "12 km", "x (y)"}[r.IntN(3)]}
	for range r.IntN(3) + boolToInt(r.IntN(4) != 0) {
		o.Amounts = append(o.Amounts, randAmount(r))
	}
	for range r.IntN(3) {
		o.Numbers = append(o.Numbers, randText(r))
	}
	if r.IntN(4) == 0 {
		o.Major = pick()
	}
	for range r.IntN(3) {
		o.Alt = append(o.Alt, pick())
	}
	o.UnitStart, o.UnitEnd = r.IntN(30)-3, r.IntN(30)-3
	o.UnitText = []string{"", "km", "tons", "kilometres"}[r.IntN(4)]
	return o
}

func boolToInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestNoPanic judges many arbitrary, inconsistent pairs: Judge must not
// panic, and a result that is not OK has an explanation.
func TestNoPanic(t *testing.T) {
	cat := testCat()
	us := cat.Units()
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 6000 {
		p := Pair{A: randOperand(r, us), B: randOperand(r, us), Temp: TempCue(r.IntN(5))}
		var c *units.Catalogue
		if i%5 != 0 {
			c = cat
		}
		opts := Options{Tolerance: Tolerance(r.IntN(4)), Catalogue: c}
		var res Result
		assert.NotPanics(t, func() { res = judgeBoth(t, p, opts) }, "pair #%d %+v", i, p)
		if res.Verdict != OK {
			assert.NotEmpty(t, res.Explanation, "pair #%d", i)
		}
	}
}

// FuzzJudge feeds Judge numbers and units chosen by the fuzzer.
func FuzzJudge(f *testing.F) {
	f.Add("100,000", "453", uint8(12), uint8(18), uint8(0), uint8(0))
	f.Add("35", "95", uint8(60), uint8(61), uint8(1), uint8(2))
	f.Add("6", "11", uint8(4), uint8(0), uint8(2), uint8(1))
	f.Add("0", "0", uint8(1), uint8(2), uint8(3), uint8(3))
	cat := testCat()
	us := cat.Units()
	f.Fuzz(func(t *testing.T, a, b string, ua, ub, cue, tol uint8) {
		operand := func(s string, u uint8) (Operand, bool) {
			n, err := numeral.Parse(s)
			if err != nil {
				return Operand{}, false
			}
			return Operand{
				Amounts: []numeral.Amount{n.Amount(nil)}, Unit: us[int(u)%len(us)],
				Numbers: []NumberText{{Start: 0, End: len(s), Text: s, Style: n.Style}},
				Text:    s,
			}, true
		}
		oa, okA := operand(a, ua)
		ob, okB := operand(b, ub)
		if !okA || !okB {
			return
		}
		res := judgeBoth(t, Pair{A: oa, B: ob, Temp: TempCue(cue % 4)}, Options{Tolerance: Tolerance(tol % 3), Catalogue: cat})
		if res.Verdict != OK && res.Explanation == "" {
			t.Fatalf("verdict %s without an explanation", res.Verdict)
		}
	})
}
