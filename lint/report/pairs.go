package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/rules"
)

// JSONQuantity is one side of a pair in the JSON contract.
type JSONQuantity struct {
	Text  string   `json:"text"`
	Value float64  `json:"value"`
	High  *float64 `json:"high,omitempty"`
	Unit  string   `json:"unit"`
	Hedge string   `json:"hedge,omitempty"`
}

// JSONPair is one pair in the `unitlint pairs` contract.
type JSONPair struct {
	Path        string       `json:"path"`
	Shape       string       `json:"shape"`
	Start       Location     `json:"start"`
	End         Location     `json:"end"`
	From        JSONQuantity `json:"from"`
	To          JSONQuantity `json:"to"`
	Expected    *float64     `json:"expected"`
	ExpectedHi  *float64     `json:"expected_hi,omitempty"`
	Change      bool         `json:"temperature_change,omitempty"`
	Verdict     string       `json:"verdict"`
	Level       string       `json:"level"`
	Cause       string       `json:"cause,omitempty"`
	Explanation string       `json:"explanation,omitempty"`
	Fix         string       `json:"fix,omitempty"`
	// Relation is how a restated mention refers back ("head-noun",
	// "kindred", "anaphor", "at-it") or "exchange-rate" for a currency pair.
	Relation string `json:"relation,omitempty"`
	// ImpliedRate is the exchange rate a currency pair implies (To per
	// From); ReferenceRate the rate the article's other pairs imply when
	// this one disagrees.
	ImpliedRate   *float64 `json:"implied_rate,omitempty"`
	ReferenceRate *float64 `json:"reference_rate,omitempty"`
	// Encoding is as in JSONDiagnostic: set when the file was decoded
	// from UTF-16 or UTF-32, and offsets refer to the decoded text.
	Encoding string `json:"encoding,omitempty"`
}

var hedgeNames = [...]string{"", "approximate", "lower-bound", "upper-bound"}

func quantityJSON(op judge.Operand) JSONQuantity {
	q := JSONQuantity{Text: op.Text, Hedge: hedgeNames[op.Hedge]}
	if op.Unit != nil {
		q.Unit = op.Unit.Symbol
	}
	if len(op.Amounts) > 0 {
		q.Value, _ = op.Amounts[0].Value.Float64()
	}
	if len(op.Amounts) > 1 {
		h, _ := op.Amounts[1].Value.Float64()
		q.High = &h
	}
	return q
}

// NewJSONPair converts a judged pair of a document.
func NewJSONPair(res *lint.Result, j rules.Judged) JSONPair {
	doc := res.Doc
	s, e := doc.SourceSpan(j.Start, j.End)
	jp := JSONPair{
		Path: res.Path, Shape: string(j.Shape),
		Start: locate(res.File, s), End: locate(res.File, e),
		From: quantityJSON(j.Judge.A), To: quantityJSON(j.Judge.B),
		Change: j.Result.Change, Level: j.Result.Verdict.String(),
		Cause: string(j.Result.Cause), Explanation: j.Result.Explanation,
		Verdict: "ok", Encoding: res.Encoding,
	}
	jp.Relation = string(j.Relation)
	if j.Result.Verdict >= judge.Warning {
		jp.Verdict = "mismatch"
		jp.Fix = j.Result.FixText
	}
	exact := j.Result.Exact()
	if len(exact) > 0 {
		v, _ := exact[0].Float64()
		jp.Expected = &v
	}
	if len(exact) > 1 {
		v, _ := exact[1].Float64()
		jp.ExpectedHi = &v
	}
	return jp
}

// judgedOf returns a result's judged pairs.
func judgedOf(res *lint.Result) []rules.Judged {
	js, _ := res.Facts[rules.Judgements].([]rules.Judged)
	return js
}

