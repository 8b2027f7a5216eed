package quantity

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPackedWords holds each packed word constant to its spelling.
func TestPackedWords(t *testing.T) {
	for w, s := range map[packed]string{
		wordA: "a", wordAn: "an", wordOf: "of", wordAnd: "and", wordHalf: "half",
		wordThree: "three", wordDozen: "dozen", wordHundred: "hundred", wordQuarter: "quarter",
		wordQuarters: "quarters", wordThousand: "thousand",
	} {
		if got, e := wordAt([]byte(s+" x"), 0); got != w || e != len(s) {
			t.Errorf("wordAt(%q) = %#x, %d; the constant is %#x", s, got, e, w)
		}
	}
}

// TestWordAt checks the packed reading of words: case, length, what ends
// a word, the end of the text, and words too long to pack.
func TestWordAt(t *testing.T) {
	for _, c := range []struct {
		text string
		k    int
		want string // "" for 0
		end  int
	}{
		{"Hundred miles", 0, "hundred", 7},
		{"a", 0, "a", 1},
		{"", 0, "", 0},
		{"x 5", 1, "", 1},
		{"THOUSAND", 0, "thousand", 8},
		{"thousands", 0, "", 9},
		{"seventeen-mile", 0, "", 9},
		{"quarters,", 0, "quarters", 8},
		{"two2", 0, "two", 3},
		{"café", 0, "caf", 3},
		{"twenty-five", 7, "five", 11},
	} {
		got, end := wordAt([]byte(c.text), c.k)
		var want packed
		for i := len(c.want) - 1; i >= 0; i-- {
			want = want<<8 | packed(c.want[i])
		}
		if got != want || end != c.end {
			t.Errorf("wordAt(%q, %d) = %#x, %d; want %q (%#x), %d", c.text, c.k, got, end, c.want, want, c.end)
		}
	}
}

// TestCardinalAt holds cardinalAt to cardinalOf on every number word in
// random case, and on words that are none.
func TestCardinalAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	words := append(numberWords[:], "hundred", "thousand", "seventeens", "seventeenth", "tenth", "", "x", "sevent", "the")
	for range 20 {
		for _, w := range words {
			b := []byte(w)
			for i := range b {
				if rng.IntN(2) == 0 {
					b[i] = strings.ToUpper(string(b[i]))[0]
				}
			}
			text := make([]byte, 0, len(b)+6)
			text = append(append(text, b...), " miles"...)
			pw, e := wordAt(text, 0)
			if got, want := cardinalAt(text, 0, pw, e), cardinalOf(w); got != want {
				t.Errorf("cardinalAt(%q) = %d, want %d", text, got, want)
			}
		}
	}
}
