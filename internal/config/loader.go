package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/unitlint/unitlint/lint"
)

// Loader finds and reads the configuration of files: the nearest
// .unitlint.yaml up from a file's directory, stopping at the repository
// root (the directory holding .git) or the filesystem root, or the one
// file --config names. Command-line overrides are applied on top. Each
// directory and each file is looked at once; a Loader is safe for
// concurrent use.
type Loader struct {
	cwd       string
	overrides []Override
	// fixed is the configuration of every file when --config is given.
	fixed *Config
	// defaults applies where no file is found.
	defaults *Config

	mu    sync.Mutex
	dirs  map[string]string // absolute directory -> absolute config file, "" for none
	files map[string]loaded // absolute config file -> what reading it gave
}

type loaded struct {
	c   *Config
	err error
}

// NewLoader returns a loader. file is the --config file ("" to discover
// each file's own); its ignore globs are relative to the working
// directory. overrides are the command-line values, which beat any file.
func NewLoader(file string, overrides []Override) (*Loader, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("find the working directory: %w", err)
	}
	l := &Loader{cwd: cwd, overrides: overrides, dirs: map[string]string{}, files: map[string]loaded{}}
	if l.defaults, err = Default().apply(overrides); err != nil {
		return nil, err
	}
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("--config %s: %w", file, lint.WithoutPath(err))
		}
		c, err := Parse(file, data, cwd)
		if err != nil {
			return nil, err
		}
		if l.fixed, err = c.apply(overrides); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// ForFile returns the configuration of a file: that of its directory.
func (l *Loader) ForFile(path string) (*Config, error) {
	return l.ForDir(filepath.Dir(path))
}

// ForDir returns the configuration of the files directly in dir.
func (l *Loader) ForDir(dir string) (*Config, error) {
	if l.fixed != nil {
		return l.fixed, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	file, err := l.find(abs)
	if err != nil {
		return nil, err
	}
	if file == "" {
		return l.defaults, nil
	}
	return l.read(file)
}

// find returns the nearest configuration file up from dir, or "".
func (l *Loader) find(dir string) (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var visited []string
	found := ""
	for d := dir; ; {
		if f, ok := l.dirs[d]; ok {
			found = f
			break
		}
		visited = append(visited, d)
		candidate := filepath.Join(d, FileName)
		if _, err := os.Stat(candidate); err == nil {
			found = candidate
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%s: %w", l.display(candidate), lint.WithoutPath(err))
		}
		if isRepoRoot(d) {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range visited {
		l.dirs[d] = found
	}
	return found, nil
}

// read parses a configuration file once.
func (l *Loader) read(file string) (*Config, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.files[file]; ok {
		return r.c, r.err
	}
	var r loaded
	name := l.display(file)
	data, err := os.ReadFile(file)
	if err != nil {
		r.err = fmt.Errorf("%s: %w", name, lint.WithoutPath(err))
	} else if c, err := Parse(name, data, filepath.Dir(file)); err != nil {
		r.err = err
	} else {
		r.c, r.err = c.apply(l.overrides)
	}
	l.files[file] = r
	return r.c, r.err
}

// display writes an absolute path relative to the working directory when
// it is inside it.
func (l *Loader) display(abs string) string {
	rel, err := filepath.Rel(l.cwd, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return abs
	}
	return rel
}

// RepoRoot returns the repository root at or above dir (the nearest
// directory holding .git), and false when there is none up to the
// filesystem root. Configuration discovery stops there.
func RepoRoot(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for d := abs; ; {
		if isRepoRoot(d) {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}

// isRepoRoot reports whether dir holds .git (a directory, or the file a
// worktree or submodule has).
func isRepoRoot(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// Parser returns how to read a file, by its configuration (see
// Config.Parser); plain text when the configuration cannot be read, an
// error the caller has met and reported when collecting the file. It
// fits lint.Runner's Parse hook.
func (l *Loader) Parser(path string) lint.ParseFunc {
	c, err := l.ForFile(path)
	if err != nil {
		return lint.ParseText
	}
	return c.Parser(path)
}
