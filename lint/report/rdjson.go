package report

import (
	"io"

	"github.com/unitlint/unitlint/lint"
)

// RDJSON writes reviewdog's Diagnostic Format (rdjson: one
// DiagnosticResult), for `reviewdog -f=rdjson`: every diagnostic with its
// range, severity, rule code and the fix as a suggestion. As the format
// requires, columns count UTF-8 bytes and range ends are exclusive.
type RDJSON struct {
	w    io.Writer
	meta Meta
	out  rdResult
}

// NewRDJSON returns an rdjson reporter writing to w.
func NewRDJSON(w io.Writer, meta Meta) *RDJSON {
	return &RDJSON{w: w, meta: meta, out: rdResult{
		Source:      rdSource{Name: toolName, URL: toolURI},
		Diagnostics: []rdDiagnostic{},
	}}
}

type rdResult struct {
	Source      rdSource       `json:"source"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message     string         `json:"message"`
	Location    rdLocation     `json:"location"`
	Severity    string         `json:"severity"`
	Source      *rdSource      `json:"source,omitempty"`
	Code        *rdCode        `json:"code,omitempty"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

// rdSeverity maps a severity to the format's.
func rdSeverity(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "ERROR"
	case lint.SeverityWarning:
		return "WARNING"
	}
	return "INFO"
}

// rdSpan returns the range of the byte span [start, end) of f.
func rdSpan(f *lint.File, start, end int) rdRange {
	sl, sc := byteColumn(f, start)
	el, ec := byteColumn(f, end)
	return rdRange{Start: rdPosition{Line: sl, Column: sc}, End: rdPosition{Line: el, Column: ec}}
}

// Report implements Reporter.
func (r *RDJSON) Report(res *lint.Result) error {
	path, _ := r.meta.relPath(res.Path)
	if res.Err != nil {
		r.out.Diagnostics = append(r.out.Diagnostics, rdDiagnostic{
			Message: res.Err.Error(), Location: rdLocation{Path: path}, Severity: "ERROR",
		})
	}
	for _, d := range res.Diagnostics {
		rd := rdDiagnostic{
			Message:  d.Message,
			Location: rdLocation{Path: path, Range: new(rdSpan(res.File, d.Start, d.End))},
			Severity: rdSeverity(d.Severity),
			Code:     &rdCode{Value: d.Rule},
		}
		if len(d.Fixes) > 0 {
			for _, e := range d.Fixes[0].Edits {
				rd.Suggestions = append(rd.Suggestions, rdSuggestion{Range: rdSpan(res.File, e.Start, e.End), Text: e.NewText})
			}
		}
		r.out.Diagnostics = append(r.out.Diagnostics, rd)
	}
	return nil
}

// Close implements Reporter: it writes the result.
func (r *RDJSON) Close() error { return writeJSON(r.w, "rdjson", r.out) }
