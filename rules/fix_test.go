package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/fix"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/numeral"
)

// TestFixesThatSettle holds fixes the fuzzer found unsettled to the exact
// text they write, and the fixed copy to draw nothing more: a wrong unit
// is rewritten in a spelling that keeps the copy's variety of English (and
// so what its bare "gallon" or "ton" means), and a strict fix meets the
// strict judgement's own rounding rules.
func TestFixesThatSettle(t *testing.T) {
	strict := lint.Options{Tolerance: lint.Strict}
	for _, tt := range []struct {
		name, text string
		opts       lint.Options
		fixed      string
	}{
		{"a US gallon (neutral copy) is not fixed to British litres", "It held 1 gallon (1 t).", lint.Options{}, "It held 1 gallon (3.8 liters)."},
		{"a short ton is not fixed to British tonnes", "It weighs 1 billion tons (1 sq m).", lint.Options{}, "It weighs 1 billion tons (910,000,000 metric tons)."},
		{"the one British cue is kept", "It does 70mpg (1 litre).", lint.Options{}, "It does 70mpg (4 litres/100km)."},
		{"a range rounded end by end under strict", "It is 2-80m (1-1 miles) long.", strict, "It is 2-80m (0.00124-0.050 miles) long."},
		{"a spelled number is fixed with the copy's decimal mark", "It is 1 inch (one sq m) wide.", lint.Options{NumberLocale: numeral.European}, "It is 1 inch (0,025 metres) wide."},
		{"naming the gallon rewrites a number strict finds coarse", "The tank holds 5l. Later the 1gal tank leaked.", strict, "The tank holds 5l. Later the 1.1 imp gal tank leaked."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds := check(t, tt.text, tt.opts)
			require.Len(t, ds, 1, "%+v", ds)
			require.NotEmpty(t, ds[0].Fixes)
			out, applied, skipped := fix.Apply([]byte(tt.text), ds[0].Fixes[:1])
			require.Empty(t, skipped)
			require.Len(t, applied, 1)
			assert.Equal(t, tt.fixed, string(out))
			assert.Empty(t, check(t, string(out), tt.opts))
		})
	}
}

// TestNoFixThatChangesTheVariety: where every spelling of the right unit
// would drop the copy's one British cue (and so turn its long ton short),
// the finding carries no fix; the editor decides.
func TestNoFixThatChangesTheVariety(t *testing.T) {
	ds := check(t, "It weighs 1 ton (1 litre).", lint.Options{})
	require.Len(t, ds, 1)
	assert.Equal(t, "1 ton is about 1,016,047 grams, not 1 litre: a unit of a volume is written for a mass", ds[0].Message)
	assert.Empty(t, ds[0].Fixes)
}

// TestNoFixThatLeavesWordsBehind: a density written for an area with
// nouns before "per" gets no fix (rewriting the unit alone would leave
// "people" behind), and "per per" is no density at all.
func TestNoFixThatLeavesWordsBehind(t *testing.T) {
	ds := check(t, "The 1 sq m (5 people per sq mi) plot.", lint.Options{})
	require.Len(t, ds, 1)
	assert.Equal(t, "1 sq m is about 0.0000003861 square miles, not 5 people per sq mi: a unit of a density is written for an area", ds[0].Message)
	assert.Empty(t, ds[0].Fixes)
	assert.Empty(t, check(t, "The 1 sq m (1 per per sq mi) plot.", lint.Options{}))
}
