package config

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
	"github.com/unitlint/unitlint/rules"
)

// Error is a mistake in a configuration file: "file:line: message".
type Error struct {
	File string
	// Line is 1-based; 0 when the YAML library did not say where.
	Line int
	Msg  string
}

// Error returns "file:line: message", or "file: message" without a line.
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Parse reads the contents of a configuration file over the defaults.
// name is the file as messages and sources show it; base is the absolute
// directory its ignore globs are relative to. An unknown key, a value of
// the wrong kind, an unknown rule and malformed YAML are each an *Error
// naming the file and line.
func Parse(name string, data []byte, base string) (*Config, error) {
	c := Default()
	c.File, c.Base = name, base
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(name, err)
	}
	if len(doc.Content) == 0 {
		return c, nil // empty, or only comments
	}
	root := deref(doc.Content[0])
	if isNull(root) {
		return c, nil
	}
	p := &parser{file: name, c: c}
	if root.Kind != yaml.MappingNode {
		return nil, p.errorf(root, "the configuration must be a mapping of keys to values, not %s", describe(root))
	}
	err := p.mapping(root, func(k, v *yaml.Node) error {
		switch k.Value {
		case keyTolerance, keyGallon, keyTon, keyLocale:
			return p.scalar(k.Value, v)
		case keyRules:
			return unlessNull(v, p.rules)
		case keyIgnore:
			return unlessNull(v, p.ignore)
		case keyExtensions:
			return unlessNull(v, p.extensions)
		}
		return p.errorf(k, "unknown key %q%s", k.Value, hint(k.Value, keys, "keys"))
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// yamlError turns the YAML library's "yaml: line 3: message" into an
// *Error.
func yamlError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, m, ok := strings.Cut(rest, ": "); ok {
			if line, err := strconv.Atoi(num); err == nil {
				return &Error{File: file, Line: line, Msg: m}
			}
		}
	}
	return &Error{File: file, Msg: msg}
}

// parser reads one file's nodes into c.
type parser struct {
	file string
	c    *Config
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) error {
	return &Error{File: p.file, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) source(n *yaml.Node) Source { return Source{File: p.file, Line: n.Line} }

// mapping calls f for each key and value of a mapping node, rejecting a
// key that is not a name or that repeats.
func (p *parser) mapping(m *yaml.Node, f func(k, v *yaml.Node) error) error {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := deref(m.Content[i]), deref(m.Content[i+1])
		if k.Kind != yaml.ScalarNode || isNull(k) {
			return p.errorf(k, "a key must be a name, not %s", describe(k))
		}
		if first, dup := seen[strings.ToLower(k.Value)]; dup {
			return p.errorf(k, "duplicate key %q (first at line %d)", k.Value, first)
		}
		seen[strings.ToLower(k.Value)] = k.Line
		if err := f(k, v); err != nil {
			return err
		}
	}
	return nil
}

// scalar sets tolerance, gallon, ton or locale.
func (p *parser) scalar(key string, v *yaml.Node) error {
	if v.Kind != yaml.ScalarNode {
		return p.errorf(v, "%s must be a single value, not %s", key, describe(v))
	}
	if err := p.c.setScalar(key, scalarValue(v), p.source(v)); err != nil {
		return p.errorf(v, "%s %v", key, err)
	}
	return nil
}

// rules reads "rules: {conversion: error, temperature-change: off}".
func (p *parser) rules(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return p.errorf(v, "rules must be a mapping of rule names to %s, not %s", severityNames, describe(v))
	}
	var names []string
	for _, r := range rules.All() {
		names = append(names, r.Name)
	}
	return p.mapping(v, func(k, v *yaml.Node) error {
		rule := rules.ByName(k.Value)
		if rule == nil {
			return p.errorf(k, "unknown rule %q%s", k.Value, hint(k.Value, names, "rules"))
		}
		if v.Kind != yaml.ScalarNode {
			return p.errorf(v, "rules.%s must be %s, not %s", rule.Name, severityNames, describe(v))
		}
		sev, ok := parseRuleSeverity(rule, scalarValue(v))
		if !ok {
			return p.errorf(v, "rules.%s must be %s, not %q", rule.Name, severityNames, scalarValue(v))
		}
		p.c.Rules[rule.Name] = Setting[lint.Severity]{sev, p.source(v)}
		return nil
	})
}

// ignore reads a list of globs (or one glob).
func (p *parser) ignore(v *yaml.Node) error {
	items := []*yaml.Node{v}
	switch {
	case v.Kind == yaml.SequenceNode:
		items = v.Content
	case v.Kind != yaml.ScalarNode:
		return p.errorf(v, "ignore must be a list of path globs, not %s", describe(v))
	}
	for _, it := range items {
		it = deref(it)
		if it.Kind != yaml.ScalarNode || isNull(it) || it.Value == "" {
			return p.errorf(it, "ignore must be a list of path globs, not a list holding %s", describe(it))
		}
		g, err := cleanGlob(it.Value)
		if err != nil {
			return p.errorf(it, "ignore: %v", err)
		}
		p.c.Ignore = append(p.c.Ignore, Setting[string]{g, p.source(it)})
	}
	return nil
}

// cleanGlob checks a glob and writes it relative and clean: "/drafts/"
// and "./drafts" are "drafts".
func cleanGlob(g string) (string, error) {
	if strings.Contains(g, `\`) {
		return "", fmt.Errorf("%q: write paths with / (a backslash escapes in a glob)", g)
	}
	c := strings.TrimPrefix(path.Clean(g), "/")
	if c == "" || c == "." || c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("%q does not name paths below the configuration file's directory", g)
	}
	if !doublestar.ValidatePattern(c) {
		return "", fmt.Errorf("%q is not a valid glob", g)
	}
	return c, nil
}

// extensions reads "extensions: {.mdx: markdown}".
func (p *parser) extensions(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return p.errorf(v, "extensions must be a mapping of file extensions to %s, not %s", markupNames, describe(v))
	}
	err := p.mapping(v, func(k, v *yaml.Node) error {
		ext := strings.ToLower(k.Value)
		if len(ext) < 2 || ext[0] != '.' || strings.ContainsAny(ext[1:], `./\ `) {
			return p.errorf(k, "extension %q must be a dot and a suffix, as in \".mdx\"", k.Value)
		}
		if v.Kind != yaml.ScalarNode {
			return p.errorf(v, "extension %q must be %s, not %s", k.Value, markupNames, describe(v))
		}
		kind, err := markup.ParseKind(scalarValue(v))
		if err != nil {
			return p.errorf(v, "extension %q must be %s, not %q", k.Value, markupNames, scalarValue(v))
		}
		p.c.Extensions[ext] = Setting[markup.Kind]{kind, p.source(v)}
		return nil
	})
	p.c.index()
	return err
}

// unlessNull calls read unless v is null: "rules:" with nothing under it
// yet is empty.
func unlessNull(v *yaml.Node, read func(*yaml.Node) error) error {
	if isNull(v) {
		return nil
	}
	return read(v)
}

// deref follows an alias to its anchor.
func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// scalarValue is a scalar's text; "" for null.
func scalarValue(n *yaml.Node) string {
	if isNull(n) {
		return ""
	}
	return n.Value
}

// describe names a node's kind for a message: "a list", "a mapping", "\"x\"".
func describe(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case isNull(n):
		return "nothing"
	}
	return strconv.Quote(n.Value)
}
