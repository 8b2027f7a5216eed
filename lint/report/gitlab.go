package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"

	"github.com/unitlint/unitlint/lint"
)

// GitLab writes a GitLab code quality report (the Code Climate subset
// GitLab reads from artifacts:reports:codequality): a JSON array of issues
// with a description, check name, fingerprint, severity and the path and
// line. The fingerprint hashes the file, the rule, the flagged text and its
// occurrence, not the line, so an issue keeps its identity when lines move.
type GitLab struct {
	w      io.Writer
	meta   Meta
	issues []glIssue
}

// NewGitLab returns a GitLab code quality reporter writing to w.
func NewGitLab(w io.Writer, meta Meta) *GitLab {
	return &GitLab{w: w, meta: meta, issues: []glIssue{}}
}

type glIssue struct {
	Description string     `json:"description"`
	CheckName   string     `json:"check_name"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    glLocation `json:"location"`
}

type glLocation struct {
	Path  string  `json:"path"`
	Lines glLines `json:"lines"`
}

type glLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// glSeverity maps a severity to GitLab's (info, minor, major, critical,
// blocker).
func glSeverity(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "major"
	case lint.SeverityWarning:
		return "minor"
	}
	return "info"
}

// Report implements Reporter.
func (g *GitLab) Report(res *lint.Result) error {
	path, _ := g.meta.relPath(res.Path)
	if res.Err != nil {
		g.issues = append(g.issues, glIssue{
			Description: res.Err.Error(), CheckName: toolName, Severity: "blocker",
			Fingerprint: fingerprint(path, toolName, res.Err.Error(), 0),
			Location:    glLocation{Path: path, Lines: glLines{Begin: 1, End: 1}},
		})
	}
	seen := map[string]int{}
	for _, d := range res.Diagnostics {
		s, e := res.File.Position(d.Start), res.File.Position(d.End)
		text := string(res.File.Source()[s.Offset:e.Offset])
		key := d.Rule + "\x00" + text
		n := seen[key]
		seen[key]++
		msg := d.Message
		if fix := fixText(d); fix != "" {
			msg += " (fix: " + fix + ")"
		}
		g.issues = append(g.issues, glIssue{
			Description: msg, CheckName: d.Rule, Severity: glSeverity(d.Severity),
			Fingerprint: fingerprint(path, d.Rule, text, n),
			Location:    glLocation{Path: path, Lines: glLines{Begin: s.Line, End: e.Line}},
		})
	}
	return nil
}

// fingerprint identifies an issue: the n-th finding of rule on text in
// path.
func fingerprint(path, rule, text string, n int) string {
	h := sha256.New()
	for _, s := range []string{path, rule, text, strconv.Itoa(n)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Close implements Reporter: it writes the report.
func (g *GitLab) Close() error { return writeJSON(g.w, "gitlab", g.issues) }
