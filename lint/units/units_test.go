package units

import (
	"bufio"
	"errors"
	"math"
	"math/big"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const factorsPath = "../../../shared/corpus/factors.tsv"

// tsvAliases maps factors.tsv unit IDs to catalogue IDs where they differ.
// The catalogue adopted the corpus IDs, so the table is empty; add a line
// here if either side is ever renamed.
var tsvAliases = map[string]string{}

// tsvAbsent lists the factors.tsv units the catalogue deliberately leaves
// out, with the reason. A row naming one of them is not checked; any other
// unmatched row fails the test.
var tsvAbsent = map[string]string{
	"quad":           "a word (and 'quadrillion BTU' is a scale word plus BTU)",
	"toe":            "a word; tonnes of oil equivalent are not converted in copy",
	"kt_TNT":         "'kilotons' would clash with mass; explosive yield is not converted",
	"Mt_TNT":         "as kt_TNT",
	"cal":            "news 'calories' are kilocalories; the small calorie is not catalogued",
	"kg/ha":          "compound rate units (yield) are out of scope",
	"lb/acre":        "compound rate units (yield) are out of scope",
	"t/ha":           "compound rate units (yield) are out of scope",
	"ton_short/acre": "compound rate units (yield) are out of scope",
	"per_L":          "per-volume rates (prices per litre) are currency conversions",
	"per_gal_us":     "as per_L",
	"per_gal_imp":    "as per_L",
	"per_bbl":        "as per_L",
	"kg_per_m3":      "mass density is out of scope",
	"lb_per_ft3":     "mass density is out of scope",
}

var (
	affineRe  = regexp.MustCompile(`^x\*([0-9.]+)([+-][0-9.]+)$`)
	inverseRe = regexp.MustCompile(`^([0-9.]+)/x$`)
)

func catID(tsv string) string {
	if id, ok := tsvAliases[tsv]; ok {
		return id
	}
	return tsv
}

func conv(t *testing.T, v *big.Rat, from, to *Unit) float64 {
	t.Helper()
	out, err := Convert(v, from, to)
	require.NoError(t, err)
	f, _ := out.Float64()
	return f
}

func assertRel(t *testing.T, want, got float64, msg string) {
	t.Helper()
	rel := math.Abs(got-want) / math.Abs(want)
	assert.LessOrEqualf(t, rel, 1e-12, "%s: got %.15g, GNU units %.15g (rel %.2g)", msg, got, want, rel)
}

// TestFactorsTSV holds the catalogue to GNU units: every row of the corpus
// factors table whose units are catalogued must agree to 1e-12.
func TestFactorsTSV(t *testing.T) {
	f, err := os.Open(factorsPath)
	require.NoErrorf(t, err, "factors.tsv is required (corpus at %s relative to lint/units)", factorsPath)
	defer func() { require.NoError(t, f.Close()) }()

	c := New(Style{})
	seenAbsent := map[string]bool{}
	rows, held := 0, 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			require.True(t, strings.HasPrefix(sc.Text(), "from\tto\tfactor"), "header: %q", sc.Text())
			continue
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		require.Lenf(t, cols, 4, "line %d", line)
		rows++
		name := strings.Join(cols[:3], " ")
		if _, ok := tsvAbsent[cols[0]]; ok {
			seenAbsent[cols[0]] = true
		}
		if _, ok := tsvAbsent[cols[1]]; ok {
			seenAbsent[cols[1]] = true
		}
		from, to := c.Unit(catID(cols[0])), c.Unit(catID(cols[1]))
		if from == nil || to == nil {
			_, absFrom := tsvAbsent[cols[0]]
			_, absTo := tsvAbsent[cols[1]]
			assert.Truef(t, (from != nil || absFrom) && (to != nil || absTo),
				"line %d (%s): unit missing from the catalogue and not listed in tsvAbsent", line, name)
			continue
		}
		held++
		zero, one, two := new(big.Rat), big.NewRat(1, 1), big.NewRat(2, 1)
		switch expr := cols[2]; {
		case affineRe.MatchString(expr):
			m := affineRe.FindStringSubmatch(expr)
			slope, err1 := strconv.ParseFloat(m[1], 64)
			offset, err2 := strconv.ParseFloat(m[2], 64)
			require.NoError(t, errors.Join(err1, err2), name)
			at0, at1 := conv(t, zero, from, to), conv(t, one, from, to)
			assertRel(t, slope, at1-at0, name+" slope")
			assertRel(t, offset, at0, name+" offset")
		case inverseRe.MatchString(expr):
			k, err := strconv.ParseFloat(inverseRe.FindStringSubmatch(expr)[1], 64)
			require.NoError(t, err, name)
			assertRel(t, k, conv(t, one, from, to), name+" constant")
			assertRel(t, k/2, conv(t, two, from, to), name+" at x=2")
		default:
			factor, err := strconv.ParseFloat(expr, 64)
			require.NoError(t, err, name)
			assertRel(t, factor, conv(t, one, from, to), name)
			assert.Zerof(t, conv(t, zero, from, to), "%s: linear, 0 -> 0", name)
		}
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, 170, rows, "factors.tsv rows")
	for id := range tsvAbsent {
		assert.Truef(t, seenAbsent[id], "tsvAbsent lists %q, which factors.tsv does not use", id)
		assert.Nilf(t, c.Unit(catID(id)), "tsvAbsent lists %q but the catalogue has it", id)
	}
	assert.GreaterOrEqual(t, held, 150, "rows held")
	t.Logf("factors.tsv: %d of %d rows held", held, rows)
}

