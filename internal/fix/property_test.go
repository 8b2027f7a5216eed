package fix_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/corpus"
	"github.com/unitlint/unitlint/internal/fix"
	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint"
)

// checkFixProperty fixes a text and checks the properties --fix promises:
// no fixable diagnostic is left, every unfixed one is explained, the
// result is the text's own check, and fixing again changes nothing.
func checkFixProperty(t *testing.T, name string, text []byte) (fixed int) {
	t.Helper()
	relint := checker()
	ctx := context.Background()
	res, err := relint(ctx, text)
	require.NoError(t, err)
	o, err := fix.File(ctx, res, relint)
	require.NoError(t, err, name)

	assert.Empty(t, o.Unfixed, "%s: fixes left unapplied", name)
	for _, d := range o.Result.Diagnostics {
		assert.Empty(t, d.Fixes, "%s: still fixable after fixing: %q at %d: %s\nfixed text: %s", name, o.After[d.Start:d.End], d.Start, d.Message, o.After)
	}
	check, err := relint(ctx, o.After)
	require.NoError(t, err)
	assert.Equal(t, messages(check.Diagnostics), messages(o.Result.Diagnostics), "%s: the outcome is what check says of the fixed text", name)

	again, err := fix.File(ctx, o.Result, relint)
	require.NoError(t, err)
	assert.False(t, again.Changed(), "%s: fixing twice changed the text:\n%s\n%s", name, o.After, again.After)
	assert.Zero(t, again.Fixed, name)
	return o.Fixed
}

func messages(ds []lint.Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = fmt.Sprintf("%d-%d %s %s", d.Start, d.End, d.Rule, d.Message)
	}
	return out
}

// TestFixPropertyCorpus runs the fix properties over every line of the
// labelled corpus, alone and all together as one article.
func TestFixPropertyCorpus(t *testing.T) {
	lines, err := corpus.Load()
	require.NoError(t, err)
	require.NotEmpty(t, lines)
	fixed := 0
	var all strings.Builder
	for _, l := range lines {
		fixed += checkFixProperty(t, l.ID, []byte(l.Text))
		all.WriteString(l.Text)
		all.WriteString("\n\n")
	}
	// the corpus has wrong pairs with fixes: the property is not vacuous
	t.Logf("%d fixes applied over %d corpus lines", fixed, len(lines))
	assert.Greater(t, fixed, 50, "fixes applied over the corpus")
	checkFixProperty(t, "the whole corpus", []byte(all.String()))
}

// wrongPairs are conversions that fail, in several house styles: each
// draws a diagnostic with a fix.
var wrongPairs = []string{
	"100,000 sq km (453 sq miles)", "57km (92 miles)", "10 sq km (6.2 sq miles)",
	"a rise of 2C (35.6F)", "200 hectares (81 acres)", "40mpg (17 litres per 100km)",
	"a 340-kilometer (547-mile) line", "5cm (5in)", "60mph (160km/h)", "1.1C (34F) warmer",
	"100,000 sq km or 453 sq miles", "6ft (3.2m)", "35C (50F)", "5-10km (30-60 miles)",
}

// injected returns a generated article with wrong pairs (as written, and
// with a random digit changed) spliced in between sentences.
func injected(seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	parts := strings.SplitAfter(string(newsgen.Article(8<<10, seed)), ". ")
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p)
		if r.IntN(3) == 0 {
			pair := wrongPairs[r.IntN(len(wrongPairs))]
			if r.IntN(2) == 0 {
				pair = mutateDigit(r, pair)
			}
			fmt.Fprintf(&b, "Officials said it was %s in all. ", pair)
		}
	}
	return []byte(b.String())
}

// mutateDigit changes one digit of s at random.
func mutateDigit(r *rand.Rand, s string) string {
	var idx []int
	for i := range len(s) {
		if s[i] >= '0' && s[i] <= '9' {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return s
	}
	i := idx[r.IntN(len(idx))]
	return s[:i] + string(rune('0'+r.IntN(10))) + s[i+1:]
}

// TestFixPropertyGenerated runs the fix properties over generated articles
// with wrong pairs injected.
func TestFixPropertyGenerated(t *testing.T) {
	fixed := 0
	for seed := uint64(1); seed <= 40; seed++ {
		fixed += checkFixProperty(t, fmt.Sprintf("seed %d", seed), injected(seed))
	}
	t.Logf("%d fixes applied over 40 generated articles", fixed)
	assert.Greater(t, fixed, 200, "fixes applied over the generated articles")
}
