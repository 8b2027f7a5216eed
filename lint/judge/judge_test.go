package judge

import (
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// judged judges A (B) and returns the result and the document with the fix applied.
func judged(t *testing.T, cat *units.Catalogue, a, b Operand, cue TempCue, tol Tolerance) (Result, string) {
	t.Helper()
	p, doc := pairOf(a, b, cue)
	r := judgeBoth(t, p, Options{Tolerance: tol, Catalogue: cat})
	return r, applyEdits(t, doc, r.Fix)
}

// expect is the part of a result a case asserts ("" or zero: not asserted
// unless noted).
type expect struct {
	verdict Verdict
	cause   Cause
	exact   string // 6 significant figures of Exact[0]
	fixed   string // the document after the fix ("" when no fix is expected)
	unit    string // Result.Unit.ID
}

// verify asserts a result against an expectation; fixed "" asserts no fix.
func verify(t *testing.T, r Result, fixed string, e expect) {
	t.Helper()
	assert.Equal(t, e.verdict.String(), r.Verdict.String(), "verdict (%s)", r.Explanation)
	assert.Equal(t, e.cause, r.Cause, "cause (%s)", r.Explanation)
	if e.exact != "" {
		require.NotEmpty(t, r.Exact())
		assert.Equal(t, e.exact, sig6(float(r.Exact()[0])), "exact")
	}
	if e.unit != "" {
		require.NotNil(t, r.Unit)
		assert.Equal(t, e.unit, r.Unit.ID, "unit")
	}
	if e.fixed == "" {
		assert.Empty(t, r.Fix, "no fix expected, got %q", r.FixText)
	} else {
		assert.Equal(t, e.fixed, fixed, "fixed document")
	}
	if r.Verdict == OK {
		assert.Empty(t, r.Explanation)
	} else {
		assert.NotEmpty(t, r.Explanation)
	}
}

func TestHedges(t *testing.T) {
	cat := testCat()
	cases := []struct {
		name   string
		a, b   Operand
		std    expect
		strict Verdict
	}{
		{"about 100km (70 miles): stacked rounding",
			op(t, cat, "100", "km", hedged(HedgeApprox)), op(t, cat, "70", "mi"),
			expect{verdict: OK, exact: "62.1371"}, Info},
		{"(about 70 miles): the hedge may stand before b",
			op(t, cat, "100", "km"), op(t, cat, "70", "mi", hedged(HedgeApprox)),
			expect{verdict: OK, exact: "62.1371"}, Info},
		{"more than 25kg (50lb): one step down",
			op(t, cat, "25", "kg", hedged(HedgeLower)), op(t, cat, "50", "lb"),
			expect{verdict: OK, exact: "55.1156"}, Info},
		{"25kg (50lb) without the hedge",
			op(t, cat, "25", "kg"), op(t, cat, "50", "lb"),
			expect{verdict: Warning, cause: CauseRounding, exact: "55.1156", fixed: "25 kg (55 lb)"}, Warning},
		{"nearly 20kg (50lb): one step up",
			op(t, cat, "20", "kg", hedged(HedgeUpper)), op(t, cat, "50", "lb"),
			expect{verdict: OK, exact: "44.0925"}, Info},
		{"20kg (nearly 50lb): upper bound on b",
			op(t, cat, "20", "kg"), op(t, cat, "50", "lb", hedged(HedgeUpper)),
			expect{verdict: OK, exact: "44.0925"}, Info},
		{"more than 20kg (50lb): a lower bound does not round up",
			op(t, cat, "20", "kg", hedged(HedgeLower)), op(t, cat, "50", "lb"),
			expect{verdict: Warning, cause: CauseRounding, exact: "44.0925", fixed: "20 kg (44 lb)"}, Warning},
		{"more than 45 mpg (6 L/100km): the bound turns round through an inverse unit",
			op(t, cat, "45", "mpg_us", hedged(HedgeLower), spelled("mpg")), op(t, cat, "6", "L/100km", spelled("L/100km")),
			expect{verdict: OK, exact: "5.22699"}, Info},
		{"less than 45 mpg (6 L/100km)",
			op(t, cat, "45", "mpg_us", hedged(HedgeUpper), spelled("mpg")), op(t, cat, "6", "L/100km", spelled("L/100km")),
			expect{verdict: Warning, cause: CauseRounding, exact: "5.22699", fixed: "45 mpg (5.2 L/100km)"}, Warning},
		{"more than 40 knots (40mph): a hedge never excuses a diagnosed mistake",
			op(t, cat, "40", "kn", hedged(HedgeLower)), op(t, cat, "40", "mph"),
			expect{verdict: Error, cause: CauseKnots, exact: "46.0312", fixed: "40 knots (46 mph)"}, Error},
		{"over 130F (48C): readings are bounded the same way",
			op(t, cat, "130", "degF", hedged(HedgeLower)), op(t, cat, "48", "degC"),
			expect{verdict: Error, cause: CauseOther, exact: "54.4444", fixed: "130 F (54 C)"}, Error},
		{"more than 4,200 sq km (1,450 sq miles): not two steps; the fix is as round as the bound",
			op(t, cat, "4,200", "km2", hedged(HedgeLower)), op(t, cat, "1,450", "mi2"),
			expect{verdict: Warning, cause: CauseRounding, exact: "1621.63", fixed: "4,200 sq km (1,600 sq miles)"}, Warning},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, fixed := judged(t, cat, c.a, c.b, TempUnknown, Standard)
			verify(t, r, fixed, c.std)
			rs, _ := judged(t, cat, c.a, c.b, TempUnknown, Strict)
			assert.Equal(t, c.strict.String(), rs.Verdict.String(), "strict: %s", rs.Explanation)
		})
	}
}

