package judge

import (
	"math"
	"math/big"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// judgement is one call of Judge: the pair, its amounts and the settings.
type judgement struct {
	p     Pair
	cat   *units.Catalogue // may be nil: no change model, siblings or spellings
	prof  profile
	test  tester
	hctx  hedgeCtx
	a, b  []amount
	alts  bool // A or B has alternative units
	isTmp bool // a temperature pair
	// fast: decide in float64 (see runFast); the values a Result shows are
	// computed exactly all the same.
	fast bool
	// unitList is the catalogue's units, once asked for (catUnits).
	unitList []*units.Unit
}

// wrapAmounts wraps a pair's amounts for a judgement (its a and b) in one
// allocation: the judgement itself stays on Judge's stack, which it could
// not if it held its amounts (they are reached from what a Result keeps).
func wrapAmounts(p *Pair) (a, b []amount) {
	na := len(p.A.Amounts)
	all := make([]amount, 0, na+len(p.B.Amounts))
	all = appendAmounts(all, p.A.Amounts)
	all = appendAmounts(all, p.B.Amounts)
	return all[:na:na], all[na:]
}

// catUnits returns the catalogue's units (cat must be set).
func (j *judgement) catUnits() []*units.Unit {
	if j.unitList == nil {
		j.unitList = j.cat.Units()
	}
	return j.unitList
}

// model is one interpretation of a pair: the units it is judged in and how
// the numbers are rounded.
type model struct {
	ua, ub *units.Unit
	kind   scaleKind
	alt    bool        // an Alt unit is involved
	wa, wb *units.Unit // the units as written (or the Alt) the model reads
}

// evaluation is a model judged against the pair's amounts.
type evaluation struct {
	m model
	// n is the number of endpoints (see endpoints): they are held in ep
	// for the usual one or two amounts a side, so that an evaluation takes
	// no allocation of its own, and in more beyond.
	n    int
	ep   [2]endpoint
	more []endpoint
	// exact is the forward conversion of each of A's amounts; on the fast
	// path it is computed on first use (exactOf), and each endpoint's
	// forward probe holds its shadow (shadow).
	exact []*big.Rat
	b     []amount // the B amounts judged
	lvl   level
}

// endpoints returns the evaluation's endpoints, one per amount.
func (ev *evaluation) endpoints() []endpoint {
	if ev.more != nil {
		return ev.more
	}
	return ev.ep[:ev.n]
}

// shadow returns the float64 shadow of the exact conversion of A's amount
// i (fast path).
func (ev *evaluation) shadow(i int) approx { return ev.endpoints()[i].fwd.cf }

// init sets up a zero judgement for a pair; it reports false when the pair
// cannot be judged (see Judge).
func (j *judgement) init(p Pair, opts Options) bool {
	if p.A.Unit == nil || p.B.Unit == nil {
		return false
	}
	if len(p.A.Amounts) == 0 || len(p.A.Amounts) != len(p.B.Amounts) {
		return false
	}
	for _, as := range [][]numeral.Amount{p.A.Amounts, p.B.Amounts} {
		for _, am := range as {
			if !validAmount(am) {
				return false
			}
		}
	}
	prof := profileFor(opts.Tolerance)
	j.p = p
	j.cat = opts.Catalogue
	j.prof = prof
	j.test = tester{prof: prof}
	j.alts = len(p.A.Alt) > 0 || len(p.B.Alt) > 0
	j.a, j.b = wrapAmounts(&p)
	j.isTmp = isTemperature(p.A.Unit) && isTemperature(p.B.Unit)
	j.hctx = hedgeCtx{hedge: p.A.Hedge, hasRange: len(p.A.Amounts) > 1}
	if j.hctx.hedge == HedgeNone {
		j.hctx.hedge, j.hctx.onB = p.B.Hedge, true
	}
	j.hctx.stackT3 = j.hctx.hedge == HedgeApprox || j.hctx.hasRange || prof.stackAll
	return true
}

// validAmount reports whether an amount carries what the tests need.
func validAmount(a numeral.Amount) bool {
	return a.Value != nil && a.Fine != nil && a.Coarse != nil && a.Fine.Sign() > 0 && a.Coarse.Sign() > 0
}

// canFast reports whether every amount has a float64 shadow.
func (j *judgement) canFast() bool {
	for _, as := range [][]amount{j.a, j.b} {
		for i := range as {
			if !as[i].fast {
				return false
			}
		}
	}
	return true
}

// runFast judges the pair deciding in float64; ok is false when a decision
// came too close to call and the pair must be judged exactly.
func (j *judgement) runFast() (r Result, ok bool) {
	j.fast = true
	defer func() {
		j.fast = false
		if e := recover(); e != nil {
			if _, is := e.(undecided); !is {
				panic(e)
			}
			r, ok = Result{}, false
		}
	}()
	return j.run(), true
}

// isTemperature reports whether u measures a temperature reading or change.
func isTemperature(u *units.Unit) bool {
	return u != nil && (u.Dim == units.Temperature || u.Dim == units.TemperatureChange)
}

// compatible reports whether two units can be judged as a conversion.
func compatible(ua, ub *units.Unit) bool {
	if ua == nil || ub == nil {
		return false
	}
	return ua.Dim == ub.Dim || (isTemperature(ua) && isTemperature(ub))
}

// change returns the temperature-change unit of u (u itself when it has none).
func (j *judgement) change(u *units.Unit) *units.Unit { return changeOf(u, j.cat) }

// changeOf is change with the catalogue cat (nil: none).
func changeOf(u *units.Unit, cat *units.Catalogue) *units.Unit {
	if u.Dim == units.TemperatureChange || cat == nil {
		return u
	}
	return cat.Change(u)
}

// modelSet is the interpretations of a pair of units (see models), held
// by value so that finding them takes no allocation.
type modelSet struct {
	allowed  [2]model // the first n are the models the cue allows
	n        int
	other    model // the model the cue rules out, when hasOther
	hasOther bool
}

// list returns the models the cue allows.
func (s *modelSet) list() []model { return s.allowed[:s.n] }

// models returns the interpretations of (ua, ub) the cue allows, and the
// one it rules out: for temperatures, the reading model (affine) and the
// change model (scale only), PRECISION.md §4.4.
func (j *judgement) models(ua, ub *units.Unit, alt bool) modelSet {
	var s modelSet
	if !compatible(ua, ub) {
		return s
	}
	if !isTemperature(ua) {
		s.allowed[0], s.n = model{ua: ua, ub: ub, kind: kindQuantity, alt: alt, wa: ua, wb: ub}, 1
		return s
	}
	change := model{ua: j.change(ua), ub: j.change(ub), kind: kindChange, alt: alt, wa: ua, wb: ub}
	hasChange := change.ua.Dim == units.TemperatureChange && change.ub.Dim == units.TemperatureChange
	if ua.Dim != units.Temperature || ub.Dim != units.Temperature {
		if hasChange {
			s.allowed[0], s.n = change, 1 // a change unit on either side: a difference
		}
		return s
	}
	reading := model{ua: ua, ub: ub, kind: kindReading, alt: alt, wa: ua, wb: ub}
	switch {
	case !hasChange:
		s.allowed[0], s.n = reading, 1
	case j.p.Temp == TempReading:
		s.allowed[0], s.n, s.other, s.hasOther = reading, 1, change, true
	case j.p.Temp == TempChange:
		s.allowed[0], s.n, s.other, s.hasOther = change, 1, reading, true
	default:
		s.allowed, s.n = [2]model{reading, change}, 2
	}
	return s
}

// evaluate runs the tests of one model on the pair's amounts (b as given).
func (j *judgement) evaluate(m model) (evaluation, bool) {
	return j.evaluateB(m, j.b)
}

// evaluateB runs the tests of one model with the given B amounts (a fix's).
func (j *judgement) evaluateB(m model, b []amount) (evaluation, bool) {
	var ev evaluation
	ok := j.evaluateInto(&ev, m, b)
	return ev, ok
}

// evaluateInto is evaluateB writing into ev (which it overwrites), so
// that a caller keeping the evaluation does not copy it.
func (j *judgement) evaluateInto(ev *evaluation, m model, b []amount) bool {
	*ev = evaluation{m: m, b: b, n: len(b)}
	if len(b) != len(j.a) {
		return false
	}
	if len(b) > len(ev.ep) {
		ev.more = make([]endpoint, len(b))
	}
	if !j.fast {
		ev.exact = make([]*big.Rat, len(b))
	}
	for i := range b {
		if !j.endpoint(m, ev, i) {
			return false
		}
	}
	ev.lvl = combine(ev.endpoints(), j.hctx)
	return true
}

// endpoint runs the tests for A's and B's amounts i in both directions and
// records them, with the exact conversion (fast path: its shadow, in the
// forward probe), in ev. The reverse probe is left out where it cannot
// change anything (see needsReverse).
func (j *judgement) endpoint(m model, ev *evaluation, i int) bool {
	a, b := &j.a[i], &ev.b[i]
	if m.kind != kindReading && (a.Value.Sign() == 0 || b.Value.Sign() == 0) {
		return false // no relative precision to judge a zero by
	}
	e := &ev.endpoints()[i]
	fwdMap, revMap := mapping{from: m.ua, to: m.ub}, mapping{from: m.ub, to: m.ua}
	if j.fast {
		if !b.fast {
			panic(undecided{})
		}
		fwd, err := j.test.probeFast(a, b, &fwdMap, forward, m.kind, m.ub)
		if err != nil || (m.kind != kindReading && fwd.cf.sign() == 0) {
			return false
		}
		e.fwd = fwd
		cmp, ok := cmpOK(b.v.sub(fwd.cf).abs(), j.prof.floor.approx().mul(fwd.cf.abs()))
		if !ok { // |b − c| exactly at the floor: the exact test decides
			c, err := fwdMap.exact(a.Value)
			if err != nil {
				panic(undecided{})
			}
			cmp = 1
			if relWithin(b.Value, c, j.prof.floor.rat()) {
				cmp = 0
			}
		}
		e.floor = cmp <= 0
		if !needsReverse(ev, e) {
			return true
		}
		if rev, err := j.test.probeFast(b, a, &revMap, reverse, m.kind, m.ua); err == nil && (m.kind == kindReading || rev.cf.sign() != 0) {
			e.rev, e.hasRev = rev, true
		}
		return true
	}
	fwd, err := j.test.probe(a, b, &fwdMap, forward, m.kind, m.ub)
	if err != nil || (m.kind != kindReading && fwd.c.Sign() == 0) {
		return false
	}
	e.fwd = fwd
	e.floor = relWithin(b.Value, fwd.c, j.prof.floor.rat())
	ev.exact[i] = fwd.c
	if !needsReverse(ev, e) {
		return true
	}
	if rev, err := j.test.probe(b, a, &revMap, reverse, m.kind, m.ua); err == nil && (m.kind == kindReading || rev.c.Sign() != 0) {
		e.rev, e.hasRev = rev, true
	}
	return true
}

// needsReverse reports whether an endpoint whose forward probe and floor
// are set needs its reverse probe. A single endpoint that passes forward
// cleanly or by the floor does not: it is clean whatever the reverse probe
// says (see endpoint.clean), which then plays no part (hedged is for
// endpoints that are not clean, and coarse decides by the first clean
// probe or the floor); a range's endpoints always do (commonStep, eachT2).
func needsReverse(ev *evaluation, e *endpoint) bool {
	return ev.n > 1 || (!e.floor && !e.fwd.clean())
}

// exactOf returns the exact conversions of an evaluation, computing them on
// the fast path.
func (j *judgement) exactOf(ev *evaluation) []*big.Rat {
	if ev.exact == nil {
		ev.exact = convertAll(j.p.A.Amounts, ev.m.ua, ev.m.ub)
	}
	return ev.exact
}

// convertAll returns the exact conversion of each amount from one unit into
// another (see convertOne).
func convertAll(as []numeral.Amount, from, to *units.Unit) []*big.Rat {
	out := make([]*big.Rat, len(as))
	for i := range as {
		out[i] = convertOne(as[i].Value, from, to)
	}
	return out
}

// convertOne returns the exact conversion of x from one unit into another,
// zero where it fails (which a judged pair's amounts do not).
func convertOne(x *big.Rat, from, to *units.Unit) *big.Rat {
	c, err := convertExact(x, from, to)
	if err != nil {
		return new(big.Rat)
	}
	return c
}

// primarySet is the evaluations of the units as written (see primaries).
type primarySet struct {
	// pass is a clean evaluation that decides the judgement, when hasPass;
	// the fields below are then not set. (Without hasPass it holds
	// whatever primaries evaluated last.)
	pass    evaluation
	hasPass bool
	evs     []evaluation // the models the cue allows
	other   evaluation   // the model it rules out, when hasOther
	// hasOther: other is set.
	hasOther bool
}

// primaries evaluates the units as written into ps: the models the
// temperature cue allows and the one it rules out. When one of the first is
// clean (in the strict profile: without an INFO finding) it stops there and
// sets it as pass: what comes after it cannot change the judgement.
func (j *judgement) primaries(ps *primarySet) {
	ms := j.models(j.p.A.Unit, j.p.B.Unit, false)
	for _, m := range ms.list() {
		// evaluated in place, in pass; kept there when it decides
		ev := &ps.pass
		if j.evaluateInto(ev, m, j.b) {
			if ev.lvl == levelClean && (!j.prof.strict || j.infoReason(ev, false) == infoNone) {
				ps.hasPass = true
				return
			}
			ps.evs = append(ps.evs, *ev)
		}
	}
	if ms.hasOther {
		ps.other, ps.hasOther = j.evaluate(ms.other)
	}
}

// alternatives returns the evaluations that read A or B (or both) in one of
// their alternative units (Operand.Alt).
func (j *judgement) alternatives() []evaluation {
	if !j.alts {
		return nil
	}
	var alt []evaluation
	as := append([]*units.Unit{j.p.A.Unit}, j.p.A.Alt...)
	bs := append([]*units.Unit{j.p.B.Unit}, j.p.B.Alt...)
	for ia, ua := range as {
		for ib, ub := range bs {
			if (ia == 0 && ib == 0) || ua == nil || ub == nil {
				continue
			}
			ms := j.models(ua, ub, true)
			for _, m := range ms.list() {
				if ev, ok := j.evaluate(m); ok {
					alt = append(alt, ev)
				}
			}
		}
	}
	return alt
}

// run judges the pair.
func (j *judgement) run() Result {
	var ps primarySet
	j.primaries(&ps)
	if ps.hasPass {
		return j.pass(&ps.pass, false)
	}
	primary := ps.evs
	if clean := j.firstClean(primary); clean != nil {
		return j.pass(clean, false)
	}
	alt := j.alternatives()
	if len(primary) == 0 && len(alt) == 0 {
		if !compatible(j.p.A.Unit, j.p.B.Unit) {
			return j.wrongUnit()
		}
		return Result{Verdict: OK} // not judgeable (zero amounts, division by zero)
	}
	if ev := j.nearestClean(alt); ev != nil {
		return j.pass(ev, false)
	}
	if ps.hasOther && ps.other.lvl == levelClean && len(primary) > 0 {
		return j.cueContradiction(&primary[0], &ps.other)
	}
	if len(primary) == 0 {
		// The units as written are of different dimensions, but an
		// alternative reading of the spelling is not ("oz" beside ml is a
		// fluid ounce): judge by the first such alternative.
		primary = firstUnits(alt)
	}
	for _, evs := range [][]evaluation{primary, alt} {
		for i := range evs {
			if evs[i].lvl == levelHedged {
				if d := j.diagnose(primary); d != nil {
					return j.diagnosed(d)
				}
				return j.pass(&evs[i], true)
			}
		}
	}
	return j.fail(primary)
}

// fail reports a pair no interpretation passes: a diagnosis if one fits,
// otherwise WARNING or ERROR by the size of the error.
func (j *judgement) fail(evs []evaluation) Result {
	if d := j.diagnose(evs); d != nil {
		return j.diagnosed(d)
	}
	return j.undiagnosed(j.closest(evs))
}

// firstClean returns the first clean evaluation, in the strict profile the
// first without an INFO finding if there is one (a temperature pair that
// passes both as a reading and as a change); nil when none is clean.
func (j *judgement) firstClean(evs []evaluation) *evaluation {
	var first *evaluation
	for i := range evs {
		if evs[i].lvl != levelClean {
			continue
		}
		if !j.prof.strict || j.infoReason(&evs[i], false) == infoNone {
			return &evs[i]
		}
		if first == nil {
			first = &evs[i]
		}
	}
	return first
}

// nearestClean returns the clean evaluation whose conversion is nearest to
// the written b (the first on a tie): of several alternative readings that
// pass, the likeliest; nil when none is clean.
func (j *judgement) nearestClean(evs []evaluation) *evaluation {
	var best *evaluation
	for i := range evs {
		if evs[i].lvl == levelClean && (best == nil || j.relErrLess(&evs[i], best)) {
			best = &evs[i]
		}
	}
	return best
}

// firstUnits returns the evaluations that read the same units as the first.
func firstUnits(evs []evaluation) []evaluation {
	var out []evaluation
	for _, ev := range evs {
		if ev.m.wa == evs[0].m.wa && ev.m.wb == evs[0].m.wb {
			out = append(out, ev)
		}
	}
	return out
}

// closest returns the evaluation whose first amount is nearest (relatively)
// to the written b; the first one on ties.
func (j *judgement) closest(evs []evaluation) *evaluation {
	best := &evs[0]
	for i := 1; i < len(evs); i++ {
		if j.relErrLess(&evs[i], best) {
			best = &evs[i]
		}
	}
	return best
}

// relErrLess reports whether x's relErr is below y's.
func (j *judgement) relErrLess(x, y *evaluation) bool {
	if j.fast {
		if c, ok := cmpOK(j.relErrFast(x), j.relErrFast(y)); ok {
			return c < 0
		}
	}
	return j.relErr(x).Cmp(j.relErr(y)) < 0
}

// relErr is the largest |b − c| / |c| over the endpoints.
func (j *judgement) relErr(ev *evaluation) *big.Rat {
	worst := new(big.Rat)
	for i, c := range j.exactOf(ev) {
		if c.Sign() == 0 {
			continue
		}
		worst = maxRat(worst, quo(dist(ev.b[i].Value, c), abs(c)))
	}
	return worst
}

// relErrFloat is relErr as the float64 nearest to it: the largest of each
// endpoint's correctly rounded relErrOf in magnitude (rounding to nearest
// is monotone, so the largest rounded value is the rounded largest).
func (j *judgement) relErrFloat(ev *evaluation) float64 {
	worst := 0.0
	for i, c := range j.exactOf(ev) {
		if c.Sign() == 0 {
			continue
		}
		worst = max(worst, math.Abs(relErrOf(ev.b[i].Value, c)))
	}
	return worst
}

// relErrFast is relErr in float64.
func (j *judgement) relErrFast(ev *evaluation) approx {
	var worst approx
	for i := range ev.n {
		c := ev.shadow(i)
		if c.sign() == 0 {
			continue
		}
		worst = hullMax(worst, ev.b[i].v.sub(c).abs().div(c.abs()))
	}
	return worst
}
