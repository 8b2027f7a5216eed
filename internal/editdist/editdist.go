// Package editdist measures how far apart two short strings are: the
// configuration's "did you mean" and the judge's choice of a unit spelling
// both rank candidates by it.
package editdist

// Levenshtein returns the edit distance between a and b, in runes: the
// fewest insertions, deletions and substitutions that turn one into the
// other.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for k := range prev {
		prev[k] = k
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for k := 1; k <= len(rb); k++ {
			cost := 1
			if ra[i-1] == rb[k-1] {
				cost = 0
			}
			cur[k] = min(prev[k]+1, cur[k-1]+1, prev[k-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
