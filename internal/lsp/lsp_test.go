package lsp_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/unitlint/unitlint/internal/lsp"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/markup"
	"github.com/unitlint/unitlint/rules"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

const (
	docURI = "file:///tmp/unitlint-test/story.txt"
	// bad has one wrong pair: 100,000 sq km is 38,610 sq miles.
	bad = "Russia claims 100,000 sq km (453 sq miles) of its territory.\n"
	// good has the same pair, right.
	good = "Russia claims 100,000 sq km (38,600 sq miles) of its territory.\n"
)

func TestInitializeCapabilities(t *testing.T) {
	c := start(t, lsp.Options{Version: "9.9"})
	res := c.initialize(map[string]any{})
	caps := res["capabilities"].(map[string]any)
	assert.Equal(t, "utf-16", caps["positionEncoding"])
	assert.Equal(t, map[string]any{"openClose": true, "change": 2.0, "save": true}, caps["textDocumentSync"])
	assert.Equal(t, true, caps["hoverProvider"])
	assert.Equal(t, map[string]any{"codeActionKinds": []any{"quickfix", "source.fixAll.unitlint"}}, caps["codeActionProvider"])
	assert.NotContains(t, caps, "diagnosticProvider", "a client that cannot pull gets pushed diagnostics")
	assert.Equal(t, map[string]any{"name": "unitlint", "version": "9.9"}, res["serverInfo"])
	require.NoError(t, c.stop())
}

func TestPositionEncodingNegotiation(t *testing.T) {
	for _, tt := range []struct {
		offered []string
		want    string
	}{
		{nil, "utf-16"},
		{[]string{"utf-16"}, "utf-16"},
		{[]string{"utf-32", "utf-16"}, "utf-16"},
		{[]string{"utf-16", "utf-8"}, "utf-8"},
		{[]string{"utf-8"}, "utf-8"},
	} {
		t.Run(strings.Join(tt.offered, ","), func(t *testing.T) {
			c := start(t, lsp.Options{})
			caps := map[string]any{}
			if tt.offered != nil {
				caps["general"] = map[string]any{"positionEncodings": tt.offered}
			}
			res := c.initialize(caps)
			assert.Equal(t, tt.want, res["capabilities"].(map[string]any)["positionEncoding"])
		})
	}
}

func TestPublishDiagnostics(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	c.open(docURI, "plaintext", bad)
	ds := c.diagnostics(docURI, 1)
	require.Len(t, ds, 1)
	d := ds[0]
	assert.Equal(t, span{position{0, 14}, position{0, 41}}, d.Range)
	assert.Equal(t, 1, d.Severity)
	assert.Equal(t, "conversion", d.Code)
	assert.Equal(t, "https://github.com/unitlint/unitlint/blob/main/docs/rules.md#conversion", d.CodeDescription.Href)
	assert.Equal(t, "unitlint", d.Source)
	assert.Equal(t, engine(t, bad).Diagnostics[0].Message, d.Message, "the message of unitlint check")

	c.change(docURI, 2, nil, good)
	assert.Empty(t, c.diagnostics(docURI, 2))
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": docURI}})
	cleared := c.take("cleared diagnostics", func(m message) bool { return m.Method == "textDocument/publishDiagnostics" })
	assert.JSONEq(t, `{"uri":"`+docURI+`","diagnostics":[]}`, string(cleared.Params))
	require.NoError(t, c.stop())
}

// unicodeLine has, before its pair, characters of one UTF-16 unit and
// three UTF-8 bytes (’ “ ” –), of one unit and two bytes (° ²), and an
// emoji of two units and four bytes: the pair starts at code point 37,
// UTF-16 unit 38, byte 50.
const unicodeLine = "It’s “big” – ° ² 😀 and Russia claims 100,000 sq km (453 sq miles).\n"

