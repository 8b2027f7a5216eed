package lsp

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
	"github.com/unitlint/unitlint/lint/pairs"
	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/rules"
)

// linter lints versions of a document. It runs the rules in two groups:
//
//   - content rules, those that read the prose's quantities (they require
//     another analyzer: the pairs, the judgements): they run on the
//     document's prose (Doc.Text), with their findings kept in its offsets;
//     after an edit that provably cannot change any of them (see reuse),
//     the previous version's findings are moved instead;
//   - file rules, those that require nothing (the file's encoding): they
//     run on every lint.
//
// A final pass hands both to lint.Analyze on the document (the content
// rules replayed from their findings), which maps them to the source,
// applies the document's suppressions and reports unused ones, exactly as
// a plain run does.
type linter struct {
	content []*lint.Analyzer // rules.Judgements (for hover), then the content rules
	file    []*lint.Analyzer
}

// newLinter returns a linter for the given rules.
func newLinter(analyzers []*lint.Analyzer) *linter {
	l := &linter{content: []*lint.Analyzer{rules.Judgements}}
	for _, a := range analyzers {
		switch {
		case a == rules.Judgements:
		case len(a.Requires) > 0:
			l.content = append(l.content, a)
		default:
			l.file = append(l.file, a)
		}
	}
	return l
}

// source is one version of a document to lint.
type source struct {
	name    string      // the document's path (or URI), for the engine
	text    []byte      // the document's text; the analysis keeps it
	kind    markup.Kind // how to read it
	opts    lint.Options
	version int32
}

// analysis is the outcome of linting one version of a document. It is not
// modified once made, so it may be shared.
type analysis struct {
	version int32
	kind    markup.Kind
	opts    lint.Options
	// ignored is set when the configuration excludes the document: it
	// has no findings.
	ignored bool
	// reused is set when the content rules' findings were moved from the
	// previous version's rather than found again.
	reused bool
	file   *lint.File
	doc    *lint.Document
	// diags are the findings as reported: source offsets, suppressions
	// applied, sorted.
	diags []lint.Diagnostic
	// content holds the content rules' findings in doc.Text offsets,
	// before suppressions, sorted.
	content []lint.Diagnostic
	// judged holds every judged pair, in order.
	judged []judgedPair
	// locale is the copy's locale, read from doc.Text when first needed.
	locale func() pairs.Locale
}

// judgedPair is a judged pair of a document, with its spans in doc.Text
// (the offsets inside Judged are those of the version it was judged in).
type judgedPair struct {
	rules.Judged
	start, end int // the pair, from A's start to B's end
	a, b       [2]int
}

// newJudgedPair records j's spans.
func newJudgedPair(j rules.Judged) judgedPair {
	return judgedPair{Judged: j, start: j.Start, end: j.End, a: [2]int{j.A.Start, j.A.End}, b: [2]int{j.B.Start, j.B.End}}
}

// moved returns the pair with its spans moved by m.
func (j judgedPair) moved(m moves) judgedPair {
	j.start, j.end = m.apply(j.start), m.apply(j.end)
	j.a = [2]int{m.apply(j.a[0]), m.apply(j.a[1])}
	j.b = [2]int{m.apply(j.b[0]), m.apply(j.b[1])}
	return j
}

// at returns the source span a hover at the source offset off is about:
// either quantity of the pair, or anything between them when they are
// written together (a restatement's may be paragraphs apart).
func (j *judgedPair) at(doc *lint.Document, off int) (start, end int, ok bool) {
	spans := [][2]int{j.a, j.b}
	if !j.Restated() {
		spans = [][2]int{{j.start, j.end}}
	}
	for _, sp := range spans {
		s, e := doc.SourceSpan(sp[0], sp[1])
		if s <= off && off < e {
			return s, e, true
		}
	}
	return 0, 0, false
}

// moves is what an edit does to offsets: those at or after from move by
// delta.
type moves struct{ from, delta int }

// apply moves an offset.
func (m moves) apply(off int) int {
	if off >= m.from {
		return off + m.delta
	}
	return off
}

// localeSensitive reports whether the pair's judgement depends on the
// copy's locale: a generic "gallons" or "tons" means what the locale says.
func (j *judgedPair) localeSensitive() bool {
	return j.A.Spelling != nil && j.A.Spelling.Generic || j.B.Spelling != nil && j.B.Spelling.Generic
}

