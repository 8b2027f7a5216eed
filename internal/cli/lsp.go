package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/unitlint/unitlint/internal/lsp"
)

// Exit codes of `unitlint lsp`, as the protocol wants them.
const (
	exitLSPClean      = 0 // exit after shutdown
	exitLSPNoShutdown = 1 // exit (or the end of input) without shutdown
)

// runLSP runs `unitlint lsp`: the language server, on stdin and stdout,
// until the client's exit notification. Its log goes to --log, or to
// stderr, never to stdout.
func runLSP(ctx context.Context, args []string, env Env) (int, error) {
	fs := flag.NewFlagSet("lsp", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	logFile := fs.String("log", "", "append the server's log to `FILE` (default: standard error)")
	debounce := fs.Duration("debounce", lsp.DefaultDebounce, "how long to wait after a change before linting")
	maxMessage := fs.String("max-message-size", "64MiB", "largest message body: bytes, or a number with KiB or MiB")
	languages := fs.String("languages", strings.Join(lsp.DefaultLanguages(), ","), "comma-separated language ids to lint")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean, err
		}
		return ExitError, fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return ExitError, fmt.Errorf("%w: lsp takes no arguments, got %q", errUsage, fs.Args())
	}
	if *debounce < 0 {
		return ExitError, fmt.Errorf("%w: --debounce must not be negative, not %s", errUsage, *debounce)
	}
	size, err := parseSize(*maxMessage)
	if err != nil {
		return ExitError, fmt.Errorf("%w: --max-message-size: %w", errUsage, err)
	}
	var langs []string
	for _, l := range strings.Split(*languages, ",") {
		if l = strings.TrimSpace(l); l != "" {
			langs = append(langs, l)
		}
	}
	logOut := env.Stderr
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return ExitError, fmt.Errorf("--log: %w", err)
		}
		defer f.Close()
		logOut = f
	}
	logger := slog.New(slog.NewTextHandler(logOut, nil))
	srv := lsp.New(lsp.Options{
		Logger:         logger,
		Debounce:       *debounce,
		MaxMessageSize: int(size),
		Languages:      langs,
		Version:        Version,
	})
	if err := srv.Serve(ctx, env.Stdin, env.Stdout); err != nil {
		logger.Error("server stopped", "err", err)
		return exitLSPNoShutdown, nil
	}
	return exitLSPClean, nil
}
