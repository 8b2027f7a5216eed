package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
)

func TestExchangeRate(t *testing.T) {
	tests := []struct {
		text    string
		flagged string // the pair flagged, "" for none
		fix     string
	}{
		{"The government will spend £5bn ($6.4bn) on rail. A further £2bn ($3.1bn) will go on buses.", "£2bn ($3.1bn", "2.6"},
		{"The club paid €45m (£38m) in 2021. He earns €200,000 (£169,000) a week. He would get a €10m (£12m) bonus.", "€10m (£12m", "8.5"},
		{"The club paid €45m (£38m) in 2021. He earns €200,000 (£169,000) a week.", "", ""},
		{"The deal is worth $1.5m (£1.2m) a year, and a bonus of £400,000 ($500,000).", "", ""},
		{"The budget is £5bn ($6.4bn), and the loan €3bn ($3.3bn).", "", ""},
		{"Sales reached 10bn yuan ($1.55bn; £970m). Profit was 2bn yuan ($0.31bn).", "", ""},
		{"Sales reached 10bn yuan ($1.55bn). Profit was 2bn yuan ($0.4bn).", "2bn yuan ($0.4bn", "0.31"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ds := check(t, tt.text, lint.Options{})
			var got []lint.Diagnostic
			for _, d := range ds {
				if d.Rule == "exchange-rate" {
					got = append(got, d)
				}
			}
			if tt.flagged == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			d := got[0]
			assert.Equal(t, tt.flagged, tt.text[d.Start:d.End])
			assert.Equal(t, lint.SeverityWarning, d.Severity)
			require.Len(t, d.Fixes, 1)
			assert.Equal(t, tt.fix, d.Fixes[0].Edits[0].NewText, d.Message)
		})
	}
}
