package judge

import (
	"math/big"
	"strings"
	"unicode"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// base fills the fields every judged result has. Exact and RelErr are
// left to the Result's methods, so that a passing pair, whose exact values
// few callers read, costs no rational arithmetic.
func (j *judgement) base(ev *evaluation) Result {
	return baseResult(ev.m, j.p.A.Amounts, ev.b[0].Value)
}

// baseResult is base for model m, A's amounts src and B's first value b
// (quickPass's Result, without an evaluation).
func baseResult(m model, src []numeral.Amount, b *big.Rat) Result {
	return Result{Unit: m.ub, Change: m.kind == kindChange, from: m.ua, src: src, b: b}
}

// relErrOf returns (b − c) / c as the float64 nearest to it; c ≠ 0.
func relErrOf(b, c *big.Rat) float64 {
	// (b − c)/c = (bn·cd − cn·bd) / (cn·bd): when numerator and denominator
	// are integers float64 holds exactly, one division rounds it right.
	bn, bd, okB := fraction64(b)
	cn, cd, okC := fraction64(c)
	if okB && okC {
		n1, ok1 := mul64(bn, cd)
		n2, ok2 := mul64(cn, bd)
		if ok1 && ok2 {
			num := n1 - n2
			if num == 0 {
				return 0
			}
			if -maxSafe <= num && num <= maxSafe && -maxSafe <= n2 && n2 <= maxSafe {
				return float64(num) / float64(n2)
			}
		}
	}
	return float(quo(sub(b, c), c))
}

// fraction64 returns x as num/den when both fit in 2^53 (in magnitude),
// read from their words: no big.Int arithmetic, not even the comparison
// IsInt makes (on a machine whose words are narrower than 64 bits, only
// when they fit in one word).
func fraction64(x *big.Rat) (num, den int64, ok bool) {
	nw := x.Num().Bits()
	dw := x.Denom().Bits() // an integer's denominator reads as 1
	if len(nw) > 1 || len(dw) != 1 || uint64(dw[0]) > maxSafe {
		return 0, 0, false
	}
	if len(nw) == 1 {
		if uint64(nw[0]) > maxSafe {
			return 0, 0, false
		}
		num = int64(nw[0]) //nolint:gosec // at most 2^53
	}
	if x.Sign() < 0 {
		num = -num
	}
	return num, int64(dw[0]), true //nolint:gosec // at most 2^53
}

// mul64 returns a·b for |a|, |b| ≤ 2^53 when the product stays within
// 2^62.
func mul64(a, b int64) (int64, bool) {
	if b != 0 && absInt(a) > (1<<62)/absInt(b) {
		return 0, false
	}
	return a * b, true
}

// infoReason is why a passing pair is INFO in the strict profile.
type infoReason uint8

const (
	infoNone     infoReason = iota
	infoAlt                 // passes only under an alternative unit
	infoStacked             // passes only through a hedge allowance or stacked rounding
	infoCoarse              // coarser than the {{convert}} default
	infoSpurious            // three or more figures more than the source shows
)

// pass reports a passing evaluation; viaHedge when it passed only through a
// hedge allowance or stacked rounding.
func (j *judgement) pass(ev *evaluation, viaHedge bool) Result {
	r := j.base(ev)
	if !j.prof.strict {
		return r
	}
	reason := j.infoReason(ev, viaHedge)
	if reason == infoNone {
		return r
	}
	r.Verdict = Info
	switch reason {
	case infoAlt:
		var conds []string
		if !j.sameUnit(ev.m.ua, j.p.A.Unit) {
			conds = append(conds, j.unitWords(j.p.A)+" means "+ev.m.ua.Plural)
		}
		if !j.sameUnit(ev.m.ub, j.p.B.Unit) {
			conds = append(conds, j.unitWords(j.p.B)+" means "+ev.m.ub.Plural)
		}
		// The statement names the units the written ones stand for here,
		// which the message (in the units as written) does not.
		r.Explanation = j.bWritten() + " is right only if " + strings.Join(conds, " and ") + ": " + j.statement(ev)
		if !j.sameUnit(ev.m.ub, j.p.B.Unit) {
			// naming the unit is the fix, with B's numbers rewritten too
			// where, once named, they would still draw a note ("1 gallon"
			// for 1.1 imperial gallons is rounded more coarsely than usual)
			var nums []numberEdit
			if !j.acceptable(ev, false) {
				nums, _ = j.numberTexts(ev, fixSig)
			}
			if unit := j.respell(ev.m.ub, nums); unit != "" {
				j.setFix(&r, nums, unit)
			}
		}
		return r
	case infoStacked:
		r.Explanation = j.bWritten() + " is only a loose rounding"
	case infoCoarse:
		r.Explanation = j.bWritten() + " is rounded more coarsely than usual"
	case infoSpurious:
		r.Explanation = j.bWritten() + " is more precise than " + j.srcText(ev.m) + " justifies"
	}
	if nums, ok := j.numberTexts(ev, fixDefault); ok {
		j.setFix(&r, nums, "")
	}
	return r
}

// sameUnit reports whether the judged unit u is the written unit w (or its
// temperature-change unit).
func (j *judgement) sameUnit(u, w *units.Unit) bool { return u == w || u == j.change(w) }

// unitWords writes an operand's unit as written, or its plural name.
func (j *judgement) unitWords(o Operand) string {
	if o.UnitText != "" {
		return "“" + o.UnitText + "”"
	}
	return o.Unit.Plural
}

// infoReason returns the first INFO finding for a passing evaluation.
func (j *judgement) infoReason(ev *evaluation, viaHedge bool) infoReason {
	switch {
	case ev.m.alt:
		return infoAlt
	case viaHedge:
		return infoStacked
	case j.p.A.Major != nil || j.p.B.Major != nil:
		return infoNone // a compound's precision is set by its form
	}
	eps := ev.endpoints()
	for i := range eps {
		if eps[i].coarse() {
			return infoCoarse
		}
	}
	if ev.m.kind == kindReading {
		return infoNone // readings keep the source's decimals, not its figures
	}
	for i := range j.a {
		if ev.b[i].Sig-j.a[i].Sig >= 3 {
			return infoSpurious
		}
	}
	return infoNone
}

// cueContradiction reports a temperature pair that passes only under the
// model its cue rules out (PRECISION.md §4.4): ERROR, with the fix of the
// model the cue asks for.
func (j *judgement) cueContradiction(allowed, other *evaluation) Result {
	cause := CauseOffsetMissing
	why := offsetWords(j.p.A.Unit, j.p.B.Unit, false)
	if allowed.m.kind == kindChange {
		cause = CauseOffsetOnChange
		why = offsetWords(other.m.ua, other.m.ub, true)
	}
	return j.diagnosed(&diagnosis{ev: allowed, cause: cause, text: why})
}

// diagnosed reports an explained mistake: ERROR with a fix.
func (j *judgement) diagnosed(d *diagnosis) Result {
	r := j.base(d.ev)
	r.Verdict = Error
	r.Cause = d.cause
	r.Explanation = d.text
	if nums, ok := j.numberTexts(d.ev, fixSig); ok {
		j.setFix(&r, nums, "")
	}
	return r
}

// undiagnosed reports a failure no known mistake explains: WARNING within
// 30 % (readings: 5 °F or 3 °C), ERROR beyond.
func (j *judgement) undiagnosed(ev *evaluation) Result {
	r := j.base(ev)
	r.Verdict, r.Cause = Warning, CauseRounding
	if !j.withinWarning(ev) {
		r.Verdict, r.Cause = Error, CauseOther
	}
	r.Explanation = j.errorWords(ev)
	if nums, ok := j.numberTexts(ev, fixSig); ok {
		j.setFix(&r, nums, "")
	}
	return r
}

// withinWarning reports whether every endpoint is within the warning line.
func (j *judgement) withinWarning(ev *evaluation) bool {
	if ev.m.kind == kindReading {
		line := warnReading(isFahrenheit(ev.m.ub))
		if j.fast {
			for i := range ev.n {
				if !le(ev.b[i].v.sub(ev.shadow(i)).abs(), line.approx()) {
					return false
				}
			}
			return true
		}
		for i, c := range ev.exact {
			if !within(ev.b[i].Value, c, line.rat()) {
				return false
			}
		}
		return true
	}
	if j.fast {
		return le(j.relErrFast(ev), warnLine.approx())
	}
	return j.relErr(ev).Cmp(warnLine.rat()) <= 0
}

// isFahrenheit reports whether a temperature unit has Fahrenheit-sized degrees.
func isFahrenheit(u *units.Unit) bool {
	return u.Factor.Cmp(big.NewRat(5, 9)) == 0
}

// wordsBeforeUnit reports whether words stand between B's last number and
// its unit, a density ("5 people per sq mi"): they belong to the unit as written, and a
// fix that rewrites the unit alone would leave them behind ("0.4 people sq
// mi"), so a wrong unit then gets no fix.
func (j *judgement) wordsBeforeUnit() bool {
	b := j.p.B
	if b.Unit.Dim != units.Density {
		return false
	}
	base, ok := j.baseOfB()
	if !ok {
		return false
	}
	s, e := b.Numbers[len(b.Numbers)-1].End-base, b.UnitStart-base
	if s < 0 || e > len(b.Text) || s >= e {
		return false
	}
	return strings.IndexFunc(b.Text[s:e], unicode.IsLetter) >= 0
}

// wrongUnit reports B written in a unit of another dimension
// (PRECISION.md §4.5): ERROR, Exact in the counterpart of B's unit in A's
// dimension (see counterpart), and a fix that corrects the unit and, when
// they are not a rounding of the exact value, the numbers.
func (j *judgement) wrongUnit() Result {
	r := Result{Verdict: Error, Cause: CauseWrongUnit}
	lead := "a unit of " + dimWords(j.p.B.Unit.Dim) + " is written for " + dimWords(j.p.A.Unit.Dim)
	r.Explanation = lead
	cu := j.counterpart()
	if cu == nil {
		return r
	}
	m := model{ua: j.p.A.Unit, ub: cu, kind: kindQuantity}
	if isTemperature(cu) {
		m.kind = kindReading
		if cu.Dim == units.TemperatureChange {
			m.kind = kindChange
		}
	}
	ev, ok := j.evaluate(m)
	if !ok {
		return r
	}
	r = j.base(&ev)
	r.Verdict, r.Cause, r.Explanation = Error, CauseWrongUnit, lead
	var nums []numberEdit
	if !j.acceptable(&ev, false) {
		if nums, ok = j.numberTexts(&ev, fixSig); !ok {
			nums = nil
		}
	}
	if unit := j.respell(cu, nums); unit != "" && !j.wordsBeforeUnit() {
		j.setFix(&r, nums, unit)
	}
	return r
}
