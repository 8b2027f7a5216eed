package judge

import (
	"math/big"
)

// step is a rounding step m·10^k with m ∈ {1, 2, 2.5, 5} (PRECISION.md §4.2),
// m given by its index in stepMantissas. Each step has one representation,
// so steps compare with ==, and in value as (k, m) pairs.
type step struct {
	m int
	k int
}

// stepMantissas are the m of a step.
var stepMantissas = [...]float64{1, 2, 2.5, 5}

// rat returns the step's exact value.
func (s step) rat() *big.Rat {
	num, den := [...]int64{1, 2, 5, 5}[s.m], [...]int64{1, 1, 2, 1}[s.m]
	return mul(ratio(num, den), pow10(s.k))
}

// approx returns the step's float64 shadow.
func (s step) approx() approx {
	p := pow10Approx(s.k)
	return result(stepMantissas[s.m]*p.v, stepMantissas[s.m]*p.e)
}

// dec returns the step as a decimal.
func (s step) dec() dec {
	k := s.k
	switch s.m {
	case 1:
		return dec{2, k}
	case 2:
		return dec{25, k - 1}
	case 3:
		return dec{5, k}
	}
	return dec{1, k}
}

// less reports whether s is smaller than t.
func (s step) less(t step) bool { return s.k < t.k || (s.k == t.k && s.m < t.m) }

// exceeds reports whether the step is larger than 10^e.
func (s step) exceeds(e int) bool {
	return s.k > e || (s.k == e && s.m > 0)
}

// stepSet is the admissible rounding steps of a written number y
// (PRECISION.md §4.2): s = m·10^k with fine(y) ≤ s ≤ 10^capExp and y an
// integer multiple of s. Every test of a step compares |y − c| or the like
// with s/2 or s, so it holds for a step when it holds for a smaller one: the
// steps that pass a test are all those from the smallest that does.
type stepSet struct {
	y      *amount
	capExp int
}

// admits reports whether s is in the set, exactly (in integers when y is a
// decimal).
func (ss stepSet) admits(s step) bool {
	if s.exceeds(ss.capExp) {
		return false
	}
	y := ss.y
	if y.fast {
		// s = m·10^k has magnitude k: s ≥ fine(y) is decided by the
		// magnitudes unless they are the same
		if s.k < y.fineMag || (s.k == y.fineMag && cmpDec(s.dec(), y.fine) < 0) {
			return false
		}
		return multipleOf(y.val, s)
	}
	v := s.rat()
	return v.Cmp(y.Fine) >= 0 && isInt(quo(y.Value, v))
}

// minK returns the smallest exponent a step of the set can have: a step
// m·10^k (1 ≤ m < 10) has magnitude k, and is no finer than fine(y).
func (ss stepSet) minK() int {
	if ss.y.fast {
		return ss.y.fineMag
	}
	return mag(ss.y.Fine)
}

// largest returns the largest step of the set; ok is false when it is empty.
func (ss stepSet) largest() (step, bool) {
	for k := ss.capExp; k >= ss.minK(); k-- {
		for m := len(stepMantissas) - 1; m >= 0; m-- {
			if s := (step{m, k}); ss.admits(s) {
				return s, true
			}
		}
	}
	return step{}, false
}

// each calls fn with the steps of the set from the smallest up until fn
// returns false.
func (ss stepSet) each(fn func(step) bool) {
	for k := ss.minK(); k <= ss.capExp; k++ {
		for m := range stepMantissas {
			if s := (step{m, k}); ss.admits(s) && !fn(s) {
				return
			}
		}
	}
}

// multipleOf reports whether y is an integer multiple of s. With y = n·10^q
// (n no multiple of ten) and r = q − k: 10^k divides y when r ≥ 0; 2·10^k
// and 5·10^k when r ≥ 1, or r = 0 and 2 (5) divides n; 2.5·10^k when r ≥ 1,
// r = 0 and 5 divides n, or r = −1 and 25 divides n.
func multipleOf(y dec, s step) bool {
	if y.n == 0 {
		return true
	}
	r := y.q - s.k
	switch s.m {
	case 1:
		return r >= 1 || (r == 0 && y.n%2 == 0)
	case 2:
		return r >= 1 || (r == 0 && y.n%5 == 0) || (r == -1 && y.n%25 == 0)
	case 3:
		return r >= 1 || (r == 0 && y.n%5 == 0)
	}
	return r >= 0
}
