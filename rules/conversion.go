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
		reportJudged(p, func(c judge.Cause) bool { return !isTemperatureCause(c) })
		return nil, nil
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
		reportJudged(p, isTemperatureCause)
		return nil, nil
	},
}

// isTemperatureCause reports whether a cause belongs to the
// temperature-change rule.
func isTemperatureCause(c judge.Cause) bool {
	return c == judge.CauseOffsetOnChange || c == judge.CauseOffsetMissing
}
