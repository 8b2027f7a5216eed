package markup_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
	"github.com/unitlint/unitlint/rules"
)

// want is one expected diagnostic: rule, start and end line, column
// (code points) and byte offset, and the source bytes it spans.
type want struct {
	rule                    string
	line, col, off          int
	endLine, endCol, endOff int
	text                    string
}

func article(name string) string { return filepath.Join("..", "..", "testdata", "articles", name) }

// lintFile lints one article as the command line does.
func lintFile(t *testing.T, name string, opts lint.Options) *lint.Result {
	t.Helper()
	r := &lint.Runner{Analyzers: rules.All(), Options: opts, Parse: func(p string) lint.ParseFunc { return markup.ForPath(p, nil) }}
	var got *lint.Result
	require.NoError(t, r.Run(context.Background(), []lint.Input{{Path: article(name)}}, func(res *lint.Result) error {
		got = res
		return nil
	}))
	require.NoError(t, got.Err)
	return got
}

// lineCol computes a position the slow way, to hold lint.File to it:
// lines end at "\n", "\r\n" or "\r"; columns count code points after a
// BOM.
func lineCol(src []byte, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			line, start = line+1, i+1
		}
	}
	if line == 1 && bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = 3
	}
	return line, 1 + utf8.RuneCount(src[start:off])
}

func diagnostics(t *testing.T, res *lint.Result) []want {
	t.Helper()
	src := res.File.Source()
	var got []want
	for _, d := range res.Diagnostics {
		s, e := res.File.Position(d.Start), res.File.Position(d.End)
		l, c := lineCol(src, d.Start)
		require.Equal(t, [2]int{l, c}, [2]int{s.Line, s.Column}, "position of %d", d.Start)
		l, c = lineCol(src, d.End)
		require.Equal(t, [2]int{l, c}, [2]int{e.Line, e.Column}, "position of %d", d.End)
		got = append(got, want{d.Rule, s.Line, s.Column, s.Offset, e.Line, e.Column, e.Offset, string(src[d.Start:d.End])})
	}
	return got
}

var markdownWant = []want{
	{"conversion", 2, 40, 43, 2, 67, 70, "100,000 sq km (453 sq miles"},       // front matter title
	{"conversion", 12, 37, 353, 12, 66, 382, "100,000 sq km** (453 sq miles"}, // split by **
	{"conversion", 13, 35, 429, 13, 51, 445, "10 km* (16 miles"},              // split by *
	{"conversion", 29, 19, 1004, 29, 41, 1026, "10 sq km (6.2 sq miles"},      // image alt text
	{"conversion", 37, 15, 1250, 38, 12, 1267, "100km\n> (70 miles"},          // over two lines of a quote
	{"temperature-change", 40, 21, 1312, 40, 30, 1321, "2C (35.6F"},           // a list item
	{"conversion", 51, 53, 1654, 51, 72, 1673, "5 sq km (5 sq miles"},         // alt of an <img> in an HTML block
}

var htmlWant = []want{
	{"conversion", 5, 39, 104, 5, 66, 131, "100,000 sq km (453 sq miles"},            // <title>
	{"conversion", 19, 45, 680, 19, 81, 716, "100,000 sq km</strong> (453 sq miles"}, // split by <strong>
	{"conversion", 21, 26, 838, 21, 45, 857, "60mph&nbsp;(160km/h"},                  // an entity
	{"conversion", 29, 57, 1258, 29, 79, 1280, "10 sq km (6.2 sq miles"},             // alt
	{"temperature-change", 38, 25, 1589, 38, 34, 1598, "2C (35.6F"},                  // <li>
}

var textWant = []want{ // encoding-crlf.txt
	{"conversion", 4, 19, 183, 4, 46, 210, "100,000 sq km (453 sq miles"},
	{"temperature-change", 6, 51, 299, 6, 60, 308, "2C (35.6F"},
	{"conversion", 7, 16, 343, 8, 10, 359, "100km\r\n(70 miles"},
}

// TestArticles lints the Markdown and HTML articles: pairs split by inline
// markup, entities, front matter, alt text, a quote and a list are found
// at their exact place in the file; code spans and blocks, URLs, link
// addresses, attribute values, <script>, <style>, <pre> and the rest of
// the front matter are not prose; the suppressed pairs are found but not
// reported.
func TestArticles(t *testing.T) {
	res := lintFile(t, "markup.md", lint.Options{})
	assert.Equal(t, markdownWant, diagnostics(t, res))
	assert.Equal(t, []string{
		"100,000 sq km (453 sq miles", "30km (19 miles", "1,000 sq km (386 sq miles", "1,000 sq km** (386 sq miles",
		"100,000 sq km** (453 sq miles", "10 km* (16 miles", "245&nbsp;km (152&#8239;miles", "35&deg;C (95&deg;F",
		"60mph&nbsp;(97km/h", "10 km (6 miles", "10 sq km (6.2 sq miles", "57km (35 miles", "100km\n> (70 miles",
		"2C (35.6F", "6ft 2in (1.88m", "57km (92 miles", "60mph (160km/h", "5 sq km (5 sq miles", "3m (10ft",
		"30C (86F", "100,000 sq km</b> (38,600 sq miles",
	}, pairTexts(res))

	res = lintFile(t, "markup.html", lint.Options{})
	assert.Equal(t, htmlWant, diagnostics(t, res))
	assert.Equal(t, []string{
		"100,000 sq km (453 sq miles", "30km (19 miles", "1,000 sq km</em> (386 sq miles", "100,000 sq km</b> (38,600 sq miles",
		"100,000 sq km</strong> (453 sq miles", "245&nbsp;km (152&#8239;miles", "35&deg;C (95&#176;F", "60mph&nbsp;(160km/h",
		"10 km<sup>2</sup> (3.9 sq miles", "10 sq km (6.2 sq miles", "10-mile (16km", "3m<br>(10ft", "57km (35 miles",
		"2C (35.6F", "6ft 2in (1.88m", "57km (92 miles", "60mph (97km/h", "2C (35.6F", "30C (86F",
	}, pairTexts(res))

	// every directive of the articles suppresses something
	for _, name := range []string{"markup.md", "markup.html"} {
		res = lintFile(t, name, lint.Options{ReportUnusedSuppressions: true})
		for _, d := range res.Diagnostics {
			assert.NotEqual(t, lint.RuleUnusedSuppression, d.Rule, "%s: %s", name, d.Message)
		}
	}
}

