package judge

import (
	"cmp"
	"math"
	"math/big"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/unitlint/unitlint/lint/numeral"
)

// fixMode says how a fix rounds the exact value.
type fixMode uint8

const (
	// fixSig: B's significant figures, at least two (under a hedge no more
	// than the {{convert}} default), a figure more while the rounding is more
	// than 1.9 % off (WARNING and ERROR).
	fixSig fixMode = iota
	// fixDefault: the {{convert}} default rounding (INFO).
	fixDefault
)

// maxExtraFigures bounds the figures a fix may gain to pass its re-check.
const maxExtraFigures = 6

// numberEdit is the new text of one of B's numbers. withSign: the edit also
// replaces the sign written before the number (NumberText.Sign), which the
// fix drops.
type numberEdit struct {
	text     string
	withSign bool
}

// numberTexts returns the new text of each of B's numbers: the exact values
// of ev rounded by mode, written in B's style, re-checked (T1/T2 under ev's
// model) and given another figure until they pass. ok is false when B's
// numbers are not known well enough to rewrite.
//
// In the strict profile the fixed pair must not be INFO either (rounded
// coarser than the {{convert}} default, or spuriously precise): a fix
// rounded by B's figures that would be falls back to the default rounding.
func (j *judgement) numberTexts(ev *evaluation, mode fixMode) ([]numberEdit, bool) {
	nts := j.p.B.Numbers
	exact := j.exactOf(ev)
	if j.p.B.Major != nil && len(exact) == 1 && len(nts) == 2 {
		return j.compoundTexts(ev)
	}
	if len(nts) != len(exact) {
		return nil, false
	}
	if texts, ok := j.roundedTexts(ev, mode, true, false); ok {
		return texts, true
	}
	if !j.prof.strict {
		return nil, false
	}
	// Strict: the default rounding, then each endpoint of a range with its
	// own default precision, then with its own of mode ("2-80m" is
	// "0.00124-0.0497mi": common decimals would make the high end spuriously
	// precise), then any clean fix even if it is INFO.
	if texts, ok := j.roundedTexts(ev, fixDefault, true, false); ok {
		return texts, true
	}
	if texts, ok := j.roundedTexts(ev, fixDefault, false, false); ok {
		return texts, true
	}
	if texts, ok := j.roundedTexts(ev, mode, false, false); ok {
		return texts, true
	}
	return j.roundedTexts(ev, mode, true, true)
}

// fixAcceptable reports whether a fix's amounts are acceptable under
// model m (see acceptable): outside the strict profile, where that is
// whether they pass cleanly, quickLevelOf tells without a full
// evaluation where it can.
func (j *judgement) fixAcceptable(m model, amts []amount, anyInfo bool) bool {
	if (!j.prof.strict || anyInfo) && len(amts) <= 2 {
		var buf [2]numeral.Amount
		bs := buf[:len(amts)]
		for i := range amts {
			bs[i] = amts[i].Amount
		}
		switch j.quickLevelOf(m, bs) {
		case quickClean:
			return true
		case quickFails:
			return false
		}
	}
	e, ok := j.evaluateB(m, amts)
	return ok && j.acceptable(&e, anyInfo)
}

// acceptable reports whether a fix's evaluation passes cleanly and, in the
// strict profile unless anyInfo, without an INFO finding (an ambiguous unit
// aside).
func (j *judgement) acceptable(e *evaluation, anyInfo bool) bool {
	if e.lvl != levelClean {
		return false
	}
	if !j.prof.strict || anyInfo {
		return true
	}
	plain := *e
	plain.m.alt = false
	return j.infoReason(&plain, false) == infoNone
}

