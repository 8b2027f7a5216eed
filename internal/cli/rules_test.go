package cli_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/cli"
)

// TestRulesDoc keeps docs/rules.md (which diagnostics link to) equal to
// what `unitlint rules --format markdown` prints; -update rewrites it.
func TestRulesDoc(t *testing.T) {
	code, out, _ := run(t, "", nil, "rules", "--format", "markdown")
	require.Equal(t, cli.ExitClean, code)
	path := filepath.Join("..", "..", "docs", "rules.md")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), out, "docs/rules.md is stale: run go test ./internal/cli -run TestRulesDoc -update")
	assert.Contains(t, out, "\n## conversion\n")
	assert.Contains(t, out, "\n## temperature-change\n")

	code, _, errOut := run(t, "", nil, "rules", "--format", "pdf")
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, `--format must be text or markdown, not "pdf"`)
}
