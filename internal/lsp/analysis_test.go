package lsp

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint/markup"
	"github.com/unitlint/unitlint/rules"
)

// article returns a newsgen article of exactly words words.
func article(words int, seed uint64) []byte {
	for n := words * 6; ; n += words {
		src := newsgen.Article(n, seed)
		f := strings.Fields(string(src))
		if len(f) < words {
			continue
		}
		// cut after the words-th word, keeping the original spacing
		count, in := 0, false
		for i, c := range src {
			sp := c == ' ' || c == '\n'
			if !sp && !in {
				count++
			}
			in = !sp
			if count == words+1 {
				return src[:i]
			}
		}
		return src
	}
}

func textSource(text []byte, version int32) source {
	return source{name: "a.txt", text: text, kind: markup.Text, version: version}
}

// TestReuseMatchesFull applies random edits to articles; after each, the
// analysis made from the previous one must equal a full one, and most
// edits in prose must have been taken by moving the previous findings.
func TestReuseMatchesFull(t *testing.T) {
	l := newLinter(rules.All())
	ctx := context.Background()
	type doc struct {
		name string
		text []byte
		kind markup.Kind
	}
	docs := []doc{{"newsgen-1", article(3000, 1), markup.Text}, {"newsgen-7", article(2000, 7), markup.Text}}
	files, err := filepath.Glob("../../testdata/articles/*")
	require.NoError(t, err)
	for _, f := range files {
		kind, ok := markup.KindOf(f, nil)
		if !ok || strings.Contains(f, "utf16") {
			continue // an editor sends UTF-8
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		docs = append(docs, doc{filepath.Base(f), b, kind})
	}
	require.Greater(t, len(docs), 6)
	inserts := []string{"x", "e", " ", ".", ". The", "\n\n", "1", "0", "km", " (386 sq miles)", "gallons", "litres",
		"colour", "U.S.", "rise", "2C (35.6F) rise", "£5bn ($6bn)", "the 30-mile road", "lake", "five miles",
		"**", "`", "<!-- unitlint-disable-next-line -->\n", "&amp;"}
	steps := 80
	if testing.Short() {
		steps = 20
	}
	reused, total := 0, 0
	for di, d := range docs {
		r := rand.New(rand.NewPCG(uint64(di), 3))
		src := func(text []byte, version int32) source {
			return source{name: d.name, text: text, kind: d.kind, version: version}
		}
		prev, err := l.analyze(ctx, nil, src(d.text, 0))
		require.NoError(t, err)
		cur := d.text
		for step := 1; step <= steps; step++ {
			pos := r.IntN(len(cur) + 1)
			end := min(len(cur), pos+r.IntN(3))
			repl := ""
			if r.IntN(4) > 0 {
				repl = inserts[r.IntN(len(inserts))]
			}
			next := append(append(append([]byte(nil), cur[:pos]...), repl...), cur[end:]...)
			got, err := l.analyze(ctx, prev, src(next, int32(step)))
			require.NoError(t, err)
			want, err := l.analyze(ctx, nil, src(next, int32(step)))
			require.NoError(t, err)
			where := fmt.Sprintf("%s step %d: %q replaced [%d,%d) in\n%s", d.name, step, repl, pos, end, around(next, pos))
			require.Equal(t, want.diags, got.diags, where)
			require.Equal(t, pairSpans(want), pairSpans(got), where)
			total++
			if got.reused {
				reused++
			}
			prev, cur = got, next
		}
	}
	t.Logf("%d of %d edits reused the previous findings", reused, total)
	assert.Greater(t, reused, total/10, "too few edits took the fast path")
}

// pairSpans lists the judged pairs of an analysis: text, verdict, cause.
func pairSpans(a *analysis) []string {
	var out []string
	for i := range a.judged {
		j := &a.judged[i]
		out = append(out, fmt.Sprintf("%q %q %q %s %s %s", a.doc.Text[j.start:j.end], a.doc.Text[j.a[0]:j.a[1]], a.doc.Text[j.b[0]:j.b[1]],
			j.Result.Verdict, j.Result.Cause, j.Result.FixText))
	}
	return append(out, fmt.Sprint(len(a.judged), " pairs at ", positions(a)))
}

// positions lists the judged pairs' offsets.
func positions(a *analysis) [][3]int {
	var out [][3]int
	for _, j := range a.judged {
		out = append(out, [3]int{j.start, j.a[1], j.b[0]})
	}
	return out
}

// around returns the text around offset i.
func around(text []byte, i int) string {
	return string(text[max(i-300, 0):min(i+300, len(text))])
}

// relintBench re-lints a 5,000-word article after a one-character change
// at the offset where returns, alternately typing and deleting it; it
// checks which path the re-lint took.
func relintBench(b *testing.B, where func(text []byte) int, wantReused bool) {
	l := newLinter(rules.All())
	ctx := context.Background()
	text := article(5000, 1)
	at := where(text)
	typed := slices.Insert(slices.Clone(text), at, 'x')
	prev, err := l.analyze(ctx, nil, textSource(text, 0))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next := typed
		if i%2 == 1 {
			next = text
		}
		a, err := l.analyze(ctx, prev, textSource(next, int32(i+1)))
		if err != nil {
			b.Fatal(err)
		}
		if a.reused != wantReused {
			b.Fatalf("reused %v, want %v", a.reused, wantReused)
		}
		prev = a
	}
}

// BenchmarkRelint: a letter typed into a sentence of prose in the middle
// of the article, the common case.
// Report: GOMAXPROCS=1 go test -run '^$' -bench Relint ./internal/lsp
func BenchmarkRelint(b *testing.B) {
	relintBench(b, func(text []byte) int { return proseOffset(b, text, len(text)/2) }, true)
}

// BenchmarkRelintPairSentence: a letter typed into a sentence that holds
// a conversion pair: the whole article is linted again.
func BenchmarkRelintPairSentence(b *testing.B) {
	relintBench(b, func(text []byte) int {
		i := bytes.Index(text[len(text)/2:], []byte(" ("))
		if i < 0 {
			b.Fatal("no pair")
		}
		return len(text)/2 + i - 8
	}, false)
}

// proseOffset returns the start of the second word of the first sentence
// without digits at or after from.
func proseOffset(tb testing.TB, text []byte, from int) int {
	for s := sentenceStartBefore(text, from); s < len(text); {
		e := sentenceStartAfter(text, s)
		if sp := bytes.IndexByte(text[s:e], ' '); sp >= 0 && !bytes.ContainsAny(text[s:e], "0123456789") {
			return s + sp + 1
		}
		s = e
	}
	tb.Fatal("no sentence of prose")
	return 0
}

// BenchmarkRelintFull lints the 5,000-word article from scratch.
func BenchmarkRelintFull(b *testing.B) {
	l := newLinter(rules.All())
	ctx := context.Background()
	text := article(5000, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := l.analyze(ctx, nil, textSource(text, int32(i))); err != nil {
			b.Fatal(err)
		}
	}
}
