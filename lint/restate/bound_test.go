package restate_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTiesLookBackBounded ties a later mention to a quantity up to 256
// quantities before it, and no further: the bound that keeps a long file
// linear.
func TestTiesLookBackBounded(t *testing.T) {
	story := func(between int) string {
		return "The pipeline will run 1,200km to the coast. " +
			strings.Repeat("It cost £5m. ", between) +
			"Opponents say the 1,200-mile pipeline will cross three parks."
	}
	assert.Equal(t, []string{"1,200km -> 1,200-mile (head-noun)"}, ties(story(255)))
	assert.Empty(t, ties(story(256)))
}

// TestTiesOnALongSentence reads a sentence as at most 600 bytes either side
// of a quantity: a head noun further away in an unpunctuated run does not
// name the earlier quantity's subject.
func TestTiesOnALongSentence(t *testing.T) {
	story := func(pad int) string {
		return "The pipeline " + strings.Repeat("and so on ", pad) + "will run 1,200km to the coast. " +
			"Opponents say the 1,200-mile pipeline will cross three parks."
	}
	assert.Equal(t, []string{"1,200km -> 1,200-mile (head-noun)"}, ties(story(50)))
	assert.Empty(t, ties(story(70)))
}

// BenchmarkFindRepeatedRestatements lints a file of 20,000 sentences that
// each restate the one before ("It ran 5km. The 5-mile road."): linear in
// the file's length, where looking back over the whole file for every
// mention was quadratic (1 MB took minutes).
func BenchmarkFindRepeatedRestatements(b *testing.B) {
	text := strings.Repeat("It ran 5km. The 5-mile road. ", 20000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ties(text)
	}
}
