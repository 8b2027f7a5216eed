package e2e_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/unitlint/unitlint/internal/newsgen"
)

// bin is the unitlint binary TestMain builds.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "unitlint-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	bin = filepath.Join(dir, "unitlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/unitlint")
	build.Dir = filepath.Join("..", "..")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build unitlint:", err)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	goleak.VerifyTestMain(m, goleak.Cleanup(func(code int) {
		os.RemoveAll(dir)
		os.Exit(code)
	}))
}

// wrong is a sentence with a wrong pair at column 11; other is the file
// every case lints after its bad input, to show the run goes on.
const (
	wrong     = "It covers 100,000 sq km (453 sq miles).\n"
	right     = "It is 5 km (3.1 miles) away.\n"
	other     = "z-other.txt"
	otherDiag = "z-other.txt:1:11 conversion"
)

// matrixCase is one bad input and its defined outcome.
type matrixCase struct {
	name string
	// big: a case of bigCases, whose time and peak memory are logged.
	big bool
	// setup writes the inputs into dir and returns the PATH arguments
	// (z-other.txt is added after them).
	setup func(t *testing.T, dir string) []string
	// env is added to the binary's environment.
	env []string
	// during, if set, runs while the binary runs.
	during func(t *testing.T, pid int, dir string)
	// the outcome: exit code, standard error, and the diagnostics as
	// "path:line:column rule", in order.
	code   int
	stderr string
	diags  []string
}

// write writes a file under dir.
func write(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, b, 0o644))
}

// writeRepeated writes chunk n times, then tail, to a file under dir,
// without holding the file in memory.
func writeRepeated(t *testing.T, dir, name string, chunk []byte, n int, tail string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name))
	require.NoError(t, err)
	for range n {
		_, err = f.Write(chunk)
		require.NoError(t, err)
	}
	_, err = f.WriteString(tail)
	require.NoError(t, err)
	require.NoError(t, f.Close())
}

// prose returns about n bytes of news-like text with no number in it
// (digits become "x"), so that only the pairs a case adds are found.
func prose(n int, seed uint64) []byte {
	b := newsgen.Article(n, seed)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = 'x'
		}
	}
	return b
}

// utf16Of encodes s as UTF-16, with a byte order mark when bom is set.
func utf16Of(s string, bigEndian, bom bool) []byte {
	if bom {
		s = "\uFEFF" + s
	}
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// pngImage returns a small PNG image.
func pngImage(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 16, 16))))
	return b.Bytes()
}

// col returns the 1-based column, in code points, of the wrong pair after
// prefix on the same line.
func col(prefix string) int { return utf8.RuneCountInString(prefix) + 11 }

