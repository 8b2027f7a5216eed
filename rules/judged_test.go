package rules_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// TestJudgementsInOrder: the judgements come in the order of where B
// starts, a restatement among the pairs included (the analyzer judges the
// pairs, then the restatements, and sorts only when that is out of order).
func TestJudgementsInOrder(t *testing.T) {
	text := "The pipeline will run 1,200km to the coast. Opponents say the 1,200-mile pipeline will cross three parks. " +
		"The lake covers 10 sq km (3.9 sq miles) near the route."
	res, err := lint.CheckBytes(context.Background(), "t.txt", []byte(text), []*lint.Analyzer{rules.Judgements}, lint.Options{})
	require.NoError(t, err)
	js, _ := res.Facts[rules.Judgements].([]rules.Judged)
	require.Len(t, js, 2)
	assert.True(t, js[0].Restated(), "the restatement comes first")
	assert.False(t, js[1].Restated())
	assert.Less(t, js[0].B.Start, js[1].B.Start)
}
