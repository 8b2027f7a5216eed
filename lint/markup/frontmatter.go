package markup

import (
	"bytes"
	"strings"
	"unicode/utf8"

	// go-toml's parser is the one TOML parser that says where each value
	// is in the input; "unstable" means its API may change between minor
	// versions, and go.mod pins the version.
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// proseKeys are the front-matter keys whose values are prose.
var proseKeys = [...]string{"title", "description", "summary"}

func isProseKey(k string) bool {
	for _, p := range proseKeys {
		if strings.EqualFold(k, p) {
			return true
		}
	}
	return false
}

// frontMatter is the YAML or TOML block at the start of a Markdown file.
type frontMatter struct {
	src          []byte
	toml         bool
	content, end int // the block's content: src[content:end]
	body         int // where the Markdown after it starts
}

// findFrontMatter finds front matter at offset start of src: a first line
// "---" (YAML) or "+++" (TOML), up to a line "---" or "..." (YAML) or
// "+++" (TOML). Without the closing line there is none.
func findFrontMatter(src []byte, start int) (frontMatter, bool) {
	first, next := lineAt(src, start)
	var closers []string
	fm := frontMatter{src: src, content: next}
	switch string(bytes.TrimRight(first, " \t")) {
	case "---":
		closers = []string{"---", "..."}
	case "+++":
		closers = []string{"+++"}
		fm.toml = true
	default:
		return fm, false
	}
	for off := next; off < len(src); {
		line, after := lineAt(src, off)
		for _, c := range closers {
			if string(bytes.TrimRight(line, " \t")) == c {
				fm.end, fm.body = off, after
				return fm, true
			}
		}
		off = after
	}
	return fm, false
}

// lineAt returns the line at off without its line end, and the offset of
// the next line.
func lineAt(src []byte, off int) ([]byte, int) {
	for i := off; i < len(src); i++ {
		switch src[i] {
		case '\n':
			return src[off:i], i + 1
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				return src[off:i], i + 2
			}
			return src[off:i], i + 1
		}
	}
	return src[off:], len(src)
}

// emit adds the prose values of the front matter to b, a block each. A
// front matter that does not parse adds nothing: it is not prose, and
// reporting its syntax is not unitlint's job.
func (fm frontMatter) emit(b *builder) {
	content := fm.src[fm.content:fm.end]
	if fm.toml {
		fm.emitTOML(b, content)
	} else {
		fm.emitYAML(b, content)
	}
	b.blockBreak()
}

func (fm frontMatter) emitYAML(b *builder, content []byte) {
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil || len(doc.Content) == 0 {
		return
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.ScalarNode || !isProseKey(k.Value) {
			continue
		}
		off := fm.content + yamlOffset(content, v.Line, v.Column)
		var style scalarStyle
		switch v.Style {
		case yaml.DoubleQuotedStyle:
			off++
			style = escaped
		case yaml.SingleQuotedStyle:
			off++
			style = quoteDoubled
		case yaml.LiteralStyle, yaml.FoldedStyle:
			_, off = lineAt(fm.src, off) // the value starts on the next line
		}
		fm.value(b, off, v.Value, style)
	}
}

func (fm frontMatter) emitTOML(b *builder, content []byte) {
	var p unstable.Parser
	p.Reset(content)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.KeyValue {
			if e.Kind == unstable.Table || e.Kind == unstable.ArrayTable {
				return // only top-level keys
			}
			continue
		}
		v := e.Value()
		key := e.Key()
		if !key.Next() || v.Kind != unstable.String {
			continue
		}
		name := string(key.Node().Data)
		if key.Next() || !isProseKey(name) {
			continue // a dotted key
		}
		off := fm.content + int(v.Raw.Offset)
		raw := content[v.Raw.Offset : v.Raw.Offset+v.Raw.Length]
		style := verbatim // a literal string: '...' or '''...'''
		if raw[0] == '"' {
			style = escaped
		}
		switch {
		case bytes.HasPrefix(raw, []byte(`"""`)) || bytes.HasPrefix(raw, []byte(`'''`)):
			off += 3
			// a line end right after the opening delimiter is trimmed
			if bytes.HasPrefix(fm.src[off:], []byte("\r\n")) {
				off += 2
			} else if off < len(fm.src) && fm.src[off] == '\n' {
				off++
			}
		default:
			off++
		}
		fm.value(b, off, string(v.Data), style)
	}
}

