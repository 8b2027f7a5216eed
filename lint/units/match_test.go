package units

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refMatch is the specification of Match as a linear scan over every
// spelling, for cross-checking the trie.
func refMatch(c *Catalogue, text []byte) []Match {
	var out []Match
	for i := range c.spellings {
		p := &c.pats[i]
		n := p.prefix(text)
		if n < 0 || p.boundary && !atBoundary(text, n) {
			continue
		}
		out = append(out, Match{Spelling: &c.spellings[i], Len: n})
	}
	slices.SortStableFunc(out, func(a, b Match) int { return cmp.Compare(b.Len, a.Len) })
	return out
}

type matchWant struct {
	text string // spelling text
	unit string // unit ID
	n    int    // bytes covered
}

func summary(ms []Match) []matchWant {
	out := make([]matchWant, len(ms))
	for i, m := range ms {
		out[i] = matchWant{m.Spelling.Text, m.Spelling.Unit.ID, m.Len}
	}
	return out
}

func TestMatch(t *testing.T) {
	c := New(Style{})
	tests := []struct {
		in   string
		want []matchWant // all matches, longest first; nil for none
		amb  bool        // the first match is Ambiguous
	}{
		{"sq km)", []matchWant{{"sq km", "km2", 5}}, false},
		{"sq\u00a0km", []matchWant{{"sq km", "km2", 6}}, false},
		{"sq\u202fmiles of", []matchWant{{"sq miles", "mi2", 10}}, false},
		{"sq \u2009 km", []matchWant{{"sq km", "km2", 9}}, false},
		{"sq. km", []matchWant{{"sq. km", "km2", 6}}, false},
		{"sq-km", []matchWant{{"sq-km", "km2", 5}}, false},
		{"sq–km", nil, false}, // an en dash is not a hyphen
		{"sqkm", []matchWant{{"sqkm", "km2", 4}}, false},
		{"km² of", []matchWant{{"km²", "km2", 4}}, false},
		{"km2)", []matchWant{{"km2", "km2", 3}}, false},
		{"km20", nil, false},
		{"kmh ", []matchWant{{"kmh", "km/h", 3}}, false},
		{"km/h.", []matchWant{{"km/h", "km/h", 4}, {"km", "km", 2}}, false},
		{"KM/H", []matchWant{{"km/h", "km/h", 4}, {"km", "km", 2}}, false},
		{"kms", []matchWant{{"kms", "km", 3}}, false},
		{"Kilometres", []matchWant{{"kilometres", "km", 10}}, false},
		{"kilometresx", nil, false},
		{"in the", []matchWant{{"in", "in", 2}}, true},
		{"inches", []matchWant{{"inches", "in", 6}}, false},
		{"miles per hour (", []matchWant{{"miles per hour", "mph", 14}, {"miles", "mi", 5}}, false},
		{"miles  an\u00a0hour", []matchWant{{"miles an hour", "mph", 15}, {"miles", "mi", 5}}, false},
		{"m.p.h. in", []matchWant{{"m.p.h.", "mph", 6}, {"m", "m", 1}}, false},
		{"MPH", []matchWant{{"mph", "mph", 3}}, false},
		{"°C", []matchWant{{"°C", "degC", 3}}, false},
		{"ºF)", []matchWant{{"°F", "degF", 3}}, false},
		{"°c", []matchWant{{"°C", "degC", 3}}, false},
		{"° F", []matchWant{{"° F", "degF", 4}}, false},
		{"°\u00a0C", []matchWant{{"° C", "degC", 5}}, false},
		{"°Celsius", []matchWant{{"°Celsius", "degC", 9}}, false},
		{"℃", []matchWant{{"℃", "degC", 3}}, false},
		{"C (95F)", []matchWant{{"C", "degC", 1}}, true},
		{"F-35", []matchWant{{"F", "degF", 1}}, true},
		{"c", nil, false},
		{"degrees Celsius", []matchWant{{"degrees Celsius", "degC", 15}}, false},
		{"degrees", nil, false},
		{"Celsius", []matchWant{{"Celsius", "degC", 7}}, false},
		{"feet,", []matchWant{{"feet", "ft", 4}}, false},
		{"foot", []matchWant{{"foot", "ft", 4}}, true},
		{"ft ", []matchWant{{"ft", "ft", 2}}, false},
		{"FT", nil, false},
		{"'2\"", []matchWant{{"'", "ft", 1}}, true},
		{"m ", []matchWant{{"m", "m", 1}}, true},
		{"M", nil, false},
		{"Mm", nil, false},
		{"m²", []matchWant{{"m²", "m2", 3}}, false},
		{"M2", nil, false},
		{"m/s", []matchWant{{"m/s", "m/s", 3}, {"m", "m", 1}}, false},
		{"nm", []matchWant{{"nm", "nmi", 2}}, true},
		{"NM", []matchWant{{"NM", "nmi", 2}}, true},
		{"Nm", []matchWant{{"Nm", "Nm", 2}}, false},
		{"N·m", []matchWant{{"N·m", "Nm", 4}}, false},
		{"lb-ft", []matchWant{{"lb-ft", "lb_ft", 5}, {"lb", "lb", 2}}, false},
		{"lb ft", []matchWant{{"lb ft", "lb_ft", 5}, {"lb", "lb", 2}}, false},
		{"lbs", []matchWant{{"lbs", "lb", 3}}, false},
		{"pounds", []matchWant{{"pounds", "lb", 6}}, true},
		{"pound-feet", []matchWant{{"pound-feet", "lb_ft", 10}, {"pound", "lb", 5}}, false},
		{"ton ", []matchWant{{"ton", "ton_short", 3}}, true},
		{"tonnes", []matchWant{{"tonnes", "t", 6}}, false},
		{"t ", []matchWant{{"t", "t", 1}}, true},
		{"metric tons", []matchWant{{"metric tons", "t", 11}}, false},
		{"stone", []matchWant{{"stone", "st", 5}}, true},
		{"mb ", []matchWant{{"mb", "mbar", 2}}, true},
		{"MB", nil, false},
		{"millibars", []matchWant{{"millibars", "mbar", 9}}, false},
		{"inches of mercury", []matchWant{{"inches of mercury", "inHg", 17}, {"inches", "in", 6}}, false},
		{"MW", []matchWant{{"MW", "MW", 2}}, false},
		{"mW", nil, false},
		{"KWH", []matchWant{{"kWh", "kWh", 3}}, false},
		{"kW,", []matchWant{{"kW", "kW", 2}}, false},
		{"PS", []matchWant{{"PS", "hp_metric", 2}}, true},
		{"hp.", []matchWant{{"hp", "hp", 2}}, false},
		{"ha ", []matchWant{{"ha", "ha", 2}}, true},
		{"Ha", nil, false},
		{"hectares", []matchWant{{"hectares", "ha", 8}}, false},
		{"L/100km", []matchWant{{"L/100km", "L/100km", 7}, {"L", "L", 1}}, false},
		{"l/100 km", []matchWant{{"L/100 km", "L/100km", 8}, {"l", "L", 1}}, false},
		{"litres per 100km", []matchWant{{"litres per 100km", "L/100km", 16}, {"litres", "L", 6}}, false},
		{"mpg (US)", []matchWant{{"mpg (US)", "mpg_us", 8}, {"mpg", "mpg_us", 3}}, false},
		{"km/l", []matchWant{{"km/L", "km/L", 4}, {"km", "km", 2}}, false},
		{"per sq km", []matchWant{{"per sq km", "per_km2", 9}}, false},
		{"per  square mile", []matchWant{{"per square mile", "per_mi2", 16}}, false},
		{"per cent", nil, false},
		{"people", nil, false},
		{"US gallons", []matchWant{{"US gallons", "gal_us", 10}}, false},
		{"U.S. gallons", []matchWant{{"U.S. gallons", "gal_us", 12}}, false},
		{"fl oz", []matchWant{{"fl oz", "floz_us", 5}}, false},
		{"fl-oz", []matchWant{{"fl-oz", "floz_us", 5}}, false},
		{"knots", []matchWant{{"knots", "kn", 5}}, false},
		{"cubic feet", []matchWant{{"cubic feet", "ft3", 10}}, false},
		{"acre-feet", []matchWant{{"acre-feet", "acre_ft", 9}, {"acre", "acre", 4}}, false},
		{"x", nil, false},
		{"", nil, false},
		{" km", nil, false},
		{"\x01km", nil, false},
	}
	for _, tt := range tests {
		got := c.Match([]byte(tt.in))
		if tt.want == nil {
			assert.Nilf(t, got, "%q", tt.in)
			continue
		}
		assert.Equalf(t, tt.want, summary(got), "%q", tt.in)
		if len(got) > 0 {
			assert.Equalf(t, tt.amb, got[0].Spelling.Ambiguous, "%q ambiguous", tt.in)
		}
		assert.Equalf(t, summary(refMatch(c, []byte(tt.in))), summary(got), "%q: trie and reference differ", tt.in)
	}
}

