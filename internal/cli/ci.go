package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/unitlint/unitlint/internal/atomicfile"
	"github.com/unitlint/unitlint/internal/fix"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/report"
	"github.com/unitlint/unitlint/rules"
)

// stdinPath is the path of standard input's input.
const stdinPath = "<stdin>"

// checkFormats are the formats of `check --format`.
var checkFormats = []string{"text", "json", "sarif", "github", "gitlab", "checkstyle", "rdjson", "html"}

// pairsFormats are the formats of `pairs --format`.
var pairsFormats = []string{"text", "json"}

// newReporter returns the reporter of format writing to w.
func newReporter(format string, pairsMode bool, w, errs io.Writer, color bool, meta report.Meta) (report.Reporter, error) {
	if pairsMode {
		switch format {
		case "text":
			return report.NewPairsText(w, errs), nil
		case "json":
			return report.NewPairsJSON(w), nil
		}
		return nil, fmt.Errorf("%w: --format must be %s, not %q", errUsage, orList(pairsFormats), format)
	}
	switch format {
	case "text":
		return report.NewText(w, errs, color), nil
	case "json":
		return report.NewJSON(w), nil
	case "sarif":
		return report.NewSARIF(w, meta), nil
	case "github":
		return report.NewGitHub(w, meta), nil
	case "gitlab":
		return report.NewGitLab(w, meta), nil
	case "checkstyle":
		return report.NewCheckstyle(w, meta), nil
	case "rdjson":
		return report.NewRDJSON(w, meta), nil
	case "html":
		return report.NewHTML(w, meta)
	}
	return nil, fmt.Errorf("%w: --format must be %s, not %q", errUsage, orList(checkFormats), format)
}

// orList writes "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// outputs are where a run's reports go: stdout in --format, or, with
// --output FILE, FILE in --format (written atomically) and stdout in text;
// with --diff, stdout carries the diff and no report.
type outputs struct {
	reporters []report.Reporter
	file      *atomicfile.Pending
	// terminalText reports whether stdout (or stderr) shows the text
	// format, which the summary line goes with.
	terminalText bool
}

// openOutputs sets up the reporters of a run.
func openOutputs(f *checkFlags, env Env, pairsMode, color bool) (*outputs, error) {
	meta := report.Meta{Version: Version, Rules: rules.All()}
	if wd, err := os.Getwd(); err == nil {
		meta.BaseDir = wd
	}
	if err := validFormat(f.format, pairsMode); err != nil {
		return nil, err
	}
	o := &outputs{terminalText: f.format == "text" || f.output != ""}
	var rep report.Reporter
	var err error
	switch {
	case f.diff:
		// stdout carries the diff; files that cannot be read are still
		// named on stderr
		rep = report.NewText(io.Discard, env.Stderr, false)
	case f.output != "":
		rep, err = newReporter("text", pairsMode, env.Stdout, env.Stderr, color, meta)
	default:
		rep, err = newReporter(f.format, pairsMode, env.Stdout, env.Stderr, color, meta)
	}
	if err != nil {
		return nil, err
	}
	o.reporters = append(o.reporters, rep)
	if f.output == "" {
		return o, nil
	}
	p, err := atomicfile.Create(writeFS(env), f.output, 0o644)
	if err != nil {
		return nil, err
	}
	// the terminal's reporter names files that cannot be read: the file's
	// reporter does not repeat it there
	rep, err = newReporter(f.format, pairsMode, p, io.Discard, false, meta)
	if err != nil {
		p.Abort()
		return nil, err
	}
	o.file = p
	o.reporters = append(o.reporters, rep)
	return o, nil
}

// validFormat checks a format name without opening a reporter.
func validFormat(format string, pairsMode bool) error {
	_, err := newReporter(format, pairsMode, io.Discard, io.Discard, false, report.Meta{})
	return err
}

// Report implements report.Reporter: it reports to every output.
func (o *outputs) Report(res *lint.Result) error {
	for _, r := range o.reporters {
		if err := r.Report(res); err != nil {
			return err
		}
	}
	return nil
}

// Close closes every reporter, then commits the --output file (or, when
// the run failed or was cancelled, removes it and leaves any earlier
// report in place).
func (o *outputs) Close(ctx context.Context, runErr error) error {
	err := runErr
	for _, r := range o.reporters {
		if cerr := r.Close(); err == nil {
			err = cerr
		}
	}
	if o.file == nil {
		return err
	}
	if err != nil {
		o.file.Abort()
		return err
	}
	return o.file.Commit(ctx, nil)
}

// writeFS returns the file system --fix and --output write through.
func writeFS(env Env) atomicfile.FS {
	if env.FS != nil {
		return env.FS
	}
	return atomicfile.OS{}
}

// fixer applies fixes to each result as it comes (check --fix, --diff).
type fixer struct {
	runner *lint.Runner
	inputs []lint.Input
	next   int // index in inputs of the next result
	fsys   atomicfile.FS
	diff   io.Writer // --diff: where diffs go; nil writes the files
	errs   io.Writer
	// fixed and files count the fixes applied (or, with --diff, that
	// would be) and the files they change.
	fixed, files int
}

