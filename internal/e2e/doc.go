// Package e2e holds the end-to-end tests of the built unitlint binary: the
// bad-input matrix (empty, binary and mis-encoded files, huge files and
// trees, unreadable paths, symlink loops, files that vanish mid-run), each
// input with one defined outcome asserted exactly. It has no code of its
// own; see docs/hardening.md.
package e2e
