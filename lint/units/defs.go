package units

import (
	"fmt"
	"math/big"
)

// unitDef is the definition of one unit before New turns it into a Unit.
type unitDef struct {
	id, symbol, name, plural string
	dim                      Dimension
	sys                      System
	factor, offset           *big.Rat
	inverse                  bool
	// linear and power: an area or volume unit that is a power of a length
	// unit ("km2" = "km"^2, "per_mi2" = "mi"^-2); empty for the others.
	linear string
	power  int
}

// rat parses an exact decimal or fraction literal ("0.0254", "5/9"). The
// literals are constants of this file, so a malformed one is a programming
// error caught by every test.
func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(fmt.Sprintf("units: bad rational literal %q", s))
	}
	return r
}

// mul returns the product of its arguments as a new Rat.
func mul(xs ...*big.Rat) *big.Rat {
	p := big.NewRat(1, 1)
	for _, x := range xs {
		p.Mul(p, x)
	}
	return p
}

// quo returns a/b as a new Rat.
func quo(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) }

// pow returns a^n (n may be negative) as a new Rat.
func pow(a *big.Rat, n int) *big.Rat {
	p := big.NewRat(1, 1)
	for range abs(n) {
		p.Mul(p, a)
	}
	if n < 0 {
		p.Inv(p)
	}
	return p
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// unitDefs returns the unit definitions in catalogue order. Every call builds
// fresh Rats, so catalogues never share mutable values.
//
// Base units: m, m², m³, kg, m/s, K (readings and changes), Pa, W, J, N·m,
// m/m³ (fuel economy) and 1/m² (density).
func unitDefs() []unitDef {
	one := big.NewRat(1, 1)
	n := func(v int64) *big.Rat { return big.NewRat(v, 1) }

	// Length, from the definitions.
	m := one
	km := n(1000)
	cm := rat("1/100")
	mm := rat("1/1000")
	in := rat("0.0254")    // international inch, 1959
	ft := mul(in, n(12))   // 0.3048 m
	yd := mul(ft, n(3))    // 0.9144 m
	mi := mul(yd, n(1760)) // 1609.344 m
	nmi := n(1852)         // international nautical mile
	furlong := mul(yd, n(220))
	ly := mul(n(299792458), rat("365.25"), n(86400)) // c × Julian year
	au := n(149597870700)                            // IAU 2012

	// Area and volume: powers of the lengths.
	ha := n(10000)
	acre := mul(n(4840), pow(yd, 2))
	litre := pow(rat("0.1"), 3) // 1 dm³
	galUS := mul(n(231), pow(in, 3))
	galImp := mul(rat("4.54609"), litre)

	// Mass.
	kg := one
	lb := rat("0.45359237")
	g := rat("1/1000")
	tonne := n(1000)

	// Force, pressure, power, energy.
	g0 := rat("9.80665") // standard gravity, m/s²
	lbf := mul(lb, g0)   // pound-force, N
	hg := mul(rat("13595.1"), g0)
	hour := n(3600)
	btu := rat("1055.05585262") // International Table BTU
	kWh := mul(n(1000), hour)

	length := func(id, sym, name, plural string, sys System, f *big.Rat) unitDef {
		return unitDef{id: id, symbol: sym, name: name, plural: plural, dim: Length, sys: sys, factor: f}
	}
	power := func(dim Dimension, id, sym, name, plural string, sys System, lin string, l *big.Rat, p int) unitDef {
		return unitDef{id: id, symbol: sym, name: name, plural: plural, dim: dim, sys: sys, factor: pow(l, p), linear: lin, power: p}
	}
	lin := func(dim Dimension, id, sym, name, plural string, sys System, f *big.Rat) unitDef {
		return unitDef{id: id, symbol: sym, name: name, plural: plural, dim: dim, sys: sys, factor: f}
	}
	const (
		M = Metric
		I = Imperial
	)

	return []unitDef{
		// Length.
		length("km", "km", "kilometre", "kilometres", M, km),
		length("m", "m", "metre", "metres", M, m),
		length("cm", "cm", "centimetre", "centimetres", M, cm),
		length("mm", "mm", "millimetre", "millimetres", M, mm),
		length("mi", "mi", "mile", "miles", I, mi),
		length("nmi", "nmi", "nautical mile", "nautical miles", I, nmi),
		length("yd", "yd", "yard", "yards", I, yd),
		length("ft", "ft", "foot", "feet", I, ft),
		length("in", "in", "inch", "inches", I, in),
		length("furlong", "furlong", "furlong", "furlongs", I, furlong),
		length("ly", "ly", "light year", "light years", M, ly),
		length("au", "au", "astronomical unit", "astronomical units", M, au),

		// Area.
		power(Area, "km2", "km²", "square kilometre", "square kilometres", M, "km", km, 2),
		power(Area, "m2", "m²", "square metre", "square metres", M, "m", m, 2),
		power(Area, "cm2", "cm²", "square centimetre", "square centimetres", M, "cm", cm, 2),
		power(Area, "mm2", "mm²", "square millimetre", "square millimetres", M, "mm", mm, 2),
		lin(Area, "ha", "ha", "hectare", "hectares", M, ha),
		lin(Area, "acre", "acre", "acre", "acres", I, acre),
		power(Area, "mi2", "mi²", "square mile", "square miles", I, "mi", mi, 2),
		power(Area, "yd2", "yd²", "square yard", "square yards", I, "yd", yd, 2),
		power(Area, "ft2", "ft²", "square foot", "square feet", I, "ft", ft, 2),
		power(Area, "in2", "in²", "square inch", "square inches", I, "in", in, 2),

		// Volume.
		power(Volume, "km3", "km³", "cubic kilometre", "cubic kilometres", M, "km", km, 3),
		power(Volume, "m3", "m³", "cubic metre", "cubic metres", M, "m", m, 3),
		power(Volume, "cm3", "cm³", "cubic centimetre", "cubic centimetres", M, "cm", cm, 3),
		lin(Volume, "L", "L", "litre", "litres", M, litre),
		lin(Volume, "cL", "cL", "centilitre", "centilitres", M, quo(litre, n(100))),
		lin(Volume, "mL", "mL", "millilitre", "millilitres", M, quo(litre, n(1000))),
		power(Volume, "mi3", "mi³", "cubic mile", "cubic miles", I, "mi", mi, 3),
		power(Volume, "yd3", "yd³", "cubic yard", "cubic yards", I, "yd", yd, 3),
		power(Volume, "ft3", "ft³", "cubic foot", "cubic feet", I, "ft", ft, 3),
		power(Volume, "in3", "in³", "cubic inch", "cubic inches", I, "in", in, 3),
		lin(Volume, "acre_ft", "acre-ft", "acre-foot", "acre-feet", I, mul(acre, ft)),
		lin(Volume, "bbl", "bbl", "barrel", "barrels", I, mul(n(42), galUS)),
		lin(Volume, "gal_us", "US gal", "US gallon", "US gallons", I, galUS),
		lin(Volume, "gal_imp", "imp gal", "imperial gallon", "imperial gallons", I, galImp),
		lin(Volume, "pint_us", "US pt", "US pint", "US pints", I, quo(galUS, n(8))),
		lin(Volume, "pint_imp", "imp pt", "imperial pint", "imperial pints", I, quo(galImp, n(8))),
		lin(Volume, "floz_us", "US fl oz", "US fluid ounce", "US fluid ounces", I, quo(galUS, n(128))),
		lin(Volume, "floz_imp", "imp fl oz", "imperial fluid ounce", "imperial fluid ounces", I, quo(galImp, n(160))),

		// Mass.
		lin(Mass, "t", "t", "tonne", "tonnes", M, tonne),
		lin(Mass, "kg", "kg", "kilogram", "kilograms", M, kg),
		lin(Mass, "g", "g", "gram", "grams", M, g),
		lin(Mass, "mg", "mg", "milligram", "milligrams", M, rat("1/1000000")),
		lin(Mass, "ton_short", "short ton", "short ton", "short tons", I, mul(n(2000), lb)),
		lin(Mass, "ton_long", "long ton", "long ton", "long tons", I, mul(n(2240), lb)),
		lin(Mass, "st", "st", "stone", "stone", I, mul(n(14), lb)),
		lin(Mass, "lb", "lb", "pound", "pounds", I, lb),
		lin(Mass, "oz", "oz", "ounce", "ounces", I, quo(lb, n(16))),
		lin(Mass, "oz_troy", "troy oz", "troy ounce", "troy ounces", I, rat("0.0311034768")),

		// Speed.
		lin(Speed, "km/h", "km/h", "kilometre per hour", "kilometres per hour", M, quo(km, hour)),
		lin(Speed, "m/s", "m/s", "metre per second", "metres per second", M, m),
		lin(Speed, "km/s", "km/s", "kilometre per second", "kilometres per second", M, km),
		lin(Speed, "mph", "mph", "mile per hour", "miles per hour", I, quo(mi, hour)),
		lin(Speed, "kn", "kn", "knot", "knots", I, quo(nmi, hour)),
		lin(Speed, "ft/s", "ft/s", "foot per second", "feet per second", I, ft),

		// Temperature readings (affine) and changes (linear), base kelvin.
		{id: "degC", symbol: "°C", name: "degree Celsius", plural: "degrees Celsius", dim: Temperature, sys: M,
			factor: n(1), offset: rat("273.15")},
		{id: "degF", symbol: "°F", name: "degree Fahrenheit", plural: "degrees Fahrenheit", dim: Temperature, sys: I,
			factor: rat("5/9"), offset: mul(rat("459.67"), rat("5/9"))},
		{id: "K", symbol: "K", name: "kelvin", plural: "kelvins", dim: Temperature, sys: M,
			factor: n(1), offset: new(big.Rat)},
		lin(TemperatureChange, "degC_change", "°C", "degree Celsius", "degrees Celsius", M, n(1)),
		lin(TemperatureChange, "degF_change", "°F", "degree Fahrenheit", "degrees Fahrenheit", I, rat("5/9")),
		lin(TemperatureChange, "K_change", "K", "kelvin", "kelvins", M, n(1)),

		// Pressure.
		lin(Pressure, "Pa", "Pa", "pascal", "pascals", M, n(1)),
		lin(Pressure, "hPa", "hPa", "hectopascal", "hectopascals", M, n(100)),
		lin(Pressure, "mbar", "mbar", "millibar", "millibars", M, n(100)),
		lin(Pressure, "kPa", "kPa", "kilopascal", "kilopascals", M, n(1000)),
		lin(Pressure, "MPa", "MPa", "megapascal", "megapascals", M, n(1000000)),
		lin(Pressure, "bar", "bar", "bar", "bars", M, n(100000)),
		lin(Pressure, "atm", "atm", "atmosphere", "atmospheres", M, n(101325)),
		lin(Pressure, "mmHg", "mmHg", "millimetre of mercury", "millimetres of mercury", M, mul(hg, mm)),
		lin(Pressure, "psi", "psi", "pound per square inch", "pounds per square inch", I, quo(lbf, pow(in, 2))),
		lin(Pressure, "inHg", "inHg", "inch of mercury", "inches of mercury", I, mul(hg, in)),

		// Power.
		lin(Power, "W", "W", "watt", "watts", M, n(1)),
		lin(Power, "kW", "kW", "kilowatt", "kilowatts", M, n(1000)),
		lin(Power, "MW", "MW", "megawatt", "megawatts", M, n(1000000)),
		lin(Power, "GW", "GW", "gigawatt", "gigawatts", M, n(1000000000)),
		lin(Power, "hp_metric", "PS", "metric horsepower", "metric horsepower", M, mul(n(75), g0)),
		lin(Power, "hp", "hp", "horsepower", "horsepower", I, mul(n(550), ft, lbf)),
		lin(Power, "BTU/h", "BTU/h", "BTU per hour", "BTUs per hour", I, quo(btu, hour)),

		// Energy.
		lin(Energy, "J", "J", "joule", "joules", M, n(1)),
		lin(Energy, "kJ", "kJ", "kilojoule", "kilojoules", M, n(1000)),
		lin(Energy, "MJ", "MJ", "megajoule", "megajoules", M, n(1000000)),
		lin(Energy, "GJ", "GJ", "gigajoule", "gigajoules", M, pow(n(10), 9)),
		lin(Energy, "TJ", "TJ", "terajoule", "terajoules", M, pow(n(10), 12)),
		lin(Energy, "PJ", "PJ", "petajoule", "petajoules", M, pow(n(10), 15)),
		lin(Energy, "EJ", "EJ", "exajoule", "exajoules", M, pow(n(10), 18)),
		lin(Energy, "kWh", "kWh", "kilowatt-hour", "kilowatt-hours", M, kWh),
		lin(Energy, "MWh", "MWh", "megawatt-hour", "megawatt-hours", M, mul(kWh, n(1000))),
		lin(Energy, "GWh", "GWh", "gigawatt-hour", "gigawatt-hours", M, mul(kWh, n(1000000))),
		lin(Energy, "TWh", "TWh", "terawatt-hour", "terawatt-hours", M, mul(kWh, pow(n(10), 9))),
		lin(Energy, "kcal", "kcal", "kilocalorie", "kilocalories", M, n(4184)),
		lin(Energy, "BTU", "BTU", "British thermal unit", "British thermal units", I, btu),
		lin(Energy, "MMBtu", "MMBtu", "million British thermal units", "million British thermal units", I, mul(btu, n(1000000))),
		lin(Energy, "therm_us", "US therm", "US therm", "US therms", I, n(105480400)),
		lin(Energy, "therm_ec", "EC therm", "EC therm", "EC therms", I, n(105506000)),

		// Torque.
		lin(Torque, "Nm", "N·m", "newton-metre", "newton-metres", M, n(1)),
		lin(Torque, "lb_ft", "lb-ft", "pound-foot", "pound-feet", I, mul(lbf, ft)),

		// Fuel economy, base metres per cubic metre.
		lin(FuelEconomy, "km/L", "km/L", "kilometre per litre", "kilometres per litre", M, quo(km, litre)),
		{id: "L/100km", symbol: "L/100km", name: "litre per 100 kilometres", plural: "litres per 100 kilometres",
			dim: FuelEconomy, sys: M, factor: quo(mul(n(100), km), litre), inverse: true},
		lin(FuelEconomy, "mpg_us", "mpg (US)", "mile per US gallon", "miles per US gallon", I, quo(mi, galUS)),
		lin(FuelEconomy, "mpg_imp", "mpg (imp)", "mile per imperial gallon", "miles per imperial gallon", I, quo(mi, galImp)),

		// Density: a count per area, base per square metre.
		power(Density, "per_km2", "per km²", "per square kilometre", "per square kilometre", M, "km", km, -2),
		power(Density, "per_m2", "per m²", "per square metre", "per square metre", M, "m", m, -2),
		lin(Density, "per_ha", "per ha", "per hectare", "per hectare", M, quo(one, ha)),
		power(Density, "per_mi2", "per mi²", "per square mile", "per square mile", I, "mi", mi, -2),
		lin(Density, "per_acre", "per acre", "per acre", "per acre", I, quo(one, acre)),
	}
}

// families lists the members of each generic family, the order used after
// the house style's member; the style picks the first member.
func families(s Style) map[string][]string {
	gallon := func(us, imp string) []string {
		if s.Gallon == GallonImperial {
			return []string{imp, us}
		}
		return []string{us, imp}
	}
	var ton []string
	switch s.Ton {
	case TonLong:
		ton = []string{"ton_long", "ton_short", "t"}
	case TonMetric:
		ton = []string{"t", "ton_short", "ton_long"}
	default:
		ton = []string{"ton_short", "ton_long", "t"}
	}
	return map[string][]string{
		"gallon": gallon("gal_us", "gal_imp"),
		"pint":   gallon("pint_us", "pint_imp"),
		"floz":   gallon("floz_us", "floz_imp"),
		"mpg":    gallon("mpg_us", "mpg_imp"),
		"ton":    ton,
	}
}
