package units

import "strings"

// Variety is the variety of English a unit's spelling or house style
// belongs to: what decides whether a bare "gallon" or "ton" in copy is the
// US or the British one.
type Variety uint8

// Varieties.
const (
	VarietyNone Variety = iota // neither: "km", "L", "gallons"
	VarietyUK                  // "litre", "metre", "tonne"; the imperial gallon, the long ton
	VarietyUS                  // "liter", "meter", "metric ton"; the US gallon, the short ton
)

// Spelling cues: a unit spelling holding one of these, matched
// case-sensitively as a substring, is British or American ("kilometres",
// "metric tons").
var (
	ukSpellingCues = []string{"litre", "metre", "tonne"}
	usSpellingCues = []string{"liter", "meter", "metric ton"}
)

// SpellingCues returns the substrings of unit spellings that mark British
// and American copy. The slices are new on each call.
func SpellingCues() (uk, us []string) {
	return append([]string(nil), ukSpellingCues...), append([]string(nil), usSpellingCues...)
}

// SpellingVariety reports which varieties' cues the spelling s holds:
// "litres" British, "liters" American, "km" neither, and "metric tonnes"
// both ("tonne" and "metric ton").
func SpellingVariety(s string) (uk, us bool) {
	return containsAny(s, ukSpellingCues), containsAny(s, usSpellingCues)
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// HouseVariety returns the variety whose house style makes u the member of
// its generic family: the US gallon, pint, fluid ounce and mpg and the
// short ton are American, the imperial ones and the long ton British;
// VarietyNone for any other unit.
func HouseVariety(u *Unit) Variety {
	if u == nil {
		return VarietyNone
	}
	switch {
	case strings.HasSuffix(u.ID, "_us"), u.ID == "ton_short":
		return VarietyUS
	case strings.HasSuffix(u.ID, "_imp"), u.ID == "ton_long":
		return VarietyUK
	}
	return VarietyNone
}
