package quantity

import (
	"github.com/unitlint/unitlint/lint/numeral"
)

// cardinalOf returns the value of a cardinal number word, or 0. A switch
// compiles to comparisons by length and content: no hashing per word.
func cardinalOf(w string) int64 {
	switch w {
	case "one":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	case "ten":
		return 10
	case "eleven":
		return 11
	case "twelve":
		return 12
	case "thirteen":
		return 13
	case "fourteen":
		return 14
	case "fifteen":
		return 15
	case "sixteen":
		return 16
	case "seventeen":
		return 17
	case "eighteen":
		return 18
	case "nineteen":
		return 19
	case "twenty":
		return 20
	case "thirty":
		return 30
	case "forty":
		return 40
	case "fifty":
		return 50
	case "sixty":
		return 60
	case "seventy":
		return 70
	case "eighty":
		return 80
	case "ninety":
		return 90
	}
	return 0
}

// lowerWord is a short ASCII word, lower-cased, held by value so that
// reading words allocates nothing.
type lowerWord struct {
	b [12]byte
	n int
}

// is reports whether the word is s.
func (w *lowerWord) is(s string) bool { return string(w.b[:w.n]) == s }

// cardinal returns the word's value as a cardinal number, or 0.
func (w *lowerWord) cardinal() int64 { return cardinalOf(string(w.b[:w.n])) }

// word returns the lower-cased ASCII word at k and its end. Words longer
// than 12 letters come back empty (no number word is that long).
func word(text []byte, k int) (lowerWord, int) {
	var w lowerWord
	e := k
	for e < len(text) && isASCIILetter(text[e]) {
		e++
	}
	if e-k > len(w.b) {
		return w, e
	}
	for i := k; i < e; i++ {
		w.b[i-k] = text[i] | 0x20
	}
	w.n = e - k
	return w, e
}

// nextWord skips one run of spaces after e and returns the next word.
func nextWord(text []byte, e int) (lowerWord, int) {
	w := spaceWidth(text, e)
	if w == 0 {
		return lowerWord{}, e
	}
	return word(text, e+w)
}

// spelled reads a spelled number followed by a unit at the word start i:
// "two miles", "a hundred miles an hour", "half a kilometer",
// "three-quarters of a mile", "two and a half stone", "a mile".
func (s *Scanner) spelled(text []byte, i int, sc *scratch) (Quantity, int, bool) {
	sv, ok := spelledValue(text, i)
	if !ok {
		return Quantity{}, 0, false
	}
	end := sv.end
	// look for the unit before building any number: most spelled words
	// ("a", "one", "ten") are followed by no unit at all
	num := number{start: i, end: end, spelled: true, locale: s.locale}
	u, us, ue, hyph, ok := s.unitAfter(text, end, &num)
	be, bare := 0, false
	if !ok {
		be, bare = bareDegrees(text, end)
		if !bare {
			return Quantity{}, 0, false
		}
	}
	v, fine := sc.arena.Frac(sv.num, sv.den), sc.arena.Frac(sv.fineNum, sv.fineDen)
	num.written = string(text[i:end])
	num.spelledAmt = numeral.TakeExact(v, fine)
	num.n = numeral.Number{Value: v, Sig: num.spelledAmt.Sig}
	if sign, ss := signBefore(text, i); sign {
		num.neg = true
		num.sign = string(text[ss:i])
		i = ss
	}
	if bare {
		q := Quantity{Kind: Measure, Start: i, End: be, BareDegrees: true, UnitStart: end, UnitEnd: be}
		q.Numbers = sc.numbers.take(num.text())
		q.Amounts = sc.amounts.take(num.amount())
		if e, below := belowZero(text, be); below {
			q.End = e
			q.Amounts[0].Value.Neg(q.Amounts[0].Value)
		}
		s.finish(text, &q)
		return q, q.End, true
	}
	q := Quantity{Kind: Measure, Start: i, End: ue}
	q.setUnit(u, us, ue, hyph)
	q.Numbers = sc.numbers.take(num.text())
	q.Amounts = sc.amounts.take(num.amount())
	s.finish(text, &q)
	return q, q.End, true
}

// spelledNumber is a spelled number's value and the place value of its
// last word, as small fractions, so that reading one allocates nothing.
type spelledNumber struct {
	num, den         int64 // value
	fineNum, fineDen int64 // place value of the last word
	end              int   // where the number words end
}

// spelledValue reads a spelled number at i: "two", "twenty-five", "a
// hundred", "half a", "three-quarters of a", "two and a half", "a".
func spelledValue(text []byte, i int) (spelledNumber, bool) {
	w, e := word(text, i)
	switch {
	case w.is("a") || w.is("an"):
		nw, ne := nextWord(text, e)
		switch {
		case nw.is("hundred"):
			return spelledNumber{100, 1, 100, 1, ne}, true
		case nw.is("thousand"):
			return spelledNumber{1000, 1, 1000, 1, ne}, true
		case nw.is("dozen"):
			return spelledNumber{12, 1, 1, 1, ne}, true
		case nw.is("quarter"):
			if end, ok := ofA(text, ne); ok {
				return spelledNumber{1, 4, 1, 4, end}, true
			}
			return spelledNumber{}, false
		case nw.is("half"):
			return spelledNumber{}, false
		}
		// "a mile": one, when a unit follows (checked by the caller)
		return spelledNumber{1, 1, 1, 1, e}, true
	case w.is("half"):
		nw, ne := nextWord(text, e)
		if nw.is("a") || nw.is("an") {
			return spelledNumber{1, 2, 1, 2, ne}, true
		}
		return spelledNumber{}, false
	case w.is("quarter"):
		if end, ok := ofA(text, e); ok {
			return spelledNumber{1, 4, 1, 4, end}, true
		}
		return spelledNumber{}, false
	}
	// "three-quarters of a", "three quarters of a"
	if w.is("three") && e < len(text) && (text[e] == '-' || text[e] == ' ') {
		if qw, qe := word(text, e+1); qw.is("quarters") {
			if end, ok := ofA(text, qe); ok {
				return spelledNumber{3, 4, 1, 4, end}, true
			}
		}
	}
	base := w.cardinal()
	if base == 0 {
		return spelledNumber{}, false
	}
	v, end := base, e
	// "twenty-five"
	if base >= 20 && base%10 == 0 && end < len(text) && text[end] == '-' {
		if uw, ue := word(text, end+1); uw.cardinal() > 0 && uw.cardinal() < 10 {
			v += uw.cardinal()
			end = ue
		}
	}
	fine := int64(1)
	// "two hundred", "three thousand"
	nw, ne := nextWord(text, end)
	if nw.is("hundred") || nw.is("thousand") {
		fine = 100
		if nw.is("thousand") {
			fine = 1000
		}
		v *= fine
		end = ne
		nw, ne = nextWord(text, end)
	}
	// "two and a half"
	if nw.is("and") {
		if aw, ae := nextWord(text, ne); aw.is("a") {
			if hw, he := nextWord(text, ae); hw.is("half") {
				return spelledNumber{2*v + 1, 2, 1, 2, he}, true
			}
		}
	}
	return spelledNumber{v, 1, fine, 1, end}, true
}

// ofA reads " of a" or " of an" after e.
func ofA(text []byte, e int) (int, bool) {
	ow, oe := nextWord(text, e)
	if !ow.is("of") {
		return 0, false
	}
	aw, ae := nextWord(text, oe)
	if !aw.is("a") && !aw.is("an") {
		return 0, false
	}
	return ae, true
}
