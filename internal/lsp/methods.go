package lsp

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/unitlint/unitlint/lint"
)

// CodeActionKindFixAll is the kind of the action that applies every fix
// of a document.
const CodeActionKindFixAll protocol.CodeActionKind = "source.fixAll.unitlint"

// methods are the LSP methods the server answers; the rest answer
// "method not found" (requests) or are ignored (notifications).
type methods struct {
	s *Server
}

// handler handles one method: it decodes the params and returns the
// result (nil for a notification).
type handler func(ctx context.Context, params jsonrpc2.RawMessage) (any, error)

// routes maps each method the server answers to its handler.
func (m methods) routes() map[string]handler {
	return map[string]handler{
		protocol.MethodInitialize:                      request(m.Initialize),
		protocol.MethodInitialized:                     ignore,
		protocol.MethodShutdown:                        func(ctx context.Context, _ jsonrpc2.RawMessage) (any, error) { return nil, m.Shutdown(ctx) },
		protocol.MethodExit:                            func(ctx context.Context, _ jsonrpc2.RawMessage) (any, error) { return nil, m.Exit(ctx) },
		protocol.MethodTextDocumentDidOpen:             notification(m.DidOpen),
		protocol.MethodTextDocumentDidChange:           notification(m.DidChange),
		protocol.MethodTextDocumentDidSave:             notification(m.DidSave),
		protocol.MethodTextDocumentDidClose:            notification(m.DidClose),
		protocol.MethodWorkspaceDidChangeConfiguration: notification(m.DidChangeConfiguration),
		protocol.MethodWorkspaceDidChangeWatchedFiles:  notification(m.DidChangeWatchedFiles),
		protocol.MethodTextDocumentHover:               request(m.Hover),
		protocol.MethodTextDocumentCodeAction:          request(m.CodeAction),
		protocol.MethodTextDocumentDiagnostic:          request(m.Diagnostic),
	}
}

// request adapts a request method: its params are decoded with the
// protocol's codec; params that do not decode are InvalidParams.
func request[P, R any](f func(context.Context, *P) (R, error)) handler {
	return func(ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
		var p P
		if err := protocol.Unmarshal(raw, &p); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid params: %v", err)
		}
		return f(ctx, &p)
	}
}

// notification adapts a notification method.
func notification[P any](f func(context.Context, *P) error) handler {
	return func(ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
		var p P
		if err := protocol.Unmarshal(raw, &p); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid params: %v", err)
		}
		return nil, f(ctx, &p)
	}
}

// ignore handles a notification that needs nothing done.
func ignore(context.Context, jsonrpc2.RawMessage) (any, error) { return nil, nil }

// dispatch is the connection's handler: it routes each message to its
// method; an unknown request is MethodNotFound, an unknown notification
// an error the guard logs (at debug level for "$/" ones, which the
// protocol lets a server ignore).
func dispatch(routes map[string]handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		h, ok := routes[req.Method()]
		if !ok {
			return nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not found: %s", req.Method())
		}
		return h(ctx, req.Params())
	}
}

// Initialize negotiates the position encoding and whether diagnostics are
// pushed or pulled, reads the settings, and states the capabilities.
func (m methods) Initialize(_ context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	s := m.s
	caps := params.Capabilities
	var offered []protocol.PositionEncodingKind
	if caps.General != nil {
		offered = caps.General.PositionEncodings
	}
	enc := negotiate(offered)
	pull := caps.TextDocument != nil && caps.TextDocument.Diagnostic != nil
	refresh := caps.Workspace != nil && caps.Workspace.Diagnostics != nil &&
		caps.Workspace.Diagnostics.RefreshSupport != nil && *caps.Workspace.Diagnostics.RefreshSupport
	root := ""
	if folders, ok := params.WorkspaceFolders.Get(); ok && len(folders) > 0 && folders[0].URI.IsFile() {
		root = folders[0].URI.FsPath()
	} else if u := params.RootURI; u != nil && u.IsFile() { //nolint:staticcheck // clients without workspace folders send only rootUri
		root = u.FsPath()
	}
	st, err := parseSettings(params.InitializationOptions)
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "initializationOptions: %v", err)
	}
	style, err := newHouseStyle(st, s.opts.Rules, root)
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "initializationOptions: %v", err)
	}

	s.mu.Lock()
	s.initialized = true
	s.conv.enc = enc
	s.push = !pull
	s.refresh = refresh
	s.root = root
	s.settings, s.style = st, style
	if st.Languages != nil {
		s.languages = st.Languages
	}
	s.mu.Unlock()
	s.log.Info("initialized", "client", params.ClientInfo.Name, "positionEncoding", enc.kind(), "pullDiagnostics", pull, "root", root)

	incremental := protocol.TextDocumentSyncKindIncremental
	yes := true
	result := &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: enc.kind(),
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: &yes,
				Change:    &incremental,
				Save:      protocol.Boolean(true),
			},
			HoverProvider: protocol.Boolean(true),
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, CodeActionKindFixAll},
			},
		},
		ServerInfo: protocol.ServerInfo{Name: "unitlint", Version: protocol.NewOptional(s.opts.Version)},
	}
	if pull {
		id := Source
		result.Capabilities.DiagnosticProvider = &protocol.DiagnosticOptions{Identifier: &id}
	}
	return result, nil
}