// NewRatePairJSON converts a currency pair of a document.
func NewRatePairJSON(res *lint.Result, rp rules.RatePair) JSONPair {
	s, e := res.Doc.SourceSpan(rp.Start, rp.End)
	text := func(q *quantity.Quantity) string { return string(res.Doc.Text[q.Start:q.End]) }
	money := func(q *quantity.Quantity) JSONQuantity {
		v, _ := q.Amounts[0].Value.Float64()
		return JSONQuantity{Text: text(q), Value: v, Unit: q.Symbol}
	}
	jp := JSONPair{
		Path: res.Path, Shape: string(rp.Shape), Start: locate(res.File, s), End: locate(res.File, e),
		From: money(&rp.A), To: money(&rp.B), Relation: "exchange-rate", Verdict: "ok", Level: "ok",
		Encoding: res.Encoding,
	}
	rate := rp.Rate
	jp.ImpliedRate = &rate
	if rp.Outlier {
		ref, exp := rp.Reference, rp.Expected
		jp.ReferenceRate, jp.Expected = &ref, &exp
		jp.Verdict, jp.Level, jp.Cause, jp.Fix = "mismatch", "warning", "exchange-rate", rp.Fix
	}
	return jp
}

// pairRecords returns a result's judged and currency pairs as JSON
// records, in the order they stand in the document.
func pairRecords(res *lint.Result) []JSONPair {
	var out []JSONPair
	for _, j := range judgedOf(res) {
		out = append(out, NewJSONPair(res, j))
	}
	rps, _ := res.Facts[rules.ExchangeRates].([]rules.RatePair)
	for _, rp := range rps {
		out = append(out, NewRatePairJSON(res, rp))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Offset < out[j].Start.Offset })
	return out
}

// PairsJSON writes the pairs contract: {"pairs":[...]}.
type PairsJSON struct{ s *jsonStream }

// NewPairsJSON returns a reporter of pairs as JSON.
func NewPairsJSON(w io.Writer) *PairsJSON { return &PairsJSON{s: newJSONStream(w, "pairs")} }

// Report implements Reporter.
func (p *PairsJSON) Report(res *lint.Result) error {
	p.s.noteError(res)
	for _, jp := range pairRecords(res) {
		if err := p.s.item(jp); err != nil {
			return err
		}
	}
	return nil
}

// Close implements Reporter.
func (p *PairsJSON) Close() error { return p.s.close() }

// PairsText lists pairs for an editor's audit trail, one line each:
//
//	a.txt:13:70: 100,000 sq km -> 453 sq miles: exact 38,610.2 sq miles: error (mismatch)
type PairsText struct {
	w    *bufio.Writer
	errs io.Writer
}

// NewPairsText returns a reporter of pairs as text.
func NewPairsText(w, errs io.Writer) *PairsText {
	return &PairsText{w: bufio.NewWriter(w), errs: errs}
}

// Report implements Reporter.
func (p *PairsText) Report(res *lint.Result) error {
	if res.Err != nil {
		fmt.Fprintf(p.errs, "unitlint: %v\n", res.Err)
	}
	for _, j := range judgedOf(res) {
		jp := NewJSONPair(res, j)
		exact := "?"
		if xs := j.Result.Exact(); len(xs) > 0 {
			exact = numeral.Display(xs[0])
			if len(xs) > 1 {
				exact += "-" + numeral.Display(xs[1])
			}
		}
		unit := jp.To.Unit
		if j.Result.Unit != nil {
			unit = j.Result.Unit.Symbol
		}
		if j.Result.Change {
			unit += " (change)"
		}
		relation := ""
		if j.Restated() {
			relation = " [restated, " + string(j.Relation) + "]"
		}
		fmt.Fprintf(p.w, "%s:%d:%d: %s -> %s%s: exact %s %s: %s", res.Path, jp.Start.Line, jp.Start.Column, jp.From.Text, jp.To.Text, relation, exact, unit, jp.Level)
		if jp.Fix != "" {
			fmt.Fprintf(p.w, " (fix: %s)", jp.Fix)
		}
		p.w.WriteString("\n")
	}
	rps, _ := res.Facts[rules.ExchangeRates].([]rules.RatePair)
	for _, rp := range rps {
		jp := NewRatePairJSON(res, rp)
		fmt.Fprintf(p.w, "%s:%d:%d: %s -> %s [exchange rate]: %s 1 = %s %.4g: %s", res.Path, jp.Start.Line, jp.Start.Column,
			jp.From.Text, jp.To.Text, rp.From, rp.To, rp.Rate, jp.Level)
		if rp.Outlier {
			fmt.Fprintf(p.w, " (the article's other pairs imply %.4g; fix: %s)", rp.Reference, rp.Fix)
		}
		p.w.WriteString("\n")
	}
	return nil
}

// Close implements Reporter.
func (p *PairsText) Close() error { return p.w.Flush() }
