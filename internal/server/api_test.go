package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/report"
	"github.com/unitlint/unitlint/rules"
)

// span returns the text between a diagnostic's byte offsets.
func span(text string, d report.JSONDiagnostic) string {
	return text[d.Start.Offset:d.End.Offset]
}

func TestCheckSeedStory(t *testing.T) {
	ts := newTestServer(t, Config{})
	seed := seedStory(t)
	var got checkResponse
	ts.postJSON(t, "/v1/check", map[string]any{"text": seed, "format": "txt"}, &got)

	assert.Equal(t, 2, got.PairsChecked)
	require.Len(t, got.Diagnostics, 1)
	d := got.Diagnostics[0]
	assert.Equal(t, "<input>", d.Path)
	assert.Equal(t, "conversion", d.Rule)
	assert.Equal(t, "error", d.Severity)
	assert.True(t, strings.HasPrefix(d.Message, "100,000 sq km is about 38,610 sq miles, not 453 sq miles"), d.Message)
	start := strings.Index(seed, "100,000 sq km or 453 sq miles")
	assert.Equal(t, report.Location{Line: 13, Column: 70, Offset: start}, d.Start)
	assert.Equal(t, report.Location{Line: 13, Column: 99, Offset: start + len("100,000 sq km or 453 sq miles")}, d.End)
	assert.Equal(t, engine(t, seed, lint.Options{}), got.Diagnostics)
	require.Len(t, d.Fixes, 1)
	assert.Equal(t, "write 38,600 sq miles", d.Fixes[0].Message)
	at := strings.Index(seed, "453 sq miles")
	assert.Equal(t, []report.JSONEdit{{Start: at, End: at + 3, NewText: "38,600"}}, d.Fixes[0].Edits)
}

// TestCheckMatchesCLIContract holds the API's diagnostics to the JSON
// contract of `unitlint check --format json`: every key, nothing more.
func TestCheckMatchesCLIContract(t *testing.T) {
	ts := newTestServer(t, Config{})
	const text = "Russia claims 100,000 sq km (453 sq miles)."
	resp, body := ts.do(t, http.MethodPost, "/v1/check", "text/plain", strings.NewReader(text))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var got struct {
		Diagnostics  []map[string]any `json:"diagnostics"`
		PairsChecked int              `json:"pairs_checked"`
	}
	require.NoError(t, json.Unmarshal(body, &got))
	require.Len(t, got.Diagnostics, 1)
	var keys []string
	for k := range got.Diagnostics[0] {
		keys = append(keys, k)
	}
	assert.ElementsMatch(t, []string{"path", "rule", "severity", "message", "cause", "start", "end", "fixes"}, keys)
	assert.Equal(t, "<input>", got.Diagnostics[0]["path"])

	var typed checkResponse
	require.NoError(t, json.Unmarshal(body, &typed))
	assert.Equal(t, engine(t, text, lint.Options{}), typed.Diagnostics)
	assert.Equal(t, 1, typed.PairsChecked)
}

// TestCheckOffsetsAreBytes: after curly quotes, dashes, a degree sign and
// an emoji, offsets count UTF-8 bytes and columns count code points.
func TestCheckOffsetsAreBytes(t *testing.T) {
	ts := newTestServer(t, Config{})
	text := "It’s 35°C – “hot” 🌡 today.\nThe lake covers 10 sq km (6.2 sq miles)."
	var got checkResponse
	ts.postJSON(t, "/v1/check", map[string]any{"text": text}, &got)
	require.Len(t, got.Diagnostics, 1)
	d := got.Diagnostics[0]
	assert.Equal(t, report.Location{Line: 2, Column: 17, Offset: strings.Index(text, "10 sq km")}, d.Start)
	assert.True(t, strings.HasPrefix(span(text, d), "10 sq km (6.2 sq miles"), span(text, d))
	require.NotEmpty(t, d.Fixes)
	e := d.Fixes[0].Edits[0]
	assert.Equal(t, "6.2", text[e.Start:e.End])
	assert.Equal(t, engine(t, text, lint.Options{}), got.Diagnostics)
}

