package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// wantError asserts a JSON error answer: its status and exact message.
func wantError(t *testing.T, resp *answer, body []byte, status int, msg string) {
	t.Helper()
	assert.Equal(t, status, resp.StatusCode, string(body))
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	var e errorBody
	require.NoError(t, json.Unmarshal(body, &e), string(body))
	assert.Equal(t, msg, e.Error)
}

func TestBadRequest(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, tt := range []struct {
		name, path, contentType, body, msg string
	}{
		{"syntax", "/v1/check", "application/json", `{"text": "a",}`,
			"bad JSON: invalid character '}' looking for beginning of object key string (at byte 14)"},
		{"truncated", "/v1/check", "application/json", `{"text": "a`, "bad JSON: the body ends in the middle of a value"},
		{"empty body", "/v1/check", "application/json", ``, "bad JSON: the body is empty"},
		{"not an object", "/v1/check", "application/json", `["a"]`, "bad JSON: the body must be a JSON object, not a JSON array"},
		{"text not a string", "/v1/fix", "application/json", `{"text": 5}`, `bad JSON: "text" has the wrong type (got a JSON number)`},
		{"no text", "/v1/check", "application/json", `{"format": "txt"}`, `bad JSON: the object needs a "text" field (a string)`},
		{"unknown field", "/v1/check", "application/json", `{"text": "a", "colour": "red"}`, `bad JSON: unknown field "colour"`},
		{"two values", "/v1/check", "application/json", `{"text": "a"} {"text": "b"}`, "bad JSON: more than one value in the body"},
		{"unknown format", "/v1/check", "application/json", `{"text": "a", "format": "docx"}`, `unknown format "docx": want txt, md or html`},
		{"unknown format, text/plain", "/v1/check?format=pdf", "text/plain", `a`, `unknown format "pdf": want txt, md or html`},
		{"config not an object", "/v1/check", "application/json", `{"text": "a", "config": "strict"}`, `bad JSON: "config" must be an object of house-style settings`},
		{"bad tolerance", "/v1/check", "application/json", `{"text": "a", "config": {"tolerance": "loose"}}`,
			`config: tolerance must be strict, standard or lenient, not "loose"`},
		{"bad tolerance, text/plain", "/v1/fix?tolerance=loose", "text/plain", `a`,
			`config: tolerance must be strict, standard or lenient, not "loose"`},
		{"bad gallon", "/v1/check", "application/json", `{"text": "a", "config": {"gallon": "uk"}}`,
			`config: gallon must be auto, us or imperial, not "uk"`},
		{"unknown key", "/v1/check", "application/json", `{"text": "a", "config": {"toleranse": "strict"}}`,
			`config: unknown key "toleranse" (did you mean "tolerance"?)`},
		{"unknown rule", "/v1/check", "application/json", `{"text": "a", "config": {"rules": {"conversions": "off"}}}`,
			`config: unknown rule "conversions" (did you mean "conversion"?)`},
		{"bad severity", "/v1/check", "application/json", `{"text": "a", "config": {"rules": {"conversion": "loud"}}}`,
			`config: rules.conversion must be on, off, info, warning or error, not "loud"`},
		{"file-only key", "/v1/check", "application/json", `{"text": "a", "config": {"ignore": ["drafts/**"]}}`,
			"config.ignore is about files in a repository: a request checks one text"},
		{"unknown query parameter", "/v1/check?toleranse=strict", "text/plain", `a`,
			`unknown query parameter "toleranse": a text/plain request takes format, tolerance, gallon, ton, locale`},
		{"query with JSON", "/v1/check?format=md", "application/json", `{"text": "a"}`,
			"query parameters are for text/plain bodies: put format and config in the JSON"},
		{"invalid UTF-8", "/v1/check", "text/plain", "Temperatures hit 35\xb0C (95\xb0F).",
			"the body is not UTF-8: invalid byte 0xB0 at offset 19"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := ts.do(t, http.MethodPost, tt.path, tt.contentType, strings.NewReader(tt.body))
			wantError(t, resp, body, http.StatusBadRequest, tt.msg)
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, tt := range []struct {
		method, path, allow string
	}{
		{http.MethodGet, "/v1/check", "POST"},
		{http.MethodPut, "/v1/fix", "POST"},
		{http.MethodPost, "/v1/rules", "GET, HEAD"},
		{http.MethodDelete, "/healthz", "GET, HEAD"},
		{http.MethodPost, "/", "GET, HEAD"},
		{http.MethodPost, "/openapi.json", "GET, HEAD"},
		{http.MethodPatch, "/assets/app.js", "GET, HEAD"},
	} {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			resp, body := ts.do(t, tt.method, tt.path, "", nil)
			wantError(t, resp, body, http.StatusMethodNotAllowed,
				"method "+tt.method+" is not allowed on "+tt.path+": use "+tt.allow)
			assert.Equal(t, tt.allow, resp.Header.Get("Allow"))
		})
	}
}