func TestRanges(t *testing.T) {
	cat := testCat()
	cases := []struct {
		name   string
		a, b   Operand
		std    expect
		strict Verdict
	}{
		{"10-15km (6-9 miles): one common step",
			op(t, cat, "10-15", "km"), op(t, cat, "6-9", "mi"),
			expect{verdict: OK, exact: "6.21371"}, Info},
		{"5-10km (3-6 miles)",
			op(t, cat, "5-10", "km"), op(t, cat, "3-6", "mi"),
			expect{verdict: OK, exact: "3.10686"}, Info},
		{"12 by 16 feet (3.7 by 4.9 m): dimensions are judged like ranges",
			op(t, cat, "12 by 16", "ft", spelled("feet")), op(t, cat, "3.7 by 4.9", "m", spelled("meters")),
			expect{verdict: OK, exact: "3.6576"}, OK},
		{"100-120km/h (62-75mph)",
			op(t, cat, "100-120", "km/h"), op(t, cat, "62-75", "mph"),
			expect{verdict: OK, exact: "62.1371"}, OK},
		{"28-30C (82-86F): readings",
			op(t, cat, "28-30", "degC"), op(t, cat, "82-86", "degF"),
			expect{verdict: OK, exact: "82.4"}, OK},
		{"10-20km (7-14 miles): one endpoint off, both rewritten with one precision",
			op(t, cat, "10-20", "km"), op(t, cat, "7-14", "mi"),
			expect{verdict: Warning, cause: CauseRounding, exact: "6.21371", fixed: "10-20 km (6.2-12.4 miles)"}, Warning},
		{"10-15 sq km (6.2-9.3 sq miles): a diagnosis must fit every endpoint",
			op(t, cat, "10-15", "km2"), op(t, cat, "6.2-9.3", "mi2"),
			expect{verdict: Error, cause: CauseLinearArea, exact: "3.86102", fixed: "10-15 sq km (3.9-5.8 sq miles)"}, Error},
		{"300-500km (190-300 miles): the endpoints pass with different steps only",
			op(t, cat, "300-500", "km"), op(t, cat, "190-300", "mi"),
			expect{verdict: OK, exact: "186.411"}, Info},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, fixed := judged(t, cat, c.a, c.b, TempUnknown, Standard)
			verify(t, r, fixed, c.std)
			require.Len(t, r.Exact(), 2)
			rs, _ := judged(t, cat, c.a, c.b, TempUnknown, Strict)
			assert.Equal(t, c.strict.String(), rs.Verdict.String(), "strict: %s", rs.Explanation)
		})
	}
}

func TestCompounds(t *testing.T) {
	cat := testCat()
	cases := []struct {
		name string
		a, b Operand
		std  expect
	}{
		{"2.06m (6ft 9in)", op(t, cat, "2.06", "m"), compound(t, cat, "6", "ft", "9", "in"),
			expect{verdict: OK, exact: "81.1024", unit: "in"}},
		{"1.93m (6ft 9in): major and minor rewritten",
			op(t, cat, "1.93", "m"), compound(t, cat, "6", "ft", "9", "in"),
			expect{verdict: Warning, cause: CauseRounding, exact: "75.9843", fixed: "1.93 m (6ft 4in)"}},
		{"1.83m (5ft 9in): 12in carry into a foot",
			op(t, cat, "1.83", "m"), compound(t, cat, "5", "ft", "9", "in"),
			expect{verdict: Warning, cause: CauseRounding, exact: "72.0472", fixed: "1.83 m (6ft 0in)"}},
		{"3.5kg (7lb 11oz)", op(t, cat, "3.5", "kg"), compound(t, cat, "7", "lb", "11", "oz"),
			expect{verdict: OK, exact: "123.459"}},
		{"3.62kg (7lb 3oz): 16oz carry into a pound",
			op(t, cat, "3.62", "kg"), compound(t, cat, "7", "lb", "3", "oz"),
			expect{verdict: Warning, cause: CauseRounding, exact: "127.692", fixed: "3.62 kg (8lb 0oz)"}},
		{"63.4kg (9st 2lb): 14lb carry into a stone",
			op(t, cat, "63.4", "kg"), compound(t, cat, "9", "st", "2", "lb"),
			expect{verdict: Warning, cause: CauseRounding, exact: "139.773", fixed: "63.4 kg (10st 0lb)"}},
		{"6ft 2in (1.88m): compound source", compound(t, cat, "6", "ft", "2", "in"), op(t, cat, "1.88", "m"),
			expect{verdict: OK, exact: "1.8796"}},
		{"5ft 4in (1.72m)", compound(t, cat, "5", "ft", "4", "in"), op(t, cat, "1.72", "m"),
			expect{verdict: Warning, cause: CauseRounding, exact: "1.6256", fixed: "5ft 4in (1.63 m)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, fixed := judged(t, cat, c.a, c.b, TempUnknown, Standard)
			verify(t, r, fixed, c.std)
		})
	}
}

