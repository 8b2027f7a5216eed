package markup_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/corpus"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
	"github.com/unitlint/unitlint/rules"
)

// wrapped is a corpus line written into a Markdown or HTML file, with a
// map from the line's byte offsets to the file's.
type wrapped struct {
	src []byte
	// at[i] is the file offset of line byte i; at[len(line)] is the end.
	at []int
	// end[i] is the file offset just after line byte i-1 (the end of the
	// escape or reference that wrote it).
	end []int
}

// writer builds a wrapped file.
type writer struct {
	b       strings.Builder
	at, end []int
}

func (w *writer) raw(s string) { w.b.WriteString(s) }

// char writes one character of the line (n bytes of it) as s.
func (w *writer) char(s string, n int) {
	for i := 0; i < n; i++ {
		w.at = append(w.at, w.b.Len())
	}
	w.b.WriteString(s)
	for i := 0; i < n; i++ {
		w.end = append(w.end, w.b.Len())
	}
}

func (w *writer) done() wrapped {
	w.at = append(w.at, w.b.Len())
	return wrapped{src: []byte(w.b.String()), at: w.at, end: append([]int{w.at[0]}, w.end...)}
}

// bold marks the line offsets to wrap in bold: the spans of each pair's A.
type bold map[int]int // start -> end

// wrapMarkdown writes line as a paragraph of a Markdown file between two
// others, escaping every character Markdown might read as markup.
func wrapMarkdown(line string, b bold) wrapped {
	var w writer
	w.raw("Intro with *emphasis*, `code 5 km (3 miles)` and [a link](https://example.com/5km).\n\n")
	closeAt := -1
	for i, r := range line {
		if i == closeAt {
			w.raw("**")
		}
		if end, ok := b[i]; ok {
			w.raw("**")
			closeAt = end
		}
		s := string(r)
		if strings.ContainsRune("\\`*_[]<>#+-!|~&()", r) {
			s = "\\" + s
		}
		w.char(s, len(string(r)))
	}
	if closeAt == len(line) {
		w.raw("**")
	}
	out := w.done()
	out.src = append(out.src, "\n\nA closing paragraph with **bold** text.\n"...)
	return out
}

// htmlRefs are the references the HTML wrapping writes for non-ASCII
// characters.
var htmlRefs = map[rune]string{
	'\u00a0': "&nbsp;", '\u2009': "&thinsp;", '\u202f': "&#8239;", '°': "&deg;", '’': "&rsquo;",
	'–': "&ndash;", '—': "&#x2014;", '£': "&pound;", '€': "&euro;", '²': "&sup2;", '½': "&frac12;",
	'&': "&amp;", '<': "&lt;", '>': "&gt;",
}

// wrapHTML writes line as a paragraph of an HTML page, with references
// for its non-ASCII characters.
func wrapHTML(line string, b bold) wrapped {
	var w writer
	w.raw("<!DOCTYPE html>\n<html><head><title>Story</title></head>\n<body>\n<p>Intro with <em>emphasis</em> and <code>5 km (3 miles)</code>.</p>\n<p>")
	closeAt := -1
	for i, r := range line {
		if i == closeAt {
			w.raw("</b>")
		}
		if end, ok := b[i]; ok {
			w.raw("<b>")
			closeAt = end
		}
		s := string(r)
		if ref, ok := htmlRefs[r]; ok {
			s = ref
		}
		w.char(s, len(string(r)))
	}
	if closeAt == len(line) {
		w.raw("</b>")
	}
	out := w.done()
	out.src = append(out.src, "</p>\n<p>A closing <b>bold</b> line.</p>\n</body></html>\n"...)
	return out
}

// judged is a pair as the comparison sees it.
type judged struct {
	A, B         [2]int // source spans
	Verdict, Fix string
}

func judgedPairs(t *testing.T, doc *lint.Document) []judged {
	res, err := lint.Analyze(context.Background(), doc, []*lint.Analyzer{rules.Judgements}, nil)
	require.NoError(t, err)
	js, _ := res.Facts[rules.Judgements].([]rules.Judged)
	out := make([]judged, len(js))
	for i, j := range js {
		a0, a1 := doc.SourceSpan(j.A.Start, j.A.End)
		b0, b1 := doc.SourceSpan(j.B.Start, j.B.End)
		out[i] = judged{A: [2]int{a0, a1}, B: [2]int{b0, b1}, Verdict: j.Result.Verdict.String(), Fix: j.Result.FixText}
	}
	return out
}

// TestCorpusWrapped holds the corpus score when copy comes as Markdown or
// HTML: every corpus line, written as a paragraph of a Markdown file (its
// punctuation escaped) and of an HTML page (its non-ASCII characters as
// references), and again with each labelled pair's first quantity in
// bold, yields the same pairs as the plain line, at the same places (the
// plain spans mapped into the file), with the same verdicts and fixes.
func TestCorpusWrapped(t *testing.T) {
	lines, err := corpus.Load()
	require.NoError(t, err)
	require.NotEmpty(t, lines)
	type variant struct {
		name string
		kind markup.Kind
		wrap func(string, bold) wrapped
		bold bool
	}
	variants := []variant{
		{"markdown", markup.Markdown, wrapMarkdown, false},
		{"markdown-bold", markup.Markdown, wrapMarkdown, true},
		{"html", markup.HTML, wrapHTML, false},
		{"html-bold", markup.HTML, wrapHTML, true},
	}
	pairs := 0
	for _, l := range lines {
		plain := judgedPairs(t, lint.NewTextDocument(lint.NewFile(l.ID+".txt", []byte(l.Text))))
		pairs += len(plain)
		b := bold{}
		for _, p := range l.Pairs {
			if _, taken := b[p.AStart]; !taken && !overlapsBold(b, p.AStart, p.AEnd) {
				b[p.AStart] = p.AEnd
			}
		}
		for _, v := range variants {
			bb := bold{}
			if v.bold {
				bb = b
			}
			w := v.wrap(l.Text, bb)
			want := make([]judged, len(plain))
			for i, p := range plain {
				want[i] = judged{A: [2]int{w.at[p.A[0]], w.end[p.A[1]]}, B: [2]int{w.at[p.B[0]], w.end[p.B[1]]}, Verdict: p.Verdict, Fix: p.Fix}
			}
			doc, err := v.kind.Parser()(context.Background(), lint.NewFile(l.ID, w.src))
			require.NoError(t, err)
			checkSegments(t, doc)
			got := judgedPairs(t, doc)
			assert.Equal(t, want, got, "%s %s:\n%s", v.name, l.ID, w.src)
		}
	}
	t.Logf("%d lines, %d pairs, 4 wrappings each", len(lines), pairs)
	require.Greater(t, pairs, 250, "the comparison is not vacuous: the finder finds most corpus pairs")
}

func overlapsBold(b bold, s, e int) bool {
	for bs, be := range b {
		if s < be && bs < e {
			return true
		}
	}
	return false
}

// TestParseConcurrently parses from many goroutines at once: the shared
// goldmark parser must be safe for it (run with -race).
func TestParseConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				src := fmt.Sprintf("# T%d\n\nIt is **%d km** (3 miles) <b>x</b> `y`.\n", i, i)
				doc, err := markup.ParseMarkdown(context.Background(), lint.NewFile("a.md", []byte(src)))
				assert.NoError(t, err)
				assert.Equal(t, fmt.Sprintf("T%d%sIt is %d km (3 miles) x %s.", i, sep, i, obj), string(doc.Text))
			}
		}()
	}
	wg.Wait()
}
