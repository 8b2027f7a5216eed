package judge

import (
	"math/big"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// quickPass decides the commonest judgements, a pair that passes cleanly
// as written or under one alternative reading of a generic unit
// ("gallons"), without exact arithmetic and without allocating: each of
// A's amounts converted in float64 (approx, with its error bound) into B's
// unit under the first model run tries (the units as written; a
// temperature reading unless the cue says change), and B's amount tested
// forward against it by the materiality floor or by the guard and T1 with
// the largest admissible step (see quickLevel).
//
// ok is true only when that certainly holds in exact arithmetic: the exact
// path then finds the same clean forward probe (a single endpoint that
// passes forward needs no reverse probe; a range passes by commonStep or
// eachT2), primaries stops at it, and pass returns base's Result, which
// quickPass returns. When the units as written certainly fail (see
// quickLevel) and A or B has alternative units, quickAlt looks for the
// alternative that passes. Anything else (the strict profile, whose pass
// may add an INFO finding; an inverse or affine linear unit; amounts that
// are not decimals or not valid; a comparison closer than its error
// bounds; a pair that needs T2, a reverse probe or a hedge) gives ok
// false, and Judge judges the pair in full.
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
	switch quickLevel(p.A.Amounts, p.B.Amounts, m, prof) {
	case quickClean:
		return baseResult(m, p.A.Amounts, p.B.Amounts[0].Value), true
	case quickFails:
		if len(p.A.Alt) > 0 || len(p.B.Alt) > 0 {
			return quickAlt(p, m, prof)
		}
	}
	return Result{}, false
}

// quickOutcome is what quickLevel can tell of an evaluation's level.
type quickOutcome uint8

const (
	quickUnknown quickOutcome = iota // the full judgement must tell
	quickClean                       // certainly levelClean
	quickFails                       // certainly not levelClean
)

// quickLevel tells, where it can, whether the evaluation of model m
// (quantity, change or reading in linear or affine units) on A's amounts as
// and B's bs, all valid and as many, is levelClean. Clean: every endpoint is within the
// floor or passes the guard and T1 forward with one common step, the
// largest admissible one of the first endpoint outside the floor (T1 holds
// from some step up whenever it holds for any). Not clean: some endpoint of
// a quantity is outside the floor and fails the guard in both directions,
// so that none of its probes is clean (for a range: it passes neither a
// common step nor T2).
func quickLevel(as, bs []numeral.Amount, m model, prof profile) quickOutcome {
	ff, ft := ratApprox(m.ua.Factor), ratApprox(m.ub.Factor)
	var fo, to approx
	if m.ua.Offset != nil {
		fo = ratApprox(m.ua.Offset)
	}
	if m.ub.Offset != nil {
		to = ratApprox(m.ub.Offset)
	}
	var (
		s       step
		hasStep bool
	)
	for i := range as {
		a, b := &as[i], &bs[i]
		if m.kind != kindReading && (a.Value.Sign() == 0 || b.Value.Sign() == 0) {
			return quickUnknown // endpoint refuses a zero
		}
		c, cOK := quickConvert(ratApprox(a.Value), ff, fo, ft, to, m.kind)
		if !cOK {
			return quickUnknown
		}
		d := ratApprox(b.Value).sub(c).abs()
		floor, floorOK := cmpOK(d, prof.floor.approx().mul(c.abs()))
		if floorOK && floor <= 0 {
			continue // within the materiality floor
		}
		guard, guardOK := quickGuard(b, c, d, prof, m.kind)
		if !guardOK {
			return quickUnknown
		}
		if !guard {
			if floorOK && m.kind == kindQuantity && quickReverseFails(a, b, ff, ft, prof) {
				return quickFails
			}
			return quickUnknown
		}
		e, ok := magOK(c)
		if !ok {
			return quickUnknown
		}
		y, ok := quickDecimals(b.Value, b.Fine)
		if !ok {
			return quickUnknown
		}
		set := stepSet{y: &y, capExp: capExponent(e, forward, m.kind)}
		if !hasStep {
			if s, hasStep = set.largest(); !hasStep {
				return quickUnknown
			}
		} else if !set.admits(s) {
			return quickUnknown
		}
		if cmp, ok := cmpOK(d, s.approx().half()); !ok || cmp > 0 {
			return quickUnknown
		}
	}
	return quickClean
}

