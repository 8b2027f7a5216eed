package lsp

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/unitlint/unitlint/internal/config"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
)

// settings are the editor's settings for unitlint, from the
// initializationOptions of initialize and from
// workspace/didChangeConfiguration, either under a "unitlint" key or bare:
//
//	{"unitlint": {"tolerance": "strict", "gallon": "imperial", "ton": "metric",
//	              "locale": "en-GB", "rules": {"conversion": "warning"},
//	              "languages": ["markdown", "plaintext", "mdx"]}}
//
// An empty or missing value leaves the .unitlint.yaml value (or the
// default) alone; a value that is set beats the file.
type settings struct {
	Tolerance string `json:"tolerance"`
	Gallon    string `json:"gallon"`
	Ton       string `json:"ton"`
	Locale    string `json:"locale"`
	// Rules maps a rule name to "off", "info", "warning", "error" or
	// "on" (its default severity).
	Rules map[string]string `json:"rules"`
	// Languages lists the language ids linted (nil: the server's list).
	Languages []string `json:"languages"`
}

// parseSettings reads the settings in raw JSON; null or {} is no settings.
func parseSettings(raw []byte) (settings, error) {
	var st settings
	if len(raw) == 0 || string(raw) == "null" {
		return st, nil
	}
	var wrapped struct {
		Unitlint *json.RawMessage `json:"unitlint"`
	}
	if err := json.Unmarshal(raw, &wrapped); err != nil {
		return st, fmt.Errorf("unitlint settings: %w", err)
	}
	if wrapped.Unitlint != nil {
		raw = *wrapped.Unitlint
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return settings{}, fmt.Errorf("unitlint settings: %w", err)
	}
	return st, nil
}

// houseStyle resolves the options of a document: its folder's
// .unitlint.yaml (the nearest one up to the repository root, read by
// internal/config), with the editor's settings on top.
type houseStyle struct {
	loader *config.Loader
	// fallback gives the defaults with the editor's settings, for a
	// document whose .unitlint.yaml cannot be read: a loader whose one
	// configuration file is empty.
	fallback *config.Loader
	rules    map[string]lint.Severity
	// root is the folder of documents that are not files.
	root string
}

// newHouseStyle returns the house style for the editor's settings. root is
// the workspace folder ("" for the working directory).
func newHouseStyle(st settings, analyzers []*lint.Analyzer, root string) (*houseStyle, error) {
	var overrides []config.Override
	for _, kv := range [...][2]string{{"tolerance", st.Tolerance}, {"gallon", st.Gallon}, {"ton", st.Ton}, {"locale", st.Locale}} {
		if kv[1] != "" {
			overrides = append(overrides, config.Override{Key: kv[0], Value: kv[1]})
		}
	}
	h := &houseStyle{rules: map[string]lint.Severity{}, root: root}
	var err error
	if h.loader, err = config.NewLoader("", overrides); err != nil {
		return nil, settingError(err)
	}
	if h.fallback, err = config.NewLoader(os.DevNull, overrides); err != nil {
		return nil, settingError(err)
	}
	for _, name := range slices.Sorted(maps.Keys(st.Rules)) {
		sev, err := ruleSeverity(analyzers, name, st.Rules[name])
		if err != nil {
			return nil, err
		}
		h.rules[name] = sev
	}
	return h, nil
}

// settingError rewords the config package's error about a command-line
// flag ("--tolerance must be ...") as one about a setting.
func settingError(err error) error {
	return fmt.Errorf("unitlint setting %s", strings.TrimPrefix(err.Error(), "--"))
}

// ruleSeverity reads the editor's setting of a rule.
func ruleSeverity(analyzers []*lint.Analyzer, name, value string) (lint.Severity, error) {
	i := slices.IndexFunc(analyzers, func(a *lint.Analyzer) bool { return a.Name == name })
	if i < 0 {
		return 0, fmt.Errorf("unitlint setting rules: no rule is named %q", name)
	}
	switch strings.ToLower(value) {
	case "on", "true":
		return analyzers[i].Severity, nil
	case "false":
		return lint.SeverityOff, nil
	}
	sev, err := lint.ParseSeverity(value)
	if err != nil {
		return 0, fmt.Errorf("unitlint setting rules.%s: %w", name, err)
	}
	return sev, nil
}

// resolve returns the options for a document at path ("" for a document
// that is not a file) in a language, how to read it, and whether the
// configuration's ignore globs exclude it. A document is read by its
// language id when that names a markup ("markdown", "html"), else by the
// configuration's mapping of its file extension, else as plain text. A
// .unitlint.yaml that cannot be read gives the defaults with the editor's
// settings, and the error to show.
func (h *houseStyle) resolve(path, languageID string) (opts lint.Options, kind markup.Kind, ignored bool, err error) {
	var c *config.Config
	if path == "" {
		dir := h.root
		if dir == "" {
			dir = "."
		}
		c, err = h.loader.ForDir(dir)
	} else {
		c, err = h.loader.ForFile(path)
	}
	if err != nil {
		if c, _ = h.fallback.ForDir(filepath.Dir(path)); c == nil {
			return lint.Options{}, markup.Text, false, err
		}
	} else if path != "" {
		_, ignored = c.Ignored(path)
	}
	kind = markup.Text
	if k, kerr := markup.ParseKind(languageID); kerr == nil {
		kind = k
	} else if m, ok := c.Markup(path); ok && path != "" {
		if k, kerr := markup.ParseKind(string(m)); kerr == nil {
			kind = k
		}
	}
	opts = c.Options()
	if len(h.rules) > 0 {
		sev := maps.Clone(opts.Severity)
		if sev == nil {
			sev = map[string]lint.Severity{}
		}
		maps.Copy(sev, h.rules)
		opts.Severity = sev
	}
	return opts, kind, ignored, err
}
