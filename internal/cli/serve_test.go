package cli_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/cli"
)

func TestServeUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"serve", "--addr", "0.0.0.0:8080"}, `unitlint: usage: --addr: address "0.0.0.0:8080" would listen on 0.0.0.0, not only on this machine: pass --allow-remote to mean it`},
		{[]string{"serve", "--addr", ":8080"}, `unitlint: usage: --addr: address ":8080" would listen on every interface, not only on this machine: pass --allow-remote to mean it`},
		{[]string{"serve", "--max-body", "2GB"}, `unitlint: usage: --max-body: want a size such as 2MiB, 512KiB or 1048576, not "2GB"`},
		{[]string{"serve", "--max-body", "0"}, `unitlint: usage: --max-body: want a size such as 2MiB, 512KiB or 1048576, not "0"`},
		{[]string{"serve", "--max-inflight", "-1"}, `unitlint: usage: --max-inflight must be 0 or more, not -1`},
		{[]string{"serve", "--log-format", "xml"}, `unitlint: usage: --log-format must be text or json, not "xml"`},
		{[]string{"serve", "story.txt"}, `unitlint: usage: serve takes no arguments, got ["story.txt"]`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := run(t, "", nil, tt.args...)
			assert.Equal(t, cli.ExitError, code)
			assert.Empty(t, out)
			assert.Equal(t, tt.msg, strings.SplitN(errOut, "\n", 2)[0])
		})
	}
}

// TestServeRuns starts `unitlint serve` on a free loopback port, checks
// copy through it, and stops it by ending its context (as SIGINT does).
func TestServeRuns(t *testing.T) {
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	code := make(chan int, 1)
	go func() {
		code <- cli.Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--max-body", "1KiB", "--log-format", "json"},
			cli.Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: pw})
		pw.Close()
	}()

	// read the log as it comes: the server must never wait on the test
	lines := make(chan string, 100)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	logLine := func() map[string]any {
		line, ok := <-lines
		require.True(t, ok, "a log line")
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		return m
	}
	listening := logLine()
	require.Equal(t, "listening", listening["msg"])
	url, _ := listening["url"].(string)
	require.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), url)

	resp, err := http.Post(url+"v1/check", "text/plain", strings.NewReader("Russia claims 100,000 sq km (453 sq miles)."))
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), `"fixes":[{"message":"write 38,600 sq miles"`)
	req := logLine()
	assert.Equal(t, "request", req["msg"])
	assert.Equal(t, "/v1/check", req["path"])

	// --max-body 1KiB
	resp, err = http.Post(url+"v1/check", "text/plain", strings.NewReader(strings.Repeat("a", 1025)))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	assert.InDelta(t, 413, logLine()["status"], 0)

	cancel()
	assert.Equal(t, "shutting down", logLine()["msg"])
	assert.Equal(t, "stopped", logLine()["msg"])
	assert.Equal(t, cli.ExitClean, <-code)
	http.DefaultClient.CloseIdleConnections()
}
