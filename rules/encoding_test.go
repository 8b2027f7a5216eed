package rules_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// TestEncodingRule: one warning per file at the first invalid byte, and
// the rest of the file still linted.
func TestEncodingRule(t *testing.T) {
	// Latin-1 no-break space (A0) and degree sign (B0)
	src := []byte("Line one.\nIt is 35\xb0C\xa0today.\nThe rail tunnel runs for 57km (92 miles).\n")
	res, err := lint.CheckBytes(context.Background(), "a.txt", src, rules.All(), lint.Options{})
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 2)

	d := res.Diagnostics[0]
	assert.Equal(t, "encoding", d.Rule)
	assert.Equal(t, lint.SeverityWarning, d.Severity)
	assert.Equal(t, [2]int{18, 19}, [2]int{d.Start, d.End})
	assert.Equal(t, lint.Position{Filename: "a.txt", Offset: 18, Line: 2, Column: 9}, res.File.Position(d.Start))
	assert.Equal(t, "byte 0xB0 is not valid UTF-8, nor are later bytes: save the file as UTF-8 (it is linted as it is)", d.Message)

	assert.Equal(t, "conversion", res.Diagnostics[1].Rule, "the rest is linted")
	assert.Equal(t, "57km (92 miles", string(src[res.Diagnostics[1].Start:res.Diagnostics[1].End]))

	// one bad byte alone
	res, err = lint.CheckBytes(context.Background(), "a.txt", []byte("ok \xff ok"), rules.All(), lint.Options{})
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 1)
	assert.Equal(t, "byte 0xFF is not valid UTF-8: save the file as UTF-8 (it is linted as it is)", res.Diagnostics[0].Message)

	// valid UTF-8 and a BOM: nothing
	res, err = lint.CheckBytes(context.Background(), "a.txt", []byte("\uFEFF35\u00b0C is hot"), rules.All(), lint.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Diagnostics)

	// off like any rule
	res, err = lint.CheckBytes(context.Background(), "a.txt", []byte("ok \xff ok"), rules.All(),
		lint.Options{Severity: map[string]lint.Severity{"encoding": lint.SeverityOff}})
	require.NoError(t, err)
	assert.Empty(t, res.Diagnostics)
}
