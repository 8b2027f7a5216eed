package fix_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/fix"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

func edit(start, end int, text string) lint.TextEdit {
	return lint.TextEdit{Start: start, End: end, NewText: text}
}

func one(edits ...lint.TextEdit) lint.SuggestedFix { return lint.SuggestedFix{Edits: edits} }

func TestApply(t *testing.T) {
	const src = "0123456789"
	tests := []struct {
		name    string
		fixes   []lint.SuggestedFix
		want    string
		applied []int
		skipped map[int]error
	}{
		{"none", nil, src, nil, nil},
		{"replace", []lint.SuggestedFix{one(edit(2, 4, "ab"))}, "01ab456789", []int{0}, nil},
		{"insert and delete", []lint.SuggestedFix{one(edit(0, 0, ">")), one(edit(9, 10, ""))}, ">012345678", []int{0, 1}, nil},
		{"given out of order", []lint.SuggestedFix{one(edit(8, 9, "x")), one(edit(1, 2, "y"))}, "0y234567x9", []int{0, 1}, nil},
		{"adjacent edits", []lint.SuggestedFix{one(edit(2, 4, "A")), one(edit(4, 6, "B"))}, "01AB6789", []int{0, 1}, nil},
		{"insertion at the end of a replacement", []lint.SuggestedFix{one(edit(2, 4, "A")), one(edit(4, 4, "+"))}, "01A+456789", []int{0, 1}, nil},
		{"overlap: the later is skipped", []lint.SuggestedFix{one(edit(2, 5, "A")), one(edit(4, 6, "B"))}, "01A56789", []int{0}, map[int]error{1: fix.ErrOverlap}},
		{"same span twice", []lint.SuggestedFix{one(edit(2, 5, "A")), one(edit(2, 5, "B"))}, "01A56789", []int{0}, map[int]error{1: fix.ErrOverlap}},
		{"two insertions at one point", []lint.SuggestedFix{one(edit(3, 3, "a")), one(edit(3, 3, "b"))}, "012a3456789", []int{0}, map[int]error{1: fix.ErrOverlap}},
		{"insertion where a replacement starts", []lint.SuggestedFix{one(edit(3, 5, "R")), one(edit(3, 3, "i"))}, "012R56789", []int{0}, map[int]error{1: fix.ErrOverlap}},
		{"insertion inside a replacement", []lint.SuggestedFix{one(edit(3, 6, "R")), one(edit(4, 4, "i"))}, "012R6789", []int{0}, map[int]error{1: fix.ErrOverlap}},
		{"a fix is all or nothing", []lint.SuggestedFix{one(edit(5, 6, "X")), one(edit(0, 1, "a"), edit(5, 7, "b"))}, "01234X6789", []int{0}, map[int]error{1: fix.ErrOverlap}},
		{"a fix whose own edits overlap", []lint.SuggestedFix{one(edit(0, 2, "a"), edit(1, 3, "b"))}, src, nil, map[int]error{0: fix.ErrOverlap}},
		{"outside the text", []lint.SuggestedFix{one(edit(8, 11, "x")), one(edit(0, 1, "a"))}, "a123456789", []int{1}, map[int]error{0: fix.ErrInvalid}},
		{"ends before it starts", []lint.SuggestedFix{one(edit(4, 3, "x"))}, src, nil, map[int]error{0: fix.ErrInvalid}},
		{"negative", []lint.SuggestedFix{one(edit(-1, 1, "x"))}, src, nil, map[int]error{0: fix.ErrInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(src)
			out, applied, skipped := fix.Apply(in, tt.fixes)
			assert.Equal(t, tt.want, string(out))
			assert.Equal(t, tt.applied, applied)
			assert.Equal(t, src, string(in), "the input is not modified")
			got := map[int]error{}
			for _, s := range skipped {
				got[s.Index] = s.Err
			}
			require.Len(t, got, len(tt.skipped))
			for i, want := range tt.skipped {
				assert.ErrorIs(t, got[i], want, "fix %d", i)
			}
		})
	}
}

func TestApplySkipMessage(t *testing.T) {
	_, _, skipped := fix.Apply([]byte("0123456789"), []lint.SuggestedFix{one(edit(2, 5, "A")), one(edit(4, 6, "B"))})
	require.Len(t, skipped, 1)
	assert.Equal(t, "overlaps another fix at byte 2", skipped[0].Err.Error())
}

// checker lints plain text with every rule: the LintFunc of the tests.
func checker(analyzers ...*lint.Analyzer) fix.LintFunc {
	if len(analyzers) == 0 {
		analyzers = rules.All()
	}
	return func(ctx context.Context, src []byte) (*lint.Result, error) {
		return lint.CheckBytes(ctx, "a.txt", src, analyzers, lint.Options{})
	}
}

func lintText(t *testing.T, relint fix.LintFunc, text string) *lint.Result {
	t.Helper()
	res, err := relint(context.Background(), []byte(text))
	require.NoError(t, err)
	return res
}

