package judge

import (
	"math"
	"math/big"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// scaleKind says how a number is rounded and guarded (PRECISION.md §4.2).
type scaleKind uint8

const (
	kindQuantity scaleKind = iota // ordinary quantities, linear or inverse
	kindChange                    // temperature differences: linear, guard relaxed within 0.5°
	kindReading                   // temperature readings: affine, no guard, cap of two figures
)

// direction says which number is tested as the conversion of the other.
type direction uint8

const (
	forward direction = iota // b is the conversion of a
	reverse                  // a is the conversion of b
)

// probe is what the tests of PRECISION.md §4.2–4.3 say about one endpoint
// in one direction: x is the source, y the number written as its conversion.
type probe struct {
	c          *big.Rat // exact conversion of x (exact path only)
	cf         approx   // its float64 shadow (fast path only)
	guard      bool     // the guard holds (always for readings)
	steps      stepSet  // the admissible steps of y
	t1         bool     // T1: |y − c| ≤ s/2 for an admissible step s …
	t1From     step     // … and for every one from this, the smallest
	t2         bool     // source-side rounding
	t3         bool     // stacked rounding
	lower      bool     // c − s ≤ y ≤ c + s/2 for an admissible s (y rounded down by a step)
	upper      bool     // c − s/2 ≤ y ≤ c + s for an admissible s (y rounded up by a step)
	decreasing bool     // the mapping is decreasing (inverse units)
	hasDef     bool     // defExp is set (strict profile only)
	defExp     int      // the rounding step of Wikipedia's {{convert}} default is 10^defExp
	yCoarse    *big.Rat // y's written precision, trailing zeros not significant
}

// clean reports whether the probe passes without a hedge: guard and (T1 or T2).
func (p *probe) clean() bool { return p.guard && (p.t1 || p.t2) }

// passesT1 reports whether T1 holds with step s.
func (p *probe) passesT1(s step) bool {
	return p.t1 && !s.less(p.t1From) && p.steps.admits(s)
}

// tester runs the tests with one profile.
type tester struct {
	prof profile
}

// probe runs the tests for source x and written conversion y under g, in
// exact arithmetic. target is y's unit (for the kelvin value of a reading);
// it may be nil.
func (t tester) probe(x, y *amount, g *mapping, dir direction, kind scaleKind, target *units.Unit) (probe, error) {
	var p probe
	c, err := g.exact(x.Value)
	if err != nil {
		return p, err
	}
	p.c = c
	p.yCoarse = y.Coarse
	p.steps = stepSet{y: y, capExp: capExponent(mag(c), dir, kind)}
	eps := mul(relEpsilon.rat(), abs(c))
	p.guard = t.guard(y.Amount, c, kind)
	lo, hi, dec, err := image(x.Amount, g)
	if err != nil {
		return p, err
	}
	p.decreasing = dec
	w := y.Fine
	if dir == reverse {
		w = minRat(y.Fine, pow10(p.steps.capExp))
	}
	p.t2 = meets(lo, hi, sub(y.Value, half(w)), add(y.Value, half(w)), eps)
	// With d = y − c, dHi = y − hi and dLo = lo − y, every test below is a
	// comparison with s/2 + eps or s + eps; each holds for some step when it
	// holds for the largest.
	d, dHi, dLo := sub(y.Value, c), sub(y.Value, hi), sub(lo, y.Value)
	negD, absD := new(big.Rat).Neg(d), abs(d)
	within := func(s step) (h, f *big.Rat) {
		sv := s.rat()
		return add(half(sv), eps), add(sv, eps)
	}
	if s, ok := p.steps.largest(); ok {
		h, f := within(s)
		p.t3 = dHi.Cmp(h) <= 0 && dLo.Cmp(h) <= 0   // [y − s/2, y + s/2] meets [lo, hi]
		p.lower = negD.Cmp(f) <= 0 && d.Cmp(h) <= 0 // c − s ≤ y ≤ c + s/2
		p.upper = negD.Cmp(h) <= 0 && d.Cmp(f) <= 0 // c − s/2 ≤ y ≤ c + s
		// T1: |y − c| ≤ s/2, from the smallest step it holds for
		if absD.Cmp(h) <= 0 {
			p.steps.each(func(s step) bool {
				h, _ := within(s)
				p.t1, p.t1From = absD.Cmp(h) <= 0, s
				return !p.t1
			})
		}
	}
	if t.prof.strict {
		p.hasDef, p.defExp = true, -defaultDecimals(x.Amount, c, kind, target)
	}
	return p, nil
}

// probeFast is probe in float64 (see approx); it panics with undecided
// where it cannot decide as probe would. x and y must be fast amounts.
func (t tester) probeFast(x, y *amount, g *mapping, dir direction, kind scaleKind, target *units.Unit) (probe, error) {
	var p probe
	c, err := g.approxAt(x.v)
	if err != nil {
		return p, err
	}
	p.cf = c
	p.yCoarse = y.Coarse
	// Where c's shadow is too close to a threshold to tell (c exactly a
	// power of ten, |y − c| exactly the guard), c is computed exactly and
	// the exact test decides.
	var cx *big.Rat
	exactC := func() *big.Rat {
		if cx == nil {
			if cx, err = g.exact(x.Value); err != nil {
				panic(undecided{})
			}
		}
		return cx
	}
	e, ok := magOK(c)
	if !ok {
		e = mag(exactC())
	}
	p.steps = stepSet{y: y, capExp: capExponent(e, dir, kind)}
	eps := c.abs().mul(relEpsilon.approx())
	if p.guard, ok = t.guardFast(y, c, kind); !ok {
		p.guard = t.guard(y.Amount, exactC(), kind)
	}
	lo, hi := c, c
	if u := sourceWidthDec(x); u.sign() != 0 {
		hu := u.approx().half()
		if lo, err = g.approxAt(x.v.sub(hu)); err != nil {
			return p, err
		}
		if hi, err = g.approxAt(x.v.add(hu)); err != nil {
			return p, err
		}
		if lt(hi, lo) {
			lo, hi, p.decreasing = hi, lo, true
		}
	}
	w := y.fine
	if dir == reverse {
		w = minDec(y.fine, pow10Dec(p.steps.capExp))
	}
	hw := w.approx().half()
	p.t2 = le(lo, y.v.add(hw).add(eps)) && le(y.v.sub(hw), hi.add(eps))
	d, dHi, dLo := y.v.sub(c), y.v.sub(hi), lo.sub(y.v)
	negD, absD := d.neg(), d.abs()
	within := func(s step) (h, f approx) {
		sv := s.approx()
		return sv.half().add(eps), sv.add(eps)
	}
	if s, ok := p.steps.largest(); ok {
		h, f := within(s)
		p.t3 = le(dHi, h) && le(dLo, h)
		p.lower = le(negD, f) && le(d, h)
		p.upper = le(negD, h) && le(d, f)
		if le(absD, h) {
			p.steps.each(func(s step) bool {
				h, _ := within(s)
				p.t1, p.t1From = le(absD, h), s
				return !p.t1
			})
		}
	}
	if t.prof.strict {
		d, ok := defaultDecimalsFast(x, c, kind, target)
		if !ok {
			d = defaultDecimals(x.Amount, exactC(), kind, target)
		}
		p.hasDef, p.defExp = true, -d
	}
	return p, nil
}

// guard is the guard of PRECISION.md §4.2: |y − c| ≤ 15 % of |c| when y
// shows one significant figure, 5 % when it shows more (profile values);
// readings have none; temperature changes also pass within 0.5°.
func (t tester) guard(y numeral.Amount, c *big.Rat, kind scaleKind) bool {
	if kind == kindReading {
		return true
	}
	pct := t.prof.guardMore
	if y.Sig <= 1 {
		pct = t.prof.guardOne
	}
	if relWithin(y.Value, c, pct.rat()) {
		return true
	}
	return kind == kindChange && within(y.Value, c, changeSlack())
}

// guardFast is guard in float64; ok is false when it cannot tell.
func (t tester) guardFast(y *amount, c approx, kind scaleKind) (holds, ok bool) {
	if kind == kindReading {
		return true, true
	}
	pct := t.prof.guardMore
	if y.Sig <= 1 {
		pct = t.prof.guardOne
	}
	dist := y.v.sub(c).abs()
	cmp, ok := cmpOK(dist, pct.approx().mul(c.abs()))
	switch {
	case !ok:
		return false, false
	case cmp <= 0:
		return true, true
	case kind != kindChange:
		return false, true
	}
	cmp, ok = cmpOK(dist, approx{0.5, 0})
	return cmp <= 0, ok
}

// capExponent returns the exponent of the coarsest admissible rounding step
// for a conversion whose exact value has magnitude e (floor(log10|c|)): the
// first significant figure (forward), one decade finer (reverse), and for
// readings max(1°, two significant figures).
func capExponent(e int, dir direction, kind scaleKind) int {
	switch {
	case kind == kindReading:
		return max(0, e-1)
	case dir == reverse:
		return e - 1
	}
	return e
}

// sourceWidth is the width u of the source interval of T2 (PRECISION.md
// §4.3): u = min(max(fine, min(coarse, 10^(floor(log10|x|)−1))), 10 % of |x|).
func sourceWidth(x numeral.Amount) *big.Rat {
	u := maxRat(x.Fine, minRat(x.Coarse, pow10(mag(x.Value)-1)))
	return minRat(u, quo(abs(x.Value), big.NewRat(10, 1)))
}

// image maps x's source interval [x − u/2, x + u/2] through g and returns it
// in ascending order, with whether g is decreasing there.
func image(x numeral.Amount, g *mapping) (lo, hi *big.Rat, decreasing bool, err error) {
	u := half(sourceWidth(x))
	if lo, err = g.exact(sub(x.Value, u)); err != nil {
		return nil, nil, false, err
	}
	if hi, err = g.exact(add(x.Value, u)); err != nil {
		return nil, nil, false, err
	}
	if lo.Cmp(hi) > 0 {
		return hi, lo, true, nil
	}
	return lo, hi, false, nil
}

// meets reports whether [lo1, hi1] and [lo2, hi2] intersect (within eps).
func meets(lo1, hi1, lo2, hi2, eps *big.Rat) bool {
	return lo1.Cmp(add(hi2, eps)) <= 0 && lo2.Cmp(add(hi1, eps)) <= 0
}

// defaultDecimals returns the decimals Wikipedia's {{convert}} gives the
// conversion c of x by default (PRECISION.md §1): the input precision
// adjusted by log10(2x/c), at least two significant figures; readings keep
// the input's decimals and at least three figures in kelvin.
func defaultDecimals(x numeral.Amount, c *big.Rat, kind scaleKind, target *units.Unit) int {
	prec := -mag(x.Coarse)
	if kind == kindReading {
		minprec := 2
		if target != nil {
			k := mul(c, target.Factor)
			if target.Offset != nil {
				k = add(k, target.Offset)
			}
			if kf := math.Abs(float(k)); kf >= 1e-8 {
				minprec = 2 - int(math.Floor(math.Log10(kf)+1e-14))
			}
		}
		return max(prec, minprec)
	}
	if x.Value.Sign() == 0 || c.Sign() == 0 {
		return 0
	}
	adjust := math.Log10(math.Abs(float(quo(x.Value, c)))) + math.Log10(2)
	return max(int(math.Floor(float64(prec)+adjust)), 1-mag(c))
}

// defaultDecimalsFast is defaultDecimals in float64; ok is false when it
// cannot tell.
func defaultDecimalsFast(x *amount, c approx, kind scaleKind, target *units.Unit) (d int, ok bool) {
	prec := -x.coarse.mag()
	if kind == kindReading {
		minprec := 2
		if target != nil {
			k := c.mul(ratApprox(target.Factor))
			if target.Offset != nil {
				k = k.add(ratApprox(target.Offset))
			}
			cmp, ok := cmpOK(approx{1e-8, 0}, k.abs())
			if !ok {
				return 0, false
			}
			if cmp <= 0 {
				l, ok := floorLog10Of(k.abs(), 1e-14)
				if !ok {
					return 0, false
				}
				minprec = 2 - l
			}
		}
		return max(prec, minprec), true
	}
	cs, ok := c.signOK()
	if !ok {
		return 0, false
	}
	if x.val.sign() == 0 || cs == 0 {
		return 0, true
	}
	r, ok := x.v.divOK(c)
	if !ok {
		return 0, false
	}
	adjust, ok := floorLog10Of(r.abs(), float64(prec)+math.Log10(2))
	if !ok {
		return 0, false
	}
	mc, ok := magOK(c)
	return max(adjust, 1-mc), ok
}

// endpoint holds the evidence for one pair of amounts (a_i, b_i).
type endpoint struct {
	fwd, rev probe
	hasRev   bool
	floor    bool // |b − c| within the materiality floor
}

// probes returns how many probes exist: the forward one, and the reverse one
// when hasRev.
func (e *endpoint) probes() int {
	if e.hasRev {
		return 2
	}
	return 1
}

// probe returns probe i (0 forward, 1 reverse).
func (e *endpoint) probe(i int) *probe {
	if i == 0 {
		return &e.fwd
	}
	return &e.rev
}

// clean reports whether the endpoint passes on its own without a hedge.
func (e *endpoint) clean() bool {
	if e.floor {
		return true
	}
	for i := range e.probes() {
		if e.probe(i).clean() {
			return true
		}
	}
	return false
}

// hedgeCtx says which allowances beyond T1/T2 a pair has.
type hedgeCtx struct {
	hedge    Hedge
	onB      bool // the hedge stands before b rather than a
	stackT3  bool // stacked rounding allowed (approximate hedge, range, lenient)
	hasRange bool
}

// hedged reports whether the endpoint passes through an allowance of h.
func (e *endpoint) hedged(h hedgeCtx) bool {
	for i := range e.probes() {
		p := e.probe(i)
		if !p.guard {
			continue
		}
		if h.stackT3 && p.t3 {
			return true
		}
		bound := h.hedge
		// The hedge bounds the operand it stands on; seen from the other
		// unit through a decreasing mapping the bound turns round.
		onSource := (i == 0) != h.onB // forward: source is a; reverse: source is b
		if onSource && p.decreasing {
			bound = flipBound(bound)
		}
		if (bound == HedgeLower && p.lower) || (bound == HedgeUpper && p.upper) {
			return true
		}
	}
	return false
}

// flipBound turns a lower bound into an upper bound and back.
func flipBound(h Hedge) Hedge {
	switch h {
	case HedgeLower:
		return HedgeUpper
	case HedgeUpper:
		return HedgeLower
	}
	return h
}

// level is how well a set of endpoints passes.
type level uint8

const (
	levelFail   level = iota
	levelHedged       // only through a hedge allowance or stacked rounding
	levelClean        // guard and (T1 or T2) or the floor
)

// combine applies PRECISION.md §4.4: one endpoint passes on its own; a range
// passes when all endpoints pass with one common step (in one direction), or
// each via T2 (or the floor). Anything else that passes endpoint by endpoint
// through T1 with different steps, T3 or a hedge is levelHedged.
func combine(eps []endpoint, h hedgeCtx) level {
	if len(eps) == 1 {
		switch {
		case eps[0].clean():
			return levelClean
		case eps[0].hedged(h):
			return levelHedged
		}
		return levelFail
	}
	if commonStep(eps, forward) || commonStep(eps, reverse) || eachT2(eps) {
		return levelClean
	}
	for i := range eps {
		if !eps[i].clean() && !eps[i].hedged(h) {
			return levelFail
		}
	}
	return levelHedged
}

// probeIn returns the probe of one direction, nil when the endpoint has
// none (no reverse probe).
func (e *endpoint) probeIn(dir direction) *probe {
	switch {
	case dir == forward:
		return &e.fwd
	case e.hasRev:
		return &e.rev
	}
	return nil
}

// commonStep reports whether one admissible step passes T1 (with the guard)
// in one direction for every endpoint not already within the floor.
func commonStep(eps []endpoint, dir direction) bool {
	found := false
	for i := range eps {
		p := eps[i].probeIn(dir)
		if p == nil || !p.guard || !p.t1 {
			continue
		}
		p.steps.each(func(s step) bool {
			found = !s.less(p.t1From) && stepForAll(eps, dir, s)
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// stepForAll reports whether s passes T1 (with the guard) in one direction
// for every endpoint not within the floor.
func stepForAll(eps []endpoint, dir direction, s step) bool {
	for i := range eps {
		if eps[i].floor {
			continue
		}
		p := eps[i].probeIn(dir)
		if p == nil || !p.guard || !p.passesT1(s) {
			return false
		}
	}
	return true
}

// eachT2 reports whether every endpoint passes T2 (with the guard, in either
// direction) or the floor.
func eachT2(eps []endpoint) bool {
	for i := range eps {
		e := &eps[i]
		ok := e.floor
		for k := range e.probes() {
			p := e.probe(k)
			ok = ok || (p.guard && p.t2)
		}
		if !ok {
			return false
		}
	}
	return true
}

// coarse reports whether a passing endpoint is rounded coarser than the
// {{convert}} default. The first direction that passes decides (forward
// first): by T1, when its finest passing step is above the default step;
// by T2, when the written number's own precision (trailing zeros not
// significant) is. Passing by the floor is never coarse.
func (e *endpoint) coarse() bool {
	if e.floor {
		return false
	}
	for i := range e.probes() {
		p := e.probe(i)
		switch {
		case !p.guard || !p.hasDef:
			continue
		case p.t1:
			return p.t1From.exceeds(p.defExp)
		case p.t2:
			return p.yCoarse.Cmp(pow10(p.defExp)) > 0
		}
	}
	return false
}
