package pairs

import (
	"strings"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/units"
)

// Locale is the variety of English copy is written in, as its spelling
// shows. It decides what a bare "gallon" or "ton" means.
type Locale uint8

// Locales.
const (
	LocaleUnknown Locale = iota // no cues, or as many of each
	LocaleUK
	LocaleUS
)

// String returns "unknown", "uk" or "us".
func (l Locale) String() string { return [...]string{"unknown", "uk", "us"}[l] }

// spelling cues, matched case-sensitively as substrings: the unit
// spellings' own (units.SpellingCues: "litre", "liter" ...) and others
var (
	ukCues, usCues = cues(
		[]string{"£", "colour", "favour", "neighbour", "centre",
			"tyre", "programme", "organis", "realis", "recognis", "travelled", "aluminium",
			"Britain", "British", "England", "Scotland", "Wales", "Ireland", "Irish",
			"NHS", "Environment Agency", "Met Office", "motorway", "lorry", "petrol"},
		[]string{"center", "color", "favor", "neighbor",
			"organiz", "realiz", "recogniz", "traveled", "aluminum", "EPA", "U.S.",
			"America", "interstate", "Interstate", "gasoline", "National Weather Service",
			"highway", "sedan", "pickup"})
)

// cues returns the unit spellings' cues followed by the other words of
// each variety.
func cues(uk, us []string) ([]string, []string) {
	ukUnits, usUnits := units.SpellingCues()
	return append(ukUnits, uk...), append(usUnits, us...)
}

// cueSampler finds the cues that occur; cue i < len(ukCues) is British.
var cueSampler = newSampler(append(append([]string(nil), ukCues...), usCues...))

// DetectLocale reads the copy's locale from its spelling: each cue that
// occurs counts once for its side.
func DetectLocale(text []byte) Locale {
	return localeOfCues(func(yield func(int)) { cueSampler.each(text, yield) })
}

// localeOfCues decides the locale from the cues found (each cue once, by
// its index: i < len(ukCues) is British): the side with more wins.
func localeOfCues(found func(yield func(int))) Locale {
	uk, us := 0, 0
	found(func(i int) {
		if i < len(ukCues) {
			uk++
		} else {
			us++
		}
	})
	switch {
	case uk > us:
		return LocaleUK
	case us > uk:
		return LocaleUS
	}
	return LocaleUnknown
}

// resolveGeneric picks the member of a generic family ("gallon", "ton")
// the house style means, with the others the writer may have meant.
func (f *Finder) resolveGeneric(family string, locale func() Locale) (*units.Unit, []*units.Unit) {
	members := f.Catalogue().Family(family)
	if len(members) == 0 {
		return nil, nil
	}
	pick := func(pred func(*units.Unit) bool) (*units.Unit, []*units.Unit) {
		var first *units.Unit
		var rest []*units.Unit
		for _, m := range members {
			if first == nil && pred(m) {
				first = m
			} else {
				rest = append(rest, m)
			}
		}
		if first == nil {
			return members[0], members[1:]
		}
		return first, rest
	}
	only := func(u *units.Unit, _ []*units.Unit) (*units.Unit, []*units.Unit) { return u, nil }
	if family == "ton" {
		short := func(u *units.Unit) bool { return hasAny(u.ID, "short") }
		long := func(u *units.Unit) bool { return hasAny(u.ID, "long") }
		metric := func(u *units.Unit) bool { return u.System == units.Metric }
		switch f.ton {
		case lint.TonShort:
			return only(pick(short))
		case lint.TonLong:
			return only(pick(long))
		case lint.TonMetric:
			return only(pick(metric))
		}
		switch locale() {
		case LocaleUS:
			return only(pick(short))
		case LocaleUK:
			u, rest := pick(long)
			var alt []*units.Unit
			for _, r := range rest {
				if metric(r) {
					alt = append(alt, r)
				}
			}
			return u, alt
		}
		return pick(short)
	}
	us := func(u *units.Unit) bool { return hasAny(u.ID, "us") }
	imp := func(u *units.Unit) bool { return hasAny(u.ID, "imp") }
	switch f.gallon {
	case lint.GallonUS:
		return only(pick(us))
	case lint.GallonImperial:
		return only(pick(imp))
	}
	switch locale() {
	case LocaleUK:
		return only(pick(imp))
	case LocaleUS:
		return only(pick(us))
	}
	return pick(us)
}

func hasAny(id, sub string) bool { return strings.Contains(id, sub) }
