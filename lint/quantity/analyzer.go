package quantity

import (
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/units"
)

// Analyzer finds the quantities of a document; its result is []Quantity.
var Analyzer = &lint.Analyzer{
	Name:    "quantities",
	Summary: "finds every quantity (number and unit) in prose",
	Doc:     "The quantities analyzer reads numbers, scale words, spelled numbers, ranges, compounds, hedges and units. The pair finder and the whole-article rules build on what it finds.",
	Run: func(p *lint.Pass) (any, error) {
		loc := p.Options.NumberLocale
		return NewScannerLocale(units.Default(), loc).ScanContext(p.Context, p.Doc.Text)
	},
}
