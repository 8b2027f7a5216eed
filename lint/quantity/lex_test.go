package quantity

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// randomNumberText returns text made of digits, marks, spaces and a few
// letters and glyphs: what lexNumber must read as ParseLocale does.
func randomNumberText(rng *rand.Rand) []byte {
	parts := []string{"0", "1", "2", "5", "9", "00", "000", "123", "0", "7", ",", ".", " ", "\u00a0", "\u2009", "\u202f",
		"½", "¾", "-", "km", "%", "x", "1,000", "12 500", "1.000,5", "0.0", "999999999999999999", "1234567890123456789012"}
	var b strings.Builder
	for range 1 + rng.IntN(12) {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return []byte(b.String())
}

// TestLexNumberMatchesParse holds the digits lexNumber reads as it goes
// (value, decimals, trailing zeros, significant figures, style) to
// numeral.ParseLocale of the same digits, in both locales, at every
// position of random number-like texts.
func TestLexNumberMatchesParse(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	cat := units.Default()
	for _, loc := range []numeral.Locale{numeral.English, numeral.European} {
		s := NewScannerLocale(cat, loc)
		var sc scratch
		for range 20000 {
			checkLexNumber(t, s, &sc, randomNumberText(rng))
		}
	}
}

// FuzzLexNumber is TestLexNumberMatchesParse on any bytes.
func FuzzLexNumber(f *testing.F) {
	for _, s := range []string{"1,000.5", "1.000,5", "12 500", "0.0", ".5", "1½", "007", "1\u00a0000", strings.Repeat("9", 30)} {
		f.Add([]byte(s))
	}
	cat := units.Default()
	scanners := []*Scanner{NewScannerLocale(cat, numeral.English), NewScannerLocale(cat, numeral.European)}
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, s := range scanners {
			var sc scratch
			checkLexNumber(t, s, &sc, text)
		}
	})
}

// checkLexNumber holds lexNumber to numeral.ParseLocale at every position
// of text.
func checkLexNumber(t *testing.T, s *Scanner, sc *scratch, text []byte) {
	t.Helper()
	for i := range text {
		var num number
		end, ok := s.lexNumber(text, i, sc, &num)
		if !ok {
			continue
		}
		if end != num.end {
			t.Fatalf("%q at %d: end %d, number's end %d", text, i, end, num.end)
		}
		spelled := num.spelled
		num.resolve(text, sc)
		if num.written != string(text[num.start:num.end]) {
			t.Fatalf("%q at %d: written %q", text, i, num.written)
		}
		if spelled {
			continue // a glyph alone ("½")
		}
		want, err := numeral.ParseLocale(string(text[num.start:num.digitsEnd]), s.locale)
		if err != nil {
			want = numeral.Number{Value: new(big.Rat)}
		}
		got := num.n
		if got.Value.Cmp(want.Value) != 0 || got.Decimals != want.Decimals || got.TrailingZeros != want.TrailingZeros ||
			got.Sig != want.Sig || got.Style != want.Style {
			t.Fatalf("%q at %d (locale %d): lexNumber read %+v, ParseLocale %+v", text, i, s.locale, got, want)
		}
	}
}

// TestMayFollow holds the early end of numeric to the checks it skips:
// after a byte mayFollow turns away, no scale, currency, range, unit or
// "degrees" can follow a number, whatever comes after that byte.
func TestMayFollow(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	s := NewScanner(units.Default())
	suffixes := []string{"", " ", "km", "m people", " miles", "-10km", " to 10 km", "bn", " million", "\u00a0km", "°C", " degrees",
		"C", "\u2013", "\u00a0", " yuan", "USD", " people per sq km"}
	for range 200 {
		suffixes = append(suffixes, string(randomNumberText(rng)))
	}
	turnedAway := 0
	for c := range 256 {
		if s.mayFollow(byte(c)) {
			continue
		}
		turnedAway++
		for _, suffix := range suffixes {
			text := append([]byte("12"), byte(c))
			text = append(text, suffix...)
			j := 2
			num := number{start: 0, end: 2}
			scale, _ := s.scaleWord(text, j)
			assert.Nil(t, scale, "%q", text)
			scale, _ = currencyScale(text, j)
			assert.Nil(t, scale, "%q", text)
			_, _, ok := currencyAfter(text, j)
			assert.False(t, ok, "%q", text)
			_, _, ok = rangeJoin(text, j, 0)
			assert.False(t, ok, "%q", text)
			_, _, _, _, ok = s.unitAfter(text, j, &num)
			assert.False(t, ok, "%q", text)
			_, ok = bareDegrees(text, j)
			assert.False(t, ok, "%q", text)
			assert.NotEqual(t, byte('%'), byte(c))
		}
	}
	assert.Greater(t, turnedAway, 100, "the test turns away most bytes")
	for _, c := range []byte("kKmM -%\xc2\xe2\"'") {
		assert.True(t, s.mayFollow(c), "%q", c)
	}
}

// TestTextSlab: the strings a textSlab hands out keep their bytes while
// more are added, across buffers.
func TestTextSlab(t *testing.T) {
	var s textSlab
	var got, want []string
	for i := range 3000 {
		w := strings.Repeat(string(rune('a'+i%26)), 1+i%7)
		if i%1000 == 999 {
			w = strings.Repeat("x", textSlabSize+1)
		}
		got = append(got, s.of([]byte(w)))
		want = append(want, w)
	}
	assert.Equal(t, want, got)
}
