package lint_test

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
)

// TestSortDiagnosticsStable holds SortDiagnostics to sort.SliceStable with
// the same order (start, end, rule): equal diagnostics keep their order.
func TestSortDiagnosticsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	rules := []string{"", "conversion", "restatement", "encoding"}
	for range 500 {
		ds := make([]lint.Diagnostic, r.IntN(30))
		for i := range ds {
			s := r.IntN(8)
			ds[i] = lint.Diagnostic{Start: s, End: s + r.IntN(3), Rule: rules[r.IntN(len(rules))], Message: string(rune('a' + i))}
		}
		want := slices.Clone(ds)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			if a.Start != b.Start {
				return a.Start < b.Start
			}
			if a.End != b.End {
				return a.End < b.End
			}
			return a.Rule < b.Rule
		})
		lint.SortDiagnostics(ds)
		require.Equal(t, want, ds)
	}
}
