package judge

import "testing"

// BenchmarkJudge measures a passing pair and a failing one that runs the
// whole diagnosis.
func BenchmarkJudge(b *testing.B) {
	cat := testCat()
	ok, _ := pairOf(op(b, cat, "1,000", "km2"), op(b, cat, "386", "mi2"), TempUnknown)
	bad, _ := pairOf(op(b, cat, "100,000", "km2"), op(b, cat, "453", "mi2"), TempUnknown)
	opts := Options{Catalogue: cat}
	b.Run("ok", func(b *testing.B) {
		for b.Loop() {
			Judge(ok, opts)
		}
	})
	b.Run("error", func(b *testing.B) {
		for b.Loop() {
			Judge(bad, opts)
		}
	})
}