func TestRangesOnLinesWithNonASCII(t *testing.T) {
	text := "First line – no pairs.\n" + unicodeLine
	for _, tt := range []struct {
		encodings []string
		want      span
		fix       span // the edit of "453"
	}{
		{nil, span{position{1, 38}, position{1, 65}}, span{position{1, 53}, position{1, 56}}},
		{[]string{"utf-8", "utf-16"}, span{position{1, 50}, position{1, 77}}, span{position{1, 65}, position{1, 68}}},
	} {
		t.Run(strings.Join(tt.encodings, ","), func(t *testing.T) {
			c := start(t, lsp.Options{})
			caps := map[string]any{}
			if tt.encodings != nil {
				caps["general"] = map[string]any{"positionEncodings": tt.encodings}
			}
			c.initialize(caps)
			c.open(docURI, "plaintext", text)
			ds := c.diagnostics(docURI, 1)
			require.Len(t, ds, 1)
			assert.Equal(t, tt.want, ds[0].Range)

			var actions []codeAction
			c.call("textDocument/codeAction", map[string]any{
				"textDocument": map[string]any{"uri": docURI},
				"range":        tt.want,
				"context":      map[string]any{"diagnostics": []any{}, "only": []string{"quickfix"}},
			}, &actions)
			require.Len(t, actions, 1)
			assert.Equal(t, []textEdit{{Range: tt.fix, NewText: "38,600"}}, actions[0].Edit.Changes[docURI])

			var h hover
			c.call("textDocument/hover", map[string]any{
				"textDocument": map[string]any{"uri": docURI},
				"position":     tt.fix.Start,
			}, &h)
			assert.Equal(t, &tt.want, h.Range)
		})
	}
}

func TestIncrementalChanges(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	text := "First line – no pairs.\n" + unicodeLine
	c.open(docURI, "plaintext", text)
	require.Len(t, c.diagnostics(docURI, 1), 1)

	// "453" at UTF-16 units 53-56 of line 1 becomes 38,600: clean
	c.change(docURI, 2, &span{position{1, 53}, position{1, 56}}, "38,600")
	assert.Empty(t, c.diagnostics(docURI, 2))
	// an emoji inserted after the first one, before the pair, moves it
	c.change(docURI, 3, &span{position{1, 20}, position{1, 20}}, "🎉")
	assert.Empty(t, c.diagnostics(docURI, 3))
	// "38,600" (now at 55-61) becomes 400
	c.change(docURI, 4, &span{position{1, 55}, position{1, 61}}, "400")
	ds := c.diagnostics(docURI, 4)
	require.Len(t, ds, 1)
	assert.Equal(t, span{position{1, 40}, position{1, 67}}, ds[0].Range)
	// a new line inserted before everything
	c.change(docURI, 5, &span{position{0, 0}, position{0, 0}}, "Headline\r\n")
	ds = c.diagnostics(docURI, 5)
	require.Len(t, ds, 1)
	assert.Equal(t, span{position{2, 40}, position{2, 67}}, ds[0].Range)
	// several changes in one notification apply in order
	c.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": docURI, "version": 6},
		"contentChanges": []any{
			map[string]any{"range": span{position{0, 0}, position{1, 0}}, "text": ""},
			map[string]any{"range": span{position{1, 57}, position{1, 60}}, "text": "38,600"},
		},
	})
	assert.Empty(t, c.diagnostics(docURI, 6))
	require.NoError(t, c.stop())
}

// applyEdits applies LSP text edits (UTF-16 positions) to text.
func applyEdits(t *testing.T, text string, edits []textEdit) string {
	t.Helper()
	offset := func(p position) int {
		off := 0
		for line := 0; line < p.Line; line++ {
			i := strings.IndexByte(text[off:], '\n')
			require.GreaterOrEqual(t, i, 0)
			off += i + 1
		}
		for units := 0; units < p.Character; {
			r, size := utf8.DecodeRuneInString(text[off:])
			units += len(utf16.Encode([]rune{r}))
			off += size
		}
		return off
	}
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i].Range.Start, edits[j].Range.Start
		return a.Line > b.Line || a.Line == b.Line && a.Character > b.Character
	})
	for _, e := range edits {
		text = text[:offset(e.Range.Start)] + e.NewText + text[offset(e.Range.End):]
	}
	return text
}

