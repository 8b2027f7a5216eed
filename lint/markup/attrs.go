package markup

// attrSpan is an attribute of a raw start tag: its name as written and
// the byte span of its value inside the tag (quotes excluded).
type attrSpan struct {
	name       []byte
	start, end int
}

// scanAttrs finds the attributes of a raw start tag ("<img alt=...>") the
// way the HTML tokenizer reads them (WHATWG "before attribute name" and
// following states). golang.org/x/net/html gives the names and decoded
// values but not where the values are, which the segment map needs; the
// caller checks each value against the tokenizer's.
func scanAttrs(raw []byte) []attrSpan {
	i := 1
	// the tag name
	for i < len(raw) && !isHTMLSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	var out []attrSpan
	for i < len(raw) {
		for i < len(raw) && (isHTMLSpace(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			break
		}
		// the name: its first byte may be '='
		ns := i
		i++
		for i < len(raw) && !isHTMLSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' && raw[i] != '=' {
			i++
		}
		a := attrSpan{name: raw[ns:i], start: i, end: i}
		for i < len(raw) && isHTMLSpace(raw[i]) {
			i++
		}
		if i >= len(raw) || raw[i] != '=' {
			out = append(out, a)
			continue
		}
		i++
		for i < len(raw) && isHTMLSpace(raw[i]) {
			i++
		}
		if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
			q := raw[i]
			i++
			a.start = i
			for i < len(raw) && raw[i] != q {
				i++
			}
			a.end = i
			if i < len(raw) {
				i++
			}
		} else {
			a.start = i
			for i < len(raw) && !isHTMLSpace(raw[i]) && raw[i] != '>' {
				i++
			}
			a.end = i
		}
		out = append(out, a)
	}
	return out
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
