// Package numeral reads numbers as news copy writes them ("1,000",
// "12 500", "0.75", ".31") together with the precision and the style they are
// written in, and writes numbers back in a given style.
package numeral

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"
)

// Style records how a number was written, so that a replacement can be
// written the same way.
type Style struct {
	// Group is the thousands separator as written: ",", " ", "\u00a0",
	// "\u2009", "\u202f", or "" when the number has none.
	Group string
	// Decimal is the decimal mark: "." (default when empty) or ",".
	Decimal string
	// LeadingDot: written without a leading zero (".31").
	LeadingDot bool
}

// Number is a digit string as written.
type Number struct {
	Value         *big.Rat // exact value of the digits
	Decimals      int      // digits written after the decimal mark
	TrailingZeros int      // trailing zeros of an integer written without a decimal mark
	Sig           int      // significant figures shown (trailing zeros of such an integer not counted)
	Style         Style
}

// Amount is a written quantity's number with the precision it shows, scale
// word applied: "2.5 million" has Value 2,500,000, Fine 100,000, Coarse
// 100,000 and Sig 2. See PRECISION.md §4.1.
type Amount struct {
	Value  *big.Rat // exact value written
	Fine   *big.Rat // place value of the last written digit (read-only: may be shared)
	Coarse *big.Rat // Fine × 10^trailing zeros of an integer written without a point (read-only: may be shared)
	Sig    int      // significant figures shown
}

// ErrSyntax is returned by Parse for text that is not a number.
var ErrSyntax = errors.New("numeral: not a number")

// Locale says which characters group thousands and mark decimals.
type Locale uint8

// Number locales.
const (
	// English: "1,000.5"; spaces (ASCII, no-break, thin) also group.
	English Locale = iota
	// European: "1.000,5" or "1 000,5".
	European
)

// isGroupSpace reports whether r is a space copy uses to group thousands.
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u2009' || r == '\u202f'
}

// Parse reads a number written with digits in English style. It accepts
// grouped thousands ("1,000", "12 500" with an ASCII, no-break, thin or
// narrow no-break space), a decimal point and a leading point (".5").
// Grouping must be regular: groups after the first have three digits.
func Parse(s string) (Number, error) {
	return ParseLocale(s, English)
}

// ParseLocale is Parse for a given locale.
func ParseLocale(s string, loc Locale) (Number, error) {
	return parseLocale(s, loc, nil)
}

// ParseLocale is the package's ParseLocale with the number's value cut
// from the arena.
func (a *Arena) ParseLocale(s string, loc Locale) (Number, error) {
	return parseLocale(s, loc, a)
}

