package pairs

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMatcher holds the automaton to a plain substring search.
func TestMatcher(t *testing.T) {
	patterns := []string{"he", "she", "his", "hers", "metre", "tre", "£", "U.S."}
	m := newMatcher(patterns)
	for _, text := range []string{"ushers", "kilometres and centimetres", "£5bn in the U.S. and U.S.", "", "hehehe", "ßhe£"} {
		want := map[int]int{}
		for i, p := range patterns {
			want[i] = strings.Count(text, p)
			if p == "he" || p == "tre" {
				// overlapping occurrences count each
				want[i] = 0
				for k := 0; k+len(p) <= len(text); k++ {
					if text[k:k+len(p)] == p {
						want[i]++
					}
				}
			}
		}
		got := map[int]int{}
		for i := range patterns {
			got[i] = 0
		}
		m.each([]byte(text), func(i int) { got[i]++ })
		assert.Equal(t, want, got, text)
	}
}

// TestLocaleCues holds the cue lists within DetectLocale's seen set and
// the unit spellings' cues among them.
func TestLocaleCues(t *testing.T) {
	assert.LessOrEqual(t, len(ukCues)+len(usCues), maxCues)
	assert.Subset(t, ukCues, []string{"litre", "metre", "tonne"})
	assert.Subset(t, usCues, []string{"liter", "meter", "metric ton"})
	assert.Equal(t, LocaleUK, DetectLocale([]byte("5 litres (1.1 gallons)")))
	assert.Equal(t, LocaleUS, DetectLocale([]byte("5 liters (1.3 gallons)")))
}
