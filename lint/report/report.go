// Package report writes lint results: the text format for terminals
// (file:line:column, a source excerpt with a marker, the fix), the JSON
// contract other tools read (byte offsets, 1-based lines, code-point
// columns), the formats CI systems and review bots read (SARIF 2.1.0,
// GitHub Actions workflow commands, GitLab code quality, checkstyle XML,
// reviewdog's rdjson) and a self-contained HTML page for editors.
package report

import (
	"fmt"
	"strings"

	"github.com/unitlint/unitlint/lint"
)

// Reporter writes results as they come, one file at a time, in order.
type Reporter interface {
	// Report writes one file's result.
	Report(res *lint.Result) error
	// Close writes what comes after the last file and flushes.
	Close() error
}

// Location is a position in the JSON contract.
type Location struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

// locate returns the Location of a byte offset.
func locate(f *lint.File, off int) Location {
	p := f.Position(off)
	return Location{Line: p.Line, Column: p.Column, Offset: p.Offset}
}

// Counts tallies diagnostics by severity.
type Counts struct {
	Files, FilesWithProblems int
	Errors, Warnings, Infos  int
	Skipped, Failed          int
}

// Add counts one result.
func (c *Counts) Add(res *lint.Result) {
	c.Files++
	switch {
	case res.Err != nil:
		c.Failed++
	case res.Skipped != "":
		c.Skipped++
	}
	if len(res.Diagnostics) > 0 {
		c.FilesWithProblems++
	}
	for _, d := range res.Diagnostics {
		switch d.Severity {
		case lint.SeverityError:
			c.Errors++
		case lint.SeverityWarning:
			c.Warnings++
		case lint.SeverityInfo:
			c.Infos++
		}
	}
}

// Problems returns the number of diagnostics counted.
func (c *Counts) Problems() int { return c.Errors + c.Warnings + c.Infos }

// Summary returns the summary line: "3 problems (2 errors, 1 warning) in 2
// of 40 files", or "no problems in 40 files".
func (c *Counts) Summary() string {
	if c.Problems() == 0 {
		return "no problems in " + plural(c.Files, "file")
	}
	var parts []string
	if c.Errors > 0 {
		parts = append(parts, plural(c.Errors, "error"))
	}
	if c.Warnings > 0 {
		parts = append(parts, plural(c.Warnings, "warning"))
	}
	if c.Infos > 0 {
		parts = append(parts, plural(c.Infos, "note"))
	}
	return fmt.Sprintf("%s (%s) in %d of %s", plural(c.Problems(), "problem"), strings.Join(parts, ", "), c.FilesWithProblems, plural(c.Files, "file"))
}

// plural writes "1 file", "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
