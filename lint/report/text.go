package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/unitlint/unitlint/lint"
)

// Text writes diagnostics for people:
//
//	a.txt:13:70: error: 100,000 sq km is about 38,610 sq miles, not 453 sq miles (conversion)
//	   13 | ... the 18% (100,000 sq km or 453 sq miles) of its Ukrainian territory ...
//	      |              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//	      = fix: 38,600 sq miles
//
// Columns count code points. Colour is used only when Color is set.
type Text struct {
	w     *bufio.Writer
	Color bool
	// Context is how many code points of the line to show on either side
	// of the span before cutting with "...".
	Context int
	errs    io.Writer
}

// NewText returns a text reporter writing diagnostics to w and file
// errors and notices to errs.
func NewText(w, errs io.Writer, color bool) *Text {
	return &Text{w: bufio.NewWriter(w), Color: color, Context: 40, errs: errs}
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
)

func (t *Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

// Report implements Reporter.
func (t *Text) Report(res *lint.Result) error {
	if res.Err != nil {
		fmt.Fprintf(t.errs, "unitlint: %v\n", res.Err)
	}
	if res.Skipped != "" {
		fmt.Fprintf(t.errs, "unitlint: %s: skipped: %s\n", res.Path, res.Skipped)
	}
	for _, d := range res.Diagnostics {
		t.diagnostic(res, d)
	}
	return nil
}

func (t *Text) diagnostic(res *lint.Result, d lint.Diagnostic) {
	f := res.File
	start, end := f.Position(d.Start), f.Position(d.End)
	sev := d.Severity.String()
	switch d.Severity {
	case lint.SeverityError:
		sev = t.paint(ansiBold+ansiRed, sev)
	case lint.SeverityWarning:
		sev = t.paint(ansiBold+ansiYellow, sev)
	default:
		sev = t.paint(ansiBold+ansiCyan, sev)
	}
	fmt.Fprintf(t.w, "%s: %s: %s (%s)\n", t.paint(ansiBold, start.String()), sev, d.Message, d.Rule)
	line := f.Line(start.Line)
	base := f.LineStart(start.Line)
	if base == 0 {
		base = lint.BOMLen(f.Source()) // Line drops the mark
	}
	var col, n int
	if end.Line == start.Line && len(line) <= 8*(t.Context+1) {
		col, n = start.Column-1, end.Column-start.Column
	} else {
		// a long line (a file of one line, megabytes long) is cut to the
		// span's neighbourhood first: showing it costs what a short one does
		var s, e int
		line, s, e = clip(line, d.Start-base, min(d.End-base, len(line)), t.Context)
		col, n = utf8.RuneCount(line[:s]), utf8.RuneCount(line[s:e])
	}
	excerpt, markStart, markLen := t.window(line, col, n)
	gutter := fmt.Sprintf("%5d", start.Line)
	pad := strings.Repeat(" ", len(gutter))
	fmt.Fprintf(t.w, "%s | %s\n", t.paint(ansiCyan, gutter), excerpt)
	if markLen < 1 {
		markLen = 1
	}
	fmt.Fprintf(t.w, "%s | %s%s\n", pad, strings.Repeat(" ", markStart), t.paint(ansiRed, strings.Repeat("^", markLen)))
	for _, fx := range d.Fixes {
		fmt.Fprintf(t.w, "%s = %s %s\n", pad, t.paint(ansiGreen, "fix:"), strings.TrimPrefix(fx.Message, "write "))
	}
}

// clip returns the part of line within ctx code points (and up to three
// bytes more) of the span [s, e) of byte offsets, cut on character
// boundaries, and the span's offsets in it.
func clip(line []byte, s, e, ctx int) ([]byte, int, int) {
	k := utf8.UTFMax * (ctx + 1) // bytes enough for ctx code points and one more
	lo, hi := max(s-k, 0), min(e+k, len(line))
	for i := 0; i < utf8.UTFMax-1 && lo > 0 && !utf8.RuneStart(line[lo]); i++ {
		lo--
	}
	for i := 0; i < utf8.UTFMax-1 && hi < len(line) && !utf8.RuneStart(line[hi]); i++ {
		hi++
	}
	return line[lo:hi], s - lo, e - lo
}

// window cuts a long line around a span of code points [col, col+n) and
// returns the excerpt with the span's place in it. Tabs become spaces so
// the marker lines up.
func (t *Text) window(line []byte, col, n int) (string, int, int) {
	runes := []rune(strings.ToValidUTF8(string(line), "\uFFFD"))
	for i, r := range runes {
		if r == '\t' {
			runes[i] = ' '
		}
	}
	lo, hi := col-t.Context, col+n+t.Context
	prefix, suffix := "", ""
	if lo <= 0 {
		lo = 0
	} else {
		// cut at a space
		for lo < col && runes[lo-1] != ' ' {
			lo++
		}
		prefix = "... "
	}
	if hi >= len(runes) {
		hi = len(runes)
	} else {
		for hi > col+n && runes[hi] != ' ' {
			hi--
		}
		suffix = " ..."
	}
	if col > len(runes) {
		col = len(runes)
	}
	if col+n > len(runes) {
		n = len(runes) - col
	}
	return prefix + string(runes[lo:hi]) + suffix, len([]rune(prefix)) + col - lo, n
}

// Close implements Reporter.
func (t *Text) Close() error { return t.w.Flush() }