func ids(us []*Unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.ID
	}
	return out
}

func TestCatalogueIntegrity(t *testing.T) {
	c := New(Style{})
	seen := map[string]bool{}
	spelled := map[string]bool{}
	for _, s := range c.Spellings() {
		require.NotNilf(t, s.Unit, "spelling %q has no unit", s.Text)
		spelled[s.Unit.ID] = true
		assert.Equalf(t, s.Generic, s.Family != "", "spelling %q: Generic and Family disagree", s.Text)
		assert.Falsef(t, seen[s.Text], "duplicate spelling %q", s.Text)
		seen[s.Text] = true
	}
	units := c.Units()
	require.NotEmpty(t, units)
	byID := map[string]bool{}
	for _, u := range units {
		assert.Falsef(t, byID[u.ID], "duplicate unit %q", u.ID)
		byID[u.ID] = true
		assert.Same(t, u, c.Unit(u.ID))
		assert.NotEmptyf(t, u.Symbol, "%s symbol", u.ID)
		assert.NotEmptyf(t, u.Name, "%s name", u.ID)
		assert.NotEmptyf(t, u.Plural, "%s plural", u.ID)
		assert.NotEqualf(t, "invalid", u.Dim.String(), "%s dimension", u.ID)
		assert.Containsf(t, []System{Metric, Imperial}, u.System, "%s system", u.ID)
		require.NotNilf(t, u.Factor, "%s factor", u.ID)
		assert.Equalf(t, 1, u.Factor.Sign(), "%s factor must be positive", u.ID)
		assert.Equalf(t, u.Dim == Temperature, u.Offset != nil, "%s: Offset only on temperature readings", u.ID)
		if u.Dim != TemperatureChange {
			assert.Truef(t, spelled[u.ID], "unit %s has no spelling", u.ID)
		}
		// Area, volume and density factors are powers of length factors.
		if lin, p := c.Linear(u); lin != nil {
			assert.Equal(t, Length, lin.Dim)
			assert.Zerof(t, pow(lin.Factor, p).Cmp(u.Factor), "%s = %s^%d", u.ID, lin.ID, p)
		}
	}
	// Two spellings that match the same text fold must mean the same unit.
	folded := map[string]Spelling{}
	for _, s := range c.Spellings() {
		if s.CaseSensitive {
			continue
		}
		folded[strings.ToLower(s.Text)] = s
	}
	for _, s := range c.Spellings() {
		if o, ok := folded[strings.ToLower(s.Text)]; ok && o.Text != s.Text {
			assert.Equalf(t, o.Unit.ID, s.Unit.ID, "%q and %q match the same text", o.Text, s.Text)
		}
	}
}