// value emits a decoded scalar val whose text starts at source offset
// off, as a block of its own, mapping it back to the source by aligning
// the two. A value that does not align is not linted.
func (fm frontMatter) value(b *builder, off int, val string, style scalarStyle) {
	ops, ok := align(fm.src, off, fm.end, val, style)
	if !ok {
		return
	}
	b.blockBreak()
	for _, o := range ops {
		b.replace(val[o.text:o.text+o.textLen], o.src, o.src+o.srcLen)
	}
	b.blockBreak()
}

// scalarStyle is how a string value is quoted in the source.
type scalarStyle uint8

const (
	verbatim     scalarStyle = iota // plain, block or literal: no escapes
	escaped                         // YAML "..." or TOML "...": backslash escapes
	quoteDoubled                    // YAML '...': '' is a quote
)

// alignOp maps val[text:text+textLen] to src[src:src+srcLen].
type alignOp struct{ text, textLen, src, srcLen int }

// align maps a decoded YAML or TOML string value back to its source,
// which starts at src[i] (after any opening quote): bytes that match are
// one to one; an escape ("\u00b0", "\n", a doubled quote) maps to the character it
// stands for; a run of spaces and line breaks that folding turned into a
// space or a line feed maps to that; indentation maps to nothing.
func align(src []byte, i, limit int, val string, style scalarStyle) ([]alignOp, bool) {
	var ops []alignOp
	same := false // the last op is a run of matching bytes
	add := func(j, tl, s, sl int, match bool) {
		if n := len(ops); n > 0 && match && same {
			o := &ops[n-1]
			if o.text+o.textLen == j && o.src+o.srcLen == s {
				o.textLen += tl
				o.srcLen += sl
				return
			}
		}
		ops = append(ops, alignOp{j, tl, s, sl})
		same = match
	}
	for j := 0; j < len(val); {
		if i >= limit {
			return nil, false
		}
		c := src[i]
		switch {
		case c == '\\' && style == escaped && i+1 < limit:
			n := 2
			switch src[i+1] {
			case '\n', '\r', ' ', '\t':
				// a line continuation (a backslash, maybe blanks, a line
				// break): the break and the indentation after it; else
				// YAML's "\ ", an escaped blank
				k := i + 1
				for k < limit && (src[k] == ' ' || src[k] == '\t') {
					k++
				}
				if k < limit && (src[k] == '\n' || src[k] == '\r') {
					for k < limit && isSpaceOrBreak(src[k]) {
						k++
					}
					i = k
					continue
				}
			case 'x':
				n = 4
			case 'u':
				n = 6
			case 'U':
				n = 10
			}
			_, size := utf8.DecodeRuneInString(val[j:])
			add(j, size, i, min(n, limit-i), false)
			i += n
			j += size
		case c == '\'' && style == quoteDoubled && i+1 < limit && src[i+1] == '\'' && val[j] == '\'':
			add(j, 1, i, 2, false)
			i += 2
			j++
		case c == val[j]:
			add(j, 1, i, 1, true)
			i++
			j++
		case (val[j] == ' ' || val[j] == '\n') && isSpaceOrBreak(c):
			si, sj := i, j
			for i < limit && isSpaceOrBreak(src[i]) {
				i++
			}
			for j < len(val) && (val[j] == ' ' || val[j] == '\n') {
				j++
			}
			add(sj, j-sj, si, i-si, false)
		case c == ' ' || c == '\t':
			i++ // indentation
		default:
			return nil, false
		}
	}
	return ops, true
}

func isSpaceOrBreak(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// yamlOffset returns the byte offset of a YAML node's 1-based line and
// column (in characters) in content. YAML ends lines at "\n", "\r\n" and
// "\r", and at U+0085, U+2028 and U+2029.
func yamlOffset(content []byte, line, col int) int {
	off := 0
	for l := 1; l < line && off < len(content); {
		r, n := utf8.DecodeRune(content[off:])
		off += n
		switch r {
		case '\r':
			if off < len(content) && content[off] == '\n' {
				off++
			}
			l++
		case '\n', '\u0085', '\u2028', '\u2029':
			l++
		}
	}
	for c := 1; c < col && off < len(content); c++ {
		_, n := utf8.DecodeRune(content[off:])
		off += n
	}
	return off
}
