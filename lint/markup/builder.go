package markup

import (
	"github.com/unitlint/unitlint/lint"
)

// builder accumulates a document's Text and its segment map as a parser
// walks the source in reading order.
type builder struct {
	src  []byte // the file's bytes
	text []byte
	segs []lint.Segment
	sups []lint.Suppression
	// lastSrc is the furthest source offset any piece emitted reaches:
	// the anchor of separators.
	lastSrc int
	// pieceEnd is the source offset after the last piece emitted, the
	// anchor of an object whose source is not known: inside the block, in
	// order, even in a block emitted later than the text after it (alt
	// text: "![a ![]() b]()").
	pieceEnd int
	// broken is set when Text ends with a block separator (or is empty).
	broken bool
	// lastCopy is set when the last segment is a copy of the source.
	lastCopy bool
	// later holds prose to emit as blocks of their own at the next block
	// boundary: alt and title text met inside a paragraph, which must not
	// come between its words.
	later []func()
}

func newBuilder(src []byte, start int) *builder {
	return &builder{src: src, lastSrc: start, broken: true, text: make([]byte, 0, len(src)-start)}
}

// push appends a segment of text for source [start, end); same says that
// text is the source's own bytes, and such a segment merges into the
// previous one when that is a copy too and adjacent.
func (b *builder) push(text []byte, start, end int, same bool) {
	if b.broken && same {
		// blank space at the start of a block separates nothing
		for len(text) > 0 && isBlank(text[:1]) {
			text, start = text[1:], start+1
		}
	}
	if len(text) == 0 || b.broken && isBlank(text) {
		return
	}
	b.broken = false
	if n := len(b.segs); n > 0 && same && b.lastCopy {
		s := &b.segs[n-1]
		if s.Source+s.SourceLen == start {
			s.TextLen += len(text)
			s.SourceLen += len(text)
			b.text = append(b.text, text...)
			b.lastSrc, b.pieceEnd = max(b.lastSrc, end), end
			return
		}
	}
	b.segs = append(b.segs, lint.Segment{Text: len(b.text), TextLen: len(text), Source: start, SourceLen: end - start})
	b.text = append(b.text, text...)
	b.lastSrc, b.pieceEnd = max(b.lastSrc, end), end
	b.lastCopy = same
}

// copy appends source bytes [start, end) as they are.
func (b *builder) copy(start, end int) {
	if start < end {
		b.push(b.src[start:end], start, end, true)
	}
}

// replace appends s as the text of source bytes [start, end): a decoded
// character reference, an escape, a line break.
func (b *builder) replace(s string, start, end int) {
	if s == string(b.src[start:end]) {
		b.copy(start, end)
		return
	}
	b.push([]byte(s), start, end, false)
}

// object appends ObjectReplacement for source [start, end), or anchored
// at the last source offset when start < 0.
func (b *builder) object(start, end int) {
	if b.broken {
		return // an object at the start of a block separates nothing
	}
	n := len(b.text)
	if n >= len(ObjectReplacement) && string(b.text[n-len(ObjectReplacement):]) == ObjectReplacement {
		return
	}
	if start < 0 {
		start, end = b.pieceEnd, b.pieceEnd
	}
	b.push([]byte(ObjectReplacement), start, end, false)
}

// blockBreak ends the current block: it appends BlockSeparator (once,
// and never at the start), then the prose put off for this boundary, each
// piece a block of its own.
func (b *builder) blockBreak() {
	b.separate()
	if len(b.later) == 0 {
		return
	}
	later := b.later
	b.later = nil
	for _, emit := range later {
		emit()
		b.separate()
	}
}

func (b *builder) separate() {
	if b.broken {
		return
	}
	b.segs = append(b.segs, lint.Segment{Text: len(b.text), TextLen: len(BlockSeparator), Source: b.lastSrc})
	b.text = append(b.text, BlockSeparator...)
	b.broken = true
	b.lastCopy = false
}

// defer puts off prose to the next block boundary.
func (b *builder) deferBlock(emit func()) { b.later = append(b.later, emit) }

// suppress records a suppression directive.
func (b *builder) suppress(s lint.Suppression) { b.sups = append(b.sups, s) }

// document finishes the document: the last block ends, and a trailing
// separator is dropped.
func (b *builder) document(f *lint.File) *lint.Document {
	b.blockBreak()
	if b.broken && len(b.segs) > 0 && b.segs[len(b.segs)-1].SourceLen == 0 &&
		b.segs[len(b.segs)-1].TextLen == len(BlockSeparator) {
		b.segs = b.segs[:len(b.segs)-1]
		b.text = b.text[:len(b.text)-len(BlockSeparator)]
	}
	doc := lint.NewDocument(f, b.text, b.segs)
	doc.Suppressions = b.sups
	return doc
}

// endsWithLetter reports whether the prose so far ends with an ASCII
// letter, in the current block.
func (b *builder) endsWithLetter() bool {
	n := len(b.text)
	return n > 0 && !b.broken && (b.text[n-1]|0x20) >= 'a' && (b.text[n-1]|0x20) <= 'z'
}

// isBlank reports whether text is ASCII white space only.
func isBlank(text []byte) bool {
	for _, c := range text {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}
