package numeral

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	return r
}

func TestParse(t *testing.T) {
	tests := []struct {
		in                   string
		value                string
		decimals, zeros, sig int
		group                string
		leadingDot           bool
	}{
		{"386", "386", 0, 0, 3, "", false},
		{"1,000", "1000", 0, 3, 1, ",", false},
		{"100,000", "100000", 0, 5, 1, ",", false},
		{"38,600", "38600", 0, 2, 3, ",", false},
		{"60", "60", 0, 1, 1, "", false},
		{"1.5", "1.5", 1, 0, 2, "", false},
		{"2.50", "2.5", 2, 0, 3, "", false},
		{"0.75", "0.75", 2, 0, 2, "", false},
		{".31", "0.31", 2, 0, 2, "", true},
		{"12 500", "12500", 0, 2, 3, " ", false},
		{"12\u00a0500", "12500", 0, 2, 3, "\u00a0", false},
		{"13\u2009800", "13800", 0, 2, 3, "\u2009", false},
		{"1,234,567.89", "1234567.89", 2, 0, 9, ",", false},
		{"0.08", "0.08", 2, 0, 1, "", false},
		{"2000", "2000", 0, 3, 1, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := Parse(tt.in)
			require.NoError(t, err)
			assert.Equal(t, 0, n.Value.Cmp(rat(tt.value)), "value %s", n.Value.FloatString(4))
			assert.Equal(t, tt.decimals, n.Decimals, "decimals")
			assert.Equal(t, tt.zeros, n.TrailingZeros, "trailing zeros")
			assert.Equal(t, tt.sig, n.Sig, "significant figures")
			assert.Equal(t, tt.group, n.Style.Group, "group")
			assert.Equal(t, tt.leadingDot, n.Style.LeadingDot, "leading dot")
		})
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"", ".", "1,00", "1,0000", "12,34,567", "1.", "1,000 000", "a1", "1..2", "1,234.5.6"} {
		_, err := Parse(in)
		assert.ErrorIs(t, err, ErrSyntax, in)
	}
}

func TestParseEuropean(t *testing.T) {
	n, err := ParseLocale("1.000,5", European)
	require.NoError(t, err)
	assert.Equal(t, 0, n.Value.Cmp(rat("1000.5")))
	assert.Equal(t, ",", n.Style.Decimal)
	assert.Equal(t, "1.000,5", Format(n.Value, 1, Style{Group: ".", Decimal: ","}, true))
}

func TestAmount(t *testing.T) {
	n, err := Parse("2.5")
	require.NoError(t, err)
	a := n.Amount(big.NewRat(1e6, 1))
	assert.Equal(t, "2500000", a.Value.FloatString(0))
	assert.Equal(t, "100000", a.Fine.FloatString(0))
	assert.Equal(t, "100000", a.Coarse.FloatString(0))
	assert.Equal(t, 2, a.Sig)

	n, err = Parse("100,000")
	require.NoError(t, err)
	a = n.Amount(nil)
	assert.Equal(t, "1", a.Fine.FloatString(0))
	assert.Equal(t, "100000", a.Coarse.FloatString(0))

	// scale words that are no power of ten, and trailing zeros with one
	for _, tt := range []struct {
		digits, scale, value, fine, coarse string
	}{
		{"30", "1000", "30000", "1000", "10000"},
		{"1.20", "1000000000", "1200000000", "10000000", "10000000"},
		{"3", "12", "36", "12", "12"},         // "3 dozen"
		{"2.5", "1/2", "5/4", "1/20", "1/20"}, // not a power of ten either
	} {
		n, err := Parse(tt.digits)
		require.NoError(t, err)
		sc, _ := new(big.Rat).SetString(tt.scale)
		a := n.Amount(sc)
		assert.Equal(t, tt.value, a.Value.RatString(), tt.digits)
		assert.Equal(t, tt.fine, a.Fine.RatString(), tt.digits)
		assert.Equal(t, tt.coarse, a.Coarse.RatString(), tt.digits)
	}
}

func TestExact(t *testing.T) {
	a := Exact(big.NewRat(74, 1), big.NewRat(1, 1))
	assert.Equal(t, 2, a.Sig)
	a = Exact(big.NewRat(3, 4), big.NewRat(1, 4))
	assert.Equal(t, 1, a.Sig)
}

