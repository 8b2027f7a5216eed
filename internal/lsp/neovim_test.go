package lsp_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// neovimScript drives Neovim's own LSP client (0.7: start_client and
// buf_attach_client) against the built server: open the article, wait for
// the diagnostic, take the preferred quick fix at it, apply it, wait for
// the diagnostic to go, hover, and stop the server (shutdown and exit).
// It writes what it saw to $UNITLINT_OUT as JSON.
const neovimScript = `
local result = {}
local function finish(err)
  result.error = err
  local f = assert(io.open(os.getenv('UNITLINT_OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(err and 'cquit 1' or 'qall!')
end

local ok, err = pcall(function()
  local file = os.getenv('UNITLINT_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'
  local id = vim.lsp.start_client({
    name = 'unitlint',
    cmd = { os.getenv('UNITLINT_BIN'), 'lsp', '--debounce', '10ms', '--log', os.getenv('UNITLINT_LOG') },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  assert(id, 'the client did not start')
  assert(vim.lsp.buf_attach_client(buf, id), 'the client did not attach')
  local client = vim.lsp.get_client_by_id(id)
  assert(vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 10), 'no diagnostics')

  result.before = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.before, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = d.code,
      href = d.user_data.lsp.codeDescription.href,
    })
  end

  local d = vim.diagnostic.get(buf)[1]
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
  local responses = assert(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 20000))
  local chosen
  for _, action in ipairs(responses[id].result or {}) do
    if action.kind == 'quickfix' and action.isPreferred then chosen = action end
  end
  assert(chosen, 'no preferred quick fix')
  result.action = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  assert(vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 10), 'the diagnostic stayed')
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)

  local hover = assert(vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), 20000))
  result.hover = hover[id].result and hover[id].result.contents.value

  vim.lsp.stop_client(id)
  assert(vim.wait(10000, function() return vim.lsp.client_is_stopped(id) end, 10), 'the server did not stop')
end)
finish(not ok and tostring(err) or nil)
`

// neovimArticle is a Markdown article whose fifth line has a wrong pair
// after characters of several UTF-8 and UTF-16 lengths.
const neovimArticle = "# Frontline\n\n" +
	"Kyiv says it is already occupying 1,000 sq km (386 sq miles).\n\n" +
	"It’s “big” – ° ² 😀 and Russia claims 100,000 sq km (453 sq miles).\n"

// TestNeovim drives the built binary from a real editor client: headless
// Neovim (the Debian package neovim, which .ci/run installs).
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed; .ci/run installs it (apt-get install neovim)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "unitlint")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/unitlint")
	build.Dir = moduleRoot(t)
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	article := filepath.Join(dir, "article.md")
	require.NoError(t, os.WriteFile(article, []byte(neovimArticle), 0o600))
	script := filepath.Join(dir, "e2e.lua")
	require.NoError(t, os.WriteFile(script, []byte(neovimScript), 0o600))
	resultFile := filepath.Join(dir, "result.json")
	logFile := filepath.Join(dir, "server.log")

	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-u", "NONE", "-i", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"UNITLINT_BIN="+bin, "UNITLINT_FILE="+article, "UNITLINT_OUT="+resultFile, "UNITLINT_LOG="+logFile,
		"XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_STATE_HOME="+dir, "XDG_CACHE_HOME="+dir)
	out, runErr := cmd.CombinedOutput()
	serverLog, _ := os.ReadFile(logFile)
	raw, err := os.ReadFile(resultFile)
	require.NoError(t, err, "nvim wrote no result (%v): %s\nserver log:\n%s", runErr, out, serverLog)
	var res struct {
		Error  string `json:"error"`
		Before []struct {
			Lnum, Col, EndLnum, EndCol, Severity int
			Message, Source, Code, Href          string
		} `json:"before"`
		Action string   `json:"action"`
		Lines  []string `json:"lines"`
		Hover  string   `json:"hover"`
	}
	require.NoError(t, json.Unmarshal(fixKeys(raw), &res), "%s", raw)
	require.Empty(t, res.Error, "nvim: %s\nserver log:\n%s", out, serverLog)
	require.NoError(t, runErr, "%s", out)

	line := "It’s “big” – ° ² 😀 and Russia claims 100,000 sq km (453 sq miles)."
	require.Len(t, res.Before, 1)
	d := res.Before[0]
	// Neovim turns the server's UTF-16 columns into byte columns of the line
	assert.Equal(t, 4, d.Lnum)
	assert.Equal(t, strings.Index(line, "100,000"), d.Col)
	assert.Equal(t, 4, d.EndLnum)
	assert.Equal(t, strings.Index(line, "miles")+len("miles"), d.EndCol)
	assert.Equal(t, 1, d.Severity) // vim.diagnostic.severity.ERROR
	assert.Equal(t, "unitlint", d.Source)
	assert.Equal(t, "conversion", d.Code)
	assert.Equal(t, "https://github.com/unitlint/unitlint/blob/main/docs/rules.md#conversion", d.Href)
	assert.True(t, strings.HasPrefix(d.Message, "100,000 sq km is about 38,610 sq miles, not 453 sq miles"), d.Message)
	assert.Equal(t, "Write 38,600 sq miles", res.Action)
	assert.Equal(t, strings.Split(strings.Replace(strings.TrimSuffix(neovimArticle, "\n"), "(453 sq miles)", "(38,600 sq miles)", 1), "\n"), res.Lines)
	assert.Contains(t, res.Hover, "**100,000 sq km = 38,610.2 square miles**")
	assert.NotContains(t, string(serverLog), "level=ERROR", "the server logged an error")
}

// fixKeys maps the Lua result's snake_case keys to the struct's names.
func fixKeys(raw []byte) []byte {
	return []byte(strings.NewReplacer(`"end_lnum"`, `"EndLnum"`, `"end_col"`, `"EndCol"`).Replace(string(raw)))
}

// moduleRoot returns the directory of go.mod above the test's directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, dir, parent, "no go.mod above the test")
		dir = parent
	}
}
