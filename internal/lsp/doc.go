// Package lsp is unitlint's language server: `unitlint lsp` speaks the
// Language Server Protocol (3.17) over stdin and stdout, so that an editor
// underlines each conversion that does not agree as the writer types,
// offers its fix, and shows the computation on hover.
//
// A Server serves one connection (Serve) and holds all its state: several
// may run in one process. Messages are read by a bounded reader (stream.go)
// that answers what it cannot read with a JSON-RPC error and goes on; the
// protocol's types are go.lsp.dev/protocol's and the connection
// go.lsp.dev/jsonrpc2's (docs/lsp.md says why). Notifications are handled
// in the order they arrive; a document is linted after a debounce, on a
// goroutine of its own that a newer version cancels, and its diagnostics
// are published only if it is still current. Re-linting after an edit in
// prose moves the previous findings instead of linting again when no
// finding can change (analysis.go).
package lsp