func TestSymbolsAndNames(t *testing.T) {
	c := New(Style{})
	for id, want := range map[string][3]string{
		"km":        {"km", "kilometre", "kilometres"},
		"km2":       {"km²", "square kilometre", "square kilometres"},
		"mi2":       {"mi²", "square mile", "square miles"},
		"mi":        {"mi", "mile", "miles"},
		"ft":        {"ft", "foot", "feet"},
		"in":        {"in", "inch", "inches"},
		"m2":        {"m²", "square metre", "square metres"},
		"ha":        {"ha", "hectare", "hectares"},
		"acre":      {"acre", "acre", "acres"},
		"L":         {"L", "litre", "litres"},
		"mL":        {"mL", "millilitre", "millilitres"},
		"gal_us":    {"US gal", "US gallon", "US gallons"},
		"gal_imp":   {"imp gal", "imperial gallon", "imperial gallons"},
		"degC":      {"°C", "degree Celsius", "degrees Celsius"},
		"degF":      {"°F", "degree Fahrenheit", "degrees Fahrenheit"},
		"kg":        {"kg", "kilogram", "kilograms"},
		"lb":        {"lb", "pound", "pounds"},
		"t":         {"t", "tonne", "tonnes"},
		"mph":       {"mph", "mile per hour", "miles per hour"},
		"km/h":      {"km/h", "kilometre per hour", "kilometres per hour"},
		"kn":        {"kn", "knot", "knots"},
		"psi":       {"psi", "pound per square inch", "pounds per square inch"},
		"hPa":       {"hPa", "hectopascal", "hectopascals"},
		"kW":        {"kW", "kilowatt", "kilowatts"},
		"hp":        {"hp", "horsepower", "horsepower"},
		"kWh":       {"kWh", "kilowatt-hour", "kilowatt-hours"},
		"mpg_us":    {"mpg (US)", "mile per US gallon", "miles per US gallon"},
		"mpg_imp":   {"mpg (imp)", "mile per imperial gallon", "miles per imperial gallon"},
		"L/100km":   {"L/100km", "litre per 100 kilometres", "litres per 100 kilometres"},
		"per_km2":   {"per km²", "per square kilometre", "per square kilometre"},
		"per_mi2":   {"per mi²", "per square mile", "per square mile"},
		"lb_ft":     {"lb-ft", "pound-foot", "pound-feet"},
		"Nm":        {"N·m", "newton-metre", "newton-metres"},
		"ton_short": {"short ton", "short ton", "short tons"},
		"ton_long":  {"long ton", "long ton", "long tons"},
	} {
		u := c.Unit(id)
		require.NotNil(t, u, id)
		assert.Equal(t, want, [3]string{u.Symbol, u.Name, u.Plural}, id)
	}
}