func TestQuickFixThenClean(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	text := "Intro – “quoted” 😀.\n" + bad + "The lake covers 10 sq km (6.2 sq miles).\n"
	c.open(docURI, "plaintext", text)
	ds := c.diagnostics(docURI, 1)
	require.Len(t, ds, 2)

	var actions []codeAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": docURI},
		"range":        span{ds[0].Range.Start, ds[0].Range.Start}, // a cursor on the pair
		"context":      map[string]any{"diagnostics": []any{ds[0]}},
	}, &actions)
	require.Len(t, actions, 2)
	fix := actions[0]
	assert.Equal(t, "Write 38,600 sq miles", fix.Title)
	assert.Equal(t, "quickfix", fix.Kind)
	assert.True(t, fix.IsPreferred)
	assert.Equal(t, []diagnostic{ds[0]}, fix.Diagnostics)
	all := actions[1]
	assert.Equal(t, "source.fixAll.unitlint", all.Kind)
	assert.Equal(t, "Fix all unit conversions (2)", all.Title)
	assert.Equal(t, ds, all.Diagnostics)

	text = applyEdits(t, text, fix.Edit.Changes[docURI])
	assert.Contains(t, text, "100,000 sq km (38,600 sq miles)")
	c.change(docURI, 2, nil, text)
	ds = c.diagnostics(docURI, 2)
	require.Len(t, ds, 1)
	assert.Equal(t, 2, ds[0].Range.Start.Line)

	// fix all, asked for as a source action (as on save)
	actions = nil
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": docURI},
		"range":        span{},
		"context":      map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}},
	}, &actions)
	require.Len(t, actions, 1)
	text = applyEdits(t, text, actions[0].Edit.Changes[docURI])
	c.change(docURI, 3, nil, text)
	assert.Empty(t, c.diagnostics(docURI, 3))
	assert.Equal(t, "Intro – “quoted” 😀.\n"+good+"The lake covers 10 sq km ("+fixOf(t, "The lake covers 10 sq km (6.2 sq miles).")+" sq miles).\n", text)

	// fixing twice changes nothing: no actions are left
	actions = nil
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": docURI},
		"range":        span{position{0, 0}, position{3, 0}},
		"context":      map[string]any{"diagnostics": []any{}},
	}, &actions)
	assert.Empty(t, actions)
	require.NoError(t, c.stop())
}

// engine lints text as `unitlint check` does.
func engine(t *testing.T, text string) *lint.Result {
	t.Helper()
	res, err := lint.CheckBytes(context.Background(), "a.txt", []byte(text), append([]*lint.Analyzer{rules.Judgements}, rules.All()...), lint.Options{})
	require.NoError(t, err)
	return res
}

// judgedOf returns the engine's one judged pair of text.
func judgedOf(t *testing.T, text string) rules.Judged {
	t.Helper()
	js, _ := engine(t, text).Facts[rules.Judgements].([]rules.Judged)
	require.Len(t, js, 1)
	return js[0]
}

// fixOf returns the new text of the engine's fix for the one finding in
// text.
func fixOf(t *testing.T, text string) string {
	t.Helper()
	res := engine(t, text)
	require.Len(t, res.Diagnostics, 1)
	require.Len(t, res.Diagnostics[0].Fixes, 1)
	require.Len(t, res.Diagnostics[0].Fixes[0].Edits, 1)
	return res.Diagnostics[0].Fixes[0].Edits[0].NewText
}

func TestHover(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	c.open(docURI, "plaintext", bad+"Kyiv says it occupies 1,000 sq km (386 sq miles).\nIt reached 35C (90F) today.\n")
	c.diagnostics(docURI, 1)
	at := func(line, char int) *hover {
		var h *hover
		c.call("textDocument/hover", map[string]any{
			"textDocument": map[string]any{"uri": docURI},
			"position":     position{line, char},
		}, &h)
		return h
	}
	h := at(0, 30) // on "453"
	require.NotNil(t, h)
	assert.Equal(t, "markdown", h.Contents.Kind)
	j := judgedOf(t, bad)
	require.Equal(t, judge.CauseOther, j.Result.Cause, "no known mistake explains 453")
	assert.Equal(t, "**100,000 sq km = 38,610.2 square miles**\n\n"+
		"453 sq miles is 98.8% too small; no common mistake explains it.\n\n"+
		strings.ToUpper(j.Result.Explanation[:1])+j.Result.Explanation[1:]+".\n\n"+
		"Fix: write 38,600 sq miles.", h.Contents.Value)
	assert.Equal(t, &span{position{0, 14}, position{0, 41}}, h.Range)

	h = at(1, 24) // on "1,000"
	require.NotNil(t, h)
	assert.Equal(t, "**1,000 sq km = 386.102 square miles**\n\n386 sq miles is 0.0265% too small: an honest rounding.", h.Contents.Value)

	h = at(2, 16) // on "90F"
	require.NotNil(t, h)
	assert.Contains(t, h.Contents.Value, "**35C = 95 degrees Fahrenheit**\n\n90F is 5.0°F too low")

	assert.Nil(t, at(0, 3), "no pair under the cursor")
	require.NoError(t, c.stop())
}

