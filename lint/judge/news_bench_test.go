package judge_test

import (
	"testing"

	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/pairs"
)

// BenchmarkJudgeNews judges the pairs of 64 KiB of generated news copy (the
// mix BenchmarkCheckPlainText in package rules lints); ns/op is per pair.
func BenchmarkJudgeNews(b *testing.B) {
	ps := pairs.NewFinder(&lint.Options{}).Find(newsgen.Article(1<<16, 1))
	opts := judge.Options{Catalogue: pairs.DefaultCatalogue()}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		judge.Judge(ps[i%len(ps)].Judge, opts)
	}
}