func TestAltUnits(t *testing.T) {
	cat := testCat()
	t.Run("100 tons (110 tons): passes with A as tonnes", func(t *testing.T) {
		a := op(t, cat, "100", "ton_short", spelled("tons"), alt(cat, "ton_long", "t"))
		b := op(t, cat, "110", "ton_short", spelled("tons"), alt(cat, "ton_long", "t"))
		r, fixed := judged(t, cat, a, b, TempUnknown, Standard)
		verify(t, r, fixed, expect{verdict: OK, exact: "110.231", unit: "ton_short"})
		rs, fixedS := judged(t, cat, a, b, TempUnknown, Strict)
		assert.Equal(t, Info, rs.Verdict)
		assert.Equal(t, "110 is right only if “tons” means tonnes: 100 tonnes is 110.2 short tons", rs.Explanation)
		assert.Empty(t, rs.Fix, "A's unit is the ambiguous one: B is not rewritten")
		assert.Equal(t, "100 tons (110 tons)", fixedS)
	})
	t.Run("3,000 litres (660 gallons): imperial gallons via Alt", func(t *testing.T) {
		a := op(t, cat, "3,000", "L")
		b := op(t, cat, "660", "gal_us", spelled("gallons"), alt(cat, "gal_imp"))
		r, fixed := judged(t, cat, a, b, TempUnknown, Standard)
		verify(t, r, fixed, expect{verdict: OK, exact: "659.908", unit: "gal_imp"})
		rs, fixedS := judged(t, cat, a, b, TempUnknown, Strict)
		assert.Equal(t, Info, rs.Verdict)
		assert.Equal(t, "660 is right only if “gallons” means imperial gallons: 3,000 litres is 659.9 imperial gallons", rs.Explanation)
		assert.Equal(t, "3,000 litres (660 imperial gallons)", fixedS)
	})
	t.Run("3,000 litres (790 gallons): the house-style unit is preferred", func(t *testing.T) {
		a := op(t, cat, "3,000", "L")
		b := op(t, cat, "790", "gal_us", spelled("gallons"), alt(cat, "gal_imp"))
		r, fixed := judged(t, cat, a, b, TempUnknown, Strict)
		verify(t, r, fixed, expect{verdict: OK, exact: "792.516", unit: "gal_us"})
	})
	t.Run("100ml (3.4oz): a mass spelling with a volume reading in Alt", func(t *testing.T) {
		a := op(t, cat, "100", "mL", spelled("ml"))
		b := op(t, cat, "3.4", "oz", alt(cat, "floz_us", "floz_imp"))
		r, fixed := judged(t, cat, a, b, TempUnknown, Standard)
		verify(t, r, fixed, expect{verdict: OK, exact: "3.3814", unit: "floz_us"})
	})
	t.Run("100ml (3.4oz) strict: the unit is respelled, spaced", func(t *testing.T) {
		a := op(t, cat, "100", "mL", spelled("ml"))
		b := op(t, cat, "3.4", "oz", alt(cat, "floz_us", "floz_imp"))
		b.Text, b.UnitStart, b.UnitEnd = "3.4oz", 3, 5 // glued
		p, doc := pairOf(a, b, TempUnknown)
		r := judgeBoth(t, p, Options{Tolerance: Strict, Catalogue: cat})
		assert.Equal(t, Info, r.Verdict)
		assert.Equal(t, "3.4 US fl oz", r.FixText)
		assert.Equal(t, "100 ml (3.4 US fl oz)", applyEdits(t, doc, r.Fix))
	})
	t.Run("100ml (4.8oz): judged by the first compatible Alt", func(t *testing.T) {
		a := op(t, cat, "100", "mL", spelled("ml"))
		b := op(t, cat, "4.8", "oz", alt(cat, "floz_us", "floz_imp"))
		r, fixed := judged(t, cat, a, b, TempUnknown, Standard)
		verify(t, r, fixed, expect{verdict: Error, cause: CauseOther, exact: "3.3814", unit: "floz_us", fixed: "100 ml (3.4 oz)"})
	})
}

func TestWrongUnit(t *testing.T) {
	cat := testCat()
	cases := []struct {
		name string
		a, b Operand
		want expect
		expl string
	}{
		{"2,400 square miles (6,200 kilometres)",
			op(t, cat, "2,400", "mi2", spelled("square miles")), op(t, cat, "6,200", "km", spelled("kilometres")),
			expect{verdict: Error, cause: CauseWrongUnit, exact: "6215.97", unit: "km2",
				fixed: "2,400 square miles (6,200 square kilometres)"},
			"a unit of a length is written for an area"},
		{"550-pound (250-km)", op(t, cat, "550", "lb", spelled("pound")), op(t, cat, "250", "km"),
			expect{verdict: Error, cause: CauseWrongUnit, exact: "249.476", unit: "kg", fixed: "550 pound (250 kg)"},
			"a unit of a length is written for a mass"},
		{"310 pounds (200 km): number and unit rewritten", op(t, cat, "310", "lb", spelled("pounds")), op(t, cat, "200", "km"),
			expect{verdict: Error, cause: CauseWrongUnit, exact: "140.614", unit: "kg", fixed: "310 pounds (140 kg)"},
			"a unit of a length is written for a mass"},
		{"40 km (25 sq miles): an area written for a length", op(t, cat, "40", "km"), op(t, cat, "25", "mi2"),
			expect{verdict: Error, cause: CauseWrongUnit, exact: "24.8548", unit: "mi", fixed: "40 km (25 miles)"},
			"a unit of an area is written for a length"},
		{"2 cubic metres (70 cubic feet... as square feet)", op(t, cat, "2", "m3"), op(t, cat, "70", "ft2", spelled("square feet")),
			expect{verdict: Error, cause: CauseWrongUnit, exact: "70.6293", unit: "ft3", fixed: "2 cubic metres (70 cubic feet)"},
			"a unit of an area is written for a volume"},
		{"60 mph (17 litres): no prefix rule, nearest unit of B's system", op(t, cat, "60", "mph"), op(t, cat, "97", "L"),
			expect{verdict: Error, cause: CauseWrongUnit, exact: "96.5606", unit: "km/h", fixed: "60 mph (97 kilometres per hour)"},
			"a unit of a volume is written for a speed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, fixed := judged(t, cat, c.a, c.b, TempUnknown, Standard)
			verify(t, r, fixed, c.want)
			assert.Equal(t, c.expl, r.Explanation)
		})
	}
}

