package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
)

// chromiumNames are the names a Chromium binary goes by.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}

// browser is a headless Chromium tab on the page of a test server, with
// what the page printed to its console and every URL it requested.
type browser struct {
	ctx    context.Context
	server *testServer

	mu       sync.Mutex
	console  []string // console errors and uncaught exceptions
	requests []string // URLs requested
}

// newBrowser starts headless Chromium (with a fresh profile, no sandbox,
// no GPU, no background network) and opens the page of a new server. It
// skips the test only when no Chromium binary is installed; .ci/run
// installs the Debian package chromium.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	var bin string
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("no Chromium binary on PATH (" + strings.Join(chromiumNames, ", ") + "): apt-get install chromium, as .ci/run does")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
	})

	b := &browser{ctx: ctx, server: newTestServer(t, Config{})}
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				b.console = append(b.console, fmt.Sprintf("console.%s: %v", ev.Type, ev.Args))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			b.console = append(b.console, fmt.Sprintf("exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, msg))
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, ev.Request.URL)
		}
	}))
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(b.server.http.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("copy")),
	))
	t.Cleanup(func() { b.checkClean(t) })
	return b
}

// checkClean asserts that the page logged no error and requested nothing
// outside its server.
func (b *browser) checkClean(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	assert.Empty(t, b.console, "console errors")
	require.NotEmpty(t, b.requests)
	for _, u := range b.requests {
		assert.True(t, strings.HasPrefix(u, b.server.http.URL+"/"), "request outside the server: %s", u)
	}
}

// paste inserts text into the copy as a paste would: one input event.
func (b *browser) paste(t *testing.T, text string) {
	t.Helper()
	require.NoError(t, chromedp.Do(b.ctx,
		chromedp.Focus(chromedp.ID("copy")),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: text})
			return err
		}),
	))
}

// text returns the text of the element with the given CSS selector.
func (b *browser) text(t *testing.T, sel string) string {
	t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.TextContent(chromedp.CSS(sel)))
	require.NoError(t, err, sel)
	return s
}

// waitProblems waits until the page says it found n problems.
func (b *browser) waitProblems(t *testing.T, n int) {
	t.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](fmt.Sprintf(
		`document.getElementById('problem-count').textContent === '%d' && document.getElementById('busy').hidden`, n),
		chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "waiting for %d problems; the page shows %q", n, b.text(t, "#counts"))
}

// screenshot saves a full-page PNG in the test's artifact directory (kept
// with go test -artifacts) and checks it is a real, non-empty image.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	buf, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NotEmpty(t, buf)
	img, err := png.Decode(bytes.NewReader(buf))
	require.NoError(t, err, "the screenshot is a PNG")
	assert.GreaterOrEqual(t, img.Bounds().Dx(), 1000)
	assert.GreaterOrEqual(t, img.Bounds().Dy(), 600)
	path := filepath.Join(t.ArtifactDir(), name)
	require.NoError(t, os.WriteFile(path, buf, 0o644))
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Positive(t, info.Size())
	t.Logf("screenshot: %s (%d bytes)", path, info.Size())
}

