// Package cli is unitlint's command line: `unitlint check`, `unitlint
// pairs`, `unitlint rules`. cmd/unitlint only wires it to the process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/unitlint/unitlint/internal/atomicfile"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/report"
	"github.com/unitlint/unitlint/rules"
)

// Exit codes.
const (
	ExitClean    = 0 // nothing at or above the fail level
	ExitFindings = 1 // findings at or above the fail level
	ExitError    = 2 // usage or I/O error
)

// Env is what a command sees of its process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads an environment variable (NO_COLOR).
	Getenv func(string) string
	// IsTerminal reports whether Stdout is a terminal.
	IsTerminal bool
	// FS is the file system --fix and --output write through; nil means
	// the operating system's.
	FS atomicfile.FS
}

const usage = `unitlint checks the unit conversions in news copy.

Usage:
  unitlint check [flags] PATH...   report conversions that do not agree
  unitlint pairs [flags] PATH...   list every pair found, right or wrong
  unitlint rules                   list the rules with their documentation
  unitlint config [flags] [PATH]   print the configuration of PATH, and where each value comes from
  unitlint serve [flags]           serve the JSON API and the editors' page
  unitlint lsp [flags]             speak the Language Server Protocol on stdin and stdout
  unitlint version                 print the version

PATH is a file, a directory (walked for the extensions the configuration
maps to a markup: .txt, .md, .markdown, .html, .htm by default) or - for
standard input. Settings come from the nearest .unitlint.yaml up from each
file (see docs/config.md). Run "unitlint check -h" for the flags.
`

// Version is the program's version.
const Version = "0.1.0"

// errUsage marks an error in the command line.
var errUsage = errors.New("usage")

// Run runs the command line args (without the program name) and returns
// the exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return ExitError
	}
	var err error
	code := ExitClean
	switch args[0] {
	case "check":
		code, err = runCheck(ctx, args[1:], env, false)
	case "pairs":
		code, err = runCheck(ctx, args[1:], env, true)
	case "serve":
		code, err = runServe(ctx, args[1:], env)
	case "lsp":
		code, err = runLSP(ctx, args[1:], env)
	case "rules":
		err = runRules(args[1:], env)
	case "config":
		code, err = runConfig(args[1:], env)
	case "version", "--version", "-version":
		fmt.Fprintf(env.Stdout, "unitlint %s\n", Version)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(env.Stdout, usage)
	default:
		err = fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		if errors.Is(err, context.Canceled) {
			// Ctrl-C: what was reported stands; no file was half written
			fmt.Fprintln(env.Stderr, "unitlint: interrupted")
			return ExitError
		}
		fmt.Fprintf(env.Stderr, "unitlint: %v\n", err)
		if errors.Is(err, errUsage) {
			fmt.Fprint(env.Stderr, "\n"+usage)
		}
		return ExitError
	}
	return code
}

// checkFlags are the flags of check and pairs.
type checkFlags struct {
	configFlags
	outputFlags
	format    string
	failLevel string
	color     string
	quiet     bool
	// reportUnused reports suppressions that suppress nothing.
	reportUnused bool
}

func (f *checkFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "output format: text, json, sarif, github, gitlab, checkstyle, rdjson or html (pairs: text or json)")
	fs.StringVar(&f.failLevel, "fail-level", "warning", "lowest severity that makes the exit code 1: info, warning or error")
	f.configFlags.register(fs)
	fs.StringVar(&f.color, "color", "auto", "colour text output: auto, always or never (NO_COLOR turns auto off)")
	fs.BoolVar(&f.quiet, "quiet", false, "print no summary line")
	fs.BoolVar(&f.reportUnused, "report-unused-suppressions", false, "warn about each unitlint-disable comment or unitlint:ignore marker that suppresses nothing (rule unused-suppression)")
}

func runCheck(ctx context.Context, args []string, env Env, pairsMode bool) (int, error) {
	name := "check"
	if pairsMode {
		name = "pairs"
	}
	fs, f := newCheckFlagSet(name, pairsMode)
	fs.SetOutput(env.Stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean, err
		}
		return ExitError, fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() == 0 {
		return ExitError, fmt.Errorf("%w: %s needs at least one PATH", errUsage, name)
	}
	loader, err := f.loader(fs)
	if err != nil {
		return ExitError, err
	}
	failLevel, err := lint.ParseSeverity(f.failLevel)
	if err != nil || failLevel == lint.SeverityOff {
		return ExitError, fmt.Errorf("%w: --fail-level must be info, warning or error, not %q", errUsage, f.failLevel)
	}
	color := false
	switch f.color {
	case "always":
		color = true
	case "never":
	case "auto":
		color = env.IsTerminal && env.Getenv("NO_COLOR") == ""
	default:
		return ExitError, fmt.Errorf("%w: --color must be auto, always or never, not %q", errUsage, f.color)
	}
	rep, err := openOutputs(f, env, pairsMode, color)
	if err != nil {
		return ExitError, err
	}
	in := collectInputs(fs.Args(), env.Stdin, loader)
	for _, o := range in.options {
		o.ReportUnusedSuppressions = f.reportUnused
	}
	for _, n := range in.notices {
		fmt.Fprintf(env.Stderr, "unitlint: %s\n", n)
	}
	for _, e := range in.errs {
		fmt.Fprintf(env.Stderr, "unitlint: %v\n", e)
	}
	analyzers := rules.All()
	if pairsMode {
		analyzers = []*lint.Analyzer{rules.Judgements, rules.ExchangeRates}
	}
	// each input carries the options of its own configuration, and is
	// read as the markup its configuration maps its extension to
	runner := &lint.Runner{Analyzers: analyzers, Parse: loader.Parser}
	fx, err := newFixer(f, env, runner, in.inputs)
	if err != nil {
		return ExitError, rep.Close(ctx, err)
	}
	var counts report.Counts
	findings := false
	err = runner.Run(ctx, in.inputs, func(res *lint.Result) error {
		if fx != nil {
			res = fx.apply(ctx, res)
		}
		counts.Add(res)
		for _, d := range res.Diagnostics {
			if d.Severity >= failLevel {
				findings = true
			}
		}
		return rep.Report(res)
	})
	if err := rep.Close(ctx, err); err != nil {
		return ExitError, err
	}
	if fx != nil && !f.quiet {
		fmt.Fprintln(env.Stderr, fx.summary())
	}
	if rep.terminalText && !f.quiet && !pairsMode {
		fmt.Fprintln(env.Stderr, summary(counts))
	}
	switch {
	case counts.Failed > 0 || len(in.errs) > 0:
		return ExitError, nil
	case findings && !pairsMode:
		return ExitFindings, nil
	}
	return ExitClean, nil
}

// summary writes "3 problems (2 errors, 1 warning) in 2 of 40 files".
func summary(c report.Counts) string { return c.Summary() }

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