// TestMatchEverySpelling: every spelling matches itself in full, at the end
// of the text and before punctuation, and not before a letter when it ends
// in one.
func TestMatchEverySpelling(t *testing.T) {
	c := New(Style{Gallon: GallonImperial, Ton: TonLong})
	for _, s := range c.Spellings() {
		for _, suffix := range []string{"", " ", ")", ",", ".", "\u00a0"} {
			got := c.Match([]byte(s.Text + suffix))
			require.NotEmptyf(t, got, "%q", s.Text+suffix)
			assert.Equalf(t, len(s.Text), got[0].Len, "%q is not the longest match of itself", s.Text)
			found := false
			for _, m := range got {
				found = found || m.Spelling.Text == s.Text && m.Len == len(s.Text)
			}
			assert.Truef(t, found, "%q does not match itself", s.Text)
		}
		if !s.CaseSensitive {
			up := []byte(strings.ToUpper(s.Text))
			assert.NotEmptyf(t, c.Match(up), "%q", up)
		}
		for _, m := range c.Match([]byte(s.Text + "x")) {
			assert.Falsef(t, m.Len == len(s.Text) && c.pats[indexOf(c, m.Spelling)].boundary,
				"%q matched before a letter", s.Text)
		}
	}
}

func indexOf(c *Catalogue, s *Spelling) int {
	for i := range c.spellings {
		if &c.spellings[i] == s {
			return i
		}
	}
	return -1
}

