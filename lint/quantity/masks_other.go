//go:build !amd64 || purego

package quantity

// masks64 returns the bitmaps of the 64 bytes at b.
func masks64(b *[64]byte) blockMasks { return masks64Generic(b) }
