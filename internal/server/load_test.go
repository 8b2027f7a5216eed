//go:build load

package server

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLoadMemoryFlat sends 100,000 checks of a 1,000-word article from 2
// clients on loopback, in ten rounds of 10,000; between rounds, with no
// request in flight, it samples the live heap (after a GC), the RSS and
// the goroutines. After the first round (warm caches) the live heap may
// not grow by more than 256 KiB (under 3 bytes a request), the RSS by more
// than 16 MiB (the OS's accounting is coarse), the goroutines at all. It is bounded in count (100,000) and time (10 minutes),
// behind the build tag "load":
//
//	go test -tags load -run LoadMemoryFlat -v -timeout 15m ./internal/server
func TestLoadMemoryFlat(t *testing.T) {
	const (
		rounds   = 10
		perRound = 10_000
	)
	srv := startLoadServer(t, Config{})
	body := thousandWordArticle(t)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	defer cancel()

	type sample struct {
		done       int
		heap, rss  uint64 // bytes
		goroutines int
	}
	goroutines := 0
	take := func(done int) sample {
		// the connections of the round just closed: let their goroutines end
		for deadline := time.Now().Add(2 * time.Second); goroutines > 0 && runtime.NumGoroutine() > goroutines && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
		}
		debug.FreeOSMemory() // a GC, and the freed pages back to the OS
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return sample{done, ms.HeapAlloc, rss(t), runtime.NumGoroutine()}
	}
	lat := make([]time.Duration, 0, rounds*perRound) // allocated before the first sample
	samples := []sample{take(0)}
	start := time.Now()
	for r := 1; r <= rounds; r++ {
		l, err := load(ctx, srv.url, body, perRound, 2)
		if err != nil {
			t.Fatal(err)
		}
		lat = append(lat, l...)
		samples = append(samples, take(r*perRound))
		if r == 1 {
			goroutines = samples[1].goroutines
		}
	}
	elapsed := time.Since(start)

	t.Logf("%d requests of %d bytes from 2 clients in %s: %.0f req/s, p50 %s, p99 %s, max %s",
		len(lat), len(body), elapsed.Round(time.Millisecond), float64(len(lat))/elapsed.Seconds(),
		percentile(lat, 50).Round(time.Microsecond), percentile(lat, 99).Round(time.Microsecond),
		percentile(lat, 100).Round(time.Microsecond))
	t.Logf("%9s %12s %12s %11s", "requests", "heap (KiB)", "RSS (KiB)", "goroutines")
	for _, s := range samples {
		t.Logf("%9d %12d %12d %11d", s.done, s.heap>>10, s.rss>>10, s.goroutines)
	}

	base := samples[1] // after the first round: warm
	for _, s := range samples[2:] {
		if s.heap > base.heap+256<<10 {
			t.Errorf("live heap grew from %d KiB at %d requests to %d KiB at %d", base.heap>>10, base.done, s.heap>>10, s.done)
		}
		if s.rss > base.rss+16<<20 {
			t.Errorf("RSS grew from %d KiB at %d requests to %d KiB at %d", base.rss>>10, base.done, s.rss>>10, s.done)
		}
		if s.goroutines > base.goroutines {
			t.Errorf("goroutines grew from %d at %d requests to %d at %d", base.goroutines, base.done, s.goroutines, s.done)
		}
	}
}

// rss returns the resident set size of this process, from /proc.
func rss(t *testing.T) uint64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatalf("read RSS: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				t.Fatalf("read RSS from %q: %v", line, err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmRSS in /proc/self/status")
	return 0
}
