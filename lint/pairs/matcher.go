package pairs

// matcher finds every occurrence of a fixed set of patterns in one pass
// (an Aho–Corasick automaton over byte classes). It is built once and is
// immutable afterwards.
type matcher struct {
	class   [256]int // byte → class; 0 for bytes no pattern uses
	classes int
	next    []int   // state*classes + class → state
	out     [][]int // state → indexes of the patterns that end there
	// row is next for the hot loop: row[state*classes + class] is the next
	// state's offset (state*classes), negated when patterns end there.
	row []int
}

// newMatcher builds the automaton for patterns.
func newMatcher(patterns []string) *matcher {
	m := &matcher{}
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			if m.class[p[i]] == 0 {
				m.classes++
				m.class[p[i]] = m.classes
			}
		}
	}
	m.classes++ // class 0: any other byte
	// the trie
	type node struct {
		child map[int]int
		fail  int
		out   []int
	}
	nodes := []node{{child: map[int]int{}}}
	for pi, p := range patterns {
		s := 0
		for i := 0; i < len(p); i++ {
			c := m.class[p[i]]
			n, ok := nodes[s].child[c]
			if !ok {
				nodes = append(nodes, node{child: map[int]int{}})
				n = len(nodes) - 1
				nodes[s].child[c] = n
			}
			s = n
		}
		nodes[s].out = append(nodes[s].out, pi)
	}
	// failure links, breadth first, and the dense transition table
	m.next = make([]int, len(nodes)*m.classes)
	m.out = make([][]int, len(nodes))
	queue := []int{}
	for c := 0; c < m.classes; c++ {
		if n, ok := nodes[0].child[c]; ok && c != 0 {
			m.next[c] = n
			queue = append(queue, n)
		}
	}
	m.out[0] = nodes[0].out
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] = append(append([]int(nil), nodes[s].out...), m.out[nodes[s].fail]...)
		for c := 0; c < m.classes; c++ {
			f := m.next[nodes[s].fail*m.classes+c]
			if n, ok := nodes[s].child[c]; ok && c != 0 {
				nodes[n].fail = f
				m.next[s*m.classes+c] = n
				queue = append(queue, n)
			} else {
				m.next[s*m.classes+c] = f
			}
		}
	}
	m.row = make([]int, len(m.next))
	for i, n := range m.next {
		off := n * m.classes
		if len(m.out[n]) > 0 {
			off = -off - 1
		}
		m.row[i] = off
	}
	return m
}

// each calls found for every pattern occurrence in text, with the
// pattern's index.
func (m *matcher) each(text []byte, found func(int)) {
	off := 0 // the current state's offset in row
	for _, b := range text {
		off = m.row[off+m.class[b]]
		if off < 0 {
			off = -off - 1
			for _, pi := range m.out[off/m.classes] {
				found(pi)
			}
		}
	}
}