// TestPageFixesSeedStory is the editor's path through the page: paste the
// story, see "453 sq miles" highlighted, read the explanation, apply the
// fix, see the copy corrected and no problem left.
func TestPageFixesSeedStory(t *testing.T) {
	b := newBrowser(t)
	seed := seedStory(t)
	b.paste(t, seed)

	require.NoError(t, chromedp.Do(b.ctx, chromedp.WaitVisible(chromedp.CSS("#view mark.problem"))))
	b.waitProblems(t, 1)
	assert.Equal(t, "100,000 sq km or 453 sq miles", b.text(t, "#view mark.problem"))
	assert.Equal(t, "453", b.text(t, "#view mark.problem .wrong"), "the bytes the fix replaces")
	assert.Equal(t, "2", b.text(t, "#pairs-count"))
	assert.Equal(t, "1", b.text(t, "#problem-count"))
	assert.Equal(t, "problem", b.text(t, "#problem-word"))

	// the explanation and the fix, on click
	require.NoError(t, chromedp.Do(b.ctx,
		chromedp.Click(chromedp.CSS("#view mark.problem")),
		chromedp.WaitVisible(chromedp.ID("card")),
	))
	assert.True(t, strings.HasPrefix(b.text(t, "#card-message"), "100,000 sq km is about 38,610 sq miles, not 453 sq miles"), b.text(t, "#card-message"))
	assert.Equal(t, "Apply fix: write 38,600 sq miles", b.text(t, "#card-apply"))
	b.screenshot(t, "seed-highlighted.png")

	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("card-apply"))))
	b.waitProblems(t, 0)
	got, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.ID("copy")))
	require.NoError(t, err)
	assert.Equal(t, strings.Replace(seed, "100,000 sq km or 453 sq miles", "100,000 sq km or 38,600 sq miles", 1), got)
	assert.Contains(t, got, "38,600 sq miles")
	assert.Equal(t, "2", b.text(t, "#pairs-count"))
	marks, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('#view mark').length`))
	require.NoError(t, err)
	assert.Zero(t, marks)
	assert.Equal(t, "Fixed: write 38,600 sq miles", b.text(t, "#announce"))
	b.screenshot(t, "seed-fixed.png")
}

// TestPageKeyboard: after curly quotes, a degree sign and an emoji (so
// byte offsets and string indices differ), the highlight sits on the
// exact span; Tab reaches it, focus shows its explanation, Enter applies
// its fix.
func TestPageKeyboard(t *testing.T) {
	b := newBrowser(t)
	text := "It’s 35°C – “hot” 🌡 today.\nThe lake covers 10 sq km (6.2 sq miles)."
	want := engine(t, text, lint.Options{})
	require.Len(t, want, 1)
	d := want[0]
	b.paste(t, text)
	b.waitProblems(t, 1)
	assert.Equal(t, text[d.Start.Offset:d.End.Offset], b.text(t, "#view mark.problem"))

	// Tab from the copy: the "apply all" button, then the highlight
	require.NoError(t, chromedp.Do(b.ctx, chromedp.KeyEvent("\t"), chromedp.KeyEvent("\t")))
	focused, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.activeElement.matches('#view mark.problem') ? 'mark' : document.activeElement.outerHTML`))
	require.NoError(t, err)
	require.Equal(t, "mark", focused)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.WaitVisible(chromedp.ID("card"))))
	assert.Equal(t, d.Message, b.text(t, "#card-message"))
	assert.Equal(t, "Likely cause: linear factor for area.", b.text(t, "#card-cause"))

	require.NoError(t, chromedp.Do(b.ctx, chromedp.KeyEvent("\r")))
	b.waitProblems(t, 0)
	got, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.ID("copy")))
	require.NoError(t, err)
	e := d.Fixes[0].Edits[0]
	assert.Equal(t, text[:e.Start]+e.NewText+text[e.End:], got)
}

// TestPageApplyAll: "Apply all fixes" sends the copy to /v1/fix and shows
// what it answers.
func TestPageApplyAll(t *testing.T) {
	b := newBrowser(t)
	text := "Russia claims 100,000 sq km (453 sq miles).\n\nThe lake – “a gem” – covers 10 sq km (6.2 sq miles). Walkers like the 100km (62 miles) route."
	b.paste(t, text)
	b.waitProblems(t, 2)
	assert.Equal(t, "3", b.text(t, "#pairs-count"))
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("apply-all"))))
	b.waitProblems(t, 0)

	var fixed fixResponse
	b.server.postJSON(t, "/v1/fix", map[string]any{"text": text, "config": map[string]string{"tolerance": "standard"}}, &fixed)
	got, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.ID("copy")))
	require.NoError(t, err)
	assert.Equal(t, fixed.Text, got)
	assert.NotEqual(t, text, got)
	assert.Equal(t, "Applied 2 fixes", b.text(t, "#announce"))
	disabled, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.getElementById('apply-all').disabled`))
	require.NoError(t, err)
	assert.True(t, disabled)
}

// TestPageByteToIndex holds the page's conversion of the API's UTF-8 byte
// offsets to JavaScript string indices to Go's count of UTF-16 code units,
// at every character boundary of text with 1-, 2-, 3- and 4-byte
// characters.
func TestPageByteToIndex(t *testing.T) {
	b := newBrowser(t)
	for _, s := range []string{
		"",
		"plain ASCII",
		"35°C (95°F) café",
		"Russia’s – “quoted” – 1,000 sq km",
		"🌡 hot 🌡🌡 x",
		"a\u00e9\u2019\U0001F321b\n\u00b0",
	} {
		var offsets, want []int
		for i := range s {
			offsets = append(offsets, i)
			want = append(want, len(utf16.Encode([]rune(s[:i]))))
		}
		offsets = append(offsets, len(s), len(s)+5) // the end, and past it
		n := len(utf16.Encode([]rune(s)))
		want = append(want, n, n)
		require.Equal(t, utf8.RuneCountInString(s)+2, len(offsets))

		js, err := json.Marshal(s)
		require.NoError(t, err)
		offs, err := json.Marshal(offsets)
		require.NoError(t, err)
		got, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]int](fmt.Sprintf(
			`(() => { const offs = %s; const m = window.unitlint.byteToIndex(%s, offs); return offs.map((o) => m.get(o)); })()`, offs, js)))
		require.NoError(t, err)
		assert.Equal(t, want, got, "%q", s)
	}
}
