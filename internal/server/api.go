package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/unitlint/unitlint/internal/fix"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/report"
	"github.com/unitlint/unitlint/rules"
)

// inputPath is the "path" of the diagnostics of a request.
const inputPath = "<input>"

// checkResponse is the body of a POST /v1/check answer.
type checkResponse struct {
	// Diagnostics are in the JSON contract of `unitlint check --format json`.
	Diagnostics []report.JSONDiagnostic `json:"diagnostics"`
	// PairsChecked counts the conversion pairs found, right or wrong.
	PairsChecked int `json:"pairs_checked"`
}

// fixResponse is the body of a POST /v1/fix answer.
type fixResponse struct {
	// Text is the copy with the fixes applied.
	Text string `json:"text"`
	// Edits are the edits applied, as byte offsets into the text sent.
	Edits []report.JSONEdit `json:"edits"`
	// Remaining are the diagnostics of the fixed text.
	Remaining []report.JSONDiagnostic `json:"remaining"`
	// PairsChecked counts the pairs of the fixed text.
	PairsChecked int `json:"pairs_checked"`
}

// check serves POST /v1/check.
func (s *Server) check(w http.ResponseWriter, r *http.Request) error {
	in, err := s.readInput(w, r)
	if err != nil {
		return err
	}
	res, err := s.lint(r.Context(), in, in.src)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, checkResponse{Diagnostics: diagnostics(res), PairsChecked: pairsChecked(res)})
	return nil
}

// fix serves POST /v1/fix: it applies the preferred fix of every
// diagnostic in one pass, all of a fix's edits or none (a fix that
// overlaps one applied before it is skipped, its diagnostic remains), and
// checks the result again.
func (s *Server) fix(w http.ResponseWriter, r *http.Request) error {
	in, err := s.readInput(w, r)
	if err != nil {
		return err
	}
	res, err := s.lint(r.Context(), in, in.src)
	if err != nil {
		return err
	}
	var fixes []lint.SuggestedFix
	for _, d := range res.Diagnostics {
		if len(d.Fixes) > 0 {
			fixes = append(fixes, d.Fixes[0])
		}
	}
	fixed, applied, _ := fix.Apply(in.src, fixes)
	after, err := s.lint(r.Context(), in, fixed)
	if err != nil {
		return err
	}
	edits := []report.JSONEdit{}
	for _, i := range applied {
		for _, e := range fixes[i].Edits {
			edits = append(edits, report.JSONEdit{Start: e.Start, End: e.End, NewText: e.NewText})
		}
	}
	slices.SortStableFunc(edits, func(a, b report.JSONEdit) int { return cmp.Compare(a.Start, b.Start) })
	writeJSON(w, http.StatusOK, fixResponse{
		Text: string(fixed), Edits: edits, Remaining: diagnostics(after), PairsChecked: pairsChecked(after),
	})
	return nil
}

// lint parses src in the request's format and runs the rules, within the
// write timeout.
func (s *Server) lint(ctx context.Context, in *checkInput, src []byte) (*lint.Result, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.WriteTimeout)
	defer cancel()
	var res *lint.Result
	doc, err := in.parse(ctx, lint.NewFile(inputPath, src))
	if err == nil {
		res, err = lint.Analyze(ctx, doc, s.analyzers, &in.opts)
	} else if ctx.Err() == nil {
		return nil, errorf(http.StatusBadRequest, "read the text as %s: %v", in.format, err)
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return nil, errorf(http.StatusServiceUnavailable, "the check took longer than %s and was stopped", s.cfg.WriteTimeout)
	case errors.Is(err, context.Canceled):
		return nil, errorf(http.StatusServiceUnavailable, "the check was cancelled")
	case err != nil:
		return nil, fmt.Errorf("lint: %w", err)
	}
	return res, nil
}

// diagnostics converts a result's diagnostics to the JSON contract.
func diagnostics(res *lint.Result) []report.JSONDiagnostic {
	out := make([]report.JSONDiagnostic, len(res.Diagnostics))
	for i, d := range res.Diagnostics {
		out[i] = report.NewJSONDiagnostic(inputPath, res.File, d)
	}
	return out
}

// pairsChecked counts the pairs the judgements analyzer judged.
func pairsChecked(res *lint.Result) int {
	js, _ := res.Facts[rules.Judgements].([]rules.Judged)
	return len(js)
}

// ruleJSON is one rule of GET /v1/rules.
type ruleJSON struct {
	Name     string        `json:"name"`
	Summary  string        `json:"summary"`
	Severity string        `json:"severity"`
	Doc      string        `json:"doc"`
	Examples []exampleJSON `json:"examples"`
}

// exampleJSON is a good or bad example of a rule's documentation.
type exampleJSON struct {
	Text string `json:"text"`
	Bad  bool   `json:"bad"`
	Note string `json:"note,omitempty"`
}

// listRules serves GET /v1/rules.
func (s *Server) listRules(w http.ResponseWriter, _ *http.Request) error {
	out := struct {
		Rules []ruleJSON `json:"rules"`
	}{Rules: []ruleJSON{}}
	for _, a := range s.cfg.Analyzers {
		if !a.IsRule() {
			continue
		}
		rj := ruleJSON{Name: a.Name, Summary: a.Summary, Severity: a.Severity.String(), Doc: a.Doc, Examples: []exampleJSON{}}
		for _, ex := range a.Examples {
			rj.Examples = append(rj.Examples, exampleJSON{Text: ex.Text, Bad: ex.Bad, Note: ex.Note})
		}
		out.Rules = append(out.Rules, rj)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// healthz serves GET /healthz.
func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) error {
	writeJSON(w, http.StatusOK, struct {
		Status string `json:"status"`
	}{"ok"})
	return nil
}
