package units

import (
	"cmp"
	"math"
	"math/bits"
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
// flattened into arrays. The symbols that occur in spellings (about fifty)
// are numbered from 1 to 63, and each node holds a bitmap of the symbols it
// has a child for; a node's children lie next to each other, so the child
// for a symbol is found by one bit test and one population count, with no
// search. Node 0 is the root.
type trie struct {
	// byteID is the symbol number of a text byte that is a symbol of its
	// own (a folded ASCII letter, punctuation, a byte of a multi-byte
	// rune other than 0xC2 and 0xE2), 0 when no spelling contains it, and
	// symComplex for the bytes nextSym must read (spaces, 0xC2, 0xE2).
	byteID [256]uint8
	// symID is the number of each symbol, 0 for symbols no spelling holds.
	symID [256]uint8
	nodes []tnode
	terms []tterm
}

// symComplex marks, in trie.byteID, a byte whose symbol nextSym reads.
const symComplex = 0xFF

// maxSyms is the most distinct symbols a trie's bitmaps can hold.
const maxSyms = 63

type tnode struct {
	kids   uint64 // bit k: a child for the symbol numbered k
	first  int32  // index of the first child
	termLo uint16 // the spellings that end here: terms[termLo:termLo+nterms]
	nterms uint8
	// wordEnd: every spelling that ends here ends in a letter or digit,
	// and needs a word boundary after it
	wordEnd bool
}

// tterm is a spelling that ends at a node, with what Match checks of it.
type tterm struct {
	spelling uint16 // index in the catalogue's spellings
	boundary bool   // needs a word boundary after it
	cs       bool   // case-sensitive: verify the exact bytes
}

// buildTrie indexes the patterns. It panics when the spellings hold more
// symbols than a node's bitmap has bits, or too many for its indexes: the
// catalogue is built from the package's own tables.
func buildTrie(pats []pattern) trie {
	type bnode struct {
		children map[byte]int
		terms    []int
	}
	var t trie
	nodes := []bnode{{}}
	nsyms := 0
	for i, p := range pats {
		cur := 0
		text := []byte(p.text)
		for j := 0; j < len(text); {
			sym, w := nextSym(text, j)
			j += w
			if t.symID[sym] == 0 {
				nsyms++
				if nsyms > maxSyms {
					panic("units: the spellings hold more than 63 trie symbols")
				}
				t.symID[sym] = uint8(nsyms)
			}
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
	if len(pats) > math.MaxUint16 || len(nodes) > math.MaxInt32 {
		panic("units: too many spellings for the trie")
	}
	for b := range t.byteID {
		switch c := byte(b); c {
		case ' ', '\t', '\n', '\r', 0xC2, 0xE2:
			t.byteID[b] = symComplex
		default:
			sym, _ := nextSym([]byte{c}, 0)
			t.byteID[b] = t.symID[sym]
		}
	}

	// lay the nodes out breadth first, each node's children together in
	// the order of their symbol numbers
	order := []int{0} // the old index of each new node
	t.nodes = make([]tnode, 0, len(nodes))
	for k := 0; k < len(order); k++ {
		n := nodes[order[k]]
		syms := make([]byte, 0, len(n.children))
		for sym := range n.children {
			syms = append(syms, sym)
		}
		slices.SortFunc(syms, func(a, b byte) int { return cmp.Compare(t.symID[a], t.symID[b]) })
		tn := tnode{first: int32(len(order))} //nolint:gosec // checked above
		for _, sym := range syms {
			tn.kids |= 1 << t.symID[sym]
			order = append(order, n.children[sym])
		}
		if len(n.terms) > math.MaxUint8 {
			panic("units: too many spellings of the same symbols")
		}
		tn.termLo = uint16(len(t.terms)) //nolint:gosec // checked above
		tn.nterms = uint8(len(n.terms))  //nolint:gosec // checked above
		tn.wordEnd = len(n.terms) > 0
		// Matches are collected shortest first and reversed at the end;
		// storing a node's spellings in reverse keeps ties in catalogue order.
		for _, s := range slices.Backward(n.terms) {
			t.terms = append(t.terms, tterm{spelling: uint16(s), boundary: pats[s].boundary, cs: pats[s].cs}) //nolint:gosec // checked above
			tn.wordEnd = tn.wordEnd && pats[s].boundary
		}
		t.nodes = append(t.nodes, tn)
	}
	return t
}

// termsOf returns the spellings that end at nd.
func (t *trie) termsOf(nd *tnode) []tterm {
	return t.terms[nd.termLo : int(nd.termLo)+int(nd.nterms)]
}

// mayStart reports whether a spelling may start at a text beginning with
// the byte b: false is exact, true may still find no match.
func (t *trie) mayStart(b byte) bool {
	switch id := t.byteID[b]; id {
	case 0:
		return false
	case symComplex:
		root := t.nodes[0].kids
		switch b {
		case 0xC2:
			return root&(1<<t.symID[symSpace]|1<<t.symID[symDegree]|1<<t.symID[0xC2]) != 0
		case 0xE2:
			return root&(1<<t.symID[symSpace]|1<<t.symID[0xE2]) != 0
		}
		return root&(1<<t.symID[symSpace]) != 0
	default:
		return t.nodes[0].kids&(1<<id) != 0
	}
}

// mayStartPair reports whether a spelling may match a text that starts
// with the bytes b0 and b1: false is exact, true may still find no match.
func (t *trie) mayStartPair(b0, b1 byte) bool {
	id0 := t.byteID[b0]
	if id0 == symComplex {
		return t.mayStart(b0)
	}
	root := &t.nodes[0]
	if root.kids&(1<<id0) == 0 {
		return false
	}
	nd := &t.nodes[int(root.first)+bits.OnesCount64(root.kids&(1<<id0-1))]
	for _, tm := range t.termsOf(nd) {
		if !tm.boundary || b1 >= utf8.RuneSelf || !isWordASCII(b1) {
			return true // a spelling of one symbol may end here
		}
	}
	switch id1 := t.byteID[b1]; id1 {
	case 0:
		return false
	case symComplex:
		return true
	default:
		return nd.kids&(1<<id1) != 0
	}
}

// isWordASCII reports whether the ASCII byte b is a letter or a digit.
func isWordASCII(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// appendMatches walks text down the trie and appends a Match for every
// spelling that ends on the way, longest first.
func (t *trie) appendMatches(dst []Match, text []byte, sps []Spelling, pats []pattern) []Match {
	start := len(dst)
	cur := 0
	i := 0
	for {
		nd := &t.nodes[cur]
		// (spellings that need a word boundary cannot end before an ASCII
		// letter or digit: the usual case on the way down a word)
		if nd.nterms > 0 && (!nd.wordEnd || i >= len(text) || !isWordASCII(text[i])) {
			known, ok := false, false
			for _, tm := range t.termsOf(nd) {
				if tm.boundary {
					if !known {
						ok, known = atBoundary(text, i), true
					}
					if !ok {
						continue
					}
				}
				if tm.cs && pats[tm.spelling].prefix(text[:i]) != i {
					continue
				}
				if dst == nil {
					dst = make([]Match, 0, 4) // one allocation for the usual 1-3 matches
				}
				dst = append(dst, Match{Spelling: &sps[tm.spelling], Len: i})
			}
		}
		if i >= len(text) {
			break
		}
		id, w := t.byteID[text[i]], 1
		if id == symComplex {
			var sym byte
			sym, w = nextSym(text, i)
			id = t.symID[sym]
		}
		bit := uint64(1) << id // (bit 0, no symbol, is never set)
		if nd.kids&bit == 0 {
			break
		}
		cur = int(nd.first) + bits.OnesCount64(nd.kids&(bit-1))
		i += w
	}
	slices.Reverse(dst[start:])
	return dst
}
