package quantity_test

import (
	"bytes"
	"testing"

	"github.com/unitlint/unitlint/internal/newsgen"
)

// BenchmarkScan scans 1 MiB of generated news copy (the mix
// BenchmarkCheckPlainText in package rules lints).
// Run: GOMAXPROCS=1 go test -run '^$' -bench Scan -benchmem ./lint/quantity
func BenchmarkScan(b *testing.B) {
	benchmarkScan(b, newsgen.Article(1<<20, 1))
}

// BenchmarkScanProse scans 1 MiB of prose with no digit and no number word
// ("a" is one: "a mile"): the hot loop alone.
func BenchmarkScanProse(b *testing.B) {
	line := []byte("The council said the plans would be published later this year after the public consultation. ")
	benchmarkScan(b, bytes.Repeat(line, (1<<20)/len(line)+1)[:1<<20])
}

func benchmarkScan(b *testing.B, src []byte) {
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		scanner.Scan(src)
	}
}
