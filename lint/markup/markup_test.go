package markup_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
)

const (
	sep = markup.BlockSeparator
	obj = markup.ObjectReplacement
)

// parse parses src as kind and checks the segment map's invariants.
func parse(t testing.TB, kind markup.Kind, src string) *lint.Document {
	t.Helper()
	f := lint.NewFile("x", []byte(src))
	doc, err := kind.Parser()(context.Background(), f)
	require.NoError(t, err)
	checkSegments(t, doc)
	return doc
}

// checkSegments holds a document's segment map to its contract: segments
// cover Text in order without gaps; each lies inside the file; a segment
// of equal lengths is the source's own bytes (or one character for as many
// bytes: "&#0" decoded, an object; or a line break folded into a space);
// only a block separator or an object of unknown source maps to no source
// bytes.
func checkSegments(t testing.TB, doc *lint.Document) {
	t.Helper()
	src := doc.File.Source()
	next := 0
	for i, s := range doc.Segments() {
		require.Equal(t, next, s.Text, "segment %d starts where the last ended", i)
		require.Positive(t, s.TextLen, "segment %d is not empty", i)
		require.True(t, s.Source >= 0 && s.Source+s.SourceLen <= len(src), "segment %d inside the file", i)
		text := string(doc.Text[s.Text : s.Text+s.TextLen])
		if orig := string(src[s.Source : s.Source+s.SourceLen]); s.TextLen == s.SourceLen && orig != text && utf8.RuneCountInString(text) != 1 {
			require.Empty(t, strings.TrimSpace(orig)+strings.TrimSpace(text), "segment %d is one to one: %q for %q", i, text, orig)
		}
		if s.SourceLen == 0 {
			require.Contains(t, []string{sep, obj}, text, "segment %d maps to nothing", i)
		}
		next = s.Text + s.TextLen
	}
	require.Equal(t, len(doc.Text), next, "segments cover Text")
}

// sourceOf returns the source bytes a substring of Text maps to (its
// first occurrence).
func sourceOf(t testing.TB, doc *lint.Document, sub string) string {
	t.Helper()
	i := strings.Index(string(doc.Text), sub)
	require.GreaterOrEqual(t, i, 0, "%q in %q", sub, doc.Text)
	s, e := doc.SourceSpan(i, i+len(sub))
	return string(doc.File.Source()[s:e])
}

func TestKinds(t *testing.T) {
	for _, tt := range []struct {
		path string
		kind markup.Kind
		ok   bool
	}{
		{"a/story.md", markup.Markdown, true},
		{"a/STORY.MARKDOWN", markup.Markdown, true},
		{"story.html", markup.HTML, true},
		{"story.HTM", markup.HTML, true},
		{"story.txt", markup.Text, true},
		{"story.rst", "", false},
		{"README", "", false},
	} {
		k, ok := markup.KindOf(tt.path, nil)
		assert.Equal(t, tt.kind, k, tt.path)
		assert.Equal(t, tt.ok, ok, tt.path)
	}
	exts := map[string]markup.Kind{".mdx": markup.Markdown, "xhtml": markup.HTML, ".TXT": markup.Text}
	for path, want := range map[string]markup.Kind{"a.mdx": markup.Markdown, "a.XHTML": markup.HTML, "a.txt": markup.Text} {
		k, ok := markup.KindOf(path, exts)
		assert.True(t, ok, path)
		assert.Equal(t, want, k, path)
	}
	_, ok := markup.KindOf("a.md", exts)
	assert.False(t, ok, "a caller's map replaces the defaults")

	// ForPath: by extension; plain text for one it does not know
	src := "**57km** (92 miles)"
	for path, want := range map[string]string{"a.md": "57km (92 miles)", "a.rst": src, "a": src, "a.html": src} {
		doc, err := markup.ForPath(path, nil)(context.Background(), lint.NewFile(path, []byte(src)))
		require.NoError(t, err)
		assert.Equal(t, want, string(doc.Text), path)
	}

	for _, tt := range []struct {
		in   string
		want markup.Kind
	}{{"markdown", markup.Markdown}, {"MD", markup.Markdown}, {"html", markup.HTML}, {"htm", markup.HTML}, {"text", markup.Text}, {" txt ", markup.Text}, {"plain", markup.Text}} {
		k, err := markup.ParseKind(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, k, tt.in)
	}
	_, err := markup.ParseKind("rst")
	assert.EqualError(t, err, `unknown markup "rst" (want text, markdown or html)`)
	assert.Equal(t, map[string]markup.Kind{".txt": markup.Text, ".md": markup.Markdown, ".markdown": markup.Markdown, ".html": markup.HTML, ".htm": markup.HTML}, markup.DefaultExtensions())
}

