//go:build !unix

package atomicfile

import "io/fs"

// owner is a file's owner and group.
type owner struct{ uid, gid int }

// ownerOf returns nil: file ownership is not kept on this system.
func ownerOf(fs.FileInfo) *owner { return nil }

// syncDir does nothing: directories cannot be synced here, and the rename
// is durable once the file system commits it.
func syncDir(string) error { return nil }
