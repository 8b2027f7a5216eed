package lint_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint"
)

func TestLooksUTF16(t *testing.T) {
	text := "The zone covers 100,000 sq km (453 sq miles) of farmland, the café said.\n"
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66")
	for _, tt := range []struct {
		name string
		src  []byte
		want string
	}{
		{"little-endian", encodeUTF16(text, false)[2:], lint.EncodingUTF16LE},
		{"big-endian", encodeUTF16(text, true)[2:], lint.EncodingUTF16BE},
		{"a PNG", png, ""},
		{"NULs only", make([]byte, 64), ""},
		{"one NUL in text", []byte("a 5 km\x00 walk (3 miles)"), ""},
		{"too short", []byte{'a', 0}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, lint.LooksUTF16(tt.src))
		})
	}
}
