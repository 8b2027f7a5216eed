package judge_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/corpus"
	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/rules"
)

// judgedPairs returns the pairs (restatements included) the rules judge
// in a text, found by the real scanner and pair finder.
func judgedPairs(t *testing.T, text string) []rules.Judged {
	t.Helper()
	res, err := lint.CheckBytes(context.Background(), "t.txt", []byte(text), []*lint.Analyzer{rules.Judgements}, lint.Options{})
	require.NoError(t, err)
	js, _ := res.Facts[rules.Judgements].([]rules.Judged)
	return js
}

// TestFastPathCorpus holds the fast paths of Judge (quickPass, then the
// float64 judgement) to the exact path on every pair of the labelled
// corpus, the example articles and generated news copy, in every profile.
func TestFastPathCorpus(t *testing.T) {
	lines, err := corpus.Load()
	require.NoError(t, err)
	texts := make([]string, 0, len(lines)+20)
	for _, l := range lines {
		texts = append(texts, l.Text)
	}
	articles, err := filepath.Glob("../../testdata/articles/*")
	require.NoError(t, err)
	require.NotEmpty(t, articles)
	for _, path := range articles {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		texts = append(texts, string(b))
	}
	texts = append(texts, string(newsgen.Article(1<<14, 7)))
	pairs, quick := 0, 0
	for _, text := range texts {
		for _, j := range judgedPairs(t, text) {
			for _, tol := range []judge.Tolerance{judge.Standard, judge.Strict, judge.Lenient} {
				opts := judge.Options{Tolerance: tol, Catalogue: rules.JudgeOptions(nil).Catalogue}
				pairs++
				if _, ok := judge.QuickPass(j.Judge, opts); ok {
					quick++
				}
				if !judge.AssertSameResult(t, judge.JudgeExact(j.Judge, opts), judge.Judge(j.Judge, opts),
					"%q [%d]", text[j.Start:j.End], tol) {
					return
				}
			}
		}
	}
	t.Logf("%d judgements compared, %d certified by quickPass", pairs, quick)
	assert.Greater(t, pairs, 1000)
	assert.Greater(t, quick, pairs/4, "quickPass certifies many of them")
}

// TestSignFixes: a fix that changes a number's sign writes the sign as the
// copy does, through the real scanner (which puts the sign before the
// number's text: NumberText.Sign, SignStart).
func TestSignFixes(t *testing.T) {
	cases := []struct {
		text        string
		verdict     judge.Verdict
		cause       judge.Cause
		old, new    string // the text the edit replaces, and its replacement
		explanation string
	}{
		{"Lows of 5C (-41F) were recorded.", judge.Error, judge.CauseOther,
			"-41", "41", "the minus sign is wrong"},
		{"Lows of -30C (22F) were recorded.", judge.Error, judge.CauseOther,
			"22", "-22", "a minus sign is missing"},
		{"Lows of minus 30C (22F) were recorded.", judge.Error, judge.CauseOther,
			"22", "minus 22", "a minus sign is missing"},
		{"Lows of minus 5C (minus 9F) were recorded.", judge.Error, judge.CauseOffsetMissing,
			"minus 9", "23", "the 32° offset is missing from a temperature reading"},
		{"Lows of minus 30C (minus 26F) were recorded.", judge.Warning, judge.CauseRounding,
			"26", "22", "minus 26 is 4° too low"},
		{"Lows of -5C (-9F) were recorded.", judge.Error, judge.CauseOffsetMissing,
			"-9", "23", "the 32° offset is missing from a temperature reading"},
		{"Lows of −5C (−9F) were recorded.", judge.Error, judge.CauseOffsetMissing,
			"−9", "23", "the 32° offset is missing from a temperature reading"},
		{"It was 12 degrees Fahrenheit (-11 degrees Celsius) warmer than normal.", judge.Error, judge.CauseOffsetOnChange,
			"-11", "6.7", "32 was subtracted from a temperature change"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			js := judgedPairs(t, c.text)
			require.Len(t, js, 1)
			r := js[0].Result
			assert.Equal(t, c.verdict.String(), r.Verdict.String(), r.Explanation)
			assert.Equal(t, c.cause, r.Cause, r.Explanation)
			assert.Equal(t, c.explanation, r.Explanation)
			require.Len(t, r.Fix, 1, "one edit")
			e := r.Fix[0]
			assert.Equal(t, c.old, c.text[e.Start:e.End], "the edit's span")
			assert.Equal(t, c.new, e.NewText)
			fixed := c.text[:e.Start] + e.NewText + c.text[e.End:]
			again := judgedPairs(t, fixed)
			require.Len(t, again, 1, fixed)
			assert.Equal(t, judge.OK.String(), again[0].Result.Verdict.String(), "%s: %s", fixed, again[0].Result.Explanation)
		})
	}
}
