package quantity

// The scanner's word tests as they were before they were made faster:
// the tests below hold the fast ones to them.

import (
	"bytes"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/units"
)

// refCurrencyWordStarts marks the first bytes of currencyWords.
var refCurrencyWordStarts = func() (t [256]bool) {
	for _, c := range currencyWords {
		t[c.written[0]] = true
	}
	return t
}()

func refCurrencyAfter(text []byte, j int) (string, int, bool) {
	w := refSpaceWidth(text, j)
	if w == 0 {
		return "", 0, false
	}
	k := j + w
	if k >= len(text) || !refCurrencyWordStarts[text[k]] {
		return "", 0, false
	}
	for _, c := range currencyWords {
		if hasPrefix(text[k:], c.written) && (k+len(c.written) >= len(text) || !isWordByte(text[k+len(c.written)])) {
			return c.code, k + len(c.written), true
		}
	}
	return "", 0, false
}

func refCurrencyScale(text []byte, j int) (*big.Rat, int) {
	if j >= len(text) || !scaleStarts[lower(text[j])] {
		return nil, j
	}
	for i, sw := range scaleWords {
		if !sw.glued || !hasPrefixFold(text[j:], sw.word) {
			continue
		}
		k := j + len(sw.word)
		if k < len(text) && isWordByte(text[k]) {
			continue
		}
		return scaleValues[i], k
	}
	return nil, j
}

func refScaleWord(s *Scanner, text []byte, j int) (*big.Rat, int) {
	n := len(text)
	if j >= n {
		return nil, j
	}
	if !scaleStarts[lower(text[j])] {
		// not glued: a scale word after a space, or none
		w := refSpaceWidth(text, j)
		if w == 0 || j+w >= n || !scaleStarts[lower(text[j+w])] {
			return nil, j
		}
	}
	for i, sw := range scaleWords {
		k := j
		if sw.glued && hasPrefixFold(text[k:], sw.word) {
			k += len(sw.word)
		} else if sw.space {
			w := refSpaceWidth(text, k)
			if w == 0 || !hasPrefixFold(text[k+w:], sw.word) {
				continue
			}
			k += w + len(sw.word)
		} else {
			continue
		}
		if k < n && isWordByte(text[k]) {
			continue
		}
		if sw.word == "m" || sw.word == "k" {
			if !s.scaleBeforeUnitOrNoun(text, k, sw.word == "m") {
				continue
			}
		}
		return scaleValues[i], k
	}
	return nil, j
}

func refHedgeBefore(text []byte, i int) (judge.Hedge, int, bool) {
	if i > 0 && text[i-1] == '~' {
		return judge.HedgeApprox, i - 1, true
	}
	// the word before the space: letters, and a final dot ("c.")
	e := i - spaceWidthBefore(text, i)
	if e == i || e == 0 {
		return judge.HedgeNone, i, false
	}
	k := e
	if text[k-1] == '.' {
		k--
	}
	for k > 0 && e-k <= maxHedgeWord && isASCIILetter(text[k-1]) {
		k--
	}
	if e-k > maxHedgeWord || k == e || text[k] == '.' {
		return judge.HedgeNone, i, false
	}
	var buf [maxHedgeWord]byte
	for j := k; j < e; j++ {
		buf[j-k] = lower(text[j])
	}
	for _, h := range hedgesByLastWord[string(buf[:e-k])] {
		if k, ok := wordEndingAt(text, i, hedges[h].words); ok {
			return hedges[h].kind, k, true
		}
	}
	return judge.HedgeNone, i, false
}

func refSpaceWidth(text []byte, j int) int {
	// most often one ASCII space and a word
	if j+1 < len(text) && text[j] == ' ' && isASCIILetter(text[j+1]) {
		return 1
	}
	k := j
	lineEnds := 0
	for k < len(text) {
		switch c := text[k]; {
		case c == ' ' || c == '\t':
			k++
		case c == '\n' || c == '\r':
			if lineEnds > 0 {
				return k - j
			}
			lineEnds++
			k++
			if c == '\r' && k < len(text) && text[k] == '\n' {
				k++
			}
		case c == 0xC2 && k+1 < len(text) && text[k+1] == 0xA0:
			k += 2
		case c == 0xE2 && k+2 < len(text) && text[k+1] == 0x80 && (text[k+2] == 0x89 || text[k+2] == 0xAF):
			k += 3
		default:
			return k - j
		}
	}
	return k - j
}

func refSignBefore(text []byte, i int) (bool, int) {
	before := text[:i]
	if len(before) > 0 && before[len(before)-1] == '-' && !wordBefore(before[:len(before)-1]) {
		return true, i - 1
	}
	if bytes.HasSuffix(before, []byte("\u2212")) && !wordBefore(before[:len(before)-3]) {
		return true, i - 3
	}
	if e := i - spaceWidthBefore(text, i); e == i || e == 0 || (lower(text[e-1]) != 's' && lower(text[e-1]) != 'e') {
		return false, i // no "minus" or "negative" before
	}
	for _, w := range [...]string{"minus", "negative"} {
		if k, ok := wordEndingAt(text, i, w); ok {
			return true, k
		}
	}
	return false, i
}

