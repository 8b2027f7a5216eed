//go:build amd64 && !purego

package quantity

import "golang.org/x/sys/cpu"

// hasAVX2 says whether the processor runs the AVX2 kernel; read-only
// after the package is initialised.
var hasAVX2 = cpu.X86.HasAVX2

// masks64 returns the bitmaps of the 64 bytes at b.
func masks64(b *[64]byte) blockMasks {
	if hasAVX2 {
		var m blockMasks
		masks64AVX2(b, &initialNibbles, &m)
		return m
	}
	return masks64Generic(b)
}

// masks64AVX2 writes the bitmaps of the 64 bytes at b to m, the initials
// looked up in t (masks_amd64.s; the processor must have AVX2).
//
//go:noescape
func masks64AVX2(b *[64]byte, t *struct{ lo, hi [16]byte }, m *blockMasks)
