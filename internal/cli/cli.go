// Package cli is unitlint's command line: `unitlint check`, `unitlint
// pairs`, `unitlint rules`. cmd/unitlint only wires it to the process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

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
}

const usage = `unitlint checks the unit conversions in news copy.

Usage:
  unitlint check [flags] PATH...   report conversions that do not agree
  unitlint pairs [flags] PATH...   list every pair found, right or wrong
  unitlint rules                   list the rules with their documentation
  unitlint version                 print the version

PATH is a file, a directory (walked for .txt and .md files) or - for
standard input. Run "unitlint check -h" for the flags.
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
	case "rules":
		runRules(env.Stdout)
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
	format    string
	failLevel string
	tolerance string
	gallon    string
	ton       string
	color     string
	quiet     bool
}

func (f *checkFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "output format: text or json")
	fs.StringVar(&f.failLevel, "fail-level", "warning", "lowest severity that makes the exit code 1: info, warning or error")
	fs.StringVar(&f.tolerance, "tolerance", "standard", "judgement profile: strict, standard or lenient")
	fs.StringVar(&f.gallon, "gallon", "auto", "what a bare gallon (pint, fl oz, mpg) means: auto, us or imperial")
	fs.StringVar(&f.ton, "ton", "auto", "what a bare ton means: auto, short, long or metric")
	fs.StringVar(&f.color, "color", "auto", "colour text output: auto, always or never (NO_COLOR turns auto off)")
	fs.BoolVar(&f.quiet, "quiet", false, "print no summary line")
}

// options turns the flags into lint options.
func (f *checkFlags) options() (lint.Options, error) {
	var o lint.Options
	switch f.tolerance {
	case "standard":
	case "strict":
		o.Tolerance = lint.Strict
	case "lenient":
		o.Tolerance = lint.Lenient
	default:
		return o, fmt.Errorf("%w: --tolerance must be strict, standard or lenient, not %q", errUsage, f.tolerance)
	}
	switch f.gallon {
	case "auto":
	case "us":
		o.Gallon = lint.GallonUS
	case "imperial":
		o.Gallon = lint.GallonImperial
	default:
		return o, fmt.Errorf("%w: --gallon must be auto, us or imperial, not %q", errUsage, f.gallon)
	}
	switch f.ton {
	case "auto":
	case "short":
		o.Ton = lint.TonShort
	case "long":
		o.Ton = lint.TonLong
	case "metric":
		o.Ton = lint.TonMetric
	default:
		return o, fmt.Errorf("%w: --ton must be auto, short, long or metric, not %q", errUsage, f.ton)
	}
	return o, nil
}

func runCheck(ctx context.Context, args []string, env Env, pairsMode bool) (int, error) {
	name := "check"
	if pairsMode {
		name = "pairs"
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var f checkFlags
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean, err
		}
		return ExitError, fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() == 0 {
		return ExitError, fmt.Errorf("%w: %s needs at least one PATH", errUsage, name)
	}
	opts, err := f.options()
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
	var rep report.Reporter
	switch {
	case f.format == "json" && pairsMode:
		rep = report.NewPairsJSON(env.Stdout)
	case f.format == "json":
		rep = report.NewJSON(env.Stdout)
	case f.format == "text" && pairsMode:
		rep = report.NewPairsText(env.Stdout, env.Stderr)
	case f.format == "text":
		rep = report.NewText(env.Stdout, env.Stderr, color)
	default:
		return ExitError, fmt.Errorf("%w: --format must be text or json, not %q", errUsage, f.format)
	}
	inputs, walkErrs := collectInputs(fs.Args(), env.Stdin)
	for _, e := range walkErrs {
		fmt.Fprintf(env.Stderr, "unitlint: %v\n", e)
	}
	analyzers := rules.All()
	if pairsMode {
		analyzers = []*lint.Analyzer{rules.Judgements}
	}
	runner := &lint.Runner{Analyzers: analyzers, Options: opts}
	var counts report.Counts
	findings := false
	err = runner.Run(ctx, inputs, func(res *lint.Result) error {
		counts.Add(res)
		for _, d := range res.Diagnostics {
			if d.Severity >= failLevel {
				findings = true
			}
		}
		return rep.Report(res)
	})
	if cerr := rep.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return ExitError, err
	}
	if f.format == "text" && !f.quiet && !pairsMode {
		fmt.Fprintln(env.Stderr, summary(counts))
	}
	switch {
	case counts.Failed > 0 || len(walkErrs) > 0:
		return ExitError, nil
	case findings && !pairsMode:
		return ExitFindings, nil
	}
	return ExitClean, nil
}

// summary writes "3 problems (2 errors, 1 warning) in 2 of 40 files".
func summary(c report.Counts) string {
	if c.Problems() == 0 {
		return fmt.Sprintf("no problems in %s", plural(c.Files, "file"))
	}
	var parts []string
	if c.Errors > 0 {
		parts = append(parts, plural(c.Errors, "error"))
	}
	if c.Warnings > 0 {
		parts = append(parts, plural(c.Warnings, "warning"))
	}
	if c.Infos > 0 {
		parts = append(parts, plural(c.Infos, "note"))
	}
	return fmt.Sprintf("%s (%s) in %d of %s", plural(c.Problems(), "problem"), strings.Join(parts, ", "), c.FilesWithProblems, plural(c.Files, "file"))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// runRules lists the rules.
func runRules(w io.Writer) {
	for i, r := range rules.All() {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s (%s): %s\n\n%s\n", r.Name, r.Severity, r.Summary, r.Doc)
		for _, ex := range r.Examples {
			mark := "good"
			if ex.Bad {
				mark = "bad "
			}
			fmt.Fprintf(w, "  %s: %s", mark, ex.Text)
			if ex.Note != "" {
				fmt.Fprintf(w, "  (%s)", ex.Note)
			}
			fmt.Fprintln(w)
		}
	}
}