// newFixer returns the fixer of a run, or nil without --fix or --diff.
func newFixer(f *checkFlags, env Env, runner *lint.Runner, inputs []lint.Input) (*fixer, error) {
	if !f.fix && !f.diff {
		return nil, nil
	}
	fx := &fixer{runner: runner, inputs: inputs, fsys: writeFS(env), errs: env.Stderr}
	if f.diff {
		fx.diff = env.Stdout
		return fx, nil
	}
	for _, in := range inputs {
		if in.Path == stdinPath {
			return nil, fmt.Errorf("%w: --fix cannot rewrite standard input; use --diff to see the fixes", errUsage)
		}
	}
	return fx, nil
}

// apply fixes one file and returns what to report: the result of the fixed
// text when fixes were written; the result as it was when nothing was
// written (with --diff, or when nothing applies); the result as it was
// with Err set when writing failed, so the run ends with exit code 2.
func (fx *fixer) apply(ctx context.Context, res *lint.Result) *lint.Result {
	in := fx.inputs[fx.next]
	fx.next++
	if res.Err != nil || res.File == nil || !hasFix(res.Diagnostics) {
		return res
	}
	if res.Encoding != "" && fx.diff != nil {
		fmt.Fprintf(fx.errs, "unitlint: %s: no diff: the file is %s, which a patch cannot apply to; --fix rewrites it in its own encoding\n", res.Path, res.Encoding)
		return res
	}
	out, err := fix.File(ctx, res, func(ctx context.Context, src []byte) (*lint.Result, error) {
		return relint(ctx, fx.runner, in, src)
	})
	if err != nil {
		return failed(res, err)
	}
	for _, u := range out.Unfixed {
		fmt.Fprintf(fx.errs, "unitlint: %s: not fixed: %v\n", res.File.Position(u.Diagnostic.Start), u.Err)
	}
	if !out.Changed() {
		return out.Result
	}
	if fx.diff != nil {
		d, err := fix.Diff(filepath.ToSlash(res.Path), out.Before, out.After)
		if err != nil {
			return failed(res, err)
		}
		if _, err := io.WriteString(fx.diff, d); err != nil {
			return failed(res, fmt.Errorf("write diff: %w", err))
		}
		fx.fixed += out.Fixed
		fx.files++
		return res
	}
	// a file in UTF-16 or UTF-32 is written back in its own encoding; the
	// fixes were made to its decoded text
	before, err := lint.EncodeSource(out.Before, res.Encoding)
	if err != nil {
		return failed(res, fmt.Errorf("fix %s: %w", res.Path, err))
	}
	after, err := lint.EncodeSource(out.After, res.Encoding)
	if err != nil {
		return failed(res, fmt.Errorf("fix %s: %w", res.Path, err))
	}
	if err := atomicfile.Replace(ctx, fx.fsys, res.Path, before, after); err != nil {
		return failed(res, err)
	}
	fx.fixed += out.Fixed
	fx.files++
	return out.Result
}

// summary writes "fixed 3 problems in 2 files" (or "would fix", with
// --diff).
func (fx *fixer) summary() string {
	verb := "fixed"
	if fx.diff != nil {
		verb = "would fix"
	}
	return fmt.Sprintf("%s %s in %s", verb, plural(fx.fixed, "problem"), plural(fx.files, "file"))
}

// failed returns a copy of res that carries err (which names the file).
func failed(res *lint.Result, err error) *lint.Result {
	r := *res
	r.Err = err
	return &r
}

// hasFix reports whether any diagnostic carries a fix.
func hasFix(ds []lint.Diagnostic) bool {
	for _, d := range ds {
		if len(d.Fixes) > 0 {
			return true
		}
	}
	return false
}

// relint lints the new text of an input, with its parser and options.
func relint(ctx context.Context, r *lint.Runner, in lint.Input, src []byte) (*lint.Result, error) {
	one := *r
	one.Workers = 1
	in.Src = src
	var out *lint.Result
	err := one.Run(ctx, []lint.Input{in}, func(res *lint.Result) error {
		out = res
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// newCheckFlagSet returns the flag set of check (or, with pairsMode,
// pairs) and the flags it fills.
func newCheckFlagSet(name string, pairsMode bool) (*flag.FlagSet, *checkFlags) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	f := &checkFlags{}
	f.register(fs)
	f.outputFlags.register(fs, pairsMode)
	return fs, f
}

// outputFlags are the flags that say where reports and fixes go.
type outputFlags struct {
	output string
	fix    bool
	diff   bool
}

// register adds --output to both commands, and --fix and --diff to check.
func (f *outputFlags) register(fs *flag.FlagSet, pairsMode bool) {
	fs.StringVar(&f.output, "output", "", "also write the report in --format to `FILE` (atomically), and show text on the terminal")
	if pairsMode {
		return
	}
	fs.BoolVar(&f.fix, "fix", false, "apply every suggested fix in place, then report what remains")
	fs.BoolVar(&f.diff, "diff", false, "print the fixes as a unified diff instead of writing them")
}
