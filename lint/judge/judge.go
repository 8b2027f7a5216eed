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
	Scale      *big.Rat      // the scale word after it ("2.4 million": 1e6); nil for none
	Spelled    bool          // written in words ("two", "half a")
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
type Tolerance uint8

// Tolerances.
const (
	Standard Tolerance = iota
	Strict
	Lenient
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
	CauseNone               Cause = ""
	CauseLinearArea         Cause = "linear-factor-for-area"
	CauseLinearVolume       Cause = "linear-factor-for-volume"
	CauseOffsetOnChange     Cause = "offset-on-temperature-change"
	CauseOffsetMissing      Cause = "offset-missing-on-reading"
	CauseSwappedScales      Cause = "temperature-scales-swapped"
	CauseWrongDirection     Cause = "wrong-direction"
	CauseGallon             Cause = "us-vs-imperial-gallon"
	CauseTon                Cause = "tons-vs-tonnes"
	CauseNauticalMile       Cause = "nautical-vs-statute-mile"
	CauseKnots              Cause = "knots-as-mph"
	CauseTroyOunce          Cause = "troy-vs-avoirdupois-ounce"
	CauseScaleSlip          Cause = "scale-word-slip"
	CauseTypo               Cause = "typo"
	CauseApproximateFactor  Cause = "approximate-factor"
	CauseWrongUnit          Cause = "wrong-unit" // B written in a unit of another dimension
	CauseRounding           Cause = "rounding"   // undiagnosed, within 30 %
	CauseOther              Cause = "other"
)

// Edit replaces bytes [Start, End) of the document text with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// Result is the judgement of a pair.
type Result struct {
	Verdict Verdict
	// Exact is the exact conversion of each of A's amounts into B's unit
	// (of the interpretation judged: change or reading, the unit or an Alt).
	Exact []*big.Rat
	// Unit is B's unit as judged (an Alt when that one was used).
	Unit *units.Unit
	// Change is set when a temperature pair was judged as a difference.
	Change bool
	// RelErr is (b-c)/c for the first amount.
	RelErr float64
	// Cause names the likely mistake when the pair fails.
	Cause Cause
	// Explanation says in an editor's words why (empty when OK):
	// "looks like the length factor was used for an area: 10 sq km is 3.9 sq miles; 6.2 is 10 km in miles".
	Explanation string
	// Fix replaces B's numbers (only those, and B's unit when the cause is
	// CauseWrongUnit) with the exact conversion in B's style. Empty when OK.
	Fix []Edit
	// FixText is B as it reads after the fix ("38,600 sq miles").
	FixText string
}

// Judge judges one pair.
func Judge(p Pair, opts Options) Result { panic("TODO") }