func TestMarkdownText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"emphasis splits a pair", "Russia claims **100,000 sq km** (453 sq miles).\n", "Russia claims 100,000 sq km (453 sq miles)."},
		{"entities", "It is 245&nbsp;km (152&#8239;miles) at 35&deg;C &amp; a&#x20;b &notanentity; &copy &#99999999;\n",
			"It is 245\u00a0km (152\u202fmiles) at 35°C & a b &notanentity; &copy &#99999999;"},
		{"escapes", `5 \*km\* \(3 miles\) a\\b \q`, `5 *km* (3 miles) a\b \q`},
		{"code span", "A `57km (92 miles)` and 5 km", "A " + obj + " and 5 km"},
		{"code span at the start", "`x` 5 km", "5 km"},
		{"code blocks", "Before.\n\n```\n57km (92 miles)\n```\n\n    57km (92 miles)\n\nAfter.", "Before." + sep + "After."},
		{"links and URLs", "[a 10 km walk](https://x.com/10km \"5 km\") and <https://x.com/5km> and https://x.com/57km-92miles, www.x.com/5km.",
			"a 10 km walk and " + obj + " and " + obj + ", " + obj + "."},
		{"image alt is a block after its paragraph", "See ![A 10 sq km (6.2 sq miles) lake](l-5km.png) here.\n\nNext.",
			"See " + obj + " here." + sep + "A 10 sq km (6.2 sq miles) lake" + sep + "Next."},
		{"table cells", "| a | b |\n|---|---|\n| 5 km | (3 miles) |\n| x \\| y | |\n", "a" + sep + "b" + sep + "5 km" + sep + "(3 miles)" + sep + "x | y"},
		{"block quote", "> 100km\n> (70 miles)\n", "100km\n(70 miles)"},
		{"list items", "- 5 km\n- (3 miles)\n\n1. one\n2. two", "5 km" + sep + "(3 miles)" + sep + "one" + sep + "two"},
		{"headings", "# Title 5 km #\n\nSetext\n===\n", "Title 5 km" + sep + "Setext"},
		{"line breaks", "a  \nb\\\nc\nd", "a\nb\nc\nd"},
		{"inline HTML", "A <b>100,000 sq km</b> (38,600 sq miles) <code>5 km</code> x<br>y <img alt=\"5 km\"> <span title=\"10 km\">z</span>",
			"A 100,000 sq km (38,600 sq miles) " + obj + " x\ny " + obj + " z" + sep + "5 km" + sep + "10 km"},
		{"inline code element hides Markdown text", "x <code>5 **km**</code> y", "x " + obj + " y"},
		{"an unclosed code element ends with its block", "a <code>5 km\n\nb 5 km", "a " + obj + sep + "b 5 km"},
		{"HTML block", "<div>\n<p>5 km (3 miles)</p>\n<script>var x = '5 km';</script>\n</div>\n\nAfter.", "5 km (3 miles)" + sep + "After."},
		{"HTML block in a block quote", "> <pre>\n> 5 km (3 miles)\n> </pre>\n> after 5 km\n", "after 5 km"},
		{"HTML block in a block quote keeps its prose", "> <div>\n> 5 km\n> (3 miles)\n> </div>\n", "5 km\n(3 miles)\n"},
		{"task list, strikethrough, footnote", "- [x] done 5 km[^1] ~~old 3 km~~\n\n[^1]: Note 10 km (6 miles).\n\nAfter.",
			"done 5 km old 3 km" + sep + "After." + sep + "Note 10 km (6 miles)."},
		{"lone CR line ends", "a 5 km\r(3 miles)\r\rNext", "a 5 km\r(3 miles)" + sep + "Next"},
		{"CRLF line ends", "a 5 km\r\n(3 miles)\r\n\r\nNext\r\n", "a 5 km\r\n(3 miles)" + sep + "Next"},
		{"BOM", "\uFEFF# 5 km\n", "5 km"},
		{"thematic break", "a\n\n---\n\nb", "a" + sep + "b"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, markup.Markdown, tt.src)
			assert.Equal(t, tt.want, string(doc.Text))
		})
	}
}