func TestCheckPlainTextQuery(t *testing.T) {
	ts := newTestServer(t, Config{})
	const text = "The route is 100km (60 miles) long. The road is 100km (70 miles) long."
	for _, tt := range []struct {
		query string
		want  []string // severity of each diagnostic, in order
	}{
		{"", []string{"warning"}},
		{"?format=txt&tolerance=standard", []string{"warning"}},
		{"?tolerance=strict", []string{"info", "warning"}},
		{"?tolerance=lenient", nil},
		{"?gallon=imperial&ton=metric", []string{"warning"}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			resp, body := ts.do(t, http.MethodPost, "/v1/check"+tt.query, "text/plain; charset=utf-8", strings.NewReader(text))
			require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
			var got checkResponse
			require.NoError(t, json.Unmarshal(body, &got))
			assert.Equal(t, 2, got.PairsChecked)
			var sevs []string
			for _, d := range got.Diagnostics {
				sevs = append(sevs, d.Severity)
			}
			assert.Equal(t, tt.want, sevs)
		})
	}
}

func TestCheckHouseStyleRules(t *testing.T) {
	ts := newTestServer(t, Config{})
	const text = "Russia claims 100,000 sq km (453 sq miles). Average temperatures have risen by 1.1C (34F)."
	for _, tt := range []struct {
		name   string
		config map[string]any
		want   []string // rule:severity of each diagnostic
	}{
		{"defaults", nil, []string{"conversion:error", "temperature-change:error"}},
		{"off", map[string]any{"rules": map[string]string{"conversion": "off"}}, []string{"temperature-change:error"}},
		{"demoted", map[string]any{"rules": map[string]string{"temperature-change": "warning"}}, []string{"conversion:error", "temperature-change:warning"}},
		{"all off", map[string]any{"rules": map[string]string{"conversion": "off", "temperature-change": "off"}}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got checkResponse
			ts.postJSON(t, "/v1/check", map[string]any{"text": text, "config": tt.config}, &got)
			var rs []string
			for _, d := range got.Diagnostics {
				rs = append(rs, d.Rule+":"+d.Severity)
			}
			assert.Equal(t, tt.want, rs)
			assert.Equal(t, 2, got.PairsChecked, "pairs are counted even when their rules are off")
		})
	}
}

// TestCheckMarkup: Markdown and HTML are read as prose (inline markup and
// entities do not split a pair; code is not prose), and every offset is
// into the text sent.
func TestCheckMarkup(t *testing.T) {
	ts := newTestServer(t, Config{})
	const md = "# Kursk\n\nRussia claims **100,000 sq km** (453 sq miles). Code: `10 sq km (6.2 sq miles)`.\n"
	for _, tt := range []struct {
		format, text string
		spans        []string // the start of each diagnostic's span
		fixed        []string // the bytes each one's fix replaces
	}{
		{"md", md, []string{"100,000 sq km** (453 sq miles"}, []string{"453"}},
		{"html", "<p>Russia claims <b>100,000&nbsp;sq km</b> (453 sq miles).</p><pre>10 sq km (6.2 sq miles)</pre>",
			[]string{"100,000&nbsp;sq km</b> (453 sq miles"}, []string{"453"}},
		// as plain text, the asterisks split the first pair and the code is prose
		{"txt", md, []string{"10 sq km (6.2 sq miles"}, []string{"6.2"}},
	} {
		t.Run(tt.format, func(t *testing.T) {
			var got checkResponse
			ts.postJSON(t, "/v1/check", map[string]any{"text": tt.text, "format": tt.format}, &got)
			require.Len(t, got.Diagnostics, len(tt.spans))
			for i, d := range got.Diagnostics {
				assert.True(t, strings.HasPrefix(span(tt.text, d), tt.spans[i]), span(tt.text, d))
				e := d.Fixes[0].Edits[0]
				assert.Equal(t, tt.fixed[i], tt.text[e.Start:e.End])
			}
		})
	}
}

func TestCheckEmptyText(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := ts.do(t, http.MethodPost, "/v1/check", "application/json", strings.NewReader(`{"text":""}`))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.JSONEq(t, `{"diagnostics":[],"pairs_checked":0}`, string(body))
}

