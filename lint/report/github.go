package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/unitlint/unitlint/lint"
)

// GitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request's files:
//
//	::error file=a.txt,line=13,col=70,endLine=13,endColumn=99,title=unitlint (conversion)::100,000 sq km is ...
//
// Errors become ::error, warnings ::warning, infos ::notice; a file that
// could not be read is an ::error on the file.
type GitHub struct {
	w    *bufio.Writer
	meta Meta
}

// NewGitHub returns a GitHub Actions reporter writing to w.
func NewGitHub(w io.Writer, meta Meta) *GitHub {
	return &GitHub{w: bufio.NewWriter(w), meta: meta}
}

// githubCommand maps a severity to a workflow command.
func githubCommand(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// Report implements Reporter.
func (g *GitHub) Report(res *lint.Result) error {
	path, _ := g.meta.relPath(res.Path)
	if res.Err != nil {
		g.command("error", []string{"file", path, "title", toolName}, res.Err.Error())
	}
	if res.Skipped != "" {
		g.command("notice", []string{"file", path, "title", toolName}, "skipped: "+res.Skipped)
	}
	for _, d := range res.Diagnostics {
		s, e := res.File.Position(d.Start), res.File.Position(d.End)
		props := []string{
			"file", path,
			"line", fmt.Sprint(s.Line),
			"col", fmt.Sprint(s.Column),
			"endLine", fmt.Sprint(e.Line),
			"endColumn", fmt.Sprint(e.Column),
			"title", fmt.Sprintf("%s (%s)", toolName, d.Rule),
		}
		msg := d.Message
		if fix := fixText(d); fix != "" {
			msg += "\nfix: " + fix
		}
		g.command(githubCommand(d.Severity), props, msg)
	}
	return nil
}

// command writes ::name key=value,...::message with the runner's escapes.
func (g *GitHub) command(name string, props []string, msg string) {
	g.w.WriteString("::")
	g.w.WriteString(name)
	for i := 0; i+1 < len(props); i += 2 {
		if i == 0 {
			g.w.WriteByte(' ')
		} else {
			g.w.WriteByte(',')
		}
		g.w.WriteString(props[i])
		g.w.WriteByte('=')
		g.w.WriteString(EscapeGitHubProperty(props[i+1]))
	}
	g.w.WriteString("::")
	g.w.WriteString(EscapeGitHubData(msg))
	g.w.WriteByte('\n')
}

// Close implements Reporter.
func (g *GitHub) Close() error { return g.w.Flush() }

var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// EscapeGitHubData escapes a workflow command's message as the Actions
// runner requires: % as %25, CR as %0D, LF as %0A.
func EscapeGitHubData(s string) string { return githubData.Replace(s) }

// EscapeGitHubProperty escapes a workflow command's property value: as
// EscapeGitHubData, and : as %3A and , as %2C.
func EscapeGitHubProperty(s string) string { return githubProperty.Replace(s) }