func TestHoverRestatement(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	text := "The pipeline will run 1,200km to the coast. Opponents say the 1,200-mile pipeline will cross three parks.\n"
	c.open(docURI, "plaintext", text)
	ds := c.diagnostics(docURI, 1)
	require.Len(t, ds, 1)
	assert.Equal(t, "restatement", ds[0].Code)
	at := func(char int) *hover {
		var h *hover
		c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": docURI}, "position": position{0, char}}, &h)
		return h
	}
	later := strings.Index(text, "1,200-mile")
	h := at(later + 2)
	require.NotNil(t, h)
	assert.True(t, strings.HasPrefix(h.Contents.Value, "**1,200km = 745.645 miles**\n\n1,200-mile is 60.9% too large"), h.Contents.Value)
	assert.Equal(t, &span{position{0, later}, position{0, later + len("1,200-mile")}}, h.Range, "the quantity hovered")
	require.NotNil(t, at(24), "the first mention")
	assert.Nil(t, at(strings.Index(text, "coast")), "between the two mentions")
	require.NoError(t, c.stop())
}

func TestPullDiagnostics(t *testing.T) {
	c := start(t, lsp.Options{})
	res := c.initialize(map[string]any{
		"textDocument": map[string]any{"diagnostic": map[string]any{}},
		"workspace":    map[string]any{"diagnostics": map[string]any{"refreshSupport": true}},
	})
	assert.Equal(t, map[string]any{"identifier": "unitlint", "interFileDependencies": false, "workspaceDiagnostics": false},
		res["capabilities"].(map[string]any)["diagnosticProvider"])
	c.open(docURI, "plaintext", bad)
	var report struct {
		Kind  string       `json:"kind"`
		Items []diagnostic `json:"items"`
	}
	c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": docURI}}, &report)
	assert.Equal(t, "full", report.Kind)
	require.Len(t, report.Items, 1)
	assert.Equal(t, "conversion", report.Items[0].Code)

	c.change(docURI, 2, nil, good)
	c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": docURI}}, &report)
	assert.Empty(t, report.Items)

	// new settings: the server asks the client to pull again
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"tolerance": "strict"}})
	refresh := c.take("a refresh request", func(m message) bool { return m.Method == "workspace/diagnostic/refresh" })
	c.send(map[string]any{"jsonrpc": "2.0", "id": refresh.ID, "result": nil})
	require.NoError(t, c.stop())
	for _, m := range c.backlog {
		assert.NotEqual(t, "textDocument/publishDiagnostics", m.Method, "a client that pulls is not pushed to")
	}
}

func TestConfigurationSettings(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	c.open(docURI, "plaintext", bad+"The road is 100km (60 miles) long.\n")
	severities := func() []int {
		var out []int
		for _, d := range c.diagnostics(docURI, 1) {
			out = append(out, d.Severity)
		}
		return out
	}
	assert.Equal(t, []int{1}, severities(), "60 miles is a fair rounding of 62.1")

	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{
		"unitlint": map[string]any{"rules": map[string]any{"conversion": "warning"}},
	}})
	assert.Equal(t, []int{2}, severities())

	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{
		"unitlint": map[string]any{"rules": map[string]any{"conversion": "off"}},
	}})
	assert.Empty(t, severities())

	// an invalid setting is an error in the log and changes nothing
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"tolerance": "loose"}})
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": docURI}, "position": position{}}, nil)
	assert.Contains(t, c.log.String(), `unitlint setting tolerance must be strict, standard or lenient, not \"loose\"`)

	// bare settings replace the earlier ones, rules included; strict
	// notes the coarse rounding
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"tolerance": "strict"}})
	assert.Equal(t, []int{1, 3}, severities())
	require.NoError(t, c.stop())
}

func TestConfigurationFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".unitlint.yaml"), []byte("rules:\n  conversion: warning\nignore:\n  - drafts\n"), 0o600))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "drafts"), 0o700))
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	story := "file://" + filepath.ToSlash(filepath.Join(dir, "story.md"))
	c.open(story, "markdown", bad)
	ds := c.diagnostics(story, 1)
	require.Len(t, ds, 1)
	assert.Equal(t, 2, ds[0].Severity, ".unitlint.yaml makes conversion a warning")

	draft := "file://" + filepath.ToSlash(filepath.Join(dir, "drafts", "wip.md"))
	c.open(draft, "markdown", bad)
	assert.Empty(t, c.diagnostics(draft, 1), ".unitlint.yaml ignores drafts/")

	// the editor's setting beats the file
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"unitlint": map[string]any{"rules": map[string]any{"conversion": "error"}}}})
	ds = c.diagnostics(story, 1)
	require.Len(t, ds, 1)
	assert.Equal(t, 1, ds[0].Severity)

	// a broken file is shown to the writer once, and the defaults apply
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".unitlint.yaml"), []byte("tolerance: loose\n"), 0o600))
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": story}})
	shown := c.take("a message", func(m message) bool { return m.Method == "window/showMessage" })
	assert.Contains(t, string(shown.Params), `tolerance must be strict, standard or lenient, not \"loose\" (using the defaults)`)
	ds = c.diagnostics(story, 1)
	require.Len(t, ds, 1)
	assert.Equal(t, 1, ds[0].Severity)
	require.NoError(t, c.stop())
}

func TestLanguages(t *testing.T) {
	c := start(t, lsp.Options{Languages: []string{"markdown", "mdx"}})
	c.initialize(map[string]any{})
	c.open("file:///tmp/a.go", "go", bad)
	c.open("file:///tmp/b.txt", "plaintext", bad)
	c.open("file:///tmp/c.mdx", "mdx", bad)
	require.Len(t, c.diagnostics("file:///tmp/c.mdx", 1), 1)
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///tmp/c.mdx"}, "position": position{0, 0}}, nil)
	var h *hover
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///tmp/a.go"}, "position": position{0, 30}}, &h)
	assert.Nil(t, h, "a document in another language is not linted")

	// the editor's settings change the list: mdx is dropped, plaintext taken
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"languages": []string{"plaintext"}}})
	cleared := c.take("cleared diagnostics", func(m message) bool {
		return m.Method == "textDocument/publishDiagnostics" && strings.Contains(string(m.Params), "c.mdx")
	})
	assert.JSONEq(t, `{"uri":"file:///tmp/c.mdx","diagnostics":[]}`, string(cleared.Params))
	require.Len(t, c.diagnostics("file:///tmp/b.txt", 1), 1)
	require.NoError(t, c.stop())
	for _, m := range c.backlog {
		assert.NotEqual(t, "textDocument/publishDiagnostics", m.Method, "%s", m.Params)
	}
}