func TestConvert(t *testing.T) {
	c := New(Style{})
	u := func(id string) *Unit {
		t.Helper()
		x := c.Unit(id)
		require.NotNil(t, x, id)
		return x
	}
	tests := []struct {
		v        string
		from, to string
		want     string  // exact result, when given
		approx   float64 // else the result to 6 significant figures
	}{
		{"1", "in", "cm", "127/50", 0},
		{"1", "mi", "km", "201168/125000", 0},
		{"100", "km", "mi", "", 62.1371},
		{"1000", "km2", "mi2", "", 386.102},
		{"100000", "km2", "mi2", "", 38610.2},
		{"640", "acre", "mi2", "1", 0},
		{"1", "ha", "acre", "", 2.47105},
		{"80000", "m3", "ft3", "", 2825170},
		{"1", "gal_us", "L", "3.785411784", 0},
		{"1", "gal_imp", "L", "4.54609", 0},
		{"1", "bbl", "gal_us", "42", 0},
		{"1", "pint_imp", "mL", "568.26125", 0},
		{"1", "floz_us", "mL", "29.5735295625", 0},
		{"1", "acre_ft", "m3", "1233.48183754752", 0},
		{"1", "st", "lb", "14", 0},
		{"1", "ton_long", "t", "1.0160469088", 0},
		{"1", "ton_short", "lb", "2000", 0},
		{"1", "oz_troy", "g", "31.1034768", 0},
		{"90", "mph", "km/h", "", 144.841},
		{"1", "kn", "km/h", "1.852", 0},
		{"40", "m/s", "mph", "", 89.4775},
		{"35", "degC", "degF", "95", 0},
		{"-40", "degC", "degF", "-40", 0},
		{"-40", "degF", "degC", "-40", 0},
		{"0", "degC", "K", "273.15", 0},
		{"212", "degF", "degC", "100", 0},
		{"2", "degC_change", "degF_change", "3.6", 0},
		{"5", "degF_change", "degC_change", "25/9", 0},
		{"32", "psi", "bar", "", 2.20632},
		{"938", "hPa", "inHg", "", 27.6991},
		{"1", "inHg", "Pa", "3386.388640341", 0},
		{"1", "mbar", "hPa", "1", 0},
		{"1", "atm", "kPa", "101.325", 0},
		{"1", "hp", "W", "745.69987158227022", 0},
		{"1", "hp_metric", "W", "735.49875", 0},
		{"300", "kW", "hp", "", 402.307},
		{"1", "kWh", "MJ", "3.6", 0},
		{"1", "BTU", "J", "1055.05585262", 0},
		{"1", "therm_us", "J", "105480400", 0},
		{"250", "kcal", "kJ", "1046", 0},
		{"1", "lb_ft", "Nm", "1.3558179483314004", 0},
		{"50", "mpg_us", "L/100km", "", 4.70429},
		{"62", "mpg_imp", "L/100km", "", 4.55614},
		{"5.2", "L/100km", "mpg_imp", "", 54.3233},
		{"20", "km/L", "L/100km", "5", 0},
		{"5", "L/100km", "km/L", "20", 0},
		{"1", "mpg_us", "mpg_imp", "", 1.20095},
		{"1250", "per_km2", "per_mi2", "", 3237.49},
		{"1", "per_ha", "per_km2", "100", 0},
		{"1", "ly", "km", "9460730472580.8", 0},
	}
	for _, tt := range tests {
		t.Run(tt.v+tt.from+"_to_"+tt.to, func(t *testing.T) {
			v, ok := new(big.Rat).SetString(tt.v)
			require.True(t, ok)
			before := new(big.Rat).Set(v)
			got, err := Convert(v, u(tt.from), u(tt.to))
			require.NoError(t, err)
			assert.Zero(t, before.Cmp(v), "Convert modified its argument")
			if tt.want != "" {
				want, ok := new(big.Rat).SetString(tt.want)
				require.True(t, ok)
				assert.Zerof(t, want.Cmp(got), "got %s, want %s", got.FloatString(12), tt.want)
				return
			}
			f, _ := got.Float64()
			assert.InEpsilon(t, tt.approx, f, 5e-6)
		})
	}
}

func TestConvertErrors(t *testing.T) {
	c := New(Style{})
	one := big.NewRat(1, 1)

	_, err := Convert(one, c.Unit("km"), c.Unit("kg"))
	require.ErrorIs(t, err, ErrDimension)
	assert.Contains(t, err.Error(), "km (length)")
	assert.Contains(t, err.Error(), "kg (mass)")

	_, err = Convert(one, c.Unit("degC"), c.Unit("degF_change"))
	require.ErrorIs(t, err, ErrDimension, "a reading is not a change")

	_, err = Convert(new(big.Rat), c.Unit("L/100km"), c.Unit("mpg_us"))
	require.ErrorIs(t, err, ErrDivisionByZero)
	assert.Contains(t, err.Error(), "L/100km")

	_, err = Convert(new(big.Rat), c.Unit("mpg_us"), c.Unit("L/100km"))
	require.ErrorIs(t, err, ErrDivisionByZero)

	_, err = Convert(nil, c.Unit("km"), c.Unit("mi"))
	require.Error(t, err)
	_, err = Convert(one, nil, c.Unit("mi"))
	require.Error(t, err)
}

// TestConvertRoundTrip: every conversion is exact, so there and back is the
// identity, for every pair of units of a dimension.
func TestConvertRoundTrip(t *testing.T) {
	c := New(Style{})
	v := big.NewRat(-7, 3)
	for _, a := range c.Units() {
		for _, b := range c.Units() {
			if a.Dim != b.Dim {
				continue
			}
			x := v
			if a.Inverse || b.Inverse {
				x = big.NewRat(7, 3)
			}
			there, err := Convert(x, a, b)
			require.NoError(t, err)
			back, err := Convert(there, b, a)
			require.NoError(t, err)
			assert.Zerof(t, x.Cmp(back), "%s -> %s -> %s", a.ID, b.ID, a.ID)
		}
	}
}

