// Package quantity finds the quantities written in prose: numbers (digits
// with grouping and decimals, scale words, spelled numbers, fractions,
// signs), ranges and dimensions, compound imperial values, hedges, and the
// unit that follows (longest match over the unit catalogue's spellings, with
// the ambiguous ones accepted only where they cannot be an ordinary word).
package quantity

import (
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// Kind says what a quantity measures.
type Kind uint8

// Kinds of quantity.
const (
	Measure  Kind = iota + 1 // a number with a unit of measure
	Currency                 // money: "£3m", "$6.4bn"
)

// Quantity is one quantity as written.
type Quantity struct {
	Kind  Kind
	Hedge judge.Hedge // the hedge before the quantity ("about", "more than")
	// BareDegrees: "93 degrees", a temperature whose scale the other side
	// of a pair decides.
	BareDegrees bool
	// Hyphenated: the adjective form "a 10-mile stretch".
	Hyphenated bool
	// Range: two amounts joined by "-", "to", "and"; Dimensions: by "by".
	Range, Dimensions bool
	// Start and End delimit the quantity from its first number (or sign,
	// or spelled number) to the end of its unit. Hedge words are not
	// included: HedgeStart is where they begin (== Start without a hedge).
	Start, End int
	HedgeStart int
	// Amounts: one value, or two for a range or a dimension; a compound
	// ("6ft 2in") is one amount in its minor unit.
	Amounts []numeral.Amount
	// Numbers are the written numbers, in order.
	Numbers []judge.NumberText
	// Unit is the unit of measure (the minor unit of a compound); nil for
	// currency and for a bare "degrees" whose scale is not yet known.
	Unit *units.Unit
	// Major is the major unit of a compound, nil otherwise.
	Major *units.Unit
	// Spelling is the unit's spelling as matched (the last unit of a compound).
	Spelling *units.Spelling
	// UnitStart and UnitEnd delimit the unit as written.
	UnitStart, UnitEnd int
	// Symbol is the currency symbol or code for Currency quantities.
	Symbol string
}

// Text returns the quantity's text in src.
func (q *Quantity) Text(src []byte) string { return string(src[q.Start:q.End]) }
