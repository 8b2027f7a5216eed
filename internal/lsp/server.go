package lsp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// DefaultDebounce is how long the command line waits after a change
// before it lints (Options.Debounce).
const DefaultDebounce = 150 * time.Millisecond

// DefaultLanguages returns the language ids linted unless configured
// otherwise.
func DefaultLanguages() []string { return []string{"markdown", "html", "plaintext"} }

// ErrNoShutdown is returned by Serve when the client sent exit, or went
// away, without a shutdown request first: the process should exit with
// status 1.
var ErrNoShutdown = errors.New("exit without shutdown")

// Options configure a Server. The zero value is usable: no debounce, the
// default message limit, languages and rules.
type Options struct {
	// Logger receives the server's log: every error, never on stdout.
	// nil discards it.
	Logger *slog.Logger
	// Debounce is how long the server waits after a change before it
	// lints the document; a newer change restarts the wait. Zero lints at
	// once (a newer change still cancels a lint under way).
	Debounce time.Duration
	// MaxMessageSize caps a message's body in bytes; a bigger message is
	// skipped and answered with an error. Zero means
	// DefaultMaxMessageSize.
	MaxMessageSize int
	// Languages lists the language ids linted; documents in other
	// languages are ignored. nil means DefaultLanguages.
	Languages []string
	// Rules are the rules run; nil means rules.All().
	Rules []*lint.Analyzer
	// RuleDocs is the address of the rules' documentation, to which a
	// diagnostic's rule name is appended; "" means DefaultRuleDocs.
	RuleDocs string
	// Version is the server's version, for initialize's serverInfo.
	Version string
}

// Server is a language server for unitlint: diagnostics as the writer
// types, quick fixes and hover explanations. A Server holds no global
// state; each serves one connection, once.
type Server struct {
	opts   Options
	log    *slog.Logger
	linter *linter

	client protocol.Client
	// ctx is the parent of every lint; Serve cancels it when it returns.
	ctx    context.Context
	exited chan struct{} // closed by the exit notification
	lints  sync.WaitGroup

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	stopped     bool // Serve is returning: start no more lints
	conv        converter
	push        bool // publish diagnostics (the client does not pull them)
	refresh     bool // the client takes workspace/diagnostic/refresh
	languages   []string
	settings    settings
	style       *houseStyle
	root        string
	docs        map[uri.URI]*document
	shown       map[string]bool                    // configuration errors already shown
	inflight    map[jsonrpc2.ID]context.CancelFunc // requests being handled
}

// document is an open text document.
type document struct {
	uri        uri.URI
	path       string // the file's path; "" when the document is not a file
	languageID string
	version    int32
	buf        *buffer
	closed     bool
	// gen counts the changes to the document and to its configuration: a
	// lint started at one gen publishes only if gen is still that.
	gen    uint64
	timer  *time.Timer        // the debounce timer of a pending lint
	cancel context.CancelFunc // cancels the lint under way
	// last is the latest analysis made, and lastGen the gen it was made
	// at; it is current when lastGen == gen.
	last    *analysis
	lastGen uint64
}

// New returns a server.
func New(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Languages == nil {
		opts.Languages = DefaultLanguages()
	}
	if opts.Rules == nil {
		opts.Rules = rules.All()
	}
	if opts.RuleDocs == "" {
		opts.RuleDocs = DefaultRuleDocs
	}
	return &Server{
		opts:      opts,
		log:       opts.Logger,
		linter:    newLinter(opts.Rules),
		exited:    make(chan struct{}),
		conv:      converter{enc: utf16, ruleDocs: opts.RuleDocs},
		push:      true,
		languages: opts.Languages,
		docs:      map[uri.URI]*document{},
		shown:     map[string]bool{},
		inflight:  map[jsonrpc2.ID]context.CancelFunc{},
	}
}