func TestMarkdownMapping(t *testing.T) {
	src := "\uFEFFRussia claims **100,000 sq km** (453&#8239;sq miles) \\(and\\) 35&deg;C.\r\n" +
		"> quoted 5\r\n> km\r\n"
	doc := parse(t, markup.Markdown, src)
	assert.Equal(t, "Russia claims 100,000 sq km (453\u202fsq miles) (and) 35°C."+sep+"quoted 5\r\nkm", string(doc.Text))
	assert.Equal(t, "100,000 sq km", sourceOf(t, doc, "100,000 sq km"))
	assert.Equal(t, "100,000 sq km** (453&#8239;sq miles", sourceOf(t, doc, "100,000 sq km (453\u202fsq miles"))
	assert.Equal(t, "&#8239;", sourceOf(t, doc, "\u202f"))
	assert.Equal(t, "453&#8239;", sourceOf(t, doc, "453\u202f"))
	assert.Equal(t, "\\(and\\)", sourceOf(t, doc, "(and)"))
	assert.Equal(t, "35&deg;C", sourceOf(t, doc, "35°C"))
	assert.Equal(t, "5\r\n> km", sourceOf(t, doc, "5\r\nkm"))
	// offsets are the file's: the text starts after the BOM
	assert.Equal(t, 3, doc.SourceOffset(0))
	i := strings.Index(string(doc.Text), "453")
	assert.Equal(t, strings.Index(src, "453"), doc.SourceOffset(i))
	// an offset inside a decoded reference maps to its start
	j := strings.Index(string(doc.Text), "\u202f")
	assert.Equal(t, strings.Index(src, "&#8239;"), doc.SourceOffset(j+1))
}

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"inline markup splits a pair", "<p><b>100,000 sq km</b> (38,600 sq miles)</p>", "100,000 sq km (38,600 sq miles)"},
		{"entities", "<p>245&nbsp;km (152&#8239;miles), 35&deg;C (95&#176;F) &amp; 5&thinsp;m &notit; &amp &ampx &#x31;&#128;</p>",
			"245\u00a0km (152\u202fmiles), 35°C (95°F) & 5\u2009m ¬it; & &x 1€"},
		{"blocks", "<h1>a</h1><p>5 km</p><p>(3 miles)</p><div>b<div>c</div></div><ul><li>d</li></ul>",
			"a" + sep + "5 km" + sep + "(3 miles)" + sep + "b" + sep + "c" + sep + "d"},
		{"table cells", "<table><tr><td>5 km</td><td>(3 miles)</td></tr></table>", "5 km" + sep + "(3 miles)"},
		{"not prose", "<p>a<code>5 km</code>b <kbd>1</kbd></p><pre>57km (92 miles)</pre><script>x = '5 km'</script><style>p{margin:5px}</style><textarea>5 km</textarea><svg><text>5 km</text></svg><p>c</p>",
			"a" + obj + "b " + obj + sep + "c"},
		{"nested code in pre", "<pre><code>5 km</code> (3 miles)</pre><p>x</p>", "x"},
		{"URLs", "<p>See https://x.com/5km-(3-miles), HTTP://X.COM/5 and www.x.com/5km. Not xhttp://5 or a.www.5</p>",
			"See " + obj + ", " + obj + " and " + obj + ". Not xhttp://5 or a.www.5"},
		{"attribute values are not prose", `<p class="5 km" data-x="(3 miles)"><a href="https://x.com/5km">5 km</a> (3 miles)</p>`, "5 km (3 miles)"},
		{"alt and title are prose, after the block", `<p>5 km <img src="5km.png" alt="A 10-mile (16km) road" title='It&#39;s 5&nbsp;km'> (3 miles) <abbr title="kilometres">km</abbr></p><p>next</p>`,
			"5 km " + obj + " (3 miles) km" + sep + "A 10-mile (16km) road" + sep + "It's 5\u00a0km" + sep + "kilometres" + sep + "next"},
		{"unquoted and odd attributes", "<img alt=5km/3mi title = \"x  y\" =odd><p>a</p>", "5km/3mi" + sep + "x  y" + sep + "a"},
		{"legacy reference in an attribute", `<img alt="&amp &ampx &amp=1 &copy;">`, "& &ampx &amp=1 ©"},
		{"description meta", `<head><title>T 5 km</title><meta name="description" content="5 km (3 miles)"><meta name="keywords" content="5 km"><meta property="og:title" content="OG 5 km"></head>`,
			"T 5 km" + sep + "5 km (3 miles)" + sep + "OG 5 km"},
		{"superscripts", "<p>10 km<sup>2</sup> (3.9 sq miles)<sup>[1]</sup>, 10<sup>6</sup> x</p>", "10 km2 (3.9 sq miles)" + obj + ", 10" + obj + " x"},
		{"line break", "<p>a 3m<br>(10ft) b<br/>c</p>", "a 3m\n(10ft) b\nc"},
		{"whitespace at block starts is dropped", "<div>\n  <p>\n    a\n  </p>\n</div>", "a\n  "},
		{"comments and doctype", "<!DOCTYPE html><!-- 5 km --><p>a<!-- x -->b</p>", "ab"},
		{"unknown elements separate", "<p>5 km<x-card>(3 miles)</x-card></p>", "5 km" + sep + "(3 miles)"},
		{"BOM", "\uFEFF<p>5 km</p>", "5 km"},
		{"unclosed tag at the end", "<p>5 km <b", "5 km "},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, markup.HTML, tt.src)
			assert.Equal(t, tt.want, string(doc.Text))
		})
	}
}

