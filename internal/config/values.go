package config

import (
	"fmt"
	"strings"

	"github.com/unitlint/unitlint/lint"
)

// choice is a closed set of named values, in the order messages list them.
type choice[T comparable] struct {
	names  []string
	values []T
}

// parse returns the value named s (case-insensitively).
func (c choice[T]) parse(s string) (T, bool) {
	for i, n := range c.names {
		if strings.EqualFold(n, s) {
			return c.values[i], true
		}
	}
	var zero T
	return zero, false
}

// name returns the name of v.
func (c choice[T]) name(v T) string {
	for i, x := range c.values {
		if x == v {
			return c.names[i]
		}
	}
	return fmt.Sprint(v)
}

// String lists the names: "strict, standard or lenient".
func (c choice[T]) String() string { return orList(c.names) }

// orList writes "a, b or c".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

var (
	tolerances = choice[lint.Tolerance]{
		names:  []string{"strict", "standard", "lenient"},
		values: []lint.Tolerance{lint.Strict, lint.Standard, lint.Lenient},
	}
	gallons = choice[lint.GallonStyle]{
		names:  []string{"auto", "us", "imperial"},
		values: []lint.GallonStyle{lint.GallonAuto, lint.GallonUS, lint.GallonImperial},
	}
	tons = choice[lint.TonStyle]{
		names:  []string{"auto", "short", "long", "metric"},
		values: []lint.TonStyle{lint.TonAuto, lint.TonShort, lint.TonLong, lint.TonMetric},
	}
)

// Names lists for messages.
const (
	severityNames = "on, off, info, warning or error"
	markupNames   = "markdown, html or text"
)

// mustBe is the error for a value outside a closed set.
func mustBe(what fmt.Stringer, got string) error {
	return fmt.Errorf("must be %s, not %q", what, got)
}

// Override is a value set on the command line (--tolerance strict is
// {"tolerance", "strict"}); it beats the configuration file.
type Override struct {
	Key, Value string
}

// FlagKeys are the keys a command-line flag may set, each by the flag of
// the same name.
func FlagKeys() []string { return []string{keyTolerance, keyGallon, keyTon, keyLocale} }

// Keys of the configuration file.
const (
	keyRules      = "rules"
	keyTolerance  = "tolerance"
	keyGallon     = "gallon"
	keyTon        = "ton"
	keyLocale     = "locale"
	keyIgnore     = "ignore"
	keyExtensions = "extensions"
)

// keys lists the file's keys, in the order `unitlint config` prints them.
var keys = []string{keyTolerance, keyGallon, keyTon, keyLocale, keyRules, keyIgnore, keyExtensions}

// setScalar parses value for one of the scalar keys (those FlagKeys
// lists) into c. The error says what the value must be, without the key.
func (c *Config) setScalar(key, value string, src Source) error {
	switch key {
	case keyTolerance:
		v, ok := tolerances.parse(value)
		if !ok {
			return mustBe(tolerances, value)
		}
		c.Tolerance = Setting[lint.Tolerance]{v, src}
	case keyGallon:
		v, ok := gallons.parse(value)
		if !ok {
			return mustBe(gallons, value)
		}
		c.Gallon = Setting[lint.GallonStyle]{v, src}
	case keyTon:
		v, ok := tons.parse(value)
		if !ok {
			return mustBe(tons, value)
		}
		c.Ton = Setting[lint.TonStyle]{v, src}
	case keyLocale:
		v, err := ParseLocale(value)
		if err != nil {
			return err
		}
		c.Locale = Setting[Locale]{v, src}
	default:
		return fmt.Errorf("is not a setting a flag can change")
	}
	return nil
}

// parseRuleSeverity reads a rule's setting: "on" (its default severity,
// also true), "off" (also false) or a severity.
func parseRuleSeverity(rule *lint.Analyzer, s string) (lint.Severity, bool) {
	switch strings.ToLower(s) {
	case "on", "true":
		return rule.Severity, true
	case "false":
		return lint.SeverityOff, true
	}
	sev, err := lint.ParseSeverity(s)
	return sev, err == nil
}

// apply returns a copy of c with the command-line overrides set.
func (c *Config) apply(overrides []Override) (*Config, error) {
	if len(overrides) == 0 {
		return c, nil
	}
	d := c.clone()
	for _, o := range overrides {
		if err := d.setScalar(o.Key, o.Value, Source{Flag: o.Key}); err != nil {
			return nil, &FlagError{Flag: o.Key, Err: err}
		}
	}
	return d, nil
}

// FlagError is a bad value given to a flag that overrides the file:
// `--tolerance must be strict, standard or lenient, not "loose"`.
type FlagError struct {
	Flag string
	Err  error
}

// Error returns "--flag " and what the value must be.
func (e *FlagError) Error() string { return "--" + e.Flag + " " + e.Err.Error() }

// Unwrap returns the error about the value.
func (e *FlagError) Unwrap() error { return e.Err }
