package lint_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
)

// wordFinder reports every occurrence of "bad", after a fact analyzer that
// counts them, to exercise Requires and ResultOf.
var counter = &lint.Analyzer{
	Name: "counter",
	Run: func(p *lint.Pass) (any, error) {
		return bytes.Count(p.Doc.Text, []byte("bad")), nil
	},
}

var wordFinder = &lint.Analyzer{
	Name:     "bad-word",
	Summary:  "finds bad",
	Severity: lint.SeverityWarning,
	Requires: []*lint.Analyzer{counter},
	Run: func(p *lint.Pass) (any, error) {
		n := p.ResultOf[counter].(int)
		text := p.Doc.Text
		off := 0
		for i := 0; i < n; i++ {
			k := bytes.Index(text[off:], []byte("bad"))
			p.Report(lint.Diagnostic{Start: off + k, End: off + k + 3, Message: "bad word",
				Fixes: []lint.SuggestedFix{{Message: "write good", Edits: []lint.TextEdit{{Start: off + k, End: off + k + 3, NewText: "good"}}}}})
			off += k + 3
		}
		return n, nil
	},
}

func TestCheckBytes(t *testing.T) {
	res, err := lint.CheckBytes(context.Background(), "a.txt", []byte("a bad day, bad"), []*lint.Analyzer{wordFinder}, lint.Options{})
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 2)
	d := res.Diagnostics[0]
	assert.Equal(t, lint.Diagnostic{Start: 2, End: 5, Rule: "bad-word", Severity: lint.SeverityWarning, Message: "bad word",
		Fixes: []lint.SuggestedFix{{Message: "write good", Edits: []lint.TextEdit{{Start: 2, End: 5, NewText: "good"}}}}}, d)
	assert.Equal(t, 11, res.Diagnostics[1].Start)
	assert.Equal(t, 2, res.Facts[counter])
}

func TestSeverityOverride(t *testing.T) {
	res, err := lint.CheckBytes(context.Background(), "a.txt", []byte("bad"), []*lint.Analyzer{wordFinder},
		lint.Options{Severity: map[string]lint.Severity{"bad-word": lint.SeverityError}})
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 1)
	assert.Equal(t, lint.SeverityError, res.Diagnostics[0].Severity)

	res, err = lint.CheckBytes(context.Background(), "a.txt", []byte("bad"), []*lint.Analyzer{wordFinder},
		lint.Options{Severity: map[string]lint.Severity{"bad-word": lint.SeverityOff}})
	require.NoError(t, err)
	assert.Empty(t, res.Diagnostics)
}

func TestRunnerOrderAndErrors(t *testing.T) {
	dir := t.TempDir()
	var inputs []lint.Input
	for i := 0; i < 50; i++ {
		p := filepath.Join(dir, fmt.Sprintf("f%02d.txt", i))
		require.NoError(t, os.WriteFile(p, bytes.Repeat([]byte("bad "), i%5), 0o644))
		inputs = append(inputs, lint.Input{Path: p})
	}
	// a directory where a file is expected, a binary file, one in memory
	inputs = append(inputs, lint.Input{Path: dir})
	bin := filepath.Join(dir, "x.txt")
	require.NoError(t, os.WriteFile(bin, []byte("bad\x00bad"), 0o644))
	inputs = append(inputs, lint.Input{Path: bin}, lint.Input{Path: "mem.txt", Src: []byte("bad")})

	r := &lint.Runner{Analyzers: []*lint.Analyzer{wordFinder}, Workers: 4}
	var got []*lint.Result
	err := r.Run(context.Background(), inputs, func(res *lint.Result) error {
		got = append(got, res)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, got, len(inputs))
	for i, res := range got[:50] {
		assert.Equal(t, inputs[i].Path, res.Path)
		assert.Len(t, res.Diagnostics, i%5)
		assert.NoError(t, res.Err)
	}
	require.Error(t, got[50].Err)
	assert.Contains(t, got[50].Err.Error(), "read "+dir)
	assert.Equal(t, lint.ErrBinary.Error(), got[51].Skipped)
	assert.Empty(t, got[51].Diagnostics)
	assert.Len(t, got[52].Diagnostics, 1)
}

func TestRunnerStopsOnEmitError(t *testing.T) {
	inputs := make([]lint.Input, 20)
	for i := range inputs {
		inputs[i] = lint.Input{Path: fmt.Sprintf("m%d.txt", i), Src: []byte("bad")}
	}
	stop := errors.New("stop")
	n := 0
	err := (&lint.Runner{Analyzers: []*lint.Analyzer{wordFinder}, Workers: 2}).Run(context.Background(), inputs, func(*lint.Result) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 3, n)
}

func TestRunnerCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	inputs := []lint.Input{{Path: "a.txt", Src: []byte("bad")}}
	err := (&lint.Runner{Analyzers: []*lint.Analyzer{wordFinder}}).Run(ctx, inputs, func(*lint.Result) error { return nil })
	assert.ErrorIs(t, err, context.Canceled)
}

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]lint.Severity{"error": lint.SeverityError, "Warning": lint.SeverityWarning, "info": lint.SeverityInfo, "off": lint.SeverityOff} {
		got, err := lint.ParseSeverity(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := lint.ParseSeverity("fatal")
	assert.Error(t, err)
}