func TestHTMLMapping(t *testing.T) {
	src := "<p>Moscow: <strong>100,000&nbsp;sq km</strong>\r\n(453 sq miles)</p><img alt=\"35&deg;C (95&#176;F)\">"
	doc := parse(t, markup.HTML, src)
	assert.Equal(t, "Moscow: 100,000\u00a0sq km\r\n(453 sq miles)"+sep+"35°C (95°F)", string(doc.Text))
	assert.Equal(t, "100,000&nbsp;sq km</strong>\r\n(453 sq miles", sourceOf(t, doc, "100,000\u00a0sq km\r\n(453 sq miles"))
	assert.Equal(t, "35&deg;C (95&#176;F)", sourceOf(t, doc, "35°C (95°F)"))
	assert.Equal(t, "&#176;", sourceOf(t, doc, "°F")[:6])
}

// TestFrontMatter: the title, description and summary of YAML and TOML
// front matter are prose, mapped to their exact bytes; the rest is not.
func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name, src, want string
		// spans: a substring of Text and the source it must map to
		spans [][2]string
	}{
		{"yaml plain, quoted and block scalars",
			"---\ntitle: Plain 5 km\n  (3 miles) folded\nsummary: >\n  Folded 5\n  km\ndescription: 'It''s 5 km'\ndate: 2024-01-01\ntags: [5km]\n---\nBody",
			"Plain 5 km (3 miles) folded" + sep + "Folded 5 km\n" + sep + "It's 5 km" + sep + "Body",
			[][2]string{{"5 km (3", "5 km\n  (3"}, {"It's", "It''s"}, {"Folded 5 km", "Folded 5\n  km"}}},
		{"yaml double-quoted escapes",
			"---\r\nTitle: \"35\\u00b0C \\\"(95\\xb0F)\\\" \\\r\n  next\"\r\nsubtitle: no 5 km\r\n...\r\nBody",
			"35°C \"(95°F)\" next" + sep + "Body",
			[][2]string{{"°C", "\\u00b0C"}, {"\"(95°F)\"", "\\\"(95\\xb0F)\\\""}}},
		{"yaml literal block with CRLF",
			"---\r\ntitle: |\r\n  Line one 5 km\r\n  (3 miles)\r\n---\r\nBody",
			"Line one 5 km\n(3 miles)\n" + sep + "Body",
			[][2]string{{"5 km\n(3", "5 km\r\n  (3"}}},
		{"yaml with multibyte characters before the value",
			"---\nx: \"é\"\ntitle:   «Ω» 5 km\n---\n",
			"«Ω» 5 km",
			[][2]string{{"«Ω» 5 km", "«Ω» 5 km"}}},
		{"toml",
			"+++\ntitle = '''\nIt is 5 km'''\ndescription = \"35\\u00b0C \\\"(95\\u00b0F)\\\"\"\nsummary = 'C:\\5km'\n[params]\ndescription = \"no\"\n+++\nBody\n",
			"It is 5 km" + sep + "35°C \"(95°F)\"" + sep + "C:\\5km" + sep + "Body",
			[][2]string{{"°C", "\\u00b0C"}, {"C:\\5km", "C:\\5km"}}},
		{"toml multi-line basic string with a line continuation",
			"+++\ntitle = \"\"\"\n5 km \\\n    (3 miles)\"\"\"\n+++\n",
			"5 km (3 miles)",
			[][2]string{{"5 km (3 miles)", "5 km \\\n    (3 miles)"}}},
		{"invalid yaml is skipped", "---\ntitle: [5 km\n---\nBody", "Body", nil},
		{"invalid toml is skipped", "+++\ntitle = 5 km\n+++\nBody", "Body", nil},
		{"no closing line: not front matter", "---\ntitle: 5 km\n\nBody", "title: 5 km" + sep + "Body", nil},
		{"a thematic break later is not front matter", "Intro\n\n---\ntitle: x\n---\n", "Intro" + sep + "title: x", nil},
		{"after a BOM", "\uFEFF---\ntitle: 5 km\n---\nBody", "5 km" + sep + "Body", [][2]string{{"5 km", "5 km"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, markup.Markdown, tt.src)
			assert.Equal(t, tt.want, string(doc.Text))
			for _, s := range tt.spans {
				assert.Equal(t, s[1], sourceOf(t, doc, s[0]))
			}
		})
	}
}

