package units

import "math/big"

// Catalogue is an immutable set of units and spellings built for one house
// style. It is safe for concurrent use.
type Catalogue struct {
	style Style
	// implementation fields: to be written
}

// New builds the catalogue for a house style.
func New(s Style) *Catalogue { panic("TODO") }

// Style returns the house style the catalogue was built for.
func (c *Catalogue) Style() Style { return c.style }

// Unit returns the unit with the given ID ("km", "mi2", "gal_imp"), or nil.
func (c *Catalogue) Unit(id string) *Unit { panic("TODO") }

// Units returns every unit, in a stable order.
func (c *Catalogue) Units() []*Unit { panic("TODO") }

// Spellings returns every spelling, in a stable order.
func (c *Catalogue) Spellings() []Spelling { panic("TODO") }

// Match returns the spellings that match a prefix of text and end at a word
// boundary (the next rune is not a letter or digit, or text ends), longest
// first. Runs of spaces inside a spelling ("sq km") match any run of ASCII
// spaces, U+00A0, U+2009 or U+202F in the text; "°" also matches "º".
// Match never allocates when nothing matches.
func (c *Catalogue) Match(text []byte) []Match { panic("TODO") }

// Family returns the members of a generic family ("gallon" -> US gallon,
// imperial gallon), the house style's member first.
func (c *Catalogue) Family(name string) []*Unit { panic("TODO") }

// Change returns the temperature-change unit of a temperature reading unit
// (°C -> °C change) and the unit itself for any other unit.
func (c *Catalogue) Change(u *Unit) *Unit { panic("TODO") }

// Convert converts v from one unit to another of the same dimension exactly.
// It returns an error when the dimensions differ or an inverse conversion
// would divide by zero.
func Convert(v *big.Rat, from, to *Unit) (*big.Rat, error) { panic("TODO") }
