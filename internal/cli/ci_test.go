package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/atomicfile"
	"github.com/unitlint/unitlint/internal/atomicfile/atomicfiletest"
	"github.com/unitlint/unitlint/internal/cli"
	"github.com/unitlint/unitlint/lint"
)

// runFS runs the command line with a context and a file system to write
// through, and returns the exit code, stdout and stderr.
func runFS(ctx context.Context, t *testing.T, fsys atomicfile.FS, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(ctx, args, cli.Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }, FS: fsys,
	})
	return code, out.String(), errOut.String()
}

// formatExt names each format's golden file.
var formatExt = map[string]string{
	"text": "txt", "json": "json", "sarif": "sarif", "github": "github.txt", "gitlab": "gitlab.json",
	"checkstyle": "checkstyle.xml", "rdjson": "rdjson", "html": "html",
}

// normalise replaces the working directory's file URI (which SARIF names
// as %SRCROOT%) with file:///REPO/.
func normalise(t *testing.T, s string) string {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	base := (&url.URL{Scheme: "file", Path: filepath.ToSlash(wd) + "/"}).String()
	return strings.ReplaceAll(s, base, "file:///REPO/")
}

// TestGoldenFormats checks every output format of `check` over the
// example articles against its golden file.
func TestGoldenFormats(t *testing.T) {
	inRoot(t)
	articles := filepath.Join("testdata", "articles")
	for format, ext := range formatExt {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := run(t, "", nil, "check", "--format", format, "--color", "never", articles)
			assert.Equal(t, cli.ExitFindings, code)
			golden(t, "articles.check."+ext, normalise(t, out))
			if format == "text" {
				golden(t, "articles.check.stderr.txt", errOut)
			} else {
				assert.Empty(t, errOut, "machine formats print no summary")
			}
		})
	}
}

// TestOutputFile writes a report in one format to a file while the
// terminal shows text.
func TestOutputFile(t *testing.T) {
	inRoot(t)
	articles := filepath.Join("testdata", "articles")
	_, text, textErr := run(t, "", nil, "check", "--color", "never", articles)
	for _, format := range []string{"sarif", "html", "checkstyle"} {
		t.Run(format, func(t *testing.T) {
			_, want, _ := run(t, "", nil, "check", "--format", format, articles)
			dir := t.TempDir()
			path := filepath.Join(dir, "report."+format)
			code, out, errOut := run(t, "", nil, "check", "--format", format, "--output", path, "--color", "never", articles)
			assert.Equal(t, cli.ExitFindings, code)
			assert.Equal(t, text, out, "the terminal keeps the text format")
			assert.Equal(t, textErr, errOut, "and its summary line")
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, want, string(got))
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Len(t, entries, 1, "no temporary file left")
		})
	}

	t.Run("quiet", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "r.json")
		code, _, errOut := run(t, "", nil, "check", "--quiet", "--format", "json", "--output", path, articles)
		assert.Equal(t, cli.ExitFindings, code)
		assert.Empty(t, errOut)
	})
}

func TestOutputFileFaults(t *testing.T) {
	inRoot(t)
	articles := filepath.Join("testdata", "articles")
	dir := t.TempDir()
	previous := filepath.Join(dir, "unitlint.sarif")
	require.NoError(t, os.WriteFile(previous, []byte("the previous report\n"), 0o644))
	before := snap(t, dir)

	// --output naming a directory
	code, out, errOut := runFS(context.Background(), t, nil, "check", "--format", "sarif", "--output", dir, articles)
	assert.Equal(t, cli.ExitError, code)
	assert.Empty(t, out)
	assert.Equal(t, "unitlint: write "+dir+": not a regular file\n", errOut)
	assert.Equal(t, before, snap(t, dir))

	// a full disk: the previous report stays as it was
	full := &atomicfiletest.FS{Wrap: func(f atomicfile.File) atomicfile.File {
		return &atomicfiletest.File{File: f, Limit: 100, WriteErr: syscall.ENOSPC}
	}}
	code, _, errOut = runFS(context.Background(), t, full, "check", "--format", "sarif", "--output", previous, articles)
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, "unitlint: write sarif: write "+previous+": no space left on device\n")
	assert.Equal(t, before, snap(t, dir))

	// Ctrl-C while the report is written
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	interrupt := &atomicfiletest.FS{Wrap: func(f atomicfile.File) atomicfile.File {
		return &atomicfiletest.File{File: f, OnWrite: cancel}
	}}
	code, _, errOut = runFS(ctx, t, interrupt, "check", "--format", "html", "--output", previous, articles)
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, "unitlint: interrupted\n")
	assert.Equal(t, before, snap(t, dir))
}

