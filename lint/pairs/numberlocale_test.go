package pairs_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/pairs"
)

func TestFinderNumberLocale(t *testing.T) {
	const text = "Die Grenze ist 1.000,5 km (621,7 miles) lang."
	eu := pairs.NewFinder(&lint.Options{NumberLocale: numeral.European})
	assert.Equal(t, []string{"1.000,5 km | 621,7 miles (paren)"}, found(eu, text))
	got := eu.Find([]byte(text))
	if assert.Len(t, got, 1) {
		assert.Equal(t, "2001/2", got[0].A.Amounts[0].Value.RatString())
	}
	assert.Empty(t, found(pairs.NewFinder(nil), text), "read the English way, the numbers are not a pair")
}