func matrix() []matrixCase {
	skippedLoop := "skipped: a symlink that leads nowhere (broken, or a loop)"
	one := "1 problem (1 error) in 1 of 2 files\n"
	return append([]matrixCase{
		{
			name:  "empty file",
			setup: func(t *testing.T, dir string) []string { write(t, dir, "empty.txt", nil); return []string{"empty.txt"} },
			code:  1, stderr: one, diags: []string{otherDiag},
		},
		{
			name: "only whitespace",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "blank.txt", []byte(" \t\n\r\n \u00a0\n"))
				return []string{"blank.txt"}
			},
			code: 1, stderr: one, diags: []string{otherDiag},
		},
		{
			name: "a NUL byte",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "nul.txt", []byte("It covers 100,000 sq km\x00 (453 sq miles).\n"))
				return []string{"nul.txt"}
			},
			code:   1,
			stderr: "unitlint: nul.txt: skipped: binary file (NUL byte in the first 8 KiB)\n" + one,
			diags:  []string{otherDiag},
		},
		{
			name: "a PNG",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "chart.png", pngImage(t))
				return []string{"chart.png"}
			},
			code:   1,
			stderr: "unitlint: chart.png: skipped: binary file (NUL byte in the first 8 KiB)\n" + one,
			diags:  []string{otherDiag},
		},
		{
			// the encoding rule points at the byte; "45\xff3" is no number,
			// so no pair is read
			name: "invalid UTF-8 in the middle of a pair",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "bad.txt", []byte("It covers 100,000 sq km (45\xff3 sq miles).\n"))
				return []string{"bad.txt"}
			},
			code:   1,
			stderr: "2 problems (1 error, 1 warning) in 2 of 2 files\n",
			diags:  []string{"bad.txt:1:28 encoding", otherDiag},
		},
		{
			name: "UTF-16 with a byte order mark",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "le.txt", utf16Of(wrong, false, true))
				write(t, dir, "be.txt", utf16Of(wrong, true, true))
				return []string{"le.txt", "be.txt"}
			},
			code:   1,
			stderr: "3 problems (3 errors) in 3 of 3 files\n",
			diags:  []string{"le.txt:1:11 conversion", "be.txt:1:11 conversion", otherDiag},
		},
		{
			name: "UTF-16 without a byte order mark",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "le.txt", utf16Of(wrong, false, false))
				write(t, dir, "be.txt", utf16Of(wrong, true, false))
				return []string{"le.txt", "be.txt"}
			},
			code: 1,
			stderr: "unitlint: le.txt: skipped: looks like utf-16le without a byte order mark: save it as UTF-8, or with the mark\n" +
				"unitlint: be.txt: skipped: looks like utf-16be without a byte order mark: save it as UTF-8, or with the mark\n" +
				"1 problem (1 error) in 1 of 3 files\n",
			diags: []string{otherDiag},
		},
		func() matrixCase {
			chunk := bytes.ReplaceAll(prose(1<<20, 1), []byte("\n"), []byte(" "))
			return matrixCase{
				name: "a 10 MB single line",
				setup: func(t *testing.T, dir string) []string {
					writeRepeated(t, dir, "line.txt", chunk, 10, strings.TrimSuffix(wrong, "\n"))
					return []string{"line.txt"}
				},
				code:   1,
				stderr: "2 problems (2 errors) in 2 of 2 files\n",
				diags:  []string{"line.txt:1:" + strconv.Itoa(10*utf8.RuneCount(chunk)+11) + " conversion", otherDiag},
			}
		}(),
		{
			// a run of digits longer than 100 is no quantity
			name: "a number with 10,000 digits",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "digits.txt", []byte("Serial "+strings.Repeat("7", 10000)+" km (3 miles) was read.\n"))
				return []string{"digits.txt"}
			},
			code: 1, stderr: one, diags: []string{otherDiag},
		},
		{
			// scientific notation is not how copy writes numbers: no pair
			name: "1e999",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "sci.txt", []byte("It covers 1e999 sq km (453 sq miles) and 100 km (1e999 miles).\n"))
				return []string{"sci.txt"}
			},
			code: 1, stderr: one, diags: []string{otherDiag},
		},
		func() matrixCase {
			open := strings.Repeat("<div>", 100000) + "<p>"
			return matrixCase{
				name: "HTML nested 100,000 levels deep",
				setup: func(t *testing.T, dir string) []string {
					write(t, dir, "deep.html", []byte(open+strings.TrimSuffix(wrong, "\n")+"</p>"+strings.Repeat("</div>", 100000)+"\n"))
					return []string{"deep.html"}
				},
				code:   1,
				stderr: "2 problems (2 errors) in 2 of 2 files\n",
				diags:  []string{"deep.html:1:" + strconv.Itoa(col(open)) + " conversion", otherDiag},
			}
		}(),
		{
			// the fence runs to the end of the file: what follows it is code
			name: "an unclosed Markdown fence",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "fence.md", []byte(wrong+"\n```\n"+wrong))
				return []string{"fence.md"}
			},
			code:   1,
			stderr: "2 problems (2 errors) in 2 of 2 files\n",
			diags:  []string{"fence.md:1:11 conversion", otherDiag},
		},
		{
			// as root, permissions stop nothing: a file named as a directory
			// fails for real
			name: "a directory that cannot be read",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "story.txt", []byte(wrong))
				return []string{"story.txt/"}
			},
			code:   2,
			stderr: "unitlint: story.txt/: not a directory\n1 problem (1 error) in 1 of 1 file\n",
			diags:  []string{otherDiag},
		},
		{
			// reading /proc/self/mem at offset 0 fails with EIO, even for root
			name: "a file that cannot be read",
			setup: func(t *testing.T, dir string) []string {
				require.NoError(t, os.Symlink("/proc/self/mem", filepath.Join(dir, "mem.txt")))
				return []string{"mem.txt"}
			},
			code:   2,
			stderr: "unitlint: read mem.txt: input/output error\n" + one,
			diags:  []string{otherDiag},
		},
		{
			// reading it would wait for a writer for ever
			name: "a named pipe in a directory",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "tree/ok.txt", []byte(right))
				require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "tree", "pipe.txt"), 0o644))
				return []string{"tree"}
			},
			code:   1,
			stderr: "unitlint: tree/pipe.txt: skipped: not a regular file (a named pipe)\n" + one,
			diags:  []string{otherDiag},
		},
		{
			// named on the command line, a pipe is read like any file
			// (unitlint check <(curl ...))
			name: "a named pipe named, with a writer",
			setup: func(t *testing.T, dir string) []string {
				require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644))
				return []string{"pipe.txt"}
			},
			during: func(t *testing.T, _ int, dir string) {
				// open without blocking, once the binary has opened the
				// pipe to read it (ENXIO until then)
				deadline := time.Now().Add(time.Minute)
				for {
					f, err := os.OpenFile(filepath.Join(dir, "pipe.txt"), os.O_WRONLY|syscall.O_NONBLOCK, 0)
					if errors.Is(err, syscall.ENXIO) && time.Now().Before(deadline) {
						time.Sleep(time.Millisecond)
						continue
					}
					require.NoError(t, err, "the binary did not open the pipe within a minute")
					_, err = f.WriteString(wrong)
					require.NoError(t, err)
					require.NoError(t, f.Close())
					return
				}
			},
			code:   1,
			stderr: "2 problems (2 errors) in 2 of 2 files\n",
			diags:  []string{"pipe.txt:1:11 conversion", otherDiag},
		},
		{
			// a symlink to a directory is not followed (by design, silently);
			// one that loops on itself is skipped with a notice
			name: "a symlink loop in a directory",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "tree/ok.txt", []byte(right))
				require.NoError(t, os.Symlink("loop.txt", filepath.Join(dir, "tree", "loop.txt")))
				require.NoError(t, os.Symlink(".", filepath.Join(dir, "tree", "again")))
				return []string{"tree"}
			},
			code:   1,
			stderr: "unitlint: tree/loop.txt: " + skippedLoop + "\n" + one,
			diags:  []string{otherDiag},
		},
		{
			name: "a symlink loop named",
			setup: func(t *testing.T, dir string) []string {
				require.NoError(t, os.Symlink("loop.txt", filepath.Join(dir, "loop.txt")))
				return []string{"loop.txt"}
			},
			code:   2,
			stderr: "unitlint: loop.txt: too many levels of symbolic links\n1 problem (1 error) in 1 of 1 file\n",
			diags:  []string{otherDiag},
		},
		{
			// a file deleted before the walk reached it, through a symlink
			// whose target is gone
			name: "a symlink to a deleted file",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "tree/ok.txt", []byte(right))
				write(t, dir, "tree/story.txt", []byte(wrong))
				require.NoError(t, os.Symlink("story.txt", filepath.Join(dir, "tree", "gone.txt")))
				require.NoError(t, os.Remove(filepath.Join(dir, "tree", "story.txt")))
				return []string{"tree", "tree/gone.txt"}
			},
			code: 2,
			stderr: "unitlint: tree/gone.txt: " + skippedLoop + "\n" +
				"unitlint: tree/gone.txt: no such file or directory\n" + one,
			diags: []string{otherDiag},
		},
		disappearing(),
	}, bigCases()...)
}

