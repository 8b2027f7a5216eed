package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/unitlint/unitlint/lint"
)

// lintedExtensions are the file extensions a directory walk picks up.
var lintedExtensions = map[string]bool{".txt": true, ".md": true, ".markdown": true}

// collectInputs turns PATH arguments into inputs: files as named,
// directories walked in lexical order for linted extensions (hidden files
// and directories skipped), "-" read from stdin. Errors name the path; the
// other paths are still collected.
func collectInputs(paths []string, stdin io.Reader) ([]lint.Input, []error) {
	var inputs []lint.Input
	var errs []error
	for _, p := range paths {
		if p == "-" {
			b, err := io.ReadAll(stdin)
			if err != nil {
				errs = append(errs, fmt.Errorf("read standard input: %w", err))
				continue
			}
			inputs = append(inputs, lint.Input{Path: "<stdin>", Src: b})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPathError(err)))
			continue
		}
		if !info.IsDir() {
			inputs = append(inputs, lint.Input{Path: p})
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, unwrapPathError(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && lintedExtensions[strings.ToLower(filepath.Ext(name))] {
				inputs = append(inputs, lint.Input{Path: path})
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("walk %s: %w", p, err))
		}
	}
	return inputs, errs
}

// unwrapPathError drops the path an *fs.PathError repeats.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
