package rules_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

func check(t *testing.T, text string, opts lint.Options) []lint.Diagnostic {
	t.Helper()
	res, err := lint.CheckBytes(context.Background(), "a.txt", []byte(text), rules.All(), opts)
	require.NoError(t, err)
	return res.Diagnostics
}

// TestRuleExamples runs every example of every rule's documentation: bad
// examples must draw the rule, good ones nothing at all.
func TestRuleExamples(t *testing.T) {
	for _, r := range rules.All() {
		require.NotEmpty(t, r.Examples, r.Name)
		require.NotEmpty(t, r.Summary, r.Name)
		require.NotEmpty(t, r.Doc, r.Name)
		for _, ex := range r.Examples {
			ds := check(t, ex.Text, lint.Options{})
			if !ex.Bad {
				assert.Empty(t, ds, "%s: good example %q", r.Name, ex.Text)
				continue
			}
			var rulesHit []string
			for _, d := range ds {
				rulesHit = append(rulesHit, d.Rule)
			}
			assert.Contains(t, rulesHit, r.Name, "%s: bad example %q", r.Name, ex.Text)
		}
	}
}

func TestByName(t *testing.T) {
	assert.Same(t, rules.Conversion, rules.ByName("conversion"))
	assert.Nil(t, rules.ByName("nope"))
}

// TestWorkedExamples holds PRECISION.md §5 end to end: each example in a
// sentence, through scanning, pairing, judgement and the rules.
func TestWorkedExamples(t *testing.T) {
	tests := []struct {
		text  string
		rule  string // "" for no diagnostic
		sev   lint.Severity
		cause string
		fix   string // the fix's new text for B's number
	}{
		{"Kyiv occupies 1,000 sq km (386 sq miles).", "", 0, "", ""},
		{"Russia claims 100,000 sq km (453 sq miles).", "conversion", lint.SeverityError, "", "38,600"},
		{"Russia claims 100,000 sq km (38,600 sq miles).", "", 0, "", ""},
		{"The road is 100km (60 miles) long.", "", 0, "", ""},
		{"The road is 100km (70 miles) long.", "conversion", lint.SeverityWarning, "", "62"},
		{"The walk is 1.5 miles (2.5km) long.", "", 0, "", ""},
		{"The world faces 2C (35.6F) of warming.", "temperature-change", lint.SeverityError, "offset-on-temperature-change", "3.6"},
		{"Scientists fear a 2C (3.6F) rise.", "", 0, "", ""},
		{"Temperatures hit 35C (95F).", "", 0, "", ""},
		{"The lake covers 10 sq km (6.2 sq miles).", "conversion", lint.SeverityError, "linear-factor-for-area", "3.9"},
		{"Winds reached 60mph (97km/h).", "", 0, "", ""},
		{"The run is 10km (10 miles) long.", "conversion", lint.SeverityError, "", "6.2"},
		{"The walk is 1 mile (2km) long.", "conversion", lint.SeverityWarning, "", "1.6"},
		{"Kyiv occupies 1,000 sq km (387 sq miles).", "", 0, "", ""},
		{"Winds reached 130mph (215km/h).", "", 0, "", ""},
		{"Temperatures reached 40C (100F).", "", 0, "", ""},
		{"Temperatures reached 30C (90F).", "conversion", lint.SeverityWarning, "", "86"},
		{"The flight covered 15,200km (8,200 miles).", "conversion", lint.SeverityError, "nautical-vs-statute-mile", "9,400"},
		{"The hall covers 3,000 sq m (3,300 sq yd).", "conversion", lint.SeverityError, "linear-factor-for-area", "3,600"},
		{"There are 500 people per sq km (193 per sq mile).", "conversion", lint.SeverityError, "", "1,290"},
		{"It was 1.55C (35F) above average.", "temperature-change", lint.SeverityError, "offset-on-temperature-change", "2.8"},
		{"The road is 6,000 km (3,728 miles) long.", "", 0, "", ""},
		{"The baby weighed 7lb (3.5kg).", "conversion", lint.SeverityWarning, "", "3.2"},
		{"The bag weighed 1lb (0.5kg).", "", 0, "", ""},
		{"The storm moved at 15 knots (15mph).", "conversion", lint.SeverityError, "knots-as-mph", "17"},
		{"Walkers can take a 6-mile (11km) run.", "conversion", lint.SeverityWarning, "", "9.7"},
		{"The peak is 6,961 m (22,841 ft) high.", "", 0, "", ""},
		{"Countries agreed to hold warming to 2C (3.6F).", "", 0, "", ""},
		{"Forecasters expect the 6C (43F) jump.", "temperature-change", lint.SeverityError, "offset-on-temperature-change", "11"},
		{"Fires burned more than 4,200 sq km (1,450 sq miles).", "conversion", lint.SeverityWarning, "", "1,600"},
		{"The ice covers 5.2 million square miles (13 million kilometres).", "conversion", lint.SeverityError, "wrong-unit", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ds := check(t, tt.text, lint.Options{})
			if tt.rule == "" {
				assert.Empty(t, ds)
				return
			}
			require.Len(t, ds, 1)
			d := ds[0]
			assert.Equal(t, tt.rule, d.Rule)
			assert.Equal(t, tt.sev, d.Severity, d.Message)
			if tt.cause != "" {
				assert.Equal(t, tt.cause, d.Cause, d.Message)
			}
			if tt.fix != "" {
				require.NotEmpty(t, d.Fixes)
				require.NotEmpty(t, d.Fixes[0].Edits)
				assert.Equal(t, tt.fix, d.Fixes[0].Edits[0].NewText, d.Message)
			}
		})
	}
}