func snap(t *testing.T, dir string) map[string]atomicfiletest.Entry {
	t.Helper()
	s, err := atomicfiletest.Snapshot(dir)
	require.NoError(t, err)
	return s
}

// copyArticles copies the example articles into a fresh directory, adds a
// clean article with an old mtime, and moves the test there.
func copyArticles(t *testing.T) (dir, root string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	src := filepath.Join(root, "testdata", "articles")
	dir = t.TempDir()
	entries, err := os.ReadDir(src)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644))
	}
	clean := filepath.Join(dir, "clean.txt")
	require.NoError(t, os.WriteFile(clean, []byte("Kyiv occupies 1,000 sq km (386 sq miles).\n"), 0o644))
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	require.NoError(t, os.Chtimes(clean, old, old))
	t.Chdir(dir)
	return dir, root
}

// TestFixAndDiff: --diff shows the fixes and writes nothing; the diff
// applies with git; --fix writes exactly that, keeps modes, leaves clean
// files alone (not even their mtime), leaves nothing fixable; a second
// --fix changes nothing.
func TestFixAndDiff(t *testing.T) {
	dir, root := copyArticles(t)
	require.NoError(t, os.Chmod("uk-weather.txt", 0o640))
	before := snap(t, dir)

	code, diff, errOut := run(t, "", nil, "check", "--diff", ".")
	assert.Equal(t, cli.ExitFindings, code, "nothing was fixed: the findings remain")
	assert.Equal(t, before, snap(t, dir), "--diff writes nothing")
	assert.Contains(t, errOut, "\nwould fix ")
	require.NotEmpty(t, diff)
	goldenIn(t, root, "articles.fix.diff", diff)

	// the diff applies: git apply on a second copy
	applied := t.TempDir()
	for name := range before {
		if name != "." {
			require.NoError(t, os.WriteFile(filepath.Join(applied, name), []byte(before[name].Data), 0o644))
		}
	}
	git, err := exec.LookPath("git")
	require.NoError(t, err, "git is needed to check that the diff applies")
	cmd := exec.Command(git, "apply", "-p1", "-")
	cmd.Dir = applied
	cmd.Stdin = strings.NewReader(diff)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "git apply: %s", msg)

	fixCode, fixOut, errOut := run(t, "", nil, "check", "--fix", "--color", "never", ".")
	goldenIn(t, root, "articles.fix.stderr.txt", errOut)

	after := snap(t, dir)
	var encoded strings.Builder // the fixed UTF-16 files, decoded
	for _, name := range slices.Sorted(maps.Keys(after)) {
		e := after[name]
		if name == "." {
			continue
		}
		if _, enc, _ := lint.DecodeSource([]byte(before[name].Data)); enc != "" {
			// no diff shows it (a patch would not apply); --fix writes it
			// back in its own encoding
			text, encAfter, err := lint.DecodeSource([]byte(e.Data))
			require.NoError(t, err, name)
			assert.Equal(t, enc, encAfter, "%s keeps its encoding", name)
			fmt.Fprintf(&encoded, "== %s (%s)\n%s", name, encAfter, text)
			continue
		}
		want, err := os.ReadFile(filepath.Join(applied, name))
		require.NoError(t, err)
		assert.Equal(t, string(want), e.Data, "%s: --fix writes what --diff shows", name)
	}
	goldenIn(t, root, "articles.fix.encoded.txt", encoded.String())
	assert.Equal(t, before["clean.txt"], after["clean.txt"], "a clean file is not touched, not even its mtime")
	assert.Equal(t, os.FileMode(0o640), after["uk-weather.txt"].Mode.Perm(), "the file's mode is kept")
	assert.Len(t, after, len(before), "no temporary file left")

	// what --fix reported, and its exit code, are what check now finds
	code, out, _ := run(t, "", nil, "check", "--color", "never", ".")
	assert.Equal(t, code, fixCode)
	assert.Equal(t, out, fixOut)

	// and nothing fixable is left, but in the UTF-16 files --fix refuses
	// to rewrite as UTF-8
	_, out, _ = run(t, "", nil, "check", "--format", "json", ".")
	var got struct {
		Diagnostics []struct {
			Path     string
			Encoding string
			Start    struct{ Line int }
			Fixes    []any
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	for _, d := range got.Diagnostics {
		if d.Encoding == "" {
			assert.Empty(t, d.Fixes, "%s:%d: fixable after --fix", d.Path, d.Start.Line)
		}
	}

	// and a second --fix changes nothing
	code, out, errOut = run(t, "", nil, "check", "--fix", "--color", "never", ".")
	assert.Equal(t, fixCode, code)
	assert.Equal(t, fixOut, out)
	assert.Contains(t, errOut, "fixed 0 problems in 0 files\n")
	assert.Equal(t, after, snap(t, dir))
}

// goldenIn compares with a golden file of the repository at root from a
// test that runs elsewhere.
func goldenIn(t *testing.T, root, name, got string) {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	t.Chdir(root)
	golden(t, name, got)
	t.Chdir(wd)
}

// suggested returns text with the fixes `check --format json` suggests for
// it applied by hand: what --fix must write. It fails unless there is
// exactly one fix.
func suggested(t *testing.T, text string) string {
	t.Helper()
	_, out, _ := run(t, text, nil, "check", "--format", "json", "-")
	var got jsonCheck
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Diagnostics, 1, out)
	require.Len(t, got.Diagnostics[0].Fixes, 1, out)
	edits := got.Diagnostics[0].Fixes[0].Edits
	require.Len(t, edits, 1, out)
	e := edits[0]
	return text[:e.Start] + e.NewText + text[e.End:]
}

