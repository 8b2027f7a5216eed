package judge

import "testing"

// BenchmarkJudge measures a passing pair, a failing one that runs the
// whole diagnosis, and the failing pair of generated news copy (a length
// factor used for an area: diagnosed, with a fix).
func BenchmarkJudge(b *testing.B) {
	cat := testCat()
	ok, _ := pairOf(op(b, cat, "1,000", "km2"), op(b, cat, "386", "mi2"), TempUnknown)
	bad, _ := pairOf(op(b, cat, "100,000", "km2"), op(b, cat, "453", "mi2"), TempUnknown)
	area, _ := pairOf(op(b, cat, "120", "km2"), op(b, cat, "75", "mi2"), TempUnknown)
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
	b.Run("linear-area", func(b *testing.B) {
		for b.Loop() {
			Judge(area, opts)
		}
	})
}
