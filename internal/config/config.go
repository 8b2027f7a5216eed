// Package config reads unitlint's house-style file, .unitlint.yaml: rule
// severities, tolerance, the gallon and ton a newsroom means, the number
// locale, paths to ignore and file extensions to markup kinds. A file's
// configuration is the nearest .unitlint.yaml found by walking up from its
// directory to the repository root; --config names one file for all. Every
// value remembers where it came from (the default, a file and line, or a
// command-line flag) so that `unitlint config` can say so.
package config

import (
	"fmt"
	"maps"
	"path"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
)

// FileName is the name of the configuration file.
const FileName = ".unitlint.yaml"

// Source says where a setting's value came from.
type Source struct {
	// File is the configuration file, as displayed; "" when the value did
	// not come from a file.
	File string
	// Line is the 1-based line of the value in File.
	Line int
	// Flag is the command-line flag that set the value ("tolerance" for
	// --tolerance); "" when no flag did.
	Flag string
}

// String returns "default", "flag --tolerance" or ".unitlint.yaml:4".
func (s Source) String() string {
	switch {
	case s.Flag != "":
		return "flag --" + s.Flag
	case s.File != "":
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	}
	return "default"
}

// Setting is a value and where it came from.
type Setting[T any] struct {
	Value  T
	Source Source
}

// Config is the effective configuration of a file. It is not modified
// once a Loader has returned it, so it is safe to share.
type Config struct {
	// File is the configuration file read, as displayed ("" when none
	// was found and the defaults apply).
	File string
	// Base is the absolute directory that Ignore globs are relative to:
	// the configuration file's directory, or the working directory for a
	// file named by --config.
	Base      string
	Tolerance Setting[lint.Tolerance]
	Gallon    Setting[lint.GallonStyle]
	Ton       Setting[lint.TonStyle]
	Locale    Setting[Locale]
	// Rules holds the severities set for rules by name; a rule not in it
	// keeps its default severity.
	Rules map[string]Setting[lint.Severity]
	// Ignore holds slash-separated doublestar globs of paths not to lint,
	// relative to Base.
	Ignore []Setting[string]
	// Extensions maps a lower-case file extension (".md") to its markup.
	Extensions map[string]Setting[markup.Kind]
	// kinds is Extensions without the sources, as package markup takes it.
	kinds map[string]markup.Kind
}

// Default returns the configuration that applies when no file is found.
func Default() *Config {
	c := &Config{
		Locale:     Setting[Locale]{Value: defaultLocale},
		Rules:      map[string]Setting[lint.Severity]{},
		Extensions: map[string]Setting[markup.Kind]{},
	}
	for ext, k := range markup.DefaultExtensions() {
		c.Extensions[ext] = Setting[markup.Kind]{Value: k}
	}
	c.index()
	return c
}

// index builds kinds from Extensions.
func (c *Config) index() {
	c.kinds = make(map[string]markup.Kind, len(c.Extensions))
	for ext, s := range c.Extensions {
		c.kinds[ext] = s.Value
	}
}

// clone returns a copy of c that shares nothing mutable with it.
func (c *Config) clone() *Config {
	d := *c
	d.Rules = maps.Clone(c.Rules)
	d.Ignore = append([]Setting[string](nil), c.Ignore...)
	d.Extensions = maps.Clone(c.Extensions)
	d.index()
	return &d
}

// Options returns the lint options the configuration sets.
func (c *Config) Options() lint.Options {
	o := lint.Options{
		Tolerance:    c.Tolerance.Value,
		Gallon:       c.Gallon.Value,
		Ton:          c.Ton.Value,
		NumberLocale: c.Locale.Value.Numbers,
	}
	if len(c.Rules) > 0 {
		o.Severity = make(map[string]lint.Severity, len(c.Rules))
		for name, s := range c.Rules {
			o.Severity[name] = s.Value
		}
	}
	return o
}

// Markup returns the markup of a file by its extension, and false when
// the configuration does not map the extension: a directory walk skips
// such a file.
func (c *Config) Markup(file string) (markup.Kind, bool) {
	return markup.KindOf(file, c.kinds)
}

// Parser returns how to read a file: by the markup its extension maps to,
// and as plain text when the configuration does not map it (a file named
// on the command line is linted whatever its name).
func (c *Config) Parser(file string) lint.ParseFunc {
	return markup.ForPath(file, c.kinds)
}

// Ignored reports whether the Ignore globs exclude file (a file or a
// directory): a glob matches its path relative to Base, or the path of a
// directory it is in. It returns the glob that matched.
func (c *Config) Ignored(file string) (Setting[string], bool) {
	if len(c.Ignore) == 0 {
		return Setting[string]{}, false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return Setting[string]{}, false
	}
	rel, err := filepath.Rel(c.Base, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return Setting[string]{}, false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Ignore {
		for p := rel; ; p = path.Dir(p) {
			if ok, _ := doublestar.Match(g.Value, p); ok {
				return g, true
			}
			if !strings.Contains(p, "/") {
				break
			}
		}
	}
	return Setting[string]{}, false
}
