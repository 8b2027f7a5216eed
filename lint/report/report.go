// Package report writes lint results: the text format for terminals
// (file:line:column, a source excerpt with a marker, the fix), and the JSON
// contract other tools read (byte offsets, 1-based lines, code-point
// columns).
package report

import (
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
