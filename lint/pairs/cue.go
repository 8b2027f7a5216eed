package pairs

import (
	"slices"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/quantity"
)

// The classes of the words the temperature cue reads, as a bit set
// (wordClass). A word may be in several: "rise" is a change word after B,
// a change noun before "of" and a noun that governs its clause.
const (
	// change nouns and comparatives after B: "a 2C (3.6F) rise", "1C
	// (1.8F) warmer than"
	clsChangeAfter uint16 = 1 << iota
	// nouns that make a following "of" a change cue: "a rise of 2C"
	clsChangeNoun
	// nouns that make a following "of" a reading cue: "highs of 35C"
	clsReadingNoun
	// nouns that govern a "to"/"at" in their clause, making it no reading
	// cue: "hold warming to 2C", "cap any increase at 2C" (and "rise")
	clsGoverning
	// reading verbs right before a temperature
	clsReadingVerb
	// words after "above"/"below" that make it a baseline: "above
	// average", "above the long-term average"
	clsBaseline
	clsBy         // "by"
	clsOf         // "of"
	clsToAt       // "to" or "at"
	clsAboveBelow // "above" or "below"
)

// maxClassWord is the length of the longest word with a class.
const maxClassWord = len("preindustrial")

// wordClass returns the classes of w, a word of ASCII letters in any case
// (0 for a word in none). It compares the word lower-cased in a stack
// buffer, with no copy on the heap.
func wordClass(w []byte) uint16 {
	if len(w) < 2 || len(w) > maxClassWord {
		return 0
	}
	var buf [maxClassWord]byte
	for i, c := range w {
		buf[i] = c | 0x20 // an ASCII letter lower-cased
	}
	switch string(buf[:len(w)]) {
	case "by":
		return clsBy
	case "of":
		return clsOf
	case "to", "at":
		return clsToAt | clsReadingVerb
	case "above", "below":
		return clsAboveBelow | clsChangeAfter
	case "rise", "increase", "warming", "cooling", "change", "anomaly":
		return clsChangeAfter | clsChangeNoun | clsGoverning
	case "jump", "drop", "fall", "swing", "spike", "dip", "surge", "climb":
		return clsChangeAfter | clsChangeNoun
	case "decline":
		return clsChangeNoun
	case "heating":
		return clsGoverning
	case "rises", "increases", "jumps", "drops", "falls", "swings", "anomalies",
		"changes", "warmer", "cooler", "hotter", "colder", "higher", "lower",
		"more", "less", "difference", "gap":
		return clsChangeAfter
	case "high", "highs", "low", "lows", "temperature", "temperatures", "fever",
		"reading", "record", "maximum", "minimum", "peak", "heat":
		return clsReadingNoun
	case "reached", "reach", "reaches", "hit", "hits", "showed", "shows", "read",
		"reads", "touched", "topped", "recorded":
		return clsReadingVerb
	case "average", "normal", "usual", "the", "long", "term", "pre", "industrial",
		"preindustrial", "levels", "baseline":
		return clsBaseline
	}
	return 0
}

// TemperatureCue reads whether a temperature pair is a reading or a change
// (PRECISION.md §4.4) from the words of its clause before A (not before
// floor, the end of the previous pair) and right after B.
func TemperatureCue(text []byte, a, b *quantity.Quantity, floor int) judge.TempCue {
	change, reading := false, false
	before, plusMinus := clauseBefore(text, a.HedgeStart, floor)
	var buf [8][]byte // the word lists below, without an allocation
	// the last two words are all the rules below read
	if words := lastWords(buf[:0], before, 2); len(words) > 0 {
		last := wordClass(words[len(words)-1])
		var prev uint16
		if len(words) > 1 {
			prev = wordClass(words[len(words)-2])
		}
		switch {
		case last&clsBy != 0:
			change = true
		case last&clsOf != 0 && prev&clsChangeNoun != 0:
			change = true
		case last&clsOf != 0 && prev&clsReadingNoun != 0:
			reading = true
		case last&clsReadingVerb != 0:
			if last&clsToAt != 0 && governed(before) {
				change = true
			} else {
				reading = true
			}
		}
	}
	if plusMinus {
		change = true
	}
	// after B: "rise", "warmer than", "above average", "of warming"
	after := afterPair(text, b.End)
	if aw := firstWords(buf[:0], after, 3); len(aw) > 0 {
		w := wordClass(aw[0])
		switch {
		case w&clsChangeAfter != 0:
			if w&clsAboveBelow != 0 && !aboveBaseline(aw) {
				break
			}
			change = true
		case w&clsOf != 0 && len(aw) > 1 && wordClass(aw[1])&clsChangeNoun != 0:
			change = true
		}
	}
	switch {
	case change && reading:
		return judge.TempBoth
	case change:
		return judge.TempChange
	case reading:
		return judge.TempReading
	}
	return judge.TempUnknown
}

