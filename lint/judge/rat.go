package judge

import (
	"math"
	"math/big"

	"github.com/unitlint/unitlint/lint/numeral"
)

// Small helpers on *big.Rat. None of them modifies its arguments.

// ratio returns n/d (d > 0) as a new rational, reduced in int64
// arithmetic (numeral.Ratio) rather than by big.Rat's GCD.
func ratio(n, d int64) *big.Rat { return numeral.Ratio(n, d) }

// add returns x+y.
func add(x, y *big.Rat) *big.Rat { return new(big.Rat).Add(x, y) }

// sub returns x-y.
func sub(x, y *big.Rat) *big.Rat { return new(big.Rat).Sub(x, y) }

// mul returns x*y.
func mul(x, y *big.Rat) *big.Rat { return new(big.Rat).Mul(x, y) }

// quo returns x/y; y must not be zero.
func quo(x, y *big.Rat) *big.Rat { return new(big.Rat).Quo(x, y) }

// half returns x/2.
func half(x *big.Rat) *big.Rat { return mul(x, ratio(1, 2)) }

// abs returns |x|.
func abs(x *big.Rat) *big.Rat { return new(big.Rat).Abs(x) }

// dist returns |x-y|.
func dist(x, y *big.Rat) *big.Rat { return abs(sub(x, y)) }

// minRat returns the smaller of x and y.
func minRat(x, y *big.Rat) *big.Rat {
	if x.Cmp(y) <= 0 {
		return x
	}
	return y
}

// maxRat returns the larger of x and y.
func maxRat(x, y *big.Rat) *big.Rat {
	if x.Cmp(y) >= 0 {
		return x
	}
	return y
}

// pow10 returns 10^n.
func pow10(n int) *big.Rat {
	if -len(pow10Int) < n && n < len(pow10Int) {
		if n >= 0 {
			return big.NewRat(pow10Int[n], 1)
		}
		return big.NewRat(1, pow10Int[-n])
	}
	return numeral.Pow10(n)
}

// pow10Int holds the powers of ten an int64 holds.
var pow10Int = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// mag returns floor(log10|x|) (0 for x = 0): numeral.Magnitude for a
// small fraction; otherwise from x's float64 when that is clearly inside a
// decade, exactly when not.
func mag(x *big.Rat) int {
	if _, _, ok := fraction64(x); ok {
		return numeral.Magnitude(x) // exact in integers, without allocating
	}
	f, _ := x.Float64()
	f = math.Abs(f)
	if f > 1e-290 && f < 1e290 {
		l := int(math.Floor(math.Log10(f)))
		if p := math.Pow10(l); f > p*(1+1e-9) && f < p*10*(1-1e-9) {
			return l
		}
	}
	return numeral.Magnitude(x)
}

// isInt reports whether x is an integer.
func isInt(x *big.Rat) bool { return x.IsInt() }

// within reports whether |x-y| <= tol.
func within(x, y, tol *big.Rat) bool { return dist(x, y).Cmp(tol) <= 0 }

// relWithin reports whether |x-y| <= frac·|y|.
func relWithin(x, y, frac *big.Rat) bool { return within(x, y, mul(frac, abs(y))) }

// float returns x as a float64 (for display and the relative error only):
// the nearest, as big.Rat.Float64 gives it, which for a numerator and
// denominator float64 holds exactly one division gives without allocating.
func float(x *big.Rat) float64 {
	if n, d, ok := fraction64(x); ok {
		return float64(n) / float64(d)
	}
	f, _ := x.Float64()
	return f
}

// isPow10 reports whether |x| is an integer power of ten and returns the exponent.
func isPow10(x *big.Rat) (int, bool) {
	if x == nil || x.Sign() == 0 {
		return 0, false
	}
	e := mag(x)
	return e, abs(x).Cmp(pow10(e)) == 0
}

// root returns an approximation of x^(p/q) for x > 0 accurate to far better
// than the tolerances it is used with (hypotheses of §4.5 are fitted to 3 %).
func root(x *big.Rat, p, q int) *big.Rat {
	if x.Sign() <= 0 {
		return new(big.Rat)
	}
	const prec = 256
	xf := new(big.Float).SetPrec(prec).SetRat(x)
	// Newton's method for y = x^(1/q), started from the float64 estimate.
	f, _ := x.Float64()
	start := math.Pow(f, 1/float64(q))
	if math.IsInf(start, 0) || math.IsNaN(start) || start == 0 {
		start = 1
	}
	y := new(big.Float).SetPrec(prec).SetFloat64(start)
	qf := new(big.Float).SetPrec(prec).SetInt64(int64(q))
	qm1 := new(big.Float).SetPrec(prec).SetInt64(int64(q - 1))
	for range 60 {
		// y = ((q-1)·y + x / y^(q-1)) / q
		yp := new(big.Float).SetPrec(prec).SetInt64(1)
		for range q - 1 {
			yp.Mul(yp, y)
		}
		t := new(big.Float).SetPrec(prec).Quo(xf, yp)
		n := new(big.Float).SetPrec(prec).Mul(qm1, y)
		n.Add(n, t)
		n.Quo(n, qf)
		y = n
	}
	r, _ := y.Rat(nil)
	out := big.NewRat(1, 1)
	for range p {
		out.Mul(out, r)
	}
	return out
}
