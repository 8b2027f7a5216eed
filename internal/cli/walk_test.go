package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/config"
)

// makeTree writes files (slash paths → contents; a path ending in "/" is
// a directory, a contents starting with "-> " a symlink to the rest) under
// root, in the order given.
func makeTree(t testing.TB, root string, files [][2]string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f[0]))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		switch {
		case strings.HasSuffix(f[0], "/"):
			require.NoError(t, os.MkdirAll(p, 0o755))
		case strings.HasPrefix(f[1], "-> "):
			require.NoError(t, os.Symlink(filepath.FromSlash(strings.TrimPrefix(f[1], "-> ")), p))
		default:
			require.NoError(t, os.WriteFile(p, []byte(f[1]), 0o644))
		}
	}
}

// collect runs collectInputs in the working directory with the
// configuration discovered, and returns the paths (slash-separated), the
// errors and the notices.
func collect(t *testing.T, paths ...string) (got []string, errs []string, notices []string) {
	t.Helper()
	loader, err := config.NewLoader("", nil)
	require.NoError(t, err)
	set := collectInputs(paths, strings.NewReader(""), loader)
	for _, in := range set.inputs {
		got = append(got, filepath.ToSlash(in.Path))
		require.NotNil(t, in.Options, in.Path)
	}
	for _, e := range set.errs {
		errs = append(errs, e.Error())
	}
	return got, errs, set.notices
}

func TestWalk(t *testing.T) {
	outside := t.TempDir()
	makeTree(t, outside, [][2]string{{"secret.txt", "57km (92 miles)"}, {"more/m.txt", ""}})
	root := t.TempDir()
	makeTree(t, root, [][2]string{
		{".git/", ""},
		{".git/info/exclude", "# local\nscratch.txt\n"},
		{"scratch.txt", ""},
		{".gitignore", "# build output and drafts\n*.draft.md\narchive/\n"},
		{".unitlint.yaml", "ignore:\n  - sub/skip\n  - \"**/*.tmp.txt\"\nextensions:\n  .mdx: markdown\n"},
		{".h.md", ""},
		{".hidden/h.md", ""},
		{"a.txt", ""},
		{"b.md", ""},
		{"c.html", ""},
		{"C.TXT", ""},
		{"doc.mdx", ""},
		{"notes.rst", ""},
		{"x.draft.md", ""},
		{"y.tmp.txt", ""},
		{"archive/old.md", ""},
		{"desk/.unitlint.yaml", "ignore: [private]\n"},
		{"desk/private/p.txt", ""},
		{"desk/pub.txt", ""},
		{"desk/q.tmp.txt", ""},
		{"other/local.txt", ""},
		{"sub/.gitignore", "!keep.draft.md\nlocal.txt\n"},
		{"sub/keep.draft.md", ""},
		{"sub/gone.draft.md", ""},
		{"sub/local.txt", ""},
		{"sub/skip/s.txt", ""},
		{"sub/z.markdown", ""},
		// symlinks
		{"loop", "-> ."},
		{"sub/up", "-> .."},
		{"linked.txt", "-> a.txt"},
		{"sub/linked-up.md", "-> ../b.md"},
		{"outside.txt", "-> " + filepath.Join(outside, "secret.txt")},
		{"outdir", "-> " + outside},
		{"broken.txt", "-> nowhere.txt"},
		{"selfloop.txt", "-> selfloop.txt"},
	})
	t.Chdir(root)

	got, errs, notices := collect(t, ".")
	assert.Empty(t, errs)
	assert.Equal(t, []string{
		"broken.txt: skipped: a symlink that leads nowhere (broken, or a loop)",
		"selfloop.txt: skipped: a symlink that leads nowhere (broken, or a loop)",
	}, notices)
	assert.Equal(t, []string{
		"C.TXT",           // extensions match case-insensitively; lexical order puts capitals first
		"a.txt",           //
		"b.md",            //
		"c.html",          //
		"desk/pub.txt",    // desk's own file ignores private/, and does not inherit **/*.tmp.txt
		"desk/q.tmp.txt",  //
		"doc.mdx",         // .mdx is mapped by the configuration
		"linked.txt",      // a symlink to a file inside the tree
		"other/local.txt", // sub/.gitignore does not reach other/
		"sub/keep.draft.md",
		"sub/linked-up.md",
		"sub/z.markdown",
	}, got)

	// the repository's .gitignore applies when a subdirectory is walked;
	// sub/linked-up.md now leads out of the tree walked
	got, errs, _ = collect(t, "sub")
	assert.Empty(t, errs)
	assert.Equal(t, []string{"sub/keep.draft.md", "sub/z.markdown"}, got)

	// an ignored directory named on the command line is walked
	got, _, _ = collect(t, "archive")
	assert.Equal(t, []string{"archive/old.md"}, got)

	// files named are linted whatever their extension, hidden or
	// gitignored; only the configuration's ignore globs skip them
	got, errs, notices = collect(t, "notes.rst", "x.draft.md", ".h.md", "y.tmp.txt", filepath.Join("desk", "private", "p.txt"), "linked.txt")
	assert.Empty(t, errs)
	assert.Equal(t, []string{"notes.rst", "x.draft.md", ".h.md", "linked.txt"}, got)
	assert.Equal(t, []string{
		`y.tmp.txt: skipped: ignored by "**/*.tmp.txt" (.unitlint.yaml:3)`,
		filepath.Join("desk", "private", "p.txt") + `: skipped: ignored by "private" (` + filepath.Join("desk", ".unitlint.yaml") + `:1)`,
	}, notices)
}

func TestWalkFaults(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, [][2]string{
		{".git/", ""},
		{"a/.gitignore/", ""}, // a directory where the file should be
		{"a/story.txt", ""},
		{"b/.unitlint.yaml", "tolerance: loose\n"},
		{"b/one.txt", ""},
		{"b/two.txt", ""},
		{"c/ok.txt", ""},
	})
	t.Chdir(root)
	got, errs, _ := collect(t, ".", "missing.txt")
	assert.Equal(t, []string{"a/story.txt", "c/ok.txt"}, got, "the rest is still collected")
	assert.Equal(t, []string{
		filepath.Join("a", ".gitignore") + ": is a directory",
		filepath.Join("b", ".unitlint.yaml") + `:1: tolerance must be strict, standard or lenient, not "loose"`, // once, not once per file
		"missing.txt: no such file or directory",
	}, errs)
}

// BenchmarkWalk walks a tree of 5,000 files in 100 directories, each with
// a .gitignore, under a configuration with ignore globs.
func BenchmarkWalk(b *testing.B) {
	root := b.TempDir()
	files := [][2]string{
		{".git/", ""},
		{".gitignore", "*.draft.md\n"},
		{".unitlint.yaml", "ignore:\n  - \"**/*.tmp.txt\"\n"},
	}
	for d := range 100 {
		dir := fmt.Sprintf("desk%03d/", d)
		files = append(files, [2]string{dir + ".gitignore", "local.txt\n!keep.draft.md\n"})
		for f := range 50 {
			files = append(files, [2]string{fmt.Sprintf("%sstory%02d.md", dir, f), ""})
		}
	}
	makeTree(b, root, files)
	b.Chdir(root)
	b.ResetTimer()
	for b.Loop() {
		loader, err := config.NewLoader("", nil)
		require.NoError(b, err)
		set := collectInputs([]string{"."}, strings.NewReader(""), loader)
		require.Len(b, set.inputs, 5000)
	}
}
