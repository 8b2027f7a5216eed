package rules

import (
	"fmt"
	"strings"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
)

// reportJudged reports the failing pairs a rule owns (those for which
// owns returns true).
func reportJudged(p *lint.Pass, owns func(judge.Cause) bool) {
	js, _ := p.ResultOf[Judgements].([]Judged)
	sev := p.Options.SeverityOf(p.Analyzer)
	for _, j := range js {
		r := j.Result
		if r.Verdict == judge.OK || !owns(r.Cause) {
			continue
		}
		d := lint.Diagnostic{
			Start:    j.Start,
			End:      j.End,
			Severity: severityOf(r.Verdict, sev),
			Message:  Message(j),
			Cause:    string(r.Cause),
		}
		if len(r.Fix) > 0 {
			edits := make([]lint.TextEdit, len(r.Fix))
			for i, e := range r.Fix {
				edits[i] = lint.TextEdit{Start: e.Start, End: e.End, NewText: e.NewText}
			}
			d.Fixes = []lint.SuggestedFix{{Message: "write " + r.FixText, Edits: edits}}
		}
		p.Report(d)
	}
}

// severityOf scales a rule's severity by the verdict: an error verdict
// takes the rule's severity, a warning at most warning, info at most info.
func severityOf(v judge.Verdict, rule lint.Severity) lint.Severity {
	var max lint.Severity
	switch v {
	case judge.Error:
		return rule
	case judge.Warning:
		max = lint.SeverityWarning
	default:
		max = lint.SeverityInfo
	}
	if rule < max {
		return rule
	}
	return max
}

// Message writes a judged pair's diagnostic message: "100,000 sq km is
// about 38,610 sq miles, not 453 sq miles", then the likely cause.
func Message(j Judged) string {
	r := j.Result
	var b strings.Builder
	b.WriteString(j.Judge.A.Text)
	if r.Change {
		b.WriteString(" (a change)")
	}
	b.WriteString(" is ")
	b.WriteString(ExpectedText(j))
	b.WriteString(", not ")
	b.WriteString(j.Judge.B.Text)
	if r.Explanation != "" {
		b.WriteString(": ")
		b.WriteString(r.Explanation)
	}
	return b.String()
}

// ExpectedText writes the exact conversion in B's unit as written:
// "about 38,610 sq miles", "3.1-6.2 miles".
func ExpectedText(j Judged) string {
	r := j.Result
	if len(r.Exact) == 0 {
		return "something else"
	}
	nums := make([]string, len(r.Exact))
	for i, v := range r.Exact {
		nums[i] = numeral.Display(v)
	}
	unit := j.Judge.B.UnitText
	if r.Cause == judge.CauseWrongUnit && r.Unit != nil {
		unit = r.Unit.Plural
	}
	sep := " "
	if unit != "" && !startsWithLetter(unit) || strings.HasPrefix(unit, "°") {
		sep = ""
	}
	return fmt.Sprintf("about %s%s%s", strings.Join(nums, "-"), sep, unit)
}

func startsWithLetter(s string) bool {
	return s != "" && (s[0]|0x20) >= 'a' && (s[0]|0x20) <= 'z'
}