// disappearing is the case of a file deleted after the walk found it and
// before it is read: with one worker (GOMAXPROCS=1) the runner reads
// b-gone.txt only when it has linted a-big.txt, which takes seconds; the
// test deletes b-gone.txt as soon as the binary has read a-big.txt
// (/proc/PID/io counts the bytes it has read).
func disappearing() matrixCase {
	big := []byte(strings.Repeat(right, 8<<20/len(right)))
	return matrixCase{
		name: "a file that disappears during the run",
		env:  []string{"GOMAXPROCS=1"},
		setup: func(t *testing.T, dir string) []string {
			write(t, dir, "tree/a-big.txt", big)
			write(t, dir, "tree/b-gone.txt", []byte(wrong))
			return []string{"tree"}
		},
		during: func(t *testing.T, pid int, dir string) {
			deadline := time.Now().Add(time.Minute)
			for time.Now().Before(deadline) {
				if readBytes(pid) >= int64(len(big)) {
					require.NoError(t, os.Remove(filepath.Join(dir, "tree", "b-gone.txt")))
					return
				}
				time.Sleep(time.Millisecond)
			}
			t.Errorf("the binary did not read tree/a-big.txt within a minute")
		},
		code:   2,
		stderr: "unitlint: read tree/b-gone.txt: no such file or directory\n1 problem (1 error) in 1 of 3 files\n",
		diags:  []string{otherDiag},
	}
}

