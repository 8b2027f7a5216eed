//go:build !amd64 || purego

package quantity

// maskKernels returns the implementations of masks64 this processor runs.
func maskKernels() map[string]func(*[64]byte) blockMasks {
	return map[string]func(*[64]byte) blockMasks{"masks64Generic": masks64Generic, "masks64": masks64}
}
