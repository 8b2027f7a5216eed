package lint_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/newsgen"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// TestRunCancelledStopsAtOnce cancels a run of many files from inside the
// third result: Run returns context.Canceled, emits nothing after it, and
// reads no file queued after the cancellation (at most the files the
// workers had already started).
func TestRunCancelledStopsAtOnce(t *testing.T) {
	src := newsgen.Article(64<<10, 1)
	const files, workers = 500, 4
	inputs := make([]lint.Input, files)
	for i := range inputs {
		inputs[i] = lint.Input{Path: fmt.Sprintf("story%03d.txt", i)}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	reads, readsAfter := 0, 0
	r := &lint.Runner{Analyzers: rules.All(), Workers: workers, ReadFile: func(string) ([]byte, error) {
		mu.Lock()
		defer mu.Unlock()
		reads++
		if ctx.Err() != nil {
			readsAfter++
		}
		return src, nil
	}}
	var emitted []string
	err := r.Run(ctx, inputs, func(res *lint.Result) error {
		require.NoError(t, res.Err)
		emitted = append(emitted, res.Path)
		if len(emitted) == 3 {
			cancel()
		}
		return nil
	})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, []string{"story000.txt", "story001.txt", "story002.txt"}, emitted)
	mu.Lock()
	defer mu.Unlock()
	assert.LessOrEqual(t, readsAfter, workers, "files read after the cancellation")
	assert.Less(t, reads, 3+3*workers, "files read in all: those emitted, and the window of work ahead")
}

// TestRunCancelledInsideAFile cancels the lint of one large file while its
// analyzers run: Run returns context.Canceled and emits nothing.
func TestRunCancelledInsideAFile(t *testing.T) {
	src := newsgen.Article(8<<20, 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan struct{})
	r := &lint.Runner{Analyzers: rules.All(), ReadFile: func(string) ([]byte, error) {
		close(started)
		return src, nil
	}}
	go func() {
		<-started
		cancel()
	}()
	err := r.Run(ctx, []lint.Input{{Path: "big.txt"}}, func(res *lint.Result) error {
		t.Errorf("emitted %s after the cancellation", res.Path)
		return nil
	})
	require.ErrorIs(t, err, context.Canceled)
}

// BenchmarkRunCancel measures how long Run takes to return once its
// context is cancelled while it lints a 50 MB file, the cancellation
// falling at a different stage each time (every 150 ms of the run):
// ms/cancel is the mean and max-ms the longest.
func BenchmarkRunCancel(b *testing.B) {
	src := newsgen.Article(50<<20, 3)
	r := &lint.Runner{Analyzers: rules.All()}
	var total, longest time.Duration
	n := 0
	for i := 0; b.Loop(); i++ {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- r.Run(ctx, []lint.Input{{Path: "big.txt", Src: src}}, func(*lint.Result) error { return nil })
		}()
		time.Sleep(time.Duration(i%20) * 150 * time.Millisecond)
		start := time.Now()
		cancel()
		err := <-done
		d := time.Since(start)
		if errors.Is(err, context.Canceled) {
			total += d
			longest = max(longest, d)
			n++
		}
	}
	if n > 0 {
		b.ReportMetric(float64(total.Microseconds())/float64(n)/1000, "ms/cancel")
		b.ReportMetric(float64(longest.Microseconds())/1000, "max-ms")
	}
}
