package numeral

import (
	"math"
	"math/big"
)

// MulAdd returns x·k + y: the total of a value written in two units ("6ft
// 2in" is 6·12 + 2 inches). It is cut from the arena when every step fits
// in an int64, and a new rational otherwise.
func (a *Arena) MulAdd(x *big.Rat, k int64, y *big.Rat) *big.Rat {
	if num, den, ok := mulAdd64(x, k, y); ok {
		return a.Frac(num, den)
	}
	v := new(big.Rat).Mul(x, new(big.Rat).SetInt64(k))
	return v.Add(v, y)
}

// mulAdd64 returns x·k + y as a fraction num/den (den > 0, maybe not in
// lowest terms) when every step fits in an int64.
func mulAdd64(x *big.Rat, k int64, y *big.Rat) (num, den int64, ok bool) {
	a, b, okX := small(x)
	c, d, okY := small(y)
	if !okX || !okY {
		return 0, 0, false
	}
	// (a·k·d + c·b) / (b·d)
	akd, ok1 := mul64(a, k)
	akd, ok2 := mul64(akd, d)
	cb, ok3 := mul64(c, b)
	den, ok4 := mul64(b, d)
	num, ok5 := add64(akd, cb)
	return num, den, ok1 && ok2 && ok3 && ok4 && ok5
}

// add64 returns x+y when it fits in an int64.
func add64(x, y int64) (int64, bool) {
	sum := x + y
	if (x >= 0) == (y >= 0) && (sum >= 0) != (x >= 0) {
		return 0, false
	}
	return sum, true
}

// mul64 returns x·y when it fits in an int64.
func mul64(x, y int64) (int64, bool) {
	if x == 0 || y == 0 {
		return 0, true
	}
	p := x * y
	if p/y != x || (x == -1 && y == math.MinInt64) || (y == -1 && x == math.MinInt64) {
		return 0, false
	}
	return p, true
}
