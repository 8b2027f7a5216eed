package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// run runs the command line in the repository root and returns the exit
// code, stdout and stderr.
func run(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{
		Stdin:  strings.NewReader(stdin),
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(k string) string { return env[k] },
	})
	return code, out.String(), errOut.String()
}

// inRoot moves the test to the repository root, so paths in outputs read
// "testdata/articles/...".
func inRoot(t *testing.T) {
	t.Helper()
	t.Chdir(filepath.Join("..", ".."))
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run go test ./internal/cli -update")
	assert.Equal(t, string(want), got, "golden %s differs: run go test ./internal/cli -update and review the diff", name)
}

func TestGoldenArticles(t *testing.T) {
	inRoot(t)
	var articles []string
	for _, ext := range []string{"*.txt", "*.md", "*.html"} {
		matches, err := filepath.Glob(filepath.Join("testdata", "articles", ext))
		require.NoError(t, err)
		require.NotEmpty(t, matches, ext)
		articles = append(articles, matches...)
	}
	for _, a := range articles {
		// story.txt is "story"; story.md and story.html keep their extension
		base := strings.TrimSuffix(filepath.Base(a), ".txt")
		t.Run(base, func(t *testing.T) {
			code, out, _ := run(t, "", nil, "check", "--color", "never", "--quiet", a)
			golden(t, base+".check.txt", out)
			assert.Contains(t, []int{cli.ExitClean, cli.ExitFindings}, code)
			_, out, _ = run(t, "", nil, "check", "--format", "json", a)
			golden(t, base+".check.json", out)
			_, out, _ = run(t, "", nil, "pairs", "--format", "json", a)
			golden(t, base+".pairs.json", out)
			_, out, _ = run(t, "", nil, "pairs", a)
			golden(t, base+".pairs.txt", out)
		})
	}
}

// jsonCheck is the check contract, as a consumer reads it.
type jsonCheck struct {
	Diagnostics []struct {
		Path     string `json:"path"`
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Start    struct {
			Line, Column, Offset int
		} `json:"start"`
		End struct {
			Line, Column, Offset int
		} `json:"end"`
		Fixes []struct {
			Edits []struct {
				Start, End int
				NewText    string `json:"new_text"`
			} `json:"edits"`
		} `json:"fixes"`
	} `json:"diagnostics"`
}

func TestSeedStory(t *testing.T) {
	inRoot(t)
	path := filepath.Join("testdata", "articles", "seed-kursk.txt")
	code, out, _ := run(t, "", nil, "check", "--format", "json", path)
	assert.Equal(t, cli.ExitFindings, code)
	var got jsonCheck
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Diagnostics, 1, "exactly one diagnostic on the seed story")
	d := got.Diagnostics[0]
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "conversion", d.Rule)
	assert.Equal(t, "error", d.Severity)
	assert.Equal(t, 13, d.Start.Line)
	assert.Equal(t, "100,000 sq km or 453 sq miles", string(src[d.Start.Offset:d.End.Offset]))
	assert.Equal(t, 1+len([]rune(string(src[bytes.LastIndexByte(src[:d.Start.Offset], '\n')+1:d.Start.Offset]))), d.Start.Column)
	require.Len(t, d.Fixes, 1)
	require.Len(t, d.Fixes[0].Edits, 1)
	e := d.Fixes[0].Edits[0]
	assert.Equal(t, "453", string(src[e.Start:e.End]))
	assert.Equal(t, "38,600", e.NewText)
	assert.True(t, strings.HasPrefix(d.Message, "100,000 sq km is about 38,610 sq miles, not 453 sq miles"), d.Message)
}

func TestExitCodesAndErrors(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.txt")
	require.NoError(t, os.WriteFile(clean, []byte("Kyiv occupies 1,000 sq km (386 sq miles).\n"), 0o644))
	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("The tunnel runs for 57km (92 miles).\n"), 0o644))

	code, out, errOut := run(t, "", nil, "check", clean)
	assert.Equal(t, cli.ExitClean, code)
	assert.Empty(t, out)
	assert.Equal(t, "no problems in 1 file\n", errOut)

	code, out, errOut = run(t, "", nil, "check", bad)
	assert.Equal(t, cli.ExitFindings, code)
	assert.Contains(t, out, bad+":1:21: error: 57km is about 35.42 miles, not 92 miles")
	assert.Equal(t, "1 problem (1 error) in 1 of 1 file\n", errOut)

	code, _, _ = run(t, "", nil, "check", "--fail-level", "error", clean, bad)
	assert.Equal(t, cli.ExitFindings, code)

	missing := filepath.Join(dir, "nope.txt")
	code, _, errOut = run(t, "", nil, "check", missing, clean)
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, "unitlint: "+missing+": no such file or directory")

	code, _, errOut = run(t, "", nil, "check", "--format", "xml", clean)
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, `--format must be text, json, sarif, github, gitlab, checkstyle, rdjson or html, not "xml"`)

	code, _, errOut = run(t, "", nil, "frobnicate")
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, `unknown command "frobnicate"`)

	code, _, errOut = run(t, "", nil, "check")
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, "check needs at least one PATH")
}

func TestStdinAndDirectories(t *testing.T) {
	code, out, _ := run(t, "The rail tunnel runs for 57km (92 miles).", nil, "check", "--format", "json", "-")
	assert.Equal(t, cli.ExitFindings, code)
	var got jsonCheck
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Diagnostics, 1)
	assert.Equal(t, "<stdin>", got.Diagnostics[0].Path)

	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "b", ".hidden"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b", "z.md"), []byte("57km (92 miles)"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("57km (92 miles)"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b", ".hidden", "h.txt"), []byte("57km (92 miles)"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b", "image.png"), []byte("57km (92 miles)"), 0o644))
	code, out, _ = run(t, "", nil, "check", "--format", "json", dir)
	assert.Equal(t, cli.ExitFindings, code)
	got = jsonCheck{}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	var paths []string
	for _, d := range got.Diagnostics {
		paths = append(paths, d.Path)
	}
	assert.Equal(t, []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b", "z.md")}, paths)
}

func TestBinaryFileSkipped(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.txt")
	require.NoError(t, os.WriteFile(p, []byte("57km (92 miles)\x00"), 0o644))
	code, out, errOut := run(t, "", nil, "check", p)
	assert.Equal(t, cli.ExitClean, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, p+": skipped: binary file")
}

func TestColour(t *testing.T) {
	var out bytes.Buffer
	args := []string{"check", "-"}
	env := cli.Env{Stdin: strings.NewReader("57km (92 miles)"), Stdout: &out, Stderr: &bytes.Buffer{}, IsTerminal: true,
		Getenv: func(string) string { return "" }}
	cli.Run(context.Background(), args, env)
	assert.Contains(t, out.String(), "\x1b[")

	out.Reset()
	env.Stdin = strings.NewReader("57km (92 miles)")
	env.Getenv = func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}
	cli.Run(context.Background(), args, env)
	assert.NotContains(t, out.String(), "\x1b[")
	assert.Contains(t, out.String(), "<stdin>:1:1: error:")
}

func TestRulesCommand(t *testing.T) {
	code, out, _ := run(t, "", nil, "rules")
	assert.Equal(t, cli.ExitClean, code)
	assert.Contains(t, out, "conversion (error): a quantity and its conversion do not agree")
	assert.Contains(t, out, "temperature-change (error):")
	assert.Contains(t, out, "  bad : Russia claims 100,000 sq km (453 sq miles) of its territory.")
}
