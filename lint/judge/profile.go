package judge

import "math/big"

// frac is a constant fraction num/den.
type frac struct{ num, den int64 }

// rat returns the fraction as a new rational, so that no *big.Rat is shared
// between judgements.
func (f frac) rat() *big.Rat { return big.NewRat(f.num, f.den) }

// approx returns the fraction's float64 shadow.
func (f frac) approx() approx { return result(float64(f.num)/float64(f.den), 0) }

// profile holds the constants of one Tolerance (see the Tolerance doc).
type profile struct {
	guardOne  frac // guard when the tested number shows one significant figure
	guardMore frac // guard when it shows two or more
	floor     frac // materiality floor, relative to the exact value
	stackAll  bool // T3 on every pair, not only under a hedge or in a range
	strict    bool // report INFO findings
}

// The constants of PRECISION.md §4, validated against the corpus. They are
// functions so that no *big.Rat is shared between judgements.

// changeSlack returns the slack within which temperature changes pass the guard: 0.5°.
func changeSlack() *big.Rat { return ratio(1, 2) }

// diagFit is how close b must be to a diagnosis: within 3 % of its hypothesis.
var diagFit = frac{3, 100}

// warnLine is the line below which undiagnosed failures are WARNING: 30 %.
var warnLine = frac{30, 100}

// warnReading returns the line below which undiagnosed reading failures
// are WARNING: 5 °F, or 3 °C (and K).
func warnReading(fahrenheit bool) frac {
	if fahrenheit {
		return frac{5, 1}
	}
	return frac{3, 1}
}

// fixMaxRelErr is how far a fix may be off before it gains a figure: 1.9 %,
// so that fixes read like {{convert}}'s defaults ("3.9" for 3.861).
var fixMaxRelErr = frac{19, 1000}

// relEpsilon is the tolerance that makes ties inclusive: 1e-9 relative.
var relEpsilon = frac{1, 1_000_000_000}

// profileFor returns the constants of a Tolerance; unknown values are Standard.
func profileFor(t Tolerance) profile {
	p := profile{guardOne: frac{15, 100}, guardMore: frac{5, 100}, floor: frac{5, 1000}}
	switch t {
	case Strict:
		p.strict = true
	case Lenient:
		p.guardOne = frac{20, 100}
		p.guardMore = frac{7, 100}
		p.floor = frac{1, 100}
		p.stackAll = true
	}
	return p
}
