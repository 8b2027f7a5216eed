package pairs

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLastWords holds the word reader the temperature cue uses: words in
// text order, lower-cased, stopping at a sentence or clause mark.
func TestLastWords(t *testing.T) {
	words := func(ws [][]byte) []string {
		out := []string{}
		for _, w := range ws {
			out = append(out, string(w))
		}
		return out
	}
	assert.Equal(t, []string{"sharp", "rise", "of"}, words(lastWords([]byte("Temperatures saw A Sharp RISE of "), 3)))
	assert.Equal(t, []string{"rise"}, words(lastWords([]byte("it fell, then a rise "), 1)))
	assert.Equal(t, []string{"then", "a", "rise"}, words(lastWords([]byte("it fell, then a rise "), 8)))
	assert.Equal(t, []string{}, words(lastWords([]byte("  "), 3)))
	assert.Equal(t, []string{"warmer", "than"}, words(firstWords([]byte(" Warmer than usual"), 2)))
	assert.Equal(t, []string{"above", "normal", "levels"}, words(firstWords([]byte("-above normal levels today"), 3)))
	src := []byte("A Rise")
	_ = lastWords(src, 2)
	assert.Equal(t, "A Rise", string(src), "the text is not changed")
}
