package markup_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// BenchmarkRunner lints 256 generated stories of 64 KiB (16 MiB) of each
// markup with every rule through lint.Runner, as `unitlint check DIR`
// does: the throughput of all cores (one worker per core), and the
// allocations per MB of source. Compare one core with all (the -cpu flag
// does not set GOMAXPROCS for sub-benchmarks here; the variable does):
//
//	GOMAXPROCS=1 go test -run '^$' -bench Runner -benchmem ./lint/markup
//	go test -run '^$' -bench Runner -benchmem ./lint/markup
func BenchmarkRunner(b *testing.B) {
	const files, size = 256, 64 << 10
	for _, k := range benchKinds() {
		inputs := make([]lint.Input, files)
		total := 0
		for i := range inputs {
			src := k.gen(size, uint64(i))
			inputs[i] = lint.Input{Path: fmt.Sprintf("story%03d", i), Src: src}
			total += len(src)
		}
		parse := k.kind.Parser()
		r := &lint.Runner{Analyzers: rules.All(), Parse: func(string) lint.ParseFunc { return parse }}
		b.Run(k.name, func(b *testing.B) {
			b.SetBytes(int64(total))
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				err := r.Run(context.Background(), inputs, func(res *lint.Result) error { return res.Err })
				if err != nil {
					b.Fatal(err)
				}
			}
			runtime.ReadMemStats(&after)
			mb := float64(b.N) * float64(total) / 1e6
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/mb, "allocs/MB")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/mb/1e6, "alloc-MB/MB")
		})
	}
}
