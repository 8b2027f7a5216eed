package pairs

import (
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/quantity"
)

// CurrencyPair is an amount of money and its conversion into another
// currency, written as a pair: "£5bn ($6.4bn)". No market rate is known
// offline, so a currency pair is not judged on its own; the pairs of one
// article must imply the same rate.
type CurrencyPair struct {
	A, B       quantity.Quantity
	Shape      Shape
	Start, End int
}

// CurrencyAnalyzer finds the currency pairs of a document; its result is
// []CurrencyPair.
var CurrencyAnalyzer = &lint.Analyzer{
	Name:     "currency-pairs",
	Summary:  "finds amounts of money written with their conversion",
	Doc:      "The currency-pairs analyzer finds \"£5bn ($6.4bn)\" and the like, for the exchange-rate rule.",
	Requires: []*lint.Analyzer{quantity.Analyzer},
	Run: func(p *lint.Pass) (any, error) {
		qs, _ := p.ResultOf[quantity.Analyzer].([]quantity.Quantity)
		return FindCurrency(p.Doc.Text, qs), nil
	},
}

// FindCurrency returns the currency pairs among the quantities qs of text:
// two amounts in different currencies joined like a conversion pair,
// including "A (B; C)", one amount with two conversions.
func FindCurrency(text []byte, qs []quantity.Quantity) []CurrencyPair {
	var out []CurrencyPair
	for i := 0; i+1 < len(qs); i++ {
		a, b := &qs[i], &qs[i+1]
		if a.Kind != quantity.Currency || b.Kind != quantity.Currency || a.Symbol == b.Symbol {
			continue
		}
		shape, ok := joined(text, a, b)
		if !ok {
			continue
		}
		out = append(out, CurrencyPair{A: *a, B: *b, Shape: shape, Start: a.Start, End: b.End})
		next := i + 2
		for k := i + 2; k < len(qs) && qs[k].Kind == quantity.Currency && semicolonNext(text, &qs[k-1], &qs[k]); k++ {
			if qs[k].Symbol != a.Symbol {
				out = append(out, CurrencyPair{A: *a, B: qs[k], Shape: ShapeParen, Start: a.Start, End: qs[k].End})
			}
			next = k + 1
		}
		i = next - 1
	}
	return out
}
