// Package rules holds unitlint's rules. Each rule is a *lint.Analyzer with
// its name, summary, documentation with good and bad examples (run as
// tests), default severity and run function; All lists them.
package rules

import (
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/pairs"
)

// Judged is a pair with its judgement.
type Judged struct {
	pairs.Pair
	Result judge.Result
}

// Judgements judges every pair of a document; its result is []Judged. The
// rules report from it, and `unitlint pairs` lists it.
var Judgements = &lint.Analyzer{
	Name:     "judgements",
	Summary:  "judges every conversion pair against the precision model",
	Doc:      "The judgements analyzer recomputes each pair's conversion exactly and decides whether the written figures are an honest rounding of it (see the README's \"How a pair is judged\").",
	Requires: []*lint.Analyzer{pairs.Analyzer},
	Run: func(p *lint.Pass) (any, error) {
		ps, _ := p.ResultOf[pairs.Analyzer].([]pairs.Pair)
		opts := JudgeOptions(p.Options)
		out := make([]Judged, 0, len(ps))
		for _, pr := range ps {
			if err := p.Context.Err(); err != nil {
				return nil, err
			}
			out = append(out, Judged{Pair: pr, Result: judge.Judge(pr.Judge, opts)})
		}
		return out, nil
	},
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
	return []*lint.Analyzer{Conversion, TemperatureChange}
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