// parseLocale is ParseLocale taking the value from arena (nil: allocated).
func parseLocale(s string, loc Locale, arena *Arena) (Number, error) {
	decMark, groupMark := '.', ','
	if loc == European {
		decMark, groupMark = ',', '.'
	}
	var (
		buf       [24]byte
		digits    = buf[:0] // integer then fraction digits, marks dropped
		intLen    int       // integer digits
		st        Style
		seenDec   bool
		groupLen  = -1 // digits since the last group separator; -1 before any separator
		runLen    = 0  // digits in the current run
		groupRune rune // the group separator seen, 0 before any
	)
	if s == "" {
		return Number{}, ErrSyntax
	}
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
			if !seenDec {
				intLen++
				runLen++
			}
		case r == decMark && !seenDec:
			if groupLen >= 0 && runLen != 3 {
				return Number{}, ErrSyntax
			}
			if intLen == 0 {
				if i != 0 {
					return Number{}, ErrSyntax
				}
				st.LeadingDot = true
			}
			seenDec = true
		case !seenDec && (r == groupMark || isGroupSpace(r)):
			if groupRune != 0 && groupRune != r {
				return Number{}, ErrSyntax
			}
			if groupLen < 0 {
				if runLen < 1 || runLen > 3 {
					return Number{}, ErrSyntax
				}
			} else if runLen != 3 {
				return Number{}, ErrSyntax
			}
			groupRune = r
			groupLen = 0
			runLen = 0
		default:
			return Number{}, ErrSyntax
		}
	}
	if groupLen >= 0 && !seenDec && runLen != 3 {
		return Number{}, ErrSyntax
	}
	fracLen := len(digits) - intLen
	if len(digits) == 0 || (seenDec && fracLen == 0) {
		return Number{}, ErrSyntax
	}
	if groupRune != 0 {
		st.Group = groupString(groupRune)
	}
	if loc == European {
		st.Decimal = ","
	}
	n := Number{Decimals: fracLen, Style: st}
	if len(digits) <= maxInt64Digits {
		var m int64
		for _, d := range digits {
			m = m*10 + int64(d-'0')
		}
		n.Value = decimalRat(m, fracLen, arena)
	} else {
		v, ok := new(big.Rat).SetString(string(digits))
		if !ok {
			return Number{}, ErrSyntax
		}
		if fracLen > 0 {
			v.Quo(v, pow10(fracLen))
		}
		n.Value = v
	}
	trimmed := bytes.TrimLeft(digits, "0")
	if !seenDec {
		n.TrailingZeros = len(trimmed) - len(bytes.TrimRight(trimmed, "0"))
		n.Sig = len(trimmed) - n.TrailingZeros
	} else {
		n.Sig = len(trimmed)
	}
	return n, nil
}

// groupString returns a group separator rune as a string without
// allocating for the separators Parse accepts.
func groupString(r rune) string {
	switch r {
	case ',':
		return ","
	case '.':
		return "."
	case ' ':
		return " "
	case '\u00a0':
		return "\u00a0"
	case '\u2009':
		return "\u2009"
	case '\u202f':
		return "\u202f"
	}
	return string(r)
}

// maxInt64Digits is the most decimal digits that always fit in an int64.
const maxInt64Digits = 18

// smallPow10 holds 10^0 ... 10^18, the powers of ten that fit in an int64.
var smallPow10 = func() (t [maxInt64Digits + 1]int64) {
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 10
	}
	return t
}()

// decimalRat returns m / 10^decimals (0 ≤ decimals ≤ 18) as a new
// rational in lowest terms, from arena when it is not nil, reducing in
// int64 arithmetic so that no big-number GCD runs.
func decimalRat(m int64, decimals int, arena *Arena) *big.Rat {
	for decimals > 0 && m%10 == 0 {
		m /= 10
		decimals--
	}
	return arena.Frac(m, smallPow10[decimals])
}

// Ratio returns num/den as a new rational, like new(big.Rat).SetFrac64
// but reducing in int64 arithmetic: several times cheaper. It panics when
// den is not positive.
func Ratio(num, den int64) *big.Rat {
	if den <= 0 {
		panic("numeral: Ratio with a denominator ≤ 0")
	}
	return fracRat(num, den)
}

// fracRat returns num/den (den > 0) as a new rational in lowest terms.
func fracRat(num, den int64) *big.Rat {
	if num == 0 || den == 1 {
		return new(big.Rat).SetInt64(num)
	}
	num, den = lowestTerms(num, den)
	if den == 1 {
		return new(big.Rat).SetInt64(num)
	}
	// 1/den, then the numerator set through its reference: num and den
	// are coprime, so the result is normalized as big.Rat requires.
	r := new(big.Rat).SetInt64(den)
	r.Inv(r)
	r.Num().SetInt64(num)
	return r
}

// lowestTerms divides num and den (den > 0, num ≠ math.MinInt64) by their
// greatest common divisor.
func lowestTerms(num, den int64) (int64, int64) {
	a, b := num, den
	if a < 0 {
		a = -a
	}
	for b != 0 {
		a, b = b, a%b
	}
	return num / a, den / a
}

// Amount returns the number with a scale word applied (scale nil means 1).
// The Value is new; Fine and Coarse may be shared with other amounts and
// must be treated as read-only.
func (n Number) Amount(scale *big.Rat) Amount {
	n.Value = cloneRat(n.Value)
	return n.TakeAmount(scale)
}

