package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/unitlint/unitlint/internal/newsgen"
)

// thousandWordArticle returns a generated news article of exactly 1,000
// words (about 6 KB), with its conversion pairs and stray numbers, as the
// JSON body of a check.
func thousandWordArticle(tb testing.TB) []byte {
	tb.Helper()
	src := newsgen.Article(16<<10, 1)
	words, end := 0, 0
	inWord := false
	for i, r := range string(src) {
		if unicode.IsSpace(r) {
			if inWord {
				words++
				end = i
				if words == 1000 {
					break
				}
			}
			inWord = false
			continue
		}
		inWord = true
	}
	if words < 1000 {
		tb.Fatalf("the generated article has only %d words", words)
	}
	body, err := json.Marshal(map[string]string{"text": string(src[:end])})
	if err != nil {
		tb.Fatal(err)
	}
	return body
}

// loadServer is a Server serving on a loopback port with its production
// settings (timeouts, limits), for load tests.
type loadServer struct {
	url  string
	stop func() error
}

func startLoadServer(tb testing.TB, cfg Config) *loadServer {
	tb.Helper()
	s, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	stop := sync.OnceValue(func() error {
		cancel()
		return <-done
	})
	tb.Cleanup(func() { _ = stop() })
	return &loadServer{url: "http://" + ln.Addr().String(), stop: stop}
}

// load sends n checks of body to url from `clients` goroutines, each with
// its own keep-alive connection, and returns the latency of each request.
func load(ctx context.Context, url string, body []byte, n, clients int) ([]time.Duration, error) {
	latencies := make([]time.Duration, n)
	var next atomic.Int64
	errs := make(chan error, clients)
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := &http.Transport{MaxIdleConnsPerHost: 1}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				start := time.Now()
				if err := checkOnce(ctx, client, url, body); err != nil {
					errs <- fmt.Errorf("request %d: %w", i, err)
					return
				}
				latencies[i] = time.Since(start)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		return nil, err
	}
	return latencies, nil
}

// checkOnce posts one check and reads the whole answer.
func checkOnce(ctx context.Context, client *http.Client, url string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/v1/check", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"pairs_checked":`) {
		return fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return nil
}

// percentile returns the p-th percentile (0 < p ≤ 100) of ds.
func percentile(ds []time.Duration, p float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

// BenchmarkServeCheck: 2 clients on loopback post a 1,000-word article to
// /v1/check as fast as they are answered. It reports requests per second
// and the latency percentiles. Reproduce:
//
//	go test -run '^$' -bench ServeCheck -benchtime 20000x ./internal/server
func BenchmarkServeCheck(b *testing.B) {
	srv := startLoadServer(b, Config{})
	body := thousandWordArticle(b)
	// warm the connections and the caches
	if _, err := load(b.Context(), srv.url, body, 200, 2); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	lat, err := load(b.Context(), srv.url, body, b.N, 2)
	if err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	b.ReportMetric(float64(percentile(lat, 50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(lat, 99).Microseconds())/1000, "p99-ms")
	if err := srv.stop(); err != nil {
		b.Fatal(err)
	}
}