// analyze lints src. With prev, the analysis of an earlier version read
// the same way under the same options, it reuses prev's content findings
// when the edit between them cannot change them (see reuse).
func (l *linter) analyze(ctx context.Context, prev *analysis, src source) (*analysis, error) {
	f := lint.NewFile(src.name, src.text)
	doc, err := src.kind.Parser()(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", src.name, err)
	}
	a := &analysis{version: src.version, kind: src.kind, opts: src.opts, file: f, doc: doc}
	a.locale = sync.OnceValue(func() pairs.Locale { return pairs.DetectLocale(doc.Text) })
	// reuse only for plain text: in Markdown and HTML an edit to markup
	// (a fence, a tag) can turn prose into code and back, which the prose
	// diff reuse reads cannot see
	if prev != nil && !prev.ignored && prev.kind == src.kind && src.kind == markup.Text && reflect.DeepEqual(prev.opts, src.opts) {
		a.reused = l.reuse(prev, a, &src.opts)
	}
	if !a.reused {
		if a.content, a.judged, err = l.lintContent(ctx, doc.Text, &src.opts); err != nil {
			return nil, err
		}
	}
	res, err := lint.Analyze(ctx, doc, l.final(a.content), &src.opts)
	if err != nil {
		return nil, fmt.Errorf("lint %s: %w", src.name, err)
	}
	a.diags = res.Diagnostics
	return a, nil
}

// lintContent runs the content rules on text, as a document of its own
// without suppressions (the final pass applies the document's), and
// returns their findings and the judged pairs in offsets of text.
func (l *linter) lintContent(ctx context.Context, text []byte, opts *lint.Options) ([]lint.Diagnostic, []judgedPair, error) {
	f := lint.NewFile("", text)
	doc := lint.NewDocument(f, text, []lint.Segment{{Text: 0, TextLen: len(text), Source: 0, SourceLen: len(text)}})
	res, err := lint.Analyze(ctx, doc, l.content, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("lint: %w", err)
	}
	js, _ := res.Facts[rules.Judgements].([]rules.Judged)
	judged := make([]judgedPair, len(js))
	for i, j := range js {
		judged[i] = newJudgedPair(j)
	}
	return res.Diagnostics, judged, nil
}

// final returns the analyzers of the pass over the document: each content
// rule replayed from its findings, then the file rules.
func (l *linter) final(content []lint.Diagnostic) []*lint.Analyzer {
	out := make([]*lint.Analyzer, 0, len(l.content)+len(l.file))
	for _, r := range l.content {
		if !r.IsRule() {
			continue
		}
		out = append(out, &lint.Analyzer{
			Name: r.Name, Summary: r.Summary, Doc: r.Doc, Severity: r.Severity,
			Run: func(p *lint.Pass) (any, error) {
				for _, d := range content {
					if d.Rule == r.Name {
						p.Report(d)
					}
				}
				return nil, nil
			},
		})
	}
	return append(out, l.file...)
}

// reuse makes a's content findings by moving prev's, and reports whether
// it could: when the edit from prev's prose to a's is confined to
// sentences that hold no quantity, before and after it, no finding can
// change but by moving.
//
// The sentences around the edit run from the last sentence start before
// it to the first after it; a sentence starts after a '.', '!' or '?'
// followed by a space or a line end, then any spaces, then an upper-case
// letter. Nothing that decides a finding reads across such a start: a pair
// joins two quantities of one sentence; the clause a temperature cue reads
// before a pair stops at a full stop, and the words it reads after one at
// any punctuation; a restatement ties quantities of other sentences, and
// reads the words of those sentences only (its own sentences end at every
// one of these starts); an exchange rate reads currency pairs. So with no
// quantity in them, the sentences around the edit take part in no
// finding. One thing reads the whole text: the copy's locale, which gives
// a generic "gallons" its meaning; a's must then be prev's.
// TestReuseMatchesFull holds this to a full lint.
func (l *linter) reuse(prev, a *analysis, opts *lint.Options) bool {
	old, text := prev.doc.Text, a.doc.Text
	p := commonPrefix(old, text)
	s := commonSuffix(old[p:], text[p:])
	oldEnd, newEnd := len(old)-s, len(text)-s
	edit := moves{from: oldEnd, delta: len(text) - len(old)}
	if oldEnd == p && newEnd == p {
		a.content, a.judged = prev.content, prev.judged
		return true
	}
	ws := sentenceStartBefore(text, p-1)
	we := sentenceStartAfter(text, newEnd)
	weOld := we - edit.delta
	scanner := quantity.NewScannerLocale(pairs.DefaultCatalogue(), opts.NumberLocale)
	if len(scanner.Scan(text[ws:we])) > 0 || len(scanner.Scan(old[ws:weOld])) > 0 {
		return false
	}
	// every offset a finding holds must lie outside the edited bytes; at
	// a pure insertion, an offset at it could belong on either side
	outside := func(off int) bool {
		switch {
		case off < p || off > oldEnd:
			return true
		case p == oldEnd:
			return false
		}
		// p ends the bytes kept before the edit, oldEnd starts those after
		return off == p || off == oldEnd
	}
	sensitive := false
	for i := range prev.judged {
		j := &prev.judged[i]
		if !outside(j.start) || !outside(j.end) || !outside(j.a[0]) || !outside(j.a[1]) || !outside(j.b[0]) || !outside(j.b[1]) {
			return false
		}
		sensitive = sensitive || j.localeSensitive()
	}
	for i := range prev.content {
		if !diagnosticOutside(&prev.content[i], outside) {
			return false
		}
	}
	if sensitive && prev.locale() != a.locale() {
		return false
	}
	a.content = make([]lint.Diagnostic, len(prev.content))
	for i, d := range prev.content {
		a.content[i] = moved(d, edit)
	}
	a.judged = make([]judgedPair, len(prev.judged))
	for i, j := range prev.judged {
		a.judged[i] = j.moved(edit)
	}
	return true
}