func TestFixSeedStory(t *testing.T) {
	ts := newTestServer(t, Config{})
	seed := seedStory(t)
	var got fixResponse
	ts.postJSON(t, "/v1/fix", map[string]any{"text": seed}, &got)

	assert.Equal(t, strings.Replace(seed, "100,000 sq km or 453 sq miles", "100,000 sq km or 38,600 sq miles", 1), got.Text)
	at := strings.Index(seed, "453 sq miles")
	assert.Equal(t, []report.JSONEdit{{Start: at, End: at + 3, NewText: "38,600"}}, got.Edits)
	assert.Empty(t, got.Remaining)
	assert.NotNil(t, got.Remaining)
	assert.Equal(t, 2, got.PairsChecked)

	// fixing twice changes nothing
	var again fixResponse
	ts.postJSON(t, "/v1/fix", map[string]any{"text": got.Text}, &again)
	assert.Equal(t, got.Text, again.Text)
	assert.Empty(t, again.Edits)
	assert.NotNil(t, again.Edits)
}

// todoRule reports every "TODO" without a fix, and every "XX" with two
// fixes that overlap: a rule injected to see what /v1/fix leaves.
var todoRule = &lint.Analyzer{
	Name: "todo", Summary: "a TODO left in copy", Severity: lint.SeverityWarning,
	Run: func(p *lint.Pass) (any, error) {
		for i := 0; ; {
			j := strings.Index(string(p.Doc.Text[i:]), "TODO")
			if j < 0 {
				break
			}
			p.Report(lint.Diagnostic{Start: i + j, End: i + j + 4, Message: "a TODO"})
			i += j + 4
		}
		if j := strings.Index(string(p.Doc.Text), "XX"); j >= 0 {
			p.Report(lint.Diagnostic{Start: j, End: j + 2, Message: "first", Fixes: []lint.SuggestedFix{{Message: "write ab", Edits: []lint.TextEdit{{Start: j, End: j + 2, NewText: "ab"}}}}})
			p.Report(lint.Diagnostic{Start: j + 1, End: j + 2, Message: "second", Fixes: []lint.SuggestedFix{{Message: "write c", Edits: []lint.TextEdit{{Start: j + 1, End: j + 2, NewText: "c"}}}}})
		}
		return nil, nil
	},
}

// TestFixRemaining: a diagnostic without a fix, and one whose fix
// overlaps a fix applied before it, remain, with positions in the fixed
// text.
func TestFixRemaining(t *testing.T) {
	ts := newTestServer(t, Config{Analyzers: append(rules.All(), todoRule)})
	const text = "Russia claims 100,000 sq km (453 sq miles). TODO: check XX."
	var got fixResponse
	ts.postJSON(t, "/v1/fix", map[string]any{"text": text}, &got)
	assert.Equal(t, "Russia claims 100,000 sq km (38,600 sq miles). TODO: check ab.", got.Text)
	at, xx := strings.Index(text, "453"), strings.Index(text, "XX")
	assert.Equal(t, []report.JSONEdit{{Start: at, End: at + 3, NewText: "38,600"}, {Start: xx, End: xx + 2, NewText: "ab"}}, got.Edits)
	require.Len(t, got.Remaining, 1, "ab no longer has XX in it")
	assert.Equal(t, "TODO", span(got.Text, got.Remaining[0]))
	assert.Equal(t, report.Location{Line: 1, Column: 48, Offset: 47}, got.Remaining[0].Start)
	assert.Equal(t, 1, got.PairsChecked)
}

// TestFixOverlapSkipped: of two fixes that overlap, the first is applied
// and the second's diagnostic is among the remaining ones.
func TestFixOverlapSkipped(t *testing.T) {
	always := &lint.Analyzer{
		Name: "overlap", Summary: "two fixes over one word", Severity: lint.SeverityWarning,
		Run: func(p *lint.Pass) (any, error) {
			p.Report(lint.Diagnostic{Start: 0, End: 5, Message: "first", Fixes: []lint.SuggestedFix{{Message: "a", Edits: []lint.TextEdit{{Start: 0, End: 5, NewText: "Howdy"}}}}})
			p.Report(lint.Diagnostic{Start: 2, End: 4, Message: "second", Fixes: []lint.SuggestedFix{{Message: "b", Edits: []lint.TextEdit{{Start: 2, End: 4, NewText: "--"}}}}})
			return nil, nil
		},
	}
	ts := newTestServer(t, Config{Analyzers: []*lint.Analyzer{always}})
	var got fixResponse
	ts.postJSON(t, "/v1/fix", map[string]any{"text": "Hello world"}, &got)
	assert.Equal(t, "Howdy world", got.Text)
	assert.Equal(t, []report.JSONEdit{{Start: 0, End: 5, NewText: "Howdy"}}, got.Edits)
	var msgs []string
	for _, d := range got.Remaining {
		msgs = append(msgs, d.Message)
	}
	assert.Equal(t, []string{"first", "second"}, msgs, "the rule reports on any text: both remain")
}

