// Package markup turns a Markdown or HTML file into the prose the rules
// read: a lint.Document whose Text is the text a reader reads, with markup
// removed and character references decoded, and whose segment map takes
// every byte of Text back to the exact bytes of the file that produced it.
//
// What is prose: paragraphs, headings, list items, table cells, block
// quotes, link text, image alt text, the alt and title attributes of HTML
// elements, and the title, description and summary of a Markdown file's
// YAML or TOML front matter. What is not: code blocks and code spans, link
// and image destinations, URLs, HTML tags and other attribute values,
// <script>, <style>, <pre>, <code>, and the rest of the front matter.
//
// Inline markup leaves no trace in Text, so a pair split by it still pairs:
// "**100,000 sq km** (453 sq miles)" reads "100,000 sq km (453 sq miles)".
// Blocks are joined by BlockSeparator and inline objects that are not prose
// (a code span, a URL, an image) are replaced by ObjectReplacement, so
// that no pair joins across them. Markdown and HTML comments may hold
// suppression directives (<!-- unitlint-disable-next-line -->), which the
// parsers record on the document.
package markup

import (
	"fmt"
	"maps"
	"path/filepath"
	"strings"

	"github.com/unitlint/unitlint/lint"
)

// Kind is a file's markup. The names are those of the configuration file.
type Kind string

// Markup kinds.
const (
	Text     Kind = "text"
	Markdown Kind = "markdown"
	HTML     Kind = "html"
)

// Text separators.
const (
	// BlockSeparator stands in Text between the prose of two blocks
	// (paragraphs, headings, list items, table cells, alt text). It holds
	// U+2029 PARAGRAPH SEPARATOR between two line feeds: blank space to a
	// reader, but not a space the pair finder skips, so no pair joins two
	// blocks. It maps to no source bytes.
	BlockSeparator = "\n\u2029\n"
	// ObjectReplacement (U+FFFC) stands in Text for an inline object that
	// is not prose, such as a code span, a URL or an image, so that the
	// prose on either side does not join. It maps to the object's source
	// bytes when they are known.
	ObjectReplacement = "\uFFFC"
)

// ParseKind reads a markup name: "text" (or "txt", "plain"), "markdown"
// (or "md") or "html" (or "htm").
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	}
	return "", fmt.Errorf("unknown markup %q (want text, markdown or html)", s)
}

// DefaultExtensions returns the default mapping of file extensions to
// markup: .txt is text, .md and .markdown Markdown, .html and .htm HTML.
// The map is the caller's to change.
func DefaultExtensions() map[string]Kind {
	return map[string]Kind{
		".txt":      Text,
		".md":       Markdown,
		".markdown": Markdown,
		".html":     HTML,
		".htm":      HTML,
	}
}

// KindOf returns the markup of path by its extension, looked up
// case-insensitively in exts (keys are extensions with or without the
// leading dot: ".md" or "md"); a nil exts means DefaultExtensions. ok is
// false for an extension exts does not list.
func KindOf(path string, exts map[string]Kind) (kind Kind, ok bool) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return "", false
	}
	if exts == nil {
		exts = DefaultExtensions()
	}
	if k, ok := exts[ext]; ok {
		return k, true
	}
	if k, ok := exts[ext[1:]]; ok {
		return k, true
	}
	// an upper-case key in a caller's map
	for key, k := range maps.All(exts) {
		if strings.EqualFold(strings.TrimPrefix(key, "."), ext[1:]) {
			return k, true
		}
	}
	return "", false
}

// ForPath returns the parser for path by its extension (see KindOf). A file
// with an extension exts does not list is read as plain text: a directory
// walk decides which files to lint, and a file named on the command line
// is linted whatever its name.
func ForPath(path string, exts map[string]Kind) lint.ParseFunc {
	if k, ok := KindOf(path, exts); ok {
		return k.Parser()
	}
	return lint.ParseText
}

// Parser returns the kind's ParseFunc; an unknown kind reads plain text.
func (k Kind) Parser() lint.ParseFunc {
	switch k {
	case Markdown:
		return ParseMarkdown
	case HTML:
		return ParseHTML
	}
	return lint.ParseText
}
