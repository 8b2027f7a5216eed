package judge

import (
	"errors"
	"math"
	"strings"
	"unicode"

	"github.com/unitlint/unitlint/internal/editdist"
	"github.com/unitlint/unitlint/lint/units"
)

// errNotWhole: a compound's major unit is not a whole number of minor units.
var errNotWhole = errors.New("judge: major unit is not a whole number of minor units")

// counterpart returns the unit of A's dimension that B's unit (of another
// dimension) stands for, by the first rule that applies:
//
//  1. powers of one length unit: a length written for an area or volume
//     means its square or cube (km -> km², "6,200 kilometres" for an area),
//     an area or volume written for a length means its length unit;
//  2. the same metric prefix: km -> kg, mg -> mm, kW -> kJ (base symbols m,
//     g, L, W, J, Wh, Pa, bar);
//  3. otherwise the unit of A's dimension and of B's system (metric or
//     imperial) that puts A's conversion nearest to b.
//
// It returns nil when A's dimension has no unit at all.
func (j *judgement) counterpart() *units.Unit {
	if j.cat == nil {
		return nil
	}
	ua, ub := j.p.A.Unit, j.p.B.Unit
	if u := j.powerCounterpart(ua, ub); u != nil {
		return u
	}
	if u := j.prefixCounterpart(ua.Dim, ub); u != nil {
		return u
	}
	return j.nearestCounterpart(ua, ub)
}

// powerCounterpart applies rule 1 of counterpart.
func (j *judgement) powerCounterpart(ua, ub *units.Unit) *units.Unit {
	want := map[units.Dimension]int{units.Length: 1, units.Area: 2, units.Volume: 3, units.Density: -2}
	pa, okA := want[ua.Dim]
	_, okB := want[ub.Dim]
	if !okA || !okB {
		return nil
	}
	lin := ub
	if ub.Dim != units.Length {
		if lin, _ = j.cat.Linear(ub); lin == nil {
			return nil
		}
	}
	if pa == 1 {
		return lin
	}
	for _, u := range j.catUnits() {
		if l, p := j.cat.Linear(u); u.Dim == ua.Dim && l == lin && p == pa {
			return u
		}
	}
	return nil
}

// baseSymbols lists the unprefixed metric symbols of a dimension.
func baseSymbols(d units.Dimension) []string {
	switch d {
	case units.Length:
		return []string{"m"}
	case units.Mass:
		return []string{"g"}
	case units.Volume:
		return []string{"L"}
	case units.Power:
		return []string{"W"}
	case units.Energy:
		return []string{"J", "Wh"}
	case units.Pressure:
		return []string{"Pa", "bar"}
	}
	return nil
}

// isMetricPrefix reports whether p is an SI prefix a counterpart may share.
func isMetricPrefix(p string) bool {
	switch p {
	case "", "k", "M", "G", "T", "P", "E", "h", "da", "d", "c", "m", "µ":
		return true
	}
	return false
}

// prefixCounterpart applies rule 2 of counterpart.
func (j *judgement) prefixCounterpart(dim units.Dimension, ub *units.Unit) *units.Unit {
	if ub.System != units.Metric {
		return nil
	}
	prefix, found := "", false
	for _, base := range baseSymbols(ub.Dim) {
		if p, ok := strings.CutSuffix(ub.Symbol, base); ok && isMetricPrefix(p) {
			prefix, found = p, true
			break
		}
	}
	if !found {
		return nil
	}
	for _, base := range baseSymbols(dim) {
		for _, u := range j.catUnits() {
			if u.Dim == dim && u.Symbol == prefix+base {
				return u
			}
		}
	}
	return nil
}

// nearestCounterpart applies rule 3 of counterpart.
func (j *judgement) nearestCounterpart(ua, ub *units.Unit) *units.Unit {
	var best *units.Unit
	bestDist := math.Inf(1)
	for _, sameSystem := range []bool{true, false} {
		for _, u := range j.catUnits() {
			if u.Dim != ua.Dim || (sameSystem && u.System != ub.System) {
				continue
			}
			c, err := units.Convert(j.a[0].Value, ua, u)
			if err != nil || c.Sign() == 0 || j.b[0].Value.Sign() == 0 {
				continue
			}
			d := math.Abs(math.Log10(math.Abs(float(quo(j.b[0].Value, c)))))
			if d < bestDist {
				best, bestDist = u, d
			}
		}
		if best != nil {
			return best
		}
	}
	return best
}

