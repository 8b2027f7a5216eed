package report_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/report"
)

// chromium returns the path of a Chromium binary: $UNITLINT_CHROMIUM, or
// the first of the usual names on PATH.
func chromium() string {
	if p := os.Getenv("UNITLINT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserLog records what the page did that it must not: console errors
// and warnings, uncaught exceptions, log entries (CSP violations), and
// every network request.
type browserLog struct {
	mu       sync.Mutex
	problems []string
	requests []string
}

func (b *browserLog) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value))
			}
			b.problems = append(b.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		b.problems = append(b.problems, fmt.Sprintf("exception at %d:%d: %s", ev.ExceptionDetails.LineNumber, ev.ExceptionDetails.ColumnNumber, ev.ExceptionDetails.Text))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			b.problems = append(b.problems, fmt.Sprintf("log %s (%s): %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text))
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	}
}

func (b *browserLog) snapshot() (problems, requests []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...), append([]string(nil), b.requests...)
}

// TestHTMLInChromium opens the HTML report of the example articles in
// headless Chromium: it renders with no console error and no network
// request but its own file; every highlight covers exactly the words of
// its diagnostic; the explanation and fix show on hover, on keyboard focus
// (Tab), stay open on Enter or a click and close on Escape; the summary
// table counts each file's problems; and a screenshot is taken and
// checked. It skips only when no Chromium binary is installed (.ci/run
// installs the Debian package chromium, so CI always runs it).
func TestHTMLInChromium(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no Chromium binary found (chromium, chromium-browser, google-chrome or $UNITLINT_CHROMIUM): .ci/run installs the Debian package chromium")
	}
	results := articleResults(t)
	var page bytes.Buffer
	rep, err := report.NewHTML(&page, report.Meta{Version: "0.0.0-test"})
	require.NoError(t, err)
	render(t, rep, results)
	out := t.ArtifactDir()
	pagePath := filepath.Join(out, "report.html")
	require.NoError(t, os.WriteFile(pagePath, page.Bytes(), 0o644))
	pageURL := "file://" + filepath.ToSlash(pagePath)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()
	var bl browserLog
	require.NoError(t, chromedp.Listen(ctx, bl.listen))
	_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, log.Enable, cdp.Empty{})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.CSS("table.files"))))

	t.Run("highlights sit on the right words", func(t *testing.T) {
		// per file section, the text of each highlight
		marks, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](`Array.from(document.querySelectorAll("section.file")).map(s =>
			Array.from(s.querySelectorAll(".article mark")).map(m => m.textContent))`))
		require.NoError(t, err)
		var want [][]string
		for _, res := range results {
			if len(res.Diagnostics) == 0 {
				continue
			}
			src := res.File.Source()
			var texts []string
			for _, d := range res.Diagnostics {
				// an HTML parser reads CRLF and CR as LF
				text := strings.ToValidUTF8(string(src[d.Start:d.End]), "\uFFFD")
				texts = append(texts, crlf.Replace(text))
			}
			want = append(want, texts)
		}
		require.NotEmpty(t, want)
		assert.Equal(t, want, marks)

		seed, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(`+seedSection+`.querySelectorAll(".article mark")).map(m => m.textContent)`))
		require.NoError(t, err)
		assert.Equal(t, []string{"100,000 sq km or 453 sq miles"}, seed)
	})

	t.Run("summary table", func(t *testing.T) {
		rows, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](`Array.from(document.querySelectorAll("table.files tbody tr")).
			map(r => Array.from(r.children).map(c => c.textContent.trim()))`))
		require.NoError(t, err)
		require.Len(t, rows, len(results))
		for i, res := range results {
			var c report.Counts
			c.Add(res)
			fixable := 0
			for _, d := range res.Diagnostics {
				if len(d.Fixes) > 0 {
					fixable++
				}
			}
			assert.Equal(t, []string{filepath.ToSlash(res.Path), fmt.Sprint(c.Errors), fmt.Sprint(c.Warnings), fmt.Sprint(c.Infos), fmt.Sprint(fixable)}, rows[i])
		}
	})

	// the state of the seed story's highlight and its explanation
	tip := func() tipState {
		t.Helper()
		st, err := chromedp.Run(ctx, chromedp.Evaluate[tipState](`(() => {
			const m = `+seedSection+`.querySelector(".article mark");
			const tip = document.getElementById(m.getAttribute("aria-describedby"));
			const r = m.getClientRects()[0], tr = tip.getBoundingClientRect();
			return {visible: getComputedStyle(tip).display !== "none" && tr.height > 0,
				inside: tr.left >= 0 && tr.right <= document.documentElement.clientWidth,
				text: tip.textContent, expanded: m.getAttribute("aria-expanded"),
				focused: document.activeElement === m, x: r.x + r.width / 2, y: r.y + r.height / 2};
		})()`))
		require.NoError(t, err)
		return st
	}

	t.Run("hidden until asked", func(t *testing.T) {
		st := tip()
		assert.False(t, st.Visible)
		assert.Equal(t, "false", st.Expanded)
		assert.Contains(t, st.Text, "100,000 sq km is about 38,610 sq miles, not 453 sq miles")
		assert.Contains(t, st.Text, "Fix: 38,600 sq miles")
	})

	t.Run("keyboard", func(t *testing.T) {
		// Tab through the page until the seed story's highlight has focus
		st := tip()
		for i := 0; i < 300 && !st.Focused; i++ {
			require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)))
			st = tip()
		}
		require.True(t, st.Focused, "the highlight is reachable with Tab")
		assert.True(t, st.Visible, "focus shows the explanation")
		require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)))
		assert.Equal(t, "true", tip().Expanded, "Enter pins it open")
		require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)))
		assert.Equal(t, "false", tip().Expanded, "Escape closes it")
		require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`)))
		assert.False(t, tip().Visible, "moving focus away hides it")
	})

	t.Run("mouse", func(t *testing.T) {
		require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](seedSection+`.querySelector(".article mark").scrollIntoView({block: "center"})`)))
		st := tip()
		require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, st.X, st.Y)))
		st = tip()
		assert.True(t, st.Visible, "hover shows the explanation")
		assert.True(t, st.Inside, "the explanation fits in the window")
		require.NoError(t, chromedp.Do(ctx, chromedp.MouseClickXY(st.X, st.Y)))
		assert.Equal(t, "true", tip().Expanded, "a click pins it open")
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(out, "tooltip.png"), buf, 0o644))
		checkPNG(t, buf)
		require.NoError(t, chromedp.Do(ctx, chromedp.MouseClickXY(2, 2), chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 2, 2)))
		st = tip()
		assert.Equal(t, "false", st.Expanded, "a click elsewhere closes it")
		assert.False(t, st.Visible)
	})

	t.Run("screenshot", func(t *testing.T) {
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(out, "report.png"), buf, 0o644))
		checkPNG(t, buf)
	})

	problems, requests := bl.snapshot()
	assert.Empty(t, problems, "console errors, exceptions or blocked resources")
	for _, u := range requests {
		assert.True(t, u == pageURL || strings.HasPrefix(u, "data:"), "the page made a request: %s", u)
	}
	assert.Contains(t, requests, pageURL)
}

