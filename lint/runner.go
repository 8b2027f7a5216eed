package lint

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Result is the outcome of linting one file.
type Result struct {
	Path        string
	File        *File
	Doc         *Document
	Diagnostics []Diagnostic
	// Facts holds every analyzer's result (the "pairs" analyzer's pairs,
	// for instance), keyed by analyzer.
	Facts map[*Analyzer]any
	// Encoding names the encoding the file was decoded from
	// (EncodingUTF16LE, ...) when it was not UTF-8: File then holds the
	// decoded text, and every offset, line and column refers to it. Empty
	// for UTF-8, with or without a byte order mark: offsets are the file's.
	Encoding string
	// Skipped says why the file was not linted ("binary file"), if so.
	Skipped string
	// Err is the error that stopped this file (unreadable, ...).
	Err error
}

// ParseFunc turns a source file into the document the rules see. It
// returns ctx's error, promptly, once ctx is done.
type ParseFunc func(ctx context.Context, f *File) (*Document, error)

// ParseText is the ParseFunc for plain text.
func ParseText(_ context.Context, f *File) (*Document, error) { return NewTextDocument(f), nil }

// Analyze runs analyzers (and what they require) over one document.
// Diagnostics come back mapped to the source file, sorted by position,
// without those the document's suppressions cover (and with a warning for
// each unused suppression when opts.ReportUnusedSuppressions is set).
func Analyze(ctx context.Context, doc *Document, analyzers []*Analyzer, opts *Options) (*Result, error) {
	if opts == nil {
		opts = &Options{}
	}
	res := &Result{Path: doc.File.Name(), File: doc.File, Doc: doc, Facts: map[*Analyzer]any{}}
	var run func(a *Analyzer) error
	var running []*Analyzer // the analyzers being run, each requiring the next
	var known []string      // rule names, for suppressions
	run = func(a *Analyzer) error {
		if _, done := res.Facts[a]; done {
			return nil
		}
		if a.IsRule() {
			known = append(known, a.Name)
		}
		if slices.Contains(running, a) {
			return fmt.Errorf("analyzer %s requires itself", a.Name)
		}
		running = append(running, a)
		defer func() { running = running[:len(running)-1] }()
		sev := opts.SeverityOf(a)
		if a.IsRule() && sev == SeverityOff {
			res.Facts[a] = nil
			return nil
		}
		deps := make(map[*Analyzer]any, len(a.Requires))
		for _, r := range a.Requires {
			if err := run(r); err != nil {
				return err
			}
			deps[r] = res.Facts[r]
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		pass := &Pass{Analyzer: a, Context: ctx, Doc: doc, Options: opts, ResultOf: deps, sev: sev, res: res}
		v, err := a.Run(pass)
		if err != nil {
			return fmt.Errorf("%s: %w", a.Name, err)
		}
		res.Facts[a] = v
		return nil
	}
	for _, a := range analyzers {
		if err := run(a); err != nil {
			return nil, err
		}
	}
	SortDiagnostics(res.Diagnostics)
	if len(doc.Suppressions) > 0 {
		sp := newSuppressor(doc.File, doc.Suppressions)
		res.Diagnostics = sp.filter(res.Diagnostics)
		if opts.ReportUnusedSuppressions {
			sev := opts.SeverityOf(&Analyzer{Name: RuleUnusedSuppression, Severity: SeverityWarning})
			if sev != SeverityOff {
				res.Diagnostics = append(res.Diagnostics, sp.unused(known, sev)...)
				SortDiagnostics(res.Diagnostics)
			}
		}
	}
	return res, nil
}

// mapDiagnostic maps a diagnostic's text offsets to source offsets.
func mapDiagnostic(doc *Document, d Diagnostic) Diagnostic {
	d.Start, d.End = doc.SourceSpan(d.Start, d.End)
	for i := range d.Related {
		r := &d.Related[i]
		r.Start, r.End = doc.SourceSpan(r.Start, r.End)
	}
	fixes := make([]SuggestedFix, len(d.Fixes))
	for i, f := range d.Fixes {
		edits := make([]TextEdit, len(f.Edits))
		for j, e := range f.Edits {
			s, en := doc.SourceSpan(e.Start, e.End)
			edits[j] = TextEdit{Start: s, End: en, NewText: e.NewText}
		}
		fixes[i] = SuggestedFix{Message: f.Message, Edits: edits}
	}
	d.Fixes = fixes
	return d
}

// SortDiagnostics sorts by start, end, then rule name, keeping the order
// of equal ones.
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.End, b.End); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// CheckBytes lints src as a plain-text file named name: the one-call
// library entry point.
func CheckBytes(ctx context.Context, name string, src []byte, analyzers []*Analyzer, opts Options) (*Result, error) {
	return Analyze(ctx, NewTextDocument(NewFile(name, src)), analyzers, &opts)
}

