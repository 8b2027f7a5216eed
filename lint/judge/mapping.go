package judge

import (
	"math"
	"math/big"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// mapping converts a value into another unit, or into what a mistaken
// writer would have computed: Convert(x, from, to) when from is set, then
// times mul (or times mulN/mulD when mulD is set, or times
// Convert(1, rootFrom, rootTo)^(rootP/rootQ) when rootQ is set), plus add,
// times 10^slip. It computes exactly (exact) and in
// float64 (approxAt).
type mapping struct {
	from, to *units.Unit
	mul, add *big.Rat
	// mulN, mulD: a factor held as a small fraction (mulD > 0), so that a
	// hypothesis that never reaches the exact path builds no big.Rat for it.
	mulN, mulD int64
	// rootFrom, rootTo, rootP, rootQ: the length factor of an area or a
	// volume (PRECISION.md §4.5), computed on its first exact use (root).
	rootFrom, rootTo *units.Unit
	rootP, rootQ     int
	rootMemo         *rootMemo
	slip             int
	// shadows caches the float64 shadows of the units' factors and offsets
	// (when hasShadows).
	shadows    unitShadows
	hasShadows bool
	// rootShadow caches rootApprox (when hasRoot): a probe applies the
	// mapping three times, and each would convert and take the root again.
	rootShadow approx
	hasRoot    bool
}

// unitShadows are the float64 shadows of a conversion's constants.
type unitShadows struct {
	fromFactor, fromOffset, toFactor, toOffset approx
}

// rootMemo holds a root factor once computed; copies of a mapping share it.
type rootMemo struct{ v *big.Rat }

// convertMapping returns the mapping x -> Convert(x, from, to).
func convertMapping(from, to *units.Unit) mapping { return mapping{from: from, to: to} }

// exact applies g exactly; x is not modified.
func (g *mapping) exact(x *big.Rat) (*big.Rat, error) {
	v := x
	if g.from != nil {
		var err error
		if v, err = convertExact(x, g.from, g.to); err != nil {
			return nil, err
		}
	}
	switch {
	case g.rootQ != 0:
		v = mul(v, g.rootExact())
	case g.mul != nil:
		v = mul(v, g.mul)
	case g.mulD != 0:
		v = mul(v, ratio(g.mulN, g.mulD))
	}
	if g.add != nil {
		v = add(v, g.add)
	}
	if g.slip != 0 {
		v = mul(v, pow10(g.slip))
	}
	if v == x {
		v = new(big.Rat).Set(x)
	}
	return v, nil
}

// fracApprox returns the float64 shadow of n/d (d > 0, |n|, d ≤ 2^53), the
// same as ratApprox(ratio(n, d)): the quotient of the reduced fraction is
// that of n/d, both rounded once from the same real number.
func fracApprox(n, d int64) approx {
	if n%d == 0 {
		return approx{float64(n / d), 0}
	}
	return result(float64(n)/float64(d), 0)
}

// rootExact returns the root factor, computing it once.
func (g *mapping) rootExact() *big.Rat {
	if g.rootMemo == nil {
		g.rootMemo = new(rootMemo)
	}
	if g.rootMemo.v == nil {
		f, err := units.Convert(big.NewRat(1, 1), g.rootFrom, g.rootTo)
		if err != nil {
			f = new(big.Rat)
		}
		g.rootMemo.v = root(f, g.rootP, g.rootQ)
	}
	return g.rootMemo.v
}

// approxAt applies g in float64.
func (g *mapping) approxAt(x approx) (approx, error) {
	v := x
	if g.from != nil {
		if !g.hasShadows {
			g.shadows, g.hasShadows = shadowsOf(g.from, g.to), true
		}
		var err error
		if v, err = convertShadows(x, g.from, g.to, &g.shadows); err != nil {
			return approx{}, err
		}
	}
	switch {
	case g.rootQ != 0:
		if !g.hasRoot {
			g.rootShadow, g.hasRoot = g.rootApprox(), true
		}
		v = v.mul(g.rootShadow)
	case g.mul != nil:
		v = v.mul(ratApprox(g.mul))
	case g.mulD != 0:
		v = v.mul(fracApprox(g.mulN, g.mulD))
	}
	if g.add != nil {
		v = v.add(ratApprox(g.add))
	}
	if g.slip != 0 {
		v = v.mul(pow10Approx(g.slip))
	}
	return v, nil
}

// rootApprox returns the root factor in float64, with a bound that holds
// both the true root and root's close approximation of it.
func (g *mapping) rootApprox() approx {
	f, err := convertApprox(approx{1, 0}, g.rootFrom, g.rootTo)
	if err != nil || f.sign() <= 0 {
		panic(undecided{})
	}
	var r float64
	switch g.rootQ {
	case 2:
		r = math.Sqrt(f.v)
	case 3:
		r = math.Cbrt(f.v)
	default:
		r = math.Pow(f.v, 1/float64(g.rootQ))
	}
	rel := f.e/f.v/float64(g.rootQ) + 8*roundoff
	out := approx{1, 0}
	for range g.rootP {
		out = out.mul(approx{r, r * rel})
	}
	return out
}

// convertExact is units.Convert, in int64 arithmetic when a linear
// conversion's numbers fit (the common case, several times faster).
func convertExact(x *big.Rat, from, to *units.Unit) (*big.Rat, error) {
	if from.Dim == to.Dim && !from.Inverse && !to.Inverse && from.Offset == nil && to.Offset == nil {
		// x·Ff/Ft = (xn·fn·td) / (xd·fd·tn)
		xn, xd, okX := fraction64(x)
		fn, fd, okF := fraction64(from.Factor)
		tn, td, okT := fraction64(to.Factor)
		if okX && okF && okT && fn > 0 && tn > 0 {
			if n, d, ok := reduceProduct([3]int64{absInt(xn), fn, td}, [3]int64{xd, fd, tn}); ok {
				if xn < 0 {
					n = -n
				}
				if d == 1 {
					return new(big.Rat).SetInt64(n), nil // no gcd to find
				}
				return numeral.Ratio(n, d), nil
			}
		}
		if from.Factor.Sign() > 0 && to.Factor.Sign() > 0 {
			return convertLinear(x, from.Factor, to.Factor), nil
		}
	}
	return units.Convert(x, from, to)
}

// convertLinear returns x·ff/ft (ff, ft > 0) with big.Int products and a
// single reduction to lowest terms, where units.Convert reduces twice.
func convertLinear(x, ff, ft *big.Rat) *big.Rat {
	var n, d big.Int
	n.Mul(x.Num(), ff.Num())
	n.Mul(&n, ft.Denom())
	d.Mul(x.Denom(), ff.Denom())
	d.Mul(&d, ft.Num())
	return new(big.Rat).SetFrac(&n, &d)
}

// reduceProduct returns the product of nums over the product of dens (all
// positive) in lowest terms, when both fit in an int64.
func reduceProduct(nums, dens [3]int64) (n, d int64, ok bool) {
	for i := range nums {
		for k := range dens {
			if nums[i] == 1 || dens[k] == 1 {
				continue
			}
			if g := gcd64(nums[i], dens[k]); g > 1 {
				nums[i] /= g
				dens[k] /= g
			}
		}
	}
	n, okN := product64(nums)
	d, okD := product64(dens)
	return n, d, okN && okD
}

// product64 multiplies xs ≥ 0 when the product fits in an int64.
func product64(xs [3]int64) (int64, bool) {
	p := int64(1)
	for _, x := range xs {
		if x != 0 && p > math.MaxInt64/x {
			return 0, false
		}
		p *= x
	}
	return p, true
}

// gcd64 is the greatest common divisor of a, b > 0.
func gcd64(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// shadowsOf returns the float64 shadows of from's and to's constants.
func shadowsOf(from, to *units.Unit) unitShadows {
	sh := unitShadows{fromFactor: ratApprox(from.Factor), toFactor: ratApprox(to.Factor)}
	if from.Offset != nil {
		sh.fromOffset = ratApprox(from.Offset)
	}
	if to.Offset != nil {
		sh.toOffset = ratApprox(to.Offset)
	}
	return sh
}

// convertApprox is units.Convert in float64.
func convertApprox(x approx, from, to *units.Unit) (approx, error) {
	sh := shadowsOf(from, to)
	return convertShadows(x, from, to, &sh)
}

// convertShadows is convertApprox with the units' shadows at hand.
func convertShadows(x approx, from, to *units.Unit, sh *unitShadows) (approx, error) {
	if from.Dim != to.Dim {
		return approx{}, units.ErrDimension
	}
	var b approx
	if from.Inverse {
		if x.sign() == 0 {
			return approx{}, units.ErrDivisionByZero
		}
		b = sh.fromFactor.div(x)
	} else {
		b = x.mul(sh.fromFactor)
		if from.Offset != nil {
			b = b.add(sh.fromOffset)
		}
	}
	if to.Inverse {
		if b.sign() == 0 {
			return approx{}, units.ErrDivisionByZero
		}
		return sh.toFactor.div(b), nil
	}
	if to.Offset != nil {
		b = b.sub(sh.toOffset)
	}
	return b.div(sh.toFactor), nil
}

// amount is a written amount and, when it is a decimal, its exact decimal
// form and float64 shadow for the fast path.
type amount struct {
	numeral.Amount
	fast              bool // the fields below are set
	val, fine, coarse dec
	fineMag           int    // fine.mag()
	v                 approx // val's shadow
}

// newAmount wraps a valid amount (see validAmount).
func newAmount(a numeral.Amount) amount {
	x := amount{Amount: a}
	var okV, okF, okC bool
	x.val, okV = ratDec(a.Value)
	x.fine, okF = ratDec(a.Fine)
	x.coarse, okC = ratDec(a.Coarse)
	x.fast = okV && okF && okC
	if x.fast {
		x.v = x.val.approx()
		x.fineMag = x.fine.mag()
	}
	return x
}

// appendAmounts appends valid amounts, wrapped, to out.
func appendAmounts(out []amount, as []numeral.Amount) []amount {
	for _, a := range as {
		out = append(out, newAmount(a))
	}
	return out
}

// sourceWidthDec is sourceWidth in decimals.
func sourceWidthDec(x *amount) dec {
	u := maxDec(x.fine, minDec(x.coarse, pow10Dec(x.val.mag()-1)))
	return minDec(u, dec{absInt(x.val.n), x.val.q - 1})
}