func TestFamily(t *testing.T) {
	tests := []struct {
		style Style
		name  string
		want  []string
	}{
		{Style{}, "gallon", []string{"gal_us", "gal_imp"}},
		{Style{Gallon: GallonImperial}, "gallon", []string{"gal_imp", "gal_us"}},
		{Style{Gallon: GallonImperial}, "pint", []string{"pint_imp", "pint_us"}},
		{Style{}, "floz", []string{"floz_us", "floz_imp"}},
		{Style{Gallon: GallonImperial}, "mpg", []string{"mpg_imp", "mpg_us"}},
		{Style{Ton: TonShort}, "ton", []string{"ton_short", "ton_long", "t"}},
		{Style{Ton: TonLong}, "ton", []string{"ton_long", "ton_short", "t"}},
		{Style{Ton: TonMetric}, "ton", []string{"t", "ton_short", "ton_long"}},
		{Style{}, "furlong", []string{}},
	}
	for _, tt := range tests {
		c := New(tt.style)
		assert.Equal(t, tt.style, c.Style())
		assert.Equalf(t, tt.want, ids(c.Family(tt.name)), "%+v %s", tt.style, tt.name)
	}

	// Generic spellings follow the style; specific ones do not.
	for _, tt := range []struct {
		style      Style
		text, want string
	}{
		{Style{}, "gallons", "gal_us"},
		{Style{Gallon: GallonImperial}, "gallons", "gal_imp"},
		{Style{Gallon: GallonImperial}, "US gallons", "gal_us"},
		{Style{Gallon: GallonImperial}, "pints", "pint_imp"},
		{Style{Gallon: GallonImperial}, "fl oz", "floz_imp"},
		{Style{Gallon: GallonImperial}, "mpg", "mpg_imp"},
		{Style{}, "mpg", "mpg_us"},
		{Style{}, "tons", "ton_short"},
		{Style{Ton: TonLong}, "ton", "ton_long"},
		{Style{Ton: TonMetric}, "tons", "t"},
		{Style{Ton: TonMetric}, "short tons", "ton_short"},
	} {
		m := New(tt.style).Match([]byte(tt.text))
		require.NotEmpty(t, m, tt.text)
		assert.Equalf(t, tt.want, m[0].Spelling.Unit.ID, "%+v %q", tt.style, tt.text)
	}
}

func TestChange(t *testing.T) {
	c := New(Style{})
	for from, want := range map[string]string{
		"degC": "degC_change", "degF": "degF_change", "K": "K_change",
		"degC_change": "degC_change", "km": "km", "mpg_us": "mpg_us",
	} {
		assert.Equal(t, want, c.Change(c.Unit(from)).ID, from)
	}
	assert.Nil(t, c.Change(nil))
	assert.Equal(t, TemperatureChange, c.Change(c.Unit("degF")).Dim)
}

func TestLinear(t *testing.T) {
	c := New(Style{})
	for id, want := range map[string]struct {
		lin   string
		power int
	}{
		"km2": {"km", 2}, "ft3": {"ft", 3}, "per_mi2": {"mi", -2}, "mi3": {"mi", 3},
	} {
		lin, p := c.Linear(c.Unit(id))
		require.NotNil(t, lin, id)
		assert.Equal(t, want.lin, lin.ID, id)
		assert.Equal(t, want.power, p, id)
	}
	for _, id := range []string{"ha", "acre", "km", "L", "gal_us"} {
		lin, p := c.Linear(c.Unit(id))
		assert.Nil(t, lin, id)
		assert.Zero(t, p, id)
	}
}

func TestCataloguesAreIndependent(t *testing.T) {
	a, b := New(Style{}), New(Style{})
	a.Unit("km").Factor.SetInt64(7) // misuse: must not leak into b
	assert.Zero(t, b.Unit("km").Factor.Cmp(big.NewRat(1000, 1)))
	assert.Zero(t, b.Unit("m").Factor.Cmp(b.Unit("m/s").Factor))
}