// TestFixExitCodeReflectsWhatRemains: after --fix, the report and the exit
// code are those of the fixed text: the fixable finding is gone, the
// unfixable one (an invalid byte) remains.
func TestFixExitCodeReflectsWhatRemains(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(path, []byte("Temperatures have risen by 1.1C (34F) since 1900.\nCaf\xe9 prices rose.\n"), 0o644))
	code, out, errOut := run(t, "", nil, "check", "--fix", "--format", "json", path)
	assert.Equal(t, cli.ExitFindings, code)
	var got jsonCheck
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Diagnostics, 1, out)
	assert.Equal(t, "encoding", got.Diagnostics[0].Rule)
	assert.Empty(t, got.Diagnostics[0].Fixes)
	assert.Equal(t, "fixed 1 problem in 1 file\n", errOut)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, suggested(t, "Temperatures have risen by 1.1C (34F) since 1900.\n")+"Caf\xe9 prices rose.\n", string(b))
	assert.NotContains(t, string(b), "(34F)")

	// fixed entirely, a file exits clean
	clean := filepath.Join(dir, "b.txt")
	require.NoError(t, os.WriteFile(clean, []byte("Temperatures have risen by 1.1C (34F) since 1900.\n"), 0o644))
	code, out, errOut = run(t, "", nil, "check", "--fix", clean)
	assert.Equal(t, cli.ExitClean, code, out)
	assert.Equal(t, "fixed 1 problem in 1 file\nno problems in 1 file\n", errOut)
}

func TestFixRefusesStdin(t *testing.T) {
	code, _, errOut := run(t, "57km (92 miles)", nil, "check", "--fix", "-")
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, "unitlint: usage: --fix cannot rewrite standard input; use --diff to see the fixes\n")

	code, out, _ := run(t, "The rail tunnel runs for 57km (92 miles).\n", nil, "check", "--diff", "-")
	assert.Equal(t, cli.ExitFindings, code)
	fixed := suggested(t, "The rail tunnel runs for 57km (92 miles).\n")
	assert.Equal(t, "--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n-The rail tunnel runs for 57km (92 miles).\n+"+fixed, out)
}

func TestFixFlagsBelongToCheck(t *testing.T) {
	code, _, errOut := run(t, "", nil, "pairs", "--fix", ".")
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, "flag provided but not defined: -fix")
}

