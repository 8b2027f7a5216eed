package markup

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/unitlint/unitlint/lint"
)

// markdownParser is goldmark's CommonMark parser with the GitHub extensions
// (tables, strikethrough, bare URLs as links, task lists) and footnotes.
// A goldmark parser is safe for concurrent use once built, and never
// changes, so one is shared.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(
		extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList, extension.Footnote,
	)).Parser()
})

// ParseMarkdown is the lint.ParseFunc of Markdown files, read with
// github.com/yuin/goldmark (CommonMark, GitHub tables, bare URLs, task
// lists, footnotes). The prose of paragraphs, headings, list items, block
// quotes, table cells and footnotes is kept, with emphasis and links
// removed, backslash escapes and character references decoded; code
// spans, code blocks, URLs and link destinations are not prose; image alt
// text is a block of its own; HTML blocks and inline HTML are read as in
// ParseHTML. YAML ("---") or TOML ("+++") front matter is skipped, except
// its title, description and summary.
func ParseMarkdown(ctx context.Context, f *lint.File) (*lint.Document, error) {
	src := f.Source()
	start := lint.BOMLen(src)
	b := newBuilder(src, start)
	body := start
	if fm, ok := findFrontMatter(src, start); ok {
		fm.emit(b)
		body = fm.body
	}
	buf := src[body:]
	if hasLoneCR(buf) {
		// goldmark ends lines at "\n" only; a lone "\r" is a line end too
		buf = bytes.Clone(buf)
		for i, c := range buf {
			if c == '\r' && (i+1 == len(buf) || buf[i+1] != '\n') {
				buf[i] = '\n'
			}
		}
	}
	root, err := parseTree(ctx, buf)
	if err != nil {
		return nil, err
	}
	w := &mdWalker{b: b, buf: buf, base: body, h: htmlWalker{b: b, stop: ctx.Err}}
	w.v = &view{buf: buf, pieces: []piece{{0, body, len(buf)}}}
	if err := ast.Walk(root, w.visit); err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	w.flush()
	return b.document(f), nil
}

// backgroundParseSize is the size from which a Markdown parse runs on a
// goroutine of its own, so that a cancellation returns at once.
const backgroundParseSize = 1 << 20

