package rules_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/corpus"
	"github.com/unitlint/unitlint/internal/fix"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/rules"
)

// FuzzFix lints any text with every rule (pair finding and judgement),
// under any house style, and applies the preferred fix of each diagnostic
// on its own: every span and edit lies inside the text (on character
// boundaries when the text is valid UTF-8), the fixed text is valid UTF-8
// when the text was, and the fixed pair passes — linting the fixed text
// reports nothing of the rule over the pair's span, moved by the fix.
// (Other pairs may share the span's ends: "1l (1 gal; 0in)" pairs 1l
// with both.)
func FuzzFix(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	require.NoError(f, err)
	require.NotEmpty(f, paths)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(b, uint8(0))
	}
	for _, r := range rules.All() {
		for _, ex := range r.Examples {
			f.Add([]byte(ex.Text), uint8(0))
		}
	}
	// the labelled corpus, when it is beside the repository, holds the
	// wrong pairs that reach print
	if lines, err := corpus.Load(); err == nil {
		for _, l := range lines {
			f.Add([]byte(l.Text), uint8(0))
		}
	}
	for style := range uint8(72) {
		f.Add([]byte("It holds 5 gallons (19 litres), 2 tons (1.8 tonnes) and 1.000,5 km (621 miles)."), style)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, src []byte, style uint8) {
		defer watchdog(src)()
		opts := houseStyle(style)
		res, err := lint.CheckBytes(ctx, "f.txt", src, rules.All(), opts)
		require.NoError(t, err)
		valid := utf8.Valid(src)
		for _, d := range res.Diagnostics {
			checkSpan(t, src, valid, d.Rule, d.Start, d.End)
			if len(d.Fixes) == 0 {
				continue
			}
			fx := d.Fixes[0]
			for _, e := range fx.Edits {
				checkSpan(t, src, valid, d.Rule+" fix", e.Start, e.End)
			}
			out, applied, skipped := fix.Apply(src, []lint.SuggestedFix{fx})
			require.Empty(t, skipped, "%s at %d: fix %+v of %q", d.Rule, d.Start, fx, src)
			require.Len(t, applied, 1)
			if valid {
				require.True(t, utf8.Valid(out), "%s at %d: fixed text %q is not UTF-8", d.Rule, d.Start, out)
			}
			start, end := shiftSpan(d.Start, d.End, fx.Edits)
			again, err := lint.CheckBytes(ctx, "f.txt", out, rules.All(), opts)
			require.NoError(t, err)
			for _, d2 := range again.Diagnostics {
				if d2.Rule == d.Rule && d2.Start == start && d2.End == end {
					t.Fatalf("%s: the fixed pair still fails:\nbefore: %q\n  %s\nafter:  %q\n  %s",
						d.Rule, src[d.Start:d.End], d.Message, out[d2.Start:d2.End], d2.Message)
				}
			}
		}
	})
}

// houseStyle returns the options a fuzzed style byte selects: every
// tolerance, gallon, ton and number locale.
func houseStyle(style uint8) lint.Options {
	return lint.Options{
		Tolerance:    lint.Tolerance(style % 3),
		Gallon:       lint.GallonStyle(style / 3 % 3),
		Ton:          lint.TonStyle(style / 9 % 4),
		NumberLocale: numeral.Locale(style / 36 % 2),
	}
}

// checkSpan holds a span to lie inside src, on character boundaries when
// src is valid UTF-8.
func checkSpan(t *testing.T, src []byte, valid bool, what string, start, end int) {
	t.Helper()
	require.True(t, 0 <= start && start <= end && end <= len(src), "%s: span [%d, %d) of %d bytes", what, start, end, len(src))
	if !valid {
		return
	}
	for _, off := range []int{start, end} {
		if off < len(src) {
			require.True(t, utf8.RuneStart(src[off]), "%s: offset %d inside a character of %q", what, off, src)
		}
	}
}

// shiftSpan returns where the span [start, end) lies after edits: edits
// before it move it, edits that start inside it grow or shrink it.
func shiftSpan(start, end int, edits []lint.TextEdit) (int, int) {
	ns, ne := start, end
	for _, e := range edits {
		delta := len(e.NewText) - (e.End - e.Start)
		if e.End <= start {
			ns += delta
		}
		if e.Start < end {
			ne += delta
		}
	}
	return ns, max(ne, ns)
}

// hangAfter is how long one input may take while fuzzing before it counts
// as a hang. Go's fuzzer has no such limit of its own: a slow input stalls
// a worker silently.
const hangAfter = 10 * time.Second

// watchdog crashes the fuzzing process when one input runs longer than
// hangAfter, so that the fuzzer records the input as a crasher; call the
// function it returns when the input is done. It does nothing outside
// fuzzing (go test without -fuzz runs the corpus as ordinary tests).
func watchdog(input []byte) (stop func()) {
	if f := flag.Lookup("test.fuzz"); f == nil || f.Value.String() == "" {
		return func() {}
	}
	t := time.AfterFunc(hangAfter, func() {
		panic(fmt.Sprintf("input still running after %s (a hang): %q", hangAfter, input))
	})
	return func() { t.Stop() }
}
