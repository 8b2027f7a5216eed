//go:build amd64 && !purego

package quantity

// masks64 returns the letters and number-start bitmaps of the 64 bytes at
// b (masks_amd64.s: SSE2, part of every amd64 processor).
//
//go:noescape
func masks64(b *[64]byte) (letters, numbers uint64)