// TestMatchRandom cross-checks the trie against the reference scan on
// mutated spellings: case flips, other spaces, º for °, suffixes, cuts.
func TestMatchRandom(t *testing.T) {
	c := New(Style{})
	r := rand.New(rand.NewPCG(1, 2))
	spaces := []string{" ", "  ", "\u00a0", "\u2009", "\u202f", "\t", " \u00a0"}
	suffixes := []string{"", " ", "s", "2", "²", "x", ")", "-", ".", "/h", " per hour", " km", "é"}
	sps := c.Spellings()
	for range 50000 {
		s := sps[r.IntN(len(sps))].Text
		var b strings.Builder
		for _, ch := range s {
			switch {
			case ch == ' ':
				b.WriteString(spaces[r.IntN(len(spaces))])
			case ch == '°' && r.IntN(2) == 0:
				b.WriteRune('º')
			case ch < 128 && r.IntN(4) == 0:
				b.WriteString(strings.ToUpper(string(ch)))
			case ch < 128 && r.IntN(6) == 0:
				b.WriteString(strings.ToLower(string(ch)))
			default:
				b.WriteRune(ch)
			}
		}
		text := b.String()
		if r.IntN(5) == 0 {
			text = text[:r.IntN(len(text)+1)]
		}
		text += suffixes[r.IntN(len(suffixes))]
		want := summary(refMatch(c, []byte(text)))
		got := summary(c.Match([]byte(text)))
		if len(want) == 0 {
			want = nil
			if len(got) == 0 {
				got = nil
			}
		}
		require.Equalf(t, want, got, "%q", text)
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"sq km)", "miles per hour", "°C", "ºF", "in the", "sq\u00a0km", "L/100km", "6'2\""} {
		f.Add([]byte(s))
	}
	c := New(Style{})
	f.Fuzz(func(t *testing.T, text []byte) {
		got := summary(c.Match(text))
		want := summary(refMatch(c, text))
		if len(want) == 0 && len(got) == 0 {
			return
		}
		require.Equal(t, want, got)
	})
}

func TestMatchAllocs(t *testing.T) {
	c := New(Style{})
	for _, s := range []string{"people", "the", "zzz", "kmx", "per cent", " ", "(", "1"} {
		text := []byte(s)
		allocs := testing.AllocsPerRun(100, func() {
			if c.Match(text) != nil {
				t.Fatalf("%q matched", s)
			}
		})
		assert.Zerof(t, allocs, "Match(%q) allocates", s)
	}
	buf := make([]Match, 0, 8)
	text := []byte("miles per hour (")
	allocs := testing.AllocsPerRun(100, func() { buf = c.AppendMatch(buf[:0], text) })
	assert.Zero(t, allocs, "AppendMatch into a buffer allocates")
	assert.Len(t, buf, 2)
}

// benchInputs are texts at the positions a scanner tries: after numbers,
// mostly.
var benchInputs = []string{
	" sq km (386 sq miles)", "sq miles) of", "km (62 miles)", "miles per hour (",
	"C (95F) on", "F) on Tuesday", " people per sq km", "per cent of",
	"in the morning", "m (4.9ft)", "ft) tall", "mph (145km/h)", "kg (26lb)",
	", the ", ") and", "th century", "% of", "bn (£2bn)", " years old", "-year-old",
}

func BenchmarkMatch(b *testing.B) {
	c := New(Style{})
	texts := make([][]byte, len(benchInputs))
	for i, s := range benchInputs {
		texts[i] = []byte(strings.TrimLeft(s, " "))
	}
	buf := make([]Match, 0, 8)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		buf = c.AppendMatch(buf[:0], texts[i%len(texts)])
	}
}

