package units

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Trie symbols. Spellings and text are read as a stream of symbols: ASCII
// letters fold to lower case, a run of spaces is one symSpace, "°" and "º"
// are one symDegree, ASCII control bytes are symNone (which no spelling
// contains), and every other byte stands for itself.
const (
	symSpace  = ' '
	symDegree = 0x01
	symNone   = 0xFF
)

// pattern is the matching form of one spelling.
type pattern struct {
	text     string
	cs       bool // case-sensitive: verify the exact bytes after the trie walk
	boundary bool // ends in a letter or digit: needs a word boundary after it
}

func newPattern(text string, caseSensitive bool) pattern {
	last, _ := utf8.DecodeLastRuneInString(text)
	return pattern{
		text:     text,
		cs:       caseSensitive,
		boundary: unicode.IsLetter(last) || unicode.IsNumber(last),
	}
}

// prefix returns how many bytes of text the pattern covers (ignoring the
// boundary rule), or -1 when it does not match a prefix of text.
func (p *pattern) prefix(text []byte) int {
	s := p.text
	i, j := 0, 0
	for i < len(s) {
		switch {
		case s[i] == ' ':
			n := spaceRun(text, j)
			if n == 0 {
				return -1
			}
			j += n
			for i < len(s) && s[i] == ' ' {
				i++
			}
			continue
		case s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0xB0: // °
			if j+1 < len(text) && text[j] == 0xC2 && (text[j+1] == 0xB0 || text[j+1] == 0xBA) {
				i, j = i+2, j+2
				continue
			}
			return -1
		case j >= len(text):
			return -1
		case s[i] == text[j]:
		case !p.cs && lower(s[i]) == lower(text[j]):
		default:
			return -1
		}
		i, j = i+1, j+1
	}
	return j
}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

func lower(b byte) byte {
	if isUpper(b) {
		return b + ('a' - 'A')
	}
	return b
}

// spaceRun returns the length in bytes of the run of ASCII spaces, tabs, CR,
// LF, U+00A0, U+2009 and U+202F at text[i:].
func spaceRun(text []byte, i int) int {
	j := i
	for j < len(text) {
		switch b := text[j]; {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r':
			j++
		case b == 0xC2 && j+1 < len(text) && text[j+1] == 0xA0:
			j += 2
		case b == 0xE2 && j+2 < len(text) && text[j+1] == 0x80 && (text[j+2] == 0x89 || text[j+2] == 0xAF):
			j += 3
		default:
			return j - i
		}
	}
	return j - i
}

// nextSym reads the symbol at text[i] (i < len(text)) and its width in bytes.
func nextSym(text []byte, i int) (byte, int) {
	b := text[i]
	if b < utf8.RuneSelf {
		switch {
		case isUpper(b):
			return b + ('a' - 'A'), 1
		case b == ' ' || b == '\t' || b == '\n' || b == '\r':
			return symSpace, spaceRun(text, i)
		case b < ' ':
			return symNone, 1
		}
		return b, 1
	}
	switch b {
	case 0xC2:
		if i+1 < len(text) {
			switch text[i+1] {
			case 0xA0:
				return symSpace, spaceRun(text, i)
			case 0xB0, 0xBA:
				return symDegree, 2
			}
		}
	case 0xE2:
		if n := spaceRun(text, i); n > 0 {
			return symSpace, n
		}
	}
	return b, 1
}

// atBoundary reports whether text[i:] starts at a word boundary: at the end
// or at a rune that is neither a letter nor a number (so "km" does not end a
// word in "km2", "km²" or "kmh").
func atBoundary(text []byte, i int) bool {
	if i >= len(text) {
		return true
	}
	if b := text[i]; b < utf8.RuneSelf {
		return (b < 'a' || b > 'z') && (b < 'A' || b > 'Z') && (b < '0' || b > '9')
	}
	r, _ := utf8.DecodeRune(text[i:])
	return !unicode.IsLetter(r) && !unicode.IsNumber(r)
}

// trie is the Match index: a byte trie over the spellings' symbol streams,
// flattened into arrays. Node 0 is the root; its children are looked up
// directly by symbol, so a byte that cannot start a spelling costs one load.
type trie struct {
	root  [256]int
	nodes []tnode
	edges []tedge
	terms []int // spelling indexes
}

type tnode struct {
	edgeLo, edgeHi int
	termLo, termHi int
}

type tedge struct {
	sym byte
	to  int
}

// buildTrie indexes the patterns.
func buildTrie(pats []pattern) trie {
	type bnode struct {
		children map[byte]int
		terms    []int
	}
	nodes := []bnode{{}}
	for i, p := range pats {
		cur := 0
		text := []byte(p.text)
		for j := 0; j < len(text); {
			sym, w := nextSym(text, j)
			j += w
			child, ok := nodes[cur].children[sym]
			if !ok {
				nodes = append(nodes, bnode{})
				child = len(nodes) - 1
				if nodes[cur].children == nil {
					nodes[cur].children = make(map[byte]int)
				}
				nodes[cur].children[sym] = child
			}
			cur = child
		}
		nodes[cur].terms = append(nodes[cur].terms, i)
	}

	var t trie
	t.nodes = make([]tnode, len(nodes))
	for i, n := range nodes {
		tn := tnode{edgeLo: len(t.edges), termLo: len(t.terms)}
		for sym, child := range n.children {
			t.edges = append(t.edges, tedge{sym: sym, to: child})
			if i == 0 {
				t.root[sym] = child
			}
		}
		tn.edgeHi = len(t.edges)
		slices.SortFunc(t.edges[tn.edgeLo:tn.edgeHi], func(a, b tedge) int { return cmp.Compare(a.sym, b.sym) })
		// Matches are collected shortest first and reversed at the end;
		// storing a node's spellings in reverse keeps ties in catalogue order.
		for _, s := range slices.Backward(n.terms) {
			t.terms = append(t.terms, s)
		}
		tn.termHi = len(t.terms)
		t.nodes[i] = tn
	}
	return t
}

// appendMatches walks text down the trie and appends a Match for every
// spelling that ends on the way, longest first.
func (t *trie) appendMatches(dst []Match, text []byte, sps []Spelling, pats []pattern) []Match {
	if len(text) == 0 {
		return dst
	}
	sym, w := nextSym(text, 0)
	cur := t.root[sym]
	if cur == 0 {
		return dst
	}
	start := len(dst)
	i := w
	for {
		nd := &t.nodes[cur]
		if nd.termLo < nd.termHi {
			known, ok := false, false
			for _, s := range t.terms[nd.termLo:nd.termHi] {
				p := &pats[s]
				if p.boundary {
					if !known {
						ok, known = atBoundary(text, i), true
					}
					if !ok {
						continue
					}
				}
				if p.cs && p.prefix(text[:i]) != i {
					continue
				}
				if dst == nil {
					dst = make([]Match, 0, 4) // one allocation for the usual 1-3 matches
				}
				dst = append(dst, Match{Spelling: &sps[s], Len: i})
			}
		}
		if i >= len(text) || nd.edgeLo == nd.edgeHi {
			break
		}
		sym, w = nextSym(text, i)
		next := 0
		for _, e := range t.edges[nd.edgeLo:nd.edgeHi] {
			if e.sym >= sym {
				if e.sym == sym {
					next = e.to
				}
				break
			}
		}
		if next == 0 {
			break
		}
		cur = next
		i += w
	}
	slices.Reverse(dst[start:])
	return dst
}
