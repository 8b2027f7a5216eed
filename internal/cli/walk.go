package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/unitlint/unitlint/internal/config"
	"github.com/unitlint/unitlint/lint"
)

// walker finds the files to lint in a directory named on the command
// line. It reads directories in lexical order and skips hidden entries
// (.git among them), what the .gitignore files of the tree (and of its
// repository above it) exclude, what the configuration's ignore globs
// exclude, and files whose extension the configuration does not map to a
// markup. It does not follow symlinks to directories, even inside the
// tree (no loops), nor symlinks that leave the tree; a symlink to a file
// inside the tree is linted under the link's name. A symlink that leads
// nowhere (broken, or a loop) and a named pipe, socket or device are
// skipped with a notice.
type walker struct {
	loader *config.Loader
	// add takes a file found and its configuration.
	add func(path string, cfg *config.Config)
	// fail takes an error; the walk goes on.
	fail func(error)
	// notice takes a notice of a file skipped ("a: skipped: ...").
	notice func(string)
	// realRoot is the tree's root with symlinks resolved.
	realRoot string
}

// walk walks the tree at root.
func (w *walker) walk(root string) {
	abs, err := filepath.Abs(root)
	if err == nil {
		w.realRoot, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		w.fail(fmt.Errorf("%s: %w", root, lint.WithoutPath(err)))
		return
	}
	domain, patterns := w.aboveRoot(abs)
	w.dir(root, domain, patterns)
}

// aboveRoot returns the path of the root inside its repository, as
// gitignore path elements, and the patterns of the .gitignore files from
// the repository root down to the root's parent. When those patterns
// exclude the root itself, the user has named an ignored directory on
// purpose: they are dropped and the root's path starts afresh.
func (w *walker) aboveRoot(abs string) ([]string, []gitignore.Pattern) {
	repo, ok := config.RepoRoot(abs)
	if !ok || repo == abs {
		return nil, nil
	}
	rel, err := filepath.Rel(repo, abs)
	if err != nil {
		return nil, nil
	}
	elems := strings.Split(filepath.ToSlash(rel), "/")
	var patterns []gitignore.Pattern
	dir := repo
	for i := range elems {
		patterns = w.readGitignore(patterns, dir, elems[:i])
		dir = filepath.Join(dir, elems[i])
	}
	m := gitignore.NewMatcher(patterns)
	for i := range elems {
		if m.Match(elems[:i+1], true) {
			return nil, nil
		}
	}
	return elems, patterns
}

// dir walks one directory; domain is its path as gitignore elements and
// patterns the gitignore patterns of the directories above it.
func (w *walker) dir(dir string, domain []string, patterns []gitignore.Pattern) {
	patterns = w.readGitignore(patterns, dir, domain)
	matcher := gitignore.NewMatcher(patterns)
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.fail(fmt.Errorf("%s: %w", dir, lint.WithoutPath(err)))
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		isDir, ok := w.kind(path, e)
		if !ok {
			continue
		}
		elems := append(slices.Clip(domain), name) // a new array: domain is shared
		if matcher.Match(elems, isDir) {
			continue
		}
		if isDir {
			cfg, err := w.loader.ForDir(path)
			if err != nil {
				w.fail(err)
				continue
			}
			if _, ignored := cfg.Ignored(path); !ignored {
				w.dir(path, elems, patterns)
			}
			continue
		}
		cfg, err := w.loader.ForFile(path)
		if err != nil {
			w.fail(err)
			continue
		}
		if _, known := cfg.Markup(path); !known {
			continue
		}
		if _, ignored := cfg.Ignored(path); ignored {
			continue
		}
		w.add(path, cfg)
	}
}

// kind says whether an entry is walked as a directory or linted as a
// file; ok is false for what the walk skips: symlinks to directories,
// symlinks that leave the tree or lead nowhere (broken, or a loop),
// devices, pipes and sockets (the last two with a notice: reading a pipe
// would wait for a writer for ever).
func (w *walker) kind(path string, e fs.DirEntry) (isDir, ok bool) {
	switch t := e.Type(); {
	case t.IsDir():
		return true, true
	case t.IsRegular():
		return false, true
	case t&fs.ModeSymlink == 0:
		w.notice(fmt.Sprintf("%s: skipped: not a regular file (%s)", path, specialKind(t)))
		return false, false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false, false
	}
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		w.notice(fmt.Sprintf("%s: skipped: a symlink that leads nowhere (broken, or a loop)", path))
		return false, false
	}
	info, err := os.Stat(target)
	if err != nil || !info.Mode().IsRegular() {
		return false, false
	}
	rel, err := filepath.Rel(w.realRoot, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false, false
	}
	return false, true
}

// specialKind names the kind of a file that is neither a regular file, a
// directory nor a symlink.
func specialKind(t fs.FileMode) string {
	switch {
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeDevice != 0:
		return "a device"
	}
	return "of mode " + t.String()
}

// readGitignore appends the patterns of dir's .gitignore, if it has one,
// to patterns (without writing into patterns' spare capacity, which a
// sibling directory may share); at a repository's root, those of
// .git/info/exclude come first (the .gitignore files, read after them,
// take precedence, as in git).
func (w *walker) readGitignore(patterns []gitignore.Pattern, dir string, domain []string) []gitignore.Pattern {
	patterns = patterns[:len(patterns):len(patterns)]
	if info, err := os.Stat(filepath.Join(dir, ".git")); err == nil && info.IsDir() {
		patterns = w.readPatterns(patterns, filepath.Join(dir, ".git", "info", "exclude"), domain)
	}
	return w.readPatterns(patterns, filepath.Join(dir, ".gitignore"), domain)
}

// readPatterns appends the gitignore patterns of the file at path, if
// there is one, to patterns.
func (w *walker) readPatterns(patterns []gitignore.Pattern, path string, domain []string) []gitignore.Pattern {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return patterns
	}
	if err != nil {
		w.fail(fmt.Errorf("%s: %w", path, lint.WithoutPath(err)))
		return patterns
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		patterns = append(patterns, gitignore.ParsePattern(line, domain))
	}
	if err := sc.Err(); err != nil {
		w.fail(fmt.Errorf("%s: %w", path, lint.WithoutPath(err)))
	}
	return patterns
}