// pairTexts returns the source text of every pair found.
func pairTexts(res *lint.Result) []string {
	var out []string
	js, _ := res.Facts[rules.Judgements].([]rules.Judged)
	for _, j := range js {
		s, e := res.Doc.SourceSpan(j.Start, j.End)
		out = append(out, string(res.File.Source()[s:e]))
	}
	return out
}

// TestArticleEncodings lints the same articles saved with a BOM, CRLF or
// lone CR line ends, as UTF-16: every diagnostic is at the same line and
// column; offsets are the file's, shifted by the BOM and one byte per
// earlier CRLF, or the decoded text's for UTF-16.
func TestArticleEncodings(t *testing.T) {
	shift := func(base []want, f func(w want, off, line int) int, crlf bool) []want {
		out := make([]want, len(base))
		for i, w := range base {
			w.off, w.endOff = f(w, w.off, w.line), f(w, w.endOff, w.endLine)
			if crlf {
				w.text = string(bytes.ReplaceAll([]byte(w.text), []byte("\n"), []byte("\r\n")))
			} else {
				w.text = string(bytes.ReplaceAll([]byte(w.text), []byte("\r\n"), []byte("\n")))
			}
			out[i] = w
		}
		return out
	}
	tests := []struct {
		file     string
		encoding string
		want     []want
	}{
		{"markup-bom-crlf.md", "", shift(markdownWant, func(_ want, off, line int) int { return off + 3 + line - 1 }, true)},
		{"markup-utf16le.html", lint.EncodingUTF16LE, htmlWant},
		{"encoding-crlf.txt", "", textWant},
		{"encoding-utf16le.txt", lint.EncodingUTF16LE, textWant},
		{"encoding-utf16be.txt", lint.EncodingUTF16BE, textWant},
		{"encoding-cr.txt", "", shift(textWant, func(_ want, off, line int) int { return off - (line - 1) }, false)},
		{"encoding-bom.txt", "", shift(textWant, func(_ want, off, line int) int { return off - (line - 1) + 3 }, false)},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := lintFile(t, tt.file, lint.Options{})
			assert.Equal(t, tt.encoding, res.Encoding)
			got := diagnostics(t, res)
			if tt.file == "encoding-cr.txt" {
				// lone CR line ends: the span over two lines holds "\r"
				for i := range got {
					got[i].text = string(bytes.ReplaceAll([]byte(got[i].text), []byte("\r"), []byte("\n")))
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}

	// the fixtures are the same text in each form
	base, err := os.ReadFile(article("encoding-crlf.txt"))
	require.NoError(t, err)
	lf := bytes.ReplaceAll(base, []byte("\r\n"), []byte("\n"))
	for name, want := range map[string][]byte{
		"encoding-bom.txt": append([]byte("\uFEFF"), lf...),
		"encoding-cr.txt":  bytes.ReplaceAll(lf, []byte("\n"), []byte("\r")),
	} {
		got, err := os.ReadFile(article(name))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), name)
	}
	for _, name := range []string{"encoding-utf16le.txt", "encoding-utf16be.txt"} {
		raw, err := os.ReadFile(article(name))
		require.NoError(t, err)
		text, _, err := lint.DecodeSource(raw)
		require.NoError(t, err)
		assert.Equal(t, string(base), string(text), name)
	}
}

// TestInvalidBytes: one warning at the first invalid byte, and the rest
// of the file linted.
func TestInvalidBytes(t *testing.T) {
	res := lintFile(t, "encoding-invalid.txt", lint.Options{})
	assert.Equal(t, []want{
		{"encoding", 1, 10, 9, 1, 11, 10, "\xb0"},
		{"conversion", 2, 15, 66, 2, 42, 93, "100,000 sq km (453 sq miles"},
	}, diagnostics(t, res))
	assert.Equal(t, lint.SeverityWarning, res.Diagnostics[0].Severity)

	// in Markdown and HTML too, even where the bad byte is not prose
	for _, tt := range []struct{ name, src string }{
		{"a.md", "`code \xff`\n\nIt is 57km (92 miles)."},
		{"a.html", "<p title=\"\xff\">It is 57km (92 miles).</p>"},
	} {
		doc, err := markup.ForPath(tt.name, nil)(context.Background(), lint.NewFile(tt.name, []byte(tt.src)))
		require.NoError(t, err)
		r, err := lint.Analyze(context.Background(), doc, rules.All(), nil)
		require.NoError(t, err)
		require.Len(t, r.Diagnostics, 2, tt.name)
		assert.Equal(t, "encoding", r.Diagnostics[0].Rule)
		assert.Equal(t, bytes.IndexByte([]byte(tt.src), 0xff), r.Diagnostics[0].Start)
		assert.Equal(t, "conversion", r.Diagnostics[1].Rule)
	}
}
