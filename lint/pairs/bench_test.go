package pairs_test

import (
	"testing"

	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/pairs"
	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/lint/units"
)

// reportPerMiB reports the time per MiB of the text of size n.
func reportPerMiB(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)*float64(1<<20)/1e6, "ms/MiB")
}

// BenchmarkFind finds the pairs of 1 MiB of generated news copy, the
// quantity scan included.
// Report: GOMAXPROCS=1 go test -run '^$' -bench Find -benchmem ./lint/pairs
func BenchmarkFind(b *testing.B) {
	src := newsgen.Article(1<<20, 1)
	f := pairs.NewFinder(&lint.Options{})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Find(src)
	}
	reportPerMiB(b, len(src))
}

// BenchmarkFindIn finds the pairs among the quantities of 1 MiB of
// generated news copy, scanned beforehand: the pair finder alone, the
// locale detection included.
func BenchmarkFindIn(b *testing.B) {
	src := newsgen.Article(1<<20, 1)
	f := pairs.NewFinder(&lint.Options{})
	qs := quantity.NewScanner(units.Default()).Scan(src)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.FindIn(src, qs)
	}
	reportPerMiB(b, len(src))
}

// BenchmarkDetectLocaleNews reads the locale of 1 MiB of generated news
// copy: the cue sampler over text with numbers, units and currencies.
func BenchmarkDetectLocaleNews(b *testing.B) {
	src := newsgen.Article(1<<20, 1)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pairs.DetectLocale(src)
	}
	reportPerMiB(b, len(src))
}
