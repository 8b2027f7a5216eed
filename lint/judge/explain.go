package judge

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// display writes a number for a message with numeral.Display, naming
// millions, billions and trillions ("2.485 billion" rather than
// "2,485,106,177").
func display(v *big.Rat) string {
	for _, s := range []struct {
		exp  int
		word string
	}{{12, " trillion"}, {9, " billion"}, {6, " million"}} {
		if abs(v).Cmp(pow10(s.exp)) >= 0 {
			return numeral.Display(quo(v, pow10(s.exp))) + s.word
		}
	}
	return numeral.Display(v)
}

// qty writes a value with its unit for a message: "3.861 square miles", "35°C".
func qty(v *big.Rat, u *units.Unit) string {
	if isTemperature(u) {
		return display(v) + u.Symbol
	}
	name := u.Plural
	if isOne(v) {
		name = u.Name
	}
	return display(v) + " " + name
}

// isOne reports whether |v| = 1.
func isOne(v *big.Rat) bool {
	n := v.Num()
	return v.IsInt() && n.IsInt64() && (n.Int64() == 1 || n.Int64() == -1)
}

// qtys writes one value or a range ("6.214–9.321 miles").
func qtys(vs []*big.Rat, u *units.Unit) string {
	if len(vs) == 1 {
		return qty(vs[0], u)
	}
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = display(v)
	}
	if isTemperature(u) {
		return strings.Join(parts, "–") + u.Symbol
	}
	return strings.Join(parts, "–") + " " + u.Plural
}

// values returns the values of amounts.
func values(as []amount) []*big.Rat {
	out := make([]*big.Rat, len(as))
	for i, a := range as {
		out[i] = a.Value
	}
	return out
}

// srcText writes A for a message: as written, unless the model reads it in
// another unit than the one written.
func (j *judgement) srcText(m model) string {
	if t := strings.TrimSpace(j.p.A.Text); t != "" && (m.ua == j.p.A.Unit || m.ua == j.change(j.p.A.Unit)) {
		return t
	}
	if j.p.A.Major != nil && len(j.a) == 1 {
		return compoundQty(j.a[0].Value, j.p.A.Unit, j.p.A.Major)
	}
	return qtys(values(j.a), m.ua)
}

// exactText writes the exact conversion in B's unit (a compound B in its
// major unit: "6.76 feet").
func (j *judgement) exactText(ev *evaluation) string {
	exact := j.exactOf(ev)
	if j.p.B.Major != nil && ev.m.ub == j.p.B.Unit && len(exact) == 1 {
		return compoundQty(exact[0], j.p.B.Unit, j.p.B.Major)
	}
	return qtys(exact, ev.m.ub)
}

// compoundQty writes a value in a minor unit as a decimal of the major unit.
func compoundQty(v *big.Rat, minor, major *units.Unit) string {
	if c, err := units.Convert(v, minor, major); err == nil {
		return qty(c, major)
	}
	return qty(v, minor)
}

// statement says what A is in B's unit: "100 km is 62.14 miles"; for a
// temperature change "a change of 2C is a change of 3.6°F".
func (j *judgement) statement(ev *evaluation) string {
	if ev.m.kind == kindChange {
		return "a change of " + j.srcText(ev.m) + " is a change of " + j.exactText(ev)
	}
	return j.srcText(ev.m) + " is " + j.exactText(ev)
}

// bWritten writes B's number(s) as written, signs included: "70", "6–9",
// "6ft 9in", "-41", "minus 26".
func (j *judgement) bWritten() string {
	nts := j.p.B.Numbers
	switch {
	case j.p.B.Major != nil && strings.TrimSpace(j.p.B.Text) != "":
		return strings.TrimSpace(j.p.B.Text)
	case len(nts) == 1 && len(j.b) == 1:
		return nts[0].Sign + nts[0].Text
	case len(nts) == len(j.b) && len(nts) > 0:
		parts := make([]string, len(nts))
		for i, nt := range nts {
			parts[i] = nt.Sign + nt.Text
		}
		return strings.Join(parts, "–")
	}
	parts := make([]string, len(j.b))
	for i, b := range j.b {
		parts[i] = display(b.Value)
	}
	return strings.Join(parts, "–")
}