func TestRulesEndpoint(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := ts.do(t, http.MethodGet, "/v1/rules", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var got struct {
		Rules []ruleJSON `json:"rules"`
	}
	require.NoError(t, json.Unmarshal(body, &got))
	all := rules.All()
	require.Len(t, got.Rules, len(all))
	for i, a := range all {
		r := got.Rules[i]
		assert.Equal(t, a.Name, r.Name)
		assert.Equal(t, a.Summary, r.Summary)
		assert.Equal(t, a.Doc, r.Doc)
		assert.Equal(t, a.Severity.String(), r.Severity)
		require.Len(t, r.Examples, len(a.Examples))
		for j, ex := range a.Examples {
			// JSON carries an invalid byte (a Latin-1 example) as U+FFFD
			want := exampleJSON{Text: strings.ToValidUTF8(ex.Text, "\uFFFD"), Bad: ex.Bad, Note: ex.Note}
			assert.Equal(t, want, r.Examples[j])
		}
	}
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := ts.do(t, http.MethodGet, "/healthz", "", nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.JSONEq(t, `{"status":"ok"}`, string(body))

	resp, body = ts.do(t, http.MethodHead, "/healthz", "", nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, body)
}

func TestPageAndAssets(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, tt := range []struct {
		path, contentType, contains string
	}{
		{"/", "text/html; charset=utf-8", `<script src="/assets/app.js" defer></script>`},
		{"/assets/app.js", "text/javascript; charset=utf-8", "function byteToIndex(text, offsets)"},
		{"/assets/style.css", "text/css; charset=utf-8", "mark.problem"},
		{"/openapi.json", "application/json", `"openapi": "3.1.0"`},
	} {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := ts.do(t, http.MethodGet, tt.path, "", nil)
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, tt.contentType, resp.Header.Get("Content-Type"))
			assert.Contains(t, string(body), tt.contains)
			assert.Equal(t, contentSecurityPolicy, resp.Header.Get("Content-Security-Policy"))
			assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
			// no request leaves the server: no absolute URL in the assets
			assert.NotContains(t, string(body), "http://")
			if tt.path != "/openapi.json" {
				assert.NotContains(t, string(body), "https://")
			}

			// revalidation is a 304
			etag := resp.Header.Get("ETag")
			require.NotEmpty(t, etag)
			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, ts.http.URL+tt.path, nil)
			require.NoError(t, err)
			req.Header.Set("If-None-Match", etag)
			resp2, err := ts.http.Client().Do(req)
			require.NoError(t, err)
			resp2.Body.Close()
			assert.Equal(t, http.StatusNotModified, resp2.StatusCode)
		})
	}
}

// TestRequestLog: one structured line per request with method, path,
// status, duration and bytes.
func TestRequestLog(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, body := ts.do(t, http.MethodPost, "/v1/check", "text/plain", strings.NewReader("100km (62 miles)"))
	ts.do(t, http.MethodGet, "/v1/check", "", nil)
	lines := ts.log.logLines(t)
	require.Len(t, lines, 2)
	ok, bad := lines[0], lines[1]
	assert.Equal(t, "INFO", ok["level"])
	assert.Equal(t, "request", ok["msg"])
	assert.Equal(t, "POST", ok["method"])
	assert.Equal(t, "/v1/check", ok["path"])
	assert.InDelta(t, 200, ok["status"], 0)
	assert.InDelta(t, len(body), ok["bytes"], 0)
	assert.Greater(t, ok["duration"], 0.0)
	assert.Equal(t, "WARN", bad["level"])
	assert.InDelta(t, 405, bad["status"], 0)
}

// engine returns what the engine reports for text, in the JSON contract:
// what the API must answer.
func engine(t *testing.T, text string, opts lint.Options) []report.JSONDiagnostic {
	t.Helper()
	res, err := lint.CheckBytes(t.Context(), inputPath, []byte(text), rules.All(), opts)
	require.NoError(t, err)
	out := []report.JSONDiagnostic{}
	for _, d := range res.Diagnostics {
		out = append(out, report.NewJSONDiagnostic(inputPath, res.File, d))
	}
	return out
}
