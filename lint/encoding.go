package lint

import (
	"bytes"
	"fmt"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Encodings a source file can be decoded from. UTF-8 (with or without a
// byte order mark) is read as it is, so positions are byte offsets of the
// file; the others are decoded to UTF-8 first, and positions then refer to
// the decoded text (Result.Encoding says so).
const (
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
	EncodingUTF32LE = "utf-32le"
	EncodingUTF32BE = "utf-32be"
)

// utf8BOM is the UTF-8 encoding of U+FEFF, the byte order mark.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// BOMLen returns the length of a UTF-8 byte order mark at the start of
// src: 3 or 0. The mark is not prose: documents start after it, and
// columns on the first line are counted from it.
func BOMLen(src []byte) int {
	if bytes.HasPrefix(src, utf8BOM) {
		return len(utf8BOM)
	}
	return 0
}

// DecodeSource returns the UTF-8 text of a file's bytes and the encoding it
// was decoded from: a file that starts with a UTF-32 or UTF-16 byte order
// mark is decoded (the mark dropped, invalid sequences replaced by U+FFFD)
// and its encoding named; anything else is returned as it is, with "" for
// the encoding. The UTF-32 marks are tested first, since FF FE 00 00 also
// begins with the UTF-16 LE mark.
func DecodeSource(src []byte) ([]byte, string, error) {
	var name string
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0x00, 0x00}):
		name = EncodingUTF32LE
	case bytes.HasPrefix(src, []byte{0x00, 0x00, 0xFE, 0xFF}):
		name = EncodingUTF32BE
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		name = EncodingUTF16LE
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		name = EncodingUTF16BE
	default:
		return src, "", nil
	}
	text, err := encodingOf(name).NewDecoder().Bytes(src)
	if err != nil {
		return nil, name, fmt.Errorf("decode %s: %w", name, err)
	}
	return text, name, nil
}

// encodingOf returns the encoding (with its byte order mark) a name of
// DecodeSource stands for, or nil.
func encodingOf(name string) encoding.Encoding {
	switch name {
	case EncodingUTF32LE:
		return utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)
	case EncodingUTF32BE:
		return utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)
	case EncodingUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case EncodingUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return nil
}

// EncodeSource is the inverse of DecodeSource: it writes UTF-8 text in the
// named encoding, with its byte order mark ("" returns text as it is), so
// that a fixed file keeps the encoding it was written in.
func EncodeSource(text []byte, name string) ([]byte, error) {
	if name == "" {
		return text, nil
	}
	enc := encodingOf(name)
	if enc == nil {
		return nil, fmt.Errorf("encode %s: unknown encoding", name)
	}
	out, err := enc.NewEncoder().Bytes(text)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", name, err)
	}
	return out, nil
}

// LooksUTF16 returns the UTF-16 encoding src seems to be written in
// without a byte order mark (EncodingUTF16LE or EncodingUTF16BE), or "".
// Text in a Latin script written in UTF-16 has a NUL in nine bytes out of
// ten on one side of each pair of bytes and almost none on the other; no
// binary format looks like that across its first kilobytes. Such a file is
// not decoded on a guess: the runner skips it with a notice that says what
// it looks like.
func LooksUTF16(src []byte) string {
	head := src[:min(len(src), 8<<10)]
	pairs := len(head) / 2
	if pairs < 2 {
		return ""
	}
	var even, odd int // NULs at even and odd offsets
	for i := 0; i+1 < len(head); i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= pairs*9 && even*10 <= pairs:
		return EncodingUTF16LE
	case even*10 >= pairs*9 && odd*10 <= pairs:
		return EncodingUTF16BE
	}
	return ""
}