// Shutdown stops linting; only exit may follow.
func (m methods) Shutdown(context.Context) error {
	s := m.s
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shutdown = true
	for _, d := range s.docs {
		s.stopLint(d)
	}
	return nil
}

// Exit ends Serve.
func (m methods) Exit(context.Context) error {
	select {
	case <-m.s.exited:
	default:
		close(m.s.exited)
	}
	return nil
}

// DidOpen starts tracking a document and lints it.
func (m methods) DidOpen(_ context.Context, params *protocol.DidOpenTextDocumentParams) error {
	s := m.s
	item := params.TextDocument
	d := &document{
		uri: item.URI, languageID: string(item.LanguageID), version: item.Version,
		buf: newBuffer([]byte(item.Text)),
	}
	if item.URI.IsFile() {
		d.path = item.URI.FsPath()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.docs[item.URI]; ok {
		s.stopLint(old)
		old.closed = true
	}
	s.docs[item.URI] = d
	s.schedule(d)
	return nil
}

// DidChange applies the changes, in order, and lints the new version.
func (m methods) DidChange(_ context.Context, params *protocol.DidChangeTextDocumentParams) error {
	s := m.s
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.docs[params.TextDocument.URI]
	if !ok {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "didChange: document %s is not open", params.TextDocument.URI)
	}
	for _, change := range params.ContentChanges {
		switch c := change.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			d.buf = newBuffer([]byte(c.Text))
		case *protocol.TextDocumentContentChangePartial:
			start := d.buf.offset(c.Range.Start, s.conv.enc)
			end := d.buf.offset(c.Range.End, s.conv.enc)
			if end < start {
				start, end = end, start
			}
			d.buf.replace(start, end, []byte(c.Text))
		}
	}
	d.version = params.TextDocument.Version
	s.schedule(d)
	return nil
}

// DidSave re-reads the configuration files (a .unitlint.yaml edited
// alongside may have been saved) and lints every document again.
func (m methods) DidSave(context.Context, *protocol.DidSaveTextDocumentParams) error {
	return m.s.reconfigure(nil)
}

// DidClose stops tracking a document and clears its diagnostics.
func (m methods) DidClose(_ context.Context, params *protocol.DidCloseTextDocumentParams) error {
	s := m.s
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.docs[params.TextDocument.URI]
	if !ok {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "didClose: document %s is not open", params.TextDocument.URI)
	}
	s.stopLint(d)
	d.closed = true
	delete(s.docs, d.uri)
	if s.push && s.handles(d.languageID) {
		err := s.client.PublishDiagnostics(s.ctx, &protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
		if err != nil {
			s.log.Error("clear diagnostics", "uri", d.uri, "err", err)
		}
	}
	return nil
}

// DidChangeConfiguration takes the editor's new settings.
func (m methods) DidChangeConfiguration(_ context.Context, params *protocol.DidChangeConfigurationParams) error {
	st, err := parseSettings(params.Settings)
	if err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "didChangeConfiguration: %v", err)
	}
	return m.s.reconfigure(&st)
}

// DidChangeWatchedFiles re-reads the configuration files.
func (m methods) DidChangeWatchedFiles(context.Context, *protocol.DidChangeWatchedFilesParams) error {
	return m.s.reconfigure(nil)
}

// reconfigure takes new editor settings (nil: the same ones), reads the
// configuration files afresh and lints every document again. Invalid
// settings are an error and change nothing.
func (s *Server) reconfigure(st *settings) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := s.settings
	if st != nil {
		next = *st
	}
	style, err := newHouseStyle(next, s.opts.Rules, s.root)
	if err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%v", err)
	}
	s.settings, s.style = next, style
	s.languages = s.opts.Languages
	if next.Languages != nil {
		s.languages = next.Languages
	}
	s.relintAll()
	return nil
}

