package judge

import (
	"math"
	"math/big"
	"math/bits"
	"strings"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// hypothesis is one known mistake (PRECISION.md §4.5): what the writer
// would have written in B's place, computed from A's value.
type hypothesis struct {
	cause   Cause
	g       mapping   // A's value -> the mistaken figure, in B's unit
	kind    scaleKind // how the mistaken figure is rounded
	why     string    // the mistake in an editor's words (see words)
	form    whyForm   // or: how u1 and u2 make them
	u1, u2  *units.Unit
	slipped int // a slipped factor of 10^slipped combined with it (0: none)
	// linA, linB: the length units of a linear factor used for an area or
	// a volume, whose explanation says what the written figure is (see
	// linearTail); nil for other mistakes.
	linA, linB *units.Unit
	scalable   bool // may combine with a slipped factor of 10^±3, 10^±6, 10^±9
	// near: the mistaken figure lies close to the exact one (a rule-of-thumb
	// factor), so it explains b only when b is no rounding of the exact
	// value at any of b's admissible steps, however coarse: "30C (90F)" is
	// 86 rounded to tens (WARNING), not 2·30 + 30.
	near bool
}

// whyForm is how a hypothesis words a confusion of two units.
type whyForm uint8

const (
	whyText       whyForm = iota // why as it is
	whyWhereMeant                // "u1 where u2 were meant"
	whyReadAs                    // "u1 were read as u2"
)

// words says the mistake in an editor's words.
func (h *hypothesis) words() string {
	switch h.form {
	case whyWhereMeant:
		return h.u1.Plural + " where " + h.u2.Plural + " were meant"
	case whyReadAs:
		return h.u1.Plural + " were read as " + h.u2.Plural
	}
	return h.why
}

// diagnosis is a hypothesis that explains b.
type diagnosis struct {
	ev    *evaluation // the interpretation Exact and the fix use
	cause Cause
	text  string // explanation
}

// diagnose returns the mistake that explains b under the first of the
// evaluations that has one, or nil. The hypotheses of PRECISION.md §4.5 are
// tried first, then transposed digits, then each hypothesis combined with a
// slipped factor of 10^±3, 10^±6 or 10^±9; among several that fit, the one
// closest to b wins (the earlier on a tie).
func (j *judgement) diagnose(evs []evaluation) *diagnosis {
	var buf [maxHypotheses]hypothesis // on the stack: a failing pair allocates no list
	for i := range evs {
		ev := &evs[i]
		hs := j.hypotheses(buf[:0], ev)
		if h, ok := j.bestFit(ev, hs); ok {
			return j.explainHypothesis(ev, &h)
		}
		if d := j.typo(ev); d != nil {
			return d
		}
		// the combinations with a slip, made one at a time (there are
		// dozens, and they are only needed here)
		var f fitFinder
		for i := range hs {
			if hs[i].scalable {
				r, known := j.slipRatio(ev, &hs[i])
				for _, k := range slipExponents() {
					if known && !slipMayFit(r, k) {
						continue // b lies far from the figure slipped by 10^k
					}
					c := combineSlip(hs[i], k)
					j.consider(&f, ev, &c)
				}
			}
		}
		if f.found {
			return j.explainHypothesis(ev, &f.best)
		}
	}
	// the least specific mistake last: A's figure copied unconverted (a
	// unit confusion above says more: "tonnes where short tons were meant")
	for i := range evs {
		ev := &evs[i]
		if h, ok := unconverted(ev.m); ok {
			var f fitFinder
			if j.consider(&f, ev, &h); f.found {
				return j.explainHypothesis(ev, &f.best)
			}
		}
	}
	return nil
}

// misfit is how far b lies from a hypothesis: exact on the exact path, its
// float64 shadow on the fast path.
type misfit struct {
	x *big.Rat
	f approx
}

// bestFit returns the hypothesis that fits with the smallest misfit (the
// first on a tie); ok is false when none fits.
func (j *judgement) bestFit(ev *evaluation, hs []hypothesis) (best hypothesis, ok bool) {
	var f fitFinder
	for i := range hs {
		j.consider(&f, ev, &hs[i])
	}
	return f.best, f.found
}

// fitFinder keeps the hypothesis that fits best among those considered so
// far: the smallest misfit, the first on a tie.
type fitFinder struct {
	best  hypothesis // a copy: the hypothesis considered may be a temporary
	mis   misfit
	found bool
}

// consider updates f with h, the next hypothesis in order.
func (j *judgement) consider(f *fitFinder, ev *evaluation, h *hypothesis) {
	if mis, ok := j.fits(ev, h); ok && (!f.found || j.misfitLess(ev, mis, h, f.mis, &f.best)) {
		f.best, f.mis, f.found = *h, mis, true
	}
}

// misfitLess reports whether misfit m of h is below misfit n of k; on the
// fast path it falls back to the exact misfits when the shadows are too
// close to tell (two hypotheses that compute the same figure).
func (j *judgement) misfitLess(ev *evaluation, m misfit, h *hypothesis, n misfit, k *hypothesis) bool {
	if !j.fast {
		return m.x.Cmp(n.x) < 0
	}
	if c, ok := cmpOK(m.f, n.f); ok {
		return c < 0
	}
	return j.misfitExact(ev, h).Cmp(j.misfitExact(ev, k)) < 0
}

// misfitExact is the largest |b − c'| / |c'| of a hypothesis that fits.
func (j *judgement) misfitExact(ev *evaluation, h *hypothesis) *big.Rat {
	worst := new(big.Rat)
	for i := range j.a {
		cp, err := h.g.exact(j.a[i].Value)
		if err != nil || cp.Sign() == 0 {
			continue
		}
		worst = maxRat(worst, quo(dist(ev.b[i].Value, cp), abs(cp)))
	}
	return worst
}

// slipRatio returns b / c' for the first endpoint, where c' is h's figure
// without a slip, in float64 on the fast path; known is false where it
// cannot tell a slipped figure's fit from it (the exact path, a reading's
// allowance of a degree, a figure or b of the other sign, zero or not
// finite, or shadows whose error bounds are not tiny). Each combination of
// h with a slip of 10^k is h's figure times 10^k (the slip is applied
// last), so slipMayFit(r, k) is false only where that combination fails
// the test of b within 3 % of it in fits.
func (j *judgement) slipRatio(ev *evaluation, h *hypothesis) (r float64, known bool) {
	if !j.fast || h.kind == kindReading || h.g.slip != 0 {
		return 0, false
	}
	cp, err := h.g.approxAt(j.a[0].v)
	if err != nil {
		return 0, false
	}
	b := ev.b[0].v
	const tight = 1e-9 // relative error bounds far below slipMayFit's margin
	if !(cp.e <= tight*math.Abs(cp.v)) || !(b.e <= tight*math.Abs(b.v)) {
		return 0, false
	}
	r = b.v / cp.v
	if !(r > 0) || math.IsInf(r, 0) {
		return 0, false
	}
	return r, true
}

// slipMayFit reports whether b = r·c' may lie within 3 % (diagFit) of
// c'·10^k: |log10(r) − k| is at most |log10(1 − 3 %)| < 0.0133 then, and
// this allows 0.02.
func slipMayFit(r float64, k int) bool {
	return math.Abs(math.Log10(r)-float64(k)) <= 0.02
}

// slipExponents are the powers of ten of a scale-word slip.
func slipExponents() []int { return []int{3, -3, 6, -6, 9, -9} }

// combineSlip returns h followed by a slip of 10^k.
func combineSlip(h hypothesis, k int) hypothesis {
	c := hypothesis{cause: h.cause, g: h.g, kind: h.kind, why: h.why, form: h.form, u1: h.u1, u2: h.u2, slipped: k}
	c.g.slip = k
	return c
}

// fits reports whether h explains every endpoint: its figure differs from
// the exact value by more than the floor (readings: half a degree), b lies
// within 3 % of it (readings: within max(1°, 3 %)), and b is a rounding of
// it by T1 or T2. The misfit is the largest |b − c'| / |c'|.
func (j *judgement) fits(ev *evaluation, h *hypothesis) (misfit, bool) {
	if j.fast {
		f, ok := j.fitsFast(ev, h)
		return misfit{f: f}, ok
	}
	worst := new(big.Rat)
	for i := range j.a {
		a, b := &j.a[i], &ev.b[i]
		cp, err := h.g.exact(a.Value)
		if err != nil {
			return misfit{}, false
		}
		c := ev.exact[i]
		if h.kind == kindReading || ev.m.kind == kindReading {
			if within(cp, c, changeSlack()) {
				return misfit{}, false
			}
		} else if relWithin(cp, c, j.prof.floor.rat()) {
			return misfit{}, false
		}
		if !tightFit(b.Value, cp, h.kind) {
			return misfit{}, false
		}
		if h.near && anyRounding(b, c) {
			return misfit{}, false
		}
		p, err := j.test.probe(a, b, &h.g, forward, h.kind, ev.m.ub)
		if err != nil || (!p.t1 && !p.t2) {
			return misfit{}, false
		}
		if cp.Sign() != 0 {
			worst = maxRat(worst, quo(dist(b.Value, cp), abs(cp)))
		}
	}
	return misfit{x: worst}, true
}

// fitsFast is fits in float64.
func (j *judgement) fitsFast(ev *evaluation, h *hypothesis) (approx, bool) {
	var worst approx
	for i := range j.a {
		a, b := &j.a[i], &ev.b[i]
		cp, err := h.g.approxAt(a.v)
		if err != nil {
			return approx{}, false
		}
		// b within 3 % first: most hypotheses fail it (the order of the
		// tests changes no outcome, only which is made first)
		tol := diagFit.approx().mul(cp.abs())
		if h.kind == kindReading {
			tol = hullMax(tol, approx{1, 0})
		}
		if !le(b.v.sub(cp).abs(), tol) {
			return approx{}, false
		}
		c := ev.shadow(i)
		if h.kind == kindReading || ev.m.kind == kindReading {
			if le(cp.sub(c).abs(), approx{0.5, 0}) {
				return approx{}, false
			}
		} else if le(cp.sub(c).abs(), j.prof.floor.approx().mul(c.abs())) {
			return approx{}, false
		}
		if h.near && j.anyRoundingFast(ev, i) {
			return approx{}, false
		}
		p, err := j.test.probeFast(a, b, &h.g, forward, h.kind, ev.m.ub)
		if err != nil || (!p.t1 && !p.t2) {
			return approx{}, false
		}
		if cp.sign() != 0 {
			worst = hullMax(worst, b.v.sub(cp).abs().div(cp.abs()))
		}
	}
	return worst, true
}

// tightFit reports whether b lies close enough to a hypothesis c' to be
// explained by it: within 3 %, and for readings within max(1°, 3 %).
func tightFit(b, cp *big.Rat, kind scaleKind) bool {
	tol := mul(diagFit.rat(), abs(cp))
	if kind == kindReading {
		tol = maxRat(tol, big.NewRat(1, 1))
	}
	return within(b, cp, tol)
}

// anyRounding reports whether b is a rounding of c at one of b's admissible
// steps, without the cap: at the largest, if at any.
func anyRounding(b *amount, c *big.Rat) bool {
	s, ok := stepSet{y: b, capExp: mag(b.Value) + 1}.largest()
	return ok && within(b.Value, c, half(s.rat()))
}

// anyRoundingFast is anyRounding for endpoint i of ev in float64; when b
// lies too close to half a step from c to tell, it asks the exact test.
func (j *judgement) anyRoundingFast(ev *evaluation, i int) bool {
	b, c := &ev.b[i], ev.shadow(i)
	s, ok := stepSet{y: b, capExp: b.val.mag() + 1}.largest()
	if !ok {
		return false
	}
	cmp, ok := cmpOK(b.v.sub(c).abs(), s.approx().half())
	if !ok {
		return anyRounding(b, j.exactOf(ev)[i])
	}
	return cmp <= 0
}

// maxHypotheses is the most hypotheses a model usually has (diagnose holds
// them in an array of this size; more are held on the heap).
const maxHypotheses = 32

// hypotheses appends the mistakes to try for ev's model to hs, most
// specific first, and returns the extended slice.
func (j *judgement) hypotheses(hs []hypothesis, ev *evaluation) []hypothesis {
	m := ev.m
	switch m.kind {
	case kindReading:
		return j.readingHypotheses(hs, m)
	case kindChange:
		return j.changeHypotheses(hs, m)
	}
	hs = j.linearHypotheses(hs, m)
	hs = append(hs, wrongDirection(m))
	hs = j.siblingHypotheses(hs, m)
	if j.mayBeDecimalSlip(ev) {
		hs = j.prefixHypotheses(hs, m)
	}
	hs = scaleHypotheses(hs, m, kindQuantity)
	hs = approxHypotheses(hs, m)
	if j.fast {
		shareShadows(hs, m)
	}
	return hs
}

// shareShadows sets the float64 shadows of every conversion among hs
// that runs between m's two units (the slips of a scale word, the factor
// the wrong way), reading each unit's constants once where
// mapping.approxAt would shadow them once per hypothesis; the others are
// left to approxAt. The shadows are those shadowsOf returns.
func shareShadows(hs []hypothesis, m model) {
	fwd := shadowsOf(m.ua, m.ub)
	rev := unitShadows{fromFactor: fwd.toFactor, fromOffset: fwd.toOffset, toFactor: fwd.fromFactor, toOffset: fwd.fromOffset}
	for i := range hs {
		g := &hs[i].g
		if g.hasShadows {
			continue
		}
		switch {
		case g.from == m.ua && g.to == m.ub:
			g.shadows = fwd
		case g.from == m.ub && g.to == m.ua:
			g.shadows = rev
		default:
			continue
		}
		g.hasShadows = true
	}
}

// mayBeDecimalSlip reports whether b may be the exact value times a power
// of ten other than 1, as a metric prefix slip (see prefixHypotheses)
// computes it: each of those figures is the exact value c times the ratio
// of two decimal factors, and b fits one only within 3 % (diagFit). It
// tells from the first endpoint, in float64 with a wide margin, so that
// the catalogue is searched for the units of a slip only where one may fit.
func (j *judgement) mayBeDecimalSlip(ev *evaluation) bool {
	var b, c float64
	if j.fast {
		b, c = ev.b[0].v.v, ev.shadow(0).v
	} else {
		b, c = float(ev.b[0].Value), float(j.exactOf(ev)[0])
	}
	r := b / c
	if math.IsNaN(r) || math.IsInf(r, 0) || r == 0 {
		return true // beyond float64: search
	}
	if r < 0 {
		return false // a figure of the other sign fits no slip
	}
	// |log10(1 ± 3 %)| < 0.0133: the margin is more than half as wide again
	l := math.Log10(r)
	e := math.Round(l)
	if e == 0 {
		e = math.Copysign(1, l)
	}
	return math.Abs(l-e) <= 0.02
}

// readingHypotheses appends the mistakes on a reading: +32 missing (the change
// formula), the formula of the other direction, the rule of thumb
// °F ≈ 2·°C + 30.
func (j *judgement) readingHypotheses(hs []hypothesis, m model) []hypothesis {
	if ca, cb := j.change(m.ua), j.change(m.ub); ca.Dim == units.TemperatureChange && cb.Dim == units.TemperatureChange {
		hs = append(hs, hypothesis{cause: CauseOffsetMissing, g: convertMapping(ca, cb), kind: kindChange,
			why: offsetWords(m.ua, m.ub, false)})
	}
	hs = append(hs, hypothesis{cause: CauseSwappedScales, g: convertMapping(m.ub, m.ua), kind: kindReading,
		why: "the conversion formula was used the wrong way round"})
	switch {
	case m.ua.ID == "degC" && m.ub.ID == "degF":
		hs = append(hs, hypothesis{cause: CauseApproximateFactor, kind: kindReading, near: true,
			g:   mapping{mulN: 2, mulD: 1, add: ratio(30, 1)},
			why: "the rule of thumb “double it and add 30” was used"})
	case m.ua.ID == "degF" && m.ub.ID == "degC":
		hs = append(hs, hypothesis{cause: CauseApproximateFactor, kind: kindReading, near: true,
			g:   mapping{mulN: 1, mulD: 2, add: ratio(-15, 1)}, // (x − 30) / 2
			why: "the rule of thumb “subtract 30 and halve it” was used"})
	}
	return hs
}

// changeHypotheses appends the mistakes on a change: the reading formula (+32)
// applied to a difference, the factor the wrong way, a slipped scale.
func (j *judgement) changeHypotheses(hs []hypothesis, m model) []hypothesis {
	ra, rb := j.p.A.Unit, j.p.B.Unit
	if ra.Dim == units.Temperature && rb.Dim == units.Temperature {
		hs = append(hs, hypothesis{cause: CauseOffsetOnChange, g: convertMapping(ra, rb), kind: kindReading,
			why: offsetWords(ra, rb, true)})
	}
	hs = append(hs, wrongDirection(m))
	return scaleHypotheses(hs, m, kindChange)
}

// wrongDirection is the factor applied the wrong way (a / f) to a quantity or
// a temperature change; a reading's is CauseSwappedScales.
func wrongDirection(m model) hypothesis {
	why := "converted the wrong way"
	if m.ua.Dim == units.Density {
		why = "converted the wrong way (a density converts with the inverse of the area factor)"
	}
	return hypothesis{cause: CauseWrongDirection, g: convertMapping(m.ub, m.ua), kind: m.kind, why: why, scalable: true}
}

// unconverted is A's figure written unconverted in B's unit ("5cm (5in)",
// "40 nautical miles (40 miles)"), for units of a linear scale. Where the
// factor between them lies within a third of one ("100 m (100 yards)"), it
// is near: it explains b only when b is no rounding of the exact value.
func unconverted(m model) (hypothesis, bool) {
	if m.kind != kindQuantity || m.ua.Inverse != m.ub.Inverse || m.ua.Offset != nil || m.ub.Offset != nil {
		return hypothesis{}, false
	}
	near, ok := nearFactor64(m.ua.Factor, m.ub.Factor)
	if !ok {
		f := quo(m.ua.Factor, m.ub.Factor)
		near = f.Cmp(ratio(3, 4)) >= 0 && f.Cmp(ratio(4, 3)) <= 0
	}
	return hypothesis{cause: CauseUnconverted, g: mapping{mulN: 1, mulD: 1}, kind: m.kind, near: near,
		why: "the figure was copied without being converted"}, true
}

// nearFactor64 reports whether 3/4 ≤ fa/fb ≤ 4/3, as unconverted decides
// it, in 128-bit integer products of the factors' terms (no big.Rat); ok
// is false where they do not fit in 2^53 or fb is not positive.
func nearFactor64(fa, fb *big.Rat) (near, ok bool) {
	an, ad, okA := fraction64(fa)
	bn, bd, okB := fraction64(fb)
	if !okA || !okB || an < 0 || bn <= 0 {
		return false, false
	}
	// fa/fb = an·bd / (ad·bn), all positive (or an zero)
	p, q := uint128(uint64(an), uint64(bd)), uint128(uint64(ad), uint64(bn)) //nolint:gosec // all four are in [0, 2^53], checked above
	return !less128(mul128(p, 4), mul128(q, 3)) && !less128(mul128(q, 4), mul128(p, 3)), true
}

// u128 is an unsigned 128-bit integer, hi·2^64 + lo.
type u128 struct{ hi, lo uint64 }

// uint128 returns a·b.
func uint128(a, b uint64) u128 {
	hi, lo := bits.Mul64(a, b)
	return u128{hi, lo}
}

// mul128 returns x·k for a product x of two numbers below 2^53 and k ≤ 4
// (so below 2^108: it does not overflow).
func mul128(x u128, k uint64) u128 {
	hi, lo := bits.Mul64(x.lo, k)
	return u128{x.hi*k + hi, lo}
}

// less128 reports whether x < y.
func less128(x, y u128) bool { return x.hi < y.hi || (x.hi == y.hi && x.lo < y.lo) }

// linearHypotheses appends the length factor used for an area, volume or density
// (a·f^(1/2), a·f^(1/3)), and the area factor used for a volume (a·f^(2/3)).
func (j *judgement) linearHypotheses(hs []hypothesis, m model) []hypothesis {
	if j.cat == nil || m.ua.Inverse || m.ub.Inverse {
		return hs
	}
	la, pa := j.cat.Linear(m.ua)
	lb, pb := j.cat.Linear(m.ub)
	if la == nil || lb == nil || pa != pb {
		return hs
	}
	if m.ua.Offset != nil || m.ub.Offset != nil || m.ua.Factor.Sign() <= 0 || m.ub.Factor.Sign() <= 0 {
		if f, err := units.Convert(big.NewRat(1, 1), m.ua, m.ub); err != nil || f.Sign() <= 0 {
			return hs
		}
	}
	// The factor's roots are computed on first exact use, once for the
	// hypothesis and its combinations with a slip on the exact path (the
	// fast path computes them rarely, and so shares no memo: rootExact
	// makes one for a copy that needs it).
	rooted := func(p, q int) mapping {
		g := mapping{rootFrom: m.ua, rootTo: m.ub, rootP: p, rootQ: q}
		if !j.fast {
			g.rootMemo = new(rootMemo)
		}
		return g
	}
	switch pa {
	case 2, -2:
		why := "looks like the length factor was used for an area"
		if m.ua.Dim == units.Density {
			why = "looks like the length factor was used for a density"
		}
		return append(hs, hypothesis{cause: CauseLinearArea, g: rooted(1, 2), kind: m.kind, scalable: true,
			why: why, linA: la, linB: lb})
	case 3:
		return append(hs,
			hypothesis{cause: CauseLinearVolume, g: rooted(1, 3), kind: m.kind, scalable: true,
				why: "looks like the length factor was used for a volume", linA: la, linB: lb},
			hypothesis{cause: CauseLinearVolume, g: rooted(2, 3), kind: m.kind, scalable: true,
				why: "looks like the area factor was used for a volume"})
	}
	return hs
}

// linearTail appends to why what the written figure is: ": 6.2 is what 10
// kilometres is in miles" (A's number as written when it is plain digits),
// in the length units la and lb.
func (j *judgement) linearTail(why string, la, lb *units.Unit) string {
	if len(j.a) != 1 {
		return why
	}
	if nts := j.p.A.Numbers; len(nts) == 1 && nts[0].Scale == nil && !nts[0].Spelled && nts[0].Text != "" {
		name := la.Plural
		if isOne(j.a[0].Value) {
			name = la.Name
		}
		return why + ": " + j.bWritten() + " is what " + nts[0].Sign + nts[0].Text + " " + name + " is in " + lb.Plural
	}
	return why + ": " + j.bWritten() + " is what " + qty(j.a[0].Value, la) + " is in " + lb.Plural
}

// siblingHypotheses are a unit confused with its sibling, in the direction the
// units as written allow (PRECISION.md §4.5): a figure computed in a sibling
// of B's unit, or A's unit read as its sibling.
func (j *judgement) siblingHypotheses(hs []hypothesis, m model) []hypothesis {
	if j.cat == nil {
		return hs
	}
	bSide := func(sib *units.Unit, cause Cause) {
		if j.p.B.Major != nil {
			return // the minor unit of a compound is fixed by its major unit
		}
		hs = append(hs, hypothesis{cause: cause, g: convertMapping(m.ua, sib), kind: m.kind, scalable: true,
			form: whyWhereMeant, u1: sib, u2: m.ub})
	}
	aSide := func(sib *units.Unit, cause Cause) {
		if j.p.A.Major != nil {
			return
		}
		hs = append(hs, hypothesis{cause: cause, g: convertMapping(sib, m.ub), kind: m.kind, scalable: true,
			form: whyReadAs, u1: m.ua, u2: sib})
	}
	for _, fam := range siblingFamilies {
		if m.ua.Dim != fam.dim && m.ub.Dim != fam.dim {
			continue // neither unit can be a member (and Family copies its list)
		}
		members := j.cat.Family(fam.name)
		cause := CauseGallon
		if fam.name == "ton" {
			cause = CauseTon
		}
		for _, s := range members {
			if memberOf(m.ub, members) && s != m.ub {
				bSide(s, cause)
			}
		}
		for _, s := range members {
			if memberOf(m.ua, members) && s != m.ua {
				aSide(s, cause)
			}
		}
	}
	unit := j.cat.Unit
	// Nautical measures taken for statute ones: A in nautical miles or knots
	// read as miles (mph, km/h); B in miles (mph, km/h) holding the nautical figure.
	switch m.ua.ID {
	case "nmi":
		addIf(aSide, unit("mi"), CauseNauticalMile)
	case "kn":
		addIf(aSide, unit("mph"), CauseKnots)
		addIf(aSide, unit("km/h"), CauseKnots)
	}
	switch m.ub.ID {
	case "mi":
		addIf(bSide, unit("nmi"), CauseNauticalMile)
	case "mph", "km/h":
		addIf(bSide, unit("kn"), CauseKnots)
	}
	pairs := [][3]string{{"oz", "oz_troy", string(CauseTroyOunce)}, {"m2", "mi2", string(CauseOther)}}
	for _, p := range pairs {
		if s := otherOf(m.ub.ID, p); s != "" {
			addIf(bSide, unit(s), Cause(p[2]))
		}
		if s := otherOf(m.ua.ID, p); s != "" {
			addIf(aSide, unit(s), Cause(p[2]))
		}
	}
	return hs
}

// siblingFamilies are the catalogue's generic families, with the
// dimension of their members (TestSiblingFamilies holds it to the
// catalogue).
var siblingFamilies = [...]struct {
	name string
	dim  units.Dimension
}{{"gallon", units.Volume}, {"pint", units.Volume}, {"floz", units.Volume}, {"mpg", units.FuelEconomy}, {"ton", units.Mass}}

// addIf calls add when the unit exists.
func addIf(add func(*units.Unit, Cause), u *units.Unit, cause Cause) {
	if u != nil {
		add(u, cause)
	}
}

// otherOf returns the other ID of a confusable pair holding id, or "".
func otherOf(id string, p [3]string) string {
	switch id {
	case p[0]:
		return p[1]
	case p[1]:
		return p[0]
	}
	return ""
}

// memberOf reports whether u is one of us.
func memberOf(u *units.Unit, us []*units.Unit) bool {
	for _, v := range us {
		if v == u {
			return true
		}
	}
	return false
}

// prefixHypotheses are the metric prefix slips (centimetres written as
// millimetres, km² read as hectares): the figure computed in another metric
// unit of the same dimension whose factor differs by a power of ten.
func (j *judgement) prefixHypotheses(hs []hypothesis, m model) []hypothesis {
	if j.cat == nil {
		return hs
	}
	us := j.catUnits()
	if j.p.B.Major == nil {
		for _, u := range us {
			if decimalSibling(u, m.ub) {
				hs = append(hs, hypothesis{cause: CauseScaleSlip, g: convertMapping(m.ua, u), kind: m.kind,
					form: whyWhereMeant, u1: u, u2: m.ub})
			}
		}
	}
	if j.p.A.Major == nil {
		for _, u := range us {
			if decimalSibling(u, m.ua) {
				hs = append(hs, hypothesis{cause: CauseScaleSlip, g: convertMapping(u, m.ub), kind: m.kind,
					form: whyReadAs, u1: m.ua, u2: u})
			}
		}
	}
	return hs
}

// decimalSibling reports whether u is another metric unit of v's dimension
// whose factor differs from v's by a power of ten other than 1.
func decimalSibling(u, v *units.Unit) bool {
	if u == v || u.Dim != v.Dim || u.System != units.Metric || v.System != units.Metric {
		return false
	}
	if u.Inverse || v.Inverse || u.Offset != nil || v.Offset != nil {
		return false
	}
	// Decimal factors n·10^q in normal form differ by a power of ten other
	// than 1 exactly when their n agree and their q do not.
	if du, ok := ratDec(u.Factor); ok {
		if dv, ok := ratDec(v.Factor); ok {
			return du.n == dv.n && du.q != dv.q
		}
	}
	e, ok := isPow10(quo(u.Factor, v.Factor))
	return ok && e != 0
}

// scaleHypotheses are the slips of a scale word (thousand, million, billion)
// in the conversion of m.
func scaleHypotheses(hs []hypothesis, m model, kind scaleKind) []hypothesis {
	for _, k := range slipExponents() {
		hs = append(hs, hypothesis{cause: CauseScaleSlip, kind: kind, why: slipWords(k),
			g: mapping{from: m.ua, to: m.ub, slip: k}})
	}
	return hs
}

// slipWords says "a factor of 1,000 slipped".
func slipWords(k int) string {
	switch k {
	case 6, -6:
		return "a factor of a million slipped"
	case 9, -9:
		return "a factor of a billion slipped"
	case 3, -3:
		return "a factor of 1,000 slipped"
	}
	return "a factor of " + numeral.Display(pow10(max(k, -k))) + " slipped"
}

// approxFactor is a rule-of-thumb factor from the AP chart (PRECISION.md §2).
type approxFactor struct {
	from, to string
	num, den int64  // the factor, or its inverse when inv is set
	inv      bool   // the writer divided by num/den
	why      string // "a rough factor (×0.62) was used instead of the exact one"
}

// rough returns the approxFactor of a chart entry whose factor is written text.
func rough(from, to string, num, den int64, inv bool, text string) approxFactor {
	return approxFactor{from, to, num, den, inv, "a rough factor (" + text + ") was used instead of the exact one"}
}

// approxFactors lists the AP chart's rounded factors and their use as
// divisors (a constant table, never modified).
var approxFactors = [...]approxFactor{
	rough("km", "mi", 62, 100, false, "×0.62"), rough("mi", "km", 16, 10, false, "×1.6"),
	rough("km", "mi", 16, 10, true, "÷1.6"), rough("mi", "km", 62, 100, true, "÷0.62"),
	rough("km/h", "mph", 62, 100, false, "×0.62"), rough("mph", "km/h", 16, 10, false, "×1.6"),
	rough("km/h", "mph", 16, 10, true, "÷1.6"), rough("mph", "km/h", 62, 100, true, "÷0.62"),
	rough("m", "ft", 33, 10, false, "×3.3"), rough("ft", "m", 33, 10, true, "÷3.3"),
	rough("km2", "mi2", 4, 10, false, "×0.4"), rough("mi2", "km2", 4, 10, true, "÷0.4"),
	rough("ha", "acre", 25, 10, false, "×2.5"), rough("acre", "ha", 25, 10, true, "÷2.5"),
	rough("kg", "lb", 22, 10, false, "×2.2"), rough("lb", "kg", 22, 10, true, "÷2.2"),
	rough("L", "gal_us", 26, 100, false, "×0.26"), rough("gal_us", "L", 26, 100, true, "÷0.26"),
}

// approxHypotheses are the rounded rule-of-thumb factors for the units.
func approxHypotheses(hs []hypothesis, m model) []hypothesis {
	for i := range approxFactors {
		f := &approxFactors[i] // not copied: most entries do not match
		if m.ua.ID != f.from || m.ub.ID != f.to {
			continue
		}
		g := mapping{mulN: f.num, mulD: f.den}
		if f.inv {
			g.mulN, g.mulD = f.den, f.num // 1/(num/den)
		}
		hs = append(hs, hypothesis{cause: CauseApproximateFactor, kind: m.kind, scalable: true, near: true,
			why: f.why, g: g})
	}
	return hs
}

// typo tries b with two adjacent digits swapped: when that is a good rounding
// of the exact value, the digits were transposed.
func (j *judgement) typo(ev *evaluation) *diagnosis {
	if len(j.b) != 1 || j.p.B.Major != nil || len(j.p.B.Numbers) != 1 || j.p.B.Numbers[0].Spelled {
		return nil
	}
	if !j.swapsMayPass(ev) {
		return nil
	}
	return j.typoSwaps(ev)
}

// swapsMayPass reports whether B with two adjacent digits swapped may pass
// under ev's model; false only where none can, told in float64 from B's
// decade: a swap moves B's leading digit at most one place, so every swap
// of a number whose digits (without a scale word) lead at 10^P lies in
// [10^(P−1), 10^(P+2)), and a clean pass of a quantity needs the guard,
// at most 20 % either way (forward |b′ − c| ≤ 20 % of |c|, reverse of
// |b′|): b′ within [c/2, 2c] in magnitude, with room to spare.
func (j *judgement) swapsMayPass(ev *evaluation) bool {
	b := &j.b[0]
	if !j.fast || ev.m.kind != kindQuantity || j.p.B.Numbers[0].Scale != nil || !b.fast || b.val.n == 0 ||
		!plainDecimal(j.p.B.Numbers[0].Text) {
		return true
	}
	c := ev.shadow(0)
	const tight = 1e-9
	cv := math.Abs(c.v)
	if !(c.e <= tight*cv) || math.IsInf(cv, 0) {
		return true
	}
	p := b.val.mag()
	lo, hi := math.Pow(10, float64(p-1)), math.Pow(10, float64(p+2))
	return !(hi <= cv/2 || lo >= 2*cv)
}

// plainDecimal reports whether s holds only ASCII digits, points, commas,
// spaces and apostrophes (the digits and marks of a decimal, no fraction
// slash or vulgar fraction, whose swaps the decade argument of
// swapsMayPass does not cover).
func plainDecimal(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9', c == '.', c == ',', c == ' ', c == '\'':
		default:
			return false
		}
	}
	return true
}

