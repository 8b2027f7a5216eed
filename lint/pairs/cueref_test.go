package pairs

import (
	"bytes"
	"slices"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/quantity"
)

// This file keeps the temperature cue as it was before it classified
// words in one switch and read its clause in one pass (commit 1d0943b):
// the reference TestTemperatureCueReference holds TemperatureCue to.

// change nouns and comparatives: "a 2C (3.6F) rise", "1C (1.8F) warmer than"
var refChangeAfter = [...]string{
	"rise", "rises", "increase", "increases", "jump", "jumps", "drop", "drops", "fall",
	"falls", "swing", "swings", "anomaly", "anomalies", "warming", "cooling", "change",
	"changes", "warmer", "cooler", "hotter", "colder", "higher", "lower", "above",
	"below", "more", "less", "difference", "gap", "spike", "dip", "surge", "climb",
}

// nouns that make a following "of" a change cue: "a rise of 2C"
var refChangeNouns = [...]string{
	"rise", "increase", "warming", "cooling", "drop", "fall", "decline", "jump",
	"swing", "change", "anomaly", "increase", "climb", "dip", "spike", "surge",
}

// nouns that make a following "of" a reading cue: "highs of 35C"
var refReadingNouns = [...]string{
	"high", "highs", "low", "lows", "temperature", "temperatures", "fever", "reading",
	"record", "maximum", "minimum", "peak", "heat",
}

// nouns that govern a "to"/"at" in their clause, making it no reading cue:
// "hold warming to 2C", "cap any increase at 2C"
var refGoverningNouns = [...]string{"warming", "increase", "cooling", "anomaly", "change", "heating"}

// reading verbs right before a temperature
var refReadingVerbs = [...]string{
	"to", "at", "reached", "reach", "reaches", "hit", "hits",
	"showed", "shows", "read", "reads", "touched", "topped", "recorded",
}

// refTemperatureCue reads whether a temperature pair is a reading or a change
// (PRECISION.md §4.4) from the words of its clause before A (not before
// floor, the end of the previous pair) and right after B.
func refTemperatureCue(text []byte, a, b *quantity.Quantity, floor int) judge.TempCue {
	change, reading := false, false
	before := refClauseBefore(text, a.HedgeStart, floor)
	var buf [8][]byte // the word lists below, without an allocation
	words := refLastWords(buf[:0], before, 3)
	if n := len(words); n > 0 {
		last := string(words[n-1])
		prev := ""
		if n > 1 {
			prev = string(words[n-2])
		}
		switch {
		case last == "by":
			change = true
		case last == "of" && refIn(prev, refChangeNouns[:]):
			change = true
		case last == "of" && refIn(prev, refReadingNouns[:]):
			reading = true
		case refIn(last, refReadingVerbs[:]):
			if (last == "to" || last == "at") && refGoverned(before) {
				change = true
			} else {
				reading = true
			}
		}
	}
	if bytes.Contains(before, []byte("±")) || bytes.Contains(before, []byte("+/-")) {
		change = true
	}
	// after B: "rise", "warmer than", "above average", "of warming"
	after := refAfterPair(text, b.End)
	if aw := refFirstWords(buf[:0], after, 3); len(aw) > 0 {
		w := string(aw[0])
		switch {
		case refIn(w, refChangeAfter[:]):
			if (w == "above" || w == "below") && !refAboveBaseline(aw) {
				break
			}
			change = true
		case w == "of" && len(aw) > 1 && refIn(string(aw[1]), refChangeNouns[:]):
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

// refAboveBaseline reports whether "above"/"below" introduces a baseline:
// "above average", "above the long-term average", "above normal".
func refAboveBaseline(words [][]byte) bool {
	for _, w := range words[1:] {
		switch string(w) {
		case "average", "normal", "usual", "the", "long", "term", "pre", "industrial", "preindustrial", "levels", "baseline":
			return true
		}
	}
	return false
}

// refGoverned reports whether a change noun governs the clause.
func refGoverned(clause []byte) bool {
	var buf [8][]byte
	for _, w := range refLastWords(buf[:0], clause, 8) {
		if refIn(string(w), refGoverningNouns[:]) {
			return true
		}
		if string(w) == "rise" {
			return true
		}
	}
	return false
}

// refClauseBefore returns the clause ending at i: back to a sentence end, a
// semicolon or floor, at most 120 bytes.
func refClauseBefore(text []byte, i, floor int) []byte {
	start := i - 120
	if start < floor {
		start = floor
	}
	if start < 0 {
		start = 0
	}
	c := text[start:i]
	if k := bytes.LastIndexAny(c, ".;!?"); k >= 0 {
		c = c[k+1:]
	}
	return c
}

// refAfterPair returns the text after a pair's B, past a closing bracket or
// dash.
func refAfterPair(text []byte, end int) []byte {
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

// refLastWords appends to dst up to n lower-cased ASCII words at the end of
// b, in text order, and returns the extended slice.
func refLastWords(dst [][]byte, b []byte, n int) [][]byte {
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
		out = append(out, refLowerASCII(b[k:e]))
	}
	slices.Reverse(out[len(dst):])
	return out
}

// refLowerASCII returns w lower-cased: w itself when it has no upper-case
// ASCII letter (the words are only read), a lower-cased copy otherwise.
func refLowerASCII(w []byte) []byte {
	for _, c := range w {
		if 'A' <= c && c <= 'Z' {
			return bytes.ToLower(w)
		}
	}
	return w
}

// refFirstWords appends to dst up to n lower-cased ASCII words at the start
// of b, stopping at punctuation other than hyphens, and returns the
// extended slice.
func refFirstWords(dst [][]byte, b []byte, n int) [][]byte {
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
		out = append(out, refLowerASCII(b[s:k]))
	}
	return out
}

func refIn(w string, set []string) bool {
	for _, s := range set {
		if w == s {
			return true
		}
	}
	return false
}