// respell returns how B's unit text should read for unit u, in the style of
// B's own spelling: a spelled-out name for a spelled-out name ("kilometres"
// -> "square kilometres"), a symbol for a symbol ("km" -> "kg"), the same
// number (singular or plural; a name for a symbol is plural unless B's
// number, nums when the fix rewrites it, is one: "3.8 liters") and the same
// -re/-er spelling. Generic
// spellings ("gallons") are never chosen.
//
// Where A's unit is the member of a generic family that the copy's variety
// of English picks ("1 gallon (1 t)": the US gallon of American or neutral
// copy), the new spelling keeps that variety: it neither brings in a cue of
// the other ("litre", "tonne" in American copy) nor drops one of its own
// ("litre" rewritten "L/100km"), which would make the fixed pair read the
// gallon or ton the other way. It returns "" when u has no such spelling
// ("1 ton (1 litre)" in British copy: no spelling of the gram says
// British), and then there is no fix: the editor decides.
func (j *judgement) respell(u *units.Unit, nums []numberEdit) string {
	if j.cat == nil || u == nil {
		return ""
	}
	written := j.p.B.UnitText
	want := units.HouseVariety(j.p.A.Unit)
	plural := j.pluralB(nums)
	best, bestScore := "", math.MaxInt
	for _, sp := range j.cat.Spellings() {
		if sp.Unit != u || sp.Generic {
			continue
		}
		if changesVariety(written, sp.Text, want) {
			continue
		}
		s := spellingScore(written, sp, plural)
		if sp.Text == u.Symbol || sp.Text == u.Name || sp.Text == u.Plural {
			s -= 3 // among close candidates, the unit's own symbol or name
		}
		if s < bestScore {
			best, bestScore = sp.Text, s
		}
	}
	return best
}

// pluralB reports whether B's number, as the fix writes it (nums) or as
// written, calls for a plural unit name: it is not a single "1".
func (j *judgement) pluralB(nums []numberEdit) bool {
	if nums != nil {
		return len(nums) != 1 || nums[0].text != "1"
	}
	nts := j.p.B.Numbers
	return len(nts) != 1 || nts[0].Text != "1"
}

// spellingScore ranks a candidate spelling for replacing written (lower is
// better); plural says what a name in place of a symbol should be.
func spellingScore(written string, sp units.Spelling, plural bool) int {
	cand := sp.Text
	score := 0
	if sp.Ambiguous {
		score += 1000
	}
	if spellStyle(written) != spellStyle(cand) {
		score += 500
	}
	switch {
	case spellStyle(written) != 0 && isPlural(written) != isPlural(cand):
		score += 200
	case spellStyle(written) == 0 && spellStyle(cand) != 0 && isPlural(cand) != plural:
		score += 200
	}
	lw, lc := strings.ToLower(written), strings.ToLower(cand)
	if (strings.Contains(lw, "tre") && strings.Contains(lc, "ter")) || (strings.Contains(lw, "ter") && strings.Contains(lc, "tre")) {
		score += 100
	}
	if last := cand[len(cand)-1]; last == '2' || last == '3' {
		score += 10 // "km2" is an informal form of "km²"
	}
	return score + editdist.Levenshtein(lw, lc)
}

// changesVariety reports whether writing cand for written would change
// what copy that must read as variety want reads as: cand brings in a cue
// of the other variety, or drops one of want's.
func changesVariety(written, cand string, want units.Variety) bool {
	if want == units.VarietyNone {
		return false
	}
	side := func(s string) (own, other bool) {
		uk, us := units.SpellingVariety(s)
		if want == units.VarietyUK {
			return uk, us
		}
		return us, uk
	}
	wOwn, wOther := side(written)
	cOwn, cOther := side(cand)
	return cOther && !wOther || wOwn && !cOwn
}

// spellStyle classifies a unit spelling: 0 symbol ("km", "sq km", "km²",
// "kmph"), 1 spelled out ("square kilometres", "kilometres per hour"), 2
// mixed ("sq kilometres", "km per hour"). Connectives ("per", "an", "of")
// do not count.
func spellStyle(s string) int {
	long, short := 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '/' }) {
		switch {
		case isConnective(w):
		case isWordy(w):
			long++
		default:
			short++
		}
	}
	switch {
	case long == 0:
		return 0
	case short == 0:
		return 1
	}
	return 2
}

// isPlural reports whether a spelled unit is plural: a word of it ends in
// "s" ("kilometres per hour", "square miles") or is "feet".
func isPlural(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if isWordy(w) && (strings.HasSuffix(w, "s") || w == "feet") {
			return true
		}
	}
	return false
}

// isConnective reports whether w joins the words of a unit name.
func isConnective(w string) bool {
	switch strings.ToLower(w) {
	case "per", "an", "a", "of", "to", "the":
		return true
	}
	return false
}

// isWordy reports whether s is a word rather than a symbol: four or more
// letters with a vowel ("miles", "feet"; not "kmph").
func isWordy(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 4 && strings.ContainsAny(strings.ToLower(s), "aeiou")
}