func TestTemperatureCues(t *testing.T) {
	cat := testCat()
	c := func(v string) Operand { return op(t, cat, v, "degC") }
	f := func(v string) Operand { return op(t, cat, v, "degF") }
	cases := []struct {
		name   string
		a, b   Operand
		cue    TempCue
		want   expect
		change bool
		expl   string
	}{
		{"35C (63F) as a reading: offset missing", c("35"), f("63"), TempReading,
			expect{verdict: Error, cause: CauseOffsetMissing, exact: "95", fixed: "35 C (95 F)"}, false,
			"the 32° offset is missing from a temperature reading"},
		{"35C (63F) without a cue: a change", c("35"), f("63"), TempUnknown,
			expect{verdict: OK, exact: "63"}, true, ""},
		{"35C (63F) with both cues", c("35"), f("63"), TempBoth,
			expect{verdict: OK, exact: "63"}, true, ""},
		{"2C (35.6F) of warming", c("2"), f("35.6"), TempChange,
			expect{verdict: Error, cause: CauseOffsetOnChange, exact: "3.6", fixed: "2 C (3.6 F)"}, true,
			"+32 was applied to a temperature change"},
		{"9F (37.2C) warmer: 32 subtracted from a change", f("9"), c("-12.8"), TempChange,
			expect{verdict: Error, cause: CauseOffsetOnChange, exact: "5", fixed: "9 F (5 C)"}, true,
			"32 was subtracted from a temperature change"},
		{"35C (1.7F): the formula the wrong way round", c("35"), f("1.7"), TempReading,
			expect{verdict: Error, cause: CauseSwappedScales, exact: "95", fixed: "35 C (95 F)"}, false,
			"the conversion formula was used the wrong way round"},
		{"2C (1.1F) rise: the factor the wrong way", c("2"), f("1.1"), TempChange,
			expect{verdict: Error, cause: CauseWrongDirection, exact: "3.6", fixed: "2 C (3.6 F)"}, true,
			"converted the wrong way"},
		{"37C (104F): double it and add 30", c("37"), f("104"), TempReading,
			expect{verdict: Error, cause: CauseApproximateFactor, exact: "98.6", fixed: "37 C (98.6 F)"}, false,
			"the rule of thumb “double it and add 30” was used"},
		{"-20C (-4F)", c("-20"), f("-4"), TempReading, expect{verdict: OK, exact: "-4"}, false, ""},
		{"-5C (-9F): no offset on a reading", c("-5"), f("-9"), TempReading,
			expect{verdict: Error, cause: CauseOffsetMissing, exact: "23", fixed: "-5 C (23 F)"}, false,
			"the 32° offset is missing from a temperature reading"},
		{"35C (59F): digits swapped", c("35"), f("59"), TempReading,
			expect{verdict: Error, cause: CauseTypo, exact: "95", fixed: "35 C (95 F)"}, false,
			"two digits look swapped: 95 would be right"},
		{"0.3C (1F) rise: changes pass the guard within half a degree", c("0.3"), f("1"), TempChange,
			expect{verdict: OK, exact: "0.54"}, true, ""},
		{"104F (40C) reading", f("104"), c("40"), TempReading, expect{verdict: OK, exact: "40"}, false, ""},
		{"86F (40C): undiagnosed reading beyond 3°C", f("86"), c("40"), TempReading,
			expect{verdict: Error, cause: CauseOther, exact: "30", fixed: "86 F (30 C)"}, false,
			"40 is 10° too high"},
		{"86F (32C): undiagnosed reading within 3°C", f("86"), c("32"), TempReading,
			expect{verdict: Warning, cause: CauseRounding, exact: "30", fixed: "86 F (30 C)"}, false,
			"32 is 2° too high"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, fixed := judged(t, cat, tc.a, tc.b, tc.cue, Standard)
			verify(t, r, fixed, tc.want)
			assert.Equal(t, tc.change, r.Change, "change")
			assert.Equal(t, tc.expl, r.Explanation)
		})
	}
	t.Run("change units on both sides", func(t *testing.T) {
		r, fixed := judged(t, cat, op(t, cat, "2", "degC_change"), op(t, cat, "3.6", "degF_change"), TempReading, Standard)
		verify(t, r, fixed, expect{verdict: OK, exact: "3.6"})
		assert.True(t, r.Change)
	})
}

