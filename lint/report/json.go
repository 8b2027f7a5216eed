package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/unitlint/unitlint/lint"
)

// JSONDiagnostic is one diagnostic in the JSON contract.
type JSONDiagnostic struct {
	Path     string    `json:"path"`
	Rule     string    `json:"rule"`
	Severity string    `json:"severity"`
	Message  string    `json:"message"`
	Cause    string    `json:"cause,omitempty"`
	Start    Location  `json:"start"`
	End      Location  `json:"end"`
	Fixes    []JSONFix `json:"fixes"`
	// Encoding names the encoding the file was decoded from when it was
	// not UTF-8 ("utf-16le"): offsets then count bytes of the file's UTF-8
	// decoding, not of the file. Absent for UTF-8 files.
	Encoding string `json:"encoding,omitempty"`
}

// JSONFix is a suggested fix in the JSON contract; edits carry byte offsets.
type JSONFix struct {
	Message string     `json:"message"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit is one text edit: bytes [Start, End) become NewText.
type JSONEdit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"new_text"`
}

// JSONError is a file that could not be linted.
type JSONError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// NewJSONDiagnostic converts a diagnostic of a file.
func NewJSONDiagnostic(path string, f *lint.File, d lint.Diagnostic) JSONDiagnostic {
	jd := JSONDiagnostic{
		Path: path, Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message, Cause: d.Cause,
		Start: locate(f, d.Start), End: locate(f, d.End), Fixes: []JSONFix{},
	}
	for _, fx := range d.Fixes {
		jf := JSONFix{Message: fx.Message, Edits: []JSONEdit{}}
		for _, e := range fx.Edits {
			jf.Edits = append(jf.Edits, JSONEdit{Start: e.Start, End: e.End, NewText: e.NewText})
		}
		jd.Fixes = append(jd.Fixes, jf)
	}
	return jd
}

// jsonStream writes {"<key>":[item,item,...],"errors":[...]} as results come.
type jsonStream struct {
	w      *bufio.Writer
	key    string
	n      int
	errors []JSONError
}

func newJSONStream(w io.Writer, key string) *jsonStream {
	return &jsonStream{w: bufio.NewWriter(w), key: key}
}

func (s *jsonStream) item(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	if s.n == 0 {
		fmt.Fprintf(s.w, "{%q:[\n", s.key)
	} else {
		s.w.WriteString(",\n")
	}
	s.n++
	_, err = s.w.Write(b)
	return err
}

func (s *jsonStream) noteError(res *lint.Result) {
	if res.Err != nil {
		s.errors = append(s.errors, JSONError{Path: res.Path, Message: res.Err.Error()})
	}
}

func (s *jsonStream) close() error {
	if s.n == 0 {
		fmt.Fprintf(s.w, "{%q:[", s.key)
	} else {
		s.w.WriteString("\n")
	}
	s.w.WriteString("]")
	if len(s.errors) > 0 {
		b, err := json.Marshal(s.errors)
		if err != nil {
			return fmt.Errorf("encode json: %w", err)
		}
		s.w.WriteString(`,"errors":`)
		s.w.Write(b)
	}
	s.w.WriteString("}\n")
	return s.w.Flush()
}

// JSON writes the check contract: {"diagnostics":[...]}.
type JSON struct{ s *jsonStream }

// NewJSON returns a JSON reporter writing to w.
func NewJSON(w io.Writer) *JSON { return &JSON{s: newJSONStream(w, "diagnostics")} }

// Report implements Reporter.
func (j *JSON) Report(res *lint.Result) error {
	j.s.noteError(res)
	for _, d := range res.Diagnostics {
		jd := NewJSONDiagnostic(res.Path, res.File, d)
		jd.Encoding = res.Encoding
		if err := j.s.item(jd); err != nil {
			return err
		}
	}
	return nil
}

// Close implements Reporter.
func (j *JSON) Close() error { return j.s.close() }
