package lint

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestPositionOnLongLines holds the rune marks of long lines to counting
// from the line's start: columns agree on lines of mixed ASCII, multi-byte
// characters and invalid bytes, at every kind of offset (inside a
// character too), across many marks.
func TestPositionOnLongLines(t *testing.T) {
	pieces := []string{"a", "bc ", "’", "Ω", "😀", "\xff", "\x80\x80\x80\x80", "\xe2\x82", "\n", "\r\n", "\r"}
	r := rand.New(rand.NewPCG(7, 7))
	for _, newlines := range []bool{false, true} {
		var src []byte
		for len(src) < 9*markStride {
			p := pieces[r.IntN(len(pieces))]
			if p[len(p)-1] == '\n' || p == "\r" {
				if !newlines || r.IntN(5000) != 0 {
					continue // one line, or lines of tens of kilobytes
				}
			}
			src = append(src, p...)
		}
		src = append([]byte("\xef\xbb\xbf"), src...)
		f := NewFile("long.txt", src)
		lines := f.lineTable()
		for k := 0; k < 1000; k++ {
			off := r.IntN(len(src) + 1)
			p := f.Position(off)
			start := lines[p.Line-1]
			if p.Line == 1 {
				start = min(BOMLen(src), off)
			}
			require.Equal(t, 1+utf8.RuneCount(src[start:off]), p.Column, "offset %d, line %d", off, p.Line)
		}
	}
}