// parseTree parses buf with goldmark and returns the tree, or ctx's error
// once ctx is done. goldmark parses in two phases, blocks then inlines,
// and takes no context: the block phase stops within stopEvery lines
// (stoppingReader), and the inline phase then reads only the blocks found
// so far, which can still take a second in a file of hundreds of
// megabytes. So a large file is parsed on a goroutine of its own, and a
// cancellation returns at once, leaving that bounded remainder to end on
// its own with its result dropped.
func parseTree(ctx context.Context, buf []byte) (ast.Node, error) {
	parse := func() ast.Node {
		return markdownParser().Parse(&stoppingReader{Reader: text.NewReader(buf), stop: ctx.Err})
	}
	if len(buf) < backgroundParseSize || ctx.Done() == nil {
		root := parse()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return root, nil
	}
	done := make(chan ast.Node, 1) // buffered: the goroutine never blocks
	go func() { done <- parse() }()
	select {
	case root := <-done:
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return root, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// stoppingReader is goldmark's reader of the source that ends it early
// once stop returns an error: goldmark's block parser, which reads line by
// line until PeekLine finds no more, then stops within stopEvery lines,
// and parses the inlines of the blocks read so far. goldmark takes no
// context; this is how a Markdown parse is cancelled.
type stoppingReader struct {
	text.Reader
	stop  func() error
	lines int
	ended bool
}

// PeekLine returns the current line, or none (the end of the source) once
// the parse is stopped.
func (r *stoppingReader) PeekLine() ([]byte, text.Segment) {
	if !r.ended {
		if r.lines++; r.lines%stopEvery == 0 && r.stop() != nil {
			r.ended = true
		}
	}
	if r.ended {
		_, seg := r.Position()
		return nil, seg
	}
	return r.Reader.PeekLine()
}

// hasLoneCR reports whether b has a "\r" not followed by "\n".
func hasLoneCR(b []byte) bool {
	for i := bytes.IndexByte(b, '\r'); i >= 0; {
		if i+1 == len(b) || b[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(b[i+1:], '\r')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// mdWalker turns goldmark's tree into prose.
type mdWalker struct {
	b    *builder
	buf  []byte // the text goldmark parsed: buf[i] is source byte base+i
	base int
	v    *view // buf as a view
	h    htmlWalker
	// run is the pending run of text, buf[run[0]:run[1]]: goldmark splits
	// text into several nodes ("a\\", "*b"), which must be decoded as one.
	run [2]int
	// nodes counts the nodes visited, to look at the context every
	// stopEvery of them
	nodes int
}

// text adds buf[start:stop] to the pending run.
func (w *mdWalker) text(start, stop int) {
	if w.run[1] > w.run[0] && w.run[1] == start {
		w.run[1] = stop
		return
	}
	w.flush()
	w.run = [2]int{start, stop}
}

// flush emits the pending run as prose.
func (w *mdWalker) flush() {
	if w.run[1] > w.run[0] {
		w.b.prose(w.v, w.run[0], w.run[1], refMarkdown, true)
	}
	w.run = [2]int{}
}

// lineBreak emits the line end after buf offset stop: as it is, or "\n"
// for a hard break (the spaces or backslash before the line end).
func (w *mdWalker) lineBreak(stop int) {
	nl := bytes.IndexByte(w.buf[stop:], '\n')
	if nl < 0 {
		return
	}
	start, end := w.base+stop, w.base+stop+nl+1
	switch string(w.b.src[start:end]) {
	case "\n", "\r\n", "\r":
		w.b.copy(start, end)
	default:
		w.b.replace("\n", start, end)
	}
}

// endBlock ends a Markdown block: no HTML state survives it.
func (w *mdWalker) endBlock() {
	w.flush()
	w.h.reset(true)
	w.b.blockBreak()
}

func (w *mdWalker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if w.nodes++; w.nodes%stopEvery == 0 && w.h.stopped() {
		return ast.WalkStop, w.h.stop()
	}
	switch n := n.(type) {
	case *ast.Text:
		if entering && !w.h.skipping() {
			w.text(n.Segment.Start, n.Segment.Stop)
			if n.SoftLineBreak() || n.HardLineBreak() {
				w.flush()
				w.lineBreak(n.Segment.Stop)
			}
		}
		return ast.WalkContinue, nil
	case *ast.CodeSpan:
		if entering && !w.h.skipping() {
			w.flush()
			start, stop := w.span(n)
			w.b.object(start, stop)
		}
		return ast.WalkSkipChildren, nil
	case *ast.AutoLink:
		if entering && !w.h.skipping() {
			w.flush()
			w.b.object(-1, -1)
		}
		return ast.WalkSkipChildren, nil
	case *ast.Image:
		if entering && !w.h.skipping() {
			w.flush()
			start, stop := w.span(n)
			w.b.object(start, stop)
			w.b.deferBlock(func() { w.inline(n) })
		}
		return ast.WalkSkipChildren, nil
	case *ast.RawHTML:
		if entering {
			w.flush()
			runs := make([][2]int, n.Segments.Len())
			for i := range runs {
				s := n.Segments.At(i)
				runs[i] = [2]int{s.Start, s.Stop}
			}
			w.h.walk(joinView(w.buf, w.base, runs))
		}
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		if entering {
			w.endBlock()
			lines := n.Lines()
			runs := make([][2]int, 0, lines.Len()+1)
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				runs = append(runs, [2]int{s.Start, s.Stop})
			}
			if n.HasClosure() {
				runs = append(runs, [2]int{n.ClosureLine.Start, n.ClosureLine.Stop})
			}
			w.h.walk(joinView(w.buf, w.base, runs))
			w.endBlock()
		}
		return ast.WalkSkipChildren, nil
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if entering {
			w.endBlock()
		}
		return ast.WalkSkipChildren, nil
	}
	if n.Type() == ast.TypeBlock {
		w.endBlock()
	}
	return ast.WalkContinue, nil
}

// inline emits the text of an inline node's children (an image's alt
// text) as a run of its own.
func (w *mdWalker) inline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		_ = ast.Walk(c, w.visit) // visit returns no error
	}
	w.flush()
}

// span returns the source span of an inline node's text: from its first
// text to its last (the backticks of a code span, the brackets of an image
// are outside it); -1, -1 when it has none.
func (w *mdWalker) span(n ast.Node) (int, int) {
	start, stop := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			if start < 0 {
				start = t.Segment.Start
			}
			stop = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		return -1, -1
	}
	return w.base + start, w.base + stop
}