func TestFormat(t *testing.T) {
	tests := []struct {
		v        string
		decimals int
		st       Style
		group    bool
		want     string
	}{
		{"38610.2", -2, Style{Group: ","}, true, "38,600"},
		{"38610.2", 0, Style{}, true, "38,610"},
		{"38610.2", 0, Style{}, false, "38610"},
		{"12500", 0, Style{Group: " "}, true, "12 500"},
		{"0.31", 2, Style{LeadingDot: true}, false, ".31"},
		{"3.6", 1, Style{}, false, "3.6"},
		{"2.25", 1, Style{}, false, "2.3"},
		{"-2.25", 1, Style{}, false, "-2.3"},
		{"-0.04", 1, Style{}, false, "0.0"},
		{"999.96", 1, Style{Group: ","}, true, "1,000.0"},
		{"1234567", -3, Style{}, true, "1,235,000"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Format(rat(tt.v), tt.decimals, tt.st, tt.group), tt.v)
	}
}

func TestMagnitudeAndDisplay(t *testing.T) {
	assert.Equal(t, 4, Magnitude(rat("38610.2")))
	assert.Equal(t, 2, Magnitude(rat("100")))
	assert.Equal(t, 1, Magnitude(rat("99.99")))
	assert.Equal(t, -2, Magnitude(rat("0.0787")))
	assert.Equal(t, -3, DecimalsForSig(rat("38610.2"), 2))
	assert.Equal(t, "38,610", Display(rat("38610.2")))
	assert.Equal(t, "3.6", Display(rat("3.6")))
	assert.Equal(t, "386.1", Display(rat("386.102")))
	assert.Equal(t, "0.07874", Display(rat("0.0787402")))
	assert.Equal(t, "-40", Display(rat("-40")))
}

// TestParseBeyondInt64 holds the exact value of numbers with more digits
// than an int64 holds (the slow path) and at the boundary.
func TestParseBeyondInt64(t *testing.T) {
	tests := []struct{ in, value string }{
		{"999,999,999,999,999,999", "999999999999999999"},    // 18 digits: the int64 path
		{"1,000,000,000,000,000,000", "1000000000000000000"}, // 19 digits
		{"123456789.0123456789", "1234567890123456789/10000000000"},
		{"0.0000000000000000001", "1/10000000000000000000"},
		{"12,345,678,901,234,567,890.5", "24691357802469135781/2"},
	}
	for _, tt := range tests {
		n, err := Parse(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.value, n.Value.RatString(), tt.in)
	}
}

// TestRatio holds Ratio to big.Rat's SetFrac64: same value, lowest terms.
func TestRatio(t *testing.T) {
	for _, c := range [][2]int64{{0, 7}, {6, 4}, {-6, 4}, {10, 1}, {-1, 1_000_000_000_000_000_000}, {1 << 62, 3 << 40}, {-9, 12}} {
		want := new(big.Rat).SetFrac64(c[0], c[1])
		got := Ratio(c[0], c[1])
		assert.Equal(t, want.RatString(), got.RatString(), c)
		assert.Equal(t, want.Num().String(), got.Num().String(), c)
		assert.Equal(t, want.Denom().String(), got.Denom().String(), c)
	}
	assert.Panics(t, func() { Ratio(1, 0) })
}

// TestAmountValueIsOwn: an Amount's Value is its own (the scanner negates
// it in place); the Number it came from keeps its value.
func TestAmountValueIsOwn(t *testing.T) {
	n, err := Parse("2.5")
	require.NoError(t, err)
	a := n.Amount(nil)
	a.Value.Neg(a.Value)
	assert.Equal(t, "5/2", n.Value.RatString())
	assert.Equal(t, "1/10", n.Amount(nil).Fine.RatString())
	assert.Equal(t, "100000", n.Amount(big.NewRat(1_000_000, 1)).Fine.RatString())
}

// TestPow10 holds Pow10 to 10^n over the table and beyond it.
func TestPow10(t *testing.T) {
	for n := -25; n <= 25; n++ {
		want := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(n))), nil))
		if n < 0 {
			want.Inv(want)
		}
		assert.Equal(t, want.RatString(), Pow10(n).RatString(), n)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
