package markup

import (
	"bytes"
	"context"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/unitlint/unitlint/lint"
)

// ParseHTML is the lint.ParseFunc of HTML files. It reads the file with
// golang.org/x/net/html's tokenizer, keeping the byte offset of every
// token: text is prose (character references decoded, URLs replaced by
// ObjectReplacement); block elements separate it; inline elements (<b>,
// <a>, <span> ...) leave no trace, so a pair they split still pairs; the
// content of <script>, <style>, <pre>, <code>, <kbd>, <samp>, <textarea>,
// <template>, <svg> and <math> is not prose; alt and title attributes,
// and the content of a description <meta>, are prose blocks of their own.
// Comments may hold suppression directives.
func ParseHTML(ctx context.Context, f *lint.File) (*lint.Document, error) {
	src := f.Source()
	start := lint.BOMLen(src)
	b := newBuilder(src, start)
	h := &htmlWalker{b: b, stop: ctx.Err}
	h.walk(sourceView(src, start, len(src)))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return b.document(f), nil
}

// element is how the walker treats an element.
type element uint8

const (
	elemBlock  element = iota // separates blocks (the default, and for unknown elements)
	elemInline                // leaves no trace: <b>, <a>, <span> ...
	elemRaw                   // content never prose: <script>, <pre> ...
	elemCode                  // inline, content not prose: <code>, <kbd> ...
	elemObject                // inline object, no content: <img>, <video> ...
	elemBreak                 // a line break: <br>
	elemSup                   // superscript: see htmlWalker.startTag
	elemMeta                  // <meta>: a description's content is prose
)

// elementOf classifies an element by its name.
func elementOf(a atom.Atom) element {
	switch a {
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Big, atom.Cite, atom.Data, atom.Del,
		atom.Dfn, atom.Em, atom.Font, atom.I, atom.Ins, atom.Label, atom.Mark, atom.Nobr, atom.Q,
		atom.Rb, atom.Rp, atom.Rt, atom.Rtc, atom.Ruby, atom.S, atom.Small, atom.Span, atom.Strike,
		atom.Strong, atom.Sub, atom.Time, atom.Tt, atom.U, atom.Wbr, atom.Picture, atom.Source, atom.Track:
		return elemInline
	case atom.Script, atom.Style, atom.Pre, atom.Textarea, atom.Template, atom.Svg, atom.Math,
		atom.Noscript, atom.Iframe, atom.Noembed, atom.Noframes, atom.Xmp, atom.Plaintext, atom.Listing:
		return elemRaw
	case atom.Code, atom.Kbd, atom.Samp, atom.Var:
		return elemCode
	case atom.Img, atom.Input, atom.Video, atom.Audio, atom.Object, atom.Embed, atom.Canvas, atom.Area:
		return elemObject
	case atom.Br:
		return elemBreak
	case atom.Sup:
		return elemSup
	case atom.Meta:
		return elemMeta
	}
	return elemBlock
}

// htmlWalker reads HTML into a builder: a whole HTML file, or, for a
// Markdown file, each HTML block and each inline tag in turn (so its state
// carries from a Markdown "<code>" to the "</code>" after the text).
type htmlWalker struct {
	b *builder
	// raw is the depth inside elements whose content is never prose.
	raw int
	// code is the depth inside inline elements whose content is not
	// prose: <code>, and <sup> as a footnote mark.
	code int
	// sups says, for each open <sup>, whether its content is skipped.
	sups []bool
	// stop, when set, returns the error of a cancelled parse (ctx.Err);
	// the walk looks at it every stopEvery tokens and ends once it is not
	// nil.
	stop func() error
}

// stopEvery is how many tokens (HTML) or lines (Markdown) a parse reads
// between two looks at its context: a few microseconds of work.
const stopEvery = 256

// stopped reports whether the parse was cancelled.
func (h *htmlWalker) stopped() bool { return h.stop != nil && h.stop() != nil }

// skipping reports whether text here is not prose.
func (h *htmlWalker) skipping() bool { return h.raw > 0 || h.code > 0 }

// reset forgets open inline elements at a block boundary (an unclosed
// <code> does not swallow the next paragraph); raw elements are kept
// unless all is set (a Markdown block has ended).
func (h *htmlWalker) reset(all bool) {
	h.code = 0
	h.sups = h.sups[:0]
	if all {
		h.raw = 0
	}
}

