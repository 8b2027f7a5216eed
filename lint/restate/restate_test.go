package restate_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/pairs"
	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/lint/restate"
	"github.com/unitlint/unitlint/lint/units"
)

func ties(text string) []string {
	b := []byte(text)
	f := pairs.NewFinder(&lint.Options{})
	qs := quantity.NewScanner(units.Default()).Scan(b)
	var out []string
	for _, t := range restate.Find(f, b, qs, f.FindIn(b, qs)) {
		out = append(out, fmt.Sprintf("%s -> %s (%s)", text[t.A.Start:t.A.End], text[t.B.Start:t.B.End], t.Relation))
	}
	return out
}

func TestTies(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The pipeline will run 1,200km to the coast. Opponents say the 1,200-mile pipeline will cross three parks.",
			[]string{"1,200km -> 1,200-mile (head-noun)"}},
		{"The fire has burned through 12,000 hectares. More than 400 firefighters are tackling it. Officials hope to contain the 30,000-acre blaze.",
			[]string{"12,000 hectares -> 30,000-acre (kindred)"}},
		{"The Tarrow viaduct stands 150 metres above the valley floor. It was closed in 2019. The 490ft structure reopened on Monday.",
			[]string{"150 metres -> 490ft (kindred)"}},
		{"The borehole is 2,400 metres deep. Geologists hope it will help. At 7,900ft, it is the deepest in the country.",
			[]string{"2,400 metres -> 7,900ft (at-it)"}},
		{"The city has about 11,000 people per sq km, one of the highest densities in the world. Planners say its density of 11,000 per sq mile is unsustainable.",
			[]string{"11,000 people per sq km -> 11,000 per sq mile (head-noun)"}},
		{"Winter temperatures have risen by 4C over 50 years. The 39F rise has forced two villages to move.",
			[]string{"4C -> 39F (kindred)"}},
		{"The thermometer hit 44C on Tuesday. Locals said they had never known 120F heat so early.",
			[]string{"44C -> 120F (kindred)"}},
		// not tied: two lakes, two storms, a new thing, the same unit, no reference
		{"Lake Orvan covers 450 sq km. Lake Tarn, to the north, covers 120 sq km. The 280-sq-mile lake is shrinking.", nil},
		{"Storm Ada brought winds of 150km/h. Storm Bo's winds reached 120km/h. The 75mph winds felled trees.", nil},
		{"The park covers 2,000 sq km, of which 500 sq km is forest. The 770-sq-mile park is the largest.", nil},
		{"The marathon is 42km long. Runners can also enter a 5-mile fun run.", nil},
		{"The pipeline will run 1,200km. The 1,200km pipeline will cross three parks.", nil},
		{"The lake covers 450 sq km. Farmers own 300 acres nearby.", nil},
		{"The trail is 10 miles long. The bridge is 200 metres long.", nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, ties(tt.in), tt.in)
	}
}