// TakeAmount is Amount without the copy: the amount's Value is n.Value
// itself (scaled in place), so n's value must not be used after.
func (n Number) TakeAmount(scale *big.Rat) Amount {
	fine := sharedPow10(-n.Decimals)
	coarse := sharedPow10(n.TrailingZeros - n.Decimals)
	v := n.Value
	if scale != nil {
		if e, ok := powerOfTen(scale); ok {
			// "million", "bn", "k": the place values stay shared
			mulPow10(v, e)
			fine = sharedPow10(e - n.Decimals)
			coarse = sharedPow10(e + n.TrailingZeros - n.Decimals)
		} else {
			v.Mul(v, scale)
			fine = new(big.Rat).Mul(fine, scale)
			coarse = new(big.Rat).Mul(coarse, scale)
		}
	}
	return Amount{Value: v, Fine: fine, Coarse: coarse, Sig: n.Sig}
}

// mulPow10 multiplies v by 10^e (0 ≤ e ≤ 18) in place. When v's
// numerator and denominator and the product fit in an int64, it works in
// int64 arithmetic and writes the result into v's own words (a value cut
// from an Arena allocates nothing); otherwise it multiplies as big.Rat
// does, with a GCD and new words.
func mulPow10(v *big.Rat, e int) {
	num := v.Num() // a reference to v's numerator
	if a, den, ok := small(v); ok {
		hi, lo := bits.Mul64(uint64(abs64(a)), uint64(smallPow10[e])) //nolint:gosec // both not negative
		if hi == 0 && lo <= math.MaxInt64 {
			p := int64(lo)
			if a < 0 {
				p = -p
			}
			p, b := lowestTerms(p, den)
			num.SetInt64(p)
			if b != den {
				// the denominator only shrinks, so it was above 1 and
				// stored: Denom is a reference to it, set in place
				v.Denom().SetInt64(b)
			}
			return
		}
	}
	v.Mul(v, sharedPow10(e))
}

// powersOfTen holds 10^-18 ... 10^18, read-only: sharedPow10 hands them
// out so that most amounts allocate no place values.
var powersOfTen = func() (t [2*maxInt64Digits + 1]*big.Rat) {
	for i := range t {
		t[i] = pow10(i - maxInt64Digits)
	}
	return t
}()

// sharedPow10 returns 10^n, shared and read-only for |n| ≤ 18.
func sharedPow10(n int) *big.Rat {
	if n >= -maxInt64Digits && n <= maxInt64Digits {
		return powersOfTen[n+maxInt64Digits]
	}
	return pow10(n)
}

// powerOfTen returns e when r is 10^e for 0 ≤ e ≤ 18.
func powerOfTen(r *big.Rat) (int, bool) {
	if !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	v := r.Num().Int64()
	for e, p := range smallPow10 {
		if v == p {
			return e, true
		}
	}
	return 0, false
}

// cloneRat returns a new copy of x.
func cloneRat(x *big.Rat) *big.Rat {
	if x.IsInt() {
		return new(big.Rat).SetInt(x.Num())
	}
	return new(big.Rat).Set(x)
}

// Exact returns an Amount for a value written exactly, with the given place
// value of its last digit (spelled numbers: "two" is Exact(2, 1), "half a"
// is Exact(1/2, 1/2)).
func Exact(v, fine *big.Rat) Amount {
	// Fine and Coarse are read-only: one copy serves both
	return TakeExact(new(big.Rat).Set(v), new(big.Rat).Set(fine))
}

// TakeExact is Exact without the copies: the amount takes v as its own
// value and shares fine, read-only, as its place values.
func TakeExact(v, fine *big.Rat) Amount {
	return Amount{Value: v, Fine: fine, Coarse: fine, Sig: exactSig(v, fine)}
}