// typoSwaps is typo past its shortcuts: each swap of two adjacent digits
// of B, judged.
func (j *judgement) typoSwaps(ev *evaluation) *diagnosis {
	nt := j.p.B.Numbers[0]
	mark := nt.Style.Decimal
	if mark == "" {
		mark = "."
	}
	for _, t := range swaps(nt.Text, mark) {
		amt, ok := reparse(t, nt, j.b[0].Amount)
		if !ok {
			continue
		}
		if j.swapPasses(ev.m, amt) {
			return &diagnosis{ev: ev, cause: CauseTypo,
				text: "two digits look swapped: " + nt.Sign + t + " would be right"}
		}
	}
	return nil
}

// swapPasses reports whether B with its digits swapped (amt) passes
// cleanly under model m: by quickLevelOf where it can tell.
func (j *judgement) swapPasses(m model, amt numeral.Amount) bool {
	switch j.quickLevelOf(m, []numeral.Amount{amt}) {
	case quickClean:
		return true
	case quickFails:
		return false
	}
	e, ok := j.evaluateB(m, []amount{newAmount(amt)})
	return ok && e.lvl == levelClean
}

// swaps returns s with each pair of adjacent different digits swapped
// (group separators in between are kept in place; a swap across the
// decimal point is no slip of the keyboard), leaving out results with a
// leading zero.
func swaps(s string, decimalMarks string) []string {
	var pos []int // byte offsets of the digits
	for i, r := range s {
		if r >= '0' && r <= '9' {
			pos = append(pos, i)
		}
	}
	point := strings.IndexAny(s, decimalMarks)
	var out []string
	for k := 0; k+1 < len(pos); k++ {
		x, y := pos[k], pos[k+1]
		if s[x] == s[y] || (point >= 0 && x < point && y > point) {
			continue
		}
		b := []byte(s)
		b[x], b[y] = b[y], b[x]
		t := string(b)
		if k == 0 && b[x] == '0' && intDigits(t) > 1 {
			continue
		}
		out = append(out, t)
	}
	return out
}

// offsetWords explains a temperature offset applied to a change
// (applied true) or missing from a reading.
func offsetWords(from, to *units.Unit, applied bool) string {
	off := "the 32° offset"
	if isKelvin(from) || isKelvin(to) {
		off = "the 273.15 offset"
	}
	if applied {
		if strings.HasPrefix(to.ID, "degF") {
			return "+32 was applied to a temperature change"
		}
		if strings.HasPrefix(from.ID, "degF") {
			return "32 was subtracted from a temperature change"
		}
		return off + " was applied to a temperature change"
	}
	return off + " is missing from a temperature reading"
}

// isKelvin reports whether u is the kelvin (reading or change).
func isKelvin(u *units.Unit) bool { return u != nil && (u.ID == "K" || u.ID == "K_change") }
