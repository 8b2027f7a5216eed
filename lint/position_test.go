package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFilePosition(t *testing.T) {
	src := []byte("ab\r\nc’d\re\n\nΩx")
	f := NewFile("a.txt", src)
	assert.Equal(t, 5, f.LineCount())
	tests := []struct {
		off, line, col int
	}{
		{0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {4, 2, 1}, {5, 2, 2}, {8, 2, 3}, {9, 2, 4},
		{10, 3, 1}, {11, 3, 2}, {12, 4, 1}, {13, 5, 1}, {15, 5, 2}, {16, 5, 3}, {99, 5, 3}, {-1, 1, 1},
	}
	for _, tt := range tests {
		p := f.Position(tt.off)
		assert.Equal(t, tt.line, p.Line, "line of %d", tt.off)
		assert.Equal(t, tt.col, p.Column, "column of %d", tt.off)
	}
	assert.Equal(t, "c’d", string(f.Line(2)))
	assert.Equal(t, "e", string(f.Line(3)))
	assert.Equal(t, "", string(f.Line(4)))
	assert.Equal(t, "a.txt:2:3", f.Position(8).String())
}

func TestFilePositionInvalidUTF8(t *testing.T) {
	f := NewFile("b.txt", []byte("a\xffb"))
	assert.Equal(t, 3, f.Position(2).Column, "an invalid byte counts as one column")
}

func TestDocumentSourceOffset(t *testing.T) {
	// source "1&nbsp;km" decoded to "1\u00a0km": text bytes 1..3 (the
	// no-break space, 2 bytes) come from source bytes 1..7 ("&nbsp;").
	f := NewFile("c.html", []byte("<p>1&nbsp;km</p>"))
	text := []byte("1\u00a0km")
	d := NewDocument(f, text, []Segment{
		{Text: 0, TextLen: 1, Source: 3, SourceLen: 1},
		{Text: 1, TextLen: 2, Source: 4, SourceLen: 6},
		{Text: 3, TextLen: 2, Source: 10, SourceLen: 2},
	})
	assert.Equal(t, 3, d.SourceOffset(0))
	assert.Equal(t, 4, d.SourceOffset(1))
	assert.Equal(t, 4, d.SourceOffset(2), "inside an entity maps to its start")
	assert.Equal(t, 10, d.SourceOffset(3))
	s, e := d.SourceSpan(0, 5)
	assert.Equal(t, [2]int{3, 12}, [2]int{s, e})
	s, e = d.SourceSpan(0, 3)
	assert.Equal(t, [2]int{3, 10}, [2]int{s, e}, "a span ending in an entity takes all of it")
	s, e = d.SourceSpan(1, 1)
	assert.Equal(t, [2]int{4, 4}, [2]int{s, e})
}