// TestWordTestsMatchReference holds spaceWidth, scaleWord, currencyScale,
// currencyAfter and hedgeBefore to the reference versions above at every
// position of random texts made of the words they look for, spaces of
// every kind, punctuation and digits.
func TestWordTestsMatchReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	parts := []string{" ", "  ", "\t", "\n", "\r\n", "\n\n", "\u00a0", "\u2009", "\u202f", "\u2013", "5", "12", ".", ",", "(", ")", "-", "~",
		"m", "M", "k", "K", "bn", "BN", "tn", "mm", "km", "million", "Million", "billion", "trillion", "thousand", "thousands",
		"yuan", "euros", "euro", "USD", "US dollars", "Swiss francs", "dollars", "rupee", "yen", "EURO",
		"more than", "about", "c.", "ca.", "approximately", "up to", "over", "as much as", "some", "estimated", "an estimated",
		"people", "sq", "ft", "miles", "tall", "the", "é", "x", "per", "minus", "negative", "Minus", "\u2212", "ones", "ee"}
	s := NewScanner(units.Default())
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := []byte(b.String())
		for j := 0; j <= len(text); j++ {
			if got, want := spaceWidth(text, j), refSpaceWidth(text, j); got != want {
				t.Fatalf("spaceWidth(%q, %d) = %d, want %d", text, j, got, want)
			}
			r1, e1 := s.scaleWord(text, j)
			r2, e2 := refScaleWord(s, text, j)
			if r1 != r2 || e1 != e2 {
				t.Fatalf("scaleWord(%q, %d) = %v %d, want %v %d", text, j, r1, e1, r2, e2)
			}
			r1, e1 = currencyScale(text, j)
			r2, e2 = refCurrencyScale(text, j)
			if r1 != r2 || e1 != e2 {
				t.Fatalf("currencyScale(%q, %d) = %v %d, want %v %d", text, j, r1, e1, r2, e2)
			}
			c1, k1, ok1 := currencyAfter(text, j)
			c2, k2, ok2 := refCurrencyAfter(text, j)
			if c1 != c2 || k1 != k2 || ok1 != ok2 {
				t.Fatalf("currencyAfter(%q, %d) = %q %d %v, want %q %d %v", text, j, c1, k1, ok1, c2, k2, ok2)
			}
			n1, ns1 := signBefore(text, j)
			n2, ns2 := refSignBefore(text, j)
			if n1 != n2 || ns1 != ns2 {
				t.Fatalf("signBefore(%q, %d) = %v %d, want %v %d", text, j, n1, ns1, n2, ns2)
			}
			h1, hs1, ok1 := hedgeBefore(text, j)
			h2, hs2, ok2 := refHedgeBefore(text, j)
			if h1 != h2 || hs1 != hs2 || ok1 != ok2 {
				t.Fatalf("hedgeBefore(%q, %d) = %v %d %v, want %v %d %v", text, j, h1, hs1, ok1, h2, hs2, ok2)
			}
		}
	}
}

// TestFollowTests holds the quick tests of what follows a number to the
// readers they stand in for: where a test says no, the reader finds
// nothing, at every position of random texts.
func TestFollowTests(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	parts := []string{" ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u202f", "\u2013", "-", "5", "12", ".", ",", ")",
		"m", "M", "k", "K", "bn", "tn", "km", "million", "billion", "thousand", "trillion", "Billion",
		"yuan", "euros", "USD", "US dollars", "Swiss francs", "dollars", "to", "by", "and", "To", "between",
		"people", "sq", "miles", "the", "é", "x", "(", "degrees"}
	s := NewScanner(units.Default())
	saidNo := [4]int{}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := []byte(b.String())
		for j := 0; j <= len(text); j++ {
			f := followAt(text, j)
			if !f.mayScale() {
				saidNo[0]++
				if r, _ := s.scaleWord(text, j); r != nil {
					t.Fatalf("mayScale(%q, %d) is false, scaleWord finds %v", text, j, r)
				}
			}
			if !f.mayGluedScale() {
				saidNo[1]++
				if r, _ := currencyScale(text, j); r != nil {
					t.Fatalf("mayGluedScale(%q, %d) is false, currencyScale finds %v", text, j, r)
				}
			}
			if !f.mayCurrency() {
				saidNo[2]++
				if _, _, ok := currencyAfter(text, j); ok {
					t.Fatalf("mayCurrency(%q, %d) is false, currencyAfter finds one", text, j)
				}
			}
			if !f.mayRange() {
				saidNo[3]++
				for start := 0; start <= j; start++ {
					if _, _, ok := rangeJoin(text, j, start); ok {
						t.Fatalf("mayRange(%q, %d) is false, rangeJoin finds one", text, j)
					}
				}
			}
		}
	}
	for i, n := range saidNo {
		assert.Positive(t, n, "test %d never said no", i)
	}
}

// TestAfterLowerWord holds afterLowerWord to the look-behinds it stands in
// for, at every position of random texts.
func TestAfterLowerWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	parts := []string{" ", "  ", "\u00a0", "-", "\u2212", "5", "(", "$", "£", "C$", "USD ", "usd ", "minus ", "negative ", "Minus ",
		"some ", "the ", "was ", "A", "a", "x", "é", "_", "/", "F-", "COVID-"}
	said := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := []byte(b.String() + "12")
		for i := 0; i <= len(text); i++ {
			if !afterLowerWord(text, i) {
				continue
			}
			said++
			if prevIsIdentifier(text, i) {
				t.Fatalf("afterLowerWord(%q, %d), and prevIsIdentifier", text, i)
			}
			if _, _, ok := currencyBefore(text, i); ok {
				t.Fatalf("afterLowerWord(%q, %d), and currencyBefore", text, i)
			}
			if neg, _ := signBefore(text, i); neg && text[i-2] != 's' && text[i-2] != 'e' {
				t.Fatalf("afterLowerWord(%q, %d) after %q, and signBefore", text, i, text[i-2])
			}
		}
	}
	assert.Positive(t, said)
}
