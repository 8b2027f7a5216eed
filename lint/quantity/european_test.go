package quantity_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/lint/units"
)

func TestScanEuropeanLocale(t *testing.T) {
	eu := quantity.NewScannerLocale(units.New(units.Style{}), numeral.European)
	for in, want := range map[string][]string{
		"1.000 km (621 miles)":         {"1.000 km=1000 km", "621 miles=621 mi"},
		"1.000,5 km (621,7 miles)":     {"1.000,5 km=1000.5 km", "621,7 miles=621.7 mi"},
		"1 000,5 km (621,7 miles)":     {"1 000,5 km=1000.5 km", "621,7 miles=621.7 mi"},
		"1\u202f000 km (621 miles)":    {"1\u202f000 km=1000 km", "621 miles=621 mi"},
		"2.500.000 sq km":              {"2.500.000 sq km=2500000 km2"},
		"57,2 km, or 35,5 miles, long": {"57,2 km=57.2 km", "35,5 miles=35.5 mi"},
	} {
		var got []string
		for _, q := range eu.Scan([]byte(in)) {
			got = append(got, describe(in, q))
		}
		assert.Equal(t, want, got, in)
	}
	// the same text read the English way
	assert.Equal(t, []string{"1.000 km=1 km", "621 miles=621 mi"}, scan("1.000 km (621 miles)"))
}
