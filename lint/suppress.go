package lint

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// SuppressionKind is what an inline suppression directive does.
type SuppressionKind uint8

// Suppression kinds.
const (
	// SuppressDisable turns rules off from the directive on, until an
	// enable that names them (or names no rule): <!-- unitlint-disable -->.
	SuppressDisable SuppressionKind = iota + 1
	// SuppressEnable turns rules back on: <!-- unitlint-enable -->.
	SuppressEnable
	// SuppressNextLine turns rules off on the line after the directive's
	// last line: <!-- unitlint-disable-next-line -->.
	SuppressNextLine
	// SuppressLine turns rules off on the directive's own line: a line of
	// plain text containing "unitlint:ignore".
	SuppressLine
)

// Directive words.
const (
	directiveDisable  = "unitlint-disable"
	directiveEnable   = "unitlint-enable"
	directiveNextLine = "unitlint-disable-next-line"
	// IgnoreMarker marks a line of plain text whose diagnostics are
	// suppressed, optionally followed by rule names.
	IgnoreMarker = "unitlint:ignore"
)

// String returns the directive as written.
func (k SuppressionKind) String() string {
	switch k {
	case SuppressDisable:
		return directiveDisable
	case SuppressEnable:
		return directiveEnable
	case SuppressNextLine:
		return directiveNextLine
	case SuppressLine:
		return IgnoreMarker
	}
	return "unknown"
}

// Suppression is one inline directive of a document, recorded by its
// parser. Analyze drops the diagnostics it covers; with
// Options.ReportUnusedSuppressions it reports the ones that covered none.
type Suppression struct {
	Kind SuppressionKind
	// Start and End span the directive in the source file (the whole
	// comment, or the marker and its rule names).
	Start, End int
	// Rules are the rule names the directive applies to; empty means
	// every rule.
	Rules []string
}

// ParseDirective reads the text of a Markdown or HTML comment (without
// "<!--" and "-->"): "unitlint-disable", "unitlint-enable" or
// "unitlint-disable-next-line", each optionally followed by rule names
// separated by spaces or commas, and optionally by " -- " and a reason,
// which is ignored. ok is false for any other comment.
func ParseDirective(comment string) (kind SuppressionKind, rules []string, ok bool) {
	comment, _, _ = strings.Cut(comment, " -- ")
	fields := ruleNames(comment)
	if len(fields) == 0 {
		return 0, nil, false
	}
	switch fields[0] {
	case directiveDisable:
		kind = SuppressDisable
	case directiveEnable:
		kind = SuppressEnable
	case directiveNextLine:
		kind = SuppressNextLine
	default:
		return 0, nil, false
	}
	if len(fields) == 1 {
		return kind, nil, true
	}
	return kind, fields[1:], true
}

// ruleNames splits a list of rule names on spaces and commas.
func ruleNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\r' || r == '\n'
	})
}

// TextSuppressions finds the "unitlint:ignore" markers of a plain-text
// source from offset start on: each suppresses its own line, for the rule
// names that follow it on the line (all rules when none do). A name is a
// run of lower-case letters, digits and hyphens.
func TextSuppressions(src []byte, start int) []Suppression {
	var out []Suppression
	marker := []byte(IgnoreMarker)
	// look for the marker's colon, rare in prose, rather than its first
	// letter: a scan of prose then stops a few times a page, not a line
	colon := bytes.IndexByte(marker, ':')
	for from := start + colon; from < len(src); {
		i := bytes.IndexByte(src[from:], ':')
		if i < 0 {
			return out
		}
		at := from + i - colon
		from += i + 1
		if !bytes.HasPrefix(src[at:], marker) {
			continue
		}
		s := Suppression{Kind: SuppressLine, Start: at}
		end := s.Start + len(marker)
		// rule names: " conversion, temperature-change"
		for {
			j := end
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == ',') {
				j++
			}
			k := j
			for k < len(src) && isRuleNameByte(src[k]) {
				k++
			}
			if k == j {
				break
			}
			s.Rules = append(s.Rules, string(src[j:k]))
			end = k
		}
		s.End = end
		out = append(out, s)
		from = end + colon
	}
	return out
}

func isRuleNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
}

// Unused-suppression reporting.
const (
	// RuleUnusedSuppression is the rule name of the diagnostic reported
	// for a directive that suppressed nothing.
	RuleUnusedSuppression = "unused-suppression"
)

// suppressor applies a document's suppressions to its diagnostics.
type suppressor struct {
	file *File
	sups []Suppression
	// used[i] holds the rule names suppression i suppressed a diagnostic
	// of ("" for a directive that names no rule).
	used []map[string]bool
}

func newSuppressor(f *File, sups []Suppression) *suppressor {
	sorted := slices.Clone(sups)
	slices.SortStableFunc(sorted, func(a, b Suppression) int { return a.Start - b.Start })
	return &suppressor{file: f, sups: sorted, used: make([]map[string]bool, len(sorted))}
}

// applies reports whether suppression s names rule (or names none), and
// the key its use is recorded under.
func applies(s *Suppression, rule string) (string, bool) {
	if len(s.Rules) == 0 {
		return "", true
	}
	if slices.Contains(s.Rules, rule) {
		return rule, true
	}
	return "", false
}

// covers returns the suppression that drops d, or -1.
func (sp *suppressor) covers(d *Diagnostic) int {
	line := 0
	region := -1
	for i := range sp.sups {
		s := &sp.sups[i]
		switch s.Kind {
		case SuppressLine, SuppressNextLine:
			if _, ok := applies(s, d.Rule); !ok {
				continue
			}
			if line == 0 {
				line = sp.file.Position(d.Start).Line
			}
			target := sp.file.Position(s.Start).Line
			if s.Kind == SuppressNextLine {
				target = sp.file.Position(s.End).Line + 1
			}
			if target == line {
				return i
			}
		case SuppressDisable, SuppressEnable:
			// the last disable or enable before d that concerns its rule
			if s.End > d.Start {
				continue
			}
			if _, ok := applies(s, d.Rule); ok {
				region = i
			}
		}
	}
	if region >= 0 && sp.sups[region].Kind == SuppressDisable {
		return region
	}
	return -1
}

// filter drops the suppressed diagnostics and records the uses.
func (sp *suppressor) filter(ds []Diagnostic) []Diagnostic {
	kept := ds[:0]
	for _, d := range ds {
		i := sp.covers(&d)
		if i < 0 {
			kept = append(kept, d)
			continue
		}
		key, _ := applies(&sp.sups[i], d.Rule)
		if sp.used[i] == nil {
			sp.used[i] = map[string]bool{}
		}
		sp.used[i][key] = true
	}
	return kept
}

// unused returns a warning for each directive (or each rule a directive
// names) that suppressed nothing. known holds the names of the rules of
// the run, to tell a misspelt name from an idle one.
func (sp *suppressor) unused(known []string, sev Severity) []Diagnostic {
	var out []Diagnostic
	for i := range sp.sups {
		s := &sp.sups[i]
		if s.Kind == SuppressEnable {
			continue
		}
		var msg string
		if len(s.Rules) == 0 {
			if sp.used[i][""] {
				continue
			}
			msg = fmt.Sprintf("%s suppresses nothing: no diagnostic is reported here", s.Kind)
		} else {
			var idle, unknown []string
			for _, r := range s.Rules {
				switch {
				case !slices.Contains(known, r):
					unknown = append(unknown, r)
				case !sp.used[i][r]:
					idle = append(idle, r)
				}
			}
			var parts []string
			if len(unknown) > 0 {
				parts = append(parts, "no rule is named "+quoteAll(unknown))
			}
			if len(idle) > 0 {
				parts = append(parts, "no "+quoteAll(idle)+" diagnostic is reported here")
			}
			if len(parts) == 0 {
				continue
			}
			msg = fmt.Sprintf("%s suppresses nothing: %s", s.Kind, strings.Join(parts, "; "))
		}
		out = append(out, Diagnostic{Start: s.Start, End: s.End, Rule: RuleUnusedSuppression, Severity: sev, Message: msg})
	}
	return out
}

// quoteAll writes names as "a", "b".
func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
