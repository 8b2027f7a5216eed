package config

import (
	"fmt"
	"strings"

	"github.com/unitlint/unitlint/internal/editdist"
)

// hint is the end of an "unknown ..." message: ` (did you mean "tolerance"?)`
// when one candidate is close to word, else the list of candidates.
func hint(word string, candidates []string, what string) string {
	if s := suggest(word, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return fmt.Sprintf(" (%s: %s)", what, strings.Join(candidates, ", "))
}

// suggest returns the candidate nearest to word when it is near enough to
// be a typo: at most one edit per three letters, and at least one.
func suggest(word string, candidates []string) string {
	best, bestDist := "", max(1, len(word)/3)+1
	for _, c := range candidates {
		if d := editdist.Levenshtein(strings.ToLower(word), c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
