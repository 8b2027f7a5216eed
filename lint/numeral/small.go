package numeral

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// Rounding, magnitudes and formatting of rationals whose numerator and
// denominator fit an int64 (every value copy writes, and nearly every
// conversion of one), in 64- and 128-bit integer arithmetic: exact, like
// the math/big code they stand in for (Round, Magnitude, Format), which
// the values that do not fit still take. TestSmallPathsMatchBig holds the
// two together.

// small returns v as n/d (d > 0, not necessarily in lowest terms — a
// big.Rat always is) when both fit an int64 and n is not math.MinInt64.
func small(v *big.Rat) (n, d int64, ok bool) {
	num := v.Num()
	if !num.IsInt64() {
		return 0, 0, false
	}
	n, d = num.Int64(), 1
	if !v.IsInt() {
		den := v.Denom() // a reference: v is no integer
		if !den.IsInt64() {
			return 0, 0, false
		}
		d = den.Int64()
	}
	return n, d, n != math.MinInt64
}

// roundSmall returns |n/d|·10^decimals rounded half away from zero (the
// rounded value is that times 10^-decimals), for d > 0 and |decimals| ≤
// 18; ok is false when an intermediate or the result does not fit.
func roundSmall(n, d int64, decimals int) (q uint64, ok bool) {
	if decimals < -maxInt64Digits || decimals > maxInt64Digits {
		return 0, false
	}
	a, den := uint64(abs64(n)), uint64(d) //nolint:gosec // both ≥ 0
	// q = floor((2x + den) / (2den)) for x/den the scaled value
	var hi, lo uint64
	if decimals >= 0 {
		hi, lo = bits.Mul64(a, uint64(smallPow10[decimals])) //nolint:gosec // positive
	} else {
		dh, dl := bits.Mul64(den, uint64(smallPow10[-decimals])) //nolint:gosec // positive
		if dh != 0 {
			return 0, false
		}
		den, lo = dl, a
	}
	if den >= 1<<63 || hi >= 1<<62 {
		return 0, false
	}
	// 2x + den, in 128 bits
	hi, lo = hi<<1|lo>>63, lo<<1
	var carry uint64
	lo, carry = bits.Add64(lo, den, 0)
	hi += carry
	if hi >= 2*den {
		return 0, false // the quotient does not fit 64 bits
	}
	q, _ = bits.Div64(hi, lo, 2*den)
	return q, q <= math.MaxInt64
}

// magnitudeSmall returns floor(log10(|n|/d)) for n ≠ 0, d > 0, when it
// lies within ±18; ok is false otherwise.
func magnitudeSmall(n, d int64) (int, bool) {
	a, den := uint64(abs64(n)), uint64(d) //nolint:gosec // both ≥ 0
	e := int(math.Floor(math.Log10(float64(a) / float64(den))))
	// correct the estimate: 10^e ≤ a/den < 10^(e+1)
	for range 3 {
		lo, okLo := cmpPow10(a, den, e)
		if !okLo {
			return 0, false
		}
		if lo < 0 {
			e--
			continue
		}
		hi, okHi := cmpPow10(a, den, e+1)
		if !okHi {
			return 0, false
		}
		if hi >= 0 {
			e++
			continue
		}
		return e, true
	}
	return 0, false
}

// cmpPow10 compares a/den with 10^e (|e| ≤ 18) exactly: −1, 0 or 1.
func cmpPow10(a, den uint64, e int) (int, bool) {
	if e < -maxInt64Digits || e > maxInt64Digits {
		return 0, false
	}
	// a vs den·10^e, or a·10^-e vs den
	var xh, xl, yh, yl uint64
	if e >= 0 {
		xl = a
		yh, yl = bits.Mul64(den, uint64(smallPow10[e])) //nolint:gosec // positive
	} else {
		xh, xl = bits.Mul64(a, uint64(smallPow10[-e])) //nolint:gosec // positive
		yl = den
	}
	if xh != yh {
		return cmpUint(xh, yh), true
	}
	return cmpUint(xl, yl), true
}

// cmpUint compares x and y: −1, 0 or 1.
func cmpUint(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// formatSmall is Format for v = n/d: ok is false when the rounding does
// not fit (see roundSmall).
func formatSmall(n, d int64, decimals int, st Style, group bool) (string, bool) {
	q, ok := roundSmall(n, d, decimals)
	if !ok {
		return "", false
	}
	// the digits of the rounded value with max(decimals, 0) decimals: at
	// least one before the point, the zeros of a negative decimals after
	var qbuf [20]byte
	qs := strconv.AppendUint(qbuf[:0], q, 10)
	var dbuf [64]byte
	ds := dbuf[:0]
	frac := max(decimals, 0)
	for range frac + 1 - len(qs) {
		ds = append(ds, '0')
	}
	ds = append(ds, qs...)
	if decimals < 0 && q != 0 {
		for range -decimals {
			ds = append(ds, '0')
		}
	}
	var buf [96]byte
	out := appendFormatted(buf[:0], n < 0 && q != 0, ds[:len(ds)-frac], ds[len(ds)-frac:], st, group)
	return string(out), true
}

// roundRat is Round for a v that small reads, when the rounding fits
// roundSmall and the rounded value an int64 fraction.
func roundRat(v *big.Rat, decimals int) (*big.Rat, bool) {
	n, d, ok := small(v)
	if !ok {
		return nil, false
	}
	q, ok := roundSmall(n, d, decimals)
	if !ok {
		return nil, false
	}
	r := int64(q) //nolint:gosec // roundSmall returns q ≤ math.MaxInt64
	if n < 0 {
		r = -r
	}
	if decimals >= 0 {
		return fracRat(r, smallPow10[decimals]), true
	}
	hi, lo := bits.Mul64(q, uint64(smallPow10[-decimals])) //nolint:gosec // positive
	if hi != 0 || lo > math.MaxInt64 {
		return nil, false
	}
	r = int64(lo)
	if n < 0 {
		r = -r
	}
	return new(big.Rat).SetInt64(r), true
}
