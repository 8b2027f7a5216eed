package lint_test

import (
	"context"
	"testing"

	"github.com/unitlint/unitlint/lint"
)

// BenchmarkCheckBytesProse is the engine's own cost on 1 MiB of prose
// with no findings: the plain-text document (its suppression scan) and
// Analyze running five rules that share a fact analyzer and find nothing,
// as rules.All does. BenchmarkCheckProse in package rules adds the rules'
// own work.
// Report: GOMAXPROCS=1 go test -run '^$' -bench CheckBytesProse -benchmem ./lint
func BenchmarkCheckBytesProse(b *testing.B) {
	line := []byte("The council said the plans would be published later this year after the public consultation. ")
	src := make([]byte, 0, 1<<20)
	for len(src) < 1<<20 {
		src = append(src, line...)
	}
	fact := &lint.Analyzer{Name: "fact", Run: func(*lint.Pass) (any, error) { return 0, nil }}
	var analyzers []*lint.Analyzer
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		analyzers = append(analyzers, &lint.Analyzer{Name: name, Severity: lint.SeverityWarning,
			Requires: []*lint.Analyzer{fact}, Run: func(*lint.Pass) (any, error) { return nil, nil }})
	}
	ctx := context.Background()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.CheckBytes(ctx, "prose.txt", src, analyzers, lint.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
