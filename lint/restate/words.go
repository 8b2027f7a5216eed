package restate

import (
	"bytes"
	"strings"
)

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// lastWord returns the ASCII word at the end of b ("" if b ends otherwise).
func lastWord(b []byte) string {
	k := len(b)
	for k > 0 && isLetter(b[k-1]) {
		k--
	}
	return string(b[k:])
}

// firstWord returns the lower-cased ASCII word at the start of b.
func firstWord(b []byte) string {
	k := 0
	for k < len(b) && isLetter(b[k]) {
		k++
	}
	return strings.ToLower(string(b[:k]))
}

// atSentenceStart reports whether b (text before a word) ends a sentence
// and one word: "... in 2019. At" → true.
func atSentenceStart(b []byte) bool {
	w := lastWord(b)
	rest := bytes.TrimRight(b[:len(b)-len(w)], " \t\n\u00a0")
	return len(rest) == 0 || bytes.ContainsAny(rest[len(rest)-1:], ".!?\n\"”")
}

// function words that cannot be a head noun
var notNouns = [...]string{
	"is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "could",
	"can", "may", "might", "should", "must", "of", "in", "on", "at", "to", "from", "for", "and",
	"or", "by", "with", "that", "which", "per", "than", "as", "into", "over", "under", "long",
	"high", "wide", "deep", "tall", "away", "across", "above", "below", "it", "its", "the", "a",
	"an", "so", "but", "when", "while", "after", "before", "since", "up", "down", "off", "out",
}

// headNoun returns the noun right after a quantity ("the 30,000-acre
// blaze" → "blaze"), lower-cased, or "".
func headNoun(after []byte) string {
	t := bytes.TrimLeft(after, " \u00a0")
	if len(t) == len(after) && len(after) > 0 && after[0] != '-' {
		return "" // glued to something
	}
	t = bytes.TrimLeft(t, "-")
	w := firstWord(t)
	if w == "" || in(w, notNouns[:]) {
		return ""
	}
	// the word must end there: "blaze by", not "blaze-like"
	if len(t) > len(w) && (t[len(w)] == '-' || isLetter(t[len(w)])) {
		return ""
	}
	return w
}

// maxSentence bounds how far, in bytes, a sentence is read either side of
// a quantity: no sentence of news copy is near it, and without it a file
// of one unpunctuated line would be read whole for every quantity in it.
const maxSentence = 600

// sentenceStart returns the offset where the sentence holding i starts
// (at most maxSentence bytes before i).
func sentenceStart(text []byte, i int) int {
	floor := max(i-maxSentence, 0)
	for k := i - 1; k > floor; k-- {
		c := text[k]
		if c == '\n' && k > 0 && text[k-1] == '\n' {
			return k + 1
		}
		if (c == '.' || c == '!' || c == '?') && k+1 < len(text) && (text[k+1] == ' ' || text[k+1] == '\n') {
			// not a decimal point or an abbreviation like "St." before a digit
			if k+2 < len(text) && text[k+2] >= '0' && text[k+2] <= '9' {
				continue
			}
			return k + 1
		}
	}
	return floor
}

// sentence returns the sentence holding offset i (at most maxSentence
// bytes either side of it).
func sentence(text []byte, i int) []byte {
	s := sentenceStart(text, i)
	e := i
	for e < len(text) && e < i+maxSentence {
		c := text[e]
		if (c == '.' || c == '!' || c == '?') && (e+1 == len(text) || text[e+1] == ' ' || text[e+1] == '\n') {
			break
		}
		if c == '\n' && e+1 < len(text) && text[e+1] == '\n' {
			break
		}
		e++
	}
	return text[s:e]
}

// lowerWords returns the lower-cased ASCII words of b.
func lowerWords(b []byte) []string {
	var out []string
	for k := 0; k < len(b); {
		for k < len(b) && !isLetter(b[k]) {
			k++
		}
		s := k
		for k < len(b) && isLetter(b[k]) {
			k++
		}
		if k > s {
			out = append(out, strings.ToLower(string(b[s:k])))
		}
	}
	return out
}

