package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/unitlint/unitlint/lint"
)

// Checkstyle writes checkstyle XML, as reviewdog (-f=checkstyle) and
// Jenkins (warnings-ng) read it: one <file> per linted file, one <error>
// per diagnostic with its line, code-point column, severity, message and
// source "unitlint.<rule>".
type Checkstyle struct {
	w     *bufio.Writer
	enc   *xml.Encoder
	meta  Meta
	begun bool
	files int
}

// NewCheckstyle returns a checkstyle reporter writing to w.
func NewCheckstyle(w io.Writer, meta Meta) *Checkstyle {
	bw := bufio.NewWriter(w)
	enc := xml.NewEncoder(bw)
	enc.Indent("  ", "  ")
	return &Checkstyle{w: bw, enc: enc, meta: meta}
}

type checkstyleFile struct {
	XMLName xml.Name          `xml:"file"`
	Name    string            `xml:"name,attr"`
	Errors  []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// checkstyleSeverity maps a severity to checkstyle's.
func checkstyleSeverity(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "info"
}

func (c *Checkstyle) begin() {
	if !c.begun {
		c.begun = true
		c.w.WriteString(xml.Header)
		c.w.WriteString("<checkstyle version=\"4.3\">\n")
	}
}

// Report implements Reporter.
func (c *Checkstyle) Report(res *lint.Result) error {
	c.begin()
	path, _ := c.meta.relPath(res.Path)
	file := checkstyleFile{Name: path}
	if res.Err != nil {
		file.Errors = append(file.Errors, checkstyleError{Severity: "error", Message: res.Err.Error(), Source: toolName})
	}
	for _, d := range res.Diagnostics {
		p := res.File.Position(d.Start)
		msg := d.Message
		if fix := fixText(d); fix != "" {
			msg += " (fix: " + fix + ")"
		}
		file.Errors = append(file.Errors, checkstyleError{
			Line: p.Line, Column: p.Column, Severity: checkstyleSeverity(d.Severity),
			Message: msg, Source: toolName + "." + d.Rule,
		})
	}
	c.files++
	if err := c.enc.Encode(file); err != nil {
		return fmt.Errorf("write checkstyle: %w", err)
	}
	return nil
}

// Close implements Reporter.
func (c *Checkstyle) Close() error {
	c.begin()
	if err := c.enc.Flush(); err != nil {
		return fmt.Errorf("write checkstyle: %w", err)
	}
	if c.files > 0 {
		c.w.WriteString("\n")
	}
	c.w.WriteString("</checkstyle>\n")
	return c.w.Flush()
}
