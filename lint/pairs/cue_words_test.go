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
	assert.Equal(t, []string{"sharp", "rise", "of"}, words(lastWords(nil, []byte("Temperatures saw A Sharp RISE of "), 3)))
	assert.Equal(t, []string{"rise"}, words(lastWords(nil, []byte("it fell, then a rise "), 1)))
	assert.Equal(t, []string{"then", "a", "rise"}, words(lastWords(nil, []byte("it fell, then a rise "), 8)))
	assert.Equal(t, []string{}, words(lastWords(nil, []byte("  "), 3)))
	assert.Equal(t, []string{"warmer", "than"}, words(firstWords(nil, []byte(" Warmer than usual"), 2)))
	assert.Equal(t, []string{"above", "normal", "levels"}, words(firstWords(nil, []byte("-above normal levels today"), 3)))
	var buf [4][]byte
	assert.Equal(t, []string{"x", "a", "rise"}, words(lastWords(append(buf[:0], []byte("x")), []byte("A Rise"), 2)), "appended after dst")
	assert.Equal(t, []string{"x", "warmer", "than"}, words(firstWords(append(buf[:0], []byte("x")), []byte("Warmer than usual"), 2)), "appended after dst")
	src := []byte("A Rise")
	_ = lastWords(nil, src, 2)
	assert.Equal(t, "A Rise", string(src), "the text is not changed")
}
