// Package judge decides whether a conversion pair is consistent, following
// the precision model of PRECISION.md §4: intervals from written precision
// and hedges, admissible rounding steps, a guard, source-side rounding, a
// materiality floor, temperature readings and changes, and the diagnosis of
// known mistakes when a pair fails. It also computes the fix.
package judge

import (
	"math/big"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// Hedge is a word before a quantity that widens or bounds its value.
type Hedge uint8

// Hedges.
const (
	HedgeNone   Hedge = iota
	HedgeApprox       // about, around, roughly, approximately, some, an estimated, c., ~
	HedgeLower        // more than, over, at least, upwards of, exceeding: the true value is above
	HedgeUpper        // less than, under, up to, at most, nearly, almost: the true value is below
)

// NumberText is one written number of an operand, the text a fix replaces.
type NumberText struct {
	Start, End int           // byte span of the digits (or the spelled number) in the document text
	Text       string        // as written: "38,600", "1.5", "12 500", "two"
	Style      numeral.Style // how it is written
	Scale      *big.Rat      // the scale word after it ("2.4 million": 1e6); nil for none; read-only, may be shared
	Spelled    bool          // written in words ("two", "half a")
	// Sign is the minus sign written before the number ("-", "−",
	// "minus ", "negative "), and SignStart where it starts; "" and Start
	// when the number has none. A fix that changes the sign rewrites it.
	Sign      string
	SignStart int
}

// Operand is one side of a pair.
type Operand struct {
	// Amounts holds one amount for a single value and two for a range or a
	// dimension ("5-10km", "12 by 16 feet"). A compound value ("6ft 2in")
	// is one amount in its minor unit (74 in, Fine 1 in).
	Amounts []numeral.Amount
	// Unit is the unit the amounts are in (the minor unit of a compound).
	Unit *units.Unit
	// Major is the major unit of a compound value ("ft" in "6ft 2in"), nil otherwise.
	Major *units.Unit
	// Alt lists other units the spelling may mean (a generic "gallons" in
	// copy whose locale is unknown): the pair passes if it passes under any.
	Alt []*units.Unit
	// Hedge is the hedge right before the operand.
	Hedge Hedge
	// Numbers are the written numbers in order (range: low, high; compound:
	// major, minor), for the fix.
	Numbers []NumberText
	// UnitStart, UnitEnd and UnitText locate the unit as written (the last
	// unit of a compound), for a fix that must also correct the unit.
	UnitStart, UnitEnd int
	UnitText           string
	// Text is the operand as written, for messages ("100,000 sq km").
	Text string
}

// TempCue is what the words around a temperature pair say it is.
type TempCue uint8

// Temperature cues (PRECISION.md §4.4).
const (
	TempUnknown TempCue = iota // no cue: accept either model
	TempReading                // "to", "at", "highs of": affine
	TempChange                 // "rise of", "warmer than", "a 2C (3.6F) rise": scale only
	TempBoth                   // cues of both kinds: accept either
)

// Pair is two operands written as a conversion of one another, A first.
type Pair struct {
	A, B Operand
	Temp TempCue
}

// Tolerance is the judgement profile.
//
//   - Standard is PRECISION.md §4 as written: admissible rounding steps
//     m·10^k (m ∈ {1, 2, 2.5, 5}) capped at the first significant figure of
//     the exact value (one decade finer when the first number is tested as
//     the conversion; readings: max(1°, two figures)); the guard, 15 % when
//     the number tested as the conversion shows one significant figure and
//     5 % when it shows two or more (none for readings; temperature changes
//     also pass it within 0.5°); T1 (converted-side rounding), T2
//     (source-side rounding, source trusted to two figures and ±5 %); T3
//     (stacked rounding) only under an approximate hedge or in a range; one
//     extra rounding step down (up) under a lower (upper) bound hedge; the
//     0.5 % materiality floor. Failing pairs are WARNING when undiagnosed and
//     within 30 % (readings: 5 °F or 3 °C), ERROR otherwise.
//   - Strict is Standard plus INFO for pairs that pass but: are rounded
//     coarser than Wikipedia's {{convert}} default, pass only through a
//     hedge or stacked rounding (T3), show three or more significant figures
//     more than the source ("6,000 km (3,728 miles)"), or pass only under an
//     alternative reading of an ambiguous unit spelling (Operand.Alt).
//   - Lenient loosens Standard: the guard is 20 % (one significant figure)
//     and 7 % (two or more), stacked rounding (T3) is accepted on every pair,
//     hedged or not, and the materiality floor is 1 %. Diagnosis and the
//     WARNING/ERROR lines are those of Standard.
type Tolerance uint8

// Tolerances.
const (
	Standard Tolerance = iota // PRECISION.md §4 as written
	Strict                    // Standard plus INFO findings
	Lenient                   // wider guard, stacked rounding everywhere, 1 % floor
)

// Options configure a judgement.
type Options struct {
	Tolerance Tolerance
	Catalogue *units.Catalogue
}

// Verdict is the outcome for a pair.
type Verdict uint8

// Verdicts, in increasing order of severity.
const (
	OK Verdict = iota
	Info
	Warning
	Error
)

// String returns "ok", "info", "warning" or "error".
func (v Verdict) String() string {
	return [...]string{"ok", "info", "warning", "error"}[v]
}

// Cause names the mistake that explains a failing pair.
type Cause string

// Causes (PRECISION.md §4.5).
const (
	CauseNone              Cause = ""
	CauseLinearArea        Cause = "linear-factor-for-area"
	CauseLinearVolume      Cause = "linear-factor-for-volume"
	CauseOffsetOnChange    Cause = "offset-on-temperature-change"
	CauseOffsetMissing     Cause = "offset-missing-on-reading"
	CauseSwappedScales     Cause = "temperature-scales-swapped"
	CauseWrongDirection    Cause = "wrong-direction"
	CauseGallon            Cause = "us-vs-imperial-gallon"
	CauseTon               Cause = "tons-vs-tonnes"
	CauseNauticalMile      Cause = "nautical-vs-statute-mile"
	CauseKnots             Cause = "knots-as-mph"
	CauseTroyOunce         Cause = "troy-vs-avoirdupois-ounce"
	CauseScaleSlip         Cause = "scale-word-slip"
	CauseTypo              Cause = "typo"
	CauseApproximateFactor Cause = "approximate-factor"
	CauseUnconverted       Cause = "unconverted" // A's figure copied into B's unit: "5cm (5in)"
	CauseWrongUnit         Cause = "wrong-unit"  // B written in a unit of another dimension
	CauseRounding          Cause = "rounding"    // undiagnosed, within 30 %
	CauseOther             Cause = "other"
)

// Edit replaces bytes [Start, End) of the document text with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// Result is the judgement of a pair.
type Result struct {
	Verdict Verdict
	// Unit is B's unit as judged (an Alt when that one was used); see Exact.
	Unit *units.Unit
	// Change is set when a temperature pair was judged as a difference.
	Change bool
	// Cause names the likely mistake when the pair fails.
	Cause Cause
	// Explanation says in an editor's words why (empty when OK). It
	// follows a message that already says what A is in B's unit, so it
	// names the mistake and adds only what that does not say: "knots were
	// read as miles per hour", "looks like the length factor was used for
	// an area: 6.2 is what 10 kilometres is in miles", "the minus sign is
	// wrong", "70 is 13% too high".
	Explanation string
	// Fix replaces B's numbers (only those, and B's unit when the cause is
	// CauseWrongUnit, or in the strict profile when B passes only under an
	// alternative unit) with the exact conversion in B's style: B's
	// significant figures (at least two; under a hedge no more than
	// Wikipedia's {{convert}} gives), one more while the rounding is more
	// than 1.9 % off. A sign written before a number (NumberText.Sign) is
	// kept for a negative value and dropped for a positive one; a number
	// without one gets A's kind of sign when its value is negative. A pair
	// that is not OK carries a fix except: an INFO pair whose B is right as
	// written (only A's ambiguous unit is not), B's numbers the fix cannot
	// rewrite (a sign it cannot reach, no rounding within six more figures
	// that passes its re-check) and, with a nil catalogue, a CauseWrongUnit
	// pair.
	// When B.Text locates the spans it is a single edit from the first to the
	// last replaced span (the text between them rewritten unchanged; a fix of
	// the unit alone starts at B's first number); otherwise one edit per span.
	Fix []Edit
	// FixText is B as it reads after the fix ("38,600 sq miles").
	FixText string

	// from is A's unit as judged and src A's amounts, from which Exact
	// computes the conversion into Unit, and b is B's first value, for
	// RelErr (all shared with the judged Pair); from is nil when the pair
	// was not judged.
	from *units.Unit
	src  []numeral.Amount
	b    *big.Rat
}

// Exact returns the exact conversion of each of A's amounts into B's unit
// (of the interpretation judged: change or reading, the unit or an Alt;
// the minor unit of a compound B; for CauseWrongUnit the counterpart of
// B's unit in A's dimension), or nil when the pair was not judged (a pair
// Judge cannot judge, a CauseWrongUnit pair whose counterpart is unknown).
//
// The values are computed on each call, from A's amounts as they were
// judged (the Result shares them with the Pair: modifying those after Judge
// changes what Exact returns), so that a passing pair, whose exact values
// few callers read, costs no rational arithmetic. The caller owns the
// returned values.
func (r Result) Exact() []*big.Rat {
	if r.from == nil {
		return nil
	}
	return convertAll(r.src, r.from, r.Unit)
}

// RelErr returns (b − c)/c for the first amount, b as written and c its
// exact conversion (Exact), as the float64 nearest to it; 0 when c is zero
// or the pair was not judged. Like Exact, it is computed on each call from
// the values the Result shares with the Pair.
func (r Result) RelErr() float64 {
	if r.from == nil {
		return 0
	}
	c := convertOne(r.src[0].Value, r.from, r.Unit)
	if c.Sign() == 0 {
		return 0
	}
	return relErrOf(r.b, c)
}

// Judge judges one pair (PRECISION.md §4): whether B is an honest rounding
// of the exact conversion of A (or A of B), under the temperature model the
// cue allows and under any alternative unit of an ambiguous spelling; when
// it is not, which known mistake explains it, what the exact value is, and
// the fix.
//
// How Judge reads a Pair:
//
//   - Each Operand's Amounts and Numbers run in parallel: one of each for a
//     single value, two for a range or dimensions ("5-10km", "12 by 16
//     feet", "5 and 10 miles"), A and B with the same count. A compound
//     ("6ft 2in", "7lb 11oz", "5 feet, 11 inches") is one Amount in the
//     minor unit (Unit = in, Major = ft, Value 74, Fine and Coarse the
//     minor's written precision, Sig the figures of the total) with two
//     Numbers, major then minor; B's major must be a whole number of minor
//     units for its fix.
//   - NumberText.Start/End are byte offsets in the document; B.Text is B as
//     it stands in the document (from its first number, or the sign before
//     it, to the end of its unit) so that the fix can be one edit; Scale is
//     the scale word's value. A sign is either part of Text ("-4") or
//     written before it (Sign "minus ", SignStart); a negative Amount with
//     neither has a sign the fix cannot reach.
//   - Alt lists the other members of a generic spelling's family ("gallons",
//     "tons", "pints", "mpg") when the copy's locale does not settle it, and
//     the other reading of a spelling whose dimension depends on context
//     ("oz" beside ml: fluid ounces; "inches" beside millibars: inHg).
//   - A.Hedge is the hedge right before a, B.Hedge one right before b
//     inside the brackets; A's is used when both are set.
//   - Temp is the cue of PRECISION.md §4.4; units may also be the change
//     units themselves (degC_change), which are always judged as changes.
//
// A pair that cannot be judged returns a zero Result (Verdict OK, no Exact,
// no fix): a nil unit, no amounts, A and B with different numbers of
// amounts, an amount without Value, Fine or Coarse (or with Fine ≤ 0), a
// zero amount outside temperature readings, or a conversion that divides by
// zero. opts.Catalogue may be nil; the judgement then has no temperature
// change model (unless the units are change units), no sibling-unit or
// metric-prefix diagnoses and no unit fixes. Judge never panics on such
// input and does not modify p.
//
// Judge first tries to certify, in float64 and without allocating, that
// the pair passes cleanly as written (quickPass: most pairs do). Otherwise
// it decides in float64, carrying a bound on every value's rounding error;
// when a decision comes too close to call it judges the pair again in
// exact rational arithmetic. Either way the Result is the one the exact
// model gives.
func Judge(p Pair, opts Options) Result { return judgeWith(p, opts, false) }

// judgeWith is Judge; exactOnly skips the float64 paths (for the tests
// that hold them to the exact one).
func judgeWith(p Pair, opts Options, exactOnly bool) Result {
	if !exactOnly {
		if r, ok := quickPass(&p, profileFor(opts.Tolerance), opts.Catalogue); ok {
			return r
		}
	}
	var j judgement // on the stack: see wrapAmounts
	if !j.init(p, opts) {
		return Result{Verdict: OK}
	}
	if !exactOnly && j.canFast() {
		if r, ok := j.runFast(); ok {
			return r
		}
	}
	return j.run()
}
