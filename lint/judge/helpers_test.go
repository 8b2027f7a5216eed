package judge

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// testCat returns the catalogue of the default house style (US gallons,
// short tons).
func testCat() *units.Catalogue { return units.New(units.Style{}) }

// scaleWords are the scale words the test parser reads after a number.
var scaleWords = map[string]int{"thousand": 3, "k": 3, "million": 6, "m": 6, "billion": 9, "bn": 9}

// opt adjusts an operand built by op.
type opt func(*Operand)

// hedged sets the operand's hedge.
func hedged(h Hedge) opt { return func(o *Operand) { o.Hedge = h } }

// alt adds alternative units by ID.
func alt(cat *units.Catalogue, ids ...string) opt {
	return func(o *Operand) {
		for _, id := range ids {
			o.Alt = append(o.Alt, cat.Unit(id))
		}
	}
}

// spelled sets the unit text as written ("sq km").
func spelled(text string) opt {
	return func(o *Operand) {
		o.UnitText = text
	}
}

// num parses one written number with an optional scale word ("2.4 million")
// into its NumberText (offsets from 0) and Amount.
func num(t testing.TB, text string) (NumberText, numeral.Amount) {
	t.Helper()
	digits, scaleWord := text, ""
	if i := strings.LastIndex(text, " "); i > 0 && !strings.ContainsAny(text[i+1:], "0123456789") {
		digits, scaleWord = text[:i], text[i+1:]
	}
	var scale *big.Rat
	if scaleWord != "" {
		e, ok := scaleWords[scaleWord]
		require.True(t, ok, "scale word %q", scaleWord)
		scale = numeral.Pow10(e)
	}
	sign := leadingSign(digits)
	n, err := numeral.Parse(digits[len(sign):])
	require.NoError(t, err, "number %q", text)
	a := n.Amount(scale)
	if sign != "" {
		a.Value.Neg(a.Value)
	}
	return NumberText{Start: 0, End: len(digits), Text: digits, Style: n.Style, Scale: scale}, a
}

// op builds an operand: a number ("1,000", "2.4 million"), a range
// ("10-15", "10–15", "12 by 16") or, with compound, a compound value; unit
// by catalogue ID, written with its first non-generic spelling unless
// spelled(...) says otherwise. Offsets are relative to the operand's Text.
func op(t testing.TB, cat *units.Catalogue, text, unitID string, opts ...opt) Operand {
	t.Helper()
	u := cat.Unit(unitID)
	require.NotNil(t, u, "unit %q", unitID)
	o := Operand{Unit: u}
	for _, f := range opts {
		f(&o)
	}
	if o.UnitText == "" {
		o.UnitText = firstSpelling(cat, u)
	}
	parts, seps := splitRange(text)
	pos := 0
	for i, p := range parts {
		nt, a := num(t, p)
		nt.Start += pos
		nt.End += pos
		nt.SignStart += pos
		o.Numbers = append(o.Numbers, nt)
		o.Amounts = append(o.Amounts, a)
		pos += len(p)
		if i < len(seps) {
			pos += len(seps[i])
		}
	}
	o.Text = text + " " + o.UnitText
	o.UnitStart = len(text) + 1
	o.UnitEnd = o.UnitStart + len(o.UnitText)
	return o
}

// splitRange splits "10-15", "10–15", "10 to 15", "12 by 16" into numbers
// and separators.
func splitRange(text string) ([]string, []string) {
	for _, sep := range []string{" by ", " to ", "–", "-"} {
		if i := strings.Index(text, sep); i > 0 {
			return []string{text[:i], text[i+len(sep):]}, []string{sep}
		}
	}
	return []string{text}, nil
}

// compound builds a compound operand "6ft 9in": major and minor numbers
// with their unit texts; the amount is the total in the minor unit.
func compound(t testing.TB, cat *units.Catalogue, major, majorID, minor, minorID string) Operand {
	t.Helper()
	mj, mn := cat.Unit(majorID), cat.Unit(minorID)
	require.NotNil(t, mj)
	require.NotNil(t, mn)
	ntMajor, aMajor := num(t, major)
	ntMinor, aMinor := num(t, minor)
	majText, minText := firstSpelling(cat, mj), firstSpelling(cat, mn)
	text := major + majText + " " + minor + minText
	ntMinor.Start = len(major) + len(majText) + 1
	ntMinor.End = ntMinor.Start + len(minor)
	per := quo(mj.Factor, mn.Factor)
	total := add(mul(aMajor.Value, per), aMinor.Value)
	amt := numeral.Amount{Value: total, Fine: aMinor.Fine, Coarse: aMinor.Fine, Sig: len(strings.TrimLeft(total.FloatString(0), "0"))}
	if !total.IsInt() {
		amt = numeral.Exact(total, aMinor.Fine)
	}
	return Operand{
		Amounts: []numeral.Amount{amt}, Unit: mn, Major: mj,
		Numbers:   []NumberText{ntMajor, ntMinor},
		UnitStart: ntMinor.End, UnitEnd: ntMinor.End + len(minText), UnitText: minText,
		Text: text,
	}
}

