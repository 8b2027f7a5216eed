package rules

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
)

// reportJudged reports the failing pairs a rule owns (those for which
// owns returns true). It stops with the context's error when the pass is
// cancelled.
func reportJudged(p *lint.Pass, owns func(*Judged) bool) error {
	js, _ := p.ResultOf[Judgements].([]Judged)
	sev := p.Options.SeverityOf(p.Analyzer)
	for i := range js {
		if i%1024 == 0 {
			if err := p.Context.Err(); err != nil {
				return err
			}
		}
		j := &js[i]
		if j.Result.Verdict == judge.OK || !owns(j) {
			continue // most pairs: nothing copied
		}
		r := &j.Result
		d := lint.Diagnostic{
			Start:    j.Start,
			End:      j.End,
			Severity: severityOf(r.Verdict, sev),
			Cause:    string(r.Cause),
		}
		if j.Restated() {
			// the later mention carries the finding; the earlier is related
			d.Start, d.End = j.B.Start, j.B.End
			d.Message = restatedMessage(p, j)
			d.Related = []lint.RelatedInformation{{Start: j.A.Start, End: j.A.End, Message: "first stated here"}}
		} else {
			d.Message = Message(*j)
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
	return nil
}

// restatedMessage writes "the 280-sq-mile lake restates 450 sq km (line
// 1), which is about 173.7 square miles".
func restatedMessage(p *lint.Pass, j *Judged) string {
	line := p.Doc.File.Position(p.Doc.SourceOffset(j.A.Start)).Line
	what := ""
	if j.Result.Change {
		what = "the change of "
	}
	msg := fmt.Sprintf("%s restates %s%s (line %d), which is %s", j.Judge.B.Text, what, j.Judge.A.Text, line, ExpectedText(*j))
	if j.Result.Explanation != "" {
		msg += ": " + j.Result.Explanation
	}
	return msg
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
	exp := ExpectedText(j)
	var b strings.Builder
	b.Grow(len(j.Judge.A.Text) + len(" (a change) is ") + len(exp) + len(", not ") + len(j.Judge.B.Text) + 2 + len(r.Explanation))
	b.WriteString(j.Judge.A.Text)
	if r.Change {
		b.WriteString(" (a change)")
	}
	b.WriteString(" is ")
	b.WriteString(exp)
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
	exact := r.Exact()
	if len(exact) == 0 {
		return "something else"
	}
	b := j.Judge.B
	unit := b.UnitText
	sep := " "
	switch {
	case r.Cause == judge.CauseWrongUnit && r.Unit != nil, strings.Contains(b.Text, "-"+b.UnitText):
		// "6,200 kilometres" for an area, "280-sq-mile": name the unit in full
		if r.Unit != nil {
			unit = r.Unit.Plural
		}
	case len(b.Numbers) > 0 && b.Numbers[len(b.Numbers)-1].End == b.UnitStart:
		sep = "" // "95F", "16km": glued as written
	case unit != "" && !startsWithLetter(unit):
		sep = ""
	}
	// written with a scale word ("5 million cubic feet"): say it the same way
	scale, scaleWord := scaleOf(b)
	var out strings.Builder
	out.Grow(len("about ") + 16*len(exact) + len(sep) + len(unit))
	out.WriteString("about ")
	for i, v := range exact {
		if i > 0 {
			out.WriteByte('-')
		}
		if scale != nil {
			v = v.Quo(v, scale) // Exact's values are the caller's
		}
		out.WriteString(numeral.Display(v))
		out.WriteString(scaleWord)
	}
	out.WriteString(sep)
	out.WriteString(unit)
	return out.String()
}

// scaleOf returns the scale of B's last number and the scale word as
// written after it (" million", "bn"), or nil.
func scaleOf(b judge.Operand) (*big.Rat, string) {
	if len(b.Numbers) == 0 {
		return nil, ""
	}
	last := b.Numbers[len(b.Numbers)-1]
	if last.Scale == nil {
		return nil, ""
	}
	base := b.Numbers[0].SignStart
	from, to := last.End-base, b.UnitStart-base
	if from < 0 || to > len(b.Text) || from > to {
		return nil, ""
	}
	return last.Scale, strings.TrimRight(b.Text[from:to], " -\u00a0")
}

func startsWithLetter(s string) bool {
	return s != "" && (s[0]|0x20) >= 'a' && (s[0]|0x20) <= 'z'
}
