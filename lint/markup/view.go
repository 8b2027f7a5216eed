package markup

import (
	"sort"
)

// view is a buffer to parse made of runs of the source file. For a whole
// file it is one run; for an HTML block inside a Markdown block quote it
// is the block's lines without their "> " prefixes.
type view struct {
	buf    []byte
	pieces []piece // sorted by buf, covering buf
}

// piece says that buf[buf:buf+n] is source[src:src+n].
type piece struct{ buf, src, n int }

// sourceView returns the view of src[start:end].
func sourceView(src []byte, start, end int) *view {
	return &view{buf: src[start:end], pieces: []piece{{0, start, end - start}}}
}

// joinView returns the view of the runs [r[0], r[1]) of buf, joined, where
// buf[i] is source byte base+i.
func joinView(buf []byte, base int, runs [][2]int) *view {
	v := &view{}
	for _, r := range runs {
		if r[1] <= r[0] {
			continue
		}
		if n := len(v.pieces); n > 0 && v.pieces[n-1].src+v.pieces[n-1].n == base+r[0] {
			v.pieces[n-1].n += r[1] - r[0]
		} else {
			v.pieces = append(v.pieces, piece{len(v.buf), base + r[0], r[1] - r[0]})
		}
		v.buf = append(v.buf, buf[r[0]:r[1]]...)
	}
	return v
}

// find returns the piece holding buffer offset off (the last piece for
// the end of the buffer).
func (v *view) find(off int) int {
	if len(v.pieces) == 1 {
		return 0
	}
	i := sort.Search(len(v.pieces), func(i int) bool { return v.pieces[i].buf > off }) - 1
	return max(i, 0)
}

// src returns the source offset of buffer offset off.
func (v *view) src(off int) int {
	if len(v.pieces) == 0 {
		return 0
	}
	p := v.pieces[v.find(off)]
	return p.src + off - p.buf
}

// srcEnd returns the source offset of the end of a span ending at buffer
// offset off: the end of the piece holding the span's last byte.
func (v *view) srcEnd(off int) int {
	if off == 0 || len(v.pieces) == 0 {
		return v.src(off)
	}
	return v.src(off-1) + 1
}

// copyTo appends buffer bytes [start, end) to b as they are, a piece at a
// time.
func (v *view) copyTo(b *builder, start, end int) {
	for start < end {
		p := v.pieces[v.find(start)]
		stop := min(end, p.buf+p.n)
		b.copy(p.src+start-p.buf, p.src+stop-p.buf)
		start = stop
	}
}
