package lsp

import (
	"bytes"
	"math"
	"slices"
	"sort"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/unitlint/unitlint/lint"
)

// encoding is what the character of an LSP position counts, as negotiated
// at initialize: UTF-16 code units (the default), UTF-8 bytes, or code
// points (UTF-32).
type encoding uint8

// Position encodings.
const (
	utf16 encoding = iota
	utf8Bytes
	utf32
)

// kind returns the protocol's name of the encoding.
func (e encoding) kind() protocol.PositionEncodingKind {
	switch e {
	case utf8Bytes:
		return protocol.PositionEncodingKindUTF8
	case utf32:
		return protocol.PositionEncodingKindUTF32
	}
	return protocol.PositionEncodingKindUTF16
}

// negotiate picks the encoding from the ones a client offers: UTF-8 when
// offered (positions are then byte offsets within a line, as the engine
// counts), else UTF-16, which every client supports.
func negotiate(offered []protocol.PositionEncodingKind) encoding {
	if slices.Contains(offered, protocol.PositionEncodingKindUTF8) {
		return utf8Bytes
	}
	return utf16
}

// units returns how many code units b takes. An invalid byte counts as one
// unit in every encoding (it is U+FFFD, one UTF-16 unit, to the client).
func (e encoding) units(b []byte) int {
	switch e {
	case utf8Bytes:
		return len(b)
	case utf32:
		return utf8.RuneCount(b)
	}
	n := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		n++
		if r > 0xFFFF {
			n++ // a surrogate pair
		}
		i += size
	}
	return n
}

// advance returns the byte offset into line after n code units: the end
// of the line when it is shorter, and the start of a character that the
// n-th unit would split (the second half of a surrogate pair, a byte inside
// a UTF-8 sequence).
func (e encoding) advance(line []byte, n int) int {
	if e == utf8Bytes {
		if n >= len(line) {
			return len(line)
		}
		for n > 0 && !utf8.RuneStart(line[n]) {
			n--
		}
		return n
	}
	off := 0
	for off < len(line) && n > 0 {
		r, size := utf8.DecodeRune(line[off:])
		w := 1
		if e == utf16 && r > 0xFFFF {
			w = 2
		}
		if w > n {
			break
		}
		n -= w
		off += size
	}
	return off
}

// positionOf returns the LSP position of a byte offset of f's source.
func positionOf(f *lint.File, off int, enc encoding) protocol.Position {
	p := f.Position(off) // clamps off, finds the line
	start := f.LineStart(p.Line)
	return protocol.Position{
		Line:      clampUint32(p.Line - 1),
		Character: clampUint32(enc.units(f.Source()[start:p.Offset])),
	}
}

// clampUint32 converts a count to the protocol's uinteger, which a line or
// column of a document the server holds in memory cannot exceed.
func clampUint32(n int) uint32 {
	return uint32(min(max(n, 0), math.MaxUint32))
}

// rangeOf returns the LSP range of the byte span [start, end) of f's source.
func rangeOf(f *lint.File, start, end int, enc encoding) protocol.Range {
	return protocol.Range{Start: positionOf(f, start, enc), End: positionOf(f, end, enc)}
}

// buffer is the text of an open document, edited in place as changes
// arrive, with a table of line starts kept up to date incrementally, so an
// edit costs the bytes it moves rather than a scan of the document.
type buffer struct {
	text  []byte
	lines []int // byte offset of the first byte of each line; lines[0] == 0
}

// newBuffer returns a buffer holding text (which it keeps).
func newBuffer(text []byte) *buffer {
	return &buffer{text: text, lines: append([]int{0}, lineStarts(text, 1, len(text))...)}
}

// lineStarts returns the line starts p, lo ≤ p ≤ hi, of text: a line
// starts after "\n", after "\r\n" and after a lone "\r", as in lint.File.
func lineStarts(text []byte, lo, hi int) []int {
	var out []int
	if lo < 1 {
		lo = 1
	}
	cr := bytes.IndexByte(text, '\r') >= 0
	for k := lo - 1; k < hi && k < len(text); {
		if !cr {
			i := bytes.IndexByte(text[k:min(hi, len(text))], '\n')
			if i < 0 {
				break
			}
			out = append(out, k+i+1)
			k += i + 1
			continue
		}
		switch text[k] {
		case '\n':
			out = append(out, k+1)
		case '\r':
			if k+1 >= len(text) || text[k+1] != '\n' {
				out = append(out, k+1)
			}
		}
		k++
	}
	return out
}

// offset returns the byte offset of an LSP position: positions past the
// end of a line clamp to it, lines past the end to the end of the text.
func (b *buffer) offset(p protocol.Position, enc encoding) int {
	i := int(p.Line)
	if i >= len(b.lines) {
		return len(b.text)
	}
	start := b.lines[i]
	end := len(b.text)
	if i+1 < len(b.lines) {
		end = b.lines[i+1]
	}
	for end > start && (b.text[end-1] == '\n' || b.text[end-1] == '\r') {
		end--
	}
	return start + enc.advance(b.text[start:end], int(p.Character))
}

// replace replaces text[start:end] with repl and updates the line table:
// starts before start cannot change, starts in the new bytes (and just
// after them, where "\r" + "\n" may have joined or split) are found again,
// and the rest move by the change in length.
func (b *buffer) replace(start, end int, repl []byte) {
	start = min(max(start, 0), len(b.text))
	end = min(max(end, start), len(b.text))
	delta := len(repl) - (end - start)
	b.text = slices.Replace(b.text, start, end, repl...)
	i := max(sort.SearchInts(b.lines, start), 1) // lines[0] == 0 stays
	j := max(sort.SearchInts(b.lines, end+1), i)
	mid := lineStarts(b.text, start, start+len(repl))
	b.lines = slices.Replace(b.lines, i, j, mid...)
	for k := i + len(mid); k < len(b.lines); k++ {
		b.lines[k] += delta
	}
}
