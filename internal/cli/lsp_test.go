package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lspSession runs `unitlint lsp args...` on the given client messages
// (each framed) and returns its exit code, what it wrote to stdout and to
// stderr.
func lspSession(t *testing.T, args []string, messages ...string) (int, string, string) {
	t.Helper()
	var in strings.Builder
	for _, m := range messages {
		fmt.Fprintf(&in, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), append([]string{"lsp"}, args...), Env{
		Stdin: io.NopCloser(strings.NewReader(in.String())), Stdout: &stdout, Stderr: &stderr,
	})
	return code, stdout.String(), stderr.String()
}

const (
	lspInitialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`
	lspShutdown   = `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	lspExit       = `{"jsonrpc":"2.0","method":"exit"}`
)

func TestLSPExitCodes(t *testing.T) {
	code, stdout, stderr := lspSession(t, nil, lspInitialize, lspShutdown, lspExit)
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"id":2,"result":null`)

	code, _, stderr = lspSession(t, nil, lspInitialize, lspExit)
	assert.Equal(t, 1, code, "exit without shutdown")
	assert.Contains(t, stderr, "exit without shutdown")

	code, _, _ = lspSession(t, nil, lspInitialize)
	assert.Equal(t, 1, code, "the end of input without shutdown")
}

func TestLSPLog(t *testing.T) {
	log := filepath.Join(t.TempDir(), "lsp.log")
	code, stdout, stderr := lspSession(t, []string{"--log", log},
		lspInitialize, `{"jsonrpc":"2.0","id":9,"method":"no/such"}`, "{broken", lspShutdown, lspExit)
	assert.Equal(t, 0, code)
	assert.Empty(t, stderr, "the log goes to --log")
	b, err := os.ReadFile(log)
	require.NoError(t, err)
	assert.Contains(t, string(b), "method not found: no/such")
	assert.Contains(t, string(b), `msg="bad message"`)
	// stdout holds only frames: the answers, the errors included
	for rest := stdout; rest != ""; {
		require.True(t, strings.HasPrefix(rest, "Content-Length: "), "stdout: %q", rest)
		var n int
		_, err := fmt.Sscanf(rest, "Content-Length: %d\r\n\r\n", &n)
		require.NoError(t, err)
		body := rest[strings.Index(rest, "\r\n\r\n")+4:]
		rest = body[n:]
	}
	assert.Contains(t, stdout, `"id":9,"error":{"code":-32601`)
	assert.Contains(t, stdout, `"id":null,"error":{"code":-32700`)
}

func TestLSPFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--debounce", "-1s"},
		{"--max-message-size", "lots"},
		{"extra"},
		{"--log", filepath.Join(t.TempDir(), "no", "such", "dir", "lsp.log")},
	} {
		code, _, stderr := lspSession(t, args)
		assert.Equal(t, ExitError, code, "%v: %s", args, stderr)
	}
}
