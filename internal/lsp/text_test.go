package lsp

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"

	"github.com/unitlint/unitlint/lint"
)

func TestEncodingUnits(t *testing.T) {
	tests := []struct {
		text               string
		utf16, utf8, utf32 int
	}{
		{"abc", 3, 3, 3},
		{"’“”–", 4, 12, 4},
		{"°²", 2, 4, 2},
		{"😀", 2, 4, 1},
		{"a😀b", 4, 6, 3},
		{"\xff", 1, 1, 1}, // an invalid byte is one unit (U+FFFD)
	}
	for _, tt := range tests {
		assert.Equal(t, tt.utf16, utf16.units([]byte(tt.text)), "utf-16 %q", tt.text)
		assert.Equal(t, tt.utf8, utf8Bytes.units([]byte(tt.text)), "utf-8 %q", tt.text)
		assert.Equal(t, tt.utf32, utf32.units([]byte(tt.text)), "utf-32 %q", tt.text)
	}
}

func TestEncodingAdvance(t *testing.T) {
	line := []byte("a😀’b") // bytes: a 0, 😀 1-4, ’ 5-7, b 8
	tests := []struct {
		enc  encoding
		n    int
		want int
	}{
		{utf16, 0, 0},
		{utf16, 1, 1},
		{utf16, 2, 1}, // inside the surrogate pair: the emoji's start
		{utf16, 3, 5},
		{utf16, 4, 8},
		{utf16, 5, 9},
		{utf16, 99, 9}, // past the end: the end
		{utf8Bytes, 3, 1},
		{utf8Bytes, 5, 5},
		{utf8Bytes, 6, 5}, // inside ’: its start
		{utf8Bytes, 99, 9},
		{utf32, 2, 5},
		{utf32, 3, 8},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.enc.advance(line, tt.n), "%s %d", tt.enc.kind(), tt.n)
	}
}

func TestPositionOf(t *testing.T) {
	src := []byte("x\r\nIt’s 😀 here\rlast")
	f := lint.NewFile("a", src)
	at := func(s string) int {
		i := indexOf(src, s)
		require.GreaterOrEqual(t, i, 0, s)
		return i
	}
	// before "here": I t ’ s, space, 😀, space: 7 code points, 8 UTF-16
	// units, 12 bytes
	assert.Equal(t, protocol.Position{Line: 1, Character: 8}, positionOf(f, at("here"), utf16))
	assert.Equal(t, protocol.Position{Line: 1, Character: 12}, positionOf(f, at("here"), utf8Bytes))
	assert.Equal(t, protocol.Position{Line: 1, Character: 7}, positionOf(f, at("here"), utf32))
	assert.Equal(t, protocol.Position{Line: 2, Character: 0}, positionOf(f, at("last"), utf16), "a lone CR ends a line")
	assert.Equal(t, protocol.Position{Line: 2, Character: 4}, positionOf(f, len(src), utf16))
}

func indexOf(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return i
		}
	}
	return -1
}

func TestBufferOffset(t *testing.T) {
	b := newBuffer([]byte("one\r\ntwo 😀 x\nthree"))
	tests := []struct {
		line, char int
		want       int
	}{
		{0, 0, 0},
		{0, 3, 3},
		{0, 10, 3}, // past the end of the line: before its CRLF
		{1, 4, 9},
		{1, 6, 13}, // after the emoji's two units
		{1, 7, 14},
		{2, 5, 21},
		{3, 0, 21}, // past the last line: the end
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, b.offset(protocol.Position{Line: uint32(tt.line), Character: uint32(tt.char)}, utf16), "%d:%d", tt.line, tt.char)
	}
}

// TestBufferReplace holds the incrementally kept line table to one built
// from scratch, over random edits that make and break CRLFs.
func TestBufferReplace(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"\r", "\n", "\r\n", "a", "bc", "’", "😀", "", "x\ny\rz"}
	b := newBuffer([]byte("start\r\nmiddle\rend\n"))
	want := []byte("start\r\nmiddle\rend\n")
	for i := 0; i < 5000; i++ {
		start := r.IntN(len(want) + 1)
		end := start + r.IntN(len(want)-start+1)
		repl := pieces[r.IntN(len(pieces))] + pieces[r.IntN(len(pieces))]
		b.replace(start, end, []byte(repl))
		want = append(append(append([]byte(nil), want[:start]...), repl...), want[end:]...)
		require.Equal(t, string(want), string(b.text))
		require.Equal(t, newBuffer(want).lines, b.lines, "after replacing [%d,%d) with %q", start, end, repl)
	}
}

func TestLineStartsMatchFile(t *testing.T) {
	for _, s := range []string{"", "a", "\n", "\r", "\r\n", "a\r\rb\n\r\nc\r", "no end"} {
		f := lint.NewFile("a", []byte(s))
		b := newBuffer([]byte(s))
		require.Len(t, b.lines, f.LineCount(), "%q", s)
		for i, start := range b.lines {
			assert.Equal(t, f.LineStart(i+1), start, "%q line %d", s, i+1)
		}
	}
}