// diagnosticOutside reports whether every offset of d is outside.
func diagnosticOutside(d *lint.Diagnostic, outside func(int) bool) bool {
	if !outside(d.Start) || !outside(d.End) {
		return false
	}
	for _, r := range d.Related {
		if !outside(r.Start) || !outside(r.End) {
			return false
		}
	}
	for _, f := range d.Fixes {
		for _, e := range f.Edits {
			if !outside(e.Start) || !outside(e.End) {
				return false
			}
		}
	}
	return true
}

// moved returns d with its offsets, those of its related places and of its
// fixes moved by m, sharing nothing with d.
func moved(d lint.Diagnostic, m moves) lint.Diagnostic {
	d.Start, d.End = m.apply(d.Start), m.apply(d.End)
	if d.Related != nil {
		rel := make([]lint.RelatedInformation, len(d.Related))
		for i, r := range d.Related {
			r.Start, r.End = m.apply(r.Start), m.apply(r.End)
			rel[i] = r
		}
		d.Related = rel
	}
	if d.Fixes != nil {
		fixes := make([]lint.SuggestedFix, len(d.Fixes))
		for i, f := range d.Fixes {
			edits := make([]lint.TextEdit, len(f.Edits))
			for k, e := range f.Edits {
				e.Start, e.End = m.apply(e.Start), m.apply(e.End)
				edits[k] = e
			}
			fixes[i] = lint.SuggestedFix{Message: f.Message, Edits: edits}
		}
		d.Fixes = fixes
	}
	return d
}

// sentenceStartBefore returns the last sentence start at or before i (0
// when there is none). It reads no byte at or after i+1.
func sentenceStartBefore(text []byte, i int) int {
	for k := min(i, len(text)); k > 0; {
		q := bytes.LastIndexAny(text[:k], ".!?")
		if q < 0 {
			break
		}
		if c, ok := sentenceStartAfterStop(text, q); ok && c <= i {
			return c
		}
		k = q
	}
	return 0
}

// sentenceStartAfter returns the first sentence start whose stop is at or
// after i (the end of text when there is none). It reads no byte before i.
func sentenceStartAfter(text []byte, i int) int {
	for k := max(i, 0); k < len(text); {
		q := bytes.IndexAny(text[k:], ".!?")
		if q < 0 {
			break
		}
		if c, ok := sentenceStartAfterStop(text, k+q); ok {
			return c
		}
		k += q + 1
	}
	return len(text)
}

// sentenceStartAfterStop reports whether the '.', '!' or '?' at q ends a
// sentence: a space or a line end follows it, then any spaces or line
// ends, then an upper-case ASCII letter, whose offset it returns.
func sentenceStartAfterStop(text []byte, q int) (int, bool) {
	k := q + 1
	if k >= len(text) || text[k] != ' ' && text[k] != '\n' {
		return 0, false
	}
	for k < len(text) && (text[k] == ' ' || text[k] == '\n') {
		k++
	}
	if k >= len(text) || text[k] < 'A' || text[k] > 'Z' {
		return 0, false
	}
	return k, true
}

// commonPrefix returns the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	const chunk = 64
	i := 0
	for i+chunk <= n && bytes.Equal(a[i:i+chunk], b[i:i+chunk]) {
		i += chunk
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix returns the length of the longest common suffix of a and b.
func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	const chunk = 64
	i := 0
	for i+chunk <= n && bytes.Equal(a[len(a)-i-chunk:len(a)-i], b[len(b)-i-chunk:len(b)-i]) {
		i += chunk
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}
