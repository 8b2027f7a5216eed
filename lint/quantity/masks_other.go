//go:build !amd64 || purego

package quantity

// masks64 returns the bitmaps of the 64 bytes at b (b[64] is the byte
// after them).
func masks64(b *[blockLen]byte) blockMasks { return masks64Generic(b) }