func TestDiagnoses(t *testing.T) {
	cat := testCat()
	uk := units.New(units.Style{Gallon: units.GallonImperial, Ton: units.TonMetric})
	cases := []struct {
		name string
		cat  *units.Catalogue
		a, b Operand
		want expect
		expl string
	}{
		{"57 miles (35 km): wrong direction", cat, op(t, cat, "57", "mi"), op(t, cat, "35", "km"),
			expect{verdict: Error, cause: CauseWrongDirection, exact: "91.7326", fixed: "57 miles (92 km)"},
			"converted the wrong way"},
		{"48,000 sq km (15,800 sq miles): digits transposed", cat, op(t, cat, "48,000", "km2"), op(t, cat, "15,800", "mi2"),
			expect{verdict: Error, cause: CauseTypo, exact: "18532.9", fixed: "48,000 sq km (18,500 sq miles)"},
			"two digits look swapped: 18,500 would be right"},
		{"1,900 million cubic metres (2.1 million cubic yards): linear factor and ×1000", cat,
			op(t, cat, "1,900 million", "m3"), op(t, cat, "2.1 million", "yd3"),
			expect{verdict: Error, cause: CauseLinearVolume, exact: "2.48511e+09",
				fixed: "1,900 million cubic metres (2,500 million cubic yards)"},
			"looks like the length factor was used for a volume, and a factor of 1,000 slipped"},
		{"80,000 cubic metres (262,000 cubic feet): linear factor for a volume", cat,
			op(t, cat, "80,000", "m3"), op(t, cat, "262,000", "ft3"),
			expect{verdict: Error, cause: CauseLinearVolume, exact: "2.82517e+06",
				fixed: "80,000 cubic metres (2,830,000 cubic feet)"},
			"looks like the length factor was used for a volume: 262,000 is what 80,000 metres is in feet"},
		{"40,000 per sq km (64,400 per sq mile): linear factor for a density", cat,
			op(t, cat, "40,000", "per_km2"), op(t, cat, "64,400", "per_mi2"),
			expect{verdict: Error, cause: CauseLinearArea, exact: "103600", fixed: "40,000 per sq km (104,000 per sq mile)"},
			"looks like the length factor was used for a density: 64,400 is what 40,000 kilometres is in miles"},
		{"1.3 million sq km (502 sq miles): scale word slipped", cat,
			op(t, cat, "1.3 million", "km2"), op(t, cat, "502", "mi2"),
			expect{verdict: Error, cause: CauseScaleSlip, exact: "501933", fixed: "1.3 million sq km (502,000 sq miles)"},
			"a factor of 1,000 slipped"},
		{"3 inches (7.6 mm): centimetres written as millimetres", cat,
			op(t, cat, "3", "in", spelled("inches")), op(t, cat, "7.6", "mm", spelled("millimeters")),
			expect{verdict: Error, cause: CauseScaleSlip, exact: "76.2", fixed: "3 inches (76 millimeters)"},
			"centimetres where millimetres were meant"},
		{"50 sq km (124 acres): km² read as hectares", cat, op(t, cat, "50", "km2"), op(t, cat, "124", "acre"),
			expect{verdict: Error, cause: CauseScaleSlip, exact: "12355.3", fixed: "50 sq km (12,400 acres)"},
			"square kilometres were read as hectares"},
		{"140 litres (37 imperial gallons): US figure", cat, op(t, cat, "140", "L"), op(t, cat, "37", "gal_imp"),
			expect{verdict: Error, cause: CauseGallon, exact: "30.7957", fixed: "140 litres (31 imperial gallons)"},
			"US gallons where imperial gallons were meant"},
		{"50,000 US gallons (227,000 litres): imperial figure", cat, op(t, cat, "50,000", "gal_us"), op(t, cat, "227,000", "L"),
			expect{verdict: Error, cause: CauseGallon, exact: "189271", fixed: "50,000 US gallons (189,000 litres)"},
			"US gallons were read as imperial gallons"},
		{"30mpg UK (7.8 L/100km): US mpg figure", uk, op(t, uk, "30", "mpg_imp", spelled("mpg")), op(t, uk, "7.8", "L/100km", spelled("L/100km")),
			expect{verdict: Error, cause: CauseGallon, exact: "9.41603", fixed: "30 mpg (9.4 L/100km)"},
			"miles per imperial gallon were read as miles per US gallon"},
		{"2.4 million tonnes (2.4 million tons): tonnes as short tons", cat,
			op(t, cat, "2.4 million", "t", spelled("metric tons")), op(t, cat, "2.4 million", "ton_short", spelled("tons")),
			expect{verdict: Error, cause: CauseTon, exact: "2.64555e+06", fixed: "2.4 million metric tons (2.6 million tons)"},
			"tonnes where short tons were meant"},
		{"1.1kg (35 oz): troy ounces written as ounces", cat, op(t, cat, "1.1", "kg"), op(t, cat, "35", "oz"),
			expect{verdict: Error, cause: CauseTroyOunce, exact: "38.8014", fixed: "1.1 kg (39 oz)"},
			"troy ounces where ounces were meant"},
		{"15 knots (15 km/h): knots read as km/h", cat, op(t, cat, "15", "kn"), op(t, cat, "15", "km/h"),
			expect{verdict: Error, cause: CauseKnots, exact: "27.78", fixed: "15 knots (28 km/h)"},
			"knots were read as kilometres per hour"},
		{"100 nautical miles (161 km): nautical read as statute", cat, op(t, cat, "100", "nmi"), op(t, cat, "161", "km"),
			expect{verdict: Error, cause: CauseNauticalMile, exact: "185.2", fixed: "100 nautical miles (185 km)"},
			"nautical miles were read as miles"},
		{"3,280 m (10,824 ft): a rough factor", cat, op(t, cat, "3,280", "m"), op(t, cat, "10,824", "ft"),
			expect{verdict: Error, cause: CauseApproximateFactor, exact: "10761.2", fixed: "3,280 m (10,761 ft)"},
			"a rough factor (×3.3) was used instead of the exact one"},
		{"9,141 sq m (9,000 sq miles): square metres as square miles", cat, op(t, cat, "9,141", "m2"), op(t, cat, "9,000", "mi2"),
			expect{verdict: Error, cause: CauseOther, exact: "0.00352936", fixed: "9,141 sq m (0.0035 sq miles)"},
			"square metres where square miles were meant"},
		{"100km (70 miles): no loose nautical-mile hypothesis", cat, op(t, cat, "100", "km"), op(t, cat, "70", "mi"),
			expect{verdict: Warning, cause: CauseRounding, exact: "62.1371", fixed: "100 km (62 miles)"},
			"70 is 13% too high"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, fixed := judged(t, c.cat, c.a, c.b, TempUnknown, Standard)
			verify(t, r, fixed, c.want)
			assert.Equal(t, c.expl, r.Explanation)
		})
	}
}

func TestProfiles(t *testing.T) {
	cat := testCat()
	cases := []struct {
		name                      string
		a, b                      Operand
		standard, strict, lenient Verdict
	}{
		{"1 inch (3cm): 18 % passes only the lenient 20 % guard", op(t, cat, "1", "in", spelled("inch")), op(t, cat, "3", "cm"),
			Warning, Warning, OK},
		{"7lb (3.5kg): 10.2 % fails the 7 % guard too", op(t, cat, "7", "lb"), op(t, cat, "3.5", "kg"),
			Warning, Warning, Warning},
		{"100km (70 miles): stacked rounding without a hedge in lenient", op(t, cat, "100", "km"), op(t, cat, "70", "mi"),
			Warning, Warning, OK},
		{"1,234.5 km (774.0 miles): 0.9 % passes the lenient 1 % floor", op(t, cat, "1,234.5", "km"), op(t, cat, "774.0", "mi"),
			Warning, Warning, OK},
		{"6,961 m (22,841 ft): the floor", op(t, cat, "6,961", "m"), op(t, cat, "22,841", "ft"),
			OK, OK, OK},
		{"100km (60 miles): coarser than the default", op(t, cat, "100", "km"), op(t, cat, "60", "mi"),
			OK, Info, OK},
		{"6,000 km (3,728 miles): spurious precision", op(t, cat, "6,000", "km"), op(t, cat, "3,728", "mi"),
			OK, Info, OK},
		{"1,000 sq km (386 sq miles): two more figures stay silent", op(t, cat, "1,000", "km2"), op(t, cat, "386", "mi2"),
			OK, OK, OK},
		{"10km (10 miles)", op(t, cat, "10", "km"), op(t, cat, "10", "mi"),
			Error, Error, Error},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for tol, want := range map[Tolerance]Verdict{Standard: c.standard, Strict: c.strict, Lenient: c.lenient} {
				r, _ := judged(t, cat, c.a, c.b, TempUnknown, tol)
				assert.Equal(t, want.String(), r.Verdict.String(), "tolerance %d: %s", tol, r.Explanation)
			}
		})
	}
	t.Run("strict INFO fixes use the {{convert}} default", func(t *testing.T) {
		r, fixed := judged(t, cat, op(t, cat, "6,000", "km"), op(t, cat, "3,728", "mi"), TempUnknown, Strict)
		assert.Equal(t, "6,000 km (3,700 miles)", fixed)
		assert.Equal(t, "3,728 is more precise than 6,000 km justifies", r.Explanation)
		r, fixed = judged(t, cat, op(t, cat, "100", "km"), op(t, cat, "60", "mi"), TempUnknown, Strict)
		assert.Equal(t, "100 km (62 miles)", fixed)
		assert.Equal(t, "60 is rounded more coarsely than usual", r.Explanation)
		r, fixed = judged(t, cat, op(t, cat, "100", "km", hedged(HedgeApprox)), op(t, cat, "70", "mi"), TempUnknown, Strict)
		assert.Equal(t, "100 km (62 miles)", fixed)
		assert.Equal(t, "70 is only a loose rounding", r.Explanation)
		r, fixed = judged(t, cat, op(t, cat, "40", "degC"), op(t, cat, "100", "degF"), TempReading, Strict)
		assert.Equal(t, "40 C (104 F)", fixed)
		assert.Equal(t, Info, r.Verdict)
	})
}