func TestDirectives(t *testing.T) {
	md := "<!-- unitlint-disable-next-line conversion -->\nA 57km (92 miles) tunnel.\n\n" +
		"Text <!-- unitlint-disable --> inline <!--unitlint-enable-->.\n\n" +
		"```\n<!-- unitlint-disable -->\n```\n\n" +
		"<!-- an ordinary comment -->\n<!--\n  unitlint-disable conversion, temperature-change -- quoted as printed\n-->\n"
	doc := parse(t, markup.Markdown, md)
	at := func(s string) int { return strings.Index(md, s) }
	assert.Equal(t, []lint.Suppression{
		{Kind: lint.SuppressNextLine, Start: 0, End: 46, Rules: []string{"conversion"}},
		{Kind: lint.SuppressDisable, Start: at("<!-- unitlint-disable -->"), End: at("<!-- unitlint-disable -->") + 25},
		{Kind: lint.SuppressEnable, Start: at("<!--unitlint-enable-->"), End: at("<!--unitlint-enable-->") + 22},
		{Kind: lint.SuppressDisable, Start: at("<!--\n"), End: len(md) - 1, Rules: []string{"conversion", "temperature-change"}},
	}, doc.Suppressions, "a directive in a code block is code")

	html := "<p>a</p>\n<!-- unitlint-disable-next-line -->\n<p>b</p><pre><!-- unitlint-enable --></pre><script>// <!-- unitlint-disable --></script>"
	doc = parse(t, markup.HTML, html)
	assert.Equal(t, []lint.Suppression{
		{Kind: lint.SuppressNextLine, Start: 9, End: 44},
		{Kind: lint.SuppressEnable, Start: strings.Index(html, "<!-- unitlint-enable"), End: strings.Index(html, "</pre>")},
	}, doc.Suppressions, "a comment in a script is script")

	// plain text: markers, not comments
	doc = parse(t, markup.Text, "a\n<!-- unitlint-disable -->\nb unitlint:ignore conversion\n")
	assert.Equal(t, []lint.Suppression{{Kind: lint.SuppressLine, Start: 30, End: 56, Rules: []string{"conversion"}}}, doc.Suppressions)
}

// TestTextIsValidUTF8 checks that decoding never splits a character: the
// text of a valid file is valid.
func TestTextIsValidUTF8(t *testing.T) {
	for _, src := range []string{"&#55296; &#xD800; &#0; 5\u00a0km", "<p>&#55296;&#x110000;&#xFFFFFFFFFF;</p>"} {
		for _, k := range []markup.Kind{markup.Markdown, markup.HTML} {
			doc := parse(t, k, src)
			assert.True(t, utf8.Valid(doc.Text), "%s %q: %q", k, src, doc.Text)
		}
	}
}
