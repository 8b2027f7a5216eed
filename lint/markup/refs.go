package markup

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// refMode is the syntax of character references (and escapes) in a run
// of prose.
type refMode uint8

const (
	// refMarkdown: CommonMark. Named references need their ";", numeric
	// ones have at most 7 decimal or 6 hexadecimal digits, and a backslash
	// before ASCII punctuation escapes it.
	refMarkdown refMode = iota
	// refHTMLText: HTML text. The legacy names (&nbsp, &amp, &deg ...)
	// are references even without their ";".
	refHTMLText
	// refHTMLAttr: an HTML attribute value. A legacy name without ";" is
	// not a reference before a letter, a digit or "=".
	refHTMLAttr
)

// longestLegacyName is the longest name of a reference that HTML decodes
// without its ";" ("frac34", "middot").
const longestLegacyName = 6

// charRef decodes the character reference that s starts with (s[0] is
// '&'): the text and the number of bytes it takes, or n == 0 when s does
// not start with one. Decoding itself (the entity table, the Windows-1252
// remapping of &#128;..&#159;, U+FFFD for invalid code points) is
// golang.org/x/net/html's; this function finds where a reference ends.
func charRef(s []byte, mode refMode) (string, int) {
	if len(s) < 3 || s[0] != '&' {
		return "", 0
	}
	if s[1] == '#' {
		return numericRef(s, mode)
	}
	k := 1
	for k < len(s) && isAlnum(s[k]) {
		k++
	}
	name := string(s[1:k])
	if name == "" {
		return "", 0
	}
	if k < len(s) && s[k] == ';' {
		in := "&" + name + ";"
		if out := html.UnescapeString(in); out != in && !strings.HasSuffix(out, in[len(in)-2:]) {
			return out, k + 1
		}
	}
	if mode == refMarkdown {
		return "", 0
	}
	// a legacy name without ";", the longest that is one
	for l := min(len(name), longestLegacyName); l >= 2; l-- {
		in := "&" + name[:l]
		out := html.UnescapeString(in)
		if out == in || isAlnum(out[len(out)-1]) {
			continue // not decoded, or decoded a shorter prefix
		}
		if mode == refHTMLAttr && 1+l < len(s) && (isAlnum(s[1+l]) || s[1+l] == '=') {
			return "", 0
		}
		return out, 1 + l
	}
	return "", 0
}

// numericRef decodes "&#1234;" or "&#x4D2;".
func numericRef(s []byte, mode refMode) (string, int) {
	k, base := 2, 10
	if k < len(s) && (s[k] == 'x' || s[k] == 'X') {
		k, base = 3, 16
	}
	start := k
	v := 0
	for k < len(s) && isDigitIn(s[k], base) {
		if v <= utf8.MaxRune {
			v = v*base + digitValue(s[k])
		}
		k++
	}
	digits := k - start
	if digits == 0 {
		return "", 0
	}
	semicolon := k < len(s) && s[k] == ';'
	if mode == refMarkdown {
		if !semicolon || base == 10 && digits > 7 || base == 16 && digits > 6 {
			return "", 0
		}
	}
	if semicolon {
		k++
	}
	if v > utf8.MaxRune {
		v = utf8.MaxRune + 1
	}
	return html.UnescapeString("&#" + strconv.Itoa(v) + ";"), k
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || (c|0x20) >= 'a' && (c|0x20) <= 'z'
}

func digitValue(c byte) int {
	if c <= '9' {
		return int(c - '0')
	}
	return int(c|0x20-'a') + 10
}

func isDigitIn(c byte, base int) bool {
	if c >= '0' && c <= '9' {
		return true
	}
	return base == 16 && (c|0x20) >= 'a' && (c|0x20) <= 'f'
}

// isASCIIPunct reports whether c may be backslash-escaped in CommonMark.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// prose appends buffer bytes [start, end) of v to b as prose: character
// references decoded, backslash escapes resolved (Markdown), and URLs
// replaced by ObjectReplacement when urls is set.
func (b *builder) prose(v *view, start, end int, mode refMode, urls bool) {
	buf := v.buf
	run := start // start of the bytes not yet emitted
	for i := start; i < end; {
		c := buf[i]
		switch {
		case c == '&':
			if s, n := charRef(buf[i:end], mode); n > 0 {
				v.copyTo(b, run, i)
				b.replace(s, v.src(i), v.srcEnd(i+n))
				i += n
				run = i
				continue
			}
		case c == '\\' && mode == refMarkdown:
			if i+1 < end && isASCIIPunct(buf[i+1]) {
				v.copyTo(b, run, i)
				b.replace(string(buf[i+1]), v.src(i), v.srcEnd(i+2))
				i += 2
				run = i
				continue
			}
		case urls && (c == 'h' || c == 'H' || c == 'w' || c == 'W'):
			if n := urlAt(buf[:end], i); n > 0 {
				v.copyTo(b, run, i)
				b.object(v.src(i), v.srcEnd(i+n))
				i += n
				run = i
				continue
			}
		}
		i++
	}
	v.copyTo(b, run, end)
}

// urlAt returns the length of the URL starting at buf[i] ("http://",
// "https://" or "www." after a non-word byte), without trailing
// punctuation, or 0.
func urlAt(buf []byte, i int) int {
	if i > 0 && (isAlnum(buf[i-1]) || buf[i-1] == '/' || buf[i-1] == '.') {
		return 0
	}
	rest := buf[i:]
	var head int
	switch {
	case hasPrefixFold(rest, "https://"):
		head = len("https://")
	case hasPrefixFold(rest, "http://"):
		head = len("http://")
	case hasPrefixFold(rest, "www."):
		head = len("www.")
	default:
		return 0
	}
	n := head
	for n < len(rest) && !isURLStop(rest[n]) {
		n++
	}
	// trailing punctuation ends the sentence, not the URL; a ")" closes
	// the URL's own "(" if it has one
	opens := bytes.Count(rest[:n], []byte("("))
	closes := bytes.Count(rest[:n], []byte(")"))
	for n > head && strings.IndexByte(".,:;!?'\")]", rest[n-1]) >= 0 {
		if rest[n-1] == ')' {
			if opens >= closes {
				break
			}
			closes--
		}
		n--
	}
	if n == head {
		return 0
	}
	return n
}

func isURLStop(c byte) bool {
	return c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`'
}

// hasPrefixFold reports whether b starts with the lower-case ASCII prefix,
// ignoring case.
func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c |= 0x20
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
