package rules

import (
	"fmt"
	"math"
	"math/big"
	"sort"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/pairs"
	"github.com/unitlint/unitlint/lint/quantity"
)

// RateSpread is how far (relative) the rates one article implies may
// disagree before the outlier is flagged.
const RateSpread = 0.03

// RatePair is a currency pair with the exchange rate it implies and, when
// it disagrees with the article's other pairs of the same currencies, the
// rate they imply.
type RatePair struct {
	pairs.CurrencyPair
	// From and To are the ISO codes; Rate is To per From as written.
	From, To string
	Rate     float64
	// Lo and Hi bound the rate the written precision allows.
	Lo, Hi float64
	// Reference is the rate the article's other pairs imply (0 when the
	// pair is the only one of its currencies).
	Reference float64
	// Outlier is set when the pair disagrees with Reference.
	Outlier bool
	// Expected is A at the reference rate, in B's currency.
	Expected float64
	// Fix is B's number rewritten at the reference rate ("2.6").
	Fix string
}

// ExchangeRates compares the exchange rates an article's currency pairs
// imply; its result is []RatePair.
var ExchangeRates = &lint.Analyzer{
	Name:     "exchange-rates",
	Summary:  "computes the exchange rate each currency pair implies",
	Doc:      "The exchange-rates analyzer groups an article's currency pairs by their two currencies and compares the rates they imply.",
	Requires: []*lint.Analyzer{pairs.CurrencyAnalyzer},
	Run: func(p *lint.Pass) (any, error) {
		cps, _ := p.ResultOf[pairs.CurrencyAnalyzer].([]pairs.CurrencyPair)
		return CompareRates(cps), nil
	},
}

// ExchangeRate flags a currency pair whose implied rate disagrees with the
// other pairs of the same two currencies in the article.
var ExchangeRate = &lint.Analyzer{
	Name:     "exchange-rate",
	Summary:  "currency conversions in one article imply different exchange rates",
	Severity: lint.SeverityWarning,
	Requires: []*lint.Analyzer{ExchangeRates},
	Doc: `Currency pairs ("£5bn ($6.4bn)") are not checked against a market rate —
none is known offline — but every pair of the same two currencies in one
article implies a rate, and those rates must agree within 3% (beyond what the
written precision allows). The first pair sets the rate when there are two;
with three or more, the median does. The outlier is flagged with the rate the
others imply and a fix at that rate.`,
	Examples: []lint.Example{
		{Text: "The club paid €45m (£38m) for the striker. He earns €200,000 (£169,000) a week."},
		{Text: "The government will spend £5bn ($6.4bn) on rail. A further £2bn ($3.1bn) will go on buses.", Bad: true, Note: "£5bn ($6.4bn) implies $1.28 to the pound; £2bn is about $2.6bn"},
	},
	Run: func(p *lint.Pass) (any, error) {
		rps, _ := p.ResultOf[ExchangeRates].([]RatePair)
		sev := p.Options.SeverityOf(p.Analyzer)
		for _, rp := range rps {
			if !rp.Outlier {
				continue
			}
			num := rp.B.Numbers[0]
			a, b := string(p.Doc.Text[rp.A.Start:rp.A.End]), string(p.Doc.Text[rp.B.Start:rp.B.End])
			fixed := string(p.Doc.Text[rp.B.Start:num.Start]) + rp.Fix + string(p.Doc.Text[num.End:rp.B.End])
			p.Report(lint.Diagnostic{
				Start:    rp.Start,
				End:      rp.End,
				Severity: sev,
				Cause:    "exchange-rate",
				Message: fmt.Sprintf("%s (%s) implies %s1 = %s%s, but the article's other conversions imply %s1 = %s%s, at which %s is about %s",
					a, b, money(rp.From), money(rp.To), formatRate(rp.Rate),
					money(rp.From), money(rp.To), formatRate(rp.Reference), a, fixed),
				Fixes: []lint.SuggestedFix{{
					Message: "write " + fixed,
					Edits:   []lint.TextEdit{{Start: num.Start, End: num.End, NewText: rp.Fix}},
				}},
			})
		}
		return nil, nil
	},
}

// money returns the symbol a currency is written with ("£"), or its code
// and a space.
func money(code string) string {
	switch code {
	case "GBP":
		return "£"
	case "USD":
		return "$"
	case "EUR":
		return "€"
	case "JPY":
		return "¥"
	case "INR":
		return "₹"
	}
	return code + " "
}

