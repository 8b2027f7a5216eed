package numeral_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/numeral"
)

// TestMagnitudeBeyondFloat64 holds Magnitude to values float64 cannot
// hold: it once looped for ever on a number of 400 digits (its float
// value is +Inf) and counted down from 0 for 10^-400 (its float value 0).
func TestMagnitudeBeyondFloat64(t *testing.T) {
	for _, tt := range []struct {
		v    string
		want int
	}{
		{"1" + strings.Repeat("0", 400), 400},
		{strings.Repeat("9", 10000), 9999},
		{"-" + strings.Repeat("1", 500), 499},
		{"1/1" + strings.Repeat("0", 400), -400},
		{"3/1" + strings.Repeat("0", 400), -400},
		{"99999/1" + strings.Repeat("0", 400), -396},
		{"1", 0},
		{"999/1000", -1},
	} {
		v, ok := new(big.Rat).SetString(tt.v)
		require.True(t, ok, tt.v)
		assert.Equal(t, tt.want, numeral.Magnitude(v), "%.20s…", tt.v)
	}
}

// TestFormatGroupsInTheLocale holds Format's default grouping to the
// number's decimal mark: a European number written without a group
// ("1") is fixed as "1.400", not "1,400", which European copy reads as
// 1.4.
func TestFormatGroupsInTheLocale(t *testing.T) {
	eu, err := numeral.ParseLocale("1", numeral.European)
	require.NoError(t, err)
	en, err := numeral.Parse("1")
	require.NoError(t, err)
	v := big.NewRat(14004, 10)
	assert.Equal(t, "1.400", numeral.Format(v, 0, eu.Style, true))
	assert.Equal(t, "1.400,4", numeral.Format(v, 1, eu.Style, true))
	assert.Equal(t, "1400", numeral.Format(v, 0, eu.Style, false))
	assert.Equal(t, "1,400", numeral.Format(v, 0, en.Style, true))
	assert.Equal(t, "1,400.4", numeral.Format(v, 1, en.Style, true))
}
