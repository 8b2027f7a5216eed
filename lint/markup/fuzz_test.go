package markup_test

import (
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
	doc, err := kind.Parser()(lint.NewFile("f", []byte(src)))
	require.NoError(t, err)
	checkSegments(t, doc)
	if utf8.ValidString(src) {
		require.True(t, utf8.Valid(doc.Text), "valid in, valid out: %q", doc.Text)
	}
	// spans inside a block map to ordered spans of the file (blocks need
	// not be in source order: alt text follows its paragraph)
	off := 0
	for _, block := range strings.Split(string(doc.Text), markup.BlockSeparator) {
		for i := off; i <= off+len(block); i++ {
			s, e := doc.SourceSpan(i, min(i+3, off+len(block)))
			require.True(t, 0 <= s && s <= e && e <= len(src), "span %d: [%d, %d) of %d", i, s, e, len(src))
		}
		off += len(block) + len(markup.BlockSeparator)
	}
	for _, sp := range doc.Suppressions {
		require.True(t, 0 <= sp.Start && sp.Start < sp.End && sp.End <= len(src), "suppression %+v", sp)
	}
}

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