// crlf turns line ends into LF, as an HTML parser does.
var crlf = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// seedSection is JavaScript for the seed story's section of the page.
const seedSection = `Array.from(document.querySelectorAll("section.file")).
	find(s => s.querySelector("h2").textContent === "testdata/articles/seed-kursk.txt")`

// tipState is the state of a highlight's explanation.
type tipState struct {
	Visible  bool    `json:"visible"`
	Text     string  `json:"text"`
	Expanded string  `json:"expanded"`
	Focused  bool    `json:"focused"`
	Inside   bool    `json:"inside"` // inside the window's width
	X        float64 `json:"x"`      // the highlight's centre
	Y        float64 `json:"y"`
}

// checkPNG checks that b is a PNG image with something drawn on it.
func checkPNG(t *testing.T, b []byte) {
	t.Helper()
	require.NotEmpty(t, b)
	img, err := png.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	bounds := img.Bounds()
	require.Greater(t, bounds.Dx(), 100)
	require.Greater(t, bounds.Dy(), 100)
	colours := map[[4]uint32]bool{}
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 7 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 7 {
			r, g, b, a := img.At(x, y).RGBA()
			colours[[4]uint32{r, g, b, a}] = true
		}
	}
	assert.Greater(t, len(colours), 10, "the screenshot shows more than a blank page")
}
