package judge

import (
	"cmp"
	"math"
	"math/big"
)

// The fast path's arithmetic (see judgeWith). Every decision of the
// judgement is a comparison of rationals; the fast path makes it in float64
// on values that carry a bound on their rounding error, and a comparison
// whose two sides are closer than their error bounds is undecided: the
// judgement then starts again in exact arithmetic. So the fast path decides
// exactly as the exact path does, only sooner; only the values a Result
// shows (Exact, RelErr, fix and explanation) are computed exactly.

// approx is a real number known to lie within e of v.
type approx struct{ v, e float64 }

// roundoff bounds the relative rounding error of one float64 operation: twice
// the unit roundoff, for safety.
const roundoff = 0x1p-52

// tiny is an absolute error added where a result may have underflowed.
const tiny = 0x1p-1000

// undecided is the panic value of a comparison the fast path cannot decide;
// (*judgement).runFast recovers it.
type undecided struct{}

// result returns v with the error bound e plus v's own rounding error.
func result(v, e float64) approx {
	a := math.Abs(v)
	e += a * roundoff
	if a < tiny {
		e += tiny
	}
	return approx{v, e}
}

func (x approx) add(y approx) approx { return result(x.v+y.v, x.e+y.e) }

func (x approx) sub(y approx) approx { return result(x.v-y.v, x.e+y.e) }

func (x approx) mul(y approx) approx {
	return result(x.v*y.v, math.Abs(x.v)*y.e+math.Abs(y.v)*x.e+x.e*y.e)
}

// div returns x/y; it panics with undecided when y may be zero.
func (x approx) div(y approx) approx {
	q, ok := x.divOK(y)
	if !ok {
		panic(undecided{})
	}
	return q
}

// divOK returns x/y, or ok false when y may be zero.
func (x approx) divOK(y approx) (approx, bool) {
	den := math.Abs(y.v) - y.e
	if !(den > 0) {
		return approx{}, false
	}
	v := x.v / y.v
	return result(v, (x.e+math.Abs(v)*y.e)/den), true
}

// half returns x/2 (exact in float64).
func (x approx) half() approx { return approx{x.v / 2, x.e / 2} }

func (x approx) abs() approx { return approx{math.Abs(x.v), x.e} }

func (x approx) neg() approx { return approx{-x.v, x.e} }

// signOK returns the sign of x (−1, 0 or 1), or ok false when the error
// bound straddles zero (or x is not finite).
func (x approx) signOK() (sign int, ok bool) {
	m := x.e * (1 + 0x1p-20)
	switch {
	case !(math.Abs(x.v) <= math.MaxFloat64 && m <= math.MaxFloat64):
		return 0, false
	case x.v > m:
		return 1, true
	case x.v < -m:
		return -1, true
	case x.v == 0 && x.e == 0:
		return 0, true
	}
	return 0, false
}

// sign returns the sign of x; it panics with undecided when it is unknown.
func (x approx) sign() int {
	s, ok := x.signOK()
	if !ok {
		panic(undecided{})
	}
	return s
}

// cmpOK compares x and y (−1, 0, 1), or returns ok false when it cannot tell.
func cmpOK(x, y approx) (int, bool) { return x.sub(y).signOK() }

// le reports whether x ≤ y; it panics with undecided when it cannot tell.
func le(x, y approx) bool { return x.sub(y).sign() <= 0 }

// lt reports whether x < y; it panics with undecided when it cannot tell.
func lt(x, y approx) bool { return x.sub(y).sign() < 0 }

// hullMax returns an approx of max(x, y) that holds whichever is larger.
func hullMax(x, y approx) approx {
	lo := math.Max(x.v-x.e, y.v-y.e)
	hi := math.Max(x.v+x.e, y.v+y.e)
	return result(lo/2+hi/2, (hi-lo)/2)
}

// maxSafe is the largest integer every smaller one of which float64 holds exactly.
const maxSafe = 1 << 53

// ratApprox returns the float64 shadow of x.
func ratApprox(x *big.Rat) approx {
	if n, d, ok := fraction64(x); ok {
		// both exact in float64: the quotient is rounded once
		if d == 1 {
			return approx{float64(n), 0}
		}
		return result(float64(n)/float64(d), 0)
	}
	f, _ := x.Float64()
	r := result(f, 0)
	if f == 0 && x.Sign() != 0 {
		r.e = tiny
	}
	return r
}

// pow10s holds the powers of ten float64 represents exactly.
var pow10s = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// pow10Approx returns 10^k.
func pow10Approx(k int) approx {
	switch {
	case 0 <= k && k < len(pow10s):
		return approx{pow10s[k], 0}
	case -len(pow10s) < k && k < 0:
		return result(1/pow10s[-k], 0)
	}
	return result(math.Pow10(k), math.Abs(math.Pow10(k))*4*roundoff)
}

