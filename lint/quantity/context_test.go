package quantity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/lint/units"
)

// TestScanContextAcrossChunks scans text that ScanContext reads in two
// chunks (of 256 KiB) with quantities around the boundary, shifted a byte
// at a time so that the boundary falls at every offset of a sentence:
// each quantity is found whole, once.
func TestScanContextAcrossChunks(t *testing.T) {
	const sentence = "It covers 1,000 sq km (386 sq miles). "
	s := quantity.NewScanner(units.Default())
	for pad := range len(sentence) {
		lead := strings.Repeat("x", 256<<10-200) + strings.Repeat(" ", 1+pad)
		text := []byte(lead + strings.Repeat(sentence, 12))
		qs, err := s.ScanContext(context.Background(), text)
		require.NoError(t, err)
		require.Len(t, qs, 24, "pad %d", pad)
		for i, q := range qs {
			want := "1,000 sq km"
			if i%2 == 1 {
				want = "386 sq miles"
			}
			require.Equal(t, want, q.Text(text), "pad %d, quantity %d at %d", pad, i, q.Start)
		}
	}
}

// TestScanContextCancelled returns the context's error and no quantities.
func TestScanContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	qs, err := quantity.NewScanner(units.Default()).ScanContext(ctx, []byte("It covers 1,000 sq km (386 sq miles)."))
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, qs)
}
