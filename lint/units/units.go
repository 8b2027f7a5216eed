// Package units is unitlint's unit catalogue: every unit news copy uses, its
// dimension, its exact factor to the SI base unit (rationals from the
// definitions, never rounded constants), and every spelling UK and US copy
// writes it with.
//
// A Catalogue is immutable once built; build one per house style with New.
package units

import (
	"math/big"
)

// Dimension is the physical kind of a quantity. Two quantities can form a
// conversion pair only when their units share a dimension.
type Dimension uint8

// The dimensions unitlint knows.
const (
	Invalid Dimension = iota
	Length
	Area
	Volume
	Mass
	Speed
	Temperature       // a reading on a scale: 35C, 95F (affine)
	TemperatureChange // a difference of temperatures: a 2C rise (linear)
	Pressure
	Power
	Energy
	FuelEconomy // distance per volume; L/100km is its inverse
	Density     // count per area: people per sq km
	Torque
)

// String returns the dimension's lower-case name as used in the corpus ("area").
func (d Dimension) String() string {
	switch d {
	case Length:
		return "length"
	case Area:
		return "area"
	case Volume:
		return "volume"
	case Mass:
		return "mass"
	case Speed:
		return "speed"
	case Temperature:
		return "temperature"
	case TemperatureChange:
		return "temperature-change"
	case Pressure:
		return "pressure"
	case Power:
		return "power"
	case Energy:
		return "energy"
	case FuelEconomy:
		return "fuel-economy"
	case Density:
		return "density"
	case Torque:
		return "torque"
	}
	return "invalid"
}

// System says which measurement system a unit belongs to.
type System uint8

// Measurement systems.
const (
	Metric   System = iota + 1 // SI and metric units (km, kg, °C, L/100km)
	Imperial                   // imperial and US customary units (mi, lb, °F, mpg)
)

// Unit is one unit of measure. Its value in the dimension's SI base unit is
//
//	base = v*Factor + Offset      (Inverse false; Offset non-nil only for temperature readings)
//	base = Factor / v             (Inverse true: L/100km in a distance-per-volume dimension)
//
// Factors are exact rationals built from definitions (1 in = 2.54 cm, 1 lb =
// 0.45359237 kg, 1 US gal = 231 in³ ...); area and volume factors are powers of
// length factors.
type Unit struct {
	ID      string    // stable identifier: "km", "mi2", "gal_us", "degC", "degC_change", "per_km2"
	Symbol  string    // short display form used in JSON and messages: "km²", "mi²", "US gal", "°C"
	Name    string    // singular name for messages: "square mile"
	Plural  string    // plural name for messages: "square miles"
	Dim     Dimension // dimension
	System  System    // metric or imperial/US
	Factor  *big.Rat  // see the type comment; never nil
	Offset  *big.Rat  // nil unless an affine temperature reading
	Inverse bool      // value is inversely proportional to the base quantity
}

// Spelling is one way copy writes a unit: "sq km", "square kilometres",
// "km²", "km2". Matching is case-sensitive when CaseSensitive is set and
// ASCII-case-insensitive otherwise.
type Spelling struct {
	Text string
	Unit *Unit
	// CaseSensitive: the spelling matches only as written ("C", "F", "L",
	// "t", "g", "Nm", "MW", "mb" ...): another case form means something
	// else ("M" million, "MB" megabyte, "mW" milliwatt, "Ft" forint). The
	// full list and the reasons are in spellings.go.
	CaseSensitive bool
	// Ambiguous: the spelling is also an ordinary word, a letter, a scale
	// word or a common abbreviation ("m" million, "in" preposition, "C"/"F"
	// letters, "t", "g", "l", "st", "ton", "pounds", "bar" ...). The
	// quantity scanner accepts it only in unambiguous positions (glued to a
	// number, after a degree sign, inside a pair). "yd", "yards", "knots",
	// "hp" and "feet" are not ambiguous: after a number they are units.
	Ambiguous bool
	// Generic: the spelling names a family whose member depends on house
	// style: "gallons" (US or imperial), "tons" (short, long or metric),
	// "pints", "fl oz", "mpg". Unit is the house-style default;
	// Catalogue.Family lists the family's members.
	Generic bool
	// Family names the generic family ("gallon", "pint", "floz", "mpg",
	// "ton") when Generic is set; Catalogue.Family lists its members.
	Family string
}

// Gallon selects which gallon (and pint, fluid ounce, mpg) a generic
// "gallon" means.
type Gallon uint8

// Gallon house styles.
const (
	GallonUS Gallon = iota
	GallonImperial
)

// Ton selects which ton a generic "ton" means.
type Ton uint8

// Ton house styles.
const (
	TonShort Ton = iota
	TonLong
	TonMetric
)

// Style is the house style a catalogue is built for.
type Style struct {
	Gallon Gallon
	Ton    Ton
}

// A Match is one spelling found at the start of a text.
type Match struct {
	Spelling *Spelling
	Len      int // bytes of the text the spelling covers
}