// WithoutPath returns the cause of the *fs.PathError in err ("no such file
// or directory"), for a message that names the path itself; any other
// error as it is.
func WithoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Input is one file to lint: its path, and its bytes when they are already
// in memory (Src nil: the runner reads Path).
type Input struct {
	Path string
	Src  []byte
	// Options, when set, replaces the Runner's options for this file (its
	// own .unitlint.yaml, say).
	Options *Options
}

// Runner lints many files in parallel.
type Runner struct {
	Analyzers []*Analyzer
	Options   Options
	// Workers bounds the files linted at once; 0 means GOMAXPROCS.
	Workers int
	// Parse picks the markup of a file; nil means plain text for all.
	Parse func(path string) ParseFunc
	// ReadFile reads a file; nil means os.ReadFile.
	ReadFile func(path string) ([]byte, error)
}

// ErrBinary is the reason a file that looks binary is skipped.
var ErrBinary = errors.New("binary file (NUL byte in the first 8 KiB)")

// Run lints inputs and calls emit with each file's result in input order,
// as soon as that file and all before it are done, so memory stays bounded
// by the number of workers. A file that cannot be read or parsed has Err
// set and the run goes on. Run stops early when ctx is cancelled or emit
// returns an error, and returns that error.
func (r *Runner) Run(ctx context.Context, inputs []Input, emit func(*Result) error) error {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type slot struct {
		res  *Result
		done chan struct{}
	}
	slots := make([]slot, len(inputs))
	for i := range slots {
		slots[i].done = make(chan struct{})
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	// window bounds how far workers may run ahead of the emitter.
	window := make(chan struct{}, 2*workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				slots[i].res = r.lintOne(ctx, inputs[i])
				close(slots[i].done)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	for i := range slots {
		select {
		case <-slots[i].done:
		case <-ctx.Done():
		}
		// once cancelled, emit nothing more, even a result that is ready
		if err = ctx.Err(); err != nil {
			break
		}
		res := slots[i].res
		slots[i].res = nil
		<-window
		if e := emit(res); e != nil {
			err = e
			break
		}
	}
	cancel()
	wg.Wait()
	return err
}

// lintOne reads, parses and analyses one input.
func (r *Runner) lintOne(ctx context.Context, in Input) *Result {
	res := &Result{Path: in.Path}
	if err := ctx.Err(); err != nil {
		// cancelled while queued: do not read a file no one will see
		res.Err = fmt.Errorf("lint %s: %w", in.Path, err)
		return res
	}
	src := in.Src
	if src == nil {
		read := r.ReadFile
		if read == nil {
			read = os.ReadFile
		}
		b, err := read(in.Path)
		if err != nil {
			// "read a.txt: no such file or directory", not "read a.txt:
			// open a.txt: no such file or directory"
			res.Err = fmt.Errorf("read %s: %w", in.Path, WithoutPath(err))
			return res
		}
		src = b
	}
	src, enc, err := DecodeSource(src)
	res.Encoding = enc
	if err != nil {
		res.Err = fmt.Errorf("read %s: %w", in.Path, err)
		return res
	}
	if IsBinary(src) {
		res.Skipped = ErrBinary.Error()
		if enc := LooksUTF16(src); enc != "" {
			res.Skipped = "looks like " + enc + " without a byte order mark: save it as UTF-8, or with the mark"
		}
		return res
	}
	f := NewFile(in.Path, src)
	res.File = f
	parse := ParseFunc(ParseText)
	if r.Parse != nil {
		if p := r.Parse(in.Path); p != nil {
			parse = p
		}
	}
	doc, err := parse(ctx, f)
	if err != nil {
		res.Err = fmt.Errorf("parse %s: %w", in.Path, err)
		return res
	}
	opts := &r.Options
	if in.Options != nil {
		opts = in.Options
	}
	out, err := Analyze(ctx, doc, r.Analyzers, opts)
	if err != nil {
		res.Err = fmt.Errorf("lint %s: %w", in.Path, err)
		return res
	}
	out.Path = in.Path
	out.Encoding = enc
	return out
}

// IsBinary reports whether src looks binary: a NUL byte in its first 8 KiB.
func IsBinary(src []byte) bool {
	head := src
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	return bytes.IndexByte(head, 0) >= 0
}

// ValidUTF8 reports the offset of the first invalid UTF-8 byte, or -1.
func ValidUTF8(src []byte) int {
	if utf8.Valid(src) { // the common case, many times faster than the loop
		return -1
	}
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
