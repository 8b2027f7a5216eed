package pairs

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/corpus"
	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/lint/units"
)

// joinedByRef is joinedBy without its quick rejections (the last byte of
// the joiner, the "-" of an adjective suffix): the reference they are
// held to.
func joinedByRef(mid, after []byte, a, b *quantity.Quantity) (Shape, bool) {
	for _, s := range adjectiveSuffixes {
		if bytes.HasPrefix(mid, []byte(s)) {
			mid = mid[len(s):]
			break
		}
	}
	t := trimSpace(mid)
	switch {
	case string(t) == "(":
		if closesBracket(after) {
			return ShapeParen, true
		}
	case isOrJoiner(t):
		return ShapeOr, true
	case string(t) == "=" || string(t) == "/" && len(mid) == 1:
		if string(t) == "=" {
			return ShapeEquals, true
		}
		if a.Unit != nil && b.Unit != nil && a.Unit.System != b.Unit.System {
			return ShapeSlash, true
		}
	case isDash(t):
		if isDash(leadingToken(after)) {
			return ShapeDash, true
		}
	}
	return "", false
}

// TestJoinedByQuickRejections holds joinedBy to joinedByRef on the text
// between the quantities of news copy and of the labelled corpus, and on
// random joiners built from pieces of every shape.
func TestJoinedByQuickRejections(t *testing.T) {
	cat := units.Default()
	km, mi := cat.Unit("km"), cat.Unit("mi")
	a, b := &quantity.Quantity{Unit: km}, &quantity.Quantity{Unit: mi}
	check := func(mid, after []byte) {
		gs, gok := joinedBy(mid, after, a, b)
		ws, wok := joinedByRef(mid, after, a, b)
		require.Equal(t, wok, gok, "%q %q", mid, after)
		require.Equal(t, ws, gs, "%q %q", mid, after)
	}
	var texts [][]byte
	for seed := range uint64(3) {
		texts = append(texts, newsgen.Article(1<<16, seed))
	}
	lines, err := corpus.Load()
	require.NoError(t, err)
	for _, l := range lines {
		texts = append(texts, []byte(l.Text))
	}
	sc := quantity.NewScanner(cat)
	pairs := 0
	for _, text := range texts {
		qs := sc.Scan(text)
		for i := 0; i+1 < len(qs); i++ {
			if qs[i+1].HedgeStart >= qs[i].End {
				check(text[qs[i].End:qs[i+1].HedgeStart], text[qs[i+1].End:])
				if _, ok := joinedBy(text[qs[i].End:qs[i+1].HedgeStart], text[qs[i+1].End:], a, b); ok {
					pairs++
				}
			}
		}
	}
	require.Greater(t, pairs, 100)
	pieces := []string{"", " ", "  ", "\n", "\u00a0", "\u2009", "(", ")", "or", "r", "o", ",", ";", "=", "/",
		"\u2013", "\u2014", "-", "--", "deep", "x", "\xe2", "\x80", "\x93", "-high", "-thick", "-plus", "-hig"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		var mid, after []byte
		for range r.IntN(6) {
			mid = append(mid, pieces[r.IntN(len(pieces))]...)
		}
		for range r.IntN(3) {
			after = append(after, pieces[r.IntN(len(pieces))]...)
		}
		check(mid, after)
	}
}
