package lsp

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// causeWords says in an editor's words what each known mistake is, after
// "likely".
var causeWords = map[judge.Cause]string{
	judge.CauseLinearArea:        "the length factor used for an area",
	judge.CauseLinearVolume:      "the length factor used for a volume",
	judge.CauseOffsetOnChange:    "+32 applied to a temperature change",
	judge.CauseOffsetMissing:     "+32 left out of a temperature reading",
	judge.CauseSwappedScales:     "the Celsius and Fahrenheit figures swapped",
	judge.CauseWrongDirection:    "the conversion done the wrong way",
	judge.CauseGallon:            "US gallons taken for imperial ones, or the reverse",
	judge.CauseTon:               "tons taken for tonnes, or the reverse",
	judge.CauseNauticalMile:      "nautical miles taken for statute miles, or the reverse",
	judge.CauseKnots:             "knots taken for miles per hour",
	judge.CauseTroyOunce:         "troy ounces taken for ordinary ones, or the reverse",
	judge.CauseScaleSlip:         "a slipped scale word (thousand, million, billion)",
	judge.CauseTypo:              "a typo",
	judge.CauseApproximateFactor: "a rough conversion factor",
	judge.CauseWrongUnit:         "a unit of the wrong kind",
	judge.CauseRounding:          "loose rounding",
}

// hoverText writes the computation behind a judged pair, in Markdown:
//
//	**100,000 sq km = 38,610.2 square miles**
//
//	453 sq miles is 98.8% too small; likely a typo.
//
// then the judge's explanation and the fix, when there are ones.
func hoverText(j *judgedPair) string {
	r := j.Result
	var b strings.Builder
	exact := r.Exact()
	if len(exact) == 0 || r.Unit == nil {
		fmt.Fprintf(&b, "**%s → %s**\n\nunitlint cannot judge this pair.", j.Judge.A.Text, j.Judge.B.Text)
		return b.String()
	}
	nums := make([]string, len(exact))
	for i, v := range exact {
		nums[i] = exactText(v)
	}
	fmt.Fprintf(&b, "**%s%s = %s %s**\n\n", j.Judge.A.Text, changeNote(r), strings.Join(nums, "–"), r.Unit.Plural)
	b.WriteString(j.Judge.B.Text)
	b.WriteString(" is ")
	b.WriteString(offBy(j, exact[0]))
	switch {
	case r.Verdict == judge.OK:
		b.WriteString(": an honest rounding.")
	case causeWords[r.Cause] != "":
		b.WriteString("; likely " + causeWords[r.Cause] + ".")
	default:
		b.WriteString("; no common mistake explains it.")
	}
	if r.Explanation != "" {
		b.WriteString("\n\n" + upperFirst(r.Explanation) + ".")
	}
	if r.FixText != "" && r.Verdict != judge.OK {
		b.WriteString("\n\nFix: write " + r.FixText + ".")
	}
	return b.String()
}

// changeNote marks a temperature pair judged as a difference.
func changeNote(r judge.Result) string {
	if r.Change {
		return " (a change)"
	}
	return ""
}

// exactText writes an exact value with six significant figures, trailing
// zeros after the point dropped: 38610.2158... is "38,610.2", 3.6 is
// "3.6".
func exactText(v *big.Rat) string {
	if v.Sign() == 0 {
		return "0"
	}
	s := numeral.Format(v, max(numeral.DecimalsForSig(v, 6), 0), numeral.Style{}, true)
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// offBy says how far B is from the exact value of its first amount, exact:
// in degrees for a temperature reading ("4°F too high"), as a percentage
// otherwise ("98.8% too small").
func offBy(j *judgedPair, exact *big.Rat) string {
	r := j.Result
	if r.Unit.Dim == units.Temperature && len(j.Judge.B.Amounts) > 0 && j.Judge.B.Amounts[0].Value != nil {
		d, _ := new(big.Rat).Sub(j.Judge.B.Amounts[0].Value, exact).Float64()
		switch {
		case math.Abs(d) < 0.05:
			return "exact"
		case d > 0:
			return strconv.FormatFloat(d, 'f', 1, 64) + r.Unit.Symbol + " too high"
		}
		return strconv.FormatFloat(-d, 'f', 1, 64) + r.Unit.Symbol + " too low"
	}
	relErr := r.RelErr()
	pct := math.Abs(relErr) * 100
	if pct < 0.005 {
		return "exact"
	}
	var p string
	if pct >= 100 {
		p = strconv.FormatFloat(pct, 'f', 0, 64)
	} else {
		p = strconv.FormatFloat(pct, 'g', 3, 64)
	}
	if relErr > 0 {
		return p + "% too large"
	}
	return p + "% too small"
}

// upperFirst capitalises an ASCII first letter.
func upperFirst(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
