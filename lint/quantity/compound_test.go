package quantity

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint/units"
)

// TestCompoundsAgreeWithTheCatalogue holds the minor units per major unit
// of each compound to the catalogue's exact factors.
func TestCompoundsAgreeWithTheCatalogue(t *testing.T) {
	cat := units.Default()
	for _, c := range compounds {
		got, err := units.Convert(big.NewRat(1, 1), cat.Unit(c.major), cat.Unit(c.minor))
		if assert.NoError(t, err, c.major) {
			assert.Equal(t, big.NewRat(c.per, 1).String(), got.String(), "%s in %s", c.major, c.minor)
		}
		assert.Len(t, c.major, 2, "compoundMinor skips units whose IDs are not two letters long")
	}
}