func TestNotFound(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := ts.do(t, http.MethodGet, "/v2/check", "", nil)
	wantError(t, resp, body, http.StatusNotFound, "no such page: see /openapi.json for the API")
	resp, body = ts.do(t, http.MethodGet, "/assets/evil.js", "", nil)
	wantError(t, resp, body, http.StatusNotFound, `no such asset "evil.js"`)
}

func TestBodyTooLarge(t *testing.T) {
	ts := newTestServer(t, Config{MaxBody: 64})
	const msg = "the request body is over the limit of 64 bytes"
	long := `{"text": "` + strings.Repeat("a", 64) + `"}`

	// declared by Content-Length: refused before reading
	resp, body := ts.do(t, http.MethodPost, "/v1/check", "application/json", strings.NewReader(long))
	wantError(t, resp, body, http.StatusRequestEntityTooLarge, msg)

	// chunked, with no length: refused when the reading passes the limit
	resp, body = ts.do(t, http.MethodPost, "/v1/fix", "text/plain", io.MultiReader(strings.NewReader(long)))
	wantError(t, resp, body, http.StatusRequestEntityTooLarge, msg)

	// at the limit is fine
	resp, body = ts.do(t, http.MethodPost, "/v1/check", "text/plain", strings.NewReader(strings.Repeat("a", 64)))
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(body))
}

func TestUnsupportedMediaType(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, tt := range []struct {
		contentType, msg string
	}{
		{"", "missing Content-Type: send application/json or text/plain"},
		{"application/x-www-form-urlencoded", "Content-Type application/x-www-form-urlencoded is not accepted: send application/json or text/plain"},
		{"text/html", "Content-Type text/html is not accepted: send application/json or text/plain"},
		{"application/json; charset=latin1", "charset latin1 is not accepted: send UTF-8"},
		{"text/plain; charset=utf-16", "charset utf-16 is not accepted: send UTF-8"},
		{"application/json;;", `bad Content-Type "application/json;;": mime: invalid media parameter`},
	} {
		t.Run(tt.contentType, func(t *testing.T) {
			resp, body := ts.do(t, http.MethodPost, "/v1/check", tt.contentType, strings.NewReader(`{"text":"a"}`))
			wantError(t, resp, body, http.StatusUnsupportedMediaType, tt.msg)
		})
	}
	// a text/plain body in UTF-16, with its byte order mark
	resp, body := ts.do(t, http.MethodPost, "/v1/check", "text/plain", strings.NewReader("\xff\xfe1\x00k\x00m\x00"))
	wantError(t, resp, body, http.StatusUnsupportedMediaType, "the body starts with a utf-16le byte order mark: send UTF-8")
	// the charsets that are UTF-8 or a subset of it pass
	for _, ct := range []string{"application/json; charset=UTF-8", "application/json; charset=utf8", "application/json; charset=us-ascii"} {
		resp, body := ts.do(t, http.MethodPost, "/v1/check", ct, strings.NewReader(`{"text":"a"}`))
		assert.Equal(t, http.StatusOK, resp.StatusCode, ct+": "+string(body))
	}
}

