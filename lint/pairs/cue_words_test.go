package pairs

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint/quantity"

	"github.com/stretchr/testify/assert"
)

// TestLastWords holds the word reader the temperature cue uses: words in
// text order, as written, stopping at a sentence or clause mark.
func TestLastWords(t *testing.T) {
	words := func(ws [][]byte) []string {
		out := []string{}
		for _, w := range ws {
			out = append(out, string(w))
		}
		return out
	}
	assert.Equal(t, []string{"Sharp", "RISE", "of"}, words(lastWords(nil, []byte("Temperatures saw A Sharp RISE of "), 3)))
	assert.Equal(t, []string{"rise"}, words(lastWords(nil, []byte("it fell, then a rise "), 1)))
	assert.Equal(t, []string{"then", "a", "rise"}, words(lastWords(nil, []byte("it fell, then a rise "), 8)))
	assert.Equal(t, []string{}, words(lastWords(nil, []byte("  "), 3)))
	assert.Equal(t, []string{"Warmer", "than"}, words(firstWords(nil, []byte(" Warmer than usual"), 2)))
	assert.Equal(t, []string{"above", "normal", "levels"}, words(firstWords(nil, []byte("-above normal levels today"), 3)))
	var buf [4][]byte
	assert.Equal(t, []string{"x", "A", "Rise"}, words(lastWords(append(buf[:0], []byte("x")), []byte("A Rise"), 2)), "appended after dst")
	assert.Equal(t, []string{"x", "Warmer", "than"}, words(firstWords(append(buf[:0], []byte("x")), []byte("Warmer than usual"), 2)), "appended after dst")
	src := []byte("A Rise")
	_ = lastWords(nil, src, 2)
	assert.Equal(t, "A Rise", string(src), "the text is not changed")
}

// TestWordClass holds the cue's one switch to the word lists it replaced
// (cueref_test.go): a word has a class exactly when it, lower-cased, is
// in the list, whatever its case.
func TestWordClass(t *testing.T) {
	lists := []struct {
		cls  uint16
		list []string
	}{
		{clsChangeAfter, refChangeAfter[:]},
		{clsChangeNoun, refChangeNouns[:]},
		{clsReadingNoun, refReadingNouns[:]},
		{clsGoverning, append([]string{"rise"}, refGoverningNouns[:]...)},
		{clsReadingVerb, refReadingVerbs[:]},
		{clsBaseline, []string{"average", "normal", "usual", "the", "long", "term", "pre", "industrial", "preindustrial", "levels", "baseline"}},
		{clsBy, []string{"by"}},
		{clsOf, []string{"of"}},
		{clsToAt, []string{"to", "at"}},
		{clsAboveBelow, []string{"above", "below"}},
	}
	words := []string{"", "a", "b", "o", "tO", "risen", "riser", "ris", "averages", "preindustrials", "xyz", "heatwave"}
	for _, l := range lists {
		for _, w := range l.list {
			words = append(words, w, w[:len(w)-1], w+"s", w+"x")
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, w := range words {
		for range 4 { // the word in random case
			b := []byte(w)
			for i := range b {
				if rng.IntN(2) == 0 {
					b[i] &^= 0x20
				}
			}
			var want uint16
			for _, l := range lists {
				if slices.Contains(l.list, strings.ToLower(w)) {
					want |= l.cls
				}
			}
			assert.Equal(t, want, wordClass(b), "%q", b)
		}
	}
}

// TestTemperatureCueReference holds TemperatureCue and its clause reader
// to the reference (cueref_test.go) on random copy made of the cue's
// words in random case, punctuation and spaces, and on generated news
// copy, at random spans.
func TestTemperatureCueReference(t *testing.T) {
	vocab := []string{" ", " ", " ", ", ", ". ", "; ", "! ", "? ", "±", "+/-", "+/", "/-", "+", "-", "—", "–", "--",
		")", "(", "\u00a0", "\u2009", "2C", "35F", "\xc2", "\xb1", "\xc2\xb1", "é", "X", "well", "any", "cap"}
	for _, l := range [][]string{refChangeAfter[:], refChangeNouns[:], refReadingNouns[:], refGoverningNouns[:], refReadingVerbs[:],
		{"by", "of", "rise", "average", "normal", "usual", "the", "long", "term", "pre", "industrial", "preindustrial", "levels", "baseline"}} {
		vocab = append(vocab, l...)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	check := func(text []byte, i, floor, end int) {
		t.Helper()
		clause, pm := clauseBefore(text, i, floor)
		want := refClauseBefore(text, i, floor)
		wantPM := bytes.Contains(want, []byte("±")) || bytes.Contains(want, []byte("+/-"))
		if string(clause) != string(want) || pm != wantPM {
			t.Fatalf("clauseBefore(%q, %d, %d) = %q, %v; want %q, %v", text, i, floor, clause, pm, want, wantPM)
		}
		a, b := &quantity.Quantity{HedgeStart: i}, &quantity.Quantity{End: end}
		if got, want := TemperatureCue(text, a, b, floor), refTemperatureCue(text, a, b, floor); got != want {
			t.Fatalf("TemperatureCue(%q, %d, %d, %d) = %v; want %v", text, i, end, floor, got, want)
		}
	}
	for range 200000 {
		var sb []byte
		for range 1 + rng.IntN(40) {
			w := []byte(vocab[rng.IntN(len(vocab))])
			if rng.IntN(4) == 0 {
				for k := range w {
					if isLetter(w[k]) && rng.IntN(2) == 0 {
						w[k] &^= 0x20
					}
				}
			}
			sb = append(sb, w...)
			if rng.IntN(3) > 0 {
				sb = append(sb, ' ')
			}
		}
		i := rng.IntN(len(sb) + 1)
		floor := 0
		if rng.IntN(3) == 0 {
			floor = rng.IntN(i + 1)
		}
		check(sb, i, floor, rng.IntN(len(sb)+1))
	}
	news := newsgen.Article(1<<18, 7)
	for i := 0; i < len(news); i += 1 + rng.IntN(7) {
		floor := max(0, i-rng.IntN(200))
		check(news, i, floor, min(len(news), i+rng.IntN(40)))
	}
}