// roundedTexts writes B's numbers rounded by mode (with one common
// precision, or each with its own), with up to maxExtraFigures more figures
// until the fix is acceptable.
func (j *judgement) roundedTexts(ev *evaluation, mode fixMode, common, anyInfo bool) ([]numberEdit, bool) {
	nts := j.p.B.Numbers
	exact := j.exactOf(ev)
	// B has one or two numbers (a range): their values, decimals and extra
	// figures fit in arrays on the stack
	var (
		vsBuf        [2]*big.Rat
		dsBuf, exBuf [2]int
	)
	vs, ds, extras := vsBuf[:], dsBuf[:], exBuf[:]
	if len(nts) > len(vsBuf) {
		vs, ds, extras = make([]*big.Rat, len(nts)), make([]int, len(nts)), make([]int, len(nts))
	}
	vs, ds, extras = vs[:len(nts)], ds[:len(nts)], extras[:len(nts)]
	d := minDecimals
	for i, nt := range nts {
		// relative to the scale word; without one, the exact value itself
		// (read, never modified)
		vs[i] = exact[i]
		scaleExp, scalePow := 0, true
		if hasScale(nt) {
			vs[i] = quo(exact[i], nt.Scale)
			scaleExp, scalePow = isPow10(nt.Scale)
		}
		ds[i] = j.fixDecimals(ev, i, vs[i], scaleExp, scalePow, mode)
		d = max(d, ds[i])
	}
	for i := range ds {
		if common {
			ds[i] = trimDecimals(vs, d)
		} else {
			ds[i] = trimDecimals(vs[i:i+1], ds[i])
		}
	}
	var amtBuf [2]amount // the fixed amounts, judged and let go
	// extras[i] is the figures endpoint i gains: all alike with common
	// decimals, else each its own, fewest in all first
	for total := 0; total <= maxExtraFigures; total++ {
		for first := total; first >= 0; first-- {
			if !common && len(ds) == 2 {
				extras[0], extras[1] = first, total-first
			} else if first == total {
				for i := range extras {
					extras[i] = total
				}
			} else {
				break
			}
			texts, amts, ok := j.writeAll(vs, ds, extras, amtBuf[:0])
			if !ok {
				return nil, false
			}
			if j.fixAcceptable(ev.m, amts, anyInfo) {
				return texts, true
			}
		}
	}
	return nil, false
}

// minDecimals is below any decimals a fix uses (1e-30 of the scale word).
const minDecimals = -1 << 20

// hasScale reports whether a number has a scale word (a value other than
// none or zero, which count as 1).
func hasScale(nt NumberText) bool { return nt.Scale != nil && nt.Scale.Sign() != 0 }

// fixDecimals returns the decimals (relative to B's scale word) for
// endpoint i: by fixSig, B's significant figures (at least two), and under a
// hedge no more than the {{convert}} default (a bound or an approximation
// is a round figure: "more than 4,200 sq km (1,600 sq miles)"); by
// fixDefault, the {{convert}} default; in both, one more while the rounding
// is more than 1.9 % off the exact value.
//
// The scale word is 10^scaleExp when scalePow (no scale word: 10^0).
func (j *judgement) fixDecimals(ev *evaluation, i int, v *big.Rat, scaleExp int, scalePow bool, mode fixMode) int {
	if v.Sign() == 0 {
		return 0
	}
	d := max(2, ev.b[i].Sig) - 1 - mag(v) // numeral.DecimalsForSig
	if mode == fixDefault || j.hctx.hedge != HedgeNone {
		if scalePow {
			def := defaultDecimals(j.a[i].Amount, j.exactOf(ev)[i], ev.m.kind, ev.m.ub) - scaleExp
			if mode == fixDefault {
				d = def
			} else {
				d = min(d, def)
			}
		}
	}
	for range 30 {
		if roundsClose(v, d) {
			break
		}
		d++
	}
	return d
}

