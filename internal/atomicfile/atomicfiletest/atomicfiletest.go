// Package atomicfiletest injects faults into atomic writes, for tests: a
// full disk, a failing write, sync or rename, a read-only file system, a
// file swapped on disk between a read and the write, a Ctrl-C mid-write.
package atomicfiletest

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/unitlint/unitlint/internal/atomicfile"
)

// FS is the operating system's file system with hooks. The zero value
// behaves as atomicfile.OS.
type FS struct {
	atomicfile.OS
	// BeforeCreate runs before each temporary file is created, with the
	// directory it goes in.
	BeforeCreate func(dir string)
	// CreateErr, if set, fails CreateTemp (EROFS: a read-only file system).
	CreateErr error
	// Wrap, if set, wraps each temporary file (see File).
	Wrap func(atomicfile.File) atomicfile.File
	// RenameErr, if set, fails Rename.
	RenameErr error
}

// CreateTemp implements atomicfile.FS.
func (f *FS) CreateTemp(dir, pattern string) (atomicfile.File, error) {
	if f.BeforeCreate != nil {
		f.BeforeCreate(dir)
	}
	if f.CreateErr != nil {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: f.CreateErr}
	}
	file, err := f.OS.CreateTemp(dir, pattern)
	if err != nil || f.Wrap == nil {
		return file, err
	}
	return f.Wrap(file), nil
}

// Rename implements atomicfile.FS.
func (f *FS) Rename(oldpath, newpath string) error {
	if f.RenameErr != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: f.RenameErr}
	}
	return f.OS.Rename(oldpath, newpath)
}

// File is a temporary file with faults.
type File struct {
	atomicfile.File
	// WriteErr, if set, fails a write longer than Limit bytes after
	// writing Limit of them (ENOSPC: a full disk).
	WriteErr error
	Limit    int
	// SyncErr, if set, fails Sync.
	SyncErr error
	// OnWrite, if set, runs before each write (a Ctrl-C arriving, say).
	OnWrite func()
}

// Write implements atomicfile.File.
func (f *File) Write(b []byte) (int, error) {
	if f.OnWrite != nil {
		f.OnWrite()
	}
	if f.WriteErr != nil && len(b) > f.Limit {
		n, _ := f.File.Write(b[:f.Limit])
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: f.WriteErr}
	}
	return f.File.Write(b)
}

// Sync implements atomicfile.File.
func (f *File) Sync() error {
	if f.SyncErr != nil {
		return &fs.PathError{Op: "sync", Path: f.Name(), Err: f.SyncErr}
	}
	return f.File.Sync()
}

// Entry is a file system entry's state in a Snapshot.
type Entry struct {
	// Data is a regular file's bytes.
	Data string
	Mode fs.FileMode
	// ModTime is a regular file's modification time (a directory's moves
	// whenever a temporary file comes and goes in it, so it is not kept).
	ModTime int64
}

// Snapshot records every entry under dir, by slash-separated path
// relative to dir ("." for dir itself).
func Snapshot(dir string) (map[string]Entry, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	fsys := root.FS()
	out := map[string]Entry{}
	err = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		e := Entry{Mode: info.Mode()}
		if d.Type().IsRegular() {
			b, err := fs.ReadFile(fsys, path)
			if err != nil {
				return err
			}
			e.Data, e.ModTime = string(b), info.ModTime().UnixNano()
		}
		out[path] = e
		return nil
	})
	return out, err
}
