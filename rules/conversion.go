package rules

import (
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
)

// Conversion flags a conversion that no honest rounding of the exact
// figure explains.
var Conversion = &lint.Analyzer{
	Name:     "conversion",
	Summary:  "a quantity and its conversion do not agree",
	Severity: lint.SeverityError,
	Requires: []*lint.Analyzer{Judgements},
	Doc: `A pair such as "1,000 sq km (386 sq miles)" gives one quantity in two units.
The rule recomputes the conversion exactly and accepts any rounding a careful
writer could have made (see "How a pair is judged" in the README). A pair that
fails is reported with the exact figure, the likely cause (the length factor
used for an area, a conversion done the wrong way, a scale word slipped, US
for imperial gallons, short tons for tonnes, digits swapped ...) and a fix that
replaces the converted number, written in its own style. Pairs that fail by a
little (up to 30%, with no known mistake to explain them) are warnings.`,
	Examples: []lint.Example{
		{Text: "Kyiv says it is already occupying 1,000 sq km (386 sq miles).", Note: "386.1 rounds to 386"},
		{Text: "The route is 100km (60 miles) long.", Note: "62.1 rounded to the nearest 10 is fine"},
		{Text: "Russia claims 100,000 sq km (453 sq miles) of its territory.", Bad: true, Note: "100,000 sq km is 38,610 sq miles"},
		{Text: "The lake covers 10 sq km (6.2 sq miles).", Bad: true, Note: "6.2 is 10 km in miles: the length factor was used for an area"},
		{Text: "The rail tunnel runs for 57km (92 miles).", Bad: true, Note: "converted the wrong way"},
	},
	Run: func(p *lint.Pass) (any, error) {
		return nil, reportJudged(p, func(j *Judged) bool { return !j.Restated() && !isTemperatureCause(j.Result.Cause) })
	},
}

// TemperatureChange flags a temperature change converted as a reading
// (+32 applied to a difference) or a reading converted as a change.
var TemperatureChange = &lint.Analyzer{
	Name:     "temperature-change",
	Summary:  "a temperature change converted as a reading, or the reverse",
	Severity: lint.SeverityError,
	Requires: []*lint.Analyzer{Judgements},
	Doc: `A rise of 2C is a rise of 3.6F, not 35.6F: the +32 of the Celsius to
Fahrenheit formula belongs to readings on the scale, not to differences. The
rule reads the words around a temperature pair ("a rise of", "warmer than",
"above average", "the 6C jump" are changes; "highs of", "reached", "to" are
readings) and flags a pair that only the other formula explains.`,
	Examples: []lint.Example{
		{Text: "Scientists warn that a 1.5C (2.7F) rise could come within a decade."},
		{Text: "Temperatures hit 35C (95F) in the capital on Tuesday."},
		{Text: "Average temperatures have risen by 1.1C (34F) since pre-industrial times.", Bad: true, Note: "1.1 × 1.8 + 32 = 34: +32 applied to a change"},
		{Text: "Forecasters predicted a drop of 10C (50F) overnight.", Bad: true},
	},
	Run: func(p *lint.Pass) (any, error) {
		return nil, reportJudged(p, func(j *Judged) bool { return isTemperatureCause(j.Result.Cause) })
	},
}

// isTemperatureCause reports whether a cause belongs to the
// temperature-change rule.
func isTemperatureCause(c judge.Cause) bool {
	return c == judge.CauseOffsetOnChange || c == judge.CauseOffsetMissing
}

// Restatement flags a quantity restated later in the article in another
// unit that does not agree with its first statement.
var Restatement = &lint.Analyzer{
	Name:     "restatement",
	Summary:  "a quantity restated later in another unit does not agree",
	Severity: lint.SeverityWarning,
	Requires: []*lint.Analyzer{Judgements},
	Doc: `Copy often states a figure in one unit early and restates it in another
unit later: "The pipeline will run 1,200km ... the 1,200-mile pipeline". The
rule ties the later mention to the earlier one only on clear evidence — a
reference back ("the 30,000-acre blaze", "its density of", "At 7,900ft, it is
..."), a single earlier mention of that dimension (or one singled out by the
head noun), and a head noun that names what the earlier sentence talks about —
and judges the two like a conversion pair. Two mentions of the same dimension
about different things (two lakes, two storms) are not tied.`,
	Examples: []lint.Example{
		{Text: "The viaduct stands 150 metres above the valley. It reopened on Monday. The 490ft structure is listed."},
		{Text: "Lake Orvan covers 450 sq km. Lake Tarn, to the north, covers 120 sq km. The 280-sq-mile lake is shrinking.", Note: "two lakes: not tied"},
		{Text: "The pipeline will run 1,200km to the coast. Opponents say the 1,200-mile pipeline will cross three parks.", Bad: true, Note: "1,200km is 746 miles"},
		{Text: "The fire has burned 12,000 hectares. Officials hope to contain the 10,000-acre blaze by the weekend.", Bad: true, Note: "12,000 hectares is 29,650 acres"},
	},
	Run: func(p *lint.Pass) (any, error) {
		return nil, reportJudged(p, func(j *Judged) bool { return j.Restated() && !isTemperatureCause(j.Result.Cause) })
	},
}