// roundsClose reports whether v rounded to d decimals lies within
// fixMaxRelErr of v. It decides in float64 when that is clear by a wide
// margin, and in exact arithmetic otherwise.
func roundsClose(v *big.Rat, d int) bool {
	// With x = |v|·10^d, rounding moves x by the distance to the nearest
	// integer, whichever way a tie goes: the test is min(f, 1 − f) ≤
	// 1.9 % of x for f the fractional part of x. x carries a relative
	// error of a few 2^-53, far inside the margin of 1e-9 relative.
	x := math.Abs(float(v)) * math.Pow10(d)
	if x > 0 && x < 1<<52 {
		f := x - math.Floor(x)
		dist, lim := min(f, 1-f), fixMaxRelErr.approx().v*x
		switch {
		case dist < lim*(1-1e-9):
			return true
		case dist > lim*(1+1e-9):
			return false
		}
	}
	return relWithin(numeral.Round(v, d), v, fixMaxRelErr.rat())
}

// trimDecimals drops decimals that would only write trailing zeros in
// every value ("3.60" -> "3.6").
func trimDecimals(vs []*big.Rat, d int) int {
	for d > 0 {
		for _, v := range vs {
			if numeral.Round(v, d).Cmp(numeral.Round(v, d-1)) != 0 {
				return d
			}
		}
		d--
	}
	return d
}

// writeAll writes every value with its decimals (plus its extra) in its
// number's style and reads the texts back as amounts (the way the fixed
// copy will be read), appended to amts (a buffer of the caller).
func (j *judgement) writeAll(vs []*big.Rat, ds, extras []int, amts []amount) ([]numberEdit, []amount, bool) {
	edits := make([]numberEdit, len(vs))
	for i, v := range vs {
		e, a, ok := j.writeNumber(v, ds[i]+extras[i], i)
		if !ok {
			return nil, nil, false
		}
		edits[i] = e
		amts = append(amts, newAmount(a))
	}
	return edits, amts, true
}

// signRunes are the signs a written number may start with.
const signRunes = "-−–"

// leadingSign returns the sign a number's text starts with, or "".
func leadingSign(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size > 0 && strings.ContainsRune(signRunes, r) {
		return s[:size]
	}
	return ""
}

// signBefore reports whether nt's sign is written before its text, where the
// fix can rewrite it (NumberText.Sign, SignStart).
func signBefore(nt NumberText) bool {
	return nt.Sign != "" && nt.SignStart+len(nt.Sign) == nt.Start
}

// writeNumber writes v with d decimals the way B's number i was written:
// its grouping, decimal mark and leading dot (a number of four or more
// digits gets a "," group where it had none only because it was short), and
// the sign v needs: a sign written before the number is kept for a negative
// value (the writer's "minus 26" stays "minus 22") and dropped for a positive
// one ("-41" becomes "41"); a number written without a sign gets A's kind
// of sign ("-" by default). It returns the edit and the amount the new text
// will be read as; ok is false when the number's sign stands outside where
// the fix can reach and v would need the other.
func (j *judgement) writeNumber(v *big.Rat, d, i int) (numberEdit, numeral.Amount, bool) {
	nt, old := j.p.B.Numbers[i], j.b[i].Value
	st := nt.Style
	if nt.Spelled {
		st = numeral.Style{Decimal: nt.Style.Decimal} // digits, with the copy's decimal mark
	}
	s := numeral.Format(v, d, st, nt.Spelled || intDigits(nt.Text) < 4)
	digits, neg := strings.CutPrefix(s, "-")
	var e numberEdit
	switch inText := leadingSign(nt.Text); {
	case signBefore(nt):
		e = numberEdit{text: digits, withSign: !neg}
	case inText != "":
		e.text = digits
		if neg {
			e.text = inText + digits
		}
	case old.Sign() < 0: // a sign the fix cannot locate ("minus 4" without Sign)
		if !neg {
			return numberEdit{}, numeral.Amount{}, false
		}
		e.text = digits
	default:
		e.text = digits
		if neg {
			e.text = j.signStyle() + digits
		}
	}
	a, ok := parseNumber(digits, nt, neg)
	return e, a, ok
}