func BenchmarkMatchMiss(b *testing.B) {
	c := New(Style{})
	text := []byte(", the said")
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Match(text)
	}
}

func BenchmarkMatchAlloc(b *testing.B) {
	c := New(Style{})
	text := []byte("miles per hour (")
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Match(text)
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = New(Style{})
	}
}

// TestMayStartDensity holds the quick test to the spellings: every density
// spelling starts with a byte it lets through, in either case.
func TestMayStartDensity(t *testing.T) {
	c := New(Style{})
	for _, sp := range c.Spellings() {
		if sp.Unit.Dim == Density {
			assert.True(t, c.MayStartDensity(sp.Text[0]), sp.Text)
			assert.True(t, c.MayStartDensity(strings.ToUpper(sp.Text)[0]), sp.Text)
		}
	}
	for _, b := range []byte("kmsq 0C") {
		assert.False(t, c.MayStartDensity(b), "%q", b)
	}
}

// TestMayStart holds the quick test to Match: a text that any spelling
// matches starts with a byte MayStart lets through, and for every byte it
// turns away, no text starting with it (every spelling with its first
// byte replaced, and random texts) has a match.
func TestMayStart(t *testing.T) {
	c := New(Style{})
	r := rand.New(rand.NewPCG(3, 4))
	texts := [][]byte{}
	for _, sp := range c.Spellings() {
		for _, v := range []string{sp.Text, strings.ToUpper(sp.Text), sp.Text + " ", sp.Text[1:]} {
			texts = append(texts, []byte(v))
		}
	}
	for range 2000 {
		b := make([]byte, 1+r.IntN(8))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		texts = append(texts, b)
	}
	for b := range 256 {
		if c.MayStart(byte(b)) {
			continue
		}
		for _, text := range texts {
			x := append([]byte{byte(b)}, text...)
			if len(c.Match(x)) > 0 {
				t.Fatalf("%q matches, MayStart(%#x) is false", x, b)
			}
			if len(text) > 0 {
				x[1] = byte(b) // the spelling's first byte replaced
				if len(c.Match(x[1:])) > 0 {
					t.Fatalf("%q matches, MayStart(%#x) is false", x[1:], b)
				}
			}
		}
	}
	for _, text := range texts {
		if len(c.Match(text)) > 0 {
			assert.Truef(t, c.MayStart(text[0]), "%q matches, MayStart is false", text)
		}
	}
	assert.False(t, c.MayStart(' '), "no spelling starts with a space")
	assert.False(t, c.MayStart('('))
	assert.True(t, c.MayStart('k'))
	assert.True(t, c.MayStart('K'))
}

// TestMayStartPair holds the quick test to Match: a text that any
// spelling matches starts with a pair of bytes MayStartPair lets through,
// and no text starting with a pair it turns away (followed by the ends a
// spelling may meet) has a match.
func TestMayStartPair(t *testing.T) {
	c := New(Style{})
	r := rand.New(rand.NewPCG(5, 6))
	var texts [][]byte
	for _, sp := range c.Spellings() {
		for _, v := range []string{sp.Text, strings.ToUpper(sp.Text), sp.Text + " ", sp.Text + ")", sp.Text + "x"} {
			texts = append(texts, []byte(v))
		}
	}
	const alphabet = "kmsqft °C/'\"\u00a0\u2009mi"
	for range 20000 {
		b := make([]byte, 2+r.IntN(8))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		texts = append(texts, b)
	}
	for _, text := range texts {
		if len(text) >= 2 && len(c.Match(text)) > 0 && !c.MayStartPair(text[0], text[1]) {
			t.Fatalf("%q matches, MayStartPair is false", text)
		}
	}
	turned := 0
	for p := range 1 << 16 {
		b0, b1 := byte(p>>8), byte(p)
		if c.MayStartPair(b0, b1) {
			continue
		}
		turned++
		for _, suffix := range []string{"", " ", ")", "x", "2", "m", "\u00b2", "\u00a0km", "/h"} {
			text := append([]byte{b0, b1}, suffix...)
			if len(c.Match(text)) > 0 {
				t.Fatalf("%q matches, MayStartPair(%#x, %#x) is false", text, b0, b1)
			}
		}
	}
	assert.Greater(t, turned, 1<<15, "most pairs are turned away")
	for _, w := range []string{"wo", "of", "ye", "(4", "2)", "an", "wh"} {
		assert.False(t, c.MayStartPair(w[0], w[1]), w)
	}
	for _, w := range []string{"km", "sq", "mi", "C)", "m ", "°C", "ft"} {
		assert.True(t, c.MayStartPair(w[0], w[1]), w)
	}
}
