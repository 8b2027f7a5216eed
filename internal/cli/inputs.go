package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/unitlint/unitlint/internal/config"
	"github.com/unitlint/unitlint/lint"
)

// inputSet is what the PATH arguments name: the inputs, each with the
// options of its own configuration, in order; the errors met (the run
// exits 2 but lints the rest); and notices of files skipped.
type inputSet struct {
	inputs  []lint.Input
	errs    []error
	notices []string
	// options holds one lint.Options per configuration, shared by the
	// inputs it applies to.
	options map[*config.Config]*lint.Options
	// reported dedupes errors: a broken .unitlint.yaml is met by every
	// file below it.
	reported map[string]bool
}

// collectInputs turns PATH arguments into inputs: a file is linted as
// named, whatever its extension, unless its configuration's ignore globs
// exclude it (then a notice says so); a directory is walked (see walker);
// "-" reads standard input, with the configuration of the working
// directory. Errors name the path; the other paths are still collected.
func collectInputs(paths []string, stdin io.Reader, loader *config.Loader) *inputSet {
	s := &inputSet{options: map[*config.Config]*lint.Options{}, reported: map[string]bool{}}
	for _, p := range paths {
		if p == "-" {
			cfg, err := loader.ForDir(".")
			if err != nil {
				s.fail(err)
				continue
			}
			b, err := io.ReadAll(stdin)
			if err != nil {
				s.fail(fmt.Errorf("read standard input: %w", err))
				continue
			}
			s.inputs = append(s.inputs, lint.Input{Path: "<stdin>", Src: b, Options: s.optionsOf(cfg)})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			s.fail(fmt.Errorf("%s: %w", p, lint.WithoutPath(err)))
			continue
		}
		var cfg *config.Config
		if info.IsDir() {
			cfg, err = loader.ForDir(p)
		} else {
			cfg, err = loader.ForFile(p)
		}
		if err != nil {
			s.fail(err)
			continue
		}
		if g, ignored := cfg.Ignored(p); ignored {
			s.notices = append(s.notices, fmt.Sprintf("%s: skipped: ignored by %q (%s)", p, g.Value, g.Source))
			continue
		}
		if !info.IsDir() {
			s.add(p, cfg)
			continue
		}
		w := &walker{loader: loader, add: s.add, fail: s.fail, notice: s.notice}
		w.walk(p)
	}
	return s
}

// add adds a file with its configuration's options.
func (s *inputSet) add(path string, cfg *config.Config) {
	s.inputs = append(s.inputs, lint.Input{Path: path, Options: s.optionsOf(cfg)})
}

// notice records a notice of a file skipped.
func (s *inputSet) notice(msg string) { s.notices = append(s.notices, msg) }

// fail records an error once.
func (s *inputSet) fail(err error) {
	if msg := err.Error(); !s.reported[msg] {
		s.reported[msg] = true
		s.errs = append(s.errs, err)
	}
}

// optionsOf returns the lint options of a configuration, one value per
// configuration.
func (s *inputSet) optionsOf(cfg *config.Config) *lint.Options {
	o, ok := s.options[cfg]
	if !ok {
		v := cfg.Options()
		o = &v
		s.options[cfg] = o
	}
	return o
}
