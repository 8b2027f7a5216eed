package quantity_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/lint/units"
)

// FuzzScan scans any bytes in both number locales: the scanner must not
// panic; every span it reports lies inside the input, in order, without
// overlap, and on UTF-8 character boundaries when the input is valid
// UTF-8; and scanning the same bytes twice gives the same quantities.
func FuzzScan(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*"))
	require.NoError(f, err)
	require.NotEmpty(f, paths)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(b)
	}
	for _, s := range []string{
		"1,000 sq km (386 sq miles)", "6ft 2in (1.88m)", "about 5-10km", "£3.5bn ($4.4bn)",
		"½ mile", "minus 40C", "two and a half miles", "1.000,5 km", "1 000,5 km", ".5in",
		"93 degrees (34C)", "12 by 4 metres", strings.Repeat("9", 400) + " km", "1e999 km",
	} {
		f.Add([]byte(s))
	}
	cat := units.Default()
	scanners := []*quantity.Scanner{
		quantity.NewScannerLocale(cat, numeral.English),
		quantity.NewScannerLocale(cat, numeral.European),
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		defer watchdog(text)()
		valid := utf8.Valid(text)
		for _, s := range scanners {
			qs := s.Scan(text)
			checkSpans(t, text, valid, qs)
			require.Equal(t, render(text, qs), render(text, s.Scan(text)), "scanning twice")
		}
	})
}

// checkSpans holds the spans of qs to the scanner's contract.
func checkSpans(t *testing.T, text []byte, valid bool, qs []quantity.Quantity) {
	t.Helper()
	boundary := func(what string, i, off int) {
		require.True(t, 0 <= off && off <= len(text), "quantity %d: %s %d outside [0, %d]", i, what, off, len(text))
		if valid && off < len(text) {
			require.True(t, utf8.RuneStart(text[off]), "quantity %d: %s %d inside a character of %q", i, what, off, text)
		}
	}
	prevEnd := 0
	for i, q := range qs {
		boundary("hedge start", i, q.HedgeStart)
		boundary("start", i, q.Start)
		boundary("end", i, q.End)
		require.True(t, prevEnd <= q.HedgeStart && q.HedgeStart <= q.Start && q.Start < q.End,
			"quantity %d: hedge %d, span [%d, %d) after %d", i, q.HedgeStart, q.Start, q.End, prevEnd)
		if q.Spelling != nil || q.UnitEnd > 0 {
			boundary("unit start", i, q.UnitStart)
			boundary("unit end", i, q.UnitEnd)
			require.True(t, q.Start <= q.UnitStart && q.UnitStart <= q.UnitEnd && q.UnitEnd <= q.End,
				"quantity %d: unit [%d, %d) outside [%d, %d)", i, q.UnitStart, q.UnitEnd, q.Start, q.End)
		}
		require.NotEmpty(t, q.Amounts, "quantity %d has no amount", i)
		for _, n := range q.Numbers {
			boundary("number start", i, n.Start)
			boundary("number end", i, n.End)
			require.True(t, q.HedgeStart <= n.Start && n.Start <= n.End && n.End <= q.End,
				"quantity %d: number [%d, %d) outside [%d, %d)", i, n.Start, n.End, q.HedgeStart, q.End)
		}
		prevEnd = q.End
	}
}

// render writes quantities as comparable text.
func render(text []byte, qs []quantity.Quantity) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		var amounts []string
		for _, a := range q.Amounts {
			amounts = append(amounts, fmt.Sprintf("%s/%s/%s/%d", a.Value.RatString(), a.Fine.RatString(), a.Coarse.RatString(), a.Sig))
		}
		unit := ""
		if q.Unit != nil {
			unit = q.Unit.ID
		}
		out[i] = fmt.Sprintf("%q %d %d-%d %s %s %v %q", text[q.Start:q.End], q.HedgeStart, q.Start, q.End,
			strings.Join(amounts, ","), unit, q.Numbers, q.Symbol)
	}
	return out
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
