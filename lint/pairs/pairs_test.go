package pairs_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/pairs"
)

// found writes the pairs of text as "A | B (shape)".
func found(f *pairs.Finder, text string) []string {
	var out []string
	for _, p := range f.Find([]byte(text)) {
		out = append(out, fmt.Sprintf("%s | %s (%s)", text[p.A.Start:p.A.End], text[p.B.Start:p.B.End], p.Shape))
	}
	return out
}

func TestFindShapes(t *testing.T) {
	f := pairs.NewFinder(&lint.Options{})
	tests := []struct {
		in   string
		want []string
	}{
		{"occupying 1,000 sq km (386 sq miles) – that is", []string{"1,000 sq km | 386 sq miles (paren)"}},
		{"the 18% (100,000 sq km or 453 sq miles) of its", []string{"100,000 sq km | 453 sq miles (or)"}},
		{"roughly 40 sq km, or 15 sq miles, high", []string{"40 sq km | 15 sq miles (or)"}},
		{"controls 1,150 sq km – or 444 sq miles – of", []string{"1,150 sq km | 444 sq miles (or)"}},
		{"drained 65 hectares—or about 160 acres—of marsh", []string{"65 hectares | 160 acres (or)"}},
		{"8 kilometers — roughly 5 miles — from", []string{"8 kilometers | 5 miles (dash)"}},
		{"Main span: 1,280 meters = 4,200 feet.", []string{"1,280 meters | 4,200 feet (equals)"}},
		{"7 feet deep, or about 2 meters, in", []string{"7 feet | 2 meters (or)"}},
		{"7.2 billion liters (1.9 billion gallons; 254 million cubic feet) of", []string{
			"7.2 billion liters | 1.9 billion gallons (paren)", "7.2 billion liters | 254 million cubic feet (paren)"}},
		{"cut from 60mph (97km/h) to 50mph (80km/h) after", []string{"60mph | 97km/h (paren)", "50mph | 80km/h (paren)"}},
		{"The 320m-high (1,050ft) mast", []string{"320m | 1,050ft (paren)"}},
		{"2,400 square miles (6,200 kilometres)", []string{"2,400 square miles | 6,200 kilometres (paren)"}},
		{"the 550-pound (250-km) black bear", []string{"550-pound | 250-km (paren)"}},
		{"100ml (3.4oz)", []string{"100ml | 3.4oz (paren)"}},
		{"955 millibars (28.2 inches)", []string{"955 millibars | 28.2 inches (paren)"}},
		{"93 degrees (34 Celsius) on Monday", []string{"93 degrees | 34 Celsius (paren)"}},
		// not pairs
		{"between the 5km or 10km routes", nil},
		{"range from 18C to 24C over the weekend", nil},
		{"a 3-mile walk (about 45 minutes)", nil},
		{"the 10km (£25) and half-marathon (£40) events", nil},
		{"Rebels hold about 18% (42,000 sq km) of the country", nil},
		{"£3m (€3.5m) on a 3m (10ft) sea wall", []string{"3m | 10ft (paren)"}},
		{"She won the 100m (her first global title)", nil},
		{"at 5 in the morning (local time)", nil},
		{"seat 32F (a window seat)", nil},
		{"150 pounds (about $190) from April", nil},
		{"a 6-foot-tall man; about 8 feet away", nil},
		{"0-60 mph in 3.9 seconds (3.6 with launch control)", nil},
		{"The 40C (a national record) reading", nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, found(f, tt.in), tt.in)
	}
}

func TestTemperatureCue(t *testing.T) {
	f := pairs.NewFinder(&lint.Options{})
	tests := []struct {
		in   string
		want judge.TempCue
	}{
		{"Temperatures hit 35C (95F) in the capital", judge.TempReading},
		{"Overnight lows of -5C (-9F) are expected", judge.TempReading},
		{"temperatures have risen by 1.1C (34F) since", judge.TempChange},
		{"a further rise of 3C (5F) is possible", judge.TempChange},
		{"a 1.5C (2.7F) rise in global temperatures", judge.TempChange},
		{"The sea was 1C (33.8F) warmer than usual", judge.TempChange},
		{"2.4C (36.3F) above the long-term average", judge.TempChange},
		{"hold warming to well below 2C (3.6F), and", judge.TempChange},
		{"The mercury fell to negative 4 degrees (negative 20 Celsius) at dawn", judge.TempReading},
		{"It was -40C (-40F) at the station", judge.TempUnknown},
		{"the 6C (43F) jump", judge.TempChange},
	}
	for _, tt := range tests {
		ps := f.Find([]byte(tt.in))
		if assert.Len(t, ps, 1, tt.in) {
			assert.Equal(t, tt.want, ps[0].Judge.Temp, tt.in)
		}
	}
}

func TestLocaleAndGenericUnits(t *testing.T) {
	assert.Equal(t, pairs.LocaleUK, pairs.DetectLocale([]byte("3,000 litres of diesel, the Environment Agency said")))
	assert.Equal(t, pairs.LocaleUS, pairs.DetectLocale([]byte("2 million gallons (7.6 million liters)")))
	assert.Equal(t, pairs.LocaleUnknown, pairs.DetectLocale([]byte("50mpg (4.7 litres per 100km), the EPA says")))

	auto := pairs.NewFinder(&lint.Options{})
	ps := auto.Find([]byte("The tanker spilled 3,000 litres (660 gallons)."))
	if assert.Len(t, ps, 1) {
		assert.Equal(t, "gal_imp", ps[0].Judge.B.Unit.ID)
		assert.Empty(t, ps[0].Judge.B.Alt)
	}
	ps = auto.Find([]byte("A bath holds 90 L (24 gallons)."))
	if assert.Len(t, ps, 1) {
		assert.Equal(t, "gal_us", ps[0].Judge.B.Unit.ID)
		if assert.Len(t, ps[0].Judge.B.Alt, 1) {
			assert.Equal(t, "gal_imp", ps[0].Judge.B.Alt[0].ID)
		}
	}
	us := pairs.NewFinder(&lint.Options{Gallon: lint.GallonUS})
	ps = us.Find([]byte("The tanker spilled 3,000 litres (660 gallons)."))
	if assert.Len(t, ps, 1) {
		assert.Equal(t, "gal_us", ps[0].Judge.B.Unit.ID)
		assert.Empty(t, ps[0].Judge.B.Alt)
	}
	ps = auto.Find([]byte("The 9,800-ton (9,957-tonne) destroyer"))
	if assert.Len(t, ps, 1) {
		assert.Equal(t, "ton_long", ps[0].Judge.A.Unit.ID)
	}
	ps = auto.Find([]byte("Exports rose to 2.4 million metric tons (2.4 million tons)."))
	if assert.Len(t, ps, 1) {
		assert.Equal(t, "ton_short", ps[0].Judge.B.Unit.ID)
	}
}

func TestNoPairAcrossParagraphs(t *testing.T) {
	f := pairs.NewFinder(&lint.Options{})
	assert.Nil(t, found(f, "The trail is 5 km\n\n(3 miles) of it paved."))
	assert.Nil(t, found(f, "The trail is 5 km\r\n\r\n(3 miles) of it paved."))
	assert.Equal(t, []string{"5 km | 3 miles (paren)"}, found(f, "The trail is 5 km\n(3 miles) long."))
}

func BenchmarkDetectLocale(b *testing.B) {
	text := []byte(strings.Repeat("The council said the plans would be published later this year after a consultation. ", 400))
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		pairs.DetectLocale(text)
	}
}
