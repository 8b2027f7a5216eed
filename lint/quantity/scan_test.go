package quantity_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/lint/units"
)

var scanner = quantity.NewScanner(units.New(units.Style{}))

// describe writes a quantity as "text=value unit[/hedge]" for compact
// table tests.
func describe(text string, q quantity.Quantity) string {
	var vals []string
	for _, a := range q.Amounts {
		vals = append(vals, strings.TrimSuffix(strings.TrimRight(a.Value.FloatString(4), "0"), "."))
	}
	unit := "?"
	switch {
	case q.Kind == quantity.Currency:
		unit = q.Symbol
	case q.BareDegrees:
		unit = "degrees"
	case q.Unit != nil:
		unit = q.Unit.ID
	}
	s := fmt.Sprintf("%s=%s %s", text[q.Start:q.End], strings.Join(vals, ".."), unit)
	if q.Hedge != judge.HedgeNone {
		s += fmt.Sprintf("/h%d:%s", q.Hedge, strings.TrimSpace(text[q.HedgeStart:q.Start]))
	}
	return s
}

func scan(text string) []string {
	var out []string
	for _, q := range scanner.Scan([]byte(text)) {
		out = append(out, describe(text, q))
	}
	return out
}

func TestScan(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"occupying 1,000 sq km (386 sq miles)", []string{"1,000 sq km=1000 km2", "386 sq miles=386 mi2"}},
		{"the 18% (100,000 sq km or 453 sq miles)", []string{"100,000 sq km=100000 km2", "453 sq miles=453 mi2"}},
		{"about 12km2 of ice", []string{"12km2=12 km2/h1:about"}},
		{"2.5 million sq km", []string{"2.5 million sq km=2500000 km2"}},
		{"a 1.2m sq ft centre", []string{"1.2m sq ft=1200000 ft2"}},
		{"barriers 2.5m (8ft) high", []string{"2.5m=2.5 m", "8ft=8 ft"}},
		{"about 3m people", nil},
		{"a 10-mile (16km) stretch", []string{"10-mile=10 mi", "16km=16 km"}},
		{"5-10km (3-6 miles)", []string{"5-10km=5..10 km", "3-6 miles=3..6 mi"}},
		{"between 5 and 10 miles (8 and 16km)", []string{"5 and 10 miles=5..10 mi", "8 and 16km=8..16 km"}},
		{"12 by 16 feet", []string{"12 by 16 feet=12..16 ft"}},
		{"6ft 2in (1.88m)", []string{"6ft 2in=74 in", "1.88m=1.88 m"}},
		{"5 feet, 11 inches tall", []string{"5 feet, 11 inches=71 in"}},
		{"9st 2lb", []string{"9st 2lb=128 lb"}},
		{"0m ft 1\"", []string{"0m ft=0 ft", "1\"=1 in"}},
		{"the 21st century", nil},
		{"35C (95F)", []string{"35C=35 degC", "95F=95 degF"}},
		{"lows of -5C", []string{"-5C=-5 degC"}},
		{"minus 12 degrees C", []string{"minus 12 degrees C=-12 degC"}},
		{"15 degrees below zero", []string{"15 degrees below zero=-15 degrees"}},
		{"93 degrees (34 Celsius)", []string{"93 degrees=93 degrees", "34 Celsius=34 degC"}},
		{"97 ° F", []string{"97 ° F=97 degF"}},
		{"two miles", []string{"two miles=2 mi"}},
		{"half a kilometer", []string{"half a kilometer=0.5 km"}},
		{"three-quarters of a mile", []string{"three-quarters of a mile=0.75 mi"}},
		{"more than a mile", []string{"a mile=1 mi/h2:more than"}},
		{"a hundred miles an hour", []string{"a hundred miles an hour=100 mph"}},
		{"two and a half stone", []string{"two and a half stone=2.5 st"}},
		{"½ mile", []string{"½ mile=0.5 mi"}},
		{"eighteen miles an hour", []string{"eighteen miles an hour=18 mph"}},
		{"or .31 miles", []string{".31 miles=0.31 mi"}},
		{"12\u2009500 tonnes", []string{"12\u2009500 tonnes=12500 t"}},
		{"1,250 people per sq km", []string{"1,250 people per sq km=1250 per_km2"}},
		{"£3m (€3.5m)", []string{"£3m=3000000 GBP", "€3.5m=3500000 EUR"}},
		{"10bn yuan ($1.55bn; £970m)", []string{"10bn yuan=10000000000 CNY", "$1.55bn=1550000000 USD", "£970m=970000000 GBP"}},
		{"a fine of 500 euros", []string{"500 euros=500 EUR"}},
		{"5 in the morning", nil},
		{"5 in 10 people", nil},
		{"55in (140cm)", []string{"55in=55 in", "140cm=140 cm"}},
		{"Apollo 11, F-35, COVID-19, A1 (M), C-130", nil},
		{"grade C (a pass)", nil},
		{"10pm (2200 GMT)", nil},
		{"won 2-1 (after extra time)", nil},
		{"up to 40cm (16in)", []string{"40cm=40 cm/h3:up to", "16in=16 in"}},
		{"50 m.p.h. (31 km/h)", []string{"50 m.p.h.=50 mph", "31 km/h=31 km/h"}},
		{"3.2GW (320MW)", []string{"3.2GW=3.2 GW", "320MW=320 MW"}},
		{"1.5 billion liters", []string{"1.5 billion liters=1500000000 L"}},
		{"2.4-hectare (5.9-acre) site", []string{"2.4-hectare=2.4 ha", "5.9-acre=5.9 acre"}},
		{"the 320m-high (1,050ft) mast", []string{"320m=320 m", "1,050ft=1050 ft"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, scan(tt.in), tt.in)
	}
}

func TestScanSpans(t *testing.T) {
	text := "Kyiv says it is already occupying 1,000 sq km (386 sq miles) – that’s"
	qs := scanner.Scan([]byte(text))
	if assert.Len(t, qs, 2) {
		q := qs[1]
		assert.Equal(t, "386 sq miles", text[q.Start:q.End])
		assert.Equal(t, "386", text[q.Numbers[0].Start:q.Numbers[0].End])
		assert.Equal(t, "sq miles", text[q.UnitStart:q.UnitEnd])
	}
}

func TestScanNeverPanics(t *testing.T) {
	for _, in := range []string{"", "1", "1,", "1.", ".", "½", "\xc2", "-", "minus", "a", "1-", "1 to", "between 1 and", "6ft ", "6ft 2", "1,000\u00a0", "\xff\xfe1km", "1e999 km"} {
		assert.NotPanics(t, func() { scanner.Scan([]byte(in)) }, in)
	}
}
