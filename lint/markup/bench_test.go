package markup_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
	"github.com/unitlint/unitlint/rules"
)

// newsMarkdown writes a generated article as a Markdown story: front
// matter, a heading, paragraphs with emphasis, links and a code span,
// and a table.
func newsMarkdown(n int, seed uint64) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: \"Floods cover 1,000 sq km (386 sq miles)\"\ndate: 2024-08-12\ntags: [weather]\n---\n\n# Floods: the **1,000 sq km** (386 sq miles) plain\n\n")
	for i, para := range strings.Split(string(newsgen.Article(n, seed)), "\n\n") {
		words := strings.Fields(para)
		for j, w := range words {
			switch {
			case j%17 == 5:
				w = "**" + w + "**"
			case j%41 == 11:
				w = "[" + w + "](https://example.com/news/2024/" + w + "-57km)"
			case j%97 == 23:
				w = "`" + w + "`"
			}
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		b.WriteString("\n\n")
		if i%8 == 7 {
			b.WriteString("| Route | Length |\n|---|---|\n| Coast | 57km (35 miles) |\n\n")
		}
	}
	return []byte(b.String())
}

// newsHTML writes a generated article as a CMS page: head with scripts
// and styles, paragraphs with inline markup, links and entities.
func newsHTML(n int, seed uint64) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><title>Floods cover 1,000 sq km (386 sq miles)</title>\n<style>p{margin:10px}</style><script>var x = 1;</script></head>\n<body><article>\n<h1>Floods: the <b>1,000 sq km</b> (386 sq miles) plain</h1>\n")
	for i, para := range strings.Split(string(newsgen.Article(n, seed)), "\n\n") {
		b.WriteString("<p>")
		words := strings.Fields(para)
		for j, w := range words {
			switch {
			case j%17 == 5:
				w = "<b>" + w + "</b>"
			case j%41 == 11:
				w = `<a href="https://example.com/news/2024/` + w + `-57km">` + w + "</a>"
			}
			if j > 0 {
				if j%23 == 0 {
					b.WriteString("&nbsp;")
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(strings.ReplaceAll(w, "£", "&pound;"))
		}
		b.WriteString("</p>\n")
		if i%8 == 7 {
			b.WriteString(`<figure><img src="map-57km.png" alt="The 57km (35-mile) coast path"><figcaption>The coast&nbsp;path</figcaption></figure>` + "\n")
		}
	}
	b.WriteString("</article></body></html>\n")
	return []byte(b.String())
}

var benchSizes = []int{4 << 10, 64 << 10, 1 << 20}

func benchName(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%dMiB", n>>20)
	}
	return fmt.Sprintf("%dKiB", n>>10)
}

// benchKind is a markup the benchmarks lint, with its generator of news
// copy of about n bytes.
type benchKind struct {
	name string
	kind markup.Kind
	gen  func(n int, seed uint64) []byte
}

// benchKinds returns the markups the benchmarks lint: text, Markdown, HTML.
func benchKinds() []benchKind {
	return []benchKind{
		{"text", markup.Text, newsgen.Article},
		{"markdown", markup.Markdown, newsMarkdown},
		{"html", markup.HTML, newsHTML},
	}
}

// BenchmarkParse measures parsing alone (prose and segment map), in MB/s
// of source.
func BenchmarkParse(b *testing.B) {
	for _, k := range benchKinds() {
		for _, n := range benchSizes {
			src := k.gen(n, 1)
			parse := k.kind.Parser()
			b.Run(k.name+"/"+benchName(n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := parse(context.Background(), lint.NewFile("a", src)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkCheck measures parsing and every rule, as `unitlint check`
// runs on one file.
func BenchmarkCheck(b *testing.B) {
	analyzers := rules.All()
	for _, k := range benchKinds() {
		n := 64 << 10
		src := k.gen(n, 1)
		parse := k.kind.Parser()
		b.Run(k.name+"/"+benchName(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				doc, err := parse(context.Background(), lint.NewFile("a", src))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := lint.Analyze(context.Background(), doc, analyzers, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestBenchmarkInputs: the benchmark stories are what they claim, and
// lint as such (the pairs inside markup are found).
func TestBenchmarkInputs(t *testing.T) {
	for _, tc := range []struct {
		kind markup.Kind
		src  []byte
	}{{markup.Markdown, newsMarkdown(16<<10, 1)}, {markup.HTML, newsHTML(16<<10, 1)}} {
		doc, err := tc.kind.Parser()(context.Background(), lint.NewFile("a", tc.src))
		if err != nil {
			t.Fatal(err)
		}
		checkSegments(t, doc)
		plain, err := lint.Analyze(context.Background(), lint.NewTextDocument(lint.NewFile("a.txt", newsgen.Article(16<<10, 1))), []*lint.Analyzer{rules.Judgements}, nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := lint.Analyze(context.Background(), doc, []*lint.Analyzer{rules.Judgements}, nil)
		if err != nil {
			t.Fatal(err)
		}
		np := len(plain.Facts[rules.Judgements].([]rules.Judged))
		nm := len(res.Facts[rules.Judgements].([]rules.Judged))
		// the markup adds the headline's and (Markdown) the tables' or (HTML) the captions' pairs
		if nm < np+1 {
			t.Errorf("%s: %d pairs, want at least the plain article's %d and the headline's", tc.kind, nm, np)
		}
	}
}