func TestProtocolErrors(t *testing.T) {
	c := start(t, lsp.Options{MaxMessageSize: 1 << 10})
	assert.Equal(t, -32002, c.callError("textDocument/hover", map[string]any{}).Code, "before initialize")
	c.initialize(map[string]any{})
	assert.Equal(t, -32600, c.callError("initialize", map[string]any{"capabilities": map[string]any{}}).Code, "initialize twice")

	nullError := func(what string) rpcError {
		m := c.take(what, func(m message) bool { return string(m.ID) == "null" })
		require.NotNil(t, m.Error, what)
		return *m.Error
	}
	c.sendRaw([]byte("Content-Length: 2x\r\n\r\n{}"))
	assert.Equal(t, -32700, nullError("an answer to a malformed header").Code)
	c.sendRaw([]byte("Content-Length: 5000\r\n\r\n" + strings.Repeat(" ", 5000)))
	e := nullError("an answer to a message over the limit")
	assert.Equal(t, -32700, e.Code)
	assert.Contains(t, e.Message, "a message of 5000 bytes is over the limit of 1024 bytes")
	c.sendRaw([]byte("Content-Length: 9\r\n\r\n{not json"))
	assert.Equal(t, -32700, nullError("an answer to bad JSON").Code)
	c.sendRaw([]byte(`Content-Length: 46` + "\r\n\r\n" + `{"jsonrpc":"2.0","id":77,"method":["a","b"]}  `))
	m := c.response(77)
	require.NotNil(t, m.Error)
	assert.Equal(t, -32600, m.Error.Code, "an invalid request is answered with its id")

	assert.Equal(t, -32601, c.callError("unitlint/unknown", map[string]any{}).Code)
	assert.Equal(t, -32601, c.callError("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": docURI}, "position": position{}}).Code)
	e = c.callError("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere.txt"}, "position": position{}})
	assert.Equal(t, -32602, e.Code)
	assert.Equal(t, "document file:///nowhere.txt is not open", e.Message)
	c.notify("unitlint/unknownNotification", map[string]any{})
	c.change("file:///nowhere.txt", 2, nil, "x")
	c.notify("textDocument/didOpen", map[string]any{"textDocument": 42})

	// after all that, the server still works
	c.open(docURI, "plaintext", bad)
	require.Len(t, c.diagnostics(docURI, 1), 1)
	c.call("shutdown", nil, nil)
	assert.Equal(t, -32600, c.callError("textDocument/hover", map[string]any{}).Code, "after shutdown")
	c.notify("exit", nil)
	require.NoError(t, <-c.served)
	c.served <- nil

	log := c.log.String()
	for _, want := range []string{
		`Content-Length \"2x\" is not a length`,
		"a message of 5000 bytes is over the limit of 1024 bytes",
		"bad message",
		"method not found: unitlint/unknown",
		"didChange: document file:///nowhere.txt is not open",
		"method=textDocument/didOpen",
	} {
		assert.Contains(t, log, want)
	}
}

func TestExitCodes(t *testing.T) {
	t.Run("exit after shutdown", func(t *testing.T) {
		c := start(t, lsp.Options{})
		c.initialize(map[string]any{})
		require.NoError(t, c.stop())
	})
	t.Run("exit without shutdown", func(t *testing.T) {
		c := start(t, lsp.Options{})
		c.initialize(map[string]any{})
		c.notify("exit", nil)
		err := <-c.served
		c.served <- err
		assert.ErrorIs(t, err, lsp.ErrNoShutdown)
	})
	t.Run("end of input without shutdown", func(t *testing.T) {
		c := start(t, lsp.Options{})
		c.initialize(map[string]any{})
		require.NoError(t, c.in.Close())
		err := <-c.served
		c.served <- err
		assert.True(t, errors.Is(err, lsp.ErrNoShutdown), "%v", err)
	})
}

func TestLargeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("a 50 MB document")
	}
	line := "The council said the plans would be published later this year after a public consultation.\n"
	var b strings.Builder
	for b.Len() < 50<<20 {
		b.WriteString(line)
	}
	lines := strings.Count(b.String(), "\n")
	b.WriteString(unicodeLine)
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	c.open(docURI, "plaintext", b.String())
	ds := c.diagnostics(docURI, 1)
	require.Len(t, ds, 1)
	assert.Equal(t, span{position{lines, 38}, position{lines, 65}}, ds[0].Range)
	c.change(docURI, 2, &span{position{lines, 53}, position{lines, 56}}, "38,600")
	assert.Empty(t, c.diagnostics(docURI, 2))
	require.NoError(t, c.stop())
}

