package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"strings"

	"github.com/unitlint/unitlint/internal/server"
)

// runServe runs `unitlint serve`: the JSON API and the editors' page,
// until ctx ends (SIGINT or SIGTERM in the command), then a graceful
// shutdown.
func runServe(ctx context.Context, args []string, env Env) (int, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	addr := fs.String("addr", server.DefaultAddr, "address to listen on, host:port (loopback unless --allow-remote)")
	allowRemote := fs.Bool("allow-remote", false, "allow an address other machines can reach (0.0.0.0, :8080, a LAN address)")
	maxBody := fs.String("max-body", "2MiB", "largest request body: bytes, or a number with KiB or MiB")
	maxInFlight := fs.Int("max-inflight", 0, "checks handled at once before answering 503 (0: 2 × GOMAXPROCS)")
	logFormat := fs.String("log-format", "text", "request log on stderr: text or json")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean, err
		}
		return ExitError, fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return ExitError, fmt.Errorf("%w: serve takes no arguments, got %q", errUsage, fs.Args())
	}
	if err := server.CheckAddr(*addr, *allowRemote); err != nil {
		return ExitError, fmt.Errorf("%w: --addr: %w", errUsage, err)
	}
	body, err := parseSize(*maxBody)
	if err != nil {
		return ExitError, fmt.Errorf("%w: --max-body: %w", errUsage, err)
	}
	if *maxInFlight < 0 {
		return ExitError, fmt.Errorf("%w: --max-inflight must be 0 or more, not %d", errUsage, *maxInFlight)
	}
	var handler slog.Handler
	switch *logFormat {
	case "text":
		handler = slog.NewTextHandler(env.Stderr, nil)
	case "json":
		handler = slog.NewJSONHandler(env.Stderr, nil)
	default:
		return ExitError, fmt.Errorf("%w: --log-format must be text or json, not %q", errUsage, *logFormat)
	}
	logger := slog.New(handler)
	srv, err := server.New(server.Config{MaxBody: body, MaxInFlight: *maxInFlight, Logger: logger})
	if err != nil {
		return ExitError, err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", *addr)
	if err != nil {
		return ExitError, fmt.Errorf("listen: %w", err)
	}
	logger.Info("listening", "url", "http://"+ln.Addr().String()+"/")
	if err := srv.Serve(ctx, ln); err != nil {
		return ExitError, err
	}
	logger.Info("stopped")
	return ExitClean, nil
}

// parseSize reads "2097152", "512KiB" or "2MiB".
func parseSize(s string) (int64, error) {
	mult := int64(1)
	num := s
	for suffix, m := range map[string]int64{"KiB": 1 << 10, "MiB": 1 << 20} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			num, mult = n, m
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("want a size such as 2MiB, 512KiB or 1048576, not %q", s)
	}
	return n * mult, nil
}
