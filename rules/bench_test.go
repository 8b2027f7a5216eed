package rules_test

import (
	"context"
	"testing"

	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// BenchmarkCheckPlainText lints 1 MiB of generated news copy (a pair every
// ~120 words, a stray number every ~40) with every rule, on one goroutine.
// Report: GOMAXPROCS=1 go test -run '^$' -bench CheckPlainText -benchmem ./rules
func BenchmarkCheckPlainText(b *testing.B) {
	src := newsgen.Article(1<<20, 1)
	analyzers := rules.All()
	ctx := context.Background()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := lint.CheckBytes(ctx, "bench.txt", src, analyzers, lint.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(src))*float64(1<<20)/1e6, "ms/MiB")
}

// BenchmarkCheckProse lints 1 MiB with no digits and no number words: the
// tight loop alone.
func BenchmarkCheckProse(b *testing.B) {
	line := []byte("The council said the plans would be published later this year after the public consultation. ")
	src := make([]byte, 0, 1<<20)
	for len(src) < 1<<20 {
		src = append(src, line...)
	}
	analyzers := rules.All()
	ctx := context.Background()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := lint.CheckBytes(ctx, "prose.txt", src, analyzers, lint.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