// exactSig returns the significant figures of v written to the place
// value fine: the digits of |v| / fine, at least one.
func exactSig(v, fine *big.Rat) int {
	sig := 1
	if v.Sign() == 0 || fine.Sign() == 0 {
		return sig
	}
	f, ok := smallQuotient(v, fine)
	if !ok {
		q := new(big.Rat).Quo(new(big.Rat).Abs(v), fine)
		f, _ = q.Float64()
	}
	for f >= 10 {
		sig++
		f /= 10
	}
	return sig
}

// smallQuotient returns |v| / fine as the nearest float64, like
// big.Rat.Float64 of the exact quotient, when the cross products are
// below 2^53: both are then exact floats, and one division rounds once.
func smallQuotient(v, fine *big.Rat) (float64, bool) {
	const limit = 1 << 53
	a, okA := oneWord(v.Num())
	b, okB := oneWord(v.Denom())
	c, okC := oneWord(fine.Num())
	d, okD := oneWord(fine.Denom())
	if !okA || !okB || !okC || !okD {
		return 0, false
	}
	hi1, num := bits.Mul64(a, d)
	hi2, den := bits.Mul64(b, c)
	if hi1 != 0 || hi2 != 0 || num >= limit || den >= limit {
		return 0, false
	}
	return float64(num) / float64(den), true
}

// oneWord returns |x| when it fits in one machine word.
func oneWord(x *big.Int) (uint64, bool) {
	switch w := x.Bits(); len(w) {
	case 0:
		return 0, true
	case 1:
		return uint64(w[0]), true
	}
	return 0, false
}

// pow10 returns 10^n as a new rational (n may be negative).
func pow10(n int) *big.Rat {
	switch {
	case n >= 0 && n <= maxInt64Digits:
		return new(big.Rat).SetInt64(smallPow10[n])
	case n < 0 && n >= -maxInt64Digits:
		return fracRat(1, smallPow10[-n])
	case n < 0:
		return new(big.Rat).Inv(pow10(-n))
	}
	return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil))
}

// Pow10 returns 10^n as a new rational (n may be negative).
func Pow10(n int) *big.Rat { return pow10(n) }

// Format writes v rounded to the given number of decimals (negative:
// rounded to tens, hundreds ...; half away from zero) in style st. A
// number of four or more integer digits is grouped with st.Group, or, when
// st.Group is empty and group is true, with "," (with "." when st.Decimal
// is ",": "1.400" in European copy).
func Format(v *big.Rat, decimals int, st Style, group bool) string {
	if n, d, ok := small(v); ok {
		if s, ok := formatSmall(n, d, decimals, st, group); ok {
			return s
		}
	}
	return formatBig(v, decimals, st, group)
}

// formatBig is Format in math/big arithmetic alone.
func formatBig(v *big.Rat, decimals int, st Style, group bool) string {
	r := roundBig(v, decimals)
	neg := r.Sign() < 0
	if neg {
		r.Neg(r)
	}
	intPart, frac, _ := strings.Cut(r.FloatString(max(decimals, 0)), ".")
	return string(appendFormatted(nil, neg, []byte(intPart), []byte(frac), st, group))
}

// appendFormatted appends to out the number with integer digits intPart
// and decimals frac (both of |v|, rounded) in style st, with a minus when
// neg (the rounded value is below zero): grouped, with the decimal mark
// and the leading zero as Format describes.
func appendFormatted(out []byte, neg bool, intPart, frac []byte, st Style, group bool) []byte {
	sep := st.Group
	if sep == "" && group {
		sep = ","
		if st.Decimal == "," {
			sep = "." // European copy: "," is the decimal mark
		}
	}
	if neg {
		out = append(out, '-')
	}
	switch {
	case len(frac) > 0 && st.LeadingDot && len(intPart) == 1 && intPart[0] == '0':
		// ".31": no integer digit
	case sep != "" && len(intPart) > 3:
		pre := len(intPart) % 3
		out = append(out, intPart[:pre]...)
		for i := pre; i < len(intPart); i += 3 {
			if i > 0 {
				out = append(out, sep...)
			}
			out = append(out, intPart[i:i+3]...)
		}
	default:
		out = append(out, intPart...)
	}
	if len(frac) > 0 {
		mark := st.Decimal
		if mark == "" {
			mark = "."
		}
		out = append(out, mark...)
		out = append(out, frac...)
	}
	return out
}

