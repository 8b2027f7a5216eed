// Package rules holds unitlint's rules. Each rule is a *lint.Analyzer with
// its name, summary, documentation with good and bad examples (run as
// tests), default severity and run function; All lists them.
package rules

import (
	"sort"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/pairs"
	"github.com/unitlint/unitlint/lint/restate"
)

// Judged is a pair with its judgement.
type Judged struct {
	// Pair points into the pairs analyzer's or the restatement analyzer's
	// result (a pair is not copied: a document holds thousands).
	*pairs.Pair
	Result judge.Result
	// Relation says how a restatement (Shape pairs.ShapeRestated) refers
	// back to its earlier mention; empty for a conversion pair.
	Relation restate.Relation
}

// Restated reports whether the pair is a later mention restating an
// earlier quantity rather than a conversion written beside it.
func (j *Judged) Restated() bool { return j.Shape == pairs.ShapeRestated }

// Judgements judges every pair of a document; its result is []Judged. The
// rules report from it, and `unitlint pairs` lists it.
var Judgements = &lint.Analyzer{
	Name:     "judgements",
	Summary:  "judges every conversion pair against the precision model",
	Doc:      "The judgements analyzer recomputes each pair's conversion exactly and decides whether the written figures are an honest rounding of it (see the README's \"How a pair is judged\").",
	Requires: []*lint.Analyzer{pairs.Analyzer, restate.Analyzer},
	Run: func(p *lint.Pass) (any, error) {
		ps, _ := p.ResultOf[pairs.Analyzer].([]pairs.Pair)
		ties, _ := p.ResultOf[restate.Analyzer].([]restate.Tie)
		opts := JudgeOptions(p.Options)
		// each judgement is written in its slot (no copy of a Judged)
		out := make([]Judged, len(ps)+len(ties))
		for i := range ps {
			if i%cancelEvery == 0 {
				if err := p.Context.Err(); err != nil {
					return nil, err
				}
			}
			pr := &ps[i]
			out[i] = Judged{Pair: pr, Result: judge.Judge(pr.Judge, opts)}
		}
		for i := range ties {
			if i%cancelEvery == 0 {
				if err := p.Context.Err(); err != nil {
					return nil, err
				}
			}
			t := &ties[i]
			out[len(ps)+i] = Judged{Pair: &t.Pair, Result: judge.Judge(t.Judge, opts), Relation: t.Relation}
		}
		if !sortedByB(out) { // restatements among the pairs
			sort.SliceStable(out, func(i, j int) bool { return out[i].B.Start < out[j].B.Start })
		}
		return out, nil
	},
}

// cancelEvery is how many pairs the judgements analyzer judges between two
// looks at the context (a pair takes well under a microsecond).
const cancelEvery = 64

// sortedByB reports whether judgements are in the order of where B starts
// (the pairs are, and the restatements when none lies among them).
func sortedByB(js []Judged) bool {
	for i := 1; i < len(js); i++ {
		if js[i].B.Start < js[i-1].B.Start {
			return false
		}
	}
	return true
}

// JudgeOptions translates run options into the judge's.
func JudgeOptions(o *lint.Options) judge.Options {
	jo := judge.Options{Catalogue: pairs.DefaultCatalogue()}
	if o != nil {
		switch o.Tolerance {
		case lint.Strict:
			jo.Tolerance = judge.Strict
		case lint.Lenient:
			jo.Tolerance = judge.Lenient
		}
	}
	return jo
}

// All returns every rule, in a stable order.
func All() []*lint.Analyzer {
	return []*lint.Analyzer{Conversion, TemperatureChange, Restatement, ExchangeRate, Encoding}
}

// ByName returns the rule with the given name, or nil.
func ByName(name string) *lint.Analyzer {
	for _, r := range All() {
		if r.Name == name {
			return r
		}
	}
	return nil
}
