package lint_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
)

// worseFinder reports every "worse", to tell rules apart in suppressions.
var worseFinder = &lint.Analyzer{
	Name:     "worse-word",
	Summary:  "finds worse",
	Severity: lint.SeverityError,
	Run: func(p *lint.Pass) (any, error) {
		for off := 0; ; {
			k := strings.Index(string(p.Doc.Text[off:]), "worse")
			if k < 0 {
				return nil, nil
			}
			p.Report(lint.Diagnostic{Start: off + k, End: off + k + 5, Message: "worse word"})
			off += k + 5
		}
	},
}

func TestParseDirective(t *testing.T) {
	tests := []struct {
		comment string
		kind    lint.SuppressionKind
		rules   []string
		ok      bool
	}{
		{" unitlint-disable ", lint.SuppressDisable, nil, true},
		{"unitlint-enable", lint.SuppressEnable, nil, true},
		{" unitlint-disable-next-line conversion ", lint.SuppressNextLine, []string{"conversion"}, true},
		{"unitlint-disable conversion, temperature-change", lint.SuppressDisable, []string{"conversion", "temperature-change"}, true},
		{"\n  unitlint-disable-next-line\tconversion\n", lint.SuppressNextLine, []string{"conversion"}, true},
		{" unitlint-disable conversion -- the source is quoted as printed ", lint.SuppressDisable, []string{"conversion"}, true},
		{" unitlint-disabled ", 0, nil, false},
		{" a comment about unitlint-disable ", 0, nil, false},
		{"", 0, nil, false},
	}
	for _, tt := range tests {
		kind, rules, ok := lint.ParseDirective(tt.comment)
		assert.Equal(t, tt.ok, ok, "%q", tt.comment)
		assert.Equal(t, tt.kind, kind, "%q", tt.comment)
		assert.Equal(t, tt.rules, rules, "%q", tt.comment)
	}
}

func TestTextSuppressions(t *testing.T) {
	src := []byte("a bad day\nbad again unitlint:ignore\nworse, bad unitlint:ignore worse-word, other\nbad\n")
	sups := lint.TextSuppressions(src, 0)
	assert.Equal(t, []lint.Suppression{
		{Kind: lint.SuppressLine, Start: 20, End: 35},
		{Kind: lint.SuppressLine, Start: 47, End: 80, Rules: []string{"worse-word", "other"}},
	}, sups)
	assert.Equal(t, "unitlint:ignore worse-word, other", string(src[47:80]))

	res, err := lint.CheckBytes(context.Background(), "a.txt", src, []*lint.Analyzer{wordFinder, worseFinder},
		lint.Options{ReportUnusedSuppressions: true})
	require.NoError(t, err)
	type diag struct {
		start int
		rule  string
		msg   string
	}
	var got []diag
	for _, d := range res.Diagnostics {
		got = append(got, diag{d.Start, d.Rule, d.Message})
	}
	assert.Equal(t, []diag{
		{2, "bad-word", "bad word"},
		{43, "bad-word", "bad word"}, // line 3 ignores worse-word only
		{47, "unused-suppression", `unitlint:ignore suppresses nothing: no rule is named "other"`},
		{81, "bad-word", "bad word"},
	}, got)
}

// doc returns a plain-text document of src with the given suppressions.
func docWith(src string, sups ...lint.Suppression) *lint.Document {
	d := lint.NewTextDocument(lint.NewFile("a.md", []byte(src)))
	d.Suppressions = sups
	return d
}