func formatRate(r float64) string {
	if r >= 100 {
		return fmt.Sprintf("%.0f", r)
	}
	return fmt.Sprintf("%.4g", r)
}

// CompareRates computes each pair's rate and flags the outliers.
func CompareRates(cps []pairs.CurrencyPair) []RatePair {
	out := make([]RatePair, 0, len(cps))
	groups := map[[2]string][]int{}
	var keys [][2]string
	for _, cp := range cps {
		a, b := amountRange(&cp.A), amountRange(&cp.B)
		if a[0] <= 0 || b[0] <= 0 {
			continue
		}
		rp := RatePair{CurrencyPair: cp, From: cp.A.Symbol, To: cp.B.Symbol,
			Rate: b[1] / a[1], Lo: b[0] / a[2], Hi: b[2] / a[0]}
		key := [2]string{rp.From, rp.To}
		if rp.From > rp.To {
			key = [2]string{rp.To, rp.From}
		}
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], len(out))
		out = append(out, rp)
	}
	for _, key := range keys {
		idx := groups[key]
		if len(idx) < 2 {
			continue
		}
		// rates of the group, all as key[1] per key[0]
		norm := func(rp *RatePair) (float64, float64, float64) {
			if rp.From == key[0] {
				return rp.Rate, rp.Lo, rp.Hi
			}
			return 1 / rp.Rate, 1 / rp.Hi, 1 / rp.Lo
		}
		ref := func() float64 {
			if len(idx) == 2 {
				r, _, _ := norm(&out[idx[0]])
				return r
			}
			var rs []float64
			for _, k := range idx {
				r, _, _ := norm(&out[k])
				rs = append(rs, r)
			}
			sort.Float64s(rs)
			return rs[len(rs)/2]
		}
		for n, k := range idx {
			if len(idx) == 2 && n == 0 {
				continue // the first of two sets the rate
			}
			rp := &out[k]
			r := ref()
			_, lo, hi := norm(rp)
			if r >= lo*(1-RateSpread) && r <= hi*(1+RateSpread) {
				continue
			}
			rp.Outlier = true
			rate := r
			if rp.From != key[0] {
				rate = 1 / r
			}
			rp.Reference = rate
			rp.Expected = amountValue(&rp.A) * rate
			rp.Fix = fixAmount(&rp.B, rp.Expected)
		}
	}
	return out
}

// amountRange returns [low, value, high] of a written amount: its value
// with half a unit of its last digit either side, at most 5%.
func amountRange(q *quantity.Quantity) [3]float64 {
	a := q.Amounts[0]
	v, _ := a.Value.Float64()
	f, _ := a.Fine.Float64()
	h := f / 2
	if h > 0.05*v {
		h = 0.05 * v
	}
	return [3]float64{v - h, v, v + h}
}

func amountValue(q *quantity.Quantity) float64 {
	v, _ := q.Amounts[0].Value.Float64()
	return v
}

// fixAmount writes value in the style of q's number, keeping its scale
// word: "$3.1bn" at 2.56bn becomes "2.6". It keeps the significant figures
// of q's number (at least two), and more when the amount so rounded would
// not pass itself: the trailing zeros of "£11,000" are read as written (see
// amountRange), so 11,428 becomes "£11,400".
func fixAmount(q *quantity.Quantity, value float64) string {
	num := q.Numbers[0]
	v := new(big.Rat).SetFloat64(value)
	if num.Scale != nil {
		v.Quo(v, num.Scale)
	}
	exact, _ := v.Float64()
	var out string
	for sig := max(q.Amounts[0].Sig, 2); sig <= 17; sig++ {
		d := numeral.DecimalsForSig(v, sig)
		if d < 0 && num.Scale != nil {
			d = 0
		}
		out = numeral.Format(v, d, num.Style, true)
		// the written amount's range, as amountRange reads it, with half
		// the spread to spare
		r, _ := numeral.Round(v, d).Float64()
		h := math.Min(math.Pow10(-max(d, 0))/2, 0.05*r)
		if exact >= (r-h)*(1-RateSpread/2) && exact <= (r+h)*(1+RateSpread/2) {
			break
		}
	}
	return out
}
