package report

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/unitlint/unitlint/lint"
)

//go:embed html/report.tmpl html/report.css html/report.js
var htmlAssets embed.FS

// HTML writes one self-contained page for editors: a summary table of the
// files, then each file with problems — a table of its problems and its
// text with every flagged conversion highlighted; hovering, focusing or
// clicking a highlight shows the explanation and the fix. The style sheet
// and script are embedded and inlined, and a Content-Security-Policy
// forbids every network request.
type HTML struct {
	w     io.Writer
	meta  Meta
	tmpl  *template.Template
	css   string
	js    string
	files []htmlFile
	count Counts
}

// NewHTML returns an HTML reporter writing to w.
func NewHTML(w io.Writer, meta Meta) (*HTML, error) {
	read := func(name string) (string, error) {
		b, err := htmlAssets.ReadFile("html/" + name)
		if err != nil {
			return "", fmt.Errorf("html report: %w", err)
		}
		return string(b), nil
	}
	page, err := read("report.tmpl")
	if err != nil {
		return nil, err
	}
	tmpl, err := template.New("report").Parse(page)
	if err != nil {
		return nil, fmt.Errorf("html report: %w", err)
	}
	css, err := read("report.css")
	if err != nil {
		return nil, err
	}
	js, err := read("report.js")
	if err != nil {
		return nil, err
	}
	return &HTML{w: w, meta: meta, tmpl: tmpl, css: css, js: js}, nil
}

type htmlPage struct {
	Version string
	Summary string
	CSP     string
	CSS     template.CSS
	JS      template.JS
	Files   []htmlFile
}

type htmlFile struct {
	ID                      string
	Path                    string
	Err, Skipped            string
	Errors, Warnings, Infos int
	Fixable                 int
	Problems                []htmlProblem
	Segments                []htmlSegment
}

type htmlProblem struct {
	Anchor   string // the id of the highlight that shows it
	Where    string // "13:70"
	Line     int
	Column   int
	Severity string
	Rule     string
	Message  string
	Fix      string
}

type htmlSegment struct {
	Text string
	Mark *htmlMark
}

type htmlMark struct {
	ID       string
	Severity string // of the most severe note
	Notes    []htmlProblem
}

// Report implements Reporter.
func (h *HTML) Report(res *lint.Result) error {
	h.count.Add(res)
	path, _ := h.meta.relPath(res.Path)
	f := htmlFile{ID: fmt.Sprintf("f%d", len(h.files)+1), Path: path, Skipped: res.Skipped}
	if res.Err != nil {
		f.Err = res.Err.Error()
	}
	for _, d := range res.Diagnostics {
		switch d.Severity {
		case lint.SeverityError:
			f.Errors++
		case lint.SeverityWarning:
			f.Warnings++
		default:
			f.Infos++
		}
		if len(d.Fixes) > 0 {
			f.Fixable++
		}
	}
	if len(res.Diagnostics) > 0 {
		f.Problems, f.Segments = highlight(f.ID, res.File, res.Diagnostics)
	}
	h.files = append(h.files, f)
	return nil
}

// highlight cuts a file's text into plain runs and highlights, one
// highlight per group of overlapping diagnostics (sorted by start).
func highlight(fileID string, file *lint.File, ds []lint.Diagnostic) ([]htmlProblem, []htmlSegment) {
	src := file.Source()
	text := func(a, b int) string { return strings.ToValidUTF8(string(src[a:b]), "\uFFFD") }
	var problems []htmlProblem
	var segs []htmlSegment
	pos := 0
	for i := 0; i < len(ds); {
		start, end := clamp(ds[i].Start, len(src)), clamp(ds[i].End, len(src))
		j := i + 1
		for j < len(ds) && clamp(ds[j].Start, len(src)) < end {
			end = max(end, clamp(ds[j].End, len(src)))
			j++
		}
		if start < pos { // a diagnostic starting inside the previous group's span
			start = pos
		}
		mark := &htmlMark{ID: fmt.Sprintf("%s-d%d", fileID, i+1)}
		worst := lint.SeverityOff
		for _, d := range ds[i:j] {
			p := file.Position(d.Start)
			pr := htmlProblem{
				Anchor: mark.ID, Where: fmt.Sprintf("%d:%d", p.Line, p.Column), Line: p.Line, Column: p.Column,
				Severity: d.Severity.String(), Rule: d.Rule, Message: d.Message, Fix: fixText(d),
			}
			problems = append(problems, pr)
			mark.Notes = append(mark.Notes, pr)
			worst = max(worst, d.Severity)
		}
		mark.Severity = worst.String()
		if start > pos {
			segs = append(segs, htmlSegment{Text: text(pos, start)})
		}
		segs = append(segs, htmlSegment{Text: text(start, max(start, end)), Mark: mark})
		pos = max(start, end)
		i = j
	}
	if pos < len(src) {
		segs = append(segs, htmlSegment{Text: text(pos, len(src))})
	}
	return problems, segs
}

func clamp(off, n int) int { return min(max(off, 0), n) }

// Close implements Reporter: it writes the page.
func (h *HTML) Close() error {
	page := htmlPage{
		Version: h.meta.Version,
		Summary: h.count.Summary(),
		CSP: fmt.Sprintf("default-src 'none'; img-src data:; style-src '%s'; script-src '%s'; base-uri 'none'; form-action 'none'",
			cspHash(h.css), cspHash(h.js)),
		CSS:   template.CSS(h.css), //nolint:gosec // our own embedded style sheet
		JS:    template.JS(h.js),   //nolint:gosec // our own embedded script
		Files: h.files,
	}
	w := bufio.NewWriter(h.w)
	if err := h.tmpl.Execute(w, page); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// cspHash returns the CSP source expression that allows an inline element
// with exactly this content.
func cspHash(content string) string {
	sum := sha256.Sum256([]byte(content))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}