// TestDiagnosticsJSON pins a published diagnostic's wire form.
func TestDiagnosticsJSON(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	c.open(docURI, "plaintext", bad)
	m := c.take("diagnostics", func(m message) bool { return m.Method == "textDocument/publishDiagnostics" })
	var p struct {
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}
	require.NoError(t, json.Unmarshal(m.Params, &p))
	require.Len(t, p.Diagnostics, 1)
	message, err := json.Marshal(engine(t, bad).Diagnostics[0].Message)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"range": {"start": {"line": 0, "character": 14}, "end": {"line": 0, "character": 41}},
		"severity": 1,
		"code": "conversion",
		"codeDescription": {"href": "https://github.com/unitlint/unitlint/blob/main/docs/rules.md#conversion"},
		"source": "unitlint",
		"message": `+string(message)+`
	}`, string(p.Diagnostics[0]))
	require.NoError(t, c.stop())
}

// blocker is a whole-document rule that, on a document holding "WAIT",
// blocks until its lint is cancelled, and on one holding "SLOW", until
// release is closed (whatever its context says).
func blocker(release <-chan struct{}) *lint.Analyzer {
	return &lint.Analyzer{
		Name: "blocker", Summary: "blocks", Doc: "Blocks.", Severity: lint.SeverityInfo,
		Run: func(p *lint.Pass) (any, error) {
			switch {
			case strings.Contains(string(p.Doc.Text), "WAIT"):
				<-p.Context.Done()
				return nil, p.Context.Err()
			case strings.Contains(string(p.Doc.Text), "SLOW"):
				<-release
			}
			return nil, nil
		},
	}
}

func TestCancelRequest(t *testing.T) {
	// a debounce that never ends: only the hover lints the document
	c := start(t, lsp.Options{Rules: append(rules.All(), blocker(nil)), Debounce: time.Hour})
	c.initialize(map[string]any{})
	c.open(docURI, "plaintext", "WAIT. "+bad)
	id := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": docURI}, "position": position{0, 30}})
	c.notify("$/cancelRequest", map[string]any{"id": id})
	m := c.response(id)
	require.NotNil(t, m.Error)
	assert.Equal(t, -32800, m.Error.Code)
	// the connection goes on
	c.change(docURI, 2, nil, bad)
	var h *hover
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": docURI}, "position": position{0, 30}}, &h)
	require.NotNil(t, h)
	require.NoError(t, c.stop())
}

// TestStaleVersionNotPublished holds the lint of version 1 until version
// 2 is published, then lets it finish: its diagnostics must never be
// published.
func TestStaleVersionNotPublished(t *testing.T) {
	release := make(chan struct{})
	c := start(t, lsp.Options{Rules: append(rules.All(), blocker(release))})
	c.initialize(map[string]any{})
	c.open(docURI, "plaintext", "SLOW. "+bad)
	c.change(docURI, 2, nil, bad+bad)
	require.Len(t, c.diagnostics(docURI, 2), 2)
	close(release)
	require.NoError(t, c.stop()) // Serve returns once every lint has finished
	for _, m := range c.backlog {
		assert.NotEqual(t, "textDocument/publishDiagnostics", m.Method, "stale: %s", m.Params)
	}
}

// TestFloodOfChanges sends hundreds of changes at once; whatever the
// server publishes must match the version it names, and the last version
// must be published.
func TestFloodOfChanges(t *testing.T) {
	for _, debounce := range []time.Duration{0, 5 * time.Millisecond} {
		t.Run(debounce.String(), func(t *testing.T) {
			c := start(t, lsp.Options{Debounce: debounce})
			c.initialize(map[string]any{})
			c.open(docURI, "plaintext", good)
			const n = 400
			// odd versions are right ("38,600"), even ones wrong ("3,860")
			texts := map[bool]string{true: "38,600", false: "3,860"}
			var burst strings.Builder
			for v := 2; v <= n; v++ {
				prev := texts[(v-1)%2 == 1]
				body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
					"textDocument": map[string]any{"uri": docURI, "version": v},
					"contentChanges": []any{map[string]any{
						"range": span{position{0, 29}, position{0, 29 + len(prev)}},
						"text":  texts[v%2 == 1],
					}},
				}})
				require.NoError(t, err)
				fmt.Fprintf(&burst, "Content-Length: %d\r\n\r\n%s", len(body), body)
			}
			c.sendRaw([]byte(burst.String()))
			require.Len(t, c.diagnostics(docURI, n), 1, "version %d is wrong", n)
			require.NoError(t, c.stop())
			last := 0
			for _, m := range c.backlog {
				if m.Method != "textDocument/publishDiagnostics" {
					continue
				}
				var p publishParams
				require.NoError(t, json.Unmarshal(m.Params, &p))
				require.NotNil(t, p.Version)
				v := *p.Version
				assert.Greater(t, v, last, "versions only go up")
				last = v
				assert.Equal(t, 1-v%2, len(p.Diagnostics), "version %d published with %d diagnostics", v, len(p.Diagnostics))
			}
			assert.Less(t, last, n, "version %d was published once, before the rest", n)
		})
	}
}

// utf16Position converts a byte offset of text to an LSP position
// counting UTF-16 units, independently of the server's code.
func utf16Position(text string, off int) position {
	line := strings.Count(text[:off], "\n")
	start := strings.LastIndexByte(text[:off], '\n') + 1
	return position{line, len(utf16.Encode([]rune(text[start:off])))}
}

// TestMarkdownAndHTML lints documents through lint/markup: the ranges are
// those of the source, markup included, and comments suppress.
func TestMarkdownAndHTML(t *testing.T) {
	docs := []struct {
		uri, languageID, text string
	}{
		{"file:///tmp/story.md", "markdown", "# Front – line 😀\n\n" +
			"Russia claims **100,000 sq km** (453 sq miles), not `5 km (1 mile)`.\n\n" +
			"<!-- unitlint-disable-next-line -->\nIt claims 100,000 sq km (453 sq miles) too.\n\n" +
			"The lake covers 10&nbsp;sq km (6.2 sq miles).\n"},
		{"file:///tmp/story.html", "html", "<h1>Front – line</h1>\n<p>Russia claims <b>100,000 sq km</b> (453 sq miles).</p>\n" +
			"<pre>5 km (1 mile)</pre>\n<p>The lake covers 10&nbsp;sq km (6.2&#160;sq miles).</p>\n"},
	}
	for _, doc := range docs {
		t.Run(doc.languageID, func(t *testing.T) {
			c := start(t, lsp.Options{})
			c.initialize(map[string]any{})
			c.open(doc.uri, doc.languageID, doc.text)
			ds := c.diagnostics(doc.uri, 1)

			kind, err := markup.ParseKind(doc.languageID)
			require.NoError(t, err)
			want, err := lint.Analyze(context.Background(), mustParse(t, kind, doc.text), rules.All(), &lint.Options{})
			require.NoError(t, err)
			require.Len(t, want.Diagnostics, 2, "the engine finds the two pairs outside code and comments")
			require.Len(t, ds, 2)
			for i, w := range want.Diagnostics {
				assert.Equal(t, span{utf16Position(doc.text, w.Start), utf16Position(doc.text, w.End)}, ds[i].Range)
				assert.Equal(t, w.Message, ds[i].Message)
			}

			var actions []codeAction
			c.call("textDocument/codeAction", map[string]any{
				"textDocument": map[string]any{"uri": doc.uri},
				"range":        span{},
				"context":      map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}},
			}, &actions)
			require.Len(t, actions, 1)
			fixed := applyEdits(t, doc.text, actions[0].Edit.Changes[doc.uri])
			c.change(doc.uri, 2, nil, fixed)
			assert.Empty(t, c.diagnostics(doc.uri, 2), "fixed:\n%s", fixed)
			require.NoError(t, c.stop())
		})
	}
}

func mustParse(t *testing.T, kind markup.Kind, text string) *lint.Document {
	t.Helper()
	doc, err := kind.Parser()(context.Background(), lint.NewFile("a", []byte(text)))
	require.NoError(t, err)
	return doc
}

// TestGallonAndTonSettings: the editor's house style for a bare gallon
// and ton (the copy's "litres" and "tonnes" read as British).
func TestGallonAndTonSettings(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize(map[string]any{})
	c.open(docURI, "plaintext", "The tank holds 10 gallons (38 litres) of fuel. The ship carried 100 tons (91 tonnes) of grain.\n")
	count := func() int { return len(c.diagnostics(docURI, 1)) }
	assert.Equal(t, 2, count(), "British copy: imperial gallons, long tons")
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"gallon": "us"}})
	assert.Equal(t, 1, count())
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"gallon": "us", "ton": "short"}})
	assert.Equal(t, 0, count())
	require.NoError(t, c.stop())
}
