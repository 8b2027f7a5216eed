package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// The tool as CI reports name it.
const (
	toolName = "unitlint"
	toolURI  = "https://github.com/unitlint/unitlint"
)

// Meta describes the run a CI report comes from: the program's version,
// the rules results may refer to, and the directory paths are relative to.
type Meta struct {
	// Version is the program's version.
	Version string
	// BaseDir is the absolute directory report paths are relative to (the
	// working directory, the repository root in CI). Empty keeps paths as
	// they were given.
	BaseDir string
	// Rules are the rules results may refer to; nil means rules.All().
	Rules []*lint.Analyzer
}

// rules returns the rules of the run.
func (m Meta) rules() []*lint.Analyzer {
	if m.Rules != nil {
		return m.Rules
	}
	return rules.All()
}

// relPath returns path with forward slashes, relative to BaseDir when it
// lies inside it, and reports whether the result is relative.
func (m Meta) relPath(path string) (string, bool) {
	if path == stdinPath {
		return path, true
	}
	if filepath.IsAbs(path) {
		if m.BaseDir == "" {
			return filepath.ToSlash(path), false
		}
		rel, err := filepath.Rel(m.BaseDir, path)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(path), false
		}
		return filepath.ToSlash(rel), true
	}
	clean := filepath.Clean(path)
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		if m.BaseDir != "" {
			return filepath.ToSlash(filepath.Join(m.BaseDir, clean)), false
		}
	}
	return filepath.ToSlash(clean), true
}

// stdinPath is the path the command line gives standard input.
const stdinPath = "<stdin>"

// fixText is what a diagnostic's preferred fix writes ("38,600 sq
// miles"), or "" when it has none.
func fixText(d lint.Diagnostic) string {
	if len(d.Fixes) == 0 {
		return ""
	}
	return strings.TrimPrefix(d.Fixes[0].Message, "write ")
}

// byteColumn returns the 1-based column of a byte offset counted in bytes,
// as reviewdog's format counts them.
func byteColumn(f *lint.File, off int) (line, col int) {
	p := f.Position(off)
	return p.Line, p.Offset - f.LineStart(p.Line) + 1
}

// writeJSON writes v as indented JSON, with <, > and & left as they are.
func writeJSON(w io.Writer, format string, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	return nil
}
