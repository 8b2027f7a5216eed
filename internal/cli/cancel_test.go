package cli_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/atomicfile"
	"github.com/unitlint/unitlint/internal/atomicfile/atomicfiletest"
	"github.com/unitlint/unitlint/internal/cli"
)

// TestFixInterrupted presses Ctrl-C while check --fix writes its files,
// during the first write and during the second: every file is either
// untouched or wholly fixed, nothing else is left in the directory, no
// file after the interrupted one is linted or written, and the run says it
// was interrupted and exits 2.
func TestFixInterrupted(t *testing.T) {
	const (
		wrong = "The zone covers 100,000 sq km (453 sq miles) of farmland.\n"
		fixed = "The zone covers 100,000 sq km (38,600 sq miles) of farmland.\n"
	)
	for _, tt := range []struct {
		name      string
		cancelOn  int      // the write that Ctrl-C interrupts
		wantAfter []string // the files' text afterwards
	}{
		{"during the first file", 1, []string{wrong, wrong, wrong}},
		{"during the second file", 2, []string{fixed, wrong, wrong}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var paths []string
			for i := range 3 {
				p := filepath.Join(dir, fmt.Sprintf("story%d.txt", i))
				require.NoError(t, os.WriteFile(p, []byte(wrong), 0o644))
				paths = append(paths, p)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			writes := 0
			interrupt := &atomicfiletest.FS{Wrap: func(f atomicfile.File) atomicfile.File {
				writes++
				if writes == tt.cancelOn {
					return &atomicfiletest.File{File: f, OnWrite: cancel}
				}
				return f
			}}
			code, _, errOut := runFS(ctx, t, interrupt, "check", "--fix", "--quiet", dir)
			assert.Equal(t, cli.ExitError, code)
			// the file being written is named, and nothing after it
			assert.Equal(t, "unitlint: write "+paths[tt.cancelOn-1]+": context canceled\nunitlint: interrupted\n", errOut)
			for i, p := range paths {
				b, err := os.ReadFile(p)
				require.NoError(t, err)
				assert.Equal(t, tt.wantAfter[i], string(b), p)
			}
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			assert.Equal(t, []string{"story0.txt", "story1.txt", "story2.txt"}, names, "no temporary file left behind")
		})
	}
}