// walk reads v as HTML.
func (h *htmlWalker) walk(v *view) {
	z := html.NewTokenizer(bytes.NewReader(v.buf))
	off := 0
	for n := 1; ; n++ {
		tt := z.Next()
		if tt == html.ErrorToken {
			// io.EOF: the tokenizer reads from memory and has no size limit
			return
		}
		if n%stopEvery == 0 && h.stopped() {
			return
		}
		start := off
		off += len(z.Raw())
		switch tt {
		case html.TextToken:
			if !h.skipping() {
				h.b.prose(v, start, off, refHTMLText, true)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			h.startTag(z, v, start, off, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			h.endTag(atom.Lookup(name))
		case html.CommentToken:
			h.comment(v, start, off, z.Text())
		}
	}
}

func (h *htmlWalker) startTag(z *html.Tokenizer, v *view, start, end int, selfClosing bool) {
	name, hasAttr := z.TagName()
	a := atom.Lookup(name)
	// the attributes that may be prose or say so, with their index
	var attrs []tagAttr
	for i := 0; hasAttr; i++ {
		var key, val []byte
		key, val, hasAttr = z.TagAttr()
		switch string(key) {
		case "alt", "title", "content", "name", "property":
			attrs = append(attrs, tagAttr{i: i, key: string(key), val: string(val)})
		}
	}
	switch elementOf(a) {
	case elemRaw:
		h.b.blockBreak()
		if !selfClosing {
			h.raw++
		}
		return
	case elemCode:
		if !h.skipping() {
			h.b.object(v.src(start), v.srcEnd(end))
		}
		if !selfClosing {
			h.code++
		}
	case elemSup:
		// "km<sup>2</sup>" is a unit's power and reads "km2"; after
		// anything else ("10<sup>6</sup>", "said<sup>[3]</sup>") a
		// superscript is an exponent or a footnote mark, not prose.
		if selfClosing {
			break
		}
		skip := !h.b.endsWithLetter()
		h.sups = append(h.sups, skip)
		if skip {
			if !h.skipping() {
				h.b.object(v.src(start), v.srcEnd(end))
			}
			h.code++
		}
	case elemBreak:
		if !h.skipping() {
			h.b.replace("\n", v.src(start), v.srcEnd(end))
		}
	case elemObject:
		if !h.skipping() {
			h.b.object(v.src(start), v.srcEnd(end))
		}
	case elemInline, elemMeta:
	default:
		h.reset(false)
		h.b.blockBreak()
	}
	if len(attrs) > 0 && !h.skipping() {
		h.attributes(v, start, end, a, attrs)
	}
}

func (h *htmlWalker) endTag(a atom.Atom) {
	switch elementOf(a) {
	case elemRaw:
		if h.raw > 0 {
			h.raw--
		}
		h.b.blockBreak()
	case elemCode:
		if h.code > 0 {
			h.code--
		}
	case elemSup:
		if n := len(h.sups); n > 0 {
			if h.sups[n-1] && h.code > 0 {
				h.code--
			}
			h.sups = h.sups[:n-1]
		}
	case elemInline, elemBreak, elemObject, elemMeta:
	default:
		h.reset(false)
		h.b.blockBreak()
	}
}

// tagAttr is an attribute of a tag as the tokenizer reads it: its index
// among the tag's attributes, its lower-case name and its decoded value.
type tagAttr struct {
	i        int
	key, val string
}

// attributes puts off the prose attributes of a start tag (alt, title, a
// description <meta>'s content) to the next block boundary.
func (h *htmlWalker) attributes(v *view, start, end int, a atom.Atom, attrs []tagAttr) {
	var spans []attrSpan
	for _, at := range attrs {
		if !proseAttr(a, at.key, attrs) {
			continue
		}
		if spans == nil {
			spans = scanAttrs(v.buf[start:end])
		}
		// the tokenizer's attribute i is the scanner's, when both read the
		// tag alike; if not, the value is not linted rather than mislocated
		i := at.i
		if i >= len(spans) || !strings.EqualFold(string(spans[i].name), at.key) {
			continue
		}
		s, e := start+spans[i].start, start+spans[i].end
		if decodeRefs(v.buf[s:e], refHTMLAttr) != at.val {
			continue
		}
		h.b.deferBlock(func() { h.b.prose(v, s, e, refHTMLAttr, true) })
	}
}

// proseAttr reports whether attribute key of element a is prose.
func proseAttr(a atom.Atom, key string, attrs []tagAttr) bool {
	switch key {
	case "alt", "title":
		return true
	case "content":
		if a != atom.Meta {
			return false
		}
		for _, at := range attrs {
			if at.key != "name" && at.key != "property" {
				continue
			}
			switch strings.ToLower(at.val) {
			case "description", "og:title", "og:description", "twitter:title", "twitter:description":
				return true
			}
		}
	}
	return false
}

// decodeRefs decodes the character references of b.
func decodeRefs(b []byte, mode refMode) string {
	var out strings.Builder
	for i := 0; i < len(b); {
		if b[i] == '&' {
			if s, n := charRef(b[i:], mode); n > 0 {
				out.WriteString(s)
				i += n
				continue
			}
		}
		out.WriteByte(b[i])
		i++
	}
	return out.String()
}

// comment records a suppression directive.
func (h *htmlWalker) comment(v *view, start, end int, data []byte) {
	if !bytes.Contains(data, []byte("unitlint-")) {
		return
	}
	kind, rules, ok := lint.ParseDirective(string(data))
	if !ok {
		return
	}
	h.b.suppress(lint.Suppression{Kind: kind, Start: v.src(start), End: v.srcEnd(end), Rules: rules})
}
