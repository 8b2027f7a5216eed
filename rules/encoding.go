package rules

import (
	"fmt"
	"unicode/utf8"

	"github.com/unitlint/unitlint/lint"
)

// Encoding warns, once per file, that the file is not valid UTF-8: the
// first bad byte is reported and the rest of the file is still linted.
var Encoding = &lint.Analyzer{
	Name:     "encoding",
	Summary:  "the file is not valid UTF-8",
	Severity: lint.SeverityWarning,
	Doc: `unitlint reads UTF-8 (with or without a byte order mark), and UTF-16 or
UTF-32 files that start with a byte order mark. A byte that is not valid
UTF-8 usually means the file was saved in another encoding (Windows-1252,
Latin-1): a no-break space or a degree sign written in it comes out as
garbage, and a number beside it may not be read. The rule reports the first
invalid byte of the file, once; the rest of the file is linted as it is.
Re-save the file as UTF-8 to fix it.`,
	Examples: []lint.Example{
		{Text: "Temperatures hit 35\u00b0C (95\u00b0F) in the capital.", Note: "U+00B0 written in UTF-8"},
		{Text: "Temperatures hit 35\xb0C (95\xb0F) in the capital.", Bad: true, Note: "the degree sign in Latin-1: byte B0 is not UTF-8"},
	},
	Run: func(p *lint.Pass) (any, error) {
		src := p.Doc.File.Source()
		off := lint.ValidUTF8(src)
		if off < 0 {
			return nil, nil
		}
		p.ReportSource(lint.Diagnostic{
			Start:   off,
			End:     off + 1,
			Message: fmt.Sprintf("byte 0x%02X is not valid UTF-8%s: save the file as UTF-8 (it is linted as it is)", src[off], moreInvalid(src[off+1:])),
		})
		return nil, nil
	},
}

// moreInvalid says whether invalid bytes follow the first one.
func moreInvalid(rest []byte) string {
	if !utf8.Valid(rest) {
		return ", nor are later bytes"
	}
	return ""
}
