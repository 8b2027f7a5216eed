package judge

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/units"
)

// TestConvertExactMatchesUnits holds convertExact (its int64 path and its
// big.Int path) to units.Convert for every pair of units of a dimension,
// over values that fit in an int64 and values that do not.
func TestConvertExactMatchesUnits(t *testing.T) {
	values := []*big.Rat{
		big.NewRat(0, 1), big.NewRat(386, 1), big.NewRat(-40, 1), big.NewRat(25, 10),
		big.NewRat(1_000_000_000_000, 7), big.NewRat(-123_456_789_012_345, 1_000),
	}
	huge, ok := new(big.Rat).SetString("123456789012345678901234567890/7")
	require.True(t, ok)
	values = append(values, huge)
	us := units.Default().Units()
	pairs := 0
	for _, from := range us {
		for _, to := range us {
			if from.Dim != to.Dim {
				continue
			}
			for _, x := range values {
				want, errW := units.Convert(x, from, to)
				got, errG := convertExact(x, from, to)
				if errW != nil {
					assert.Error(t, errG, "%s %s → %s", x.RatString(), from.ID, to.ID)
					continue
				}
				require.NoError(t, errG, "%s %s → %s", x.RatString(), from.ID, to.ID)
				assert.Equal(t, want.RatString(), got.RatString(), "%s %s → %s", x.RatString(), from.ID, to.ID)
				pairs++
			}
		}
	}
	assert.Greater(t, pairs, 1000, "conversions checked")
}
