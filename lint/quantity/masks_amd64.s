//go:build amd64 && !purego

#include "textflag.h"

// Constants, each byte repeated 32 times.
#define SPLAT(name, q) \
	DATA name<>+0(SB)/8, $q \
	DATA name<>+8(SB)/8, $q \
	DATA name<>+16(SB)/8, $q \
	DATA name<>+24(SB)/8, $q \
	GLOBL name<>(SB), RODATA|NOPTR, $32

// lower case: or 0x20
SPLAT(case20, 0x2020202020202020)
// 'a' to 'z' moved to -128 to -103: add 0x1F, then signed-less-than -102
SPLAT(letterAdd, 0x1f1f1f1f1f1f1f1f)
SPLAT(letterLim, 0x9a9a9a9a9a9a9a9a)
// '.' to '9' moved to -128 to -117: add 0x52, then signed-less-than -116
SPLAT(numAdd, 0x5252525252525252)
SPLAT(numLim, 0x8c8c8c8c8c8c8c8c)
SPLAT(leadC2, 0xc2c2c2c2c2c2c2c2)
SPLAT(nibble, 0x0f0f0f0f0f0f0f0f)

// HALF turns the 32 bytes at off(SI) into 32 bits each of letters (AX),
// number starts (BX) and initials (CX).
#define HALF(off) \
	VMOVDQU off(SI), Y0 \
	VPOR Y10, Y0, Y1 \
	VPADDB Y11, Y1, Y2 \
	VPCMPGTB Y2, Y12, Y2 \
	VPMOVMSKB Y2, AX \
	VPADDB Y13, Y0, Y3 \
	VPCMPGTB Y3, Y14, Y3 \
	VPCMPEQB Y9, Y0, Y4 \
	VPOR Y4, Y3, Y3 \
	VPMOVMSKB Y3, BX \
	VPAND Y8, Y1, Y4 \
	VPSRLW $4, Y1, Y5 \
	VPAND Y8, Y5, Y5 \
	VPSHUFB Y4, Y6, Y4 \
	VPSHUFB Y5, Y7, Y5 \
	VPAND Y4, Y5, Y4 \
	VPXOR Y5, Y5, Y5 \
	VPCMPEQB Y5, Y4, Y4 \
	VPANDN Y2, Y4, Y4 \
	VPMOVMSKB Y4, CX

// func masks64AVX2(b *[64]byte, t *struct{ lo, hi [16]byte }, m *blockMasks)
TEXT ·masks64AVX2(SB), NOSPLIT, $0-24
	MOVQ b+0(FP), SI
	MOVQ t+8(FP), DX
	MOVQ m+16(FP), DI
	VMOVDQU case20<>(SB), Y10
	VMOVDQU letterAdd<>(SB), Y11
	VMOVDQU letterLim<>(SB), Y12
	VMOVDQU numAdd<>(SB), Y13
	VMOVDQU numLim<>(SB), Y14
	VMOVDQU leadC2<>(SB), Y9
	VMOVDQU nibble<>(SB), Y8
	VBROADCASTI128 0(DX), Y6
	VBROADCASTI128 16(DX), Y7
	HALF(0)
	MOVL AX, R8
	MOVL BX, R9
	MOVL CX, R10
	HALF(32)
	SHLQ $32, AX
	SHLQ $32, BX
	SHLQ $32, CX
	ORQ AX, R8
	ORQ BX, R9
	ORQ CX, R10
	MOVQ R8, 0(DI)
	MOVQ R9, 8(DI)
	MOVQ R10, 16(DI)
	VZEROUPPER
	RET