// magOK returns floor(log10|x|) (0 for x = 0, like numeral.Magnitude), or
// ok false when x may lie on either side of a power of ten.
func magOK(x approx) (int, bool) {
	s, ok := x.signOK()
	if !ok {
		return 0, false
	}
	if s == 0 {
		return 0, true
	}
	a := x.abs()
	l := int(math.Floor(math.Log10(a.v)))
	for _, k := range [...]int{l, l - 1, l + 1} {
		lo, okLo := cmpOK(pow10Approx(k), a)
		hi, okHi := cmpOK(a, pow10Approx(k+1))
		if !okLo || !okHi {
			return 0, false
		}
		if lo <= 0 && hi < 0 {
			return k, true
		}
	}
	return 0, false
}

// floorLog10Of returns floor(math.Log10(z) + off) for the float64 z nearest
// to the value x stands for, as the exact path computes it from that value;
// ok is false when values within x's bound give different answers.
func floorLog10Of(x approx, off float64) (int, bool) {
	lo, hi := x.v-x.e*(1+0x1p-20), x.v+x.e*(1+0x1p-20)
	lo -= math.Abs(lo) * roundoff
	hi += math.Abs(hi) * roundoff
	if !(lo > 0) || math.IsInf(hi, 0) {
		return 0, false
	}
	const slack = 1e-10 // far above math.Log10's own error
	a := math.Floor(math.Log10(lo) + off - slack)
	b := math.Floor(math.Log10(hi) + off + slack)
	return int(a), a == b
}

// dec is the exact decimal n·10^q; n is a multiple of ten only when zero.
type dec struct {
	n int64
	q int
}

// pow10Dec returns 10^k.
func pow10Dec(k int) dec { return dec{1, k} }

// newDec returns n·10^q in normal form.
func newDec(n int64, q int) dec {
	if n == 0 {
		return dec{}
	}
	for n%10 == 0 {
		n /= 10
		q++
	}
	return dec{n, q}
}

// ratDec returns x as a decimal whose digits float64 holds exactly; ok is
// false when x is no such decimal.
func ratDec(x *big.Rat) (dec, bool) {
	num := x.Num()
	if !num.IsInt64() {
		return dec{}, false
	}
	n, q := num.Int64(), 0
	if !x.IsInt() {
		den := x.Denom()
		if !den.IsInt64() {
			return dec{}, false
		}
		// den = 2^twos · 5^fives, and n/den = n·mult / 10^p
		d, twos, fives := den.Int64(), 0, 0
		for d%2 == 0 {
			d /= 2
			twos++
		}
		for d%5 == 0 {
			d /= 5
			fives++
		}
		p := max(twos, fives)
		if d != 1 || p > 18 {
			return dec{}, false
		}
		mult := int64(1)
		for range p - twos {
			mult *= 2
		}
		for range p - fives {
			mult *= 5
		}
		if absInt(n) > math.MaxInt64/mult {
			return dec{}, false
		}
		n, q = n*mult, -p
	}
	r := newDec(n, q)
	if absInt(r.n) > maxSafe || r.q > 300 || r.q < -300 {
		return dec{}, false
	}
	return r, true
}

func absInt(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// digits returns the number of decimal digits of n > 0.
func digits(n int64) int {
	d := 1
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}

// sign returns the sign of x.
func (x dec) sign() int {
	switch {
	case x.n > 0:
		return 1
	case x.n < 0:
		return -1
	}
	return 0
}

// mag returns floor(log10|x|) (0 for x = 0, like numeral.Magnitude).
func (x dec) mag() int {
	if x.n == 0 {
		return 0
	}
	return x.q + digits(absInt(x.n)) - 1
}

// approx returns x's float64 shadow.
func (x dec) approx() approx {
	switch {
	case x.n == 0:
		return approx{}
	case x.q == 0:
		return approx{float64(x.n), 0}
	case 0 < x.q && x.q < len(pow10s):
		return result(float64(x.n)*pow10s[x.q], 0)
	case -len(pow10s) < x.q && x.q < 0:
		return result(float64(x.n)/pow10s[-x.q], 0)
	}
	return approx{float64(x.n), 0}.mul(pow10Approx(x.q))
}

// cmpDec compares x and y exactly.
func cmpDec(x, y dec) int {
	sx, sy := x.sign(), y.sign()
	if sx != sy || sx == 0 {
		return cmp.Compare(sx, sy)
	}
	mx, my := x.mag(), y.mag()
	if mx != my {
		return sx * cmp.Compare(mx, my)
	}
	// Same magnitude: aligned to the smaller exponent both have the digits
	// of the one that has it, so neither overflows.
	q := min(x.q, y.q)
	a, b := absInt(x.n), absInt(y.n)
	for range x.q - q {
		a *= 10
	}
	for range y.q - q {
		b *= 10
	}
	return sx * cmp.Compare(a, b)
}

// minDec returns the smaller of x and y.
func minDec(x, y dec) dec {
	if cmpDec(x, y) <= 0 {
		return x
	}
	return y
}

// maxDec returns the larger of x and y.
func maxDec(x, y dec) dec {
	if cmpDec(x, y) >= 0 {
		return x
	}
	return y
}