func TestFixStyle(t *testing.T) {
	cat := testCat()
	cases := []struct {
		name  string
		a, b  Operand
		fixed string
	}{
		{"space group kept", op(t, cat, "12 500", "t"), op(t, cat, "1 380", "ton_short", spelled("short tons")),
			"12 500 tonnes (13 800 short tons)"},
		{"no-break space group kept", op(t, cat, "12\u00a0500", "t"), op(t, cat, "1\u00a0380", "ton_short", spelled("short tons")),
			"12\u00a0500 tonnes (13\u00a0800 short tons)"},
		{"a short number gains a comma", op(t, cat, "1.3 million", "km2"), op(t, cat, "502", "mi2"),
			"1.3 million sq km (502,000 sq miles)"},
		{"no separator where B had none though long", op(t, cat, "100,000", "km2"), op(t, cat, "4530", "mi2"),
			"100,000 sq km (38600 sq miles)"},
		{"leading dot", op(t, cat, "1.2", "km"), op(t, cat, ".9", "mi"), "1.2 km (.75 miles)"},
		{"scale word kept", op(t, cat, "100 billion", "L", spelled("litres")), op(t, cat, "2.1 billion", "gal_us", spelled("gallons")),
			"100 billion litres (26 billion gallons)"},
		{"scale word kept below one", op(t, cat, "100 million", "L", spelled("litres")), op(t, cat, "2.1 billion", "gal_us", spelled("gallons")),
			"100 million litres (0.026 billion gallons)"},
		{"trailing zeros trimmed", op(t, cat, "2", "degC_change"), op(t, cat, "35.6", "degF_change"), "2 C (3.6 F)"},
		{"sign kept", op(t, cat, "-30", "degC"), op(t, cat, "-18", "degF"), "-30 C (-22 F)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, fixed := judged(t, cat, c.a, c.b, TempUnknown, Standard)
			require.NotEqual(t, OK, r.Verdict, r.Explanation)
			assert.Equal(t, c.fixed, fixed)
		})
	}
	t.Run("decimal comma", func(t *testing.T) {
		n, err := numeral.ParseLocale("1,9", numeral.European)
		require.NoError(t, err)
		b := op(t, cat, "1.9", "mi")
		b.Amounts[0] = n.Amount(nil)
		b.Numbers[0].Text, b.Numbers[0].Style = "1,9", n.Style
		b.Text = "1,9 miles"
		a := op(t, cat, "2.5", "km")
		r, _ := judged(t, cat, a, b, TempUnknown, Standard)
		assert.Equal(t, "1,55 miles", r.FixText)
	})
	t.Run("spelled number", func(t *testing.T) {
		b := op(t, cat, "2", "mi")
		b.Amounts[0] = numeral.Exact(big.NewRat(2, 1), big.NewRat(1, 1))
		b.Numbers[0].Text, b.Numbers[0].Spelled, b.Numbers[0].End = "two", true, 3
		b.Text, b.UnitStart, b.UnitEnd = "two miles", 4, 9
		r, fixed := judged(t, cat, op(t, cat, "5", "km"), b, TempUnknown, Standard)
		assert.Equal(t, "5 km (3.1 miles)", fixed)
		assert.Equal(t, "3.1 miles", r.FixText)
	})
	t.Run("unlocated B: one edit per number", func(t *testing.T) {
		p, doc := pairOf(op(t, cat, "10-20", "km"), op(t, cat, "6-9", "mi"), TempUnknown)
		p.B.Text = ""
		r := judgeBoth(t, p, Options{Catalogue: cat})
		require.Len(t, r.Fix, 2)
		assert.Equal(t, "10-20 km (6.2-12.4 miles)", applyEdits(t, doc, r.Fix))
		assert.Equal(t, "6.2 12.4", r.FixText)
	})
}

