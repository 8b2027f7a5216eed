package lint

import (
	"fmt"
	"sort"
	"sync"
	"unicode/utf8"
)

// Position is a location in a source file, computed at the edge from a byte
// offset. Line and Column are 1-based; Column counts Unicode code points
// (an invalid byte counts as one); Offset is the 0-based byte offset.
type Position struct {
	Filename string
	Offset   int
	Line     int
	Column   int
}

// String returns "file:line:column".
func (p Position) String() string {
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
}

// File is a source file and its line table, after go/token.File: positions
// are byte offsets inside, and line/column are computed on demand. A line
// ends at "\n", at "\r\n", or at a lone "\r".
type File struct {
	name      string
	src       []byte
	linesOnce sync.Once
	lines     []int // byte offset of the first byte of each line
	marksOnce sync.Once
	marks     []runeMark // built for the first column on a long line
}

// runeMark records how many code points the file holds before a byte
// offset that starts a character, so that the column of a position on a
// line megabytes long is counted from the nearest mark, not from the
// line's start.
type runeMark struct{ offset, runes int }

// markStride is the distance in bytes between rune marks; a column is
// counted by scanning at most about twice this.
const markStride = 16 << 10

// NewFile returns a File for src. The File keeps src; do not modify it.
// The line table is built on first use, so files with nothing to report
// never pay for it. A File is safe for concurrent use.
func NewFile(name string, src []byte) *File {
	return &File{name: name, src: src}
}

// lineTable returns the byte offset of the start of each line.
func (f *File) lineTable() []int {
	f.linesOnce.Do(func() {
		lines := []int{0}
		src := f.src
		for i := 0; i < len(src); i++ {
			switch src[i] {
			case '\n':
				lines = append(lines, i+1)
			case '\r':
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
				lines = append(lines, i+1)
			}
		}
		f.lines = lines
	})
	return f.lines
}

// Name returns the file name given to NewFile.
func (f *File) Name() string { return f.name }

// Source returns the file's bytes.
func (f *File) Source() []byte { return f.src }

// Size returns the file's size in bytes.
func (f *File) Size() int { return len(f.src) }

// LineCount returns the number of lines.
func (f *File) LineCount() int { return len(f.lineTable()) }

// LineStart returns the byte offset where 1-based line starts.
func (f *File) LineStart(line int) int {
	if line < 1 {
		return 0
	}
	lines := f.lineTable()
	if line > len(lines) {
		return len(f.src)
	}
	return lines[line-1]
}

// Line returns the text of the 1-based line, without its line end (and,
// for the first line, without a UTF-8 byte order mark).
func (f *File) Line(line int) []byte {
	start := f.LineStart(line)
	if start == 0 {
		start = BOMLen(f.src)
	}
	end := len(f.src)
	if lines := f.lineTable(); line >= 1 && line < len(lines) {
		end = lines[line]
	}
	for end > start && (f.src[end-1] == '\n' || f.src[end-1] == '\r') {
		end--
	}
	return f.src[start:end]
}

// Position returns the position of a byte offset; offsets outside the file
// are clamped to it. A UTF-8 byte order mark takes no column: columns of
// the first line count from the end of it.
func (f *File) Position(offset int) Position {
	if offset < 0 {
		offset = 0
	}
	if offset > len(f.src) {
		offset = len(f.src)
	}
	lines := f.lineTable()
	i := sort.Search(len(lines), func(i int) bool { return lines[i] > offset }) - 1
	start := lines[i]
	if i == 0 {
		start = min(BOMLen(f.src), offset)
	}
	return Position{Filename: f.name, Offset: offset, Line: i + 1, Column: 1 + f.runesBetween(start, offset)}
}

// runesBetween counts the code points of src[start:end], where start
// starts a character (a line's start), using the rune marks when the span
// is long.
func (f *File) runesBetween(start, end int) int {
	if end-start <= 2*markStride {
		return utf8.RuneCount(f.src[start:end])
	}
	marks := f.runeMarks()
	// the last marks at or before start and end
	a := sort.Search(len(marks), func(i int) bool { return marks[i].offset > start }) - 1
	b := sort.Search(len(marks), func(i int) bool { return marks[i].offset > end }) - 1
	ma, mb := marks[a], marks[b]
	return mb.runes - ma.runes - utf8.RuneCount(f.src[ma.offset:start]) + utf8.RuneCount(f.src[mb.offset:end])
}

// runeMarks returns the file's rune marks: one at offset 0, then one every
// markStride bytes, moved back onto the start of a character.
func (f *File) runeMarks() []runeMark {
	f.marksOnce.Do(func() {
		marks := make([]runeMark, 1, len(f.src)/markStride+1)
		for next := markStride; next < len(f.src); next += markStride {
			off := next
			for k := 0; k < utf8.UTFMax-1 && !utf8.RuneStart(f.src[off]); k++ {
				off--
			}
			last := marks[len(marks)-1]
			marks = append(marks, runeMark{off, last.runes + utf8.RuneCount(f.src[last.offset:off])})
		}
		f.marks = marks
	})
	return f.marks
}
