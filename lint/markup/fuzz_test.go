package markup_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
)

// seedArticles adds the test articles of an extension to a fuzz corpus.
func seedArticles(f *testing.F, ext string) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*"+ext))
	require.NoError(f, err)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(string(b))
	}
}

// fuzzMapping holds the segment map of any input to its contract, and
// every span of Text to a span of the file.
func fuzzMapping(t *testing.T, kind markup.Kind, src string) {
	doc, err := kind.Parser()(context.Background(), lint.NewFile("f", []byte(src)))
	require.NoError(t, err)
	checkSegments(t, doc)
	if utf8.ValidString(src) {
		require.True(t, utf8.Valid(doc.Text), "valid in, valid out: %q", doc.Text)
	}
	// spans inside a block map to ordered spans of the file (blocks need
	// not be in source order: alt text follows its paragraph); a span of
	// whole characters of Text maps to whole characters of a valid file
	off := 0
	validSrc := utf8.ValidString(src)
	for _, block := range strings.Split(string(doc.Text), markup.BlockSeparator) {
		for i := off; i <= off+len(block); i++ {
			end := min(i+3, off+len(block))
			s, e := doc.SourceSpan(i, end)
			require.True(t, 0 <= s && s <= e && e <= len(src), "span %d: [%d, %d) of %d", i, s, e, len(src))
			if validSrc && runeStart(doc.Text, i) && runeStart(doc.Text, end) {
				require.True(t, runeStart([]byte(src), s) && runeStart([]byte(src), e),
					"span [%d, %d) of whole characters maps to [%d, %d), inside a character of the file", i, end, s, e)
			}
		}
		off += len(block) + len(markup.BlockSeparator)
	}
	for _, sp := range doc.Suppressions {
		require.True(t, 0 <= sp.Start && sp.Start < sp.End && sp.End <= len(src), "suppression %+v", sp)
	}
}

// runeStart reports whether offset i of b starts a character (or is the
// end of b).
func runeStart(b []byte, i int) bool { return i >= len(b) || utf8.RuneStart(b[i]) }

func FuzzMarkdown(f *testing.F) {
	seedArticles(f, ".md")
	for _, s := range []string{"**5 km** (3 miles)", "> <pre>\n> x\n", "---\ntitle: 'a''b'\n---\n", "+++\ntitle = \"\\u00b0\"\n+++\n", "a\\\nb  \nc\r\rd", "![a *b* `c`](d)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) { fuzzMapping(t, markup.Markdown, src) })
}

func FuzzHTML(f *testing.F) {
	seedArticles(f, ".html")
	for _, s := range []string{"<p><b>5 km</b> (3 miles)</p>", "<img alt='&amp' title=x>", "&#x110000;&notit;", "<sup>2</sup><code>", "<!-- unitlint-disable -->"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) { fuzzMapping(t, markup.HTML, src) })
}
