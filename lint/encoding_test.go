package lint_test

import (
	"bytes"
	"context"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
)

// encodeUTF16 writes s as UTF-16 with a byte order mark.
func encodeUTF16(s string, bigEndian bool) []byte {
	units := utf16.Encode([]rune("\uFEFF" + s))
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// encodeUTF32 writes s as UTF-32 with a byte order mark.
func encodeUTF32(s string, bigEndian bool) []byte {
	var out []byte
	for _, r := range "\uFEFF" + s {
		if bigEndian {
			out = append(out, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		} else {
			out = append(out, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		}
	}
	return out
}

func TestDecodeSource(t *testing.T) {
	text := "35\u00b0C (95\u00b0F) \U0001F321 ok\r\n"
	tests := []struct {
		name string
		src  []byte
		enc  string
	}{
		{"utf-8", []byte(text), ""},
		{"utf-8 bom stays", append([]byte{0xEF, 0xBB, 0xBF}, text...), ""},
		{"utf-16le", encodeUTF16(text, false), lint.EncodingUTF16LE},
		{"utf-16be", encodeUTF16(text, true), lint.EncodingUTF16BE},
		{"utf-32le", encodeUTF32(text, false), lint.EncodingUTF32LE},
		{"utf-32be", encodeUTF32(text, true), lint.EncodingUTF32BE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := lint.DecodeSource(tt.src)
			require.NoError(t, err)
			assert.Equal(t, tt.enc, enc)
			if tt.enc == "" {
				assert.Equal(t, tt.src, got, "UTF-8 is returned as it is")
			} else {
				assert.Equal(t, text, string(got), "decoded, the byte order mark dropped")
			}
		})
	}
	// an unpaired surrogate and an odd trailing byte become U+FFFD
	got, _, err := lint.DecodeSource([]byte{0xFF, 0xFE, 'a', 0, 0x00, 0xD8, 'b', 0, 'c'})
	require.NoError(t, err)
	assert.Equal(t, "a\uFFFDb\uFFFD", string(got))
}

func TestBOMLen(t *testing.T) {
	assert.Equal(t, 3, lint.BOMLen([]byte("\uFEFFx")))
	assert.Equal(t, 0, lint.BOMLen([]byte("x\uFEFF")))
	assert.Equal(t, 0, lint.BOMLen([]byte{0xEF, 0xBB}))
}

func TestBOMTakesNoColumn(t *testing.T) {
	f := lint.NewFile("a.txt", []byte("\uFEFFbad day\nbad"))
	assert.Equal(t, lint.Position{Filename: "a.txt", Offset: 3, Line: 1, Column: 1}, f.Position(3))
	assert.Equal(t, 5, f.Position(7).Column)
	assert.Equal(t, 1, f.Position(1).Column, "inside the mark")
	assert.Equal(t, "bad day", string(f.Line(1)))
	assert.Equal(t, lint.Position{Filename: "a.txt", Offset: 11, Line: 2, Column: 1}, f.Position(11))

	// the text document starts after the mark; offsets stay the file's
	res, err := lint.CheckBytes(context.Background(), "a.txt", f.Source(), []*lint.Analyzer{wordFinder}, lint.Options{})
	require.NoError(t, err)
	assert.Equal(t, "bad day\nbad", string(res.Doc.Text))
	require.Len(t, res.Diagnostics, 2)
	assert.Equal(t, [2]int{3, 6}, [2]int{res.Diagnostics[0].Start, res.Diagnostics[0].End})
	assert.Equal(t, [2]int{11, 14}, [2]int{res.Diagnostics[1].Start, res.Diagnostics[1].End})
	assert.Equal(t, lint.TextEdit{Start: 3, End: 6, NewText: "good"}, res.Diagnostics[0].Fixes[0].Edits[0])
}

// TestRunnerEncodings reads files in every encoding: UTF-16 and UTF-32
// are decoded and say so, positions refer to the decoded text; a BOM, CRLF
// and lone CR line ends shift nothing.
func TestRunnerEncodings(t *testing.T) {
	text := "Line one.\r\nA bad day \u00b0 and a bad night.\r\nbad"
	// positions in the decoded text: "bad" at offsets 13, 30 and 42
	want := []lint.Position{
		{Offset: 13, Line: 2, Column: 3},
		{Offset: 30, Line: 2, Column: 19},
		{Offset: 42, Line: 3, Column: 1},
	}
	tests := []struct {
		name string
		src  []byte
		enc  string
		// shift is the decoded text's offset in the file (the BOM)
		shift int
		want  []lint.Position
	}{
		{"utf-8", []byte(text), "", 0, want},
		{"utf-8 bom", append([]byte("\uFEFF"), text...), "", 3, want},
		{"utf-16le", encodeUTF16(text, false), lint.EncodingUTF16LE, 0, want},
		{"utf-16be", encodeUTF16(text, true), lint.EncodingUTF16BE, 0, want},
		{"utf-32le", encodeUTF32(text, false), lint.EncodingUTF32LE, 0, want},
		{"lone cr", bytes.ReplaceAll([]byte(text), []byte("\r\n"), []byte("\r")), "", 0, []lint.Position{
			{Offset: 12, Line: 2, Column: 3}, {Offset: 29, Line: 2, Column: 19}, {Offset: 40, Line: 3, Column: 1},
		}},
		{"lf", bytes.ReplaceAll([]byte(text), []byte("\r\n"), []byte("\n")), "", 0, []lint.Position{
			{Offset: 12, Line: 2, Column: 3}, {Offset: 29, Line: 2, Column: 19}, {Offset: 40, Line: 3, Column: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &lint.Runner{Analyzers: []*lint.Analyzer{wordFinder}}
			var got *lint.Result
			require.NoError(t, r.Run(context.Background(), []lint.Input{{Path: "f.txt", Src: tt.src}}, func(res *lint.Result) error {
				got = res
				return nil
			}))
			require.NoError(t, got.Err)
			assert.Empty(t, got.Skipped, "UTF-16 has NUL bytes but is not binary")
			assert.Equal(t, tt.enc, got.Encoding)
			require.Len(t, got.Diagnostics, len(tt.want))
			for i, d := range got.Diagnostics {
				p := got.File.Position(d.Start)
				w := tt.want[i]
				assert.Equal(t, w.Offset+tt.shift, p.Offset, "offset %d", i)
				assert.Equal(t, w.Line, p.Line, "line %d", i)
				assert.Equal(t, w.Column, p.Column, "column %d", i)
				assert.Equal(t, "bad", string(got.File.Source()[d.Start:d.End]))
			}
		})
	}
}

func TestRunnerUTF16WithoutBOMIsBinary(t *testing.T) {
	src := encodeUTF16("a bad day", false)[2:]
	r := &lint.Runner{Analyzers: []*lint.Analyzer{wordFinder}}
	var got *lint.Result
	require.NoError(t, r.Run(context.Background(), []lint.Input{{Path: "f.txt", Src: src}}, func(res *lint.Result) error {
		got = res
		return nil
	}))
	assert.Equal(t, "looks like utf-16le without a byte order mark: save it as UTF-8, or with the mark", got.Skipped)
	assert.Empty(t, got.Diagnostics)

	// a UTF-16 file whose text holds a NUL is binary too
	require.NoError(t, r.Run(context.Background(), []lint.Input{{Path: "f.txt", Src: encodeUTF16("bad\x00", false)}}, func(res *lint.Result) error {
		got = res
		return nil
	}))
	assert.Equal(t, lint.ErrBinary.Error(), got.Skipped)
	assert.Equal(t, lint.EncodingUTF16LE, got.Encoding)
}

// TestEncodeSourceRoundTrip: what DecodeSource reads, EncodeSource writes
// back byte for byte, in every encoding with a byte order mark.
func TestEncodeSourceRoundTrip(t *testing.T) {
	text := "It is 35°C (95°F) — “hot”, Ω.\n"
	for _, src := range [][]byte{
		encodeUTF16(text, false), encodeUTF16(text, true), []byte(text),
	} {
		got, name, err := lint.DecodeSource(src)
		require.NoError(t, err)
		assert.Equal(t, text, string(got))
		back, err := lint.EncodeSource(got, name)
		require.NoError(t, err)
		assert.Equal(t, src, back, name)
	}
	_, err := lint.EncodeSource([]byte(text), "ebcdic")
	assert.EqualError(t, err, "encode ebcdic: unknown encoding")
}