// TestFixFaults: every fault that can meet a write gives a clear error
// naming the file, exit code 2, and leaves every file byte-identical (its
// bytes, mode and mtime), with no temporary file left.
func TestFixFaults(t *testing.T) {
	const bad = "The rail tunnel runs for 57km (92 miles).\n"
	tests := []struct {
		name string
		// prepare changes the directory before the run; fsys builds the
		// file system the run writes through (nil: the real one).
		prepare func(t *testing.T, path string)
		fsys    func(t *testing.T, path string, cancel func(), settled func()) atomicfile.FS
		// want is the error line, with PATH for the file's path.
		want string
	}{
		{
			// root may write anything, so read-only is the file's mode,
			// which --fix honours
			name:    "read-only file",
			prepare: func(t *testing.T, path string) { require.NoError(t, os.Chmod(path, 0o444)) },
			want:    "unitlint: write PATH: the file is read-only",
		},
		{
			name: "file replaced during the run",
			fsys: func(t *testing.T, path string, _, settled func()) atomicfile.FS {
				return &atomicfiletest.FS{BeforeCreate: func(string) {
					require.NoError(t, os.WriteFile(path+".tmp", []byte("An editor saved this meanwhile.\n"), 0o644))
					require.NoError(t, os.Rename(path+".tmp", path))
					settled()
				}}
			},
			want: "unitlint: write PATH: changed on disk since it was read; not overwriting it (run unitlint again)",
		},
		{
			name: "file turned into a directory during the run",
			fsys: func(t *testing.T, path string, _, settled func()) atomicfile.FS {
				return &atomicfiletest.FS{BeforeCreate: func(string) {
					require.NoError(t, os.Remove(path))
					require.NoError(t, os.Mkdir(path, 0o755))
					settled()
				}}
			},
			want: "unitlint: write PATH: changed on disk since it was read: is a directory",
		},
		{
			name: "full disk",
			fsys: func(t *testing.T, path string, _, _ func()) atomicfile.FS {
				return &atomicfiletest.FS{Wrap: func(f atomicfile.File) atomicfile.File {
					return &atomicfiletest.File{File: f, Limit: 7, WriteErr: syscall.ENOSPC}
				}}
			},
			want: "unitlint: write PATH: no space left on device",
		},
		{
			name: "read-only file system",
			fsys: func(t *testing.T, path string, _, _ func()) atomicfile.FS {
				return &atomicfiletest.FS{CreateErr: syscall.EROFS}
			},
			want: "unitlint: write PATH: read-only file system",
		},
		{
			name: "rename fails",
			fsys: func(t *testing.T, path string, _, _ func()) atomicfile.FS {
				return &atomicfiletest.FS{RenameErr: syscall.EIO}
			},
			want: "unitlint: write PATH: input/output error",
		},
		{
			name: "Ctrl-C while writing",
			fsys: func(t *testing.T, path string, cancel, _ func()) atomicfile.FS {
				return &atomicfiletest.FS{Wrap: func(f atomicfile.File) atomicfile.File {
					return &atomicfiletest.File{File: f, OnWrite: cancel}
				}}
			},
			want: "unitlint: write PATH: context canceled",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "bad.txt")
			require.NoError(t, os.WriteFile(path, []byte(bad), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "clean.txt"), []byte("Kyiv occupies 1,000 sq km (386 sq miles).\n"), 0o644))
			if tt.prepare != nil {
				tt.prepare(t, path)
			}
			before := snap(t, dir)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var fsys atomicfile.FS
			if tt.fsys != nil {
				// what is on disk once the swap is done is what must stay
				fsys = tt.fsys(t, path, cancel, func() { before = snap(t, dir) })
			}
			code, _, errOut := runFS(ctx, t, fsys, "check", "--fix", dir)
			assert.Equal(t, cli.ExitError, code)
			assert.Contains(t, errOut, strings.ReplaceAll(tt.want, "PATH", path)+"\n")
			assert.Equal(t, before, snap(t, dir), "every file byte-identical, no temporary file left")
		})
	}
}

// TestFixGoesOnAfterAFailure: a file that cannot be written does not stop
// the others from being fixed, and the run exits 2.
func TestFixGoesOnAfterAFailure(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	require.NoError(t, os.WriteFile(a, []byte("The rail tunnel runs for 57km (92 miles).\n"), 0o444))
	require.NoError(t, os.WriteFile(b, []byte("The lake covers 10 sq km (6.2 sq miles).\n"), 0o644))
	code, out, errOut := run(t, "", nil, "check", "--fix", "--color", "never", dir)
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, "unitlint: write "+a+": the file is read-only\n")
	assert.Contains(t, out, a+":1:26: error: 57km is about ", "what remains is reported")
	got, err := os.ReadFile(a)
	require.NoError(t, err)
	assert.Equal(t, "The rail tunnel runs for 57km (92 miles).\n", string(got))
	got, err = os.ReadFile(b)
	require.NoError(t, err)
	assert.Equal(t, suggested(t, "The lake covers 10 sq km (6.2 sq miles).\n"), string(got))
}