// Serve speaks the Language Server Protocol on in and out (a process's
// stdin and stdout) until the exit notification, the end of in, or ctx's
// end. It closes in and out when they are io.Closers. It returns nil when
// a shutdown request came first, ErrNoShutdown (or the connection's error)
// otherwise.
func (s *Server) Serve(ctx context.Context, in io.Reader, out io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	st := newStream(in, out, closers{in, out}, s.opts.MaxMessageSize, s.log)
	conn := jsonrpc2.NewConn(st, jsonrpc2.WithCodec(codec{}))
	style, err := newHouseStyle(settings{}, s.opts.Rules, "")
	if err != nil {
		return err
	}
	s.mu.Lock()
	if s.client != nil {
		s.mu.Unlock()
		return errServed
	}
	s.client, s.ctx, s.style = protocol.ClientDispatcher(conn), ctx, style
	s.mu.Unlock()

	conn.Go(ctx, s.guard(dispatch(methods{s: s}.routes())))
	select {
	case <-s.exited:
	case <-conn.Done():
	case <-ctx.Done():
	}

	s.mu.Lock()
	s.stopped = true
	for _, d := range s.docs {
		s.stopLint(d)
	}
	shutdown := s.shutdown
	s.mu.Unlock()
	cancel()
	// Close the stream first: a lint blocked writing to a client that no
	// longer reads fails and lets go. The connection's reader is not waited
	// for: closing a process's stdin does not interrupt a read under way,
	// and the process is about to exit; it ends when in does. The
	// connection may have closed the stream first, on its way out: that is
	// no error.
	if err := st.Close(); err != nil && !errors.Is(err, os.ErrClosed) {
		s.log.Error("close", "err", err)
	}
	s.lints.Wait()
	if !shutdown {
		select {
		case <-conn.Done():
			if err := conn.Err(); err != nil {
				return fmt.Errorf("%w: %w", ErrNoShutdown, err)
			}
		default:
		}
		return ErrNoShutdown
	}
	return nil
}

// errServed is Serve's error when called a second time.
var errServed = errors.New("lsp: a Server serves one connection, once")

// closers closes each of its elements that is an io.Closer.
type closers []any

func (cs closers) Close() error {
	var errs []error
	for _, c := range cs {
		if c, ok := c.(io.Closer); ok {
			if err := c.Close(); err != nil && !errors.Is(err, io.ErrClosedPipe) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// guard wraps the dispatcher: it answers $/cancelRequest, gives
// each handler a context of its own (see requestContext), enforces the
// lifecycle (requests before initialize or after shutdown are errors),
// turns a panic into an internal error, logs every error, and keeps a
// failing notification from tearing the connection down (the dispatcher
// ends the connection on a notification's error).
func (s *Server) guard(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(reqCtx context.Context, req *jsonrpc2.Request) (result any, err error) {
		method := req.Method()
		call := req.IsCall()
		if method == protocol.MethodCancelRequest {
			s.cancelRequest(req.Params())
			return nil, nil
		}
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("panic", "method", method, "panic", r)
				result, err = nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "%s: internal error: %v", method, r)
			}
			if err == nil {
				return
			}
			switch {
			case errors.Is(err, protocol.ErrRequestCancelled):
				s.log.Debug("cancelled", "method", method)
			case !call && strings.HasPrefix(method, "$/"):
				s.log.Debug("ignored", "method", method, "err", err)
			default:
				s.log.Error("request failed", "method", method, "id", req.ID(), "err", err)
			}
			if !call {
				err = nil
			}
		}()
		if err := s.admit(method, call); err != nil {
			return nil, err
		}
		ctx, done := s.requestContext(reqCtx, req)
		defer done()
		return next(ctx, req)
	}
}

// requestContext returns the context a request's handler runs in: the
// request's values (jsonrpc2.Async needs them), cancelled when the client
// cancels the request ($/cancelRequest) or Serve returns. It does not
// derive from the request's own context: go.lsp.dev/jsonrpc2 (v1.0.1)
// recycles that when the handler returns, and a context.WithCancel child
// of it may still call its Done afterwards, from the goroutine the context
// package starts to watch a foreign parent, and panic. (The same makes
// protocol.CancelHandler unsafe, so the server cancels requests itself.)
// done releases the request.
func (s *Server) requestContext(reqCtx context.Context, req *jsonrpc2.Request) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(reqCtx))
	stop := context.AfterFunc(s.ctx, cancel)
	if !req.IsCall() {
		return ctx, func() { stop(); cancel() }
	}
	id := req.ID()
	s.mu.Lock()
	s.inflight[id] = cancel
	s.mu.Unlock()
	return ctx, func() {
		s.mu.Lock()
		delete(s.inflight, id)
		s.mu.Unlock()
		stop()
		cancel()
	}
}