func TestUnjudgeable(t *testing.T) {
	cat := testCat()
	good := func() (Operand, Operand) { return op(t, cat, "100", "km"), op(t, cat, "70", "mi") }
	cases := map[string]func(a, b *Operand){
		"nil unit A":        func(a, _ *Operand) { a.Unit = nil },
		"nil unit B":        func(_, b *Operand) { b.Unit = nil },
		"no amounts":        func(a, b *Operand) { a.Amounts, b.Amounts = nil, nil },
		"range vs single":   func(a, _ *Operand) { a.Amounts = append(a.Amounts, a.Amounts[0]) },
		"nil value":         func(a, _ *Operand) { a.Amounts[0].Value = nil },
		"nil fine":          func(_, b *Operand) { b.Amounts[0].Fine = nil },
		"zero fine":         func(_, b *Operand) { b.Amounts[0].Fine = new(big.Rat) },
		"zero coarse":       func(a, _ *Operand) { a.Amounts[0].Coarse = new(big.Rat) },
		"zero amount A":     func(a, _ *Operand) { a.Amounts[0].Value = new(big.Rat) },
		"zero amount B":     func(_, b *Operand) { b.Amounts[0].Value = new(big.Rat) },
		"zero value struct": func(a, b *Operand) { *a, *b = Operand{}, Operand{} },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			a, b := good()
			mutate(&a, &b)
			r := judgeBoth(t, Pair{A: a, B: b}, Options{Catalogue: cat})
			assert.Equal(t, Result{Verdict: OK}, r)
		})
	}
	t.Run("division by zero in an inverse unit", func(t *testing.T) {
		a := op(t, cat, "0", "L/100km", spelled("L/100km"))
		r := judgeBoth(t, Pair{A: a, B: op(t, cat, "30", "mpg_us", spelled("mpg"))}, Options{Catalogue: cat})
		assert.Equal(t, Result{Verdict: OK}, r)
	})
	t.Run("zero readings are judged", func(t *testing.T) {
		r, _ := judged(t, cat, op(t, cat, "0", "degC"), op(t, cat, "32", "degF"), TempReading, Standard)
		assert.Equal(t, OK, r.Verdict)
		assert.Equal(t, "32", sig6(float(r.Exact()[0])))
	})
	t.Run("nil catalogue", func(t *testing.T) {
		p, _ := pairOf(op(t, cat, "10", "km2"), op(t, cat, "6.2", "mi2"), TempUnknown)
		r := judgeBoth(t, p, Options{})
		assert.Equal(t, CauseOther, r.Cause, "no linear-factor diagnosis without the catalogue")
		assert.Equal(t, "3.9 sq miles", r.FixText)
		p, _ = pairOf(op(t, cat, "2", "degC"), op(t, cat, "3.6", "degF"), TempChange)
		r = judgeBoth(t, p, Options{})
		assert.Equal(t, Error, r.Verdict, "no change model without the catalogue: judged as a reading")
		p, _ = pairOf(op(t, cat, "2", "mi2"), op(t, cat, "3", "km"), TempUnknown)
		r = judgeBoth(t, p, Options{})
		assert.Equal(t, Result{Verdict: Error, Cause: CauseWrongUnit, Explanation: "a unit of a length is written for an area"}, r)
	})
	t.Run("the pair is not modified", func(t *testing.T) {
		a, b := good()
		before := a.Amounts[0].Value.String() + b.Amounts[0].Value.String() + b.Amounts[0].Fine.String()
		p, _ := pairOf(a, b, TempUnknown)
		judgeBoth(t, p, Options{Catalogue: cat, Tolerance: Strict})
		assert.Equal(t, before, a.Amounts[0].Value.String()+b.Amounts[0].Value.String()+b.Amounts[0].Fine.String())
	})
}

func TestVerdictString(t *testing.T) {
	assert.Equal(t, []string{"ok", "info", "warning", "error"},
		[]string{OK.String(), Info.String(), Warning.String(), Error.String()})
}

// allCauses lists every Cause a failing pair can carry.
var allCauses = []Cause{
	CauseLinearArea, CauseLinearVolume, CauseOffsetOnChange, CauseOffsetMissing, CauseSwappedScales,
	CauseWrongDirection, CauseGallon, CauseTon, CauseNauticalMile, CauseKnots, CauseTroyOunce,
	CauseScaleSlip, CauseTypo, CauseApproximateFactor, CauseUnconverted, CauseWrongUnit, CauseRounding, CauseOther,
}

