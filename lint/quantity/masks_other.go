//go:build !amd64 || purego

package quantity

// masks64 returns the letters and number-start bitmaps of the 64 bytes at b.
func masks64(b *[64]byte) (letters, numbers uint64) { return masks64Generic(b) }
