package report

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/unitlint/unitlint/lint"
)

// SARIF writes one SARIF 2.1.0 log, as GitHub code scanning reads it:
// the driver with its rules, one result per diagnostic with its location
// (a URI relative to the working directory under %SRCROOT%, a region in
// lines, code-point columns and code-point offsets — the run declares
// columnKind "unicodeCodePoints") and its fix, and an invocation that lists
// the files that could not be linted.
type SARIF struct {
	w     io.Writer
	meta  Meta
	index map[string]int
	log   sarifLog
}

// NewSARIF returns a SARIF reporter writing to w.
func NewSARIF(w io.Writer, meta Meta) *SARIF {
	s := &SARIF{w: w, meta: meta, index: map[string]int{}}
	driver := sarifDriver{
		Name: toolName, Version: meta.Version, SemanticVersion: meta.Version,
		InformationURI: toolURI, Rules: []sarifRule{},
	}
	for i, r := range meta.rules() {
		s.index[r.Name] = i
		driver.Rules = append(driver.Rules, newSARIFRule(r))
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: driver},
		ColumnKind:  "unicodeCodePoints",
		Results:     []sarifResult{},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
	}
	if meta.BaseDir != "" {
		base := url.URL{Scheme: "file", Path: filepath.ToSlash(meta.BaseDir)}
		if !strings.HasSuffix(base.Path, "/") {
			base.Path += "/"
		}
		if !strings.HasPrefix(base.Path, "/") { // a Windows drive
			base.Path = "/" + base.Path
		}
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRoot: {URI: base.String()}}
	}
	s.log = sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}
	return s
}

const (
	sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"
	srcRoot     = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifText          `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	RuleIndex  *int            `json:"ruleIndex,omitempty"`
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Fixes      []sarifFix      `json:"fixes,omitempty"`
	Properties *sarifProps     `json:"properties,omitempty"`
}

type sarifProps struct {
	Cause string `json:"cause,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
	CharOffset  int `json:"charOffset"`
	CharLength  int `json:"charLength"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion       `json:"deletedRegion"`
	InsertedContent sarifFixedContent `json:"insertedContent"`
}

type sarifFixedContent struct {
	Text string `json:"text"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	case lint.SeverityInfo:
		return "note"
	}
	return "none"
}

// newSARIFRule describes a rule: its summary, documentation and examples.
func newSARIFRule(r *lint.Analyzer) sarifRule {
	var text, md strings.Builder
	text.WriteString(r.Doc)
	md.WriteString(markdownEscape(r.Doc))
	if len(r.Examples) > 0 {
		text.WriteString("\n\nExamples:\n")
		md.WriteString("\n\n**Examples**\n\n")
		for _, ex := range r.Examples {
			mark, mdMark := "good", "✅ good"
			if ex.Bad {
				mark, mdMark = "bad", "❌ bad"
			}
			fmt.Fprintf(&text, "  %s: %s", mark, ex.Text)
			fmt.Fprintf(&md, "- %s: %s", mdMark, markdownEscape(ex.Text))
			if ex.Note != "" {
				fmt.Fprintf(&text, " (%s)", ex.Note)
				fmt.Fprintf(&md, " — %s", markdownEscape(ex.Note))
			}
			text.WriteString("\n")
			md.WriteString("\n")
		}
	}
	return sarifRule{
		ID:                   r.Name,
		ShortDescription:     sarifText{Text: capitalise(sentence(r.Summary))},
		FullDescription:      sarifText{Text: sentence(firstParagraph(r.Doc))},
		Help:                 sarifText{Text: strings.TrimRight(text.String(), "\n"), Markdown: strings.TrimRight(md.String(), "\n")},
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
	}
}

// sentence ends s with a full stop, as SARIF viewers expect of a
// description or message.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

// capitalise upper-cases the first letter of a rule's summary.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

// firstParagraph returns the first paragraph of a doc, joined on one line.
func firstParagraph(doc string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(doc), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}

// markdownEscape escapes the characters Markdown would read as inline
// markup (a line of a rule's doc never starts with block markup).
func markdownEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// artifact returns the artifact location of a path: relative to %SRCROOT%
// when it lies inside the base directory, a file URI otherwise.
func (s *SARIF) artifact(path string) sarifArtifactLocation {
	p, rel := s.meta.relPath(path)
	if !rel {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: p}).EscapedPath(), URIBaseID: srcRoot}
}

// region returns the region of the byte span [start, end) of f: lines,
// code-point columns, and code-point offset and length.
func region(f *lint.File, start, end int) sarifRegion {
	s, e := f.Position(start), f.Position(end)
	src := f.Source()
	off := utf8.RuneCount(src[:s.Offset])
	return sarifRegion{
		StartLine: s.Line, StartColumn: s.Column, EndLine: e.Line, EndColumn: e.Column,
		CharOffset: off, CharLength: utf8.RuneCount(src[s.Offset:e.Offset]),
	}
}

// Report implements Reporter.
func (s *SARIF) Report(res *lint.Result) error {
	run := &s.log.Runs[0]
	if res.Err != nil {
		inv := &run.Invocations[0]
		inv.ExecutionSuccessful = false
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:     "error",
			Message:   sarifText{Text: sentence(res.Err.Error())},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: s.artifact(res.Path)}}},
		})
	}
	if len(res.Diagnostics) == 0 {
		return nil
	}
	loc := s.artifact(res.Path)
	for _, d := range res.Diagnostics {
		r := region(res.File, d.Start, d.End)
		result := sarifResult{
			RuleID:    d.Rule,
			Level:     sarifLevel(d.Severity),
			Message:   sarifText{Text: sentence(d.Message)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: loc, Region: &r}}},
		}
		if i, ok := s.index[d.Rule]; ok {
			result.RuleIndex = &i
		}
		if d.Cause != "" {
			result.Properties = &sarifProps{Cause: d.Cause}
		}
		for _, fx := range d.Fixes {
			change := sarifArtifactChange{ArtifactLocation: loc}
			for _, e := range fx.Edits {
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion:   region(res.File, e.Start, e.End),
					InsertedContent: sarifFixedContent{Text: e.NewText},
				})
			}
			result.Fixes = append(result.Fixes, sarifFix{
				Description:     sarifText{Text: sentence(fx.Message)},
				ArtifactChanges: []sarifArtifactChange{change},
			})
		}
		run.Results = append(run.Results, result)
	}
	return nil
}

// Close implements Reporter: it writes the log.
func (s *SARIF) Close() error {
	return writeJSON(s.w, "sarif", s.log)
}
