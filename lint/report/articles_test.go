package report_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
	"github.com/unitlint/unitlint/rules"
)

// repoRoot is the repository root, from this package's directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	return root
}

// articleResults lints the example articles as the command line does
// (markup by extension, every rule) and returns their results, with paths
// relative to the repository root.
func articleResults(t *testing.T) []*lint.Result {
	t.Helper()
	root := repoRoot(t)
	paths, err := filepath.Glob(filepath.Join(root, "testdata", "articles", "*"))
	require.NoError(t, err)
	var inputs []lint.Input
	for _, p := range paths {
		rel, err := filepath.Rel(root, p)
		require.NoError(t, err)
		if strings.HasPrefix(filepath.Base(rel), ".") {
			continue
		}
		inputs = append(inputs, lint.Input{Path: rel})
	}
	require.NotEmpty(t, inputs)
	t.Chdir(root)
	exts := markup.DefaultExtensions()
	runner := &lint.Runner{
		Analyzers: rules.All(),
		Parse:     func(path string) lint.ParseFunc { return markup.ForPath(path, exts) },
	}
	var out []*lint.Result
	require.NoError(t, runner.Run(context.Background(), inputs, func(res *lint.Result) error {
		require.NoError(t, res.Err)
		out = append(out, res)
		return nil
	}))
	return out
}
