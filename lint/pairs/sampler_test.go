package pairs

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/corpus"
	"github.com/unitlint/unitlint/internal/newsgen"
)

// occurring is the reference: the indexes of the patterns that occur in
// text, by plain substring search.
func occurring(patterns []string, text []byte) []int {
	var out []int
	for i, p := range patterns {
		if strings.Contains(string(text), p) {
			out = append(out, i)
		}
	}
	return out
}

// sampled is what the sampler reports for text, sorted.
func sampled(s *sampler, text []byte) []int {
	var out []int
	s.each(text, func(i int) { out = append(out, i) })
	slices.Sort(out)
	return out
}

// referenceLocale is DetectLocale by plain substring search.
func referenceLocale(text []byte) Locale {
	return localeOfCues(func(yield func(int)) {
		for _, i := range occurring(cueSampler.patterns, text) {
			yield(i)
		}
	})
}

// TestSampler holds the sampler to a plain substring search on small
// cases: patterns at either parity of offset, at the ends of the text,
// overlapping and inside words.
func TestSampler(t *testing.T) {
	patterns := []string{"he", "she", "his", "hers", "metre", "tre", "£", "U.S.", "tyre", "Environment Agency"}
	s := newSampler(patterns)
	for _, text := range []string{
		"ushers", "kilometres and centimetres", "£5bn in the U.S. and U.S.", "", "h", "he", "£", "x£", "£x",
		"hehehe", "ßhe£", "tyre", "xtyre", "tyres", "U.S.", "xU.S.", "the Environment Agency", "xthe Environment Agency",
		"Environment Agenc", "metr", "xmetre", "tr",
	} {
		assert.Equal(t, occurring(patterns, []byte(text)), sampled(s, []byte(text)), "%q", text)
	}
}

// TestSamplerCues holds the cue sampler to a plain substring search on
// random text built from pieces of the cues, news copy and the labelled
// corpus, and DetectLocale to the reference.
func TestSamplerCues(t *testing.T) {
	var texts [][]byte
	r := rand.New(rand.NewPCG(1, 2))
	pieces := append(slices.Clone(cueSampler.patterns), " ", "x", "e", ".", "\xc2", "\xa3", "s", "ed")
	for range 5000 {
		var b []byte
		for range r.IntN(12) {
			p := pieces[r.IntN(len(pieces))]
			// a piece of a piece: a cue cut short or its tail
			lo, hi := 0, len(p)
			if r.IntN(3) == 0 {
				lo = r.IntN(len(p))
			}
			if r.IntN(3) == 0 {
				hi = lo + r.IntN(len(p)-lo+1)
			}
			b = append(b, p[lo:hi]...)
		}
		texts = append(texts, b)
	}
	lines, err := corpus.Load()
	require.NoError(t, err)
	for _, l := range lines {
		texts = append(texts, []byte(l.Text))
	}
	for seed := range uint64(4) {
		texts = append(texts, newsgen.Article(1<<14, seed))
	}
	for _, text := range texts {
		require.Equal(t, occurring(cueSampler.patterns, text), sampled(cueSampler, text), "%q", text)
		// every offset: the text's own start may fall on either parity
		if len(text) < 200 {
			for k := range text {
				require.Equal(t, occurring(cueSampler.patterns, text[k:]), sampled(cueSampler, text[k:]), "%q", text[k:])
			}
		}
		require.Equal(t, referenceLocale(text), DetectLocale(text), "%q", text)
	}
}

// TestSamplerEveryAlignment finds each cue at every offset modulo the
// stride, at the start and at the end of the text and between any bytes:
// the samples fall on each of the cue's anchors, and on an anchor sticking
// out of it over any byte, or over the text's end.
func TestSamplerEveryAlignment(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for pi, p := range cueSampler.patterns {
		for before := range 2*stride + 1 {
			for after := range 2*stride + 1 {
				for range 4 {
					text := make([]byte, 0, before+len(p)+after)
					for range before {
						text = append(text, byte(r.UintN(256)))
					}
					text = append(text, p...)
					for range after {
						text = append(text, byte(r.UintN(256)))
					}
					got := sampled(cueSampler, text)
					require.Contains(t, got, pi, "%q", text)
					require.Equal(t, occurring(cueSampler.patterns, text), got, "%q", text)
				}
			}
		}
	}
}

// FuzzDetectLocale holds DetectLocale and the cue sampler to the plain
// substring search on any input.
func FuzzDetectLocale(f *testing.F) {
	for _, s := range []string{"5 litres (1.1 gallons)", "£5bn in the U.S.", "the NHS and the EPA", "tyres on the motorway", "xtyre"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		assert.Equal(t, occurring(cueSampler.patterns, text), sampled(cueSampler, text))
		assert.Equal(t, referenceLocale(text), DetectLocale(text))
	})
}

// TestLocaleCues holds the unit spellings' cues among the cue lists.
func TestLocaleCues(t *testing.T) {
	assert.Subset(t, ukCues, []string{"litre", "metre", "tonne"})
	assert.Subset(t, usCues, []string{"liter", "meter", "metric ton"})
	assert.Equal(t, LocaleUK, DetectLocale([]byte("5 litres (1.1 gallons)")))
	assert.Equal(t, LocaleUS, DetectLocale([]byte("5 liters (1.3 gallons)")))
}
