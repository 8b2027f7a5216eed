package server

import (
	"net/http"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
)

// parserFor returns the parser of a request's format: "txt", "md" or
// "html" (and the other names markup.ParseKind reads: "text",
// "markdown", "htm"). An unknown format is a 400.
func parserFor(format string) (lint.ParseFunc, error) {
	kind, err := markup.ParseKind(format)
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "unknown format %q: want txt, md or html", format)
	}
	return kind.Parser(), nil
}
