package units

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
)

// Catalogue is an immutable set of units and spellings built for one house
// style. It is safe for concurrent use. The Units and Spellings it hands out
// (and their Factor and Offset values) are shared and must not be modified.
type Catalogue struct {
	style     Style
	units     []*Unit
	byID      map[string]*Unit
	spellings []Spelling
	pats      []pattern // pats[i] describes spellings[i] for Match
	trie      trie
	families  map[string][]*Unit
	linear    map[string]linearOf
	// densityStarts marks the bytes a density spelling starts with, in
	// either case ("per sq km", "/km²")
	densityStarts [256]bool
	// starts marks the bytes a text a spelling matches may start with
	// (trie.mayStart, held in a table so that MayStart inlines)
	starts [256]bool
	// pairs is a bit per pair of first bytes a text a spelling matches may
	// start with (trie.mayStartPair): b0<<8|b1
	pairs [1 << 16 / 64]uint64
}

// linearOf records that a unit is a power of a length unit.
type linearOf struct {
	unit  *Unit
	power int
}

// New builds the catalogue for a house style. Each catalogue has its own
// Units: compare units by ID across catalogues, by pointer within one.
func New(s Style) *Catalogue {
	c := &Catalogue{
		style:    s,
		byID:     make(map[string]*Unit),
		families: make(map[string][]*Unit),
		linear:   make(map[string]linearOf),
	}
	defs := unitDefs()
	c.units = make([]*Unit, len(defs))
	for i, d := range defs {
		u := &Unit{
			ID:      d.id,
			Symbol:  d.symbol,
			Name:    d.name,
			Plural:  d.plural,
			Dim:     d.dim,
			System:  d.sys,
			Factor:  new(big.Rat).Set(d.factor),
			Inverse: d.inverse,
		}
		if d.offset != nil {
			u.Offset = new(big.Rat).Set(d.offset)
		}
		c.units[i] = u
		c.byID[d.id] = u
	}
	for _, d := range defs {
		if d.linear != "" {
			c.linear[d.id] = linearOf{unit: c.byID[d.linear], power: d.power}
		}
	}
	for name, ids := range families(s) {
		members := make([]*Unit, len(ids))
		for i, id := range ids {
			members[i] = c.byID[id]
		}
		c.families[name] = members
	}
	sdefs := spellDefs()
	c.spellings = make([]Spelling, len(sdefs))
	c.pats = make([]pattern, len(sdefs))
	for i, d := range sdefs {
		sp := Spelling{
			Text:          d.text,
			CaseSensitive: d.flags&cs != 0,
			Ambiguous:     d.flags&amb != 0,
		}
		if fam, ok := strings.CutPrefix(d.target, "*"); ok {
			sp.Generic = true
			sp.Family = fam
			sp.Unit = c.families[fam][0]
		} else {
			sp.Unit = c.byID[d.target]
		}
		c.spellings[i] = sp
		c.pats[i] = newPattern(d.text, sp.CaseSensitive)
		if sp.Unit.Dim == Density {
			b := d.text[0]
			c.densityStarts[b] = true
			if b >= 'a' && b <= 'z' {
				c.densityStarts[b-'a'+'A'] = true
			}
		}
	}
	c.trie = buildTrie(c.pats)
	for b := range c.starts {
		c.starts[b] = c.trie.mayStart(byte(b))
	}
	for p := range 1 << 16 {
		if c.trie.mayStartPair(byte(p>>8), byte(p)) {
			c.pairs[p/64] |= 1 << (p % 64)
		}
	}
	return c
}

// Style returns the house style the catalogue was built for.
func (c *Catalogue) Style() Style { return c.style }

// Unit returns the unit with the given ID ("km", "mi2", "gal_imp"), or nil.
func (c *Catalogue) Unit(id string) *Unit { return c.byID[id] }

// Units returns every unit, in a stable order (grouped by dimension).
// The slice is a copy; the Units are shared.
func (c *Catalogue) Units() []*Unit { return slices.Clone(c.units) }

// Spellings returns every spelling, in a stable order. The slice is a copy.
func (c *Catalogue) Spellings() []Spelling { return slices.Clone(c.spellings) }

// Match returns the spellings that match a prefix of text, longest first.
// A spelling that ends in a letter or digit must end at a word boundary
// (the next rune is not a letter or digit, superscripts included, or text
// ends); one that ends in punctuation ("m.p.h.", `"`, "'") need not, so
// "6'2" matches "'". Runs of spaces inside a spelling ("sq km") match any
// run of ASCII space, tab, CR or LF, U+00A0, U+2009 or U+202F in the text;
// "°" also matches "º" (U+00BA). Case-insensitive spellings fold ASCII
// letters only. Match returns nil, without allocating, when nothing matches.
func (c *Catalogue) Match(text []byte) []Match { return c.AppendMatch(nil, text) }

