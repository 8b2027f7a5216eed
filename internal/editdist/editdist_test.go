package editdist_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/internal/editdist"
)

func TestLevenshtein(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"gallom", "gallon", 1},
		{"kitten", "sitting", 3},
		{"km²", "km2", 1}, // runes, not bytes
		{"litres", "liters", 2},
	} {
		assert.Equal(t, tt.want, editdist.Levenshtein(tt.a, tt.b), "%q %q", tt.a, tt.b)
		assert.Equal(t, tt.want, editdist.Levenshtein(tt.b, tt.a), "%q %q", tt.b, tt.a)
	}
}
