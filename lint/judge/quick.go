package judge

import (
	"math/big"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// quickPass decides the commonest judgement, a pair that passes cleanly as
// written, without exact arithmetic and without allocating: each of A's
// amounts converted in float64 (approx, with its error bound) into B's unit
// under the first model run tries (the units as written; a temperature
// reading unless the cue says change), and B's amount tested forward
// against it by the materiality floor or, for a single amount, by the guard
// and T1 with the largest admissible step.
//
// ok is true only when that certainly holds in exact arithmetic: the exact
// path then finds the same clean forward probe (a single endpoint that
// passes forward needs no reverse probe; a range whose endpoints are all
// within the floor passes by eachT2), primaries stops at it, and pass
// returns base's Result, which quickPass returns. Anything else (the strict
// profile, whose pass may add an INFO finding; an inverse or affine linear
// unit, a temperature change; amounts that are not decimals or not valid;
// a comparison closer than its error bounds; a pair that needs T2, a
// reverse probe or a hedge) gives ok false, and Judge judges the pair in
// full.
func quickPass(p *Pair, prof profile, cat *units.Catalogue) (r Result, ok bool) {
	n := len(p.A.Amounts)
	if prof.strict || p.A.Unit == nil || p.B.Unit == nil || n == 0 || n > 2 || n != len(p.B.Amounts) {
		return Result{}, false
	}
	m, ok := quickModel(p, cat)
	if !ok {
		return Result{}, false
	}
	for i := range n {
		if !validAmount(p.A.Amounts[i]) || !validAmount(p.B.Amounts[i]) {
			return Result{}, false // init refuses the pair
		}
	}
	ff, ft := ratApprox(m.ua.Factor), ratApprox(m.ub.Factor)
	var fo, to approx
	if m.ua.Offset != nil {
		fo = ratApprox(m.ua.Offset)
	}
	if m.ub.Offset != nil {
		to = ratApprox(m.ub.Offset)
	}
	// The endpoints outside the floor must pass T1 with one common step
	// (commonStep): the largest of the first one's, which T1 holds for
	// whenever any step does.
	var (
		s       step
		hasStep bool
	)
	for i := range n {
		a, b := &p.A.Amounts[i], &p.B.Amounts[i]
		if m.kind != kindReading && (a.Value.Sign() == 0 || b.Value.Sign() == 0) {
			return Result{}, false // endpoint refuses a zero
		}
		c, cOK := quickConvert(ratApprox(a.Value), ff, fo, ft, to, m.kind)
		if !cOK {
			return Result{}, false
		}
		d := ratApprox(b.Value).sub(c).abs()
		if cmp, ok := cmpOK(d, prof.floor.approx().mul(c.abs())); ok && cmp <= 0 {
			continue // within the materiality floor
		}
		if !quickGuard(b, c, d, prof, m.kind) {
			return Result{}, false
		}
		e, ok := magOK(c)
		if !ok {
			return Result{}, false
		}
		y, ok := quickDecimals(b.Value, b.Fine)
		if !ok {
			return Result{}, false
		}
		set := stepSet{y: &y, capExp: capExponent(e, forward, m.kind)}
		if !hasStep {
			if s, hasStep = set.largest(); !hasStep {
				return Result{}, false
			}
		} else if !set.admits(s) {
			return Result{}, false
		}
		if cmp, ok := cmpOK(d, s.approx().half()); !ok || cmp > 0 {
			return Result{}, false
		}
	}
	return Result{Unit: m.ub, Change: m.kind == kindChange, from: m.ua, src: p.A.Amounts, b: p.B.Amounts[0].Value}, true
}

// quickModel returns the first model run tries for the pair (see models),
// when quickPass can judge it: one linear in units that are neither
// inverse nor affine (a quantity or a temperature change), or a
// temperature reading.
func quickModel(p *Pair, cat *units.Catalogue) (model, bool) {
	ua, ub := p.A.Unit, p.B.Unit
	change := func(u *units.Unit) *units.Unit {
		if u.Dim == units.TemperatureChange || cat == nil {
			return u
		}
		return cat.Change(u)
	}
	var m model
	switch {
	case !isTemperature(ua) && !isTemperature(ub):
		if ua.Dim != ub.Dim {
			return model{}, false
		}
		m = model{ua: ua, ub: ub, kind: kindQuantity}
	case isTemperature(ua) && isTemperature(ub):
		ca, cb := change(ua), change(ub)
		hasChange := ca.Dim == units.TemperatureChange && cb.Dim == units.TemperatureChange
		reading := ua.Dim == units.Temperature && ub.Dim == units.Temperature
		switch {
		case reading && (p.Temp != TempChange || !hasChange):
			return model{ua: ua, ub: ub, kind: kindReading}, true
		case !hasChange:
			return model{}, false
		}
		m = model{ua: ca, ub: cb, kind: kindChange}
	default:
		return model{}, false
	}
	if m.ua.Inverse || m.ub.Inverse || m.ua.Offset != nil || m.ub.Offset != nil {
		return model{}, false
	}
	return m, true
}

// quickGuard reports whether the guard certainly holds for the written
// amount b against c, d = |b − c| given (readings have none; a change's
// allowance of half a degree is left to the full judgement).
func quickGuard(b *numeral.Amount, c, d approx, prof profile, kind scaleKind) bool {
	if kind == kindReading {
		return true
	}
	pct := prof.guardMore
	if b.Sig <= 1 {
		pct = prof.guardOne
	}
	cmp, ok := cmpOK(d, pct.approx().mul(c.abs()))
	return ok && cmp <= 0
}

// quickConvert converts x in float64 as convertShadows does for a linear
// unit (kindQuantity) or an affine one (kindReading, with offsets fo and
// to); ok is false when a quantity's conversion may be zero (endpoint
// refuses it) or the result is not finite.
func quickConvert(x, ff, fo, ft, to approx, kind scaleKind) (c approx, ok bool) {
	c = x.mul(ff)
	if kind == kindReading {
		c = c.add(fo).sub(to)
	}
	c, ok = c.divOK(ft)
	if !ok {
		return approx{}, false
	}
	s, ok := c.signOK()
	return c, ok && (kind == kindReading || s != 0)
}

// quickDecimals returns the fast amount of value v and place value fine
// that stepSet reads (val, fine, fineMag), or ok false when either is no
// decimal float64 holds.
func quickDecimals(v, fine *big.Rat) (amount, bool) {
	val, okV := ratDec(v)
	f, okF := ratDec(fine)
	if !okV || !okF {
		return amount{}, false
	}
	return amount{fast: true, val: val, fine: f, fineMag: f.mag()}, true
}