// explainHypothesis turns a fitting hypothesis into a diagnosis. The
// message says what A is in B's unit; the explanation names the mistake,
// and for a linear factor what the written figure is instead.
func (j *judgement) explainHypothesis(ev *evaluation, h *hypothesis) *diagnosis {
	var text string
	switch {
	case h.slipped != 0:
		text = h.words() + ", and " + slipWords(h.slipped)
	case h.linA != nil:
		text = j.linearTail(h.words(), h.linA, h.linB)
	default:
		text = h.words()
	}
	return &diagnosis{ev: ev, cause: h.cause, text: text}
}

// percent writes a relative error: "13%", "4.2%".
// It writes as fmt's "%.1f%%" and "%.0f%%" do (TestPercent), with no
// fmt machinery.
func percent(r float64) string {
	var buf [32]byte
	return string(appendPercent(buf[:0], r))
}

// appendPercent appends percent(r) to b.
func appendPercent(b []byte, r float64) []byte {
	f := 100 * math.Abs(r)
	prec := 0
	if f < 9.95 {
		prec = 1
	}
	return append(strconv.AppendFloat(b, f, 'f', prec, 64), '%')
}

// errorWords explains an undiagnosed failure (the message already says
// what A is in B's unit): a wrong or missing minus sign when B with the other
// sign would pass, otherwise how far B is off: "70 is 13% too high", "453 is
// 99% too low", "700 is 11 times too high"; readings in degrees: "-26 is 4°
// too low".
func (j *judgement) errorWords(ev *evaluation) string {
	if w := j.signWords(ev); w != "" {
		return w
	}
	c, b := j.exactOf(ev)[0], ev.b[0].Value
	if ev.m.kind == kindReading {
		return fmt.Sprintf("%s is %s° too %s", j.bWritten(), display(dist(b, c)), highLow(b, c))
	}
	if c.Sign() != 0 {
		if r := quo(b, c); r.Cmp(big.NewRat(2, 1)) >= 0 {
			return j.bWritten() + " is " + display(numeral.Round(r, numeral.DecimalsForSig(r, 2))) + " times too high"
		}
	}
	// one string, written in place: "453 is 99% too low"
	bw, hl := j.bWritten(), highLow(b, c)
	var buf [64]byte
	out := append(buf[:0], bw...)
	out = append(out, " is "...)
	out = appendPercent(out, j.relErrFloat(ev))
	out = append(out, " too "...)
	return string(append(out, hl...))
}

// signWords says "the minus sign is wrong" (or "a minus sign is missing")
// when B with its sign turned round would pass; "" otherwise.
func (j *judgement) signWords(ev *evaluation) string {
	if j.signKept(ev) {
		return ""
	}
	return j.flippedWords(ev)
}

// signKept reports, without judging B with its sign turned round, that it
// cannot pass: a quantity whose first b has the sign of its exact value. A
// quantity's conversion (linear or inverse) is an odd function, so with b's
// sign turned round b lies on the other side of zero from the exact value
// and A from the reverse conversion of b: the guard (below 100 %) fails
// both ways and the first endpoint cannot pass.
func (j *judgement) signKept(ev *evaluation) bool {
	return ev.m.kind == kindQuantity && ev.b[0].Value.Sign() == j.exactOf(ev)[0].Sign()
}

// flippedWords is signWords judging B with its sign turned round.
func (j *judgement) flippedWords(ev *evaluation) string {
	flipped := make([]amount, len(ev.b))
	for i, b := range ev.b {
		if b.Value.Sign() == 0 {
			return ""
		}
		a := b.Amount
		a.Value = new(big.Rat).Neg(a.Value)
		flipped[i] = newAmount(a)
	}
	e, ok := j.evaluateB(ev.m, flipped)
	switch {
	case !ok || e.lvl != levelClean:
		return ""
	case ev.b[0].Value.Sign() < 0:
		return "the minus sign is wrong"
	}
	return "a minus sign is missing"
}

// highLow says whether b is above or below c.
func highLow(b, c *big.Rat) string {
	if b.Cmp(c) > 0 {
		return "high"
	}
	return "low"
}

// dimWords names a dimension with its article: "an area".
func dimWords(d units.Dimension) string {
	s := d.String()
	switch s {
	case "area", "energy":
		return "an " + s
	case "temperature-change":
		return "a temperature change"
	case "fuel-economy":
		return "a fuel economy"
	}
	return "a " + s
}
