package lint

import "sort"

// Document is the prose of a source file as the rules see it: Text is what
// a reader reads (for plain text, the file itself; for Markdown and HTML,
// the prose runs with markup removed and entities decoded), and a segment
// map takes every byte offset of Text back to the source file.
type Document struct {
	File *File
	Text []byte
	// Suppressions are the document's inline suppression directives, in
	// source order; Analyze drops the diagnostics they cover.
	Suppressions []Suppression
	segs         []Segment
}

// Segment maps Text[Text:Text+TextLen] to Source[Source:Source+SourceLen].
// When the lengths are equal the bytes correspond one to one; otherwise
// (a decoded entity) offsets inside map to the segment's start, and its
// end to the source end.
type Segment struct {
	Text, TextLen     int
	Source, SourceLen int
}

// NewTextDocument returns the document of a plain-text file: Text is the
// source itself, after a UTF-8 byte order mark if there is one, and each
// line containing "unitlint:ignore" is a suppression.
func NewTextDocument(f *File) *Document {
	bom := BOMLen(f.Source())
	n := f.Size() - bom
	return &Document{File: f, Text: f.Source()[bom:], segs: []Segment{{0, n, bom, n}},
		Suppressions: TextSuppressions(f.Source(), bom)}
}

// NewDocument returns a document with the given prose text and segment
// map. Segments must be sorted by Text offset and must not overlap.
func NewDocument(f *File, text []byte, segs []Segment) *Document {
	return &Document{File: f, Text: text, segs: segs}
}

// Segments returns the segment map.
func (d *Document) Segments() []Segment { return d.segs }

// SourceOffset maps a byte offset of Text to a byte offset of the source
// file. An offset at the end of a segment maps to the end of its source
// span, so a span [start, end) of Text maps to the source bytes that
// produced it.
func (d *Document) SourceOffset(off int) int {
	if len(d.segs) == 0 {
		return off
	}
	// the last segment starting at or before off
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].Text > off }) - 1
	if i < 0 {
		return d.segs[0].Source
	}
	s := d.segs[i]
	rel := off - s.Text
	switch {
	case rel > s.TextLen:
		return s.Source + s.SourceLen
	case s.TextLen == s.SourceLen:
		return s.Source + rel
	case rel == s.TextLen:
		return s.Source + s.SourceLen
	default:
		return s.Source
	}
}

// SourceSpan maps a span of Text to the source span, so that an end offset
// lying on a segment boundary maps to the end of the previous segment.
func (d *Document) SourceSpan(start, end int) (int, int) {
	s := d.SourceOffset(start)
	if end <= start {
		return s, s
	}
	e := d.SourceOffset(end-1) + 1
	// the last byte may lie in an entity: take its whole source span
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].Text > end-1 }) - 1
	if i >= 0 {
		seg := d.segs[i]
		if seg.TextLen != seg.SourceLen && end-1 < seg.Text+seg.TextLen {
			e = seg.Source + seg.SourceLen
		}
	}
	return s, e
}
