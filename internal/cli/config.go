package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"

	"github.com/unitlint/unitlint/internal/config"
	"github.com/unitlint/unitlint/lint"
)

// configFlags are the flags that choose the configuration: --config and
// the house-style values that override it.
type configFlags struct {
	file string
}

func (f *configFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.file, "config", "", "configuration `file` for every PATH (default: the nearest "+config.FileName+" up from each file)")
	fs.String("tolerance", "", "judgement profile: strict, standard or lenient (default: the configuration's, else standard)")
	fs.String("gallon", "", "what a bare gallon (pint, fl oz, mpg) means: auto, us or imperial (default: the configuration's, else auto)")
	fs.String("ton", "", "what a bare ton means: auto, short, long or metric (default: the configuration's, else auto)")
	fs.String("locale", "", "number locale, a BCP 47 tag: en reads 1,000.5, de 1.000,5, fr 1 000,5 (default: the configuration's, else en)")
}

// loader returns the configuration loader: the flags the user set
// override every file's values; those left alone do not.
func (f *configFlags) loader(fs *flag.FlagSet) (*config.Loader, error) {
	keys := config.FlagKeys()
	var overrides []config.Override
	fs.Visit(func(fl *flag.Flag) {
		if slices.Contains(keys, fl.Name) {
			overrides = append(overrides, config.Override{Key: fl.Name, Value: fl.Value.String()})
		}
	})
	l, err := config.NewLoader(f.file, overrides)
	var flagErr *config.FlagError
	if errors.As(err, &flagErr) {
		return nil, fmt.Errorf("%w: %w", errUsage, err)
	}
	return l, err
}

// runConfig runs `unitlint config [PATH]`: the effective configuration
// of PATH (a file, or a directory for the files in it; default the
// working directory), each value with where it came from.
func runConfig(args []string, env Env) (int, error) {
	fs := flag.NewFlagSet("config", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var f configFlags
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean, err
		}
		return ExitError, fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 1 {
		return ExitError, fmt.Errorf("%w: config takes at most one PATH, got %d", errUsage, fs.NArg())
	}
	target := "."
	if fs.NArg() == 1 {
		target = fs.Arg(0)
	}
	loader, err := f.loader(fs)
	if err != nil {
		return ExitError, err
	}
	info, err := os.Stat(target)
	if err != nil {
		return ExitError, fmt.Errorf("%s: %w", target, lint.WithoutPath(err))
	}
	var cfg *config.Config
	if info.IsDir() {
		cfg, err = loader.ForDir(target)
	} else {
		cfg, err = loader.ForFile(target)
	}
	if err != nil {
		return ExitError, err
	}
	return ExitClean, cfg.Describe(env.Stdout, target)
}
