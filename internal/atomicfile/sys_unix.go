//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// owner is a file's owner and group.
type owner struct{ uid, gid int }

// ownerOf returns the owner of a file, or nil when unknown.
func ownerOf(info fs.FileInfo) *owner {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	return &owner{uid: int(st.Uid), gid: int(st.Gid)}
}

// syncDir flushes a directory's entries to disk, so a rename survives a
// crash. File systems that cannot sync a directory (EINVAL) are not an
// error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}
