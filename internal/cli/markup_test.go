package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/cli"
)

// TestMarkupFiles: a directory walk lints .md, .markdown, .html and .htm
// files as their markup, and reports in the file's own positions.
func TestMarkupFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.md":       "Kyiv: **100,000 sq km** (453 sq miles).\n\n`57km (92 miles)`\n",
		"b.markdown": "# The *57km* (92 miles) tunnel\n",
		"c.html":     "<p>Moscow: <b>100,000&nbsp;sq km</b> (453 sq miles)</p><pre>57km (92 miles)</pre>\n",
		"d.htm":      "<img alt=\"A 57km (92 miles) tunnel\">\n",
		"e.rst":      "The tunnel runs for 57km (92 miles).\n",
	}
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	code, out, _ := run(t, "", nil, "check", "--format", "json", dir)
	assert.Equal(t, cli.ExitFindings, code)
	var got jsonCheck
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	type pos struct {
		path              string
		line, col, offset int
		text              string
	}
	var ps []pos
	for _, d := range got.Diagnostics {
		src := files[filepath.Base(d.Path)]
		ps = append(ps, pos{filepath.Base(d.Path), d.Start.Line, d.Start.Column, d.Start.Offset, src[d.Start.Offset:d.End.Offset]})
	}
	assert.Equal(t, []pos{
		{"a.md", 1, 9, 8, "100,000 sq km** (453 sq miles"},
		{"b.markdown", 1, 8, 7, "57km* (92 miles"},
		{"c.html", 1, 15, 14, "100,000&nbsp;sq km</b> (453 sq miles"},
		{"d.htm", 1, 13, 12, "57km (92 miles"},
	}, ps, "e.rst is not walked; code and <pre> are not prose")

	// named on the command line, an unknown extension is plain text
	code, out, _ = run(t, "", nil, "check", "--format", "json", filepath.Join(dir, "e.rst"))
	assert.Equal(t, cli.ExitFindings, code)
	got = jsonCheck{}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Diagnostics, 1)
	assert.Equal(t, 21, got.Diagnostics[0].Start.Column)
}

func TestReportUnusedSuppressions(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	src := "<!-- unitlint-disable-next-line conversion -->\nThe tunnel runs for 57km (92 miles).\n\n" +
		"<!-- unitlint-disable-next-line -->\nA clean line.\n"
	require.NoError(t, os.WriteFile(p, []byte(src), 0o644))

	code, out, errOut := run(t, "", nil, "check", "--color", "never", p)
	assert.Equal(t, cli.ExitClean, code)
	assert.Empty(t, out)
	assert.Equal(t, "no problems in 1 file\n", errOut)

	code, out, _ = run(t, "", nil, "check", "--color", "never", "--report-unused-suppressions", p)
	assert.Equal(t, cli.ExitFindings, code)
	assert.Equal(t, p+":4:1: warning: unitlint-disable-next-line suppresses nothing: no diagnostic is reported here (unused-suppression)\n"+
		"    4 | <!-- unitlint-disable-next-line -->\n"+
		"      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n", out)

	// plain text: a marker
	txt := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(txt, []byte("It runs for 57km (92 miles). unitlint:ignore\n"), 0o644))
	code, _, _ = run(t, "", nil, "check", "--report-unused-suppressions", txt)
	assert.Equal(t, cli.ExitClean, code)
}

// TestJSONEncoding: a UTF-16 file is decoded, and its diagnostics say so.
func TestJSONEncoding(t *testing.T) {
	dir := t.TempDir()
	text := "\uFEFFIt was 35\u00b0C.\r\nThe tunnel runs for 57km (92 miles).\r\n"
	var b []byte
	for _, u := range utf16.Encode([]rune(text)) {
		b = append(b, byte(u), byte(u>>8))
	}
	p := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(p, b, 0o644))
	_, out, _ := run(t, "", nil, "check", "--format", "json", p)
	var got struct {
		Diagnostics []struct {
			Start    struct{ Line, Column, Offset int } `json:"start"`
			Encoding string                             `json:"encoding"`
		} `json:"diagnostics"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Diagnostics, 1)
	d := got.Diagnostics[0]
	assert.Equal(t, "utf-16le", d.Encoding)
	assert.Equal(t, [3]int{2, 21, 35}, [3]int{d.Start.Line, d.Start.Column, d.Start.Offset}, "offsets of the decoded text, which has no BOM")

	// UTF-8 with a BOM: no field, and offsets are the file's
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	_, out, _ = run(t, "", nil, "check", "--format", "json", p)
	got.Diagnostics = nil
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Diagnostics, 1)
	d = got.Diagnostics[0]
	assert.Empty(t, d.Encoding)
	assert.NotContains(t, out, `"encoding"`)
	assert.Equal(t, [3]int{2, 21, 38}, [3]int{d.Start.Line, d.Start.Column, d.Start.Offset})
}
