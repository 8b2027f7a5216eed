package report_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/report"
	"github.com/unitlint/unitlint/rules"
)

// TestTextOnALongLine shows a diagnostic on a line of a megabyte as it
// shows one on a short line with the same neighbourhood: the excerpt is cut
// from the span's surroundings (in code points, past multi-byte
// characters), and only the column differs.
func TestTextOnALongLine(t *testing.T) {
	pair := "Officials said the zone covers 100,000 sq km (453 sq miles) of farmland, they said."
	around := "Les côtes — très étendues — "
	filler := strings.Repeat(around, 40000) // 1.4 MB, no line end
	short := lintText(t, around+around+pair+" "+around+around)
	long := lintText(t, filler+pair+" "+filler)
	shortLines, longLines := strings.Split(short, "\n"), strings.Split(long, "\n")
	require.Len(t, longLines, len(shortLines))
	col := utf8.RuneCountInString(filler+"Officials said the zone covers ") + 1
	assert.Equal(t, fmt.Sprintf("story.txt:1:%d: error:", col), strings.Join(strings.Fields(longLines[0])[:2], " "))
	assert.Equal(t, shortLines[1:], longLines[1:], "the excerpt and its marker")
	assert.Contains(t, longLines[1], "... ")
	assert.Contains(t, longLines[1], " ...")
	assert.Contains(t, longLines[2], "^^^^")
}

// lintText lints one text file and returns the text report of it.
func lintText(t *testing.T, text string) string {
	t.Helper()
	res, err := lint.CheckBytes(context.Background(), "story.txt", []byte(text), rules.All(), lint.Options{})
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 1)
	var out bytes.Buffer
	r := report.NewText(&out, &out, false)
	require.NoError(t, r.Report(res))
	require.NoError(t, r.Close())
	return out.String()
}
