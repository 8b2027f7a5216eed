package pairs_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/corpus"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/pairs"
)

// TestCorpusExtraction holds pair finding to the labelled corpus: every
// labelled pair of a single-sentence line is found, and distractor lines
// yield no pair.
func TestCorpusExtraction(t *testing.T) {
	lines, err := corpus.Load()
	require.NoError(t, err)
	f := pairs.NewFinder(&lint.Options{})
	labelled, found, spurious := 0, 0, 0
	for _, l := range lines {
		if l.HasTag("document") {
			continue
		}
		got := f.Find([]byte(l.Text))
		for _, want := range l.Pairs {
			if want.Verdict == "skip" {
				continue
			}
			labelled++
			ok := false
			for _, p := range got {
				if overlaps(p.A.Start, p.A.End, want.AStart, want.AEnd) && overlaps(p.B.Start, p.B.End, want.BStart, want.BEnd) {
					ok = true
				}
			}
			if ok {
				found++
			} else {
				t.Logf("unextracted %s: %s / %s", l.ID, want.A, want.B)
			}
		}
		for _, p := range got {
			hit := false
			for _, want := range l.Pairs {
				if overlaps(p.Start, p.End, want.AStart, want.BEnd) || overlaps(p.Start, p.End, want.BStart, want.AEnd) {
					hit = true
				}
			}
			if !hit {
				spurious++
				t.Logf("spurious %s: %q", l.ID, l.Text[p.Start:p.End])
			}
		}
	}
	rate := float64(found) / float64(labelled)
	t.Logf("extraction %d/%d = %.3f, spurious %d", found, labelled, rate, spurious)
	require.GreaterOrEqual(t, rate, 0.97)
	require.LessOrEqual(t, spurious, 2)
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }
