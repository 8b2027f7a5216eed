// Package atomicfile writes files so that a reader, a crash or a Ctrl-C
// never sees half of one: the new bytes go to a temporary file in the same
// directory, which is flushed to disk and renamed over the target. Replace
// also keeps the file's mode and refuses to overwrite a file that changed
// since it was read. Every file system call goes through FS, so tests can
// inject faults (a full disk, a failing rename, a file swapped mid-write).
package atomicfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// FS is the file system an atomic write uses. OS is the real one.
type FS interface {
	// Stat returns a file's information, following symbolic links.
	Stat(name string) (fs.FileInfo, error)
	// EvalSymlinks returns the path a chain of symbolic links leads to.
	EvalSymlinks(name string) (string, error)
	// ReadFile returns a file's bytes.
	ReadFile(name string) ([]byte, error)
	// CreateTemp creates a new file in dir, as os.CreateTemp does.
	CreateTemp(dir, pattern string) (File, error)
	// Rename renames oldpath to newpath, replacing it, in one step.
	Rename(oldpath, newpath string) error
	// Remove removes a file.
	Remove(name string) error
	// SyncDir flushes a directory's entries to disk.
	SyncDir(dir string) error
}

// File is an open temporary file.
type File interface {
	io.Writer
	// Name returns the file's path.
	Name() string
	// Chmod sets the file's mode.
	Chmod(mode fs.FileMode) error
	// Chown sets the file's owner and group.
	Chown(uid, gid int) error
	// Sync flushes the file's bytes to disk.
	Sync() error
	// Close closes the file.
	Close() error
}

// OS is the operating system's file system.
type OS struct{}

// Stat implements FS.
func (OS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// EvalSymlinks implements FS.
func (OS) EvalSymlinks(name string) (string, error) { return filepath.EvalSymlinks(name) }

// ReadFile implements FS.
func (OS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// CreateTemp implements FS.
func (OS) CreateTemp(dir, pattern string) (File, error) { return os.CreateTemp(dir, pattern) }

// Rename implements FS.
func (OS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// Remove implements FS.
func (OS) Remove(name string) error { return os.Remove(name) }

// SyncDir implements FS.
func (OS) SyncDir(dir string) error { return syncDir(dir) }

// Errors of Replace.
var (
	// ErrChanged: the file on disk is no longer the one that was read.
	ErrChanged = errors.New("changed on disk since it was read")
	// ErrReadOnly: the file's mode has no write permission for anyone,
	// which Replace honours even where the rename would be allowed (the
	// directory's permissions, not the file's, govern a rename).
	ErrReadOnly = errors.New("the file is read-only")
)

// Pending is a file being written: bytes go to a temporary file beside the
// target until Commit renames it over the target, or Abort removes it.
type Pending struct {
	fsys   FS
	path   string
	f      File
	mode   fs.FileMode
	owner  *owner
	closed bool
	err    error // the first write error
}

// Create starts writing path: the new file gets perm (or the mode of the
// file it replaces, if there is one) when committed.
func Create(fsys FS, path string, perm fs.FileMode) (*Pending, error) {
	target := path
	if real, err := fsys.EvalSymlinks(path); err == nil {
		target = real
	}
	var own *owner
	if info, err := fsys.Stat(target); err == nil {
		if !info.Mode().IsRegular() {
			return nil, fmt.Errorf("write %s: not a regular file", path)
		}
		perm = info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
		own = ownerOf(info)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	f, err := fsys.CreateTemp(dir, "."+base+".unitlint-*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return &Pending{fsys: fsys, path: target, f: f, mode: perm, owner: own}, nil
}

// Write implements io.Writer. After the first error every write fails.
func (p *Pending) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	n, err := p.f.Write(b)
	if err != nil {
		p.err = fmt.Errorf("write %s: %w", p.path, unwrapPath(err))
		return n, p.err
	}
	return n, nil
}

// Commit flushes the temporary file to disk, checks ctx (a cancelled run
// writes nothing), runs check if it is not nil (its error aborts the
// write) and renames the temporary file over the target. On any error the
// temporary file is removed and the target is left as it was.
func (p *Pending) Commit(ctx context.Context, check func() error) error {
	err := p.commit(ctx, check)
	if err != nil {
		p.Abort()
	}
	return err
}

func (p *Pending) commit(ctx context.Context, check func() error) error {
	if p.err != nil {
		return p.err
	}
	if err := p.f.Chmod(p.mode); err != nil {
		return fmt.Errorf("write %s: set mode: %w", p.path, unwrapPath(err))
	}
	if p.owner != nil {
		// Keeping the owner only works with the right to give files away;
		// without it the file is the writer's, as any editor's save makes it.
		_ = p.f.Chown(p.owner.uid, p.owner.gid)
	}
	if err := p.f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", p.path, unwrapPath(err))
	}
	p.closed = true
	if err := p.f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", p.path, unwrapPath(err))
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("write %s: %w", p.path, err)
	}
	if check != nil {
		if err := check(); err != nil {
			return err
		}
	}
	if err := p.fsys.Rename(p.f.Name(), p.path); err != nil {
		return fmt.Errorf("write %s: %w", p.path, unwrapLink(err))
	}
	if err := p.fsys.SyncDir(filepath.Dir(p.path)); err != nil {
		return fmt.Errorf("write %s: sync directory: %w", p.path, unwrapPath(err))
	}
	return nil
}

// Abort removes the temporary file; the target is untouched. It is safe
// to call more than once, and after Commit.
func (p *Pending) Abort() {
	if !p.closed {
		p.closed = true
		_ = p.f.Close()
	}
	_ = p.fsys.Remove(p.f.Name())
}

// Replace writes new over path, whose content was old when it was read:
// atomically (temporary file in the same directory, fsync, rename), with
// the file's own mode, and only if the file still holds old right before
// the rename — otherwise it fails with ErrChanged and writes nothing. A
// path that is not a regular file, or a read-only file (ErrReadOnly), is
// refused. A cancelled ctx writes nothing.
func Replace(ctx context.Context, fsys FS, path string, old, new []byte) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if fsys == nil {
		fsys = OS{}
	}
	info, err := fsys.Stat(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("write %s: not a regular file", path)
	}
	if info.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("write %s: %w", path, ErrReadOnly)
	}
	p, err := Create(fsys, path, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := p.Write(new); err != nil {
		p.Abort()
		return err
	}
	return p.Commit(ctx, func() error {
		now, err := fsys.ReadFile(p.path)
		if err != nil {
			return fmt.Errorf("write %s: %w: %w", path, ErrChanged, unwrapPath(err))
		}
		if !bytes.Equal(now, old) {
			return fmt.Errorf("write %s: %w; not overwriting it (run unitlint again)", path, ErrChanged)
		}
		return nil
	})
}

// unwrapPath drops the path an *fs.PathError repeats (every message here
// names the file already).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// unwrapLink drops the paths an *os.LinkError repeats.
func unwrapLink(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return unwrapPath(err)
}
