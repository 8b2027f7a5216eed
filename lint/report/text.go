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
	endCol := end.Column
	if end.Line != start.Line {
		endCol = utf8.RuneCount(line) + 1
	}
	excerpt, markStart, markLen := t.window(line, start.Column-1, endCol-start.Column)
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