func TestSuppressionRegions(t *testing.T) {
	// "bad" at 0, 21, 41; "worse" at 25, 45; line 2 starts at 21, line 3 at 41
	src := "bad.................\nbad worse..........\nbad worse"
	disable := func(start int, rules ...string) lint.Suppression {
		return lint.Suppression{Kind: lint.SuppressDisable, Start: start, End: start + 1, Rules: rules}
	}
	enable := func(start int, rules ...string) lint.Suppression {
		return lint.Suppression{Kind: lint.SuppressEnable, Start: start, End: start + 1, Rules: rules}
	}
	tests := []struct {
		name string
		sups []lint.Suppression
		want []int // starts of the diagnostics kept
	}{
		{"none", nil, []int{0, 21, 25, 41, 45}},
		{"disable all from line 2", []lint.Suppression{disable(20)}, []int{0}},
		{"disable then enable", []lint.Suppression{disable(4), enable(35)}, []int{0, 41, 45}},
		{"disable one rule", []lint.Suppression{disable(4, "worse-word")}, []int{0, 21, 41}},
		{"enable one rule of an all-rule disable", []lint.Suppression{disable(4), enable(35, "worse-word")}, []int{0, 45}},
		{"enable that names another rule", []lint.Suppression{disable(4, "bad-word"), enable(35, "worse-word")}, []int{0, 25, 45}},
		{"next line", []lint.Suppression{{Kind: lint.SuppressNextLine, Start: 5, End: 10}}, []int{0, 41, 45}},
		{"next line, one rule", []lint.Suppression{{Kind: lint.SuppressNextLine, Start: 5, End: 10, Rules: []string{"bad-word"}}}, []int{0, 25, 41, 45}},
		{"next line of a directive over two lines", []lint.Suppression{{Kind: lint.SuppressNextLine, Start: 5, End: 30}}, []int{0, 21, 25}},
		{"this line", []lint.Suppression{{Kind: lint.SuppressLine, Start: 30, End: 35}}, []int{0, 41, 45}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := lint.Analyze(context.Background(), docWith(src, tt.sups...), []*lint.Analyzer{wordFinder, worseFinder}, nil)
			require.NoError(t, err)
			var got []int
			for _, d := range res.Diagnostics {
				got = append(got, d.Start)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestUnusedSuppressions(t *testing.T) {
	src := "bad\nfine\nworse\nfine"
	sups := []lint.Suppression{
		{Kind: lint.SuppressNextLine, Start: 0, End: 0}, // covers line 2, which is clean
		{Kind: lint.SuppressDisable, Start: 3, End: 4, Rules: []string{"bad-word", "worse-word", "nope"}},
		{Kind: lint.SuppressEnable, Start: 18, End: 19},
		{Kind: lint.SuppressNextLine, Start: 18, End: 19},
	}
	res, err := lint.Analyze(context.Background(), docWith(src, sups...), []*lint.Analyzer{wordFinder, worseFinder},
		&lint.Options{ReportUnusedSuppressions: true})
	require.NoError(t, err)
	type diag struct {
		start, end int
		rule, msg  string
		sev        lint.Severity
	}
	var got []diag
	for _, d := range res.Diagnostics {
		got = append(got, diag{d.Start, d.End, d.Rule, d.Message, d.Severity})
	}
	assert.Equal(t, []diag{
		{0, 0, "unused-suppression", "unitlint-disable-next-line suppresses nothing: no diagnostic is reported here", lint.SeverityWarning},
		{0, 3, "bad-word", "bad word", lint.SeverityWarning},
		{3, 4, "unused-suppression", `unitlint-disable suppresses nothing: no rule is named "nope"; no "bad-word" diagnostic is reported here`, lint.SeverityWarning},
		{18, 19, "unused-suppression", "unitlint-disable-next-line suppresses nothing: no diagnostic is reported here", lint.SeverityWarning},
	}, got)

	// off by default, and its severity can be set like a rule's
	res, err = lint.Analyze(context.Background(), docWith(src, sups...), []*lint.Analyzer{wordFinder, worseFinder}, nil)
	require.NoError(t, err)
	assert.Len(t, res.Diagnostics, 1)
	res, err = lint.Analyze(context.Background(), docWith(src, sups...), []*lint.Analyzer{wordFinder, worseFinder},
		&lint.Options{ReportUnusedSuppressions: true, Severity: map[string]lint.Severity{"unused-suppression": lint.SeverityError}})
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 4)
	assert.Equal(t, lint.SeverityError, res.Diagnostics[0].Severity)
	res, err = lint.Analyze(context.Background(), docWith(src, sups...), []*lint.Analyzer{wordFinder, worseFinder},
		&lint.Options{ReportUnusedSuppressions: true, Severity: map[string]lint.Severity{"unused-suppression": lint.SeverityOff}})
	require.NoError(t, err)
	assert.Len(t, res.Diagnostics, 1)
}

// TestTextSuppressionsMatchesIndex holds TextSuppressions, which looks for
// the marker's colon, to a search for the whole marker from every start.
func TestTextSuppressionsMatchesIndex(t *testing.T) {
	reference := func(src []byte, start int) []lint.Suppression {
		var out []lint.Suppression
		for off := start; ; {
			i := bytes.Index(src[off:], []byte(lint.IgnoreMarker))
			if i < 0 {
				return out
			}
			at := off + i
			// the rule names as the function reads them after a marker
			// that starts exactly at the start
			one := lint.TextSuppressions(src, at)
			if len(one) == 0 || one[0].Start != at {
				t.Fatalf("%q from %d: no marker read at %d", src, start, at)
			}
			out = append(out, one[0])
			off = one[0].End
		}
	}
	pieces := []string{"unitlint:ignore", "unitlint:", ":", "ignore", " conversion", ",", " ", "\n", "unit", "lint:ignore", "x"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := []byte(b.String())
		start := rng.IntN(len(src) + 1)
		assert.Equal(t, reference(src, start), lint.TextSuppressions(src, start), "%q from %d", src, start)
	}
}
