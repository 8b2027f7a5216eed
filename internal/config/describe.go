package config

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// Describe writes the configuration as YAML, each value with a comment
// saying where it came from, for `unitlint config target`: the file
// header, whether target is ignored, then every key.
func (c *Config) Describe(w io.Writer, target string) error {
	var lines []describedLine
	add := func(text string, src fmt.Stringer) {
		l := describedLine{text: text}
		if src != nil {
			l.comment = src.String()
		}
		lines = append(lines, l)
	}
	add(keyTolerance+": "+tolerances.name(c.Tolerance.Value), c.Tolerance.Source)
	add(keyGallon+": "+gallons.name(c.Gallon.Value), c.Gallon.Source)
	add(keyTon+": "+tons.name(c.Ton.Value), c.Ton.Source)
	add(keyLocale+": "+c.Locale.Value.String(), c.Locale.Source)
	add(keyRules+":", nil)
	for _, r := range rules.All() {
		s, ok := c.Rules[r.Name]
		if !ok {
			s = Setting[lint.Severity]{Value: r.Severity}
		}
		add("  "+r.Name+": "+s.Value.String(), s.Source)
	}
	if len(c.Ignore) == 0 {
		add(keyIgnore+": []", Source{})
	} else {
		add(keyIgnore+":", nil)
		for _, g := range c.Ignore {
			add("  - "+strconv.Quote(g.Value), g.Source)
		}
	}
	add(keyExtensions+":", nil)
	exts := make([]string, 0, len(c.Extensions))
	for ext := range c.Extensions {
		exts = append(exts, ext)
	}
	slices.Sort(exts)
	for _, ext := range exts {
		s := c.Extensions[ext]
		add("  "+ext+": "+string(s.Value), s.Source)
	}

	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# configuration of %s\n", target)
	if c.File == "" {
		fmt.Fprintf(bw, "# file: none found (defaults)\n")
	} else {
		fmt.Fprintf(bw, "# file: %s\n", c.File)
	}
	if g, ok := c.Ignored(target); ok {
		fmt.Fprintf(bw, "# %s is ignored by %q (%s)\n", target, g.Value, g.Source)
	}
	for _, l := range lines {
		if l.comment == "" {
			fmt.Fprintln(bw, l.text)
			continue
		}
		pad := max(2, commentColumn-utf8.RuneCountInString(l.text))
		fmt.Fprintf(bw, "%s%s# %s\n", l.text, strings.Repeat(" ", pad), l.comment)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write configuration: %w", err)
	}
	return nil
}

// commentColumn is where Describe's comments start, unless the text
// before is longer.
const commentColumn = 30

// describedLine is a line of Describe's output and its comment.
type describedLine struct {
	text, comment string
}
