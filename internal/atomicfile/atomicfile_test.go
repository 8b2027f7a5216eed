package atomicfile_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/atomicfile"
	"github.com/unitlint/unitlint/internal/atomicfile/atomicfiletest"
)

// snapshot records every entry of dir.
func snapshot(t *testing.T, dir string) map[string]atomicfiletest.Entry {
	t.Helper()
	s, err := atomicfiletest.Snapshot(dir)
	require.NoError(t, err)
	return s
}

const (
	oldText = "Russia claims 100,000 sq km (453 sq miles).\n"
	newText = "Russia claims 100,000 sq km (38,600 sq miles).\n"
)

// setup writes a.txt (the target) and b.txt (a bystander) into a fresh
// directory.
func setup(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(path, []byte(oldText), 0o640))
	require.NoError(t, os.Chmod(path, 0o640))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.txt"), []byte("untouched\n"), 0o600))
	return dir, path
}

func TestReplaceWritesKeepsModeAndLeavesNoTemp(t *testing.T) {
	dir, path := setup(t)
	before := snapshot(t, dir)
	require.NoError(t, atomicfile.Replace(context.Background(), atomicfile.OS{}, path, []byte(oldText), []byte(newText)))
	after := snapshot(t, dir)
	assert.Equal(t, newText, after["a.txt"].Data)
	assert.Equal(t, fs.FileMode(0o640), after["a.txt"].Mode.Perm())
	assert.Equal(t, before["b.txt"], after["b.txt"], "a bystander is not touched")
	assert.Len(t, after, len(before), "no temporary file is left behind")
}

func TestReplaceFollowsSymlink(t *testing.T) {
	dir, path := setup(t)
	link := filepath.Join(dir, "link.txt")
	require.NoError(t, os.Symlink("a.txt", link))
	require.NoError(t, atomicfile.Replace(context.Background(), nil, link, []byte(oldText), []byte(newText)))
	info, err := os.Lstat(link)
	require.NoError(t, err)
	assert.Equal(t, fs.ModeSymlink, info.Mode().Type(), "the link stays a link")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, newText, string(b))
}

// TestReplaceFaults injects every fault a write can meet: each fails with
// a clear error naming the file and leaves every file of the directory
// byte-identical (with its mode and mtime), with no temporary file left.
func TestReplaceFaults(t *testing.T) {
	tests := []struct {
		name string
		// fsys builds the file system; path is the target.
		fsys func(t *testing.T, path string) atomicfile.FS
		// swap, if set, changes the target on disk during the run (before
		// the temporary file is created), as an editor saving it would.
		swap func(t *testing.T, path string)
		// is is the error the failure wraps; msg is its exact text, with
		// PATH standing for the target.
		is  error
		msg string
	}{
		{
			name: "disk full",
			fsys: func(t *testing.T, path string) atomicfile.FS {
				return &atomicfiletest.FS{Wrap: func(f atomicfile.File) atomicfile.File {
					return &atomicfiletest.File{File: f, Limit: 10, WriteErr: syscall.ENOSPC}
				}}
			},
			is:  syscall.ENOSPC,
			msg: "write PATH: no space left on device",
		},
		{
			name: "write error",
			fsys: func(t *testing.T, path string) atomicfile.FS {
				return &atomicfiletest.FS{Wrap: func(f atomicfile.File) atomicfile.File {
					return &atomicfiletest.File{File: f, WriteErr: syscall.EIO}
				}}
			},
			is:  syscall.EIO,
			msg: "write PATH: input/output error",
		},
		{
			name: "sync error",
			fsys: func(t *testing.T, path string) atomicfile.FS {
				return &atomicfiletest.FS{Wrap: func(f atomicfile.File) atomicfile.File {
					return &atomicfiletest.File{File: f, SyncErr: syscall.EIO}
				}}
			},
			is:  syscall.EIO,
			msg: "write PATH: input/output error",
		},
		{
			// root may write anywhere, so a read-only file system is injected
			name: "read-only directory",
			fsys: func(t *testing.T, path string) atomicfile.FS {
				return &atomicfiletest.FS{CreateErr: syscall.EROFS}
			},
			is:  syscall.EROFS,
			msg: "write PATH: read-only file system",
		},
		{
			name: "rename fails",
			fsys: func(t *testing.T, path string) atomicfile.FS {
				return &atomicfiletest.FS{RenameErr: syscall.EXDEV}
			},
			is:  syscall.EXDEV,
			msg: "write PATH: invalid cross-device link",
		},
		{
			name: "file replaced during the run",
			swap: func(t *testing.T, path string) {
				require.NoError(t, os.WriteFile(path+".new", []byte("An editor's version.\n"), 0o640))
				require.NoError(t, os.Rename(path+".new", path))
			},
			is:  atomicfile.ErrChanged,
			msg: "write PATH: changed on disk since it was read; not overwriting it (run unitlint again)",
		},
		{
			name: "file turned into a directory during the run",
			swap: func(t *testing.T, path string) {
				require.NoError(t, os.Remove(path))
				require.NoError(t, os.Mkdir(path, 0o755))
			},
			is:  atomicfile.ErrChanged,
			msg: "write PATH: changed on disk since it was read: is a directory",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, path := setup(t)
			before := snapshot(t, dir)
			var fsys atomicfile.FS
			if tt.fsys != nil {
				fsys = tt.fsys(t, path)
			} else {
				// what is on disk after the swap is what must stay
				fsys = &atomicfiletest.FS{BeforeCreate: func(string) {
					tt.swap(t, path)
					before = snapshot(t, dir)
				}}
			}
			err := atomicfile.Replace(context.Background(), fsys, path, []byte(oldText), []byte(newText))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.is)
			assert.Equal(t, strings.ReplaceAll(tt.msg, "PATH", path), err.Error())
			assert.Equal(t, before, snapshot(t, dir), "every file byte-identical, no temporary file left")
		})
	}
}

func TestReplaceRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "story.txt")
	require.NoError(t, os.Mkdir(sub, 0o755))
	before := snapshot(t, dir)
	err := atomicfile.Replace(context.Background(), nil, sub, []byte(oldText), []byte(newText))
	require.Error(t, err)
	assert.Equal(t, "write "+sub+": not a regular file", err.Error())
	assert.Equal(t, before, snapshot(t, dir))
}

func TestReplaceRefusesReadOnlyFile(t *testing.T) {
	dir, path := setup(t)
	// root may write a read-only file; Replace still refuses it
	require.NoError(t, os.Chmod(path, 0o444))
	before := snapshot(t, dir)
	err := atomicfile.Replace(context.Background(), nil, path, []byte(oldText), []byte(newText))
	require.ErrorIs(t, err, atomicfile.ErrReadOnly)
	assert.Equal(t, "write "+path+": the file is read-only", err.Error())
	assert.Equal(t, before, snapshot(t, dir))
}

func TestReplaceCancelledWritesNothing(t *testing.T) {
	dir, path := setup(t)
	before := snapshot(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Ctrl-C arrives while the new text is being written
	fsys := &atomicfiletest.FS{Wrap: func(f atomicfile.File) atomicfile.File {
		return &atomicfiletest.File{File: f, OnWrite: cancel}
	}}
	err := atomicfile.Replace(ctx, fsys, path, []byte(oldText), []byte(newText))
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, "write "+path+": context canceled", err.Error())
	assert.Equal(t, before, snapshot(t, dir))

	// and a context cancelled before the call writes nothing either
	err = atomicfile.Replace(ctx, nil, path, []byte(oldText), []byte(newText))
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, before, snapshot(t, dir))
}

func TestCreateCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.sarif")

	p, err := atomicfile.Create(atomicfile.OS{}, path, 0o644)
	require.NoError(t, err)
	_, err = p.Write([]byte("first"))
	require.NoError(t, err)
	_, err = os.Stat(path)
	assert.ErrorIs(t, err, fs.ErrNotExist, "nothing at the path before Commit")
	require.NoError(t, p.Commit(context.Background(), nil))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "first", string(b))
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o644), info.Mode().Perm())

	// an aborted second report leaves the first in place
	before := snapshot(t, dir)
	p, err = atomicfile.Create(atomicfile.OS{}, path, 0o644)
	require.NoError(t, err)
	_, err = p.Write([]byte("half of the sec"))
	require.NoError(t, err)
	p.Abort()
	p.Abort()
	assert.Equal(t, before, snapshot(t, dir))

	// a cancelled commit is an abort
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p, err = atomicfile.Create(atomicfile.OS{}, path, 0o644)
	require.NoError(t, err)
	_, err = p.Write([]byte("second"))
	require.NoError(t, err)
	require.ErrorIs(t, p.Commit(ctx, nil), context.Canceled)
	assert.Equal(t, before, snapshot(t, dir))

	// a failing check is an abort too
	p, err = atomicfile.Create(atomicfile.OS{}, path, 0o644)
	require.NoError(t, err)
	boom := errors.New("boom")
	require.ErrorIs(t, p.Commit(context.Background(), func() error { return boom }), boom)
	assert.Equal(t, before, snapshot(t, dir))
}

func TestCreateRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := atomicfile.Create(atomicfile.OS{}, dir, 0o644)
	require.Error(t, err)
	assert.Equal(t, "write "+dir+": not a regular file", err.Error())
}
