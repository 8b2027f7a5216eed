//go:build e2ebig

package e2e_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/newsgen"
)

// bigCases are the matrix's cases that write hundreds of megabytes or
// 100,000 files, built in with the e2ebig tag:
//
//	go test -tags e2ebig -v ./internal/e2e
func bigCases() []matrixCase {
	return []matrixCase{
		func() matrixCase {
			chunk := append(prose(1<<20, 2), '\n')
			line := 200*bytes.Count(chunk, []byte("\n")) + 2
			return matrixCase{
				name: "a 200 MB file",
				big:  true,
				setup: func(t *testing.T, dir string) []string {
					writeRepeated(t, dir, "big.txt", chunk, 200, "\n"+wrong)
					return []string{"big.txt"}
				},
				code:   1,
				stderr: "2 problems (2 errors) in 2 of 2 files\n",
				diags:  []string{"big.txt:" + strconv.Itoa(line) + ":11 conversion", otherDiag},
			}
		}(),
		{
			name: "100,000 tiny files",
			big:  true,
			setup: func(t *testing.T, dir string) []string {
				for i := range 100000 {
					text := right
					if i == 50000 {
						text = wrong
					}
					write(t, dir, fmt.Sprintf("many/%03d/%06d.txt", i/1000, i), []byte(text))
				}
				return []string{"many"}
			},
			code:   1,
			stderr: "2 problems (2 errors) in 2 of 100001 files\n",
			diags:  []string{"many/050/050000.txt:1:11 conversion", otherDiag},
		},
	}
}

// bigArticle writes about mb megabytes of generated news copy to path, a
// megabyte at a time; as HTML, each paragraph is a <p>.
func bigArticle(t *testing.T, path string, mb int) {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	html := strings.HasSuffix(path, ".html")
	if html {
		_, err = f.WriteString("<!DOCTYPE html>\n<html><body>\n")
		require.NoError(t, err)
	}
	for i := range mb {
		text := newsgen.Article(1<<20, uint64(i))
		if html {
			text = append([]byte("<p>"), bytes.ReplaceAll(text, []byte("\n\n"), []byte("</p>\n<p>"))...)
			text = append(text, "</p>\n"...)
		}
		_, err = f.Write(text)
		require.NoError(t, err)
	}
	if html {
		_, err = f.WriteString("</body></html>\n")
		require.NoError(t, err)
	}
	require.NoError(t, f.Close())
}

// TestInterrupt sends SIGINT (Ctrl-C) to the binary while it lints a
// 200 MB article (text, HTML, Markdown), a quarter, a half and three
// quarters into the time a whole run takes on this machine: it says it was
// interrupted, exits 2, and writes no report (--output leaves no file). It logs how long the binary took to exit after the
// signal, the figure docs/hardening.md records: the run checks its
// context every few milliseconds of work, except while a Markdown file is
// parsed (the parser cannot be interrupted).
func TestInterrupt(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"big.txt", "big.html", "big.md"} {
		if name == "big.md" {
			require.NoError(t, os.Symlink("big.txt", filepath.Join(dir, name))) // plain paragraphs are Markdown
		} else {
			bigArticle(t, filepath.Join(dir, name), 200)
		}
		full := exec.Command(bin, "check", "--format", "json", "--output", "whole.json", name)
		full.Dir = dir
		start := time.Now()
		out, err := full.CombinedOutput()
		whole := time.Since(start)
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, "%s: a whole run finds the article's mistakes: %s", name, out)
		require.Equal(t, 1, exit.ExitCode(), "%s: a whole run: %s", name, out)
		require.NoError(t, os.Remove(filepath.Join(dir, "whole.json")))
		t.Logf("%s: a whole run takes %.1f s", name, whole.Seconds())
		for _, delay := range []time.Duration{whole / 4, whole / 2, whole * 3 / 4} {
			cmd := exec.Command(bin, "check", "--format", "json", "--output", "report.json", name)
			cmd.Dir = dir
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Start())
			time.Sleep(delay)
			sent := time.Now()
			require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
			_ = cmd.Wait()
			latency := time.Since(sent)
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss >> 10
			assert.Equal(t, 2, cmd.ProcessState.ExitCode(), "%s at %s: %s", name, delay, stderr.String())
			assert.Equal(t, "unitlint: interrupted\n", stderr.String(), "%s at %s", name, delay)
			assert.Empty(t, stdout.String(), "%s at %s: nothing reported", name, delay)
			assert.NoFileExists(t, filepath.Join(dir, "report.json"), "%s at %s: no partial report", name, delay)
			t.Logf("%s: SIGINT at %.1f s (peak RSS %d MB): exited after %.1f ms", name, delay.Seconds(), rss, float64(latency.Microseconds())/1000)
		}
	}
}

// peak runs the binary on args in dir and returns its peak resident set
// size in bytes and how long it ran; the exit code must be one of check's
// (0, or 1 for findings).
func peak(t *testing.T, dir string, args ...string) (int64, time.Duration) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"check", "--quiet", "--format", "json"}, args...)...)
	cmd.Dir = dir
	var stderr strings.Builder // stdout: the null device
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		require.Equal(t, 1, cmd.ProcessState.ExitCode(), "%v: %s", err, stderr.String())
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10, elapsed
}

// articles writes n generated news articles of about 8 KB each under dir.
func articles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		write(t, dir, fmt.Sprintf("%03d/%05d.txt", i/1000, i), newsgen.Article(8<<10, uint64(i)))
	}
}

// TestPeakRSS measures the built binary's peak memory: for 1,000 and for
// 10,000 generated articles (it must not grow with the number of files:
// results are streamed in order through a bounded window of workers), and
// for one generated article of 200 MB (it must stay within ten times the
// file's size). It logs the figures
// docs/hardening.md records.
func TestPeakRSS(t *testing.T) {
	dir := t.TempDir()
	articles(t, filepath.Join(dir, "k1"), 1000)
	articles(t, filepath.Join(dir, "k10"), 10000)
	f, err := os.Create(filepath.Join(dir, "big.txt"))
	require.NoError(t, err)
	for i := range 200 {
		_, err := f.Write(newsgen.Article(1<<20, uint64(i)))
		require.NoError(t, err)
	}
	require.NoError(t, f.Close())

	rss1k, t1k := peak(t, dir, "k1")
	rss10k, t10k := peak(t, dir, "k10")
	rssBig, tBig := peak(t, dir, "big.txt")
	t.Logf("1,000 files (8 MB): peak RSS %d MB, %.1f s", rss1k>>20, t1k.Seconds())
	t.Logf("10,000 files (80 MB): peak RSS %d MB, %.1f s", rss10k>>20, t10k.Seconds())
	t.Logf("one 200 MB file: peak RSS %d MB (%.1f× its size), %.1f s", rssBig>>20, float64(rssBig)/(200<<20), tBig.Seconds())
	assert.Less(t, rss10k, rss1k*3/2+16<<20, "peak memory grows with the number of files")
	assert.Less(t, rssBig, int64(10*200<<20), "a single file costs more than ten times its size")
}