// TestBusy: with one check in flight and a limit of one, the next is
// answered 503 at once with Retry-After; when the first ends, checks are
// served again.
func TestBusy(t *testing.T) {
	ts := newTestServer(t, Config{MaxInFlight: 1})
	pr, pw := io.Pipe()
	first := make(chan *http.Response, 1)
	go func() {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.http.URL+"/v1/check", pr)
		req.Header.Set("Content-Type", "text/plain")
		resp, err := ts.http.Client().Do(req)
		if err != nil {
			first <- nil
			return
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		first <- resp
	}()
	_, err := pw.Write([]byte("Russia claims 100,000 sq km "))
	require.NoError(t, err)
	waitFor(t, func() bool { return len(ts.inFlight) == 1 })

	resp, body := ts.do(t, http.MethodPost, "/v1/check", "text/plain", strings.NewReader("a"))
	wantError(t, resp, body, http.StatusServiceUnavailable, "the server is busy: too many checks at once (the limit is 1); retry in a second")
	assert.Equal(t, "1", resp.Header.Get("Retry-After"))
	// the rest of the API does not wait on checks
	resp, _ = ts.do(t, http.MethodGet, "/healthz", "", nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	_, err = pw.Write([]byte("(453 sq miles)."))
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	r1 := <-first
	require.NotNil(t, r1)
	assert.Equal(t, http.StatusOK, r1.StatusCode)
	resp, body = ts.do(t, http.MethodPost, "/v1/check", "text/plain", strings.NewReader("a"))
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(body))
}

// TestCheckTimeout: a check that outlives the write timeout is stopped
// and answered 503.
func TestCheckTimeout(t *testing.T) {
	slow := &lint.Analyzer{
		Name: "slow", Summary: "waits for its deadline", Severity: lint.SeverityWarning,
		Run: func(p *lint.Pass) (any, error) {
			<-p.Context.Done()
			return nil, p.Context.Err()
		},
	}
	ts := newTestServer(t, Config{Analyzers: []*lint.Analyzer{slow}, WriteTimeout: 20 * time.Millisecond})
	resp, body := ts.do(t, http.MethodPost, "/v1/check", "text/plain", strings.NewReader("a"))
	wantError(t, resp, body, http.StatusServiceUnavailable, "the check took longer than 20ms and was stopped")
}

// TestPanicRecovered: a panic in a rule is a logged 500 JSON answer, the
// server goes on serving and the in-flight slot is given back.
func TestPanicRecovered(t *testing.T) {
	boom := &lint.Analyzer{
		Name: "boom", Summary: "panics on BOOM", Severity: lint.SeverityWarning,
		Run: func(p *lint.Pass) (any, error) {
			if strings.Contains(string(p.Doc.Text), "BOOM") {
				panic("rule exploded")
			}
			return nil, nil
		},
	}
	ts := newTestServer(t, Config{Analyzers: append(rules.All(), boom), MaxInFlight: 1})
	for range 2 {
		resp, body := ts.do(t, http.MethodPost, "/v1/check", "text/plain", strings.NewReader("BOOM"))
		wantError(t, resp, body, http.StatusInternalServerError, "internal error: the check failed unexpectedly; it has been logged")
	}
	resp, body := ts.do(t, http.MethodPost, "/v1/check", "text/plain", strings.NewReader("100km (62 miles)"))
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(body))

	var panics, requests int
	for _, l := range ts.log.logLines(t) {
		switch l["msg"] {
		case "panic in handler":
			panics++
			assert.Equal(t, "rule exploded", l["panic"])
			assert.Equal(t, "/v1/check", l["path"])
			assert.Contains(t, l["stack"], "runtime/debug.Stack")
		case "request":
			requests++
			if l["status"] == 500.0 {
				assert.Equal(t, "ERROR", l["level"])
			}
		}
	}
	assert.Equal(t, 2, panics)
	assert.Equal(t, 3, requests)
	assert.Empty(t, ts.inFlight)
}

// TestPanicAfterHeaders: a panic once the answer has begun cannot become
// a 500; the connection is dropped, so the client sees a broken answer,
// not a truncated one that looks whole, and the panic is logged.
func TestPanicAfterHeaders(t *testing.T) {
	ts := newTestServer(t, Config{})
	h := ts.logRequests(ts.recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("partial"))
		w.(http.Flusher).Flush()
		panic("late")
	})))
	hs := httptest.NewServer(h)
	defer hs.Close()
	resp, err := hs.Client().Get(hs.URL)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	_, err = io.ReadAll(resp.Body)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	var logged bool
	for _, l := range ts.log.logLines(t) {
		if l["msg"] == "panic in handler" && l["panic"] == "late" {
			logged = true
		}
	}
	assert.True(t, logged, ts.log.String())
}

// waitFor polls cond until it holds, failing the test after 10 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 10s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
