//go:build amd64 && !purego

package quantity

// maskKernels returns the implementations of masks64 this processor runs.
func maskKernels() map[string]func(*[64]byte) blockMasks {
	k := map[string]func(*[64]byte) blockMasks{"masks64Generic": masks64Generic, "masks64": masks64}
	if hasAVX2 {
		k["masks64AVX2"] = func(b *[64]byte) blockMasks {
			var m blockMasks
			masks64AVX2(b, &initialNibbles, &m)
			return m
		}
	}
	return k
}