// stemOf strips plural and verb endings: "densities" → "density",
// "flooding" → "flood", "winds" → "wind".
func stemOf(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return w[:len(w)-3]
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// kinds groups the words news copy uses for one thing, so "the 30,000-acre
// blaze" can refer back to "the fire".
var kinds = map[string]string{
	"fire": "fire", "fires": "fire", "blaze": "fire", "wildfire": "fire", "inferno": "fire",
	"flames": "fire", "bushfire": "fire", "burned": "fire", "burnt": "fire",
	"storm": "storm", "hurricane": "storm", "typhoon": "storm", "cyclone": "storm", "tornado": "storm",
	"gale": "storm", "wind": "wind", "winds": "wind", "gust": "wind", "gusts": "wind",
	"rain": "rain", "rainfall": "rain", "deluge": "rain", "downpour": "rain", "cloudburst": "rain",
	"snow": "snow", "snowfall": "snow", "blizzard": "snow",
	"lake": "water", "reservoir": "water", "loch": "water", "lagoon": "water", "pond": "water",
	"route": "route", "course": "route", "race": "route", "marathon": "route", "trail": "route",
	"circuit": "route", "path": "route", "walk": "route", "ride": "route",
	"flood": "flood", "flooding": "flood", "floods": "flood", "floodwater": "flood", "floodwaters": "flood",
	"plant": "plant", "station": "plant", "facility": "plant", "factory": "plant", "reactor": "plant",
	"spill": "spill", "leak": "spill", "discharge": "spill", "slick": "spill",
	"heat": "heat", "heatwave": "heat", "temperature": "heat", "temperatures": "heat", "reading": "heat",
	"thermometer": "heat", "mercury": "heat", "high": "heat",
	"rise": "change", "risen": "change", "rose": "change", "rising": "change", "increase": "change",
	"warming": "change", "jump": "change", "climb": "change", "drop": "change", "fall": "change",
	"fell": "change", "fallen": "change", "anomaly": "change",
	"man": "person", "woman": "person", "boy": "person", "girl": "person", "suspect": "person",
	"vessel": "ship", "ship": "ship", "tanker": "ship", "boat": "ship", "ferry": "ship", "freighter": "ship",
	"structure": "building", "viaduct": "building", "bridge": "building", "tower": "building",
	"building": "building", "dam": "building", "mast": "building", "statue": "building",
	"monument": "building", "skyscraper": "building", "spire": "building", "wall": "building",
	"haul": "haul", "seizure": "haul", "seized": "haul", "shipment": "haul", "consignment": "haul",
	"cargo": "haul", "load": "haul", "carrying": "haul", "carried": "haul", "catch": "haul",
	"borehole": "hole", "well": "hole", "shaft": "hole", "mine": "hole", "tunnel": "hole",
	"pipeline": "pipeline", "pipe": "pipeline",
	"density": "density", "densities": "density",
}

// kindOf returns the kind of a word, or "".
func kindOf(w string) string { return kinds[w] }

// anaphors refer back to whatever their article has just described.
var anaphors = [...]string{
	"structure", "haul", "cargo", "load", "shipment", "consignment", "figure", "site", "project",
	"facility", "development", "scheme",
}

func isAnaphor(w string) bool { return in(w, anaphors[:]) }

// massNouns may follow a quantity with no determiner and still refer back:
// "never known 120F heat".
var massNouns = [...]string{"heat", "cold", "rain", "rainfall", "snow", "snowfall", "water", "flooding"}

func isMassNoun(w string) bool { return in(w, massNouns[:]) }

var numberWords = [...]string{
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
	"several", "many", "few", "two", "both", "all", "most",
}

func isNumberWord(w string) bool { return in(w, numberWords[:]) }

func in(w string, set []string) bool {
	for _, s := range set {
		if w == s {
			return true
		}
	}
	return false
}