// testSpellings are the unit texts the tests write by default.
var testSpellings = map[string]string{
	"km2": "sq km", "mi2": "sq miles", "m2": "sq m", "yd2": "sq yd", "ha": "hectares", "acre": "acres",
	"km": "km", "mi": "miles", "m": "m", "ft": "ft", "in": "in", "nmi": "nautical miles",
	"degC": "C", "degF": "F", "degC_change": "C", "degF_change": "F",
	"per_km2": "per sq km", "per_mi2": "per sq mile",
	"kn": "knots", "mph": "mph", "km/h": "km/h",
	"lb": "lb", "kg": "kg", "oz": "oz", "st": "st", "t": "tonnes",
	"ton_short": "short tons", "ton_long": "long tons",
	"L": "litres", "gal_us": "US gallons", "gal_imp": "imperial gallons",
	"m3": "cubic metres", "yd3": "cubic yards", "ft3": "cubic feet",
}

// firstSpelling returns the test spelling of u, or its first non-generic,
// non-ambiguous spelling (or its symbol).
func firstSpelling(cat *units.Catalogue, u *units.Unit) string {
	if s, ok := testSpellings[u.ID]; ok {
		return s
	}
	for _, sp := range cat.Spellings() {
		if sp.Unit == u && !sp.Generic && !sp.Ambiguous {
			return sp.Text
		}
	}
	return u.Symbol
}

// pairOf places A and B in the document "A (B)" and returns the pair with
// B's offsets shifted accordingly, and the document.
func pairOf(a, b Operand, cue TempCue) (Pair, string) {
	shift := len(a.Text) + 2
	b.Numbers = append([]NumberText(nil), b.Numbers...)
	for i := range b.Numbers {
		b.Numbers[i].Start += shift
		b.Numbers[i].End += shift
		b.Numbers[i].SignStart += shift
	}
	b.UnitStart += shift
	b.UnitEnd += shift
	return Pair{A: a, B: b, Temp: cue}, a.Text + " (" + b.Text + ")"
}

// applyEdits applies edits to a document (edits must not overlap).
func applyEdits(t testing.TB, doc string, edits []Edit) string {
	t.Helper()
	out := doc
	for k := len(edits) - 1; k >= 0; k-- {
		e := edits[k]
		require.True(t, e.Start >= 0 && e.End <= len(out) && e.Start <= e.End, "edit %+v outside %q", e, doc)
		out = out[:e.Start] + e.NewText + out[e.End:]
	}
	return out
}

// sig6 formats a value to 6 significant figures.
func sig6(f float64) string { return strconv.FormatFloat(f, 'g', 6, 64) }

// fixValue reads the value a fix text writes in B's unit: its first number,
// a scale word after it, and a compound's minor part (in minor units when
// perMajor is set: the value returned is then in minor units).
func fixValue(t testing.TB, fix string, perMajor *big.Rat) float64 {
	t.Helper()
	fields := strings.FieldsFunc(fix, func(r rune) bool { return r == ' ' || r == '\u00a0' })
	require.NotEmpty(t, fields)
	first := strings.TrimRightFunc(fields[0], func(r rune) bool { return r < '0' || r > '9' })
	_, a := num(t, first)
	v := float(a.Value)
	if len(fields) > 1 {
		if e, ok := scaleWords[fields[1]]; ok {
			v *= float(numeral.Pow10(e))
		}
	}
	if perMajor != nil {
		var minor float64
		var unit string
		rest := strings.TrimLeft(strings.Join(fields[1:], " "), " ")
		_, err := fmt.Sscanf(rest, "%g%s", &minor, &unit)
		require.NoError(t, err, "compound fix %q", fix)
		v = v*float(perMajor) + minor
	}
	return v
}

// signOutside writes a one-number operand's minus sign before its text, the
// way the scanner does: "-9" becomes Sign "-" (or sign, "minus ") and Text
// "9"; the amount stays negative.
func signOutside(t testing.TB, o Operand, sign string) Operand {
	t.Helper()
	require.Len(t, o.Numbers, 1)
	nt := o.Numbers[0]
	s := leadingSign(nt.Text)
	require.NotEmpty(t, s, "no sign in %q", nt.Text)
	nt.Text = nt.Text[len(s):]
	nt.Sign, nt.SignStart = sign, 0
	nt.Start = len(sign)
	nt.End = nt.Start + len(nt.Text)
	o.Numbers = []NumberText{nt}
	o.Text = sign + nt.Text + " " + o.UnitText
	o.UnitStart = nt.End + 1
	o.UnitEnd = o.UnitStart + len(o.UnitText)
	return o
}