// quickReverseFails reports whether the reverse probe of a quantity's
// endpoint (a tested as the conversion of b) certainly fails its guard.
func quickReverseFails(a, b *numeral.Amount, ff, ft approx, prof profile) bool {
	c, ok := quickConvert(ratApprox(b.Value), ft, approx{}, ff, approx{}, kindQuantity)
	if !ok {
		return false
	}
	guard, ok := quickGuard(a, c, ratApprox(a.Value).sub(c).abs(), prof, kindQuantity)
	return ok && !guard
}

// quickAlt finishes quickPass for a pair whose units as written (model
// m, a quantity) certainly fail and that has alternative units: run then
// passes it by the alternative reading nearest to b among the clean ones
// (nearestClean). quickAlt finds it when exactly one pair of units among
// the alternatives is certainly clean and every other certainly fails;
// ok is false otherwise.
func quickAlt(p *Pair, m model, prof profile) (Result, bool) {
	if m.kind != kindQuantity {
		return Result{}, false
	}
	var best model
	found := false
	for ia := range 1 + len(p.A.Alt) {
		ua := unitAt(&p.A, ia)
		for ib := range 1 + len(p.B.Alt) {
			ub := unitAt(&p.B, ib)
			if (ia == 0 && ib == 0) || ua == nil || ub == nil || !compatible(ua, ub) ||
				(ua == m.ua && ub == m.ub) { // the units as written again
				continue
			}
			if isTemperature(ua) || ua.Inverse || ub.Inverse || ua.Offset != nil || ub.Offset != nil {
				return Result{}, false
			}
			alt := model{ua: ua, ub: ub, kind: kindQuantity}
			switch quickLevel(p.A.Amounts, p.B.Amounts, alt, prof) {
			case quickUnknown:
				return Result{}, false
			case quickClean:
				if found && (best.ua != ua || best.ub != ub) {
					return Result{}, false // nearestClean compares them
				}
				best, found = alt, true
			}
		}
	}
	if !found {
		return Result{}, false
	}
	return baseResult(best, p.A.Amounts, p.B.Amounts[0].Value), true
}

// unitAt returns an operand's unit (i = 0) or its alternative i − 1.
func unitAt(o *Operand, i int) *units.Unit {
	if i == 0 {
		return o.Unit
	}
	return o.Alt[i-1]
}

// quickModel returns the first model run tries for the pair (see models),
// when quickPass can judge it: one linear in units that are neither
// inverse nor affine (a quantity or a temperature change), or a
// temperature reading.
func quickModel(p *Pair, cat *units.Catalogue) (model, bool) {
	ua, ub := p.A.Unit, p.B.Unit
	var m model
	switch {
	case !isTemperature(ua) && !isTemperature(ub):
		if ua.Dim != ub.Dim {
			return model{}, false
		}
		m = model{ua: ua, ub: ub, kind: kindQuantity}
	case isTemperature(ua) && isTemperature(ub):
		reading := ua.Dim == units.Temperature && ub.Dim == units.Temperature
		if reading && p.Temp != TempChange {
			return model{ua: ua, ub: ub, kind: kindReading}, true // whatever the change units
		}
		ca, cb := changeOf(ua, cat), changeOf(ub, cat)
		hasChange := ca.Dim == units.TemperatureChange && cb.Dim == units.TemperatureChange
		switch {
		case reading && !hasChange:
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

// quickGuard tells whether the guard holds for the written amount b
// against c, d = |b − c| given (readings have none; a change's allowance
// of half a degree is left to the full judgement: a change that fails the
// percentage is unknown); ok is false when it cannot tell.
func quickGuard(b *numeral.Amount, c, d approx, prof profile, kind scaleKind) (holds, ok bool) {
	if kind == kindReading {
		return true, true
	}
	pct := prof.guardMore
	if b.Sig <= 1 {
		pct = prof.guardOne
	}
	cmp, ok := cmpOK(d, pct.approx().mul(c.abs()))
	if kind == kindChange && cmp > 0 {
		return false, false
	}
	return cmp <= 0, ok
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

// quickLevelOf is quickLevel for a judgement's model m with B's amounts bs
// (a fix's, or B with digits swapped) on the fast path: unknown on the
// exact path (which the tests hold the fast one to) and where quickLevel
// does not apply (an inverse unit, amounts that are not valid).
func (j *judgement) quickLevelOf(m model, bs []numeral.Amount) quickOutcome {
	if !j.fast || len(bs) != len(j.p.A.Amounts) || m.ua.Inverse || m.ub.Inverse ||
		(m.kind != kindReading && (m.ua.Offset != nil || m.ub.Offset != nil)) {
		return quickUnknown
	}
	for i := range bs {
		if !validAmount(bs[i]) {
			return quickUnknown
		}
	}
	return quickLevel(j.p.A.Amounts, bs, m, j.prof)
}
