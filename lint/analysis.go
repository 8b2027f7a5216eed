// Package lint is unitlint's engine, modelled on
// golang.org/x/tools/go/analysis: an Analyzer is a value (a rule, or a
// producer of facts other analyzers require); a Pass gives it one document
// and a way to report; a Diagnostic carries a byte span of the source file,
// its rule, severity, message and suggested fixes. A Runner lints many files
// in parallel with bounded workers and returns results in a stable order.
//
// Linting a []byte is one call:
//
//	res, err := lint.CheckBytes(ctx, "story.txt", src, rules.All(), lint.Options{})
package lint

import (
	"context"
	"fmt"
	"strings"
)

// Severity is how serious a diagnostic is.
type Severity uint8

// Severities, in increasing order. SeverityOff disables a rule.
const (
	SeverityOff Severity = iota
	SeverityInfo
	SeverityWarning
	SeverityError
)

// String returns "off", "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return "off"
}

// ParseSeverity reads a severity name.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "off", "none":
		return SeverityOff, nil
	case "info", "note":
		return SeverityInfo, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "error":
		return SeverityError, nil
	}
	return SeverityOff, fmt.Errorf("unknown severity %q (want off, info, warning or error)", s)
}

// Example is a sentence in a rule's documentation, run as a test: Bad
// examples must produce at least one diagnostic of the rule, good ones none.
type Example struct {
	Text string
	Bad  bool
	// Note explains the example in the rule's documentation.
	Note string
}

// Analyzer is one analysis over a document: a rule that reports
// diagnostics, or a producer of a result other analyzers require.
type Analyzer struct {
	// Name is the rule's identifier ("conversion"); unique.
	Name string
	// Summary is one line for listings.
	Summary string
	// Doc is the full documentation.
	Doc string
	// Examples are good and bad sentences, run as tests.
	Examples []Example
	// Severity is the default severity of the diagnostics it reports;
	// SeverityOff for an analyzer that reports nothing.
	Severity Severity
	// Requires lists analyzers whose results Run needs (Pass.ResultOf).
	Requires []*Analyzer
	// Run analyses one document and returns its result (or nil).
	Run func(*Pass) (any, error)
}

// IsRule reports whether the analyzer reports diagnostics.
func (a *Analyzer) IsRule() bool { return a.Severity != SeverityOff }

func (a *Analyzer) String() string { return a.Name }

// Pass is one analyzer's view of one document.
type Pass struct {
	Analyzer *Analyzer
	Context  context.Context
	Doc      *Document
	Options  *Options
	// ResultOf holds the results of the analyzers in Analyzer.Requires.
	ResultOf map[*Analyzer]any
	// sev is the analyzer's severity under the options; res collects the
	// document's diagnostics.
	sev Severity
	res *Result
}

// Report records a diagnostic whose offsets are in Doc.Text coordinates;
// the engine maps them to the source file. Rule and Severity are filled in
// from the analyzer (and the options) when empty.
func (p *Pass) Report(d Diagnostic) {
	p.res.Diagnostics = append(p.res.Diagnostics, mapDiagnostic(p.Doc, p.fill(d)))
}

// ReportSource records a diagnostic whose offsets are already byte offsets
// of the source file (Doc.File), for findings about the file rather than
// its prose: an invalid byte inside a tag has no place in Doc.Text.
func (p *Pass) ReportSource(d Diagnostic) {
	p.res.Diagnostics = append(p.res.Diagnostics, p.fill(d))
}

// fill returns d with its rule and severity, where empty, the pass's.
func (p *Pass) fill(d Diagnostic) Diagnostic {
	if d.Rule == "" {
		d.Rule = p.Analyzer.Name
	}
	if d.Severity == SeverityOff {
		d.Severity = p.sev
	}
	return d
}

// Diagnostic is one finding.
type Diagnostic struct {
	// Start and End are byte offsets into the source file (into Doc.Text
	// while a Pass reports it).
	Start, End int
	Rule       string
	Severity   Severity
	Message    string
	// Cause names the likely mistake ("linear-factor-for-area"), if known.
	Cause string
	// Fixes are suggested edits; the first is the preferred one.
	Fixes []SuggestedFix
	// Related points at other places the message refers to.
	Related []RelatedInformation
}

// RelatedInformation is a place a diagnostic refers to.
type RelatedInformation struct {
	Start, End int
	Message    string
}

// SuggestedFix is a set of edits that together fix a diagnostic.
type SuggestedFix struct {
	Message string
	Edits   []TextEdit
}

// TextEdit replaces bytes [Start, End) with NewText.
type TextEdit struct {
	Start, End int
	NewText    string
}
