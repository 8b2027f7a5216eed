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
SPLAT(letterA, 0x6161616161616161)

// LOOKUP sets dst to lo[src&15] & hi[src>>4], bytewise (the tables in
// registers lo and hi, src and tmp clobbered).
#define LOOKUP(src, lo, hi, tmp, dst) \
	VPSRLW $4, src, tmp \
	VPAND Y8, src, src \
	VPAND Y8, tmp, tmp \
	VPSHUFB src, lo, dst \
	VPSHUFB tmp, hi, tmp \
	VPAND tmp, dst, dst

// HALF turns the 32 bytes at off(SI), and the one after them, into 32
// bits each of letters (AX), number starts (BX), letter pairs the opening
// tables let through (CX) and a's (DX).
#define HALF(off) \
	VMOVDQU off(SI), Y0 \
	VPOR case20<>(SB), Y0, Y1 \
	VPADDB letterAdd<>(SB), Y1, Y2 \
	VPCMPGTB Y2, Y9, Y2 \
	VPMOVMSKB Y2, AX \
	VPADDB numAdd<>(SB), Y0, Y3 \
	VPCMPGTB Y3, Y10, Y3 \
	VPCMPEQB leadC2<>(SB), Y0, Y4 \
	VPOR Y4, Y3, Y3 \
	VPMOVMSKB Y3, BX \
	VPCMPEQB letterA<>(SB), Y1, Y4 \
	VPMOVMSKB Y4, DX \
	VMOVDQU off+1(SI), Y0 \
	VPOR case20<>(SB), Y0, Y0 \
	LOOKUP(Y1, Y12, Y13, Y3, Y4) \
	LOOKUP(Y0, Y14, Y15, Y3, Y5) \
	VPAND Y4, Y5, Y4 \
	VPCMPEQB Y11, Y4, Y4 \
	VPANDN Y2, Y4, Y4 \
	VPMOVMSKB Y4, CX

// func masks64AVX2(b *[65]byte, t *openingTables, m *kernelMasks)
TEXT ·masks64AVX2(SB), NOSPLIT, $0-24
	MOVQ b+0(FP), SI
	MOVQ t+8(FP), DI
	MOVQ m+16(FP), R11
	VMOVDQU nibble<>(SB), Y8
	VMOVDQU letterLim<>(SB), Y9
	VMOVDQU numLim<>(SB), Y10
	VPXOR Y11, Y11, Y11
	VBROADCASTI128 0(DI), Y12
	VBROADCASTI128 16(DI), Y13
	VBROADCASTI128 32(DI), Y14
	VBROADCASTI128 48(DI), Y15
	HALF(0)
	MOVL AX, R8
	MOVL BX, R9
	MOVL CX, R10
	MOVL DX, R12
	HALF(32)
	SHLQ $32, AX
	SHLQ $32, BX
	SHLQ $32, CX
	SHLQ $32, DX
	ORQ AX, R8
	ORQ BX, R9
	ORQ CX, R10
	ORQ DX, R12
	MOVQ R8, 0(R11)
	MOVQ R9, 8(R11)
	MOVQ R10, 16(R11)
	MOVQ R12, 24(R11)
	VZEROUPPER
	RET