// TestFixForEveryCause: every pair that is not OK carries a fix, whatever
// its cause, in every profile; among them the
// two that had none: a reading and a change whose B has its minus sign
// written before the number (as the scanner writes it).
func TestFixForEveryCause(t *testing.T) {
	cat := testCat()
	c := func(v string) Operand { return op(t, cat, v, "degC") }
	f := func(v string) Operand { return op(t, cat, v, "degF") }
	cases := []struct {
		cause Cause
		a, b  Operand
		cue   TempCue
		fixed string
	}{
		{CauseLinearArea, op(t, cat, "10", "km2"), op(t, cat, "6.2", "mi2"), TempUnknown, "10 sq km (3.9 sq miles)"},
		{CauseLinearVolume, op(t, cat, "80,000", "m3"), op(t, cat, "262,000", "ft3"), TempUnknown, "80,000 cubic metres (2,830,000 cubic feet)"},
		{CauseOffsetOnChange, c("2"), f("35.6"), TempChange, "2 C (3.6 F)"},
		{CauseOffsetOnChange, f("12"), signOutside(t, c("-11"), "-"), TempChange, "12 F (6.7 C)"},
		{CauseOffsetMissing, signOutside(t, c("-5"), "-"), signOutside(t, f("-9"), "-"), TempReading, "-5 C (23 F)"},
		{CauseOffsetMissing, signOutside(t, c("-5"), "minus "), signOutside(t, f("-9"), "minus "), TempReading, "minus 5 C (23 F)"},
		{CauseSwappedScales, c("35"), f("1.7"), TempReading, "35 C (95 F)"},
		{CauseWrongDirection, op(t, cat, "57", "mi"), op(t, cat, "35", "km"), TempUnknown, "57 miles (92 km)"},
		{CauseGallon, op(t, cat, "140", "L"), op(t, cat, "37", "gal_imp"), TempUnknown, "140 litres (31 imperial gallons)"},
		{CauseTon, op(t, cat, "2.4 million", "t"), op(t, cat, "2.4 million", "ton_short"), TempUnknown, "2.4 million tonnes (2.6 million short tons)"},
		{CauseNauticalMile, op(t, cat, "15,200", "km"), op(t, cat, "8,200", "mi"), TempUnknown, "15,200 km (9,400 miles)"},
		{CauseKnots, op(t, cat, "15", "kn"), op(t, cat, "15", "mph"), TempUnknown, "15 knots (17 mph)"},
		{CauseTroyOunce, op(t, cat, "1.1", "kg"), op(t, cat, "35", "oz"), TempUnknown, "1.1 kg (39 oz)"},
		{CauseScaleSlip, op(t, cat, "1.3 million", "km2"), op(t, cat, "502", "mi2"), TempUnknown, "1.3 million sq km (502,000 sq miles)"},
		{CauseTypo, op(t, cat, "48,000", "km2"), op(t, cat, "15,800", "mi2"), TempUnknown, "48,000 sq km (18,500 sq miles)"},
		{CauseApproximateFactor, op(t, cat, "3,280", "m"), op(t, cat, "10,824", "ft"), TempUnknown, "3,280 m (10,761 ft)"},
		{CauseUnconverted, op(t, cat, "5", "cm"), op(t, cat, "5", "in"), TempUnknown, "5 cm (2 in)"},
		{CauseWrongUnit, op(t, cat, "310", "lb", spelled("pounds")), op(t, cat, "200", "km"), TempUnknown, "310 pounds (140 kg)"},
		{CauseRounding, op(t, cat, "100", "km"), op(t, cat, "70", "mi"), TempUnknown, "100 km (62 miles)"},
		{CauseOther, op(t, cat, "100,000", "km2"), op(t, cat, "453", "mi2"), TempUnknown, "100,000 sq km (38,600 sq miles)"},
	}
	covered := map[Cause]bool{}
	for _, tc := range cases {
		p, doc := pairOf(tc.a, tc.b, tc.cue)
		t.Run(string(tc.cause)+" "+doc, func(t *testing.T) {
			r := judgeBoth(t, p, Options{Catalogue: cat})
			require.Equal(t, tc.cause, r.Cause, r.Explanation)
			require.NotEmpty(t, r.Fix, "a fix for %s", tc.cause)
			assert.Equal(t, tc.fixed, applyEdits(t, doc, r.Fix))
			covered[tc.cause] = true
			for _, tol := range []Tolerance{Strict, Lenient} {
				if rt := judgeBoth(t, p, Options{Tolerance: tol, Catalogue: cat}); rt.Verdict != OK {
					assert.NotEmpty(t, rt.Fix, "profile %d: a fix for %s", tol, rt.Cause)
				}
			}
		})
	}
	for _, cause := range allCauses {
		assert.True(t, covered[cause], "no case for %s", cause)
	}
}

// TestExactAndRelErr holds Result.Exact and Result.RelErr, computed on
// demand, to the conversion of A's amounts into the unit judged and to the
// relative error of B's first amount, for passing and failing pairs alike.
func TestExactAndRelErr(t *testing.T) {
	cat := testCat()
	cases := []struct {
		name  string
		a, b  Operand
		cue   TempCue
		from  string   // the unit Exact converts from ("" for A's)
		exact []string // num/den, each a decimal
	}{
		{name: "passing", a: op(t, cat, "1,000", "km2"), b: op(t, cat, "386", "mi2"),
			exact: []string{"1e9/2589988.110336"}},
		{name: "failing", a: op(t, cat, "100,000", "km2"), b: op(t, cat, "453", "mi2"),
			exact: []string{"1e11/2589988.110336"}},
		{name: "range", a: op(t, cat, "10-15", "km"), b: op(t, cat, "6-9", "mi"),
			exact: []string{"10000/1609.344", "15000/1609.344"}},
		{name: "change", a: op(t, cat, "2", "degC"), b: op(t, cat, "3.6", "degF"), cue: TempChange,
			from: "degC_change", exact: []string{"3.6/1"}},
		{name: "reading", a: op(t, cat, "35", "degC"), b: op(t, cat, "94", "degF"), cue: TempReading,
			exact: []string{"95/1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, _ := pairOf(c.a, c.b, c.cue)
			r := judgeBoth(t, p, Options{Catalogue: cat})
			from := c.a.Unit
			if c.from != "" {
				from = cat.Unit(c.from)
			}
			want := make([]string, len(c.exact))
			for i, s := range c.exact {
				num, den, _ := strings.Cut(s, "/")
				n, okN := new(big.Rat).SetString(num)
				d, okD := new(big.Rat).SetString(den)
				require.True(t, okN && okD)
				want[i] = n.Quo(n, d).RatString()
				got, err := units.Convert(c.a.Amounts[i].Value, from, r.Unit)
				require.NoError(t, err)
				assert.Equal(t, want[i], got.RatString(), "the case's exact value")
			}
			assert.Equal(t, want, ratStrings(r.Exact()))
			c0 := r.Exact()[0]
			relErr, _ := new(big.Rat).Quo(new(big.Rat).Sub(c.b.Amounts[0].Value, c0), c0).Float64()
			assert.Equal(t, relErr, r.RelErr())
			// each call computes the values anew: the caller owns them
			r.Exact()[0].SetInt64(0)
			assert.Equal(t, want, ratStrings(r.Exact()))
		})
	}
	t.Run("not judged", func(t *testing.T) {
		var r Result
		assert.Nil(t, r.Exact())
		assert.Zero(t, r.RelErr())
		p, _ := pairOf(op(t, cat, "2", "mi2"), op(t, cat, "3", "km"), TempUnknown)
		r = judgeBoth(t, p, Options{})
		assert.Nil(t, r.Exact(), "a wrong unit without a counterpart")
	})
	t.Run("zero exact value", func(t *testing.T) {
		p, _ := pairOf(op(t, cat, "32", "degF"), op(t, cat, "1", "degC"), TempReading)
		r := judgeBoth(t, p, Options{Catalogue: cat})
		assert.Equal(t, "0", r.Exact()[0].RatString())
		assert.Zero(t, r.RelErr(), "no relative error from a zero exact value")
	})
}