// Round rounds v to the given number of decimals (negative: to tens,
// hundreds ...), half away from zero, and returns a new rational.
func Round(v *big.Rat, decimals int) *big.Rat {
	if r, ok := roundRat(v, decimals); ok {
		return r
	}
	return roundBig(v, decimals)
}

// roundBig is Round in math/big arithmetic alone.
func roundBig(v *big.Rat, decimals int) *big.Rat {
	scale := pow10(decimals)
	x := new(big.Rat).Mul(v, scale)
	num := new(big.Int).Set(x.Num())
	den := x.Denom()
	neg := num.Sign() < 0
	if neg {
		num.Neg(num)
	}
	// floor((2*num + den) / (2*den))
	q := new(big.Int).Mul(num, big.NewInt(2))
	q.Add(q, den)
	q.Quo(q, new(big.Int).Mul(den, big.NewInt(2)))
	if neg {
		q.Neg(q)
	}
	res := new(big.Rat).SetInt(q)
	return res.Quo(res, scale)
}

// Magnitude returns floor(log10(|v|)) for v != 0, exactly.
func Magnitude(v *big.Rat) int {
	if n, d, ok := small(v); ok {
		if n == 0 {
			return 0
		}
		if e, ok := magnitudeSmall(n, d); ok {
			return e
		}
	}
	return magnitudeBig(v)
}

// magnitudeBig is Magnitude in math/big arithmetic alone.
func magnitudeBig(v *big.Rat) int {
	a := new(big.Rat).Abs(v)
	if a.Sign() == 0 {
		return 0
	}
	f, _ := a.Float64()
	var e int
	if f > 0 && !math.IsInf(f, 1) {
		e = int(floorLog10(f))
	} else {
		// beyond float64's range ("1" followed by 400 digits): estimate
		// from the bit lengths, log10(2) = 0.30103; the loops below
		// correct the estimate by a step or two
		e = (a.Num().BitLen() - a.Denom().BitLen()) * 30103 / 100000
	}
	// correct floating error at decade boundaries
	for a.Cmp(pow10(e)) < 0 {
		e--
	}
	for a.Cmp(pow10(e+1)) >= 0 {
		e++
	}
	return e
}

func floorLog10(f float64) float64 {
	e := 0.0
	for f >= 10 {
		f /= 10
		e++
	}
	for f < 1 {
		f *= 10
		e--
	}
	return e
}

// DecimalsForSig returns the decimals argument of Format that keeps sig
// significant figures of v.
func DecimalsForSig(v *big.Rat, sig int) int {
	return sig - 1 - Magnitude(v)
}

// Display writes v for a message: at least four significant figures, at
// most one decimal for values of 100 or more, grouped with commas, trailing
// zeros after the point dropped ("38,610.2" -> "38,610", 3.6 -> "3.6").
func Display(v *big.Rat) string {
	if v.Sign() == 0 {
		return "0"
	}
	d := DecimalsForSig(v, 4)
	if d < 0 {
		d = 0
	}
	if Magnitude(v) >= 2 && d > 1 {
		d = 1
	}
	s := Format(v, d, Style{}, true)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

// String implements fmt.Stringer for debugging.
func (a Amount) String() string {
	return fmt.Sprintf("%s (fine %s, coarse %s, %d s.f.)", a.Value.FloatString(4), a.Fine.FloatString(4), a.Coarse.FloatString(4), a.Sig)
}

// ValidRune reports whether r may appear in a number Parse accepts in some
// locale; the quantity scanner uses it to find a number's extent.
func ValidRune(r rune) bool {
	return (r >= '0' && r <= '9') || r == '.' || r == ',' || isGroupSpace(r)
}
