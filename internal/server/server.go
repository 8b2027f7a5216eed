// Package server is `unitlint serve`: a versioned JSON API a CMS calls
// before publishing (POST /v1/check, POST /v1/fix, GET /v1/rules,
// GET /healthz, GET /openapi.json) and a page at / where a sub-editor
// pastes copy and sees the conversions that do not agree highlighted as
// they type. Everything the page needs is embedded; it makes no request
// outside the server.
//
// The server is built for a newsroom's network: request and header
// timeouts, a bounded request body, a bound on the requests linted at once
// (503 with Retry-After beyond it, no queue), structured request logs with
// log/slog, JSON errors, no panic escaping a handler, and a graceful
// shutdown when its context ends.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/rules"
)

// Defaults of Config.
const (
	DefaultAddr              = "127.0.0.1:8080"
	DefaultMaxBody           = 2 << 20 // 2 MiB
	DefaultReadHeaderTimeout = 5 * time.Second
	DefaultReadTimeout       = 15 * time.Second
	DefaultWriteTimeout      = 30 * time.Second
	DefaultIdleTimeout       = 2 * time.Minute
	DefaultShutdownTimeout   = 10 * time.Second
)

// Config configures a Server. The zero value serves with the defaults.
type Config struct {
	// MaxBody bounds a request body in bytes (413 beyond it); 0 means
	// DefaultMaxBody.
	MaxBody int64
	// MaxInFlight bounds the check and fix requests handled at once; a
	// request beyond it is answered 503 at once with Retry-After. 0 means
	// 2 × GOMAXPROCS.
	MaxInFlight int
	// Timeouts of the HTTP server; 0 means the Default… value.
	// WriteTimeout also bounds the linting of one request.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ShutdownTimeout bounds how long Serve waits for requests in flight
	// once its context ends; 0 means DefaultShutdownTimeout.
	ShutdownTimeout time.Duration
	// Logger receives one line per request and every recovered panic; nil
	// discards them.
	Logger *slog.Logger
	// Analyzers are the rules run; nil means rules.All().
	Analyzers []*lint.Analyzer
}

// withDefaults fills in the zero fields.
func (c Config) withDefaults() Config {
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 2 * runtime.GOMAXPROCS(0)
	}
	setDuration(&c.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	setDuration(&c.ReadTimeout, DefaultReadTimeout)
	setDuration(&c.WriteTimeout, DefaultWriteTimeout)
	setDuration(&c.IdleTimeout, DefaultIdleTimeout)
	setDuration(&c.ShutdownTimeout, DefaultShutdownTimeout)
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Analyzers == nil {
		c.Analyzers = rules.All()
	}
	return c
}

func setDuration(d *time.Duration, def time.Duration) {
	if *d <= 0 {
		*d = def
	}
}

// Server is the HTTP service. It is safe for concurrent use.
type Server struct {
	cfg Config
	// analyzers are cfg.Analyzers plus rules.Judgements, whose result
	// counts the pairs checked even when every rule is off.
	analyzers []*lint.Analyzer
	// inFlight holds a token per check or fix request being handled.
	inFlight chan struct{}
	assets   *assets
	handler  http.Handler
}

// New returns a server for cfg.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:       cfg,
		analyzers: append(append([]*lint.Analyzer(nil), cfg.Analyzers...), rules.Judgements),
		inFlight:  make(chan struct{}, cfg.MaxInFlight),
		assets:    a,
	}
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern(), allowMethods(rt.methods, rt.handler))
	}
	mux.Handle("/", s.handle(func(http.ResponseWriter, *http.Request) error {
		return errorf(http.StatusNotFound, "no such page: see /openapi.json for the API")
	}))
	s.handler = s.logRequests(s.recoverPanics(securityHeaders(mux)))
	return s, nil
}

// Handler returns the server's HTTP handler, with its middleware.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve serves HTTP on ln until ctx ends, then shuts down gracefully:
// it stops accepting connections and waits up to the shutdown timeout for
// requests in flight. It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	s.cfg.Logger.Info("shutting down", "timeout", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		_ = srv.Close()
		return fmt.Errorf("shut down %s: %w", ln.Addr(), err)
	}
	return nil
}

// CheckAddr reports whether the server may listen on addr ("host:port"):
// a loopback address (127.0.0.0/8, ::1, "localhost") always; any other
// address — including an empty host or 0.0.0.0, which mean every
// interface — only when allowRemote is set.
func CheckAddr(addr string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if allowRemote || isLoopback(host) {
		return nil
	}
	what := host
	if host == "" {
		what = "every interface"
	}
	return fmt.Errorf("address %q would listen on %s, not only on this machine: pass --allow-remote to mean it", addr, what)
}

// isLoopback reports whether host names only this machine.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
