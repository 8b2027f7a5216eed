package judge

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSwapDecades holds the decade argument of swapsMayPass to swaps: each
// swap of a decimal whose value leads at 10^P lies in [10^(P−1), 10^(P+2)).
func TestSwapDecades(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	for range 50_000 {
		var sb strings.Builder
		n := 1 + r.IntN(7)
		point := -1
		if r.IntN(2) == 0 {
			point = r.IntN(n)
		}
		for i := range n {
			if i == point {
				if i == 0 {
					sb.WriteByte('0')
				}
				sb.WriteByte('.')
			}
			d := byte('0' + r.IntN(10))
			if i == 0 && point != 0 && d == '0' {
				d = '1' + byte(r.IntN(9))
			}
			if r.IntN(3) == 0 {
				d = '0'
			}
			sb.WriteByte(d)
		}
		s := sb.String()
		v, ok := new(big.Rat).SetString(s)
		require.True(t, ok, s)
		if v.Sign() == 0 {
			continue
		}
		p := mag(v)
		lo, hi := pow10(p-1), pow10(p+2)
		for _, w := range swaps(s, ".") {
			x, ok := new(big.Rat).SetString(w)
			require.True(t, ok, w)
			if x.Sign() == 0 {
				continue
			}
			if !assert.True(t, x.Cmp(lo) >= 0 && x.Cmp(hi) < 0, "%s swapped to %s", s, w) {
				return
			}
		}
	}
}

// TestDiagnosisShortcuts holds the shortcuts of a diagnosis to the tests
// they skip, on the evaluations of random pairs (B also far off, and near
// the shortcuts' margins): where swapsMayPass says no swap of B's digits
// can pass, none does (typoSwaps); where slipRatio and slipMayFit rule a
// hypothesis slipped by 10^k out, the exact fits rejects it.
func TestDiagnosisShortcuts(t *testing.T) {
	cat := testCat()
	n := 20_000
	if testing.Short() || raceEnabled {
		n = 2_000
	}
	r := rand.New(rand.NewPCG(43, 44))
	scales := []float64{1, 1, 0.45, 0.5, 0.55, 1.8, 2, 2.2, 20, 50, 0.05, 0.02, 1000, 1e-3, 1e6, 1.03, 0.97}
	skippedSwaps, skippedSlips, evaluated := 0, 0, 0
	for i := 0; evaluated < n; i++ {
		p, ok := randPair(t, r, cat)
		if !ok {
			continue
		}
		if len(p.B.Amounts) == 1 && p.B.Major == nil && r.IntN(4) != 0 {
			// B written anew, scaled
			f := new(big.Rat).SetFloat64(scales[r.IntN(len(scales))])
			bt := writeLikeCopy(new(big.Rat).Mul(p.B.Amounts[0].Value, f), 1+r.IntN(4))
			if strings.Trim(bt, "-0.,") == "" {
				continue
			}
			p, _ = pairOf(p.A, op(t, cat, bt, p.B.Unit.ID), TempUnknown)
		}
		var j judgement
		if !j.init(p, Options{Tolerance: Tolerance(i % 3), Catalogue: cat}) || !j.canFast() {
			continue
		}
		ms := j.models(p.A.Unit, p.B.Unit, false)
		for _, m := range ms.list() {
			func() {
				j.fast = true
				defer func() {
					j.fast = false
					if e := recover(); e != nil {
						if _, is := e.(undecided); !is {
							panic(e)
						}
					}
				}()
				ev, ok := j.evaluate(m)
				if !ok {
					return
				}
				evaluated++
				if len(j.b) == 1 && !j.swapsMayPass(&ev) {
					skippedSwaps++
					assert.Nil(t, j.typoSwaps(&ev), "#%d %s (%s)", i, p.A.Text, p.B.Text)
				}
				hs := j.hypotheses(nil, &ev)
				j.exactOf(&ev)
				for _, h := range hs {
					if !h.scalable {
						continue
					}
					j.fast = true
					rt, known := j.slipRatio(&ev, &h)
					if !known {
						continue
					}
					for _, k := range slipExponents() {
						if slipMayFit(rt, k) {
							continue
						}
						skippedSlips++
						c := combineSlip(h, k)
						j.fast = false
						_, fits := j.fits(&ev, &c)
						j.fast = true
						assert.False(t, fits, "#%d %s (%s) %s ×10^%d", i, p.A.Text, p.B.Text, h.cause, k)
					}
				}
			}()
		}
	}
	assert.Greater(t, skippedSwaps, n/20, "swapsMayPass rules out many")
	assert.Greater(t, skippedSlips, n, "slipMayFit rules out many")
}

// TestSharedConstants holds the constants a diagnosis computes once or
// without a big.Rat to those they replace, for every pair of the
// catalogue's units: the shadows shareShadows sets (shadowsOf's),
// nearFactor64 (the big.Rat comparison of unconverted) and fracApprox
// (ratApprox of the reduced fraction).
func TestSharedConstants(t *testing.T) {
	us := testCat().Units()
	for _, ua := range us {
		for _, ub := range us {
			m := model{ua: ua, ub: ub}
			hs := []hypothesis{{g: convertMapping(ua, ub)}, {g: convertMapping(ub, ua)}, {g: mapping{slip: 3}}}
			shareShadows(hs, m)
			assert.True(t, hs[0].g.hasShadows && hs[1].g.hasShadows && !hs[2].g.hasShadows)
			assert.Equal(t, shadowsOf(ua, ub), hs[0].g.shadows, "%s %s", ua.ID, ub.ID)
			assert.Equal(t, shadowsOf(ub, ua), hs[1].g.shadows, "%s %s", ub.ID, ua.ID)
			if near, ok := nearFactor64(ua.Factor, ub.Factor); ok {
				f := quo(ua.Factor, ub.Factor)
				want := f.Cmp(ratio(3, 4)) >= 0 && f.Cmp(ratio(4, 3)) <= 0
				assert.Equal(t, want, near, "%s %s", ua.ID, ub.ID)
			}
		}
	}
	r := rand.New(rand.NewPCG(45, 46))
	for range 100_000 {
		n, d := r.Int64N(1<<20)-1<<19, 1+r.Int64N(1<<20)
		if r.IntN(4) == 0 {
			n = d * r.Int64N(100)
		}
		assert.Equal(t, ratApprox(ratio(n, d)), fracApprox(n, d), "%d/%d", n, d)
	}
	for i := range approxFactors {
		f := &approxFactors[i]
		assert.Equal(t, ratApprox(ratio(f.num, f.den)), fracApprox(f.num, f.den))
		assert.Equal(t, ratApprox(ratio(f.den, f.num)), fracApprox(f.den, f.num))
	}
}

// TestPercent holds percent to fmt's "%.1f%%" and "%.0f%%".
func TestPercent(t *testing.T) {
	r := rand.New(rand.NewPCG(47, 48))
	for range 100_000 {
		x := r.Float64() * float64(r.IntN(5)) / 10
		if r.IntN(2) == 0 {
			x = -x
		}
		if r.IntN(10) == 0 {
			x = float64(r.IntN(2000)-1000) / 10000 // on a rounding tie
		}
		f := 100 * math.Abs(x)
		want := fmt.Sprintf("%.0f%%", f)
		if f < 9.95 {
			want = fmt.Sprintf("%.1f%%", f)
		}
		require.Equal(t, want, percent(x), "%v", x)
	}
}
