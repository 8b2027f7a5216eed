package numeral

import (
	"math"
	"math/big"
	"math/bits"
)

// arenaBlock is how many rationals one block of an Arena holds.
const arenaBlock = 256

// Arena hands out rationals whose storage is cut from shared blocks, so
// that a scan reading thousands of numbers allocates once per few hundred
// of them instead of two to four times per number: an integer costs
// nothing of its own, a fraction one word. The zero Arena is ready to use;
// a nil *Arena allocates every rational on its own. An Arena is not safe
// for concurrent use. The rationals it returns are ordinary *big.Rat
// values that own their words: an operation that needs more room moves a
// rational out of its block, never into a neighbour's words.
type Arena struct {
	rats  []big.Rat
	words []big.Word
	next  int // the first rational and word not yet handed out
}

// Frac returns num/den (den > 0) in lowest terms.
func (a *Arena) Frac(num, den int64) *big.Rat {
	if a == nil || num == math.MinInt64 || den <= 0 || bits.UintSize < 64 {
		return fracRat(num, den) // (a word narrower than 64 bits holds no int64)
	}
	num, den = lowestTerms(num, den)
	// the blocks are cut by an index, not by slicing: a slice written to
	// the arena costs a write barrier while the collector runs
	if a.next == len(a.rats) {
		a.rats = make([]big.Rat, arenaBlock)
		a.words = make([]big.Word, arenaBlock)
		a.next = 0
	}
	k := a.next
	a.next++
	r := &a.rats[k]
	w := a.words[k : k+1 : k+1] // no spare capacity: growing moves out
	if den == 1 {
		// the numerator's word goes in through the reference Num
		// documents; a Rat whose denominator was never set reads it as 1
		w[0] = big.Word(abs64(num)) //nolint:gosec // not negative, and a word holds 64 bits
		r.Num().SetBits(w)
		if num < 0 {
			r.Num().Neg(r.Num())
		}
		return r
	}
	// the denominator goes in through the numerator and Inv, which swaps
	// the two (giving the numerator a word of its own)
	w[0] = big.Word(den) //nolint:gosec // positive, and a word holds 64 bits
	r.Num().SetBits(w)
	r.Inv(r)
	r.Num().SetInt64(num)
	return r
}

// Decimal returns m / 10^decimals (0 ≤ decimals ≤ 18) in lowest terms:
// the value of a number whose digits, marks dropped, read m, with
// decimals of them after the decimal mark. It is what ParseLocale gives as
// the Value of such a number.
func (a *Arena) Decimal(m int64, decimals int) *big.Rat {
	return decimalRat(m, decimals, a)
}

// abs64 returns |x| for x > math.MinInt64.
func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
