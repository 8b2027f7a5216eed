//go:build amd64 && !purego

#include "textflag.h"

// Constants, each byte repeated sixteen times.
DATA case20<>+0(SB)/8, $0x2020202020202020
DATA case20<>+8(SB)/8, $0x2020202020202020
GLOBL case20<>(SB), RODATA|NOPTR, $16
// 'a' to 'z' moved to -128 to -103: add 0x1F, then signed-less-than -102
DATA letterAdd<>+0(SB)/8, $0x1f1f1f1f1f1f1f1f
DATA letterAdd<>+8(SB)/8, $0x1f1f1f1f1f1f1f1f
GLOBL letterAdd<>(SB), RODATA|NOPTR, $16
DATA letterLim<>+0(SB)/8, $0x9a9a9a9a9a9a9a9a
DATA letterLim<>+8(SB)/8, $0x9a9a9a9a9a9a9a9a
GLOBL letterLim<>(SB), RODATA|NOPTR, $16
// '.' to '9' moved to -128 to -117: add 0x52, then signed-less-than -116
DATA numAdd<>+0(SB)/8, $0x5252525252525252
DATA numAdd<>+8(SB)/8, $0x5252525252525252
GLOBL numAdd<>(SB), RODATA|NOPTR, $16
DATA numLim<>+0(SB)/8, $0x8c8c8c8c8c8c8c8c
DATA numLim<>+8(SB)/8, $0x8c8c8c8c8c8c8c8c
GLOBL numLim<>(SB), RODATA|NOPTR, $16
DATA leadC2<>+0(SB)/8, $0xc2c2c2c2c2c2c2c2
DATA leadC2<>+8(SB)/8, $0xc2c2c2c2c2c2c2c2
GLOBL leadC2<>(SB), RODATA|NOPTR, $16

// CHUNK turns the sixteen bytes at off(SI) into sixteen bits of letters
// (in R8) and of number starts (in R9), shifted left by off.
#define CHUNK(off) \
	MOVOU off(SI), X0 \
	MOVO X0, X1 \
	POR X10, X1 \
	PADDB X11, X1 \
	MOVO X12, X2 \
	PCMPGTB X1, X2 \
	PMOVMSKB X2, AX \
	MOVO X0, X3 \
	PADDB X13, X3 \
	MOVO X14, X4 \
	PCMPGTB X3, X4 \
	PCMPEQB X9, X0 \
	POR X0, X4 \
	PMOVMSKB X4, BX \
	SHLQ $off, AX \
	SHLQ $off, BX \
	ORQ AX, R8 \
	ORQ BX, R9

// func masks64(b *[64]byte) (letters, numbers uint64)
TEXT ·masks64(SB), NOSPLIT, $0-24
	MOVQ b+0(FP), SI
	MOVOU case20<>(SB), X10
	MOVOU letterAdd<>(SB), X11
	MOVOU letterLim<>(SB), X12
	MOVOU numAdd<>(SB), X13
	MOVOU numLim<>(SB), X14
	MOVOU leadC2<>(SB), X9
	XORQ R8, R8
	XORQ R9, R9
	CHUNK(0)
	CHUNK(16)
	CHUNK(32)
	CHUNK(48)
	MOVQ R8, letters+8(FP)
	MOVQ R9, numbers+16(FP)
	RET