// readBytes returns the bytes process pid has read (rchar of
// /proc/PID/io), or -1.
func readBytes(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/io", pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "rchar: "); ok {
			n, err := strconv.ParseInt(v, 10, 64)
			if err == nil {
				return n
			}
		}
	}
	return -1
}

// diagLine matches the first line of a text diagnostic.
var diagLine = regexp.MustCompile(`^(\S+):(\d+):(\d+): (?:error|warning|info): .* \(([a-z-]+)\)$`)

// TestBadInputMatrix runs the built binary on each bad input, followed by
// a file with one wrong pair, and holds it to the input's outcome: the
// exit code, standard error exactly, and every diagnostic (path, line,
// column and rule). The two big cases (bigCases) are built in with the
// e2ebig build tag and log the run's time and peak memory.
func TestBadInputMatrix(t *testing.T) {
	for _, tt := range matrix() {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string{"check", "--color", "never"}, tt.setup(t, dir)...)
			write(t, dir, other, []byte(wrong))
			args = append(args, other)

			cmd := exec.Command(bin, args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), tt.env...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			require.NoError(t, cmd.Start())
			if tt.during != nil {
				tt.during(t, cmd.Process.Pid, dir)
			}
			err := cmd.Wait()
			elapsed := time.Since(start)
			var exit *exec.ExitError
			if err != nil && !errors.As(err, &exit) {
				require.NoError(t, err)
			}
			code := cmd.ProcessState.ExitCode()

			var diags []string
			for _, line := range strings.Split(stdout.String(), "\n") {
				if m := diagLine.FindStringSubmatch(line); m != nil {
					diags = append(diags, m[1]+":"+m[2]+":"+m[3]+" "+m[4])
				}
			}
			assert.Equal(t, tt.code, code, "exit code; stderr:\n%s", stderr.String())
			assert.Equal(t, tt.stderr, stderr.String())
			assert.Equal(t, tt.diags, diags)
			if tt.big {
				rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB
				t.Logf("%s: %.1f s, peak RSS %d MB", tt.name, elapsed.Seconds(), rss>>10)
			}
		})
	}
}
