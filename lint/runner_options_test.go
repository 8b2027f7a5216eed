package lint_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
)

func TestRunnerInputOptions(t *testing.T) {
	warn := &lint.Options{Severity: map[string]lint.Severity{"bad-word": lint.SeverityError}}
	off := &lint.Options{Severity: map[string]lint.Severity{"bad-word": lint.SeverityOff}}
	inputs := []lint.Input{
		{Path: "runner.txt", Src: []byte("bad")},
		{Path: "own.txt", Src: []byte("bad"), Options: warn},
		{Path: "off.txt", Src: []byte("bad"), Options: off},
		{Path: "shared.txt", Src: []byte("bad bad"), Options: warn},
	}
	r := &lint.Runner{Analyzers: []*lint.Analyzer{wordFinder}, Workers: 3,
		Options: lint.Options{Severity: map[string]lint.Severity{"bad-word": lint.SeverityInfo}}}
	var got []string
	err := r.Run(context.Background(), inputs, func(res *lint.Result) error {
		require.NoError(t, res.Err)
		line := res.Path + ":"
		for _, d := range res.Diagnostics {
			line += " " + d.Severity.String()
		}
		got = append(got, line)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"runner.txt: info", "own.txt: error", "off.txt:", "shared.txt: error error"}, got,
		"an input's own options replace the runner's, in input order")
}