// cancelRequest cancels the request that $/cancelRequest names, if it is
// still being handled.
func (s *Server) cancelRequest(params jsonrpc2.RawMessage) {
	var p protocol.CancelParams
	if err := protocol.Unmarshal(params, &p); err != nil {
		s.log.Error("$/cancelRequest", "err", err)
		return
	}
	var id jsonrpc2.ID
	switch v := p.ID.(type) {
	case protocol.Integer:
		id = jsonrpc2.NewNumberID(int64(v))
	case protocol.String:
		id = jsonrpc2.NewStringID(string(v))
	default:
		s.log.Error("$/cancelRequest: no id", "params", string(params))
		return
	}
	s.mu.Lock()
	cancel := s.inflight[id]
	s.mu.Unlock()
	if cancel != nil {
		s.log.Debug("cancel", "id", id)
		cancel()
	}
}

// admit checks a message against the lifecycle.
func (s *Server) admit(method string, call bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.stopped:
		return errStopped
	case method == protocol.MethodExit:
		return nil
	case method == protocol.MethodInitialize && s.initialized:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already received")
	case method == protocol.MethodInitialize:
		return nil
	case !s.initialized && call:
		return jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized")
	case !s.initialized:
		return errDropped
	case s.shutdown && call:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down")
	case s.shutdown:
		return errDropped
	}
	return nil
}

// errStopped answers what arrives after Serve has begun to return.
var errStopped = jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server has exited")

// errDropped is the (logged, unanswered) fate of a notification the
// lifecycle does not allow.
var errDropped = errors.New("notification dropped: outside the initialize-shutdown lifecycle")

// handles reports whether documents of a language id are linted.
func (s *Server) handles(languageID string) bool {
	return slices.Contains(s.languages, languageID)
}

// schedule lints d after the debounce, cancelling any lint of it pending
// or under way. s.mu must be held.
func (s *Server) schedule(d *document) {
	s.stopLint(d)
	d.gen++
	if s.stopped || d.closed || !s.handles(d.languageID) {
		return
	}
	gen := d.gen
	if s.opts.Debounce <= 0 {
		s.startLint(d)
		return
	}
	s.lints.Add(1)
	d.timer = time.AfterFunc(s.opts.Debounce, func() {
		defer s.lints.Done()
		s.mu.Lock()
		defer s.mu.Unlock()
		if d.gen == gen && !d.closed && !s.stopped {
			d.timer = nil
			s.startLint(d)
		}
	})
}

// stopLint stops d's pending and running lints. s.mu must be held.
func (s *Server) stopLint(d *document) {
	if d.timer != nil && d.timer.Stop() {
		s.lints.Done() // the timer's function will not run
	}
	d.timer = nil
	if d.cancel != nil {
		d.cancel()
		d.cancel = nil
	}
}

// snapshot is what a lint needs of a document, taken under s.mu.
type snapshot struct {
	d       *document
	gen     uint64
	version int32
	text    []byte
	prev    *analysis
	style   *houseStyle
}

// snapshot copies d's state for a lint. s.mu must be held.
func (s *Server) snapshot(d *document) snapshot {
	return snapshot{
		d: d, gen: d.gen, version: d.version, text: bytes.Clone(d.buf.text),
		prev: d.last, style: s.style,
	}
}

// startLint starts linting d's current version. s.mu must be held.
func (s *Server) startLint(d *document) {
	ctx, cancel := context.WithCancel(s.ctx)
	d.cancel = cancel
	snap := s.snapshot(d)
	s.lints.Add(1)
	go func() {
		defer s.lints.Done()
		defer cancel()
		a, err := s.analyze(ctx, snap)
		s.mu.Lock()
		defer s.mu.Unlock()
		if err != nil {
			if ctx.Err() == nil {
				s.log.Error("lint failed", "uri", d.uri, "version", snap.version, "err", err)
			}
			return
		}
		if !s.keep(snap, a) {
			return // a newer version or configuration superseded it
		}
		d.cancel = nil
		if s.push {
			s.publish(d, a)
		}
	}()
}

// keep records a as d's latest analysis if d has not changed since the
// snapshot, and reports whether it did. s.mu must be held.
func (s *Server) keep(snap snapshot, a *analysis) bool {
	d := snap.d
	if s.stopped || d.closed || d.gen != snap.gen {
		return false
	}
	d.last, d.lastGen = a, snap.gen
	return true
}