// AppendMatch is Match appending to dst, for callers that reuse a buffer on
// the hot path; it returns dst unchanged when nothing matches.
func (c *Catalogue) AppendMatch(dst []Match, text []byte) []Match {
	return c.trie.appendMatches(dst, text, c.spellings, c.pats)
}

// MayStart reports whether a spelling can match a text that starts with
// the byte b: a quick test before a Match. It is exact for every byte but
// a space, 0xC2 and 0xE2, which it may let through when nothing matches.
func (c *Catalogue) MayStart(b byte) bool { return c.starts[b] }

// MayStartPair reports whether a spelling can match a text that starts
// with the bytes b0 and b1: a quick test before a Match, sharper than
// MayStart (most words start with a letter a unit starts with, few with
// two). Like MayStart it may let through a pair that starts no match.
func (c *Catalogue) MayStartPair(b0, b1 byte) bool {
	p := int(b0)<<8 | int(b1)
	return c.pairs[p/64]&(1<<(p%64)) != 0
}

// MayStartDensity reports whether a density spelling ("per sq km",
// "/km²") can start with the byte b: a quick test before a Match that
// looks for one only.
func (c *Catalogue) MayStartDensity(b byte) bool { return c.densityStarts[b] }

// Family returns the members of a generic family ("gallon" -> US gallon,
// imperial gallon), the house style's member first, or nil for an unknown
// family. The families are "gallon", "pint", "floz", "mpg" (which follow
// Style.Gallon) and "ton" (short, long, metric: Style.Ton first, then the
// others in that order). The slice is a copy.
func (c *Catalogue) Family(name string) []*Unit { return slices.Clone(c.families[name]) }

// Linear returns the length unit an area, volume or density unit is a power
// of, and the power: km² -> km, 2; ft³ -> ft, 3; per km² -> km, -2. It
// returns nil, 0 for every other unit (hectares and acres included). The
// judge uses it to recognise a length factor applied to an area or volume.
func (c *Catalogue) Linear(u *Unit) (*Unit, int) {
	if u == nil {
		return nil, 0
	}
	l, ok := c.linear[u.ID]
	if !ok {
		return nil, 0
	}
	return l.unit, l.power
}

// Change returns the temperature-change unit of a temperature reading unit
// (°C -> °C change, ID "degC_change") and the unit itself for any other unit.
func (c *Catalogue) Change(u *Unit) *Unit {
	if u == nil || u.Dim != Temperature {
		return u
	}
	if ch := c.byID[u.ID+"_change"]; ch != nil {
		return ch
	}
	return u
}

// Errors returned (wrapped) by Convert.
var (
	// ErrDimension: the units measure different things.
	ErrDimension = errors.New("units of different dimensions")
	// ErrDivisionByZero: an inverse unit (L/100km) met a zero value.
	ErrDivisionByZero = errors.New("division by zero in an inverse conversion")
)

// Convert converts v from one unit to another of the same dimension exactly.
// It returns an error when the dimensions differ or an inverse conversion
// would divide by zero. Temperature readings convert through kelvin
// (35 °C -> 95 °F); convert differences with the Change units. v is not
// modified.
func Convert(v *big.Rat, from, to *Unit) (*big.Rat, error) {
	if v == nil || from == nil || to == nil {
		return nil, errors.New("units: convert: nil value or unit")
	}
	if from.Dim != to.Dim {
		return nil, fmt.Errorf("units: convert %s (%s) to %s (%s): %w",
			from.ID, from.Dim, to.ID, to.Dim, ErrDimension)
	}
	base, err := from.toBase(v)
	if err != nil {
		return nil, fmt.Errorf("units: convert %s %s to %s: %w", v.RatString(), from.ID, to.ID, err)
	}
	out, err := to.fromBase(base)
	if err != nil {
		return nil, fmt.Errorf("units: convert %s %s to %s: %w", v.RatString(), from.ID, to.ID, err)
	}
	return out, nil
}

// toBase returns v in the dimension's base unit.
func (u *Unit) toBase(v *big.Rat) (*big.Rat, error) {
	if u.Inverse {
		if v.Sign() == 0 {
			return nil, ErrDivisionByZero
		}
		return new(big.Rat).Quo(u.Factor, v), nil
	}
	b := new(big.Rat).Mul(v, u.Factor)
	if u.Offset != nil {
		b.Add(b, u.Offset)
	}
	return b, nil
}

// fromBase returns the value in u of a base-unit value.
func (u *Unit) fromBase(b *big.Rat) (*big.Rat, error) {
	if u.Inverse {
		if b.Sign() == 0 {
			return nil, ErrDivisionByZero
		}
		return new(big.Rat).Quo(u.Factor, b), nil
	}
	v := new(big.Rat).Set(b)
	if u.Offset != nil {
		v.Sub(v, u.Offset)
	}
	return v.Quo(v, u.Factor), nil
}