// signStyle returns the minus sign A is written with ("-", "−", "minus "),
// or "-".
func (j *judgement) signStyle() string {
	for _, nt := range j.p.A.Numbers {
		if signBefore(nt) {
			return nt.Sign
		}
		if s := leadingSign(nt.Text); s != "" {
			return s
		}
	}
	return "-"
}

// intDigits counts the digits of a written number before its decimal mark.
func intDigits(s string) int {
	n := 0
	for _, r := range s {
		if r == '.' {
			break
		}
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// reparse reads a digit swap t of nt's text back as an amount with nt's
// scale word and the sign of old.
func reparse(t string, nt NumberText, old numeral.Amount) (numeral.Amount, bool) {
	sign := leadingSign(t)
	neg := sign != "" || (leadingSign(nt.Text) == "" && old.Value.Sign() < 0)
	return parseNumber(t[len(sign):], nt, neg)
}

// parseNumber reads digits written in nt's style as an amount with nt's
// scale word, negative when neg.
func parseNumber(digits string, nt NumberText, neg bool) (numeral.Amount, bool) {
	loc := numeral.English
	if nt.Style.Decimal == "," {
		loc = numeral.European
	}
	n, err := numeral.ParseLocale(digits, loc)
	if err != nil {
		return numeral.Amount{}, false
	}
	a := n.TakeAmount(nt.Scale) // n is ours
	if neg {
		a.Value.Neg(a.Value)
	}
	return a, true
}

// compoundTexts writes a compound B ("6ft 9in"): the exact value in the
// minor unit rounded to B's minor precision, split into major and minor
// with the carry (12 in -> 1 ft, 16 oz -> 1 lb, 14 lb -> 1 st).
func (j *judgement) compoundTexts(ev *evaluation) ([]numberEdit, bool) {
	exact := j.exactOf(ev)
	per, err := unitsPer(j.p.B.Major.Factor, j.p.B.Unit.Factor)
	if err != nil || exact[0].Sign() < 0 {
		return nil, false
	}
	nts := j.p.B.Numbers
	fine := j.b[0].Fine
	for extra := 0; extra <= maxExtraFigures; extra++ {
		total := mul(numeral.Round(quo(exact[0], fine), 0), fine)
		major := new(big.Int).Div(total.Num(), new(big.Int).Mul(total.Denom(), per)) // floor(total / per)
		minor := sub(total, mul(new(big.Rat).SetInt(major), new(big.Rat).SetInt(per)))
		texts := []numberEdit{
			{text: numeral.Format(new(big.Rat).SetInt(major), 0, nts[0].Style, intDigits(nts[0].Text) < 4)},
			{text: numeral.Format(minor, decimalsOf(fine), nts[1].Style, false)},
		}
		amt := numeral.Exact(total, fine)
		if e, ok := j.evaluateB(ev.m, []amount{newAmount(amt)}); ok && j.acceptable(&e, true) {
			return texts, true
		}
		fine = quo(fine, big.NewRat(10, 1))
	}
	return nil, false
}

// unitsPer returns how many minor units make a major one, when whole.
func unitsPer(major, minor *big.Rat) (*big.Int, error) {
	r := quo(major, minor)
	if !r.IsInt() || r.Sign() <= 0 {
		return nil, errNotWhole
	}
	return new(big.Int).Set(r.Num()), nil
}

// decimalsOf returns the decimals needed to write multiples of step.
func decimalsOf(step *big.Rat) int {
	for d := 0; d < 30; d++ {
		if mul(step, pow10(d)).IsInt() {
			return d
		}
	}
	return 30
}

// textChange is one replacement inside B.
type textChange struct {
	start, end int
	old, new   string
}

// setFix fills Result.Fix and Result.FixText from new number texts (nil:
// numbers unchanged) and a new unit text ("": unit unchanged). When B.Text
// locates the spans, the fix is one edit from the first to the last change
// (the text between them rewritten unchanged), and a fix of the unit alone
// starts at B's first number, so that the edit reads as a quantity ("6,200
// square kilometres"); otherwise one edit per span.
func (j *judgement) setFix(r *Result, nums []numberEdit, unit string) {
	b := j.p.B
	if nums == nil && unit != "" && unit != b.UnitText {
		for _, nt := range b.Numbers {
			nums = append(nums, numberEdit{text: nt.Text})
		}
	}
	var buf [4]textChange // a fix changes B's one or two numbers and its unit
	chs := buf[:0]
	for i, e := range nums {
		nt := b.Numbers[i]
		ch := textChange{nt.Start, nt.End, nt.Text, e.text}
		if e.withSign {
			ch.start, ch.old = nt.SignStart, nt.Sign+nt.Text
		}
		chs = append(chs, ch)
	}
	if unit != "" && unit != b.UnitText {
		if strings.Contains(unit, " ") && j.unitGlued() {
			unit = " " + unit // "3.4oz" -> "3.4 US fl oz"
		}
		chs = append(chs, textChange{b.UnitStart, b.UnitEnd, b.UnitText, unit})
	}
	slices.SortStableFunc(chs, func(x, y textChange) int { return cmp.Compare(x.start, y.start) })
	if base, ok := j.locateB(chs); ok {
		j.mergedFix(r, chs, base)
		return
	}
	text := b.Text
	for _, c := range chs {
		if c.old == c.new {
			continue
		}
		r.Fix = append(r.Fix, Edit{Start: c.start, End: c.end, NewText: c.new})
		text = strings.Replace(text, c.old, c.new, 1)
	}
	if text == "" {
		parts := make([]string, 0, len(chs))
		for _, c := range chs {
			parts = append(parts, c.new)
		}
		text = strings.Join(parts, " ")
	}
	if len(r.Fix) > 0 {
		r.FixText = text
	}
}

// unitGlued reports whether B's unit follows its last number directly ("3.4oz").
func (j *judgement) unitGlued() bool {
	nts := j.p.B.Numbers
	return len(nts) > 0 && nts[len(nts)-1].End == j.p.B.UnitStart
}

// locateB returns the document offset of B.Text when every change's span
// holds its old text inside it.
func (j *judgement) locateB(chs []textChange) (int, bool) {
	t := j.p.B.Text
	base, ok := j.baseOfB()
	if !ok || len(chs) == 0 {
		return 0, false
	}
	for k, c := range chs {
		s, e := c.start-base, c.end-base
		if s < 0 || e > len(t) || s > e || t[s:e] != c.old {
			return 0, false
		}
		if k > 0 && c.start < chs[k-1].end {
			return 0, false
		}
	}
	return base, true
}

// baseOfB returns the document offset at which B.Text starts, found from
// B's first number; ok is false when B.Text does not hold it.
func (j *judgement) baseOfB() (int, bool) {
	t := j.p.B.Text
	if t == "" || len(j.p.B.Numbers) == 0 {
		return 0, false
	}
	first := j.p.B.Numbers[0]
	if signBefore(first) && strings.HasPrefix(t, first.Sign+first.Text) {
		return first.SignStart, true // B.Text starts at the sign
	}
	i := strings.Index(t, first.Text)
	if i < 0 {
		return 0, false
	}
	return first.Start - i, true
}

// mergedFix writes one edit covering all changes.
func (j *judgement) mergedFix(r *Result, chs []textChange, base int) {
	t := j.p.B.Text
	start, end := chs[0].start, chs[len(chs)-1].end
	nt := chs[0].new // one change: its text, with nothing to join
	if len(chs) > 1 {
		var sb strings.Builder
		sb.Grow(end - start + 16)
		pos := start
		for _, c := range chs {
			sb.WriteString(t[pos-base : c.start-base])
			sb.WriteString(c.new)
			pos = c.end
		}
		nt = sb.String()
	}
	if nt == t[start-base:end-base] {
		return
	}
	r.Fix = []Edit{{Start: start, End: end, NewText: nt}}
	r.FixText = t[:start-base] + nt + t[end-base:]
}