// Hover shows the computation behind the pair under the cursor.
func (m methods) Hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	a, offs, conv, err := m.s.current(ctx, params.TextDocument.URI, params.Position)
	if err != nil || a == nil {
		return nil, err
	}
	off := offs[0]
	for i := range a.judged {
		j := &a.judged[i]
		if start, end, ok := j.at(a.doc, off); ok {
			r := rangeOf(a.file, start, end, conv.enc)
			return &protocol.Hover{
				Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: hoverText(j)},
				Range:    &r,
			}, nil
		}
	}
	return nil, nil
}

// CodeAction offers a quick fix for each diagnostic in the range, and one
// action that applies every fix of the document.
func (m methods) CodeAction(ctx context.Context, params *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	u := params.TextDocument.URI
	a, offs, conv, err := m.s.current(ctx, u, params.Range.Start, params.Range.End)
	if err != nil || a == nil {
		return nil, err
	}
	start, end := offs[0], offs[1]
	only := params.Context.Only
	var out []protocol.CommandOrCodeAction
	var all []lint.TextEdit
	var allDiags []protocol.Diagnostic
	for i := range a.diags {
		d := &a.diags[i]
		if len(d.Fixes) == 0 {
			continue
		}
		pd := conv.diagnostic(u, a, d)
		all = append(all, d.Fixes[0].Edits...)
		allDiags = append(allDiags, pd)
		if !wanted(only, protocol.CodeActionKindQuickFix) || !overlaps(d.Start, d.End, start, end) {
			continue
		}
		for k, fix := range d.Fixes {
			preferred := k == 0
			kind := protocol.CodeActionKindQuickFix
			out = append(out, &protocol.CodeAction{
				Title:       fixTitle(fix),
				Kind:        &kind,
				Diagnostics: []protocol.Diagnostic{pd},
				IsPreferred: &preferred,
				Edit:        &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: conv.edits(a, fix.Edits)}},
			})
		}
	}
	if len(allDiags) > 0 && wanted(only, CodeActionKindFixAll) {
		kind := CodeActionKindFixAll
		out = append(out, &protocol.CodeAction{
			Title:       "Fix all unit conversions (" + strconv.Itoa(len(allDiags)) + ")",
			Kind:        &kind,
			Diagnostics: allDiags,
			Edit:        &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: conv.edits(a, disjoint(all))}},
		})
	}
	return out, nil
}

// Diagnostic answers a pull for a document's diagnostics.
func (m methods) Diagnostic(ctx context.Context, params *protocol.DocumentDiagnosticParams) (protocol.DocumentDiagnosticReport, error) {
	a, _, conv, err := m.s.current(ctx, params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	report := &protocol.RelatedFullDocumentDiagnosticReport{}
	report.Kind = "full"
	report.Items = []protocol.Diagnostic{}
	if a != nil {
		report.Items = conv.diagnostics(params.TextDocument.URI, a)
	}
	return report, nil
}

// fixTitle is a quick fix's title: the fix's message, capitalised.
func fixTitle(f lint.SuggestedFix) string {
	if f.Message == "" {
		return "Apply unitlint's fix"
	}
	return upperFirst(f.Message)
}

// wanted reports whether an action of kind passes the client's filter:
// a kind is wanted when it is, or is below, one of only's kinds.
func wanted(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	return slices.ContainsFunc(only, func(o protocol.CodeActionKind) bool {
		return kind == o || strings.HasPrefix(string(kind), string(o)+".")
	})
}

// overlaps reports whether the span [s, e) meets the range [rs, re]; an
// empty range (a cursor) meets a span it touches.
func overlaps(s, e, rs, re int) bool {
	if rs == re {
		return s <= rs && rs <= e
	}
	return s < re && rs < e
}

// disjoint returns the edits sorted, without those that overlap an
// earlier one (a client rejects overlapping edits).
func disjoint(edits []lint.TextEdit) []lint.TextEdit {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(a, b lint.TextEdit) int { return a.Start - b.Start })
	out := sorted[:0]
	last := -1
	for _, e := range sorted {
		if e.Start < last {
			continue
		}
		out = append(out, e)
		last = max(e.End, e.Start)
	}
	return out
}