func TestFileFixesTheSeedStory(t *testing.T) {
	relint := checker()
	src := "Russia claims 18% (100,000 sq km or 453 sq miles) of its territory.\nThe rail tunnel runs for 57km (92 miles).\n"
	res := lintText(t, relint, src)
	require.Len(t, res.Diagnostics, 2)
	o, err := fix.File(context.Background(), res, relint)
	require.NoError(t, err)
	assert.True(t, o.Changed())
	assert.Equal(t, src, string(o.Before))
	// each number replaced by its diagnostic's fix, the seed's by 38,600
	tunnel := res.Diagnostics[1].Fixes[0].Edits[0]
	assert.Equal(t, "92", src[tunnel.Start:tunnel.End])
	assert.Equal(t, "Russia claims 18% (100,000 sq km or 38,600 sq miles) of its territory.\nThe rail tunnel runs for 57km ("+tunnel.NewText+" miles).\n", string(o.After))
	assert.Equal(t, 2, o.Fixed)
	assert.Empty(t, o.Result.Diagnostics)
	assert.Empty(t, o.Unfixed)

	again, err := fix.File(context.Background(), o.Result, relint)
	require.NoError(t, err)
	assert.False(t, again.Changed(), "fixing twice changes nothing")
	assert.Zero(t, again.Fixed)
}

// wordRule is a test rule: it flags every occurrence of a word and fixes
// the span [start of the word - back bytes, end of the word) with the
// text fix returns.
func wordRule(name, word string, back int, fixed func(span string) string) *lint.Analyzer {
	return &lint.Analyzer{
		Name: name, Summary: name, Severity: lint.SeverityError,
		Run: func(p *lint.Pass) (any, error) {
			text := p.Doc.Text
			for i := 0; ; {
				j := bytes.Index(text[i:], []byte(word))
				if j < 0 {
					return nil, nil
				}
				start, end := max(i+j-back, 0), i+j+len(word)
				p.Report(lint.Diagnostic{
					Start: start, End: end, Message: word,
					Fixes: []lint.SuggestedFix{{Message: "fix", Edits: []lint.TextEdit{{Start: start, End: end, NewText: fixed(string(text[start:end]))}}}},
				})
				i = end
			}
		},
	}
}

func TestFileGivesAnOverlappedFixItsTurn(t *testing.T) {
	// "foo" becomes "bar"; "<word> baz" becomes "<word> qux": in "foo baz"
	// the second fix overlaps the first, so it waits for the next pass.
	foo := wordRule("foo", "foo", 0, func(string) string { return "bar" })
	baz := wordRule("baz", "baz", 4, func(span string) string { return span[:4] + "qux" })
	relint := checker(foo, baz)
	res := lintText(t, relint, "foo baz")
	require.Len(t, res.Diagnostics, 2)
	_, applied, skipped := fix.Apply([]byte("foo baz"), []lint.SuggestedFix{res.Diagnostics[0].Fixes[0], res.Diagnostics[1].Fixes[0]})
	require.Len(t, applied, 1)
	require.Len(t, skipped, 1, "the fixes overlap")

	o, err := fix.File(context.Background(), res, relint)
	require.NoError(t, err)
	assert.Equal(t, "bar qux", string(o.After))
	assert.Equal(t, 2, o.Fixed)
	assert.Empty(t, o.Result.Diagnostics)
	assert.Empty(t, o.Unfixed)
}

func TestFileReportsWhatItCannotFix(t *testing.T) {
	// a fix that writes what is there already
	same := wordRule("same", "same", 0, func(span string) string { return span })
	o, err := fix.File(context.Background(), lintText(t, checker(same), "the same text"), checker(same))
	require.NoError(t, err)
	assert.False(t, o.Changed())
	require.Len(t, o.Unfixed, 1)
	assert.ErrorIs(t, o.Unfixed[0].Err, fix.ErrNoEffect)

	// two fixes that undo each other never settle
	ab := wordRule("ab", "a", 0, func(string) string { return "b" })
	ba := wordRule("ba", "b", 0, func(string) string { return "a" })
	relint := checker(ab, ba)
	o, err = fix.File(context.Background(), lintText(t, relint, "a"), relint)
	require.NoError(t, err)
	assert.Equal(t, fix.MaxPasses, o.Fixed)
	require.Len(t, o.Unfixed, 1)
	assert.ErrorIs(t, o.Unfixed[0].Err, fix.ErrUnsettled)
	assert.Equal(t, "fixes did not settle", o.Unfixed[0].Err.Error())
}

func TestFileRelintError(t *testing.T) {
	relint := checker()
	res := lintText(t, relint, "The rail tunnel runs for 57km (92 miles).")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := fix.File(ctx, res, relint)
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, "lint a.txt after fixing: context canceled", err.Error())
}

func TestDiff(t *testing.T) {
	before := "one\ntwo\nThe tunnel runs for 57km (92 miles).\nfour\nfive\nsix\nseven\n"
	after := "one\ntwo\nThe tunnel runs for 57km (35 miles).\nfour\nfive\nsix\nseven\n"
	d, err := fix.Diff("stories/a.txt", []byte(before), []byte(after))
	require.NoError(t, err)
	assert.Equal(t, `--- a/stories/a.txt
+++ b/stories/a.txt
@@ -1,6 +1,6 @@
 one
 two
-The tunnel runs for 57km (92 miles).
+The tunnel runs for 57km (35 miles).
 four
 five
 six
`, d)

	d, err = fix.Diff("a.txt", []byte("57km (92 miles)"), []byte("57km (35 miles)"))
	require.NoError(t, err)
	assert.Equal(t, "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-57km (92 miles)\n\\ No newline at end of file\n+57km (35 miles)\n\\ No newline at end of file\n", d)

	d, err = fix.Diff("a.txt", []byte("same\n"), []byte("same\n"))
	require.NoError(t, err)
	assert.Empty(t, d)
}
