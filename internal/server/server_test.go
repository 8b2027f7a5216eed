package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// TestMain fails the package if a test leaves a goroutine behind: a
// handler, a server, a shutdown or the browser driver that does not end.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// syncBuffer is a bytes.Buffer safe for a logger and a test at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// logLines decodes the JSON log lines written so far.
func (b *syncBuffer) logLines(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		out = append(out, m)
	}
	return out
}

// testServer is a Server behind an httptest server, logging JSON into log.
type testServer struct {
	*Server
	http *httptest.Server
	log  *syncBuffer
}

func newTestServer(t *testing.T, cfg Config) *testServer {
	t.Helper()
	log := &syncBuffer{}
	cfg.Logger = slog.New(slog.NewJSONHandler(log, nil))
	s, err := New(cfg)
	require.NoError(t, err)
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	return &testServer{Server: s, http: hs, log: log}
}

// answer is a response, read whole.
type answer struct {
	StatusCode int
	Header     http.Header
}

// do sends a request and returns the answer and its body.
func (ts *testServer) do(t *testing.T, method, path, contentType string, body io.Reader) (*answer, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, ts.http.URL+path, body)
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := ts.http.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return &answer{StatusCode: resp.StatusCode, Header: resp.Header}, b
}

// postJSON posts v as JSON and decodes a 200 answer into out.
func (ts *testServer) postJSON(t *testing.T, path string, v, out any) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	resp, body := ts.do(t, http.MethodPost, path, "application/json", bytes.NewReader(b))
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	require.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	require.NoError(t, json.Unmarshal(body, out), string(body))
}

// seedStory is the story of the issue: one slip ("453 sq miles") among two
// pairs, after curly quotes and dashes.
func seedStory(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", "seed-kursk.txt"))
	require.NoError(t, err)
	return string(b)
}