// aboveBaseline reports whether "above"/"below" introduces a baseline:
// "above average", "above the long-term average", "above normal".
func aboveBaseline(words [][]byte) bool {
	for _, w := range words[1:] {
		if wordClass(w)&clsBaseline != 0 {
			return true
		}
	}
	return false
}

// governed reports whether a change noun governs the clause.
func governed(clause []byte) bool {
	var buf [8][]byte
	for _, w := range lastWords(buf[:0], clause, 8) {
		if wordClass(w)&clsGoverning != 0 {
			return true
		}
	}
	return false
}

// clauseBefore returns the clause ending at i: back to a sentence end, a
// semicolon or floor, at most 120 bytes; and whether the clause holds a
// "±" or a "+/-". It reads the clause once, backwards.
func clauseBefore(text []byte, i, floor int) (clause []byte, plusMinus bool) {
	start := i - 120
	if start < floor {
		start = floor
	}
	if start < 0 {
		start = 0
	}
	// the bytes below 64 the loop stops at: a clause end, or the last
	// byte of "+/-"
	const marks uint64 = 1<<'.' | 1<<';' | 1<<'!' | 1<<'?' | 1<<'-'
	k := i
	for k > start {
		c := text[k-1]
		switch {
		case c < 64 && marks>>c&1 != 0:
			if c != '-' {
				return text[k:i], plusMinus
			}
			// the "+/" before it is in the clause: neither is a clause end
			if k-3 >= start && text[k-3] == '+' && text[k-2] == '/' {
				plusMinus = true
			}
		case c == 0xB1: // "±" is C2 B1
			if k-2 >= start && text[k-2] == 0xC2 {
				plusMinus = true
			}
		}
		k--
	}
	return text[start:i], plusMinus
}

// afterPair returns the text after a pair's B, past a closing bracket or
// dash.
func afterPair(text []byte, end int) []byte {
	t := trimLeftSpace(text[end:])
	if len(t) > 0 && (t[0] == ')' || t[0] == ',') {
		t = t[1:]
	}
	if d := leadingToken(t); d != nil {
		t = trimLeftSpace(t)[len(d):]
	}
	if len(t) > 80 {
		t = t[:80]
	}
	return t
}

// lastWords appends to dst up to n ASCII words at the end of b, in text
// order and as written (wordClass reads them in any case), and returns
// the extended slice. It stops at a full stop or a comma after the first
// word.
func lastWords(dst [][]byte, b []byte, n int) [][]byte {
	out := dst // last word first, reversed at the end
	k := len(b)
	for len(out)-len(dst) < n && k > 0 {
		for k > 0 && !isLetter(b[k-1]) {
			if b[k-1] == '.' || b[k-1] == ',' {
				if len(out) > len(dst) {
					break
				}
			}
			k--
		}
		e := k
		for k > 0 && isLetter(b[k-1]) {
			k--
		}
		if e == k {
			break
		}
		out = append(out, b[k:e])
	}
	slices.Reverse(out[len(dst):])
	return out
}

// firstWords appends to dst up to n ASCII words at the start of b, as
// written, stopping at punctuation other than hyphens, and returns the
// extended slice.
func firstWords(dst [][]byte, b []byte, n int) [][]byte {
	out := dst
	k := 0
	for len(out)-len(dst) < n && k < len(b) {
		for k < len(b) && (b[k] == ' ' || b[k] == '-') {
			k++
		}
		s := k
		for k < len(b) && isLetter(b[k]) {
			k++
		}
		if s == k {
			break
		}
		out = append(out, b[s:k])
	}
	return out
}