// analyze lints a snapshot under its document's configuration.
func (s *Server) analyze(ctx context.Context, snap snapshot) (*analysis, error) {
	d := snap.d
	opts, kind, ignored, cerr := snap.style.resolve(d.path, d.languageID)
	if cerr != nil {
		s.showConfigError(cerr)
	}
	name := d.path
	if name == "" {
		name = string(d.uri)
	}
	if ignored {
		return &analysis{version: snap.version, file: lint.NewFile(name, snap.text), opts: opts, ignored: true}, nil
	}
	return s.linter.analyze(ctx, snap.prev, source{
		name: name, text: snap.text, kind: kind,
		opts: opts, version: snap.version,
	})
}

// showConfigError tells the writer, once per message, that a
// configuration file could not be read.
func (s *Server) showConfigError(err error) {
	msg := fmt.Sprintf("unitlint: %v (using the defaults)", err)
	s.mu.Lock()
	seen := s.shown[msg]
	s.shown[msg] = true
	client := s.client
	s.mu.Unlock()
	s.log.Error("configuration", "err", err)
	if !seen {
		if err := client.ShowMessage(s.ctx, &protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: msg}); err != nil {
			s.log.Error("show message", "err", err)
		}
	}
}

// publish sends d's diagnostics. s.mu must be held, so that no newer
// version can be received between the check that a is current and the
// send.
func (s *Server) publish(d *document, a *analysis) {
	params := &protocol.PublishDiagnosticsParams{
		URI:         d.uri,
		Version:     protocol.NewOptional(a.version),
		Diagnostics: s.conv.diagnostics(d.uri, a),
	}
	if err := s.client.PublishDiagnostics(s.ctx, params); err != nil {
		s.log.Error("publish diagnostics", "uri", d.uri, "err", err)
	}
}

// current returns the analysis of d's current version, with the byte
// offsets of the given positions in it and the session's converter. It
// lints on the request's goroutine if the latest analysis is stale, after
// releasing the connection's reader (jsonrpc2.Async) so later messages are
// read meanwhile; the snapshot is taken first, so the answer is for the
// version the request was sent against. A nil analysis means the document
// is not linted (its language is not one of the server's).
func (s *Server) current(ctx context.Context, u uri.URI, pos ...protocol.Position) (*analysis, []int, converter, error) {
	s.mu.Lock()
	conv := s.conv
	d, ok := s.docs[u]
	if !ok {
		s.mu.Unlock()
		return nil, nil, conv, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "document %s is not open", u)
	}
	if !s.handles(d.languageID) {
		s.mu.Unlock()
		return nil, nil, conv, nil
	}
	offs := make([]int, len(pos))
	for i, p := range pos {
		offs[i] = d.buf.offset(p, conv.enc)
	}
	if d.last != nil && d.lastGen == d.gen {
		a := d.last
		s.mu.Unlock()
		return a, offs, conv, nil
	}
	snap := s.snapshot(d)
	s.mu.Unlock()
	jsonrpc2.Async(ctx)
	a, err := s.analyze(ctx, snap)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, conv, protocol.ErrRequestCancelled
		}
		return nil, nil, conv, jsonrpc2.Errorf(jsonrpc2.InternalError, "lint %s: %v", u, err)
	}
	s.mu.Lock()
	s.keep(snap, a)
	s.mu.Unlock()
	return a, offs, conv, nil
}

// relintAll lints every open document again (after a configuration
// change), clears the diagnostics of those no longer linted, and asks a
// client that pulls diagnostics to pull them again. s.mu must be held.
func (s *Server) relintAll() {
	for _, d := range s.docs {
		if !s.handles(d.languageID) && d.last != nil {
			d.last = nil
			if s.push {
				err := s.client.PublishDiagnostics(s.ctx, &protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
				if err != nil {
					s.log.Error("clear diagnostics", "uri", d.uri, "err", err)
				}
			}
		}
		s.schedule(d)
	}
	if !s.push && s.refresh && !s.stopped {
		// a request: it must not wait on the connection's reader
		s.lints.Add(1)
		go func() {
			defer s.lints.Done()
			if err := s.client.DiagnosticRefresh(s.ctx); err != nil && s.ctx.Err() == nil {
				s.log.Error("workspace/diagnostic/refresh", "err", err)
			}
		}()
	}
}
